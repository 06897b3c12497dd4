import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// BureauStatisticsPage: what the schools' returns add up to (StatisticsModel,
// the same code as `cunxiao-cli statistics`): the county's numbers, one
// number per township and over the last periods as charts with their tables
// beside them, the choices counted (dropouts by reason), inspections and home
// visits done vs planned, and the Excel and CSV exports.
Page {
    id: page
    property string pageName: "BureauStatisticsPage"
    //: Title of the bureau's statistics page.
    title: qsTr("Statistics")
    background: Rectangle { color: Theme.background }
    readonly property bool wide: width >= 900

    StatisticsModel { id: stats }

    function howText(how) {
        //: Statistics: how a county number is made from the schools' answers: summed.
        if (how === "sum") return qsTr("total")
        //: Statistics: a rate recomputed from the county totals by the form's formula.
        if (how === "rate") return qsTr("rate over the totals")
        //: Statistics: the average of the schools' answers.
        return qsTr("average")
    }

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
                    width: 240
                    textRole: "title"
                    valueRole: "id"
                    model: stats.forms
                    onActivated: stats.form = currentValue
                }
                ComboBox {
                    width: 150
                    model: stats.periods.slice().reverse()
                    currentIndex: Math.max(0, model.indexOf(stats.shownPeriod))
                    onActivated: stats.period = currentText
                }
                ComboBox {
                    objectName: "statisticsField"
                    width: 260
                    textRole: "label"
                    valueRole: "name"
                    model: stats.fields
                    currentIndex: {
                        for (let i = 0; i < stats.fields.length; ++i)
                            if (stats.fields[i].name === stats.shownField)
                                return i
                        return 0
                    }
                    onActivated: stats.field = currentValue
                }
            }
            ExportButtons {
                //: Statistics export: the file's name before the date (统计 = statistics).
                baseName: qsTr("Statistics") + "-" + stats.shownPeriod
                onWanted: (format) => show(TableExport.save(baseName, stats.tables(), format))
                ready: stats.fields.length > 0
                Layout.fillWidth: true
            }
            Label {
                visible: stats.error !== ""
                text: stats.error
                color: Theme.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            EmptyState {
                visible: stats.forms.length === 0 && !stats.loading
                Layout.fillWidth: true
                //: Statistics page: no form is filed per period in this replica.
                message: qsTr("No form is filed per period yet.")
            }
            Label {
                visible: stats.forms.length > 0
                //: Statistics page: how many schools' returns are counted. %1 is the period, %n the number.
                text: qsTr("%1: %n school(s) counted (returns sent back for correction are not)", "", stats.returns).arg(stats.shownPeriod)
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            GridLayout {
                Layout.fillWidth: true
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin
                SectionCard {
                    visible: stats.byTownship.length > 0
                    //: Statistics card heading: the charted number per township. %1 is the number's label.
                    heading: qsTr("%1 by township").arg(stats.fieldLabel)
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    BarChart { bars: stats.byTownship; Layout.fillWidth: true }
                }
                SectionCard {
                    visible: stats.trend.length > 0
                    //: Statistics card heading: the charted number for the county over the periods. %1 is the number's label.
                    heading: qsTr("%1 over the periods").arg(stats.fieldLabel)
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    BarChart { bars: stats.trend; barColor: Theme.info; Layout.fillWidth: true }
                }
                Repeater {
                    model: stats.choices
                    delegate: SectionCard {
                        id: choiceCard
                        required property var modelData
                        heading: modelData.label
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        BarChart { bars: choiceCard.modelData.options; barColor: Theme.accent; labelWidth: 150; Layout.fillWidth: true }
                    }
                }
            }

            // Home visits and inspections done vs planned (cx::bureau::progress), in the shown period.
            Label {
                visible: stats.progress.period !== undefined
                //: Statistics page: the period of the done vs planned cards. %1 is the period, %2 and %3 its first and last day.
                text: qsTr("Done vs planned in %1 (%2 to %3)").arg(stats.progress.period || "").arg(stats.progress.first || "").arg(stats.progress.last || "")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            GridLayout {
                visible: stats.progress.period !== undefined
                Layout.fillWidth: true
                columns: page.width >= 1500 ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin
                DoneVsPlannedCard {
                    objectName: "inspectionsDoneVsPlanned"
                    //: Statistics card heading: inspections done against those planned (due in the period).
                    heading: qsTr("Inspections done vs planned")
                    tally: stats.progress.inspections || ({})
                    //: Done vs planned card: show the inspectors.
                    peopleText: qsTr("By inspector")
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
                DoneVsPlannedCard {
                    objectName: "visitsDoneVsPlanned"
                    //: Statistics card heading: home visits made against the teachers' targets.
                    heading: qsTr("Home visits done vs targets")
                    tally: stats.progress.visits || ({})
                    visits: true
                    //: Done vs planned card: show the teachers.
                    peopleText: qsTr("By teacher")
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
            }

            // Dropout cases (控辍保学): from the rosters and home visits, whatever the form.
            SectionCard {
                id: dropoutCard
                objectName: "dropoutCard"
                readonly property var d: stats.dropouts
                readonly property var cases: d.cases || []
                visible: d.county !== undefined
                //: Statistics card heading: pupils who left school and the home visits about them.
                heading: qsTr("Dropout cases")
                Layout.fillWidth: true
                Label {
                    //: Dropout card summary. %1 not back at school, %2 back at school, %3 not visited for 30 days.
                    text: qsTr("%1 not back at school · %2 back at school · %3 not visited for 30 days")
                          .arg(dropoutCard.d.county ? dropoutCard.d.county.open : 0)
                          .arg(dropoutCard.d.county ? dropoutCard.d.county.back : 0)
                          .arg(dropoutCard.d.county ? dropoutCard.d.county.unvisited : 0)
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 16
                    //: Dropout table header: township.
                    Label { text: qsTr("Township"); font.bold: true; Layout.fillWidth: true }
                    //: Dropout table header: not back at school (short).
                    Label { text: qsTr("Not back"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 80 }
                    //: Dropout table header: back at school (short).
                    Label { text: qsTr("Back to school"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 80 }
                    //: Dropout table header: not visited for 30 days (short).
                    Label { text: qsTr("No visit 30 days"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 140 }
                }
                Repeater {
                    model: dropoutCard.d.townships || []
                    delegate: RowLayout {
                        id: townRow
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 16
                        Label { text: townRow.modelData.name; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { text: townRow.modelData.open; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 80 }
                        Label { text: townRow.modelData.back; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 80 }
                        Label {
                            text: townRow.modelData.unvisited
                            color: townRow.modelData.unvisited > 0 ? Theme.warn : Theme.text
                            horizontalAlignment: Text.AlignRight
                            Layout.preferredWidth: 140
                        }
                    }
                }
                Repeater {
                    model: dropoutCard.cases.slice(0, 8)
                    delegate: Label {
                        required property var modelData
                        text: modelData.name + " · " + modelData.school + " · " +
                              (modelData.days < 0
                               //: Dropout case: the family was never visited.
                               ? qsTr("never visited")
                               //: Dropout case: days since the last home visit. %n is the number of days.
                               : qsTr("last visit %n day(s) ago", "", modelData.days))
                        color: modelData.days < 0 || modelData.days > 30 ? Theme.warn : Theme.text
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                Label {
                    visible: dropoutCard.cases.length > 8
                    //: Dropout card: more open cases than shown. %1 is how many more.
                    text: qsTr("and %1 more (all of them in the export)").arg(dropoutCard.cases.length - 8)
                    color: Theme.muted
                    Layout.fillWidth: true
                }
            }

            // Every number of the county: the table the charts come from.
            SectionCard {
                visible: stats.fields.length > 0
                //: Statistics card heading: every number for the county.
                heading: qsTr("County totals")
                Layout.fillWidth: true
                Repeater {
                    model: stats.fields
                    delegate: ItemDelegate {
                        id: fieldRow
                        required property var modelData
                        Layout.fillWidth: true
                        highlighted: modelData.name === stats.shownField
                        onClicked: stats.field = modelData.name
                        contentItem: RowLayout {
                            spacing: 8
                            Label { text: fieldRow.modelData.label; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: page.howText(fieldRow.modelData.how); color: Theme.muted; font.pixelSize: Theme.fontSmall }
                            Label {
                                text: fieldRow.modelData.county === undefined || fieldRow.modelData.county === null ? "–" : String(fieldRow.modelData.county)
                                font.bold: true
                                horizontalAlignment: Text.AlignRight
                                Layout.preferredWidth: 90
                            }
                        }
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
