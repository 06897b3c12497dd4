import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SectionCard: a white card with a title; children go into its column.
Pane {
    id: root
    property string heading
    default property alias content: column.data
    padding: Theme.margin
    background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.divider }
    ColumnLayout {
        id: column
        width: parent.width
        spacing: 8
        Label {
            visible: root.heading !== ""
            text: root.heading
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.primary
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
    }
}
