import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// BureauCompletenessPage: which schools sent a form's return in a period
// (CompletenessModel, the same code as `cunxiao-cli completeness`): county
// totals, a table per township, a heat grid of schools x the last periods, and
// the shown period's schools; tapping a school shows its head and phone.
Page {
    id: page
    property string pageName: "BureauCompletenessPage"
    //: Title of the bureau's completeness page (which schools have reported).
    title: qsTr("Reporting completeness")
    background: Rectangle { color: Theme.background }
    readonly property bool wide: width >= 900

    CompletenessModel { id: report; gridPeriods: page.wide ? 4 : 2 }
    DevicesModel { id: devices }

    function stateText(s) {
        switch (s) {
        //: Completeness: the school sent the return on or before the due date.
        case "on_time": return qsTr("On time")
        //: Completeness: sent after the due date.
        case "late": return qsTr("Late")
        //: Completeness: nothing sent and the due date has passed.
        case "missing": return qsTr("Missing")
        }
        //: Completeness: nothing sent yet, the due date is still ahead.
        return qsTr("Not yet due")
    }
    function percent(x) { return Math.round((x || 0) * 100) + "%" }
    property var picked: ({})

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth - 2 * Theme.margin
            x: Theme.margin
            spacing: Theme.spacing
            Item { Layout.preferredHeight: 2 }

            Flow {
                Layout.fillWidth: true
                spacing: 8
                ComboBox {
                    objectName: "completenessForm"
                    width: 240
                    textRole: "title"
                    valueRole: "id"
                    model: report.forms
                    onActivated: report.form = currentValue
                }
                ComboBox {
                    objectName: "completenessPeriod"
                    width: 150
                    model: report.periods.slice().reverse()
                    currentIndex: Math.max(0, model.indexOf(report.shownPeriod))
                    onActivated: report.period = currentText
                }
                Label {
                    visible: report.dueOn !== ""
                    //: Completeness: the due date of the shown period. %1 is the date.
                    text: qsTr("Due %1").arg(report.dueOn)
                    color: Theme.muted
                    height: 40
                    verticalAlignment: Text.AlignVCenter
                }
            }
            ExportButtons {
                visible: report.forms.length > 0
                //: Completeness export: the file's name before the period and date.
                baseName: qsTr("Completeness") + "-" + report.shownPeriod
                onWanted: (format) => show(TableExport.save(baseName, report.tables(), format))
                ready: !report.loading
                Layout.fillWidth: true
            }
            Label {
                visible: report.error !== ""
                text: report.error
                color: Theme.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            EmptyState {
                visible: report.forms.length === 0 && !report.loading
                Layout.fillWidth: true
                //: Completeness page: no form is filed per period (school year, term, month) in this replica.
                message: qsTr("No form is filed per period yet.")
            }

            // County totals.
            GridLayout {
                visible: report.forms.length > 0
                Layout.fillWidth: true
                columns: page.wide ? 5 : 2
                columnSpacing: 8
                rowSpacing: 8
                //: Completeness total: schools expected to report.
                Tile { label: qsTr("Expected"); value: report.county.expected || 0 }
                //: Completeness total: schools that reported, with the rate.
                Tile { label: qsTr("Submitted"); value: (report.county.submitted || 0) + " · " + page.percent(report.county.rate) }
                Tile { label: page.stateText("on_time"); value: (report.county.onTime || 0) + " · " + page.percent(report.county.onTimeRate); tint: Theme.completenessColor("on_time") }
                Tile { label: page.stateText("late"); value: report.county.late || 0; tint: Theme.completenessColor("late") }
                Tile { label: page.stateText("missing"); value: report.county.missing || 0; tint: Theme.completenessColor("missing") }
            }

            // Per township.
            SectionCard {
                visible: report.townships.length > 0
                //: Completeness card heading: the table per township.
                heading: qsTr("By township")
                Layout.fillWidth: true
                TableRow {
                    header: true
                    //: Completeness table column: township name.
                    cells: [qsTr("Township"), qsTr("Expected"), qsTr("Submitted"), page.stateText("on_time"), page.stateText("late"), page.stateText("missing"),
                            //: Completeness table column: the reporting rate.
                            qsTr("Rate")]
                }
                Repeater {
                    model: report.townships
                    delegate: TableRow {
                        required property var modelData
                        cells: [modelData.name, modelData.expected, modelData.submitted, modelData.onTime, modelData.late,
                                modelData.missing, page.percent(modelData.rate)]
                    }
                }
            }

            // Heat grid: schools x periods.
            SectionCard {
                visible: report.grid.length > 0
                //: Completeness card heading: the grid of schools by period.
                heading: qsTr("Schools by period")
                Layout.fillWidth: true
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    Item { Layout.fillWidth: true; Layout.minimumWidth: 120 }
                    Repeater {
                        model: report.periods
                        delegate: Label {
                            required property string modelData
                            text: modelData
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            horizontalAlignment: Text.AlignHCenter
                            Layout.preferredWidth: page.wide ? 96 : 78
                        }
                    }
                }
                Repeater {
                    model: report.grid
                    delegate: RowLayout {
                        id: gridRow
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            text: gridRow.modelData.name
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSmall
                            Layout.fillWidth: true
                            Layout.minimumWidth: 120
                        }
                        Repeater {
                            model: gridRow.modelData.states
                            delegate: Rectangle {
                                id: cell
                                required property string modelData
                                Layout.preferredWidth: page.wide ? 96 : 78
                                implicitHeight: 26
                                radius: 4
                                color: Theme.completenessFill(modelData)
                                Label {
                                    anchors.centerIn: parent
                                    text: page.stateText(cell.modelData)
                                    font.pixelSize: 12
                                    color: Theme.completenessColor(cell.modelData)
                                }
                                MouseArea {
                                    anchors.fill: parent
                                    onClicked: { page.picked = gridRow.modelData; contact.open() }
                                }
                            }
                        }
                    }
                }
            }

            // The shown period's schools.
            SectionCard {
                visible: report.schools.length > 0
                //: Completeness card heading: every school in the shown period. %1 is the period.
                heading: qsTr("Schools in %1").arg(report.shownPeriod)
                Layout.fillWidth: true
                Repeater {
                    model: report.schools
                    delegate: ItemDelegate {
                        id: schoolRow
                        required property var modelData
                        Layout.fillWidth: true
                        onClicked: { page.picked = modelData; contact.open() }
                        contentItem: RowLayout {
                            spacing: 8
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label { text: schoolRow.modelData.name; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label {
                                    text: schoolRow.modelData.township + (schoolRow.modelData.sentOn ? " · " + schoolRow.modelData.sentOn : "")
                                    color: Theme.muted
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                            StateBadge { visible: schoolRow.modelData.status !== ""; status: schoolRow.modelData.status }
                            Rectangle {
                                implicitWidth: stateLabel.implicitWidth + 16
                                implicitHeight: stateLabel.implicitHeight + 6
                                radius: height / 2
                                color: Theme.completenessFill(schoolRow.modelData.state)
                                Label {
                                    id: stateLabel
                                    anchors.centerIn: parent
                                    text: page.stateText(schoolRow.modelData.state)
                                    color: Theme.completenessColor(schoolRow.modelData.state)
                                    font.pixelSize: Theme.fontSmall
                                    font.bold: true
                                }
                            }
                        }
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }

    // A school's contact, from a grid cell or a row.
    Dialog {
        id: contact
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 420)
        modal: true
        title: page.picked.name || ""
        standardButtons: Dialog.Close
        ColumnLayout {
            width: parent.width
            spacing: 6
            //: Completeness contact: the school's township. %1 is the township.
            Label { text: qsTr("Township: %1").arg(page.picked.township || ""); Layout.fillWidth: true; wrapMode: Text.Wrap }
            //: Completeness contact: the school's head. %1 is the name.
            Label { text: qsTr("Head: %1").arg(page.picked.head || ""); Layout.fillWidth: true; wrapMode: Text.Wrap }
            //: Completeness contact: the school's phone number. %1 is the number.
            Label { text: qsTr("Phone: %1").arg(page.picked.phone || ""); Layout.fillWidth: true; wrapMode: Text.Wrap }
            Label {
                readonly property int days: devices.lastSyncOfSchool(page.picked.code || "")
                text: days < 0
                      //: Completeness contact: none of the school's devices has synced (or the device list is not here yet).
                      ? qsTr("Its devices: no sync known")
                      //: Completeness contact: days since any of the school's devices last synced. %n is the number of days.
                      : qsTr("Its devices last synced %n day(s) ago", "", days)
                color: days < 0 || days >= 14 ? Theme.error : Theme.text
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            //: Completeness contact: the school's code. %1 is the code.
            Label { text: qsTr("School code: %1").arg(page.picked.code || ""); color: Theme.muted; Layout.fillWidth: true }
        }
    }

    component Tile: Rectangle {
        id: tile
        property string label
        property var value
        property color tint: Theme.primary
        Layout.fillWidth: true
        implicitHeight: 74
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.divider
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 10
            spacing: 2
            Label { text: tile.label; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            Label { text: String(tile.value); color: tile.tint; font.pixelSize: Theme.fontTitle; font.bold: true }
        }
    }

    component TableRow: RowLayout {
        id: tableRow
        property var cells: []
        property bool header: false
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: tableRow.cells
            delegate: Label {
                required property var modelData
                required property int index
                text: String(modelData)
                font.bold: tableRow.header
                font.pixelSize: page.wide ? Theme.fontSmall : 12
                elide: Text.ElideRight
                Layout.fillWidth: index === 0
                Layout.preferredWidth: index === 0 ? 100 : (page.wide ? 80 : (index === 6 ? 38 : index === 2 ? 38 : 30))
                Layout.minimumWidth: index === 0 ? 56 : 0
                horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
            }
        }
    }
}
