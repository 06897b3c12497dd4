import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// BureauDevicesPage: the county's phones and computers (DevicesModel): who
// uses each, for which schools, when it last synced, and what it reported of
// itself (changes and photos not sent yet, changes the server refused,
// conflicts, free storage, link, last error). Devices that need the bureau's
// attention are marked: silent for N days, refused changes, conflicts,
// storage nearly full. The list is the one the last sync brought.
Page {
    id: page
    property string pageName: "BureauDevicesPage"
    //: Title of the bureau's device health page.
    title: qsTr("Devices")
    background: Rectangle { color: Theme.background }
    readonly property bool wide: width >= 900

    DevicesModel { id: devices }

    function attentionText(w) {
        //: Device health: the device has not synced for the chosen number of days.
        if (w === "stale") return qsTr("Silent")
        //: Device health: the device holds changes the server refused.
        if (w === "rejected") return qsTr("Refused changes")
        //: Device health: the device has conflicts to settle.
        if (w === "conflicts") return qsTr("Conflicts")
        //: Device health: the device's storage is nearly full.
        return qsTr("Storage nearly full")
    }
    function linkText(link) {
        //: Device health: the device's link is Wi-Fi or another unmetered one.
        if (link === "unmetered") return qsTr("Wi-Fi")
        //: Device health: the device's link is metered mobile data.
        return qsTr("mobile data")
    }
    function lastSyncText(days) {
        //: Device health: the device never synced.
        if (days < 0) return qsTr("never synced")
        //: Device health: last sync today.
        if (days === 0) return qsTr("synced today")
        //: Device health: days since the last sync. %n is the number of days.
        return qsTr("synced %n day(s) ago", "", days)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Flow {
            Layout.fillWidth: true
            spacing: 12
            Label {
                //: Device health summary. %1 devices in all, %2 needing attention.
                text: qsTr("%1 devices, %2 need attention").arg(devices.total).arg(devices.needingAttention)
                font.bold: true
                height: 40
                verticalAlignment: Text.AlignVCenter
            }
            Switch {
                objectName: "attentionOnly"
                //: Device health filter: show only the devices needing attention.
                text: qsTr("Only those needing attention")
                checked: devices.attentionOnly
                onToggled: devices.attentionOnly = checked
            }
            ComboBox {
                width: 240
                textRole: "text"
                valueRole: "days"
                model: [
                    //: Device health: a device is silent after 7 days without a sync.
                    { days: 7, text: qsTr("Silent after 7 days") },
                    //: Device health: a device is silent after 14 days without a sync.
                    { days: 14, text: qsTr("Silent after 14 days") },
                    //: Device health: a device is silent after 30 days without a sync.
                    { days: 30, text: qsTr("Silent after 30 days") }
                ]
                currentIndex: 1
                onActivated: devices.staleDays = currentValue
            }
        }
        Label {
            //: Device health: when the list was brought by a sync. %1 is the date and time.
            text: devices.fetchedAt > 0 ? qsTr("List as of %1").arg(new Date(devices.fetchedAt).toLocaleString(Qt.locale(), Locale.ShortFormat))
                                        //: Device health: the list has not been fetched yet.
                                        : qsTr("No list yet: it comes with the next sync.")
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
        }

        ExportButtons {
            objectName: "devicesExport"
            visible: page.wide   // a desktop's task; the phone keeps its rows for the list
            //: Devices export: the file's name before the date (设备 = devices).
            baseName: qsTr("Devices")
            onWanted: (format) => show(TableExport.save(baseName, devices.tables(), format))
            ready: devices.rows.length > 0
            Layout.fillWidth: true
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 6
            clip: true
            model: devices.rows
            delegate: Rectangle {
                id: row
                required property var modelData
                width: ListView.view.width
                implicitHeight: body.implicitHeight + 20
                radius: Theme.radius
                color: Theme.surface
                border.color: row.modelData.attention.length > 0 ? Theme.error : Theme.divider
                ColumnLayout {
                    id: body
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: 10
                    spacing: 2
                    Flow {
                        Layout.fillWidth: true
                        spacing: 8
                        Label { text: row.modelData.user; font.bold: true }
                        Label { text: row.modelData.schools.join("、"); color: Theme.muted }
                        Label {
                            text: page.lastSyncText(row.modelData.lastSync)
                            color: row.modelData.attention.indexOf("stale") >= 0 ? Theme.error : Theme.ok
                            font.bold: true
                        }
                        Repeater {
                            model: row.modelData.attention
                            delegate: Rectangle {
                                id: flag
                                required property string modelData
                                implicitWidth: flagText.implicitWidth + 14
                                implicitHeight: flagText.implicitHeight + 4
                                radius: height / 2
                                color: Theme.missingFill
                                Label {
                                    id: flagText
                                    anchors.centerIn: parent
                                    text: page.attentionText(flag.modelData)
                                    color: Theme.error
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                        }
                    }
                    Label {
                        //: Device health line: device name and app version. %1 name, %2 version.
                        text: qsTr("%1 · %2").arg(row.modelData.name || "–").arg(row.modelData.app || "–")
                        color: Theme.muted
                        font.pixelSize: Theme.fontSmall
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Label {
                        visible: row.modelData.reported
                        //: Device health line. %1 changes not sent, %2 photos not sent, %3 refused, %4 conflicts.
                        text: qsTr("Not sent: %1 changes, %2 photos · refused %3 · conflicts %4")
                              .arg(row.modelData.pending).arg(row.modelData.pendingPhotos)
                              .arg(row.modelData.rejected).arg(row.modelData.conflicts)
                        font.pixelSize: Theme.fontSmall
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        visible: row.modelData.reported
                        //: Device health line. %1 free storage in MB, %2 the link (metered or unmetered).
                        text: qsTr("Free storage %1 MB · link %2").arg(row.modelData.freeMb < 0 ? "?" : row.modelData.freeMb)
                              .arg(page.linkText(row.modelData.link))
                        color: Theme.muted
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        visible: (row.modelData.lastError || "") !== ""
                        //: Device health: the device's last error. %1 is the message.
                        text: qsTr("Last error: %1").arg(row.modelData.lastError)
                        color: Theme.warn
                        font.pixelSize: Theme.fontSmall
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        visible: !row.modelData.reported
                        //: Device health: the device has not reported yet (an older app, or no sync since the update).
                        text: qsTr("Has not reported its state yet (older app, or no sync since)")
                        color: Theme.muted
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
            EmptyState {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0
                //: Device health: nothing to show.
                message: qsTr("No devices to show.")
            }
        }
    }
}
