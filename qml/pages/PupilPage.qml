import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// PupilPage: one pupil's details and home-visit history (Records).
Page {
    id: page
    property string pageName: "PupilPage"
    property string recordId
    readonly property var pupil: { Records.revision; return recordId !== "" ? Records.get("pupils", recordId) : firstPupil() }
    readonly property var visits: { Records.revision; return pupil.id ? Records.where("home_visits", "pupil", pupil.id, "date") : [] }
    title: pupil.name || qsTr("Pupil")
    background: Rectangle { color: Theme.background }

    // Without an id (self-test), show the first pupil so the page has content.
    function firstPupil() { return Records.first("pupils") }
    function yesNo(v) {
        //: A yes/no value on the pupil page.
        return v === true ? qsTr("Yes") : (v === false ? qsTr("No") : "")
    }
    function reasonText(r) {
        switch (r) {
        //: Home visit reason.
        case "routine": return qsTr("Routine")
        //: Home visit reason.
        case "dropout_risk": return qsTr("Dropout risk")
        //: Home visit reason.
        case "left_school": return qsTr("Pupil left school")
        //: Home visit reason.
        case "returned": return qsTr("Returned pupil")
        //: Home visit reason.
        case "left_behind": return qsTr("Left-behind child")
        }
        return r || ""
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width - 2 * Theme.margin
            x: Theme.margin
            spacing: Theme.margin
            Item { Layout.preferredHeight: 2 }
            RowLayout {
                Layout.fillWidth: true
                Label { text: page.pupil.name || ""; font.pixelSize: Theme.fontTitle; font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
                StateBadge { visible: page.pupil._state !== undefined && page.pupil._state !== "confirmed"; status: page.pupil._state || "" }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Button {
                    //: Pupil page: edit the pupil's details.
                    text: qsTr("Edit")
                    implicitHeight: Theme.touch
                    onClicked: Navigator.push("PupilEditPage", { recordId: page.pupil.id })
                }
                Button {
                    //: Pupil page: record a home visit for this pupil.
                    text: qsTr("New home visit")
                    highlighted: true
                    implicitHeight: Theme.touch
                    onClicked: Navigator.push("HomeVisitPage", { pupilId: page.pupil.id })
                }
            }
            SectionCard {
                //: Pupil page card heading.
                heading: qsTr("Details")
                Layout.fillWidth: true
                GridLayout {
                    columns: page.width >= 700 ? 3 : 2
                    columnSpacing: Theme.margin
                    rowSpacing: 10
                    Layout.fillWidth: true
                    //: Pupil field label.
                    LabeledValue { label: qsTr("Gender"); value: page.pupil.gender === "female" ? qsTr("Female") : (page.pupil.gender === "male" ? qsTr("Male") : ""); Layout.fillWidth: true }
                    //: Pupil field label.
                    LabeledValue { label: qsTr("Birth date"); value: page.pupil.birth_date || ""; Layout.fillWidth: true }
                    //: Pupil field label.
                    LabeledValue { label: qsTr("Ethnicity"); value: page.pupil.ethnicity || ""; Layout.fillWidth: true }
                    //: Pupil field label: grade and class.
                    LabeledValue { label: qsTr("Grade and class"); value: page.pupil.grade ? qsTr("Grade %1 · Class %2").arg(page.pupil.grade).arg(page.pupil["class"] || "") : ""; Layout.fillWidth: true }
                    //: Pupil field label.
                    LabeledValue { label: qsTr("Guardian"); value: page.pupil.guardian || ""; Layout.fillWidth: true }
                    //: Pupil field label.
                    LabeledValue { label: qsTr("Guardian's phone"); value: page.pupil.guardian_phone || ""; Layout.fillWidth: true }
                    //: Pupil field label.
                    LabeledValue { label: qsTr("Village"); value: page.pupil.village || ""; Layout.fillWidth: true }
                    //: Pupil field label: lives at school.
                    LabeledValue { label: qsTr("Boarding"); value: page.yesNo(page.pupil.boarding); Layout.fillWidth: true }
                    //: Pupil field label: parents work away (留守儿童).
                    LabeledValue { label: qsTr("Left-behind child"); value: page.yesNo(page.pupil.left_behind); Layout.fillWidth: true }
                    //: Pupil field label.
                    LabeledValue { label: qsTr("Disability"); value: page.yesNo(page.pupil.disability); Layout.fillWidth: true }
                    //: Pupil field label: in school or left.
                    LabeledValue { label: qsTr("Status"); value: page.pupil.status === "left" ? qsTr("Left school") : qsTr("In school"); Layout.fillWidth: true }
                }
            }
            SectionCard {
                //: Pupil page card heading: list of home visits.
                heading: qsTr("Home visits (%1)").arg(page.visits.length)
                Layout.fillWidth: true
                EmptyState {
                    visible: page.visits.length === 0
                    //: Pupil page: no visits yet.
                    message: qsTr("No home visits recorded yet.")
                    Layout.fillWidth: true
                }
                Repeater {
                    model: page.visits
                    delegate: ItemDelegate {
                        required property var modelData
                        Layout.fillWidth: true
                        onClicked: Navigator.push("HomeVisitPage", { recordId: modelData.id, pupilId: page.pupil.id })
                        contentItem: ColumnLayout {
                            spacing: 2
                            RowLayout {
                                Label { text: modelData.date + " · " + page.reasonText(modelData.reason); font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
                                StateBadge { status: modelData._state }
                            }
                            Label { text: modelData.findings || ""; wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.muted; maximumLineCount: 2; elide: Text.ElideRight }
                            Label {
                                visible: !!modelData.follow_up_date
                                //: Visit history: the follow-up date.
                                text: qsTr("Follow up on %1").arg(modelData.follow_up_date || "")
                                color: Theme.warn
                            }
                        }
                    }
                }
            }
            RecordHistoryCard {
                visible: Session.role === "bureau"
                Layout.fillWidth: true
                collection: "pupils"
                recordId: page.recordId
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
