import QtQuick
import QtQuick.Controls
import QtTest
import Cunxiao

// InspectionPage's "+ New inspection": at a school with an open assignment for
// this account, it files that assignment's report (its checklist form when the
// phone holds it, else an inspection naming it); elsewhere a loose inspection
// of the page's own checklist, as before. The throwaway replica has no account
// (Session.user is ""), so the page's assignments are every inspector's.
TestCase {
    id: tc
    name: "Inspections"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    StackView { id: stack; anchors.fill: parent }

    readonly property string today: Qt.formatDate(new Date(), "yyyy-MM-dd")

    function init() { Navigator.stack = stack }
    function cleanup() {
        stack.clear(StackView.Immediate)
        Navigator.stack = null
    }

    function assign(school, form, status) {
        return Records.save("assignments", "", { school: school, school_name: "学校" + school, inspector: "zhou.min",
                                                 due: "2099-12-31", form: form, assigned_on: tc.today,
                                                 status: status }, school)
    }
    function openPage() {
        Navigator.openPage("InspectionPage")
        tryCompare(stack, "busy", false)
        return stack.currentItem
    }

    function test_newInspectionWithoutAssignmentIsLoose() {
        const page = openPage()
        page.startNew("QA")
        verify(page.recordId !== "")
        const rec = Records.get("inspections", page.recordId)
        compare(rec.assignment, undefined)
        compare(rec.status, "assigned")
        compare(rec.school_name, "QA")
        compare(stack.depth, 1)
    }

    function test_newInspectionNamesTheOpenAssignment() {
        const id = assign("QB", "no_such_checklist", "planned")   // the phone lacks its form: an inspection naming it
        verify(id !== "")
        const page = openPage()
        tryVerify(() => page.assignments.openAssignmentAt("QB").id === id)   // read once the page loaded
        page.startNew("QB")
        const rec = Records.get("inspections", page.recordId)
        compare(rec.assignment, id)
        compare(rec.school_name, "学校QB")
        // Started again: the same inspection, not a second one.
        const first = page.recordId
        page.recordId = ""
        page.startNew("QB")
        compare(page.recordId, first)
    }

    function test_cancelledAssignmentIsNotUsed() {
        assign("QC", "no_such_checklist", "cancelled")
        const other = assign("QE", "no_such_checklist", "planned")   // read after the cancelled one
        const page = openPage()
        tryVerify(() => page.assignments.openAssignmentAt("QE").id === other)
        compare(page.assignments.openAssignmentAt("QC").id, undefined)
        page.startNew("QC")
        compare(Records.get("inspections", page.recordId).assignment, undefined)
    }

    function test_newInspectionOpensTheChecklistForm() {
        Records.save("forms", "qml_checklist", {
            version: 1, title: { zh: "督导检查", en: "Inspection" },
            definition: { id: "qml_checklist", version: 1, title: { zh: "督导检查", en: "Inspection" },
                          roles: ["inspector", "bureau"], schools: "*",
                          pages: [{ id: "p", title: { zh: "检查", en: "Check" }, fields: [
                              { name: "school", type: "text", label: { zh: "学校", en: "School" } },
                              { name: "inspection_date", type: "date", label: { zh: "检查日期", en: "Date" } }] }] }
        })
        const id = assign("QD", "qml_checklist", "planned")
        const page = openPage()
        tryVerify(() => page.assignments.openAssignmentAt("QD").id === id)
        page.startNew("QD")
        tryCompare(stack, "busy", false)
        compare(stack.depth, 2)
        const form = stack.currentItem
        compare(form.pageName, "FormFillPage")
        compare(form.formId, "qml_checklist")
        compare(form.assignment, id)
        compare(form.school, "QD")
        compare(form.prefill.school, "QD")
    }
}
