import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Cunxiao

// CameraPage: take a photo with the device's camera (Qt Multimedia: a
// CaptureSession with a Camera, an ImageCapture and a VideoOutput). The
// capture stays in memory: PhotoCapture takes the full-resolution frame and
// MediaStore.importImage() seals it while writing, so no clear file of the
// photo is ever written; `captured` hands the reference to whoever opened the
// page (PhotoPicker). Without a camera the page says so and offers to go back.
Page {
    id: page
    property string pageName: "CameraPage"
    property bool busy: false
    // Scanning a QR code (the sign-in page): the picture is read, not kept;
    // `scanned` hands it (a QImage, in memory) to the reader (QrReader).
    property bool scanQr: false
    signal scanned(var image)
    signal captured(var reference)
    signal cancelled()
    //: Title of the camera page.
    title: scanQr ? qsTr("Scan the bureau's QR code") : qsTr("Take photo")
    background: Rectangle { color: Theme.cameraBackground }

    Loader {
        id: session
        // The loaded capture session (its ready and shoot() are read by name), or null.
        readonly property var capture: item
        anchors.fill: parent
        // Nothing of the camera exists until a camera does: no device, no warnings.
        active: MediaStore.hasCamera && page.visible
        sourceComponent: Item {
            // The full-resolution frame, in memory (imageCaptured's image may be a
            // low-resolution preview on some platforms; imageAvailable's frame is not).
            function shoot() { photo.shoot() }
            readonly property bool ready: imageCapture.readyForCapture
            PhotoCapture {
                id: photo
                camera: imageCapture
                scanOnly: page.scanQr
                onCaptured: ref => { page.busy = false; page.captured(ref) }
                onScanned: image => { page.busy = false; page.scanned(image) }
                onFailed: why => { page.busy = false; message.text = why }
            }
            CaptureSession {
                camera: Camera {
                    id: cam
                    active: true
                    onErrorOccurred: (error, errorString) => message.text = errorString
                }
                imageCapture: ImageCapture {
                    id: imageCapture
                }
                videoOutput: viewfinder
            }
            VideoOutput {
                id: viewfinder
                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectFit
            }
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 480)
        visible: !MediaStore.hasCamera
        spacing: Theme.spacing
        Label {
            objectName: "noCamera"
            //: Camera page on a device without a camera.
            text: page.scanQr ? qsTr("No camera was found on this device. Type the enrolment code instead.")
                              : qsTr("No camera was found on this device. Use \"Choose photo\" to pick a picture file instead.")
            color: "white"
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }

    footer: Pane {
        background: Rectangle { color: Theme.cameraBackground }
        ColumnLayout {
            width: parent.width
            spacing: 6
            Label {
                id: message
                objectName: "cameraMessage"
                visible: text !== ""
                color: Theme.errorOnDark
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Button {
                    //: Camera page: close without taking a photo.
                    text: qsTr("Cancel")
                    implicitHeight: Theme.touch
                    onClicked: {
                        page.cancelled()
                        // Opened as a page of the app's stack rather than by a PhotoPicker: go back.
                        if (page.StackView.view && page.StackView.view.depth > 1)
                            page.StackView.view.pop()
                    }
                }
                Item { Layout.fillWidth: true }
                BusyIndicator { running: page.busy; visible: running; implicitHeight: Theme.touch }
                Button {
                    objectName: "shutter"
                    visible: MediaStore.hasCamera
                    //: Camera page: the shutter button (taking a picture of the bureau's QR code).
                    text: page.scanQr ? qsTr("Scan") : qsTr("Take photo")
                    highlighted: true
                    enabled: session.capture !== null && session.capture.ready && !page.busy
                    implicitHeight: Theme.touch
                    implicitWidth: 140
                    onClicked: { page.busy = true; message.text = ""; session.capture.shoot() }
                }
            }
        }
    }
}
