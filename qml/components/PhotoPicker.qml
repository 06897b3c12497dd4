import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Cunxiao

// PhotoPicker: one interface for photos, whatever their source: a file dialog
// everywhere, and the camera (CameraPage) where the device has one. Both hand
// the picture to MediaStore.importImage(), which scales it (max 1600 px, JPEG
// q80) and gives it to the sync engine; the answer holds the engine's
// reference {sha256, size, type} (a list of them when `multiple`).
ColumnLayout {
    id: root
    property var value               // a reference, an old file name, "" / null; a list when multiple
    property bool multiple: false
    signal edited(var value)
    readonly property var items: {
        if (Array.isArray(root.value))
            return root.value
        if (root.value === undefined || root.value === null || root.value === "")
            return []
        return [root.value]
    }
    spacing: 6

    function add(ref) {
        if (!ref || ref.sha256 === undefined)
            return
        root.edited(root.multiple ? root.items.concat([ref]) : ref)
    }
    function removeAt(i) {
        if (!root.multiple) {
            root.edited("")
            return
        }
        const rest = root.items.slice()
        rest.splice(i, 1)
        root.edited(rest)
    }

    Flow {
        Layout.fillWidth: true
        spacing: 8
        visible: root.items.length > 0
        Repeater {
            objectName: "photos"
            model: root.items
            delegate: AttachmentPreview {
                required property var modelData
                required property int index
                width: root.multiple ? Math.min(220, root.width) : root.width
                reference: modelData
                previewHeight: 160
                removable: root.enabled
                onRemoveRequested: root.removeAt(index)
            }
        }
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        visible: root.enabled
        Button {
            objectName: "choosePhoto"
            text: root.items.length === 0
                  //: Photo field: pick a picture file.
                  ? qsTr("Choose photo")
                  : root.multiple
                    //: Photo field with several photos: pick one more picture file.
                    ? qsTr("Add photo")
                    //: Photo field: pick another picture file instead of this one.
                    : qsTr("Replace photo")
            implicitHeight: Theme.touch
            onClicked: dialog.open()
        }
        Button {
            objectName: "takePhoto"
            visible: MediaStore.hasCamera
            //: Photo field: take a picture with the camera.
            text: qsTr("Take photo")
            implicitHeight: Theme.touch
            onClicked: camera.open()
        }
    }
    Label {
        id: failed
        objectName: "photoError"
        visible: text !== ""
        color: Theme.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    FileDialog {
        id: dialog
        //: Title of the file dialog for photos.
        title: qsTr("Choose a photo")
        fileMode: root.multiple ? FileDialog.OpenFiles : FileDialog.OpenFile
        //: File dialog filter for pictures.
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png)")]
        onAccepted: {
            failed.text = ""
            const files = root.multiple ? selectedFiles : [selectedFile]
            let refs = []
            for (const f of files) {
                const ref = MediaStore.importImage(f)
                if (ref.sha256 === undefined)
                    failed.text = MediaStore.lastError
                else
                    refs.push(ref)
            }
            if (refs.length > 0)
                root.edited(root.multiple ? root.items.concat(refs) : refs[0])
        }
    }
    Popup {
        id: camera
        parent: Overlay.overlay
        x: 0
        y: 0
        width: parent ? parent.width : 360
        height: parent ? parent.height : 640
        modal: true
        padding: 0
        closePolicy: Popup.CloseOnEscape
        contentItem: Loader {
            active: camera.opened
            sourceComponent: CameraPage {
                onCaptured: ref => { camera.close(); root.add(ref) }
                onCancelled: camera.close()
            }
        }
    }
}
