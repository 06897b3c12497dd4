import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SelectOneField: radio buttons for a few choices, a searchable drop-down for
// many (e.g. a school's pupils).
Loader {
    id: root
    property var field: ({})
    signal edited(var value)
    readonly property var options: field && field.options ? field.options : []
    sourceComponent: options.length <= 6 ? radios : combo
    Component {
        id: radios
        ColumnLayout {
            spacing: 0
            Repeater {
                model: root.options
                delegate: RadioButton {
                    required property var modelData
                    text: modelData.label
                    checked: root.field.value === modelData.value
                    implicitHeight: Theme.touch
                    onClicked: root.edited(modelData.value)
                }
            }
        }
    }
    Component {
        id: combo
        ComboBox {
            objectName: "selectCombo"
            model: root.options
            textRole: "label"
            valueRole: "value"
            editable: false
            implicitHeight: Theme.touch + 4
            currentIndex: { for (let i = 0; i < root.options.length; ++i) if (root.options[i].value === root.field.value) return i; return -1 }
            //: Drop-down with nothing chosen yet.
            displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
            onActivated: i => root.edited(root.options[i].value)
        }
    }
}
