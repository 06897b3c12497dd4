import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// RepeatField: rows of the same questions (e.g. several contacts): add and
// remove rows within the form's limits.
ColumnLayout {
    id: root
    property var field: ({})
    property var controller: null
    property bool readOnly: false
    signal answered(string name, var value, int row)
    readonly property var rows: field && field.rows ? field.rows : []
    spacing: 8
    Repeater {
        model: root.rows.length
        delegate: Rectangle {
            required property int index
            Layout.fillWidth: true
            implicitHeight: rowColumn.implicitHeight + 2 * Theme.spacing
            color: Theme.surface
            border.color: Theme.divider
            radius: 6
            ColumnLayout {
                id: rowColumn
                x: Theme.spacing; y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                RowLayout {
                    Label {
                        //: Repeat group: heading of row number %1.
                        text: qsTr("No. %1").arg(index + 1)
                        font.bold: true
                        Layout.fillWidth: true
                    }
                    Button {
                        visible: !root.readOnly && root.rows.length > (root.field.minRows || 0)
                        //: Repeat group: remove this row.
                        text: qsTr("Remove")
                        flat: true
                        onClicked: if (root.controller) root.controller.removeRow(root.field.name, index)
                    }
                }
                FieldList {
                    Layout.fillWidth: true
                    fields: root.rows[index]
                    controller: root.controller
                    readOnly: root.readOnly
                    onAnswered: (name, value, row) => root.answered(name, value, row)
                }
            }
        }
    }
    Button {
        objectName: "addRowButton"
        visible: !root.readOnly && (root.field.maxRows === undefined || root.field.maxRows < 0 || root.rows.length < root.field.maxRows)
        //: Repeat group: add one more row.
        text: qsTr("+ Add")
        implicitHeight: Theme.touch
        onClicked: if (root.controller) root.controller.addRow(root.field.name)
    }
}
