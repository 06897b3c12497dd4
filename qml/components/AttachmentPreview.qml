import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// AttachmentPreview: one photo or signature as an answer holds it (the sync
// engine's reference {sha256, size, type}, or an old file name). Shows the
// local copy; for one this phone does not have (taken on another device) a
// placeholder with its size and a button that downloads it. Under it, where
// the photo stands: waiting, sent, held until Wi-Fi, refused with the reason.
ColumnLayout {
    id: root
    property var reference
    property int previewHeight: 150
    property bool removable: false
    property bool showState: true
    property bool framed: true
    signal removeRequested()
    // MediaStore.revision: re-read whenever an upload or a download moves on.
    readonly property var status: { MediaStore.revision; return MediaStore.status(root.reference) }
    readonly property url source: { MediaStore.revision; return MediaStore.url(root.reference) }
    readonly property bool shown: String(root.source) !== ""
    spacing: 4

    Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: root.previewHeight
        color: root.framed ? Theme.surface : "transparent"
        border.color: root.framed ? Theme.divider : "transparent"
        radius: 6
        Image {
            objectName: "attachmentImage"
            anchors.fill: parent
            anchors.margins: 2
            visible: root.shown
            source: root.source
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            sourceSize.width: 640
        }
        ColumnLayout {
            objectName: "attachmentPlaceholder"
            anchors.centerIn: parent
            width: parent.width - 16
            visible: !root.shown
            spacing: 6
            Label {
                objectName: "placeholderText"
                text: root.status.text || ""
                color: Theme.muted
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "downloadButton"
                visible: root.status.state === "remote"
                //: Photo taken on another device: download it to this phone. %1 is its size.
                text: qsTr("Download (%1)").arg(root.status.sizeText || "")
                implicitHeight: Theme.touch
                Layout.alignment: Qt.AlignHCenter
                onClicked: MediaStore.download(root.reference)
            }
            BusyIndicator {
                visible: running
                running: root.status.state === "downloading"
                Layout.alignment: Qt.AlignHCenter
            }
        }
        ToolButton {
            id: removeButton
            objectName: "removeAttachment"
            visible: root.removable
            anchors.top: parent.top
            anchors.right: parent.right
            anchors.margins: 2
            width: Theme.touch
            height: Theme.touch
            text: "✕"
            contentItem: Text {
                text: "✕"
                color: "white"
                font.pixelSize: Theme.fontLarge
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                anchors.centerIn: parent
                width: 36
                height: 36
                radius: 18
                color: removeButton.pressed ? Theme.scrimPressed : Theme.scrim
            }
            //: Photo field: remove this photo from the answer (accessible name of the small ✕ button).
            Accessible.name: qsTr("Remove photo")
            onClicked: root.removeRequested()
        }
    }
    Label {
        objectName: "attachmentState"
        visible: root.showState && root.shown && text !== ""
        text: root.status.text || ""
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        color: {
            switch (root.status.state) {
            case "sent": return Theme.ok
            case "refused": return Theme.error
            case "held": return Theme.info
            case "waiting": case "sending": case "old": case "unsaved": return Theme.warn
            }
            return Theme.muted
        }
    }
}
