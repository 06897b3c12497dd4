import QtQuick
import QtQuick.Layouts
import Cunxiao

// GroupField: questions shown together in a frame (a "group" of the form).
Rectangle {
    id: root
    property var field: ({})
    property var controller: null
    property bool readOnly: false
    signal answered(string name, var value, int row)
    implicitHeight: list.implicitHeight + 2 * Theme.spacing
    color: "transparent"
    border.color: Theme.divider
    radius: 6
    FieldList {
        id: list
        x: Theme.spacing
        y: Theme.spacing
        width: parent.width - 2 * Theme.spacing
        fields: root.field && root.field.children ? root.field.children : []
        controller: root.controller
        readOnly: root.readOnly
        onAnswered: (name, value, row) => root.answered(name, value, row)
    }
}
