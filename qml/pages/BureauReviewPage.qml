import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// BureauReviewPage: the bureau's review queue (ReviewQueueModel). Returns the
// schools sent, filtered by form, period, township and state; one open beside
// the previous period's values with the checks that flag it and its history;
// accept (one, or every ticked one) or return it with a comment, which the
// school head reads at the next sync. Desktop: list and detail side by side;
// phone: the detail replaces the list.
Page {
    id: page
    property string pageName: "BureauReviewPage"
    //: Title of the bureau's review page.
    title: qsTr("Review returns")
    background: Rectangle { color: Theme.background }

    property string selectedId: ""
    // A submission to open whatever the filters (an assignment's report,
    // from the assignments page): the state filter starts at "all states".
    property string openId: ""
    property var detail: ({})
    property var ticked: ({})
    property int tickedCount: 0
    readonly property bool wide: width >= 900

    ReviewQueueModel {
        id: queue
        onItemsChanged: {
            // Keep the open return if it is still listed; on a desktop, open the first.
            let still = page.openId !== "" && page.selectedId === page.openId
            for (const it of items)
                if (it.id === page.selectedId)
                    still = true
            if (!still)
                page.selectedId = page.wide && items.length > 0 ? items[0].id : ""
            page.loadDetail()
            const keep = {}
            let n = 0
            for (const it of items)
                if (page.ticked[it.id]) { keep[it.id] = true; ++n }
            page.ticked = keep
            page.tickedCount = n
        }
    }
    Component.onCompleted: {
        if (openId === "")
            return
        queue.status = "all"
        statusBox.currentIndex = 3
        open(openId)
    }
    function loadDetail() { detail = selectedId ? queue.detail(selectedId) : ({}) }
    function open(id) { selectedId = id; loadDetail(); comment.text = "" }
    function tick(id, on) {
        const t = Object.assign({}, ticked)
        if (on) t[id] = true; else delete t[id]
        ticked = t
        tickedCount = Object.keys(t).length
    }
    function statusChoices() {
        return [
            //: Review filter: returns waiting for the bureau's review.
            { value: "submitted", text: qsTr("Waiting for review") },
            //: Review filter: returns sent back to the school.
            { value: "returned", text: qsTr("Returned") },
            //: Review filter: accepted returns.
            { value: "accepted", text: qsTr("Accepted") },
            //: Review filter: every state.
            { value: "all", text: qsTr("All states") }
        ]
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        // Filters and the batch action.
        Flow {
            Layout.fillWidth: true
            spacing: 8
            visible: page.wide || page.selectedId === ""
            ComboBox {
                id: formBox
                objectName: "reviewForm"
                width: 220
                textRole: "title"
                valueRole: "id"
                //: Review filter: every form.
                model: [{ id: "", title: qsTr("All forms") }].concat(queue.forms)
                onActivated: queue.form = currentValue
            }
            ComboBox {
                width: 150
                //: Review filter: every period.
                model: [qsTr("All periods")].concat(queue.periods)
                onActivated: (i) => queue.period = i === 0 ? "" : queue.periods[i - 1]
            }
            ComboBox {
                width: 150
                //: Review filter: every township.
                model: [qsTr("All townships")].concat(queue.townships)
                onActivated: (i) => queue.township = i === 0 ? "" : queue.townships[i - 1]
            }
            ComboBox {
                id: statusBox
                objectName: "reviewStatus"
                width: 170
                textRole: "text"
                valueRole: "value"
                model: page.statusChoices()
                onActivated: queue.status = currentValue
            }
            Button {
                objectName: "acceptTicked"
                visible: page.tickedCount > 0
                highlighted: true
                //: Review page: accept every ticked return at once. %1 is how many.
                text: qsTr("Accept %1 ticked").arg(page.tickedCount)
                onClicked: {
                    queue.accept(Object.keys(page.ticked))
                    page.ticked = ({})
                    page.tickedCount = 0
                }
            }
        }
        ExportButtons {
            //: Review export: the file's name before the date.
            baseName: qsTr("Returns")
            onWanted: (format) => show(TableExport.save(baseName, queue.tables(), format))
            ready: queue.items.length > 0
            Layout.fillWidth: true
        }
        Label {
            visible: queue.error !== ""
            text: queue.error
            color: Theme.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin

            // The queue.
            ListView {
                id: list
                objectName: "reviewList"
                visible: page.wide || page.selectedId === ""
                Layout.fillHeight: true
                Layout.fillWidth: !page.wide
                Layout.preferredWidth: page.wide ? Math.min(460, page.width * 0.4) : -1
                spacing: 6
                clip: true
                model: queue.items
                delegate: ItemDelegate {
                    id: row
                    required property var modelData
                    width: ListView.view.width
                    highlighted: modelData.id === page.selectedId
                    background: Rectangle {
                        color: row.highlighted || row.down ? Theme.selectedFill : Theme.surface
                        radius: Theme.radius
                        border.color: row.highlighted ? Theme.primary : Theme.divider
                    }
                    onClicked: page.open(modelData.id)
                    contentItem: RowLayout {
                        spacing: 8
                        CheckBox {
                            visible: row.modelData.status === "submitted"
                            checked: page.ticked[row.modelData.id] === true
                            onToggled: page.tick(row.modelData.id, checked)
                            //: Accessible name of the tick box that selects a return for accepting several at once.
                            Accessible.name: qsTr("Select for accepting")
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            RowLayout {
                                Layout.fillWidth: true
                                Label { text: row.modelData.school; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                                StateBadge { status: row.modelData.status }
                            }
                            Label {
                                text: row.modelData.township + " · " + row.modelData.formTitle + " · " + row.modelData.period
                                color: Theme.muted
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            RowLayout {
                                spacing: 8
                                Label {
                                    //: Review list: the day the school sent the return. %1 is the date.
                                    text: qsTr("Sent %1").arg(row.modelData.sentOn)
                                    color: Theme.muted
                                    font.pixelSize: Theme.fontSmall
                                }
                                Label {
                                    visible: row.modelData.flags > 0
                                    //: Review list: how many checks flag this return. %n is the number.
                                    text: "⚑ " + qsTr("%n check(s)", "", row.modelData.flags)
                                    color: Theme.warn
                                    font.pixelSize: Theme.fontSmall
                                    font.bold: true
                                }
                                Label {
                                    visible: row.modelData.correction
                                    //: Review list: this return corrects an earlier one.
                                    text: qsTr("Correction")
                                    color: Theme.info
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                        }
                    }
                }
                EmptyState {
                    anchors.centerIn: parent
                    width: parent.width
                    visible: list.count === 0 && !queue.loading
                    //: Review page: nothing matches the filters.
                    message: qsTr("No returns here.")
                }
            }

            // The open return.
            ScrollView {
                id: detailView
                objectName: "reviewDetail"
                visible: page.selectedId !== "" && page.detail.id !== undefined
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: detailView.availableWidth
                    spacing: Theme.spacing
                    Button {
                        visible: !page.wide
                        //: Review page on a phone: back from one return to the list.
                        text: qsTr("‹ All returns")
                        onClicked: page.selectedId = ""
                    }
                    SectionCard {
                        heading: (page.detail.school || "") + " · " + (page.detail.formTitle || "")
                        Layout.fillWidth: true
                        Flow {
                            Layout.fillWidth: true
                            spacing: 8
                            StateBadge { status: page.detail.status || "submitted" }
                            Label {
                                //: Review detail: period and the day it was sent. %1 period, %2 date.
                                text: qsTr("%1, sent %2").arg(page.detail.period || "").arg(page.detail.sentOn || "")
                                color: Theme.muted
                            }
                        }
                        Label {
                            //: Review detail: the school's township, head and phone. %1 township, %2 head, %3 phone.
                            text: qsTr("%1 · head %2 · %3").arg(page.detail.township || "").arg(page.detail.head || "").arg(page.detail.phone || "")
                            color: Theme.muted
                            font.pixelSize: Theme.fontSmall
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                        }
                        Label {
                            visible: (page.detail.reason || "") !== ""
                            //: Review detail: the school's reason for a correction. %1 is the reason.
                            text: qsTr("School's note: %1").arg(page.detail.reason || "")
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                        }
                        Label {
                            visible: page.detail.status === "returned" && (page.detail.comment || "") !== ""
                            //: Review detail: the bureau's comment when it returned this. %1 is the comment.
                            text: qsTr("Bureau's comment: %1").arg(page.detail.comment || "")
                            color: Theme.error
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                        }
                    }
                    SectionCard {
                        visible: (page.detail.checks || []).length > 0
                        //: Review detail heading: what the checks flag.
                        heading: qsTr("Checks")
                        Layout.fillWidth: true
                        Repeater {
                            model: page.detail.checks || []
                            delegate: Label {
                                required property string modelData
                                text: "⚑ " + modelData
                                color: Theme.warn
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                    SectionCard {
                        //: Review detail heading: the answers beside last period's.
                        heading: qsTr("Answers")
                        Layout.fillWidth: true
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 12
                            //: Review table column: the question.
                            Label { text: qsTr("Question"); font.bold: true; Layout.fillWidth: true }
                            //: Review table column: this period's answer.
                            Label { text: qsTr("This period"); font.bold: true; Layout.preferredWidth: page.wide ? 120 : 72 }
                            Label {
                                text: page.detail.previousPeriod
                                      //: Review table column: last period's answer. %1 is that period, e.g. 2024-2025.
                                      ? qsTr("Last period (%1)").arg(page.detail.previousPeriod)
                                      //: Review table column: last period's answer, when there is none.
                                      : qsTr("Last period")
                                font.bold: true
                                Layout.preferredWidth: page.wide ? 140 : 80
                                wrapMode: Text.Wrap
                            }
                        }
                        Repeater {
                            model: page.detail.fields || []
                            delegate: Rectangle {
                                id: fieldRow
                                required property var modelData
                                Layout.fillWidth: true
                                implicitHeight: cells.implicitHeight + 6
                                color: modelData.flagged ? Theme.flaggedFill : "transparent"
                                radius: 4
                                RowLayout {
                                    id: cells
                                    anchors.left: parent.left
                                    anchors.right: parent.right
                                    anchors.verticalCenter: parent.verticalCenter
                                    spacing: 12
                                    Label {
                                        text: fieldRow.modelData.label
                                        Layout.fillWidth: true
                                        wrapMode: Text.Wrap
                                        color: fieldRow.modelData.flagged ? Theme.warn : Theme.text
                                        font.bold: fieldRow.modelData.flagged
                                    }
                                    Label {
                                        text: fieldRow.modelData.value
                                        Layout.preferredWidth: page.wide ? 120 : 72
                                        wrapMode: Text.Wrap
                                        font.bold: fieldRow.modelData.flagged
                                    }
                                    Label {
                                        text: fieldRow.modelData.previous
                                        Layout.preferredWidth: page.wide ? 140 : 80
                                        wrapMode: Text.Wrap
                                        color: Theme.muted
                                    }
                                }
                            }
                        }
                    }
                    SectionCard {
                        visible: (page.detail.history || []).length > 0
                        //: Review detail heading: the earlier versions this return corrects.
                        heading: qsTr("History")
                        Layout.fillWidth: true
                        Repeater {
                            model: page.detail.history || []
                            delegate: Flow {
                                id: earlier
                                required property var modelData
                                Layout.fillWidth: true
                                spacing: 8
                                Label { text: earlier.modelData.sentOn || ""; color: Theme.muted }
                                StateBadge { status: earlier.modelData.status || "submitted" }
                                Label {
                                    visible: (earlier.modelData.comment || "") !== ""
                                    text: earlier.modelData.comment || ""
                                    color: Theme.muted
                                    wrapMode: Text.Wrap
                                    width: Math.min(implicitWidth, earlier.width)
                                }
                            }
                        }
                    }
                    SectionCard {
                        visible: page.detail.status === "submitted"
                        //: Review detail heading: the bureau's decision.
                        heading: qsTr("Decision")
                        Layout.fillWidth: true
                        TextArea {
                            id: comment
                            objectName: "reviewComment"
                            Layout.fillWidth: true
                            Layout.preferredHeight: 80
                            wrapMode: TextEdit.Wrap
                            //: Review page: where the bureau writes why a return goes back.
                            placeholderText: qsTr("Comment for the school (needed to return it)")
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Button {
                                objectName: "acceptOne"
                                highlighted: true
                                //: Review page: accept this return (it is then locked).
                                text: qsTr("Accept")
                                implicitHeight: Theme.touch
                                onClicked: queue.accept([page.selectedId])
                            }
                            Button {
                                objectName: "returnOne"
                                enabled: comment.text.trim() !== ""
                                //: Review page: send this return back to the school with the comment.
                                text: qsTr("Return with comment")
                                implicitHeight: Theme.touch
                                onClicked: if (queue.sendBack(page.selectedId, comment.text)) comment.text = ""
                            }
                        }
                    }
                    RecordHistoryCard {
                        Layout.fillWidth: true
                        collection: "submissions"
                        recordId: page.selectedId
                    }
                    Item { Layout.preferredHeight: Theme.margin }
                }
            }
        }
    }
}
