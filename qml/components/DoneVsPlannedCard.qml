import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// DoneVsPlannedCard: inspections or home visits done against what was planned
// (StatisticsModel.progress, cx::bureau::progress): a chart of the townships or
// of the people (inspectors, teachers), done over a pale bar of the planned,
// with its table beside it (the county first).
SectionCard {
    id: card
    property var tally: ({})             // {county, townships, people}
    property bool visits: false          // home visits (targets met) rather than inspections (overdue)
    property string peopleText           // the switch's text for the people's view
    property bool wide: width >= 760
    property bool byPeople: false
    readonly property var rows: (byPeople ? tally.people : tally.townships) || []

    function thirdText(r) {
        if (card.visits)
            return r.targets > 0 ? r.met + " / " + r.targets : "–"
        return String(r.overdue)
    }

    RowLayout {
        spacing: 4
        Button {
            //: Done vs planned card: show the townships.
            text: qsTr("By township")
            flat: card.byPeople
            highlighted: !card.byPeople
            onClicked: card.byPeople = false
        }
        Button {
            objectName: "byPeople"
            text: card.peopleText
            flat: !card.byPeople
            highlighted: card.byPeople
            onClicked: card.byPeople = true
        }
    }
    Label {
        visible: card.rows.length === 0
        //: Done vs planned card: nothing planned in the period.
        text: qsTr("Nothing planned in this period.")
        color: Theme.muted
        Layout.fillWidth: true
    }
    GridLayout {
        visible: card.rows.length > 0
        columns: card.wide ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing
        Layout.fillWidth: true
        BarChart {
            bars: card.rows
            barColor: card.visits ? Theme.info : Theme.ok
            labelWidth: 90
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            spacing: 4
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            RowLayout {
                spacing: 8
                Layout.fillWidth: true
                Label {
                    text: card.byPeople ? card.peopleText
                          //: Done vs planned table header: the township.
                          : qsTr("Township")
                    font.bold: true; Layout.fillWidth: true
                }
                //: Done vs planned table header: done out of planned (short).
                Label { text: qsTr("Done / planned"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 90 }
                Label {
                    text: card.visits
                          //: Done vs planned table header: teachers' targets reached (short).
                          ? qsTr("Targets met")
                          //: Done vs planned table header: inspections past due, not done (short).
                          : qsTr("Overdue")
                    font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 70
                }
            }
            Repeater {
                model: card.rows.concat([Object.assign({
                    //: Done vs planned table: the county's total row.
                    label: qsTr("County"), county: true }, card.tally.county || {})])
                delegate: RowLayout {
                    id: line
                    required property var modelData
                    spacing: 8
                    Layout.fillWidth: true
                    Label {
                        text: line.modelData.label + (line.modelData.school ? " · " + line.modelData.school : "")
                        font.bold: line.modelData.county === true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: line.modelData.value + " / " + line.modelData.of
                        font.bold: line.modelData.county === true
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 90
                    }
                    Label {
                        text: card.thirdText(line.modelData)
                        color: !card.visits && line.modelData.overdue > 0 ? Theme.warn : Theme.text
                        font.bold: line.modelData.county === true
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 70
                    }
                }
            }
        }
    }
}
