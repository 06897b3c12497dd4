import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// FormFillPage: fill a form page by page (FormController over the forms
// engine): constraints checked as the person types, fields shown and hidden
// by relevance, required marks; the draft is saved on every change; the last
// page reviews every answer and problem before submitting.
Page {
    id: page
    property string pageName: "FormFillPage"
    property string formId: "home_visit"
    property string submissionId
    // An inspection assignment's report (InspectionPage): filed in the
    // assignment's school, naming it, with the answers it already knows.
    property string school
    property string assignment
    property var prefill: ({})
    // Preview (BureauFormsPage): a definition shown as a phone shows it; nothing is saved.
    property string previewDefinition
    property string previewLanguage
    title: form.loaded ? form.title : qsTr("Form")
    background: Rectangle { color: Theme.background }

    FormController {
        id: form
        objectName: "formController"
        language: page.previewLanguage !== "" ? page.previewLanguage : AppSettings.formLanguage
        preview: page.previewDefinition !== ""
        onSubmitted: done.open()
    }
    Component.onCompleted: {
        if (previewDefinition !== "") {
            form.openDefinition(previewDefinition)
            return
        }
        form.school = page.school
        form.assignment = page.assignment
        if (form.open(formId, submissionId) && submissionId === "")
            form.prefill(page.prefill)
    }
    onPreviewDefinitionChanged: if (previewDefinition !== "") form.openDefinition(previewDefinition)

    header: ColumnLayout {
        spacing: 0
        visible: form.loaded
        ProgressBar {
            from: 0
            to: Math.max(1, form.pageCount)
            value: form.currentPage
            Layout.fillWidth: true
        }
        Label {
            //: Form filling: which page. %1 current, %2 total pages (the review page is not counted).
            text: form.onReview ? form.pageTitle : qsTr("Page %1 of %2: %3").arg(form.currentPage + 1).arg(form.pageCount).arg(form.pageTitle)
            font.pixelSize: Theme.fontLarge
            font.bold: true
            padding: Theme.spacing
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        visible: !form.loaded
        text: form.error
        color: Theme.error
        wrapMode: Text.Wrap
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: form.loaded
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.margin, 760)
            x: Theme.margin
            spacing: Theme.spacing
            Item { Layout.preferredHeight: 2 }
            // The bureau's comment or reasons, and answers kept from an earlier version.
            Repeater {
                model: form.notices
                delegate: Label {
                    required property string modelData
                    text: modelData
                    color: Theme.error
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            FieldList {
                objectName: "pageFields"
                visible: !form.onReview
                fields: form.fields
                controller: form
                Layout.fillWidth: true
            }
            // Review: problems first, then every answer, page by page.
            SectionCard {
                visible: form.onReview
                //: Review page: heading of the list of problems.
                heading: form.valid ? qsTr("Ready to submit") : qsTr("Please fix these first")
                Layout.fillWidth: true
                Label {
                    visible: form.valid
                    //: Review page: all answers are acceptable.
                    text: qsTr("All answers are complete. Check them below, then submit.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Repeater {
                    model: form.onReview ? form.issues : []
                    delegate: ItemDelegate {
                        required property var modelData
                        Layout.fillWidth: true
                        text: "⚠ " + modelData.label + ": " + modelData.message
                        onClicked: form.currentPage = modelData.page
                    }
                }
            }
            Repeater {
                model: form.onReview ? form.review : []
                delegate: SectionCard {
                    required property var modelData
                    heading: modelData.title
                    Layout.fillWidth: true
                    FieldList { fields: modelData.fields; readOnly: true; Layout.fillWidth: true }
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }

    footer: ToolBar {
        visible: form.loaded
        height: visible ? Theme.touch + 16 : 0
        background: Rectangle { color: Theme.surface; Rectangle { width: parent.width; height: 1; color: Theme.divider } }
        RowLayout {
            anchors.fill: parent
            anchors.margins: 8
            Button {
                objectName: "previousButton"
                //: Form filling: go to the previous page.
                text: qsTr("Previous")
                enabled: form.currentPage > 0
                implicitHeight: Theme.touch
            onClicked: form.previous()
            }
            Label {
                text: form.preview
                      //: Form filling in the bureau's preview: nothing typed is saved or sent.
                      ? qsTr("Preview: nothing is saved")
                      //: Form filling: the draft is saved automatically.
                      : qsTr("Draft saved")
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Button {
                objectName: form.onReview ? "submitButton" : "nextButton"
                text: form.onReview
                      //: Form filling: submit the form to the bureau.
                      ? qsTr("Submit")
                      //: Form filling: go to the next page.
                      : qsTr("Next")
                highlighted: true
                enabled: !form.onReview || (form.valid && !form.preview)
                implicitHeight: Theme.touch
                onClicked: { if (form.onReview) form.submit(); else form.next(); scroll.ScrollBar.vertical.position = 0 }
            }
        }
    }

    Dialog {
        id: done
        anchors.centerIn: parent
        modal: true
        //: Dialog after submitting a form.
        title: qsTr("Submitted")
        standardButtons: Dialog.Ok
        width: Math.min(page.width - 40, 440)
        Label {
            //: Dialog after submitting a form: what happens next.
            text: qsTr("The form is saved and will be sent to the bureau at the next sync. You can follow it under Submissions.")
            wrapMode: Text.Wrap
            width: done.availableWidth
        }
        onAccepted: Navigator.openPage("SubmissionsPage")
    }
}
