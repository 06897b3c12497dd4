import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// PupilEditPage: add a pupil, or edit one (Records.save). Only changed fields
// are written, so a colleague's edit of another field is never overwritten.
Page {
    id: page
    property string pageName: "PupilEditPage"
    property string recordId
    readonly property var original: recordId !== "" ? Records.get("pupils", recordId) : ({})
    title: recordId !== ""
           //: Title when editing a pupil.
           ? qsTr("Edit pupil")
           //: Title when adding a pupil.
           : qsTr("Add pupil")
    background: Rectangle { color: Theme.background }

    function save() {
        const v = {
            name: name.text.trim(), gender: gender.currentIndex === 1 ? "female" : "male",
            birth_date: birth.value, ethnicity: ethnicity.text.trim(), grade: grade.value,
            "class": klass.text.trim(), guardian: guardian.text.trim(), guardian_phone: phone.text.trim(),
            village: village.text.trim(), boarding: boarding.checked, left_behind: leftBehind.checked,
            disability: disability.checked, status: inSchool.checked ? "in_school" : "left"
        }
        if (v.name === "") { problem.text = qsTr("Please enter the pupil's name."); return }
        const changed = {}
        for (const k in v) if (JSON.stringify(v[k]) !== JSON.stringify(original[k])) changed[k] = v[k]
        if (Object.keys(changed).length === 0) { Navigator.back(); return }
        const id = Records.save("pupils", recordId, changed)
        if (id === "") { problem.text = Records.lastError; return }
        Navigator.back()
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.margin, 720)
            x: Theme.margin
            spacing: 6
            Item { Layout.preferredHeight: 4 }
            //: Pupil form label.
            Label { text: qsTr("Name") + " *"; font.bold: true }
            TextField { id: name; objectName: "pupilName"; text: page.original.name || ""; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
            //: Pupil form label.
            Label { text: qsTr("Gender"); font.bold: true }
            //: Pupil gender choices.
            ComboBox { id: gender; model: [qsTr("Male"), qsTr("Female")]; currentIndex: page.original.gender === "female" ? 1 : 0; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
            //: Pupil form label.
            Label { text: qsTr("Birth date"); font.bold: true }
            DateField { id: birth; value: page.original.birth_date || ""; onEdited: v => value = v; Layout.fillWidth: true }
            //: Pupil form label.
            Label { text: qsTr("Ethnicity"); font.bold: true }
            TextField { id: ethnicity; text: page.original.ethnicity || ""; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                ColumnLayout {
                    //: Pupil form label.
                    Label { text: qsTr("Grade"); font.bold: true }
                    SpinBox { id: grade; from: 1; to: 9; value: page.original.grade || 1; implicitHeight: Theme.touch + 4 }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    //: Pupil form label.
                    Label { text: qsTr("Class"); font.bold: true }
                    TextField { id: klass; text: page.original["class"] || ""; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
                }
            }
            //: Pupil form label.
            Label { text: qsTr("Guardian"); font.bold: true }
            TextField { id: guardian; text: page.original.guardian || ""; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
            //: Pupil form label.
            Label { text: qsTr("Guardian's phone"); font.bold: true }
            TextField { id: phone; text: page.original.guardian_phone || ""; inputMethodHints: Qt.ImhDialableCharactersOnly; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
            //: Pupil form label.
            Label { text: qsTr("Village"); font.bold: true }
            TextField { id: village; text: page.original.village || ""; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
            //: Pupil form switch.
            Switch { id: boarding; text: qsTr("Boarding"); checked: page.original.boarding === true }
            //: Pupil form switch.
            Switch { id: leftBehind; text: qsTr("Left-behind child"); checked: page.original.left_behind === true }
            //: Pupil form switch.
            Switch { id: disability; text: qsTr("Disability"); checked: page.original.disability === true }
            //: Pupil form switch: the pupil attends school (off = left school).
            Switch { id: inSchool; text: qsTr("In school"); checked: page.original.status !== "left" }
            Label { id: problem; visible: text !== ""; color: Theme.error; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Button {
                objectName: "savePupil"
                //: Save button.
                text: qsTr("Save")
                highlighted: true
                implicitHeight: Theme.touch + 4
                Layout.fillWidth: true
                onClicked: page.save()
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
