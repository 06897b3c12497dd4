import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// FormField: one question of a form: its label with a required mark, the
// input for its type, its hint and any problem with the answer (as typed).
// Hidden while not relevant. `field` is a FormController field descriptor.
ColumnLayout {
    id: root
    property var field: ({})
    property var controller: null
    property bool readOnly: false
    signal answered(string name, var value, int row)
    readonly property string type: field && field.type ? field.type : "text"
    readonly property bool hasError: field && field.error ? field.error !== "" : false
    visible: field ? field.relevant !== false : false
    spacing: 4

    function answer(value) {
        if (root.controller)
            root.controller.setAnswer(root.field.name, value, root.field.row === undefined ? -1 : root.field.row)
        root.answered(root.field.name, value, root.field.row === undefined ? -1 : root.field.row)
    }

    Label {
        objectName: "fieldLabel"
        visible: root.type !== "note"
        text: (root.field.label || root.field.name || "") + (root.field.required ? " *" : "")
        font.pixelSize: root.type === "group" || root.type === "repeat" ? Theme.fontLarge : Theme.fontBody
        font.bold: true
        color: root.hasError ? Theme.error : Theme.text
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: !!root.field.hint
        text: root.field.hint || ""
        color: Theme.muted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Loader {
        id: input
        objectName: "fieldInput"
        Layout.fillWidth: true
        // Groups and repeats contain FieldLists of FormFields: loaded by URL to break the type cycle.
        source: root.type === "group" ? Qt.resolvedUrl("GroupField.qml") : (root.type === "repeat" ? Qt.resolvedUrl("RepeatField.qml") : "")
        onLoaded: {
            if (root.type !== "group" && root.type !== "repeat")
                return
            item.field = Qt.binding(() => root.field)
            item.controller = Qt.binding(() => root.controller)
            item.readOnly = Qt.binding(() => root.readOnly)
            item.answered.connect(root.answered)
        }
        sourceComponent: {
            switch (root.type) {
            case "integer": case "decimal": return numberInput
            case "date": return dateInput
            case "time": return timeInput
            case "datetime": return dateTimeInput
            case "select_one": return selectOne
            case "select_many": return selectMany
            case "geopoint": return geopoint
            case "photo": return photo
            case "signature": return signature
            case "note": return note
            case "group": case "repeat": return null
            }
            return textInput
        }
    }
    Label {
        objectName: "fieldError"
        visible: root.hasError
        text: root.hasError ? "⚠ " + root.field.error : ""
        color: Theme.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Component { id: textInput; TextInputField { field: root.field; readOnly: root.readOnly || root.field.readonly === true; onEdited: v => root.answer(v) } }
    Component { id: numberInput; NumberField { field: root.field; readOnly: root.readOnly || root.field.readonly === true; onEdited: v => root.answer(v) } }
    Component { id: dateInput; DateField { value: root.field.value || ""; readOnly: root.readOnly || root.field.readonly === true; onEdited: v => root.answer(v) } }
    Component { id: timeInput; TimeField { field: root.field; readOnly: root.readOnly || root.field.readonly === true; onEdited: v => root.answer(v) } }
    Component { id: dateTimeInput; DateTimeField { field: root.field; readOnly: root.readOnly || root.field.readonly === true; onEdited: v => root.answer(v) } }
    Component { id: selectOne; SelectOneField { field: root.field; enabled: !root.readOnly && root.field.readonly !== true; onEdited: v => root.answer(v) } }
    Component { id: selectMany; SelectManyField { field: root.field; enabled: !root.readOnly && root.field.readonly !== true; onEdited: v => root.answer(v) } }
    Component { id: geopoint; LocationField { value: root.field.value === undefined ? null : root.field.value; enabled: !root.readOnly; onEdited: v => root.answer(v) } }
    Component { id: photo; PhotoPicker { value: root.field.value === undefined ? null : root.field.value; multiple: root.field.multiple === true; enabled: !root.readOnly; onEdited: v => root.answer(v) } }
    Component { id: signature; SignatureCanvas { value: root.field.value === undefined ? null : root.field.value; enabled: !root.readOnly; onEdited: v => root.answer(v) } }
    Component {
        id: note
        Label {
            objectName: "noteText"
            text: root.field.label || ""
            wrapMode: Text.Wrap
            padding: 10
            background: Rectangle { color: Theme.noteFill; radius: 6 }
        }
    }
}
