import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Cunxiao

// PhotoPicker: one interface for photos. Desktop: a file dialog; where the
// platform has a camera, MediaStore.hasCamera offers it. The picked image is
// scaled down (max 1600 px, JPEG q80) before it is stored.
ColumnLayout {
    id: root
    property string value
    signal edited(string value)
    spacing: 6
    Image {
        visible: root.value !== ""
        source: root.value !== "" ? MediaStore.url(root.value) : ""
        fillMode: Image.PreserveAspectFit
        sourceSize.width: 640
        Layout.preferredHeight: 160
        Layout.fillWidth: true
    }
    RowLayout {
        Button {
            //: Photo field: pick a picture file.
            text: root.value === "" ? qsTr("Choose photo") : qsTr("Replace photo")
            implicitHeight: Theme.touch
            onClicked: dialog.open()
        }
        Button {
            visible: MediaStore.hasCamera
            //: Photo field: take a picture with the camera.
            text: qsTr("Take photo")
            implicitHeight: Theme.touch
        }
        Button {
            visible: root.value !== ""
            //: Photo field: remove the photo.
            text: qsTr("Remove")
            flat: true
            implicitHeight: Theme.touch
            onClicked: root.edited("")
        }
    }
    Label {
        id: failed
        visible: false
        //: Photo field: the chosen file is not a picture.
        text: qsTr("This file could not be read as a picture.")
        color: Theme.error
    }
    FileDialog {
        id: dialog
        //: Title of the file dialog for photos.
        title: qsTr("Choose a photo")
        //: File dialog filter for pictures.
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png)")]
        onAccepted: {
            const name = MediaStore.importPhoto(selectedFile)
            failed.visible = name === ""
            if (name !== "") root.edited(name)
        }
    }
}
