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

    // What needs doing, counted in C++ (TodoModel) and again whenever data changes.
    TodoModel {
        id: todo
        role: Session.role
        schools: Session.schools
        user: Session.user
    }
    function todoText(kind) {
        switch (kind) {
        //: Home task: forms this person must file for the current period (school year, term, month) and has not submitted yet.
        case "forms_due": return qsTr("Forms due")
        //: Home task: drafts not yet submitted.
        case "drafts": return qsTr("Drafts to finish")
        //: Home task: submissions the bureau returned with a comment, to correct.
        case "returned": return qsTr("Returned for correction")
        //: Home task: changes the server refused (the reason is shown on each).
        case "rejected": return qsTr("Refused by the server")
        //: Home task: sync conflicts to settle.
        case "conflicts": return qsTr("Conflicts to settle")
        //: Home task: home visits whose follow-up date is today or past, pupil not back at school.
        case "follow_ups": return qsTr("Follow-up visits due")
        //: Home task: pupils who left school (dropout control).
        case "dropouts": return qsTr("Pupils who left school")
        //: Home task: inspections started and not yet saved as done.
        case "inspections": return qsTr("Inspections in progress")
        //: Home task (inspector): inspections the bureau assigned to this person, not yet done.
        case "assigned_inspections": return qsTr("Inspections assigned to you")
        //: Home task (teacher): home visits still to make to reach the target the head set.
        case "visit_target": return qsTr("Home visits to reach your target")
        //: Home task (bureau): returns the schools sent that wait for the bureau's review.
        case "to_review": return qsTr("Returns to review")
        //: Home task (bureau): schools whose return for the current period is overdue.
        case "missing_returns": return qsTr("Schools that have not reported")
        //: Home task (bureau): returns sent back to schools, waiting for their correction.
        case "returned_waiting": return qsTr("Returned, waiting for the school")
        }
        return kind
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
                //: Home card heading: sync with the bureau.
                heading: qsTr("Sync with the bureau")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                SyncStatusBar { objectName: "homeSyncStatus"; Layout.fillWidth: true }
            }
            SectionCard {
                //: Home card heading: the list of tasks.
                heading: qsTr("What needs doing")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Label {
                    objectName: "allDone"
                    visible: todo.total === 0 && !todo.loading
                    //: Home: nothing needs doing.
                    text: qsTr("Nothing needs doing now.")
                    color: Theme.muted
                }
                Repeater {
                    model: todo
                    delegate: TodoRow {
                        required property string kind
                        required property int count
                        required property bool urgent
                        required property string target
                        required property string detail
                        objectName: "todo_" + kind
                        visible: count > 0   // only what has something in it
                        text: page.todoText(kind)
                        todoDetail: detail
                        todoCount: count
                        todoUrgent: urgent
                        onClicked: Navigator.openPage(target)
                    }
                }
            }
            // A head's targets for the school's teachers (only heads load it).
            Loader {
                active: Session.role === "head"
                visible: active
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                sourceComponent: targetCard
            }
            SectionCard {
                visible: Session.role !== "bureau"
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
                        onClicked: Navigator.push("HomeVisitPage")
                    }
                    Button {
                        //: Home shortcut: add a pupil.
                        text: qsTr("Add pupil")
                        implicitHeight: Theme.touch
                        onClicked: Navigator.push("PupilEditPage")
                    }
                }
            }
            Item { Layout.columnSpan: parent.columns; Layout.preferredHeight: Theme.margin }
        }
    }

    Component {
        id: targetCard
        SectionCard {
            objectName: "visitTargets"
            //: Home card heading (head): home-visit targets for the school's teachers.
            heading: qsTr("Home-visit targets")
            id: targets
            AssignmentsModel { id: plans }
            // The school's teacher accounts this phone knows (those that
            // logged visits or have a target), re-read with the targets.
            readonly property var choices: { plans.targets; return plans.teacherChoices(Session.school) }
            function known(account) {
                for (const c of choices)
                    if (c.account === account)
                        return true
                return false
            }
            Repeater {
                model: plans.targets
                delegate: ColumnLayout {
                    id: targetRow
                    required property var modelData
                    visible: !modelData.over
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: targetRow.modelData.teacher_name || targetRow.modelData.teacher; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            //: Home-visit target progress. %1 visits done, %2 the target, %3 the period.
                            text: qsTr("%1 / %2 visits · %3").arg(targetRow.modelData.done).arg(targetRow.modelData.target).arg(targetRow.modelData.period)
                            color: targetRow.modelData.met ? Theme.ok : Theme.text
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    // The server refused it (an account that is no teacher of the school): why.
                    Label {
                        visible: (targetRow.modelData.refused || "") !== ""
                        text: targetRow.modelData.refused || ""
                        color: Theme.error
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                ComboBox {
                    objectName: "targetTeacherChoice"
                    visible: targets.choices.length > 0
                    width: 200
                    implicitHeight: Theme.touch
                    //: Home (head): the first line of the list of the school's teachers for a home-visit target.
                    model: [qsTr("Choose a teacher…")].concat(targets.choices.map(c => c.name ? c.name + " · " + c.account : c.account))
                    onActivated: (i) => {
                        if (i > 0)
                            targetTeacher.text = targets.choices[i - 1].account
                        currentIndex = 0
                    }
                }
                TextField {
                    id: targetTeacher
                    objectName: "targetTeacher"
                    width: 150
                    //: Home (head): the teacher's account name for a home-visit target.
                    placeholderText: qsTr("Teacher's account")
                    implicitHeight: Theme.touch
                }
                SpinBox { id: targetCount; from: 1; to: 500; value: 5; implicitHeight: Theme.touch }
                Button {
                    objectName: "setTarget"
                    //: Home (head): sets the teacher's home-visit target for this month.
                    text: qsTr("Set this month's target")
                    implicitHeight: Theme.touch
                    onClicked: if (plans.setTarget(Session.school, targetTeacher.text.trim(), "", targetCount.value, "")) targetTeacher.text = ""
                }
            }
            Label {
                objectName: "targetTeacherUnknown"
                visible: targetTeacher.text.trim() !== "" && !targets.known(targetTeacher.text.trim())
                //: Home (head): the typed account is not among the school's teachers this phone knows. %1 the account.
                text: qsTr("%1 is not among the teachers this phone knows; it is kept, and the bureau's server checks it at the next sync.").arg(targetTeacher.text.trim())
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: plans.error !== ""
                text: plans.error
                color: Theme.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }

    component TodoRow: ItemDelegate {
        id: row
        property int todoCount: 0
        property bool todoUrgent: false
        property string todoDetail
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touch + 4, implicitContentHeight + topPadding + bottomPadding)
        contentItem: RowLayout {
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label { text: row.text; Layout.fillWidth: true; elide: Text.ElideRight }
                Label {
                    visible: row.todoDetail !== ""
                    text: row.todoDetail
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
            }
            Rectangle {
                implicitWidth: Math.max(32, num.implicitWidth + 14)
                implicitHeight: 28
                radius: 14
                color: row.todoCount === 0 ? Theme.quietFill : (row.todoUrgent ? Theme.error : Theme.primary)
                Label {
                    id: num
                    anchors.centerIn: parent
                    text: row.todoCount
                    color: row.todoCount === 0 ? Theme.muted : "white"
                    font.bold: true
                }
            }
        }
    }
}
