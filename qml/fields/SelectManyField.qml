import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SelectManyField: check boxes; the answer is the list of chosen values.
ColumnLayout {
    id: root
    property var field: ({})
    signal edited(var value)
    readonly property var chosen: field && Array.isArray(field.value) ? field.value : []
    spacing: 0
    Repeater {
        model: root.field && root.field.options ? root.field.options : []
        delegate: CheckBox {
            required property var modelData
            text: modelData.label
            checked: root.chosen.indexOf(modelData.value) >= 0
            implicitHeight: Theme.touch
            onClicked: {
                const list = root.chosen.filter(v => v !== modelData.value)
                if (checked) list.push(modelData.value)
                root.edited(list)
            }
        }
    }
}
