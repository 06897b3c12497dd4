import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// TimeField: a time as HH:MM, typed, or "now".
RowLayout {
    id: root
    property var field: ({})
    property bool readOnly: false
    signal edited(var value)
    spacing: 8
    TextField {
        id: input
        objectName: "timeInput"
        readOnly: root.readOnly
        //: Placeholder of a time box: the format to type.
        placeholderText: qsTr("HH:MM")
        inputMethodHints: Qt.ImhTime | Qt.ImhPreferNumbers
        implicitHeight: Theme.touch + 4
        Layout.fillWidth: true
        Component.onCompleted: text = root.field.value || ""
        onTextEdited: root.edited(text.trim())
    }
    Button {
        //: Button beside a time box: fills in the time now.
        text: qsTr("Now")
        visible: !root.readOnly
        implicitHeight: Theme.touch
        onClicked: { input.text = Qt.formatTime(new Date(), "HH:mm"); root.edited(input.text) }
    }
}
