import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// BureauStatisticsPage: what the schools' returns add up to (StatisticsModel,
// the same code as `cunxiao-cli statistics`): the county's numbers, one
// number per township and over the last periods as charts with their tables
// beside them, the choices counted (dropouts by reason), and a CSV export.
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
                tables: function() { return stats.tables() }
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
