import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// HomeVisitPage: record a home visit (家访): the pupil, who visited, when and
// why, who was met, what was found and agreed, a follow-up date that later
// appears on Home, whether the pupil is back at school, location, photo and
// the guardian's signature. Saved as a "home_visits" record.
Page {
    id: page
    property string pageName: "HomeVisitPage"
    property string recordId
    property string pupilId
    readonly property var original: recordId !== "" ? Records.get("home_visits", recordId) : ({})
    property string chosenPupil: pupilId !== "" ? pupilId : (original.pupil || "")
    property var location: original.location || null
    property var photo: original.photo || ""          // MediaStore reference (or an old file name)
    property var signature: original.signature || ""
    readonly property bool aboutLeaving: reason.currentValue === "left_school" || reason.currentValue === "dropout_risk"
    title: recordId !== ""
           //: Title when editing a home visit.
           ? qsTr("Home visit")
           //: Title when recording a new home visit.
           : qsTr("New home visit")
    background: Rectangle { color: Theme.background }

    readonly property var reasons: [
        //: Home visit reason.
        { value: "routine", label: qsTr("Routine") },
        //: Home visit reason.
        { value: "dropout_risk", label: qsTr("Dropout risk") },
        //: Home visit reason.
        { value: "left_school", label: qsTr("Pupil left school") },
        //: Home visit reason.
        { value: "returned", label: qsTr("Returned pupil") },
        //: Home visit reason.
        { value: "left_behind", label: qsTr("Left-behind child") }
    ]

    RecordListModel { id: pupils; collection: "pupils"; search: pupilSearch.query; pageSize: 200 }

    function save() {
        if (chosenPupil === "") { problem.text = qsTr("Choose the pupil first."); return false }
        if (date.value === "") { problem.text = qsTr("Enter the date of the visit."); return false }
        const v = {
            pupil: chosenPupil, visitors: visitors.text.trim(), date: date.value, reason: reason.currentValue,
            met: met.text.trim(), findings: findings.text.trim(), actions: actions.text.trim(),
            follow_up_date: followUp.value, outcome_back_at_school: page.aboutLeaving ? back.checked : null,
            location: page.location, photo: MediaStore.reference(page.photo), signature: MediaStore.reference(page.signature)
        }
        const id = Records.save("home_visits", recordId, v)
        if (id === "") { problem.text = Records.lastError; return false }
        // The pupil's status follows the outcome of a dropout visit.
        const p = Records.get("pupils", chosenPupil)
        if (page.aboutLeaving && back.checked && p.status === "left")
            Records.save("pupils", chosenPupil, { status: "in_school" })
        recordId = id
        saved.visible = true
        return true
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.margin, 760)
            x: Theme.margin
            spacing: 6
            Item { Layout.preferredHeight: 4 }
            //: Home visit form label.
            Label { text: qsTr("Pupil") + " *"; font.bold: true }
            Label {
                visible: page.chosenPupil !== ""
                text: { Records.revision; const p = Records.get("pupils", page.chosenPupil); return p.name ? p.name + " · " + qsTr("Grade %1 · Class %2").arg(p.grade).arg(p["class"] || "") : "" }
                font.pixelSize: Theme.fontLarge
                color: Theme.primary
            }
            SearchField {
                id: pupilSearch
                objectName: "visitPupilSearch"
                visible: page.pupilId === ""
                //: Home visit: search box to pick the pupil.
                placeholderText: qsTr("Type a name to find the pupil")
                Layout.fillWidth: true
            }
            ListView {
                visible: page.pupilId === "" && pupilSearch.query !== ""
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(contentHeight, 200)
                clip: true
                model: pupils
                delegate: ItemDelegate {
                    required property string recordId
                    required property string title
                    required property var fields
                    width: ListView.view.width
                    text: title + " · " + qsTr("Grade %1 · Class %2").arg(fields.grade).arg(fields["class"] || "")
                    highlighted: page.chosenPupil === recordId
                    onClicked: { page.chosenPupil = recordId; pupilSearch.text = "" }
                }
            }
            //: Home visit form label.
            Label { text: qsTr("Visitors"); font.bold: true }
            TextField { id: visitors; objectName: "visitors"; text: page.original.visitors || Session.user; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
            //: Home visit form label.
            Label { text: qsTr("Date of visit") + " *"; font.bold: true }
            DateField { id: date; objectName: "visitDate"; value: page.original.date || Qt.formatDate(new Date(), "yyyy-MM-dd"); onEdited: v => value = v; Layout.fillWidth: true }
            //: Home visit form label.
            Label { text: qsTr("Reason"); font.bold: true }
            ComboBox {
                id: reason
                objectName: "visitReason"
                model: page.reasons
                textRole: "label"
                valueRole: "value"
                implicitHeight: Theme.touch + 4
                Layout.fillWidth: true
                Component.onCompleted: { const i = page.reasons.findIndex(r => r.value === page.original.reason); currentIndex = i >= 0 ? i : 0 }
            }
            //: Home visit form label: family members met.
            Label { text: qsTr("Who was met"); font.bold: true }
            TextField { id: met; text: page.original.met || ""; implicitHeight: Theme.touch + 4; Layout.fillWidth: true }
            //: Home visit form label.
            Label { text: qsTr("What was found"); font.bold: true }
            TextArea { id: findings; objectName: "findings"; text: page.original.findings || ""; wrapMode: TextEdit.Wrap; Layout.fillWidth: true; Layout.preferredHeight: Math.max(90, contentHeight + 24); background: Rectangle { color: "white"; border.color: Theme.inputBorder } }
            //: Home visit form label.
            Label { text: qsTr("What was agreed"); font.bold: true }
            TextArea { id: actions; text: page.original.actions || ""; wrapMode: TextEdit.Wrap; Layout.fillWidth: true; Layout.preferredHeight: Math.max(90, contentHeight + 24); background: Rectangle { color: "white"; border.color: Theme.inputBorder } }
            Switch {
                id: back
                visible: page.aboutLeaving
                //: Home visit: the pupil has come back to school.
                text: qsTr("Back at school")
                checked: page.original.outcome_back_at_school === true
            }
            //: Home visit form label.
            Label { text: qsTr("Follow-up date"); font.bold: true }
            DateField { id: followUp; value: page.original.follow_up_date || ""; onEdited: v => value = v; Layout.fillWidth: true }
            //: Home visit form label.
            Label { text: qsTr("Location"); font.bold: true }
            LocationField { value: page.location; onEdited: v => page.location = v; Layout.fillWidth: true }
            //: Home visit form label.
            Label { text: qsTr("Photo"); font.bold: true }
            PhotoPicker { value: page.photo; onEdited: v => page.photo = v; Layout.fillWidth: true }
            //: Home visit form label.
            Label { text: qsTr("Guardian's signature"); font.bold: true }
            SignatureCanvas { value: page.signature; onEdited: v => page.signature = v; Layout.fillWidth: true }
            Label { id: problem; visible: text !== ""; color: Theme.error; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label {
                id: saved
                visible: false
                //: Home visit: confirmation after saving.
                text: qsTr("Saved on this phone. It will be sent to the bureau at the next sync.")
                color: Theme.ok
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "saveVisit"
                //: Save button.
                text: qsTr("Save")
                highlighted: true
                implicitHeight: Theme.touch + 4
                Layout.fillWidth: true
                onClicked: if (page.save()) Navigator.back()
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
