import QtQuick
import QtQuick.Controls
import Cunxiao

// TextInputField: a text answer; multi-line when the form asks for it.
// Reports every change, so constraints are checked as the person types.
Loader {
    id: root
    property var field: ({})
    property bool readOnly: false
    signal edited(var value)
    readonly property string valueText: field && field.value !== undefined && field.value !== null ? String(field.value) : ""
    sourceComponent: field && field.appearance === "multiline" ? area : line
    Component {
        id: line
        TextField {
            objectName: "textInput"
            readOnly: root.readOnly
            implicitHeight: Theme.touch + 4
            selectByMouse: true
            Component.onCompleted: text = root.valueText
            Connections { target: root; function onValueTextChanged() { if (!activeFocus) text = root.valueText } }
            onTextEdited: root.edited(text)
        }
    }
    Component {
        id: area
        TextArea {
            background: Rectangle { color: "white"; border.color: Theme.inputBorder }
            objectName: "textInput"
            readOnly: root.readOnly
            wrapMode: TextEdit.Wrap
            implicitHeight: Math.max(96, contentHeight + 24)
            selectByMouse: true
            Component.onCompleted: text = root.valueText
            Connections { target: root; function onValueTextChanged() { if (!activeFocus) text = root.valueText } }
            onTextChanged: if (activeFocus) root.edited(text)
        }
    }
}
