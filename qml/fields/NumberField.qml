import QtQuick
import QtQuick.Controls
import Cunxiao

// NumberField: integer or decimal answers with a numeric keyboard. Text that
// is not a number is passed on as typed, so the form can say what is wrong.
TextField {
    id: root
    property var field: ({})
    signal edited(var value)
    objectName: "numberInput"
    readonly property string valueText: field && field.value !== undefined && field.value !== null ? String(field.value) : ""
    inputMethodHints: field.type === "integer" ? Qt.ImhDigitsOnly : Qt.ImhFormattedNumbersOnly
    implicitHeight: Theme.touch + 4
    selectByMouse: true
    Component.onCompleted: text = valueText
    onValueTextChanged: if (!activeFocus) text = valueText
    onTextEdited: {
        const t = text.trim()
        if (t === "") { edited(null); return }
        const n = Number(t)
        edited(isNaN(n) ? t : n)
    }
}
