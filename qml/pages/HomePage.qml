import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// HomePage: what needs doing today, and sync at a glance (SyncStatus).
Page {
    id: page
    property string pageName: "HomePage"
    //: Title of the home page.
    title: qsTr("Home")
    background: Rectangle { color: Theme.background }

    // Counts of what needs doing; recomputed whenever any record changes.
    readonly property var todo: {
        Records.revision   // dependency: any change
        const today = Qt.formatDate(new Date(), "yyyy-MM-dd")
        const soon = Qt.formatDate(new Date(Date.now() + 7 * 86400000), "yyyy-MM-dd")
        const subs = Records.where("submissions", "", null)
        const visits = Records.where("home_visits", "", null)
        const done = {}
        for (const s of subs) if (s.status === "submitted" || s.status === "accepted") done[s.form] = true
        const forms = Records.where("forms", "", null).filter(f => !done[f.id])
        return {
            forms: forms.length,
            drafts: subs.filter(s => s.status === "draft").length,
            returned: subs.filter(s => s.status === "returned" || s._state === "rejected").length,
            followUps: visits.filter(v => v.follow_up_date && v.follow_up_date <= soon && v.outcome_back_at_school !== true).length,
            overdue: visits.filter(v => v.follow_up_date && v.follow_up_date < today && v.outcome_back_at_school !== true).length,
            inspections: Records.where("inspections", "status", "assigned").length,
            dropouts: Records.where("pupils", "status", "left").length
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        GridLayout {
            width: parent.width - 2 * Theme.margin
            x: Theme.margin
            columns: page.width >= 900 ? 2 : 1
            columnSpacing: Theme.margin
            rowSpacing: Theme.margin
            Item { Layout.columnSpan: parent.columns; Layout.preferredHeight: 2 }
            Label {
                //: Home greeting. %1 is the person's user name.
                text: qsTr("Hello, %1").arg(Session.user)
                font.pixelSize: Theme.fontTitle
                font.bold: true
                Layout.columnSpan: parent.columns
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            SectionCard {
                //: Home card heading: the list of tasks.
                heading: qsTr("What needs doing")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                TodoRow {
                    //: Home task: forms published by the bureau not yet submitted.
                    text: qsTr("Forms to fill")
                    count: page.todo.forms
                    onClicked: app.openPage("FormsPage")
                }
                TodoRow {
                    //: Home task: drafts not yet submitted.
                    text: qsTr("Drafts to finish")
                    count: page.todo.drafts
                    onClicked: app.openPage("SubmissionsPage")
                }
                TodoRow {
                    //: Home task: submissions the bureau returned or the server refused.
                    text: qsTr("Returned for correction")
                    count: page.todo.returned
                    urgent: true
                    onClicked: app.openPage("SubmissionsPage")
                }
                TodoRow {
                    //: Home task: home visits with a follow-up date in the next 7 days or overdue.
                    text: qsTr("Follow-up visits due")
                    count: page.todo.followUps
                    urgent: page.todo.overdue > 0
                    onClicked: app.openPage("DropoutsPage")
                }
                TodoRow {
                    //: Home task: pupils who left school (dropout control).
                    text: qsTr("Pupils who left school")
                    count: page.todo.dropouts
                    onClicked: app.openPage("DropoutsPage")
                }
                TodoRow {
                    //: Home task: inspections assigned to this person.
                    text: qsTr("Inspections assigned")
                    count: page.todo.inspections
                    onClicked: app.openPage("InspectionPage")
                }
                TodoRow {
                    //: Home task: sync conflicts to settle.
                    text: qsTr("Conflicts to settle")
                    count: SyncStatus.conflictCount
                    urgent: true
                    onClicked: app.openPage("ConflictsPage")
                }
            }
            SectionCard {
                //: Home card heading: sync with the bureau.
                heading: qsTr("Sync with the bureau")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                SyncStatusBar { objectName: "homeSyncStatus"; Layout.fillWidth: true }
            }
            SectionCard {
                //: Home card heading: shortcuts.
                heading: qsTr("Quick actions")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Flow {
                    Layout.fillWidth: true
                    spacing: 8
                    Button {
                        //: Home shortcut: record a new home visit.
                        text: qsTr("New home visit")
                        highlighted: true
                        implicitHeight: Theme.touch
                        onClicked: app.push("HomeVisitPage")
                    }
                    Button {
                        //: Home shortcut: add a pupil.
                        text: qsTr("Add pupil")
                        implicitHeight: Theme.touch
                        onClicked: app.push("PupilEditPage")
                    }
                }
            }
            Item { Layout.columnSpan: parent.columns; Layout.preferredHeight: Theme.margin }
        }
    }

    component TodoRow: ItemDelegate {
        id: row
        property int count: 0
        property bool urgent: false
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        contentItem: RowLayout {
            Label { text: row.text; Layout.fillWidth: true; elide: Text.ElideRight }
            Rectangle {
                implicitWidth: Math.max(32, num.implicitWidth + 14)
                implicitHeight: 28
                radius: 14
                color: row.count === 0 ? "#E7ECE9" : (row.urgent ? Theme.error : Theme.primary)
                Label {
                    id: num
                    anchors.centerIn: parent
                    text: row.count
                    color: row.count === 0 ? Theme.muted : "white"
                    font.bold: true
                }
            }
        }
    }
}
