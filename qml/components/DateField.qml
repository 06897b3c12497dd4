import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// DateField: a date as YYYY-MM-DD, typed, or set to today with one tap.
RowLayout {
    id: root
    property string value
    property bool readOnly: false
    signal edited(string value)
    readonly property bool validText: input.text === "" || /^\d{4}-\d{2}-\d{2}$/.test(input.text)
    spacing: 8
    TextField {
        id: input
        objectName: "dateInput"
        text: root.value
        readOnly: root.readOnly
        //: Placeholder of a date box: the format to type.
        placeholderText: qsTr("YYYY-MM-DD")
        inputMethodHints: Qt.ImhDate | Qt.ImhPreferNumbers
        implicitHeight: Theme.touch + 4
        Layout.fillWidth: true
        onEditingFinished: if (text !== root.value) root.edited(text)
    }
    Button {
        //: Button beside a date box: fills in today's date.
        text: qsTr("Today")
        visible: !root.readOnly
        implicitHeight: Theme.touch
        onClicked: { input.text = Qt.formatDate(new Date(), "yyyy-MM-dd"); root.edited(input.text) }
    }
}
