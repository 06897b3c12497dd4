import QtQuick
import QtTest
import Cunxiao

// Each field type renders its input, reports edits, and shows problems.
TestCase {
    id: tc
    name: "Fields"
    width: 400
    height: 600
    visible: true
    when: windowShown

    Component { id: fieldComponent; FormField { width: 380 } }

    function make(descriptor) {
        const f = createTemporaryObject(fieldComponent, tc, { field: descriptor })
        verify(f !== null)
        return f
    }

    function test_types_data() {
        return [
            { tag: "text", type: "text", input: "textInput" },
            { tag: "integer", type: "integer", input: "numberInput" },
            { tag: "decimal", type: "decimal", input: "numberInput" },
            { tag: "date", type: "date", input: "dateInput" },
            { tag: "time", type: "time", input: "timeInput" },
            { tag: "datetime", type: "datetime", input: "dateTimeDate" },
            { tag: "geopoint", type: "geopoint", input: "latitude" },
            { tag: "signature", type: "signature", input: "signatureCanvas" },
            { tag: "note", type: "note", input: "noteText" }
        ]
    }
    function test_types(data) {
        const f = make({ name: "q", type: data.type, label: "Question", relevant: true, required: false, error: "", row: -1 })
        const input = findChild(f, data.input)
        verify(input !== null, "no " + data.input + " for " + data.type)
    }

    function test_requiredMark() {
        const f = make({ name: "q", type: "text", label: "Name", relevant: true, required: true, error: "", row: -1 })
        compare(findChild(f, "fieldLabel").text, "Name *")
    }

    function test_hiddenWhenNotRelevant() {
        const f = make({ name: "q", type: "text", label: "Name", relevant: false, required: false, error: "", row: -1 })
        verify(!f.visible)
    }

    function test_errorShown() {
        const f = make({ name: "q", type: "integer", label: "People", relevant: true, required: false, error: "Between 1 and 20", row: -1 })
        const err = findChild(f, "fieldError")
        verify(err.visible)
        verify(err.text.indexOf("Between 1 and 20") >= 0)
        f.field = { name: "q", type: "integer", label: "People", relevant: true, required: false, error: "", row: -1 }
        verify(!err.visible)
    }

    SignalSpy { id: answered; signalName: "answered" }

    function test_numberEditsAreNumbers() {
        const f = make({ name: "n", type: "integer", label: "N", relevant: true, required: false, error: "", row: -1 })
        answered.target = f
        answered.clear()
        const input = findChild(f, "numberInput")
        input.forceActiveFocus()
        keyClick(Qt.Key_4)
        keyClick(Qt.Key_2)
        compare(answered.count, 2)
        compare(answered.signalArguments[1][1], 42)
        keyClick(Qt.Key_X)
        compare(answered.signalArguments[2][1], "42x")   // passed on, so the form can say what is wrong
    }

    function test_textEdits() {
        const f = make({ name: "t", type: "text", label: "T", relevant: true, required: false, error: "", row: -1 })
        answered.target = f
        answered.clear()
        findChild(f, "textInput").forceActiveFocus()
        keyClick(Qt.Key_A)
        compare(answered.count, 1)
        compare(answered.signalArguments[0][0], "t")
        compare(answered.signalArguments[0][1], "a")
    }

    // A date and a time typed into their boxes are one answer with the device's
    // offset; a date alone is passed on as typed (the form reports it), never dropped.
    function test_dateTimeEdits() {
        const f = make({ name: "dt", type: "datetime", label: "DT", relevant: true, required: false, error: "", row: -1 })
        answered.target = f
        answered.clear()
        const date = findChild(f, "dateTimeDate"), time = findChild(f, "dateTimeTime")
        date.text = "2026-12-07"
        date.editingFinished()
        compare(answered.count, 1)
        compare(answered.signalArguments[0][1], "2026-12-07")
        time.text = "09:30"
        time.editingFinished()
        compare(answered.count, 2)
        compare(answered.signalArguments[1][1], "2026-12-07T09:30:00+08:00")   // ctest runs the app tests with TZ=Asia/Shanghai
        findChild(f, "dateTimeNow").clicked()
        verify(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(answered.signalArguments[2][1]))
    }

    // A stored answer shows in the two boxes; an edit keeps the offset it was written with.
    function test_dateTimeKeepsItsOffset() {
        const f = make({ name: "dt", type: "datetime", label: "DT", relevant: true, required: false, error: "", row: -1,
                         value: "2026-12-07T09:30:00+07:00" })
        answered.target = f
        answered.clear()
        const date = findChild(f, "dateTimeDate"), time = findChild(f, "dateTimeTime")
        compare(date.text, "2026-12-07")
        compare(time.text, "09:30")
        time.text = "10:15"
        time.editingFinished()
        compare(answered.signalArguments[0][1], "2026-12-07T10:15:00+07:00")
        // Written in another zone than this device's (+08:00): it says which.
        const zone = findChild(f, "dateTimeZone")
        verify(zone.visible)
        verify(zone.text.indexOf("UTC+07:00") >= 0, zone.text)
        const here = make({ name: "dt", type: "datetime", label: "DT", relevant: true, required: false, error: "", row: -1,
                            value: "2026-12-07T09:30:00+08:00" })
        verify(!findChild(here, "dateTimeZone").visible)
    }

    function test_selectOne() {
        const f = make({ name: "s", type: "select_one", label: "S", relevant: true, required: false, error: "", row: -1,
                        value: "b", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] })
        verify(findChild(f, "fieldInput").item !== null)
    }

    function test_selectManyList() {
        const f = make({ name: "m", type: "select_many", label: "M", relevant: true, required: false, error: "", row: -1,
                        value: ["a"], options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] })
        compare(findChild(f, "fieldInput").item.chosen.length, 1)
    }

    function test_groupAndRepeat() {
        const child = { name: "c", type: "text", label: "C", relevant: true, required: false, error: "", row: 0 }
        const g = make({ name: "g", type: "group", label: "G", relevant: true, required: false, error: "", row: -1, children: [child] })
        tryVerify(() => findChild(g, "textInput") !== null)
        const r = make({ name: "r", type: "repeat", label: "R", relevant: true, required: false, error: "", row: -1, rows: [[child], [child]], minRows: 0, maxRows: -1 })
        tryVerify(() => findChild(r, "addRowButton") !== null)
    }
}
