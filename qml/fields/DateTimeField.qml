import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// DateTimeField: a date and a time, typed into two boxes (YYYY-MM-DD, HH:MM) or
// set to now with one tap; stored as ISO 8601 with the offset from UTC,
// "2026-12-07T09:30:00+08:00" (docs/forms.md). The offset is the one the answer
// already has, else this device's for that date and time. What is typed is
// always passed on: a date without a time is stored as typed and reported by
// the form as not yet a date-time, never dropped.
ColumnLayout {
    id: root
    property var field: ({})
    property bool readOnly: false
    signal edited(var value)
    spacing: 4

    readonly property string stored: typeof root.field.value === "string" ? root.field.value : ""
    // The stored text split for the two boxes: [date, time, offset].
    readonly property var parts: {
        const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(root.stored)
        if (m)
            return [m[1], m[2] + (m[3] && m[3] !== ":00" ? m[3] : ""), m[4] === "Z" ? "+00:00" : m[4]]
        const space = root.stored.indexOf(" ")
        if (space > 0)
            return [root.stored.substring(0, space), root.stored.substring(space + 1), ""]
        return [root.stored, "", ""]
    }

    function pad(n) { return (n < 10 ? "0" : "") + n }
    // This device's offset from UTC at a local date and time, "+08:00".
    function deviceOffset(date, time) {
        const ds = date.split("-"), ts = time.split(":")
        const d = ds.length === 3 && ts.length >= 2
                ? new Date(Number(ds[0]), Number(ds[1]) - 1, Number(ds[2]), Number(ts[0]), Number(ts[1]), Number(ts[2] || 0))
                : new Date()
        const east = -(isNaN(d.getTime()) ? new Date() : d).getTimezoneOffset()
        const a = Math.abs(east)
        return (east < 0 ? "-" : "+") + pad(Math.floor(a / 60)) + ":" + pad(a % 60)
    }
    function compose(date, time) {
        date = date.trim()
        time = time.trim()
        if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}(:\d{2})?$/.test(time))
            return date + "T" + (time.length === 5 ? time + ":00" : time) + (root.parts[2] || deviceOffset(date, time))
        return (date + " " + time).trim()
    }
    function changed() {
        const v = compose(dateInput.text, timeInput.text)
        if (v !== root.stored)
            root.edited(v)
    }

    RowLayout {
        spacing: 8
        Layout.fillWidth: true
        TextField {
            id: dateInput
            objectName: "dateTimeDate"
            readOnly: root.readOnly
            //: Placeholder of a date box: the format to type.
            placeholderText: qsTr("YYYY-MM-DD")
            inputMethodHints: Qt.ImhDate | Qt.ImhPreferNumbers
            implicitHeight: Theme.touch + 4
            Layout.fillWidth: true
            Layout.preferredWidth: 3
            Component.onCompleted: text = root.parts[0]
            onEditingFinished: root.changed()
        }
        TextField {
            id: timeInput
            objectName: "dateTimeTime"
            readOnly: root.readOnly
            //: Placeholder of a time box: the format to type.
            placeholderText: qsTr("HH:MM")
            inputMethodHints: Qt.ImhTime | Qt.ImhPreferNumbers
            implicitHeight: Theme.touch + 4
            Layout.fillWidth: true
            Layout.preferredWidth: 2
            Component.onCompleted: text = root.parts[1]
            onEditingFinished: root.changed()
        }
        Button {
            objectName: "dateTimeNow"
            //: Button beside a date-and-time answer: fills in the date and time now.
            text: qsTr("Now")
            visible: !root.readOnly
            implicitHeight: Theme.touch
            onClicked: {
                const now = new Date()
                dateInput.text = Qt.formatDate(now, "yyyy-MM-dd")
                timeInput.text = Qt.formatTime(now, "HH:mm")
                root.edited(dateInput.text + "T" + Qt.formatTime(now, "HH:mm:ss") + root.deviceOffset("", ""))
            }
        }
    }
    Label {
        objectName: "dateTimeZone"
        // Only when the answer was written in another time zone than this device's.
        visible: root.parts[2] !== "" && root.parts[2] !== root.deviceOffset(root.parts[0], root.parts[1])
        //: Under a date-and-time answer written in another time zone; %1 is e.g. "+07:00".
        text: qsTr("Time zone UTC%1").arg(root.parts[2])
        color: Theme.muted
        font.pixelSize: Theme.fontSmall
    }
}
