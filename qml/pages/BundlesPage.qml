import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Cunxiao

// BundlesPage: sync without a link (docs/bundles.md). Save this device's
// changes for a USB stick or SD card, apply the reply that came back, or
// deliver someone else's bundle over this device's link (BundleController).
// Every job ends in a receipt that says what went and what arrived.
Page {
    id: page
    property string pageName: "BundlesPage"
    //: Title of the page for sync by USB stick or SD card.
    title: qsTr("USB stick / SD card")
    background: Rectangle { color: Theme.background }

    BundleController { id: bundles }

    function activityText(a) {
        //: Bundle page: working on saving the bundle.
        if (a === "save") return qsTr("Saving the bundle…")
        //: Bundle page: working on applying a reply.
        if (a === "apply") return qsTr("Applying the reply…")
        //: Bundle page: working on delivering someone's bundle to the server.
        return qsTr("Delivering the bundle to the bureau's server…")
    }

    FileDialog {
        id: saveDialog
        //: File dialog title: where to save the bundle.
        title: qsTr("Save the bundle")
        fileMode: FileDialog.SaveFile
        currentFolder: bundles.startFolder()
        //: File type name in the file dialogs.
        nameFilters: [qsTr("Cunxiao bundles (*.cxbundle)"), qsTr("All files (*)")]
        onAccepted: bundles.saveBundle(selectedFile, recordsOnly.checked)
    }
    FileDialog {
        id: replyDialog
        //: File dialog title: choose the reply to apply.
        title: qsTr("Choose the reply")
        fileMode: FileDialog.OpenFile
        currentFolder: bundles.startFolder()
        nameFilters: saveDialog.nameFilters
        onAccepted: bundles.applyReply(selectedFile)
    }
    property url deliverFrom
    FileDialog {
        id: deliverDialog
        //: File dialog title: choose someone's bundle to deliver.
        title: qsTr("Choose the bundle to deliver")
        fileMode: FileDialog.OpenFile
        currentFolder: bundles.startFolder()
        nameFilters: saveDialog.nameFilters
        onAccepted: { page.deliverFrom = selectedFile; deliverReplyDialog.open() }
    }
    FileDialog {
        id: deliverReplyDialog
        //: File dialog title: where to save the reply of a delivered bundle.
        title: qsTr("Save the reply")
        fileMode: FileDialog.SaveFile
        currentFolder: deliverDialog.currentFolder
        nameFilters: saveDialog.nameFilters
        onAccepted: bundles.deliver(page.deliverFrom, selectedFile, replyMb.value)
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.margin, 720)
            x: Theme.margin
            spacing: Theme.margin
            Item { Layout.preferredHeight: 2 }
            Label {
                //: Bundle page: what the page is for.
                text: qsTr("No signal for a long time? Save your changes to a USB stick or SD card and take it to the township centre school or the bureau. The file is sealed: whoever carries it cannot read or change it. Bring the reply back and apply it here.")
                wrapMode: Text.Wrap
                color: Theme.muted
                Layout.fillWidth: true
            }

            SectionCard {
                id: receiptCard
                objectName: "bundleReceipt"
                visible: bundles.busy || bundles.receipt.title !== undefined
                Layout.fillWidth: true
                heading: bundles.busy ? page.activityText(bundles.activity) : (bundles.receipt.title || "")
                BusyIndicator { visible: bundles.busy; running: bundles.busy; Layout.alignment: Qt.AlignHCenter }
                Repeater {
                    model: bundles.busy ? [] : (bundles.receipt.lines || [])
                    delegate: Label {
                        required property string modelData
                        required property int index
                        text: modelData
                        wrapMode: Text.Wrap
                        font.bold: index === 0
                        color: index === 0 && !bundles.receipt.ok ? Theme.error : Theme.text
                        Layout.fillWidth: true
                    }
                }
                Label {
                    visible: !bundles.busy && !bundles.receipt.ok && !!bundles.receipt.detail
                    text: bundles.receipt.detail || ""
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                    Layout.fillWidth: true
                }
                Button {
                    visible: !bundles.busy
                    //: Bundle page: close the receipt.
                    text: qsTr("Done")
                    flat: true
                    onClicked: bundles.clearReceipt()
                }
            }

            SectionCard {
                //: Bundle page: section to save this device's changes.
                heading: qsTr("Save for a USB stick / SD card")
                Layout.fillWidth: true
                Label {
                    text: bundles.waiting > 0
                          //: Bundle page: how many changes wait to be sent.
                          ? qsTr("%n change(s) on this device wait to be sent.", "", bundles.waiting)
                          //: Bundle page: nothing waits; a bundle still brings the bureau's news back.
                          : qsTr("Nothing waits to be sent. A bundle still brings back what the bureau has for you.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                CheckBox {
                    id: recordsOnly
                    //: Bundle page: leave photos out to keep the file small.
                    text: qsTr("Records only (photos go later)")
                }
                Button {
                    objectName: "saveBundle"
                    //: Bundle page: button that opens the save dialog.
                    text: qsTr("Save bundle…")
                    highlighted: true
                    enabled: bundles.enrolled && !bundles.busy
                    implicitHeight: Theme.touch
                    onClicked: { saveDialog.selectedFile = saveDialog.currentFolder + "/" + bundles.suggestedName(); saveDialog.open() }
                }
            }

            SectionCard {
                //: Bundle page: section to apply the reply that came back.
                heading: qsTr("Apply a reply")
                Layout.fillWidth: true
                Label {
                    //: Bundle page: what applying a reply does.
                    text: qsTr("The reply confirms what the bureau received and brings what changed there. Applying the same reply twice changes nothing.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "applyReply"
                    //: Bundle page: button that opens the file dialog for a reply.
                    text: qsTr("Choose the reply…")
                    enabled: bundles.enrolled && !bundles.busy
                    implicitHeight: Theme.touch
                    onClicked: replyDialog.open()
                }
            }

            SectionCard {
                //: Bundle page: section to deliver someone else's bundle over this device's link.
                heading: qsTr("Deliver someone's bundle")
                Layout.fillWidth: true
                Label {
                    //: Bundle page: what delivering does; the carrier learns nothing.
                    text: qsTr("With a link, this device can deliver a bundle another school brought and save the reply for them. It cannot read what the bundle holds.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        //: Bundle page: the largest reply, in MB.
                        text: qsTr("Largest reply (MB)")
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                    SpinBox { id: replyMb; from: 1; to: 1024; value: 4; editable: true }
                }
                Button {
                    objectName: "deliverBundle"
                    //: Bundle page: button that opens the file dialog for someone's bundle.
                    text: qsTr("Choose the bundle…")
                    enabled: bundles.enrolled && !bundles.busy
                    implicitHeight: Theme.touch
                    onClicked: deliverDialog.open()
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
