import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// RecordHistoryCard: who changed a record, which fields to what, when and from
// which device, read from the bureau server's audit on request (it needs the
// link and an administrator's account; RecordHistoryModel says so otherwise).
SectionCard {
    id: root
    property string collection
    property string recordId
    //: Record history card: its title.
    heading: qsTr("Who changed what")

    onRecordIdChanged: shown = false
    property bool shown: false

    RecordHistoryModel { id: history }

    Button {
        objectName: "loadHistory"
        visible: !root.shown || history.error !== ""
        enabled: !history.busy && root.recordId !== ""
        //: Record history card: ask the bureau's server for the record's history.
        text: history.busy ? qsTr("Asking the server…") : qsTr("Show the history from the server")
        onClicked: { root.shown = true; history.load(root.collection, root.recordId) }
    }
    Label {
        visible: root.shown && history.error !== ""
        text: history.error
        color: Theme.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: root.shown && !history.busy && history.error === "" && history.entries.length === 0
        //: Record history card: the server has no write of this record.
        text: qsTr("The server has no change of this record yet.")
        color: Theme.muted
        Layout.fillWidth: true
    }
    Repeater {
        model: root.shown ? history.entries : []
        delegate: ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.bold: true
                text: {
                    const who = modelData.who
                    const device = modelData.device
                    if (modelData.action === "deleted")
                        //: Record history line. %1 time, %2 account, %3 device id (short).
                        return qsTr("%1 · %2 deleted it (device %3)").arg(modelData.when).arg(who).arg(device)
                    if (modelData.action === "settled")
                        //: Record history line: a conflict was settled. %1 time, %2 account, %3 device id (short).
                        return qsTr("%1 · %2 settled a conflict (device %3)").arg(modelData.when).arg(who).arg(device)
                    //: Record history line. %1 time, %2 account, %3 device id (short).
                    return qsTr("%1 · %2 changed it (device %3)").arg(modelData.when).arg(who).arg(device)
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.muted
                visible: modelData.changes.length > 0
                text: modelData.changes.map(c => c.field + " = " + (c.value === "" ? "—" : c.value)).join("; ")
            }
        }
    }
}
