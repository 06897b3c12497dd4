import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Cunxiao

// BureauFormsPage: the county's forms (BureauFormsModel): each with its
// published version, the roles and schools it reaches, a draft waiting, and
// how many devices hold which version. A form definition (.json) or an
// XLSForm workbook (.xlsx) is imported as a draft kept on this computer only;
// the draft is previewed as a phone shows it (FormFillPage in preview mode,
// nothing saved) beside what changes from the published version, then
// published: version + 1, sent at the next sync. A refusal (here or by the
// server) is shown with its reason and the draft stays.
Page {
    id: page
    property string pageName: "BureauFormsPage"
    //: Title of the bureau's forms page (publishing form versions).
    title: qsTr("Forms")
    background: Rectangle { color: Theme.background }
    readonly property bool wide: width >= 900
    property string previewLanguage: "zh"

    BureauFormsModel { id: formsModel }

    function heldText(form) {
        let parts = []
        for (const h of form.held) {
            //: Forms page: devices holding one version. %1 version, %n number of devices.
            let t = qsTr("v%1: %n device(s)", "", h.devices).arg(h.version)
            if (h.version < form.version && h.oldestSync > 0)
                //: Forms page: devices on an older version; when the least recent of them last synced. %1 date.
                t += " " + qsTr("(not synced since %1)").arg(new Date(h.oldestSync).toLocaleDateString(Qt.locale(), Locale.ShortFormat))
            parts.push(t)
        }
        if (form.notReported > 0)
            //: Forms page: devices that have not said which version they hold (an older app). %n number of devices.
            parts.push(qsTr("%n device(s) not reported", "", form.notReported))
        //: Forms page: no device has reported this form yet.
        return parts.length > 0 ? parts.join(", ") : qsTr("no device has reported it yet")
    }
    function roleText(r) {
        //: Forms page: the role of school heads.
        if (r === "head") return qsTr("heads")
        //: Forms page: the role of teachers.
        if (r === "teacher") return qsTr("teachers")
        //: Forms page: the role of inspectors.
        if (r === "inspector") return qsTr("inspectors")
        //: Forms page: the role of bureau staff.
        if (r === "bureau") return qsTr("the bureau")
        return r
    }
    function reachText(form) {
        //: Forms page: the form reaches every role.
        const roles = form.roles.length > 0 ? form.roles.map(roleText).join("、") : qsTr("every role")
        //: Forms page: the form reaches every school.
        const schools = form.schools.length > 0 ? form.schools.join("、") : qsTr("every school")
        //: Forms page: who the form reaches. %1 roles, %2 schools.
        return qsTr("For %1 · %2").arg(roles).arg(schools)
    }
    function draftText(form) {
        //: Forms page: a draft is waiting to be published.
        if (form.draft === "draft") return qsTr("Draft waiting")
        //: Forms page: the draft was published here and goes out with the next sync. %1 version.
        if (form.draft === "sending") return qsTr("v%1 goes out with the next sync").arg(form.draftVersion)
        //: Forms page: the server refused the published draft. %1 the server's reason.
        if (form.draft === "refused") return qsTr("Refused by the server: %1").arg(form.refused)
        return ""
    }
    function changeText(c) {
        //: Forms page preview: a field the new version adds. %1 field name.
        if (c.change === "added") return qsTr("+ %1 added").arg(c.name)
        //: Forms page preview: a field the new version removes. %1 field name.
        if (c.change === "removed") return qsTr("− %1 removed").arg(c.name)
        //: Forms page preview: a field the new version changes. %1 field name, %2 what changed (label, type, ...).
        return qsTr("~ %1 changed: %2").arg(c.name).arg(c.what.join(", "))
    }

    FileDialog {
        id: dialog
        //: Title of the file dialog for importing a form.
        title: qsTr("Import a form")
        //: File dialog filter for form definitions and XLSForm workbooks.
        nameFilters: [qsTr("Forms (*.xlsx *.json)")]
        onAccepted: formsModel.importFile(selectedFile)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        GridLayout {
            width: scroll.availableWidth - 2 * Theme.margin
            x: Theme.margin
            columns: page.wide ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: true
                Layout.topMargin: Theme.margin
                spacing: Theme.spacing

                RowLayout {
                    Layout.fillWidth: true
                    Button {
                        objectName: "importForm"
                        //: Forms page: import a form definition or an XLSForm workbook as a draft.
                        text: qsTr("Import .xlsx or .json…")
                        highlighted: true
                        implicitHeight: Theme.touch
                        onClicked: dialog.open()
                    }
                    Label {
                        //: Forms page: when the device list (which versions devices hold) is from. %1 date and time.
                        text: formsModel.devicesAt > 0 ? qsTr("Devices as of %1").arg(new Date(formsModel.devicesAt).toLocaleString(Qt.locale(), Locale.ShortFormat))
                                                  //: Forms page: no device list yet.
                                                  : qsTr("No device list yet: it comes with the next sync.")
                        color: Theme.muted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Label {
                    objectName: "formsError"
                    visible: formsModel.error !== ""
                    text: formsModel.error
                    color: Theme.error
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Repeater {
                    model: formsModel.notes
                    delegate: Label {
                        required property string modelData
                        text: modelData
                        color: Theme.muted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }

                Repeater {
                    model: formsModel.forms
                    delegate: Rectangle {
                        id: card
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: body.implicitHeight + 20
                        radius: Theme.radius
                        color: formsModel.previewId === card.modelData.id ? Theme.selectedFill : Theme.surface
                        border.color: card.modelData.draft === "refused" ? Theme.error : Theme.divider
                        ColumnLayout {
                            id: body
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: 10
                            spacing: 2
                            Flow {
                                Layout.fillWidth: true
                                spacing: 8
                                Label { text: card.modelData.title; font.bold: true }
                                Label { text: card.modelData.id; color: Theme.muted }
                                Label {
                                    text: card.modelData.version > 0
                                          //: Forms page: the published version. %1 version number.
                                          ? qsTr("published v%1").arg(card.modelData.version)
                                          //: Forms page: the form has never been published.
                                          : qsTr("not published yet")
                                    color: Theme.primary
                                    font.bold: true
                                }
                            }
                            Label {
                                text: page.reachText(card.modelData)
                                color: Theme.muted
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                text: page.heldText(card.modelData)
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            RowLayout {
                                visible: card.modelData.draft !== ""
                                Layout.fillWidth: true
                                Label {
                                    text: page.draftText(card.modelData)
                                    color: card.modelData.draft === "refused" ? Theme.error : Theme.warn
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Button {
                                    visible: card.modelData.draft === "draft" || card.modelData.draft === "refused"
                                    //: Forms page: show the draft's preview.
                                    text: qsTr("Preview")
                                    onClicked: formsModel.showDraft(card.modelData.id)
                                }
                            }
                        }
                    }
                }
                EmptyState {
                    visible: formsModel.forms.length === 0
                    //: Forms page: no forms yet.
                    message: qsTr("No forms yet. Import an XLSForm workbook or a form definition.")
                    Layout.fillWidth: true
                }
            }

            // The draft as a phone shows it, and what it changes.
            SectionCard {
                visible: formsModel.previewId !== ""
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: Theme.margin
                Layout.preferredWidth: page.wide ? 420 : -1
                Layout.fillWidth: !page.wide
                //: Forms page: heading of the draft's preview. %1 form id, %2 the version it will become.
                heading: qsTr("Draft of %1, to become v%2").arg(formsModel.previewId).arg(formsModel.previewPublished + 1)
                Label {
                    //: Forms page preview: which file the draft came from. %1 file name.
                    text: qsTr("From %1").arg(formsModel.previewSource)
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                }
                Label {
                    text: formsModel.previewPublished > 0
                          //: Forms page preview: heading of the changes from the published version. %1 version.
                          ? qsTr("Changes from v%1:").arg(formsModel.previewPublished)
                          //: Forms page preview: a form never published before.
                          : qsTr("A new form: every field is new.")
                    font.bold: true
                }
                Repeater {
                    model: formsModel.previewPublished > 0 ? formsModel.previewChanges : []
                    delegate: Label {
                        required property var modelData
                        text: page.changeText(modelData)
                        color: modelData.change === "removed" ? Theme.error : (modelData.change === "added" ? Theme.ok : Theme.text)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                RowLayout {
                    // While the publish waits to be sent, the draft is what goes out: neither again nor away.
                    visible: formsModel.previewState !== "sending"
                    Layout.fillWidth: true
                    Button {
                        objectName: "publishForm"
                        //: Forms page: publish the draft as the next version (sent at the next sync).
                        text: qsTr("Publish v%1").arg(formsModel.previewPublished + 1)
                        highlighted: true
                        implicitHeight: Theme.touch
                        onClicked: formsModel.publish(formsModel.previewId)
                    }
                    Button {
                        //: Forms page: throw the draft away.
                        objectName: "discardDraft"
                        text: qsTr("Discard draft")
                        implicitHeight: Theme.touch
                        onClicked: formsModel.discardDraft(formsModel.previewId)
                    }
                }
                Flow {
                    visible: formsModel.previewLanguages.length > 1
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        model: formsModel.previewLanguages
                        delegate: Button {
                            required property string modelData
                            text: modelData === "zh" ? "中文" : (modelData === "en" ? "English" : modelData)
                            checkable: true
                            checked: page.previewLanguage === modelData
                            onClicked: page.previewLanguage = modelData
                        }
                    }
                }
                Rectangle {
                    id: phone
                    readonly property real fit: Math.min(1, (parent.width) / 380)
                    Layout.preferredWidth: 380 * fit
                    Layout.preferredHeight: 660 * fit
                    Layout.alignment: Qt.AlignHCenter
                    radius: 18
                    color: Theme.text
                    Loader {
                        active: formsModel.previewId !== ""
                        x: 10 * phone.fit
                        y: 10 * phone.fit
                        width: 360
                        height: 640
                        scale: phone.fit
                        transformOrigin: Item.TopLeft
                        clip: true
                        sourceComponent: FormFillPage {
                            objectName: "formPreview"
                            previewDefinition: formsModel.previewDefinition
                            previewLanguage: page.previewLanguage
                        }
                    }
                }
            }
        }
    }
}
