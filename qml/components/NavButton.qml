import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// NavButton: one navigation destination, horizontal (side nav, drawer) or
// vertical (bottom bar); at least a 48 px touch target.
ItemDelegate {
    id: root
    property string glyph
    property string label
    property bool current: false
    property bool vertical: false
    implicitHeight: vertical ? 64 : Theme.touch + 4
    background: Rectangle {
        color: root.down ? Theme.navPressed : (root.current ? Theme.navCurrent : "transparent")
        Rectangle { visible: root.current && !root.vertical; width: 4; height: parent.height; color: Theme.primary }
        Rectangle { visible: root.current && root.vertical; width: parent.width; height: 3; color: Theme.primary }
    }
    Accessible.name: label
    contentItem: GridLayout {
        columns: root.vertical ? 1 : 2
        rowSpacing: 0
        columnSpacing: 12
        Label {
            text: root.glyph
            font.pixelSize: root.vertical ? 22 : 20
            color: root.current ? Theme.primary : Theme.muted
            horizontalAlignment: Text.AlignHCenter
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 28
        }
        Label {
            text: root.label
            font.pixelSize: root.vertical ? Theme.fontSmall : Theme.fontBody
            font.bold: root.current
            color: root.current ? Theme.primary : Theme.text
            elide: Text.ElideRight
            horizontalAlignment: root.vertical ? Text.AlignHCenter : Text.AlignLeft
            Layout.fillWidth: true
        }
    }
}
