import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// InspectionPage: the inspections the bureau assigned to this inspector
// (AssignmentsModel: planned or overdue), the inspector's inspections, and for
// one inspection the checklist (each item pass/fail with a note), problems
// with a rectification deadline, a photo and the head's signature. Saved as an
// "inspections" record; one started from an assignment is filed in that
// school and names it ("assignment"), which marks the assignment done once
// saved as done (docs/bureau.md, "Assignments and targets"). "+ New
// inspection" at a school this inspector has an open assignment for opens
// that assignment's report (its checklist form) instead of a loose one.
Page {
    id: page
    property string pageName: "InspectionPage"
    property string recordId
    readonly property var current: { Records.revision; return recordId !== "" ? Records.get("inspections", recordId) : ({}) }
    property var checklist: current.checklist || ({})
    //: Title of the inspections page.
    title: qsTr("Inspections")
    background: Rectangle { color: Theme.background }

    readonly property var items: [
        //: Inspection checklist item.
        { key: "teaching", label: qsTr("Teaching") },
        //: Inspection checklist item.
        { key: "safety", label: qsTr("Safety") },
        //: Inspection checklist item.
        { key: "hygiene", label: qsTr("Hygiene") },
        //: Inspection checklist item.
        { key: "canteen", label: qsTr("Canteen") },
        //: Inspection checklist item.
        { key: "buildings", label: qsTr("Buildings") },
        //: Inspection checklist item.
        { key: "records", label: qsTr("Records") },
        //: Inspection checklist item.
        { key: "fees", label: qsTr("Fees") }
    ]
    RecordListModel { id: inspections; collection: "inspections"; sortField: "date"; titleField: "school_name" }
    AssignmentsModel { id: assigned; inspector: Session.user; state: "open" }
    readonly property alias assignments: assigned

    // Opens the inspection of an assignment: the one already started, or a new
    // one in the assigned school that names it.
    function startAssigned(a) {
        // The assignment's checklist form when this phone has it: its report,
        // the draft already started or a new one filed in the school.
        if (a.form && Records.get("forms", a.form).id !== undefined) {
            const drafts = Records.where("submissions", "assignment", a.id)
            Navigator.push("FormFillPage", { formId: a.form, submissionId: drafts.length > 0 ? drafts[0].id : "",
                                       school: a.school, assignment: a.id,
                                       prefill: { school: a.school, inspection_date: Qt.formatDate(new Date(), "yyyy-MM-dd"),
                                                  inspectors: Session.user } })
            return
        }
        const started = Records.where("inspections", "assignment", a.id)
        if (started.length > 0) {
            page.recordId = started[0].id
            return
        }
        const id = Records.save("inspections", "", { date: Qt.formatDate(new Date(), "yyyy-MM-dd"), status: "assigned",
                                                     school_name: a.school_name, assignment: a.id, form: a.form }, a.school)
        if (id !== "")
            page.recordId = id
    }

    // "+ New inspection" at `school`: the report of this inspector's open
    // assignment there, if any (its checklist form, naming it); else a new
    // inspection of the page's own checklist, as before.
    function startNew(school) {
        const a = assigned.openAssignmentAt(school)
        if (a.id !== undefined) {
            startAssigned(a)
            return
        }
        const name = Records.get("schools", school).name
        page.recordId = Records.save("inspections", "", { date: Qt.formatDate(new Date(), "yyyy-MM-dd"), status: "assigned",
                                                          school_name: name !== undefined ? name : school }, school)
    }

    function setItem(key, prop, value) {
        const c = JSON.parse(JSON.stringify(checklist))
        c[key] = c[key] || {}
        c[key][prop] = value
        checklist = c
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin
        // The list: always on desktop, on phones only until one is chosen.
        ListView {
            id: list
            visible: page.width >= 900 || page.recordId === ""
            Layout.fillHeight: true
            Layout.fillWidth: page.width < 900
            Layout.preferredWidth: 320
            spacing: 8
            clip: true
            model: inspections
            header: ColumnLayout {
                width: ListView.view.width
                spacing: 8
                Label {
                    visible: assigned.rows.length > 0
                    //: Inspections: heading of the inspections the bureau assigned to this person.
                    text: qsTr("Assigned to you")
                    font.bold: true
                }
                Repeater {
                    model: assigned.rows
                    delegate: ItemDelegate {
                        id: job
                        required property var modelData
                        objectName: "assigned_" + modelData.school
                        Layout.fillWidth: true
                        background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: job.modelData.state === "overdue" ? Theme.error : Theme.primary }
                        onClicked: page.startAssigned(modelData)
                        contentItem: ColumnLayout {
                            Label { text: job.modelData.school_name; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label {
                                text: job.modelData.state === "overdue"
                                      //: Assigned inspection: overdue. %1 the due day, %2 the checklist.
                                      ? qsTr("Overdue: due %1 · %2").arg(job.modelData.due).arg(job.modelData.form_title)
                                      //: Assigned inspection: due. %1 the due day, %2 the checklist.
                                      : qsTr("Due %1 · %2").arg(job.modelData.due).arg(job.modelData.form_title)
                                color: job.modelData.state === "overdue" ? Theme.error : Theme.muted
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }
                // The school of a new inspection, when this account covers several.
                ComboBox {
                    id: newSchool
                    objectName: "newInspectionSchool"
                    visible: Session.schools.length > 1
                    model: Session.schools.map(code => ({ code: code, name: Records.get("schools", code).name || code }))
                    textRole: "name"
                    valueRole: "code"
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "newInspection"
                    //: Inspections: start a new inspection.
                    text: qsTr("+ New inspection")
                    highlighted: true
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    onClicked: page.startNew(newSchool.visible && newSchool.currentValue ? newSchool.currentValue : Session.school)
                }
            }
            delegate: ItemDelegate {
                id: row
                required property string recordId
                required property string title
                required property var fields
                width: ListView.view.width
                highlighted: page.recordId === recordId
                background: Rectangle { color: row.highlighted ? Theme.selectedFill : Theme.surface; radius: Theme.radius; border.color: Theme.divider }
                onClicked: page.recordId = recordId
                contentItem: ColumnLayout {
                    Label { text: row.title || row.fields.school || ""; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label {
                        text: (row.fields.date || "") + " · " + (row.fields.status === "done"
                              //: Inspection status.
                              ? qsTr("Done")
                              //: Inspection status.
                              : qsTr("Assigned"))
                        color: Theme.muted
                    }
                }
            }
        }
        ScrollView {
            visible: page.recordId !== ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            ColumnLayout {
                width: parent.width
                spacing: 8
                Label { text: (page.current.school_name || "") + " · " + (page.current.date || ""); font.pixelSize: Theme.fontLarge; font.bold: true; Layout.fillWidth: true; wrapMode: Text.Wrap }
                SectionCard {
                    //: Inspection: heading of the checklist.
                    heading: qsTr("Checklist")
                    Layout.fillWidth: true
                    Repeater {
                        model: page.items
                        delegate: ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            RowLayout {
                                Label { text: modelData.label; font.bold: true; Layout.fillWidth: true }
                                //: Inspection checklist: the item passes.
                                RadioButton { text: qsTr("Pass"); checked: (page.checklist[modelData.key] || {}).pass === true; onClicked: page.setItem(modelData.key, "pass", true) }
                                //: Inspection checklist: the item fails.
                                RadioButton { text: qsTr("Fail"); checked: (page.checklist[modelData.key] || {}).pass === false; onClicked: page.setItem(modelData.key, "pass", false) }
                            }
                            TextField {
                                //: Inspection checklist: a note on the item.
                                placeholderText: qsTr("Note")
                                text: (page.checklist[modelData.key] || {}).note || ""
                                implicitHeight: Theme.touch
                                Layout.fillWidth: true
                                onEditingFinished: page.setItem(modelData.key, "note", text)
                            }
                        }
                    }
                }
                //: Inspection: problems found.
                Label { text: qsTr("Problems found"); font.bold: true }
                TextArea { id: problems; text: page.current.problems || ""; wrapMode: TextEdit.Wrap; Layout.fillWidth: true; Layout.preferredHeight: Math.max(90, contentHeight + 24); background: Rectangle { color: "white"; border.color: Theme.inputBorder } }
                //: Inspection: deadline to fix the problems (整改期限).
                Label { text: qsTr("Rectification deadline"); font.bold: true }
                DateField { id: deadline; value: page.current.deadline || ""; onEdited: v => value = v; Layout.fillWidth: true }
                //: Inspection: photos.
                Label { text: qsTr("Photo"); font.bold: true }
                PhotoPicker { id: photo; value: page.current.photo || ""; onEdited: v => value = v; Layout.fillWidth: true }
                //: Inspection: the school head signs.
                Label { text: qsTr("Head's signature"); font.bold: true }
                SignatureCanvas { id: signature; value: page.current.signature || ""; onEdited: v => value = v; Layout.fillWidth: true }
                Button {
                    //: Inspection: save and mark as done.
                    text: qsTr("Save inspection")
                    highlighted: true
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    onClicked: Records.save("inspections", page.recordId, { checklist: page.checklist, problems: problems.text, deadline: deadline.value, photo: MediaStore.reference(photo.value), signature: MediaStore.reference(signature.value), status: "done" })
                }
            }
        }
        EmptyState {
            visible: page.recordId === "" && page.width >= 900
            Layout.fillWidth: true
            //: Inspections: nothing chosen yet (desktop).
            message: qsTr("Choose an inspection on the left, or start a new one.")
        }
    }
}
