import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// FormsPage: the forms the bureau published for this person; tap to fill.
Page {
    id: page
    property string pageName: "FormsPage"
    //: Title of the forms page.
    title: qsTr("Forms")
    background: Rectangle { color: Theme.background }

    RecordListModel { id: forms; collection: "forms"; sortField: "id" }
    // A form names who fills it ("roles") and where ("schools": "*" or codes);
    // bureau staff see every form.
    function meantForMe(def) {
        if (!def) return false
        if (Session.role === "bureau") return true
        var roles = def.roles || []
        if (roles.length > 0 && roles.indexOf(Session.role) < 0) return false
        var schools = def.schools
        if (schools === undefined || schools === "*") return true
        for (var i = 0; i < Session.schools.length; ++i)
            if (schools.indexOf(Session.schools[i]) >= 0) return true
        return false
    }
    function localText(t) {
        if (t === undefined || t === null) return ""
        if (typeof t === "string") return t
        return t[AppSettings.formLanguage] || t.zh || t.en || ""
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        clip: true
        model: forms
        delegate: ItemDelegate {
            id: row
            required property string recordId
            required property var fields
            width: ListView.view.width
            visible: page.meantForMe(row.fields.definition)
            implicitHeight: visible ? 76 : 0
            background: Rectangle { color: row.down ? Theme.selectedFill : Theme.surface; radius: Theme.radius; border.color: Theme.divider }
            onClicked: Navigator.push("FormFillPage", { formId: recordId })
            contentItem: ColumnLayout {
                spacing: 2
                Label { text: page.localText(row.fields.title) || row.recordId; font.bold: true; font.pixelSize: Theme.fontLarge; elide: Text.ElideRight; Layout.fillWidth: true }
                Label {
                    text: page.localText(row.fields.definition ? row.fields.definition.description : "")
                          //: Forms list: the form's version number.
                          + "  " + qsTr("Version %1").arg(row.fields.version || 1)
                    color: Theme.muted
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
        }
        EmptyState {
            anchors.centerIn: parent
            width: parent.width
            visible: list.count === 0 && !forms.loading
            //: Forms page: none yet.
            message: qsTr("No forms yet. Forms published by the bureau arrive with the next sync.")
        }
    }
}
