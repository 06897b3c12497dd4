import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// BureauAssignmentsPage: the inspections the bureau planned (AssignmentsModel,
// the same code as `cunxiao-cli assignments`): school, inspector, due day,
// checklist, and whether it is planned, done (an inspection of it came back)
// or overdue; filtered by state, inspector and township, with the counts. A
// form plans a new one (beside the list on a desktop, in a dialog on a
// phone); each open one can be marked done (inspected on paper) or
// cancelled; a done one says when and by whom, and opens the report that
// completed it (the review of its checklist form's submission, or the
// inspection record). A second tab shows the home-visit targets heads set for their
// teachers, with the visits done so far.
Page {
    id: page
    property string pageName: "BureauAssignmentsPage"
    //: Title of the bureau's inspection assignments page.
    title: qsTr("Assignments")
    background: Rectangle { color: Theme.background }
    readonly property bool wide: width >= 900

    AssignmentsModel { id: plans }

    function stateText(s) {
        //: Assignment state: the inspection was done.
        if (s === "done") return qsTr("Done")
        //: Assignment state: the due day passed without an inspection.
        if (s === "overdue") return qsTr("Overdue")
        //: Assignment state: the bureau cancelled it.
        if (s === "cancelled") return qsTr("Cancelled")
        //: Assignment state: planned, not yet done, not yet due.
        return qsTr("Planned")
    }
    // A filter's choices: "all" first, then the list.
    function withAll(all, list) {
        const out = [all]
        for (let i = 0; i < list.length; ++i)
            out.push(list[i])
        return out
    }
    // The report that completed a done assignment: a submission of its
    // checklist form opens in the review page, an inspection record in the
    // inspections page.
    function openReport(a) {
        if (a.report === "submission")
            Navigator.push("BureauReviewPage", { openId: a.inspection })
        else if (a.report === "inspection")
            Navigator.push("InspectionPage", { recordId: a.inspection })
    }
    function stateFill(s) {
        return s === "done" ? Theme.onTimeFill : s === "overdue" ? Theme.missingFill : Theme.quietFill
    }
    function stateColor(s) {
        return s === "done" ? Theme.ok : s === "overdue" ? Theme.error : s === "cancelled" ? Theme.muted : Theme.info
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        // Counts, each a filter.
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: [
                    { state: "planned", count: plans.planned },
                    { state: "overdue", count: plans.overdue },
                    { state: "done", count: plans.done },
                    { state: "cancelled", count: plans.cancelled }
                ]
                delegate: Button {
                    required property var modelData
                    visible: modelData.state !== "cancelled" || modelData.count > 0
                    objectName: "count_" + modelData.state
                    //: Assignments: a count and its state, e.g. "Overdue 1".
                    text: qsTr("%1 %2").arg(page.stateText(modelData.state)).arg(modelData.count)
                    highlighted: plans.state === modelData.state
                    implicitHeight: Theme.touch
                    font.bold: true
                    onClicked: plans.state = plans.state === modelData.state ? "" : modelData.state
                }
            }
            ComboBox {
                id: inspectorFilter
                objectName: "inspectorFilter"
                width: page.wide ? 180 : (parent.width - 8) / 2
                implicitHeight: Theme.touch
                //: Assignments filter: every inspector.
                model: page.withAll(qsTr("All inspectors"), plans.inspectors)
                onActivated: plans.inspector = currentIndex === 0 ? "" : currentText
            }
            ComboBox {
                objectName: "townshipFilter"
                width: page.wide ? 160 : (parent.width - 8) / 2
                implicitHeight: Theme.touch
                //: Assignments filter: every township.
                model: page.withAll(qsTr("All townships"), plans.townships)
                onActivated: plans.township = currentIndex === 0 ? "" : currentText
            }
            Button {
                visible: !page.wide
                objectName: "planButton"
                //: Assignments (phone): opens the form to plan an inspection.
                text: qsTr("+ Plan an inspection")
                highlighted: true
                implicitHeight: Theme.touch
                onClicked: planDialog.open()
            }
        }
        Label {
            visible: plans.error !== ""
            text: plans.error
            color: Theme.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ExportButtons {
            objectName: "assignmentsExport"
            visible: page.wide   // a desktop's task; the phone keeps its rows for the list
            //: Assignments export: the file's name before the date (督导任务 = inspection assignments).
            baseName: qsTr("Assignments")
            onWanted: (format) => show(TableExport.save(baseName, plans.tables(), format))
            ready: plans.rows.length > 0 || plans.targets.length > 0
            Layout.fillWidth: true
        }
        // Two lists: the inspections, the targets.
        RowLayout {
            id: tabs
            property int currentIndex: 0
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: [
                    //: Assignments page tab: the planned inspections.
                    qsTr("Inspections"),
                    //: Assignments page tab: the heads' home-visit targets for teachers.
                    qsTr("Home-visit targets")
                ]
                delegate: Button {
                    required property string modelData
                    required property int index
                    objectName: "tab" + index
                    text: modelData
                    flat: tabs.currentIndex !== index
                    highlighted: tabs.currentIndex === index
                    implicitHeight: Theme.touch
                    Layout.fillWidth: !page.wide
                    onClicked: tabs.currentIndex = index
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin
            StackLayout {
                currentIndex: tabs.currentIndex
                Layout.fillWidth: true
                Layout.fillHeight: true

                ListView {
                    id: list
                    objectName: "assignmentList"
                    spacing: 6
                    clip: true
                    model: plans.rows
                    delegate: Rectangle {
                        id: row
                        required property var modelData
                        readonly property bool open: modelData.state === "planned" || modelData.state === "overdue"
                        width: ListView.view.width
                        implicitHeight: body.implicitHeight + 20
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: row.modelData.state === "overdue" ? Theme.error : Theme.divider
                        ColumnLayout {
                            id: body
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: 10
                            spacing: 2
                            RowLayout {
                                Layout.fillWidth: true
                                Label { text: row.modelData.school_name; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                                Rectangle {
                                    implicitWidth: badge.implicitWidth + 16
                                    implicitHeight: badge.implicitHeight + 6
                                    radius: height / 2
                                    color: page.stateFill(row.modelData.state)
                                    Label { id: badge; anchors.centerIn: parent; text: page.stateText(row.modelData.state); color: page.stateColor(row.modelData.state); font.bold: true; font.pixelSize: Theme.fontSmall }
                                }
                            }
                            Label {
                                //: Assignment line. %1 township, %2 inspector, %3 checklist form.
                                text: qsTr("%1 · inspector %2 · %3").arg(row.modelData.township || "–").arg(row.modelData.inspector).arg(row.modelData.form_title)
                                color: Theme.muted
                                font.pixelSize: Theme.fontSmall
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                            Label {
                                text: row.modelData.state === "done"
                                      ? (row.modelData.marked_by_hand
                                         //: Assignment: marked done by the bureau (inspected on paper). %1 the due day.
                                         ? qsTr("Due %1 · marked done by the bureau").arg(row.modelData.due)
                                         //: Assignment: done by a report. %1 due day, %2 the day of the inspection, %3 who inspected (the report's names, else the account that sent it).
                                         : qsTr("Due %1 · done: %2, by %3").arg(row.modelData.due).arg(row.modelData.done_on).arg(row.modelData.report_inspectors || row.modelData.done_by || row.modelData.inspector))
                                      : row.modelData.state === "overdue"
                                        //: Assignment: overdue. %1 the due day; %n days past it.
                                        ? qsTr("Due %1 · %n day(s) overdue", "", -row.modelData.days_left).arg(row.modelData.due)
                                        //: Assignment: planned. %1 the due day; %n days left.
                                        : qsTr("Due %1 · %n day(s) left", "", row.modelData.days_left).arg(row.modelData.due)
                                font.pixelSize: Theme.fontSmall
                                color: row.modelData.state === "overdue" ? Theme.error : Theme.text
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: (row.modelData.note || "") !== ""
                                text: row.modelData.note || ""
                                font.pixelSize: Theme.fontSmall
                                color: Theme.muted
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: (row.modelData.done_note || "") !== ""
                                //: Assignment marked done by hand: %1 the bureau's note on it.
                                text: qsTr("Done: %1").arg(row.modelData.done_note || "")
                                font.pixelSize: Theme.fontSmall
                                color: Theme.muted
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Button {
                                objectName: "openReport"
                                visible: (row.modelData.report || "") !== ""
                                //: Assignment done: opens the report that completed it (the review of the submission, or the inspection).
                                text: qsTr("Open report")
                                implicitHeight: Theme.touch
                                onClicked: page.openReport(row.modelData)
                            }
                            Flow {
                                visible: row.open
                                Layout.fillWidth: true
                                spacing: 8
                                Button {
                                    //: Assignment action: the inspection was done on paper; mark it done.
                                    text: qsTr("Mark done")
                                    implicitHeight: Theme.touch
                                    onClicked: plans.markDone(row.modelData.id, "")
                                }
                                Button {
                                    //: Assignment action: cancel the planned inspection.
                                    text: qsTr("Cancel inspection")
                                    implicitHeight: Theme.touch
                                    onClicked: {
                                        cancelDialog.assignment = row.modelData.id
                                        cancelDialog.school = row.modelData.school_name
                                        cancelDialog.open()
                                    }
                                }
                            }
                        }
                    }
                    EmptyState {
                        anchors.centerIn: parent
                        width: parent.width
                        visible: list.count === 0
                        //: Assignments: nothing matches the filters.
                        message: qsTr("No inspections planned here.")
                    }
                }

                ListView {
                    id: targetList
                    objectName: "targetList"
                    spacing: 6
                    clip: true
                    model: plans.targets
                    delegate: Rectangle {
                        id: target
                        required property var modelData
                        width: ListView.view.width
                        implicitHeight: tbody.implicitHeight + 20
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.divider
                        ColumnLayout {
                            id: tbody
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: 10
                            spacing: 4
                            Label {
                                //: Home-visit target heading. %1 the teacher, %2 the school.
                                text: qsTr("%1 · %2").arg(target.modelData.teacher_name || target.modelData.teacher).arg(target.modelData.school_name)
                                font.bold: true
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                ProgressBar {
                                    from: 0
                                    to: Math.max(1, target.modelData.target)
                                    value: Math.min(target.modelData.done, target.modelData.target)
                                    Layout.fillWidth: true
                                }
                                Label {
                                    //: Home-visit target progress. %1 visits done, %2 the target, %3 the period.
                                    text: qsTr("%1 / %2 visits · %3").arg(target.modelData.done).arg(target.modelData.target).arg(target.modelData.period)
                                    color: target.modelData.met ? Theme.ok : (target.modelData.over ? Theme.error : Theme.text)
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                        }
                    }
                    EmptyState {
                        anchors.centerIn: parent
                        width: parent.width
                        visible: targetList.count === 0
                        //: Assignments: no home-visit targets set.
                        message: qsTr("No home-visit targets set. A school head sets them for the teachers.")
                    }
                }
            }

            // The form beside the list on a desktop.
            SectionCard {
                visible: page.wide
                //: Heading of the form that plans an inspection.
                heading: qsTr("Plan an inspection")
                Layout.preferredWidth: 360
                Layout.alignment: Qt.AlignTop
                PlanForm { Layout.fillWidth: true }
            }
        }
    }

    Dialog {
        id: cancelDialog
        property string assignment
        property string school
        //: Confirmation before cancelling a planned inspection.
        title: qsTr("Cancel this inspection?")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 24, 420)
        standardButtons: Dialog.Yes | Dialog.No
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            //: Confirmation text. %1 the school. The assignment is kept as cancelled; the inspector no longer sees it.
            text: qsTr("The inspection of %1 will be cancelled and leave the inspector's list.").arg(cancelDialog.school)
        }
        onAccepted: plans.cancel(assignment)
    }

    Dialog {
        id: planDialog
        //: Heading of the form that plans an inspection.
        title: qsTr("Plan an inspection")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 24, 420)
        standardButtons: Dialog.Close
        PlanForm { width: parent.width; onPlanned: planDialog.close() }
    }

    component PlanForm: ColumnLayout {
        id: form
        signal planned()
        spacing: 6
        function addDays(n) {
            const d = new Date()
            d.setDate(d.getDate() + n)
            return Qt.formatDate(d, "yyyy-MM-dd")
        }
        //: Plan an inspection: the school.
        Label { text: qsTr("School"); font.bold: true }
        ComboBox {
            id: school
            objectName: "planSchool"
            model: plans.schools
            textRole: "name"
            valueRole: "code"
            implicitHeight: Theme.touch
            Layout.fillWidth: true
        }
        //: Plan an inspection: the inspector (an account name).
        Label { text: qsTr("Inspector"); font.bold: true }
        ComboBox {
            id: inspector
            objectName: "planInspector"
            editable: true
            model: plans.inspectors
            implicitHeight: Theme.touch
            Layout.fillWidth: true
        }
        //: Plan an inspection: the day it must be done by.
        Label { text: qsTr("Due by"); font.bold: true }
        DateField { id: due; value: form.addDays(14); onEdited: v => value = v; Layout.fillWidth: true }
        //: Plan an inspection: the checklist form the inspector fills.
        Label { text: qsTr("Checklist"); font.bold: true }
        ComboBox {
            id: checklist
            objectName: "planForm"
            model: plans.forms
            textRole: "title"
            valueRole: "id"
            implicitHeight: Theme.touch
            Layout.fillWidth: true
            Component.onCompleted: {
                for (let i = 0; i < plans.forms.length; ++i)
                    if (plans.forms[i].id === "school_inspection") currentIndex = i
            }
        }
        TextField {
            id: note
            //: Plan an inspection: an optional note for the inspector.
            placeholderText: qsTr("Note for the inspector (optional)")
            implicitHeight: Theme.touch
            Layout.fillWidth: true
        }
        Button {
            objectName: "planSubmit"
            //: Plan an inspection: the button that saves it.
            text: qsTr("Plan inspection")
            highlighted: true
            implicitHeight: Theme.touch + 4
            Layout.fillWidth: true
            onClicked: {
                if (plans.plan(school.currentValue || "", inspector.editText.trim(), due.value, checklist.currentValue || "", note.text) !== "") {
                    note.text = ""
                    form.planned()
                }
            }
        }
    }
}
