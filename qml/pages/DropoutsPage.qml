import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// DropoutsPage: dropout control (控辍保学): every pupil who left school, with
// their visits, the outcome and the next follow-up.
Page {
    id: page
    property string pageName: "DropoutsPage"
    //: Title of the dropout-control page.
    title: qsTr("Dropouts")
    background: Rectangle { color: Theme.background }

    RecordListModel { id: left; collection: "pupils"; filters: ({ status: "left" }) }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        Label {
            //: Dropouts page: explanation.
            text: qsTr("Pupils who left school. Visit each family and record whether the pupil came back.")
            wrapMode: Text.Wrap
            color: Theme.muted
            Layout.fillWidth: true
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: left
            delegate: Pane {
                id: card
                required property string recordId
                required property string title
                required property var fields
                readonly property var visits: { Records.revision; return Records.where("home_visits", "pupil", recordId, "date") }
                readonly property var last: visits.length ? visits[0] : null
                width: ListView.view.width
                padding: Theme.margin
                background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.divider }
                ColumnLayout {
                    width: parent.width
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: card.title; font.bold: true; font.pixelSize: Theme.fontLarge; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { text: qsTr("Grade %1 · Class %2").arg(card.fields.grade).arg(card.fields["class"] || ""); color: Theme.muted }
                    }
                    Label {
                        text: card.last
                              //: Dropouts: the last visit. %1 date, %2 number of visits.
                              ? qsTr("Last visit %1 · %n visit(s)", "", card.visits.length).arg(card.last.date)
                              //: Dropouts: no visit yet.
                              : qsTr("Not visited yet")
                        color: card.last ? Theme.text : Theme.error
                    }
                    Label {
                        visible: card.last !== null && !!card.last.follow_up_date
                        //: Dropouts: next follow-up visit date.
                        text: qsTr("Next follow-up: %1").arg(card.last ? card.last.follow_up_date || "" : "")
                        color: Theme.warn
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 8
                        Button {
                            //: Dropouts: record a visit to this pupil's family.
                            text: qsTr("Record visit")
                            highlighted: true
                            implicitHeight: Theme.touch
                            onClicked: Navigator.push("HomeVisitPage", { pupilId: card.recordId })
                        }
                        Button {
                            //: Dropouts: open the pupil's page.
                            text: qsTr("Pupil details")
                            implicitHeight: Theme.touch
                            onClicked: Navigator.push("PupilPage", { recordId: card.recordId })
                        }
                    }
                }
            }
            EmptyState {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0 && !left.loading
                //: Dropouts: nobody left school.
                message: qsTr("No pupil has left school.")
            }
        }
    }
}
