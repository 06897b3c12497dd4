import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SubmissionsPage: drafts and submissions with the state a person cares about
// (SubmissionModel): draft, waiting to send, sent, confirmed, rejected with
// the reasons, returned with the bureau's comment, accepted.
Page {
    id: page
    property string pageName: "SubmissionsPage"
    //: Title of the submissions page.
    title: qsTr("Submissions")
    background: Rectangle { color: Theme.background }

    SubmissionModel { id: subs }
    function formTitle(formId) {
        const f = Records.get("forms", formId)
        const t = f.title
        if (!t) return formId
        return typeof t === "string" ? t : (t[AppSettings.formLanguage] || t.zh || formId)
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        clip: true
        model: subs
        delegate: ItemDelegate {
            id: row
            required property string recordId
            required property var fields
            required property string syncState
            required property string reason
            readonly property string shown: fields._display || "draft"
            readonly property bool editable: shown === "draft" || shown === "returned" || shown === "rejected"
            width: ListView.view.width
            background: Rectangle { color: row.down ? Theme.selectedFill : Theme.surface; radius: Theme.radius; border.color: Theme.divider }
            onClicked: Navigator.push("FormFillPage", { formId: fields.form, submissionId: recordId })
            contentItem: ColumnLayout {
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    Label { text: page.formTitle(row.fields.form); font.bold: true; font.pixelSize: Theme.fontLarge; elide: Text.ElideRight; Layout.fillWidth: true }
                    StateBadge { status: row.shown }
                }
                Label {
                    text: (row.fields.updated_at || "").replace("T", " ").substring(0, 16)
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                }
                Label {
                    visible: row.shown === "rejected"
                    //: Submissions: why the server refused it. %1 is the reason.
                    text: qsTr("Refused: %1").arg(row.reason)
                    color: Theme.error
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: row.shown === "returned"
                    //: Submissions: the bureau's comment when returning it. %1 is the comment.
                    text: qsTr("Bureau's comment: %1").arg(row.fields.comment || "")
                    color: Theme.error
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: row.editable
                    //: Submissions: hint that the item can be opened and changed.
                    text: qsTr("Tap to continue")
                    color: Theme.primary
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
        EmptyState {
            anchors.centerIn: parent
            width: parent.width
            visible: list.count === 0 && !subs.loading
            //: Submissions page: nothing yet.
            message: qsTr("No drafts or submissions yet.")
        }
    }
}
