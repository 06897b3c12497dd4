import QtQuick
import QtQuick.Layouts
import Cunxiao

// FieldList: the fields of a page, group or repeat row. The Repeater's model
// is the number of fields, so a refresh after each answer updates the
// delegates in place (focus and cursor stay) instead of rebuilding them.
ColumnLayout {
    id: root
    property var fields: []
    property var controller: null
    property bool readOnly: false
    signal answered(string name, var value, int row)
    spacing: Theme.spacing
    Repeater {
        model: root.fields ? root.fields.length : 0
        delegate: FormField {
            required property int index
            field: root.fields[index]
            controller: root.controller
            readOnly: root.readOnly
            Layout.fillWidth: true
            onAnswered: (name, value, row) => root.answered(name, value, row)
        }
    }
}
