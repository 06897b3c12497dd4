import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// PupilsPage: the school's roster (RecordListModel over "pupils"): search by
// name, filter by grade and class; rows arrive in pages as the list scrolls.
Page {
    id: page
    property string pageName: "PupilsPage"
    //: Title of the roster page.
    title: qsTr("Pupils")
    background: Rectangle { color: Theme.background }

    RecordListModel {
        id: pupils
        collection: "pupils"
        search: search.query
        sortField: "name"
        filters: ({ grade: grade.currentIndex > 0 ? grade.currentText : "", "class": klass.currentIndex > 0 ? klass.currentText : "" })
    }
    // Filter choices from the whole roster.
    readonly property var grades: { pupils.total; return pupils.distinct("grade") }
    readonly property var classes: { pupils.total; return pupils.distinct("class") }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        GridLayout {
            columns: page.width >= 600 ? 4 : 2
            Layout.fillWidth: true
            SearchField {
                id: search
                objectName: "pupilSearch"
                //: Placeholder of the roster search box.
                placeholderText: qsTr("Search by name")
                Layout.fillWidth: true
                Layout.columnSpan: page.width >= 600 ? 2 : 2
            }
            ComboBox {
                id: grade
                objectName: "gradeFilter"
                //: Roster filter: all grades.
                model: [qsTr("All grades")].concat(page.grades.map(g => g))
                implicitHeight: Theme.touch + 4
                Layout.fillWidth: true
                displayText: currentIndex <= 0 ? currentText
                                               //: Roster filter: grade number %1.
                                               : qsTr("Grade %1").arg(currentText)
            }
            ComboBox {
                id: klass
                objectName: "classFilter"
                //: Roster filter: all classes.
                model: [qsTr("All classes")].concat(page.classes)
                implicitHeight: Theme.touch + 4
                Layout.fillWidth: true
                displayText: currentIndex <= 0 ? currentText
                                               //: Roster filter: class number %1.
                                               : qsTr("Class %1").arg(currentText)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                //: Roster: how many pupils match the search and filters.
                text: qsTr("%n pupil(s)", "", pupils.total)
                color: Theme.muted
                Layout.fillWidth: true
            }
            BusyIndicator { running: pupils.loading; visible: running; implicitHeight: 32; implicitWidth: 32 }
            Button {
                //: Roster: add a new pupil.
                text: qsTr("+ Add pupil")
                highlighted: true
                implicitHeight: Theme.touch
                onClicked: Navigator.push("PupilEditPage")
            }
        }
        ListView {
            id: list
            objectName: "pupilList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: pupils
            spacing: 1
            cacheBuffer: 400
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property string recordId
                required property string title
                required property var fields
                required property string syncState
                width: ListView.view.width
                implicitHeight: 64
                background: Rectangle { color: row.down ? Theme.selectedFill : Theme.surface }
                onClicked: Navigator.push("PupilPage", { recordId: recordId })
                contentItem: RowLayout {
                    spacing: 12
                    Rectangle {
                        implicitWidth: 40; implicitHeight: 40; radius: 20
                        color: row.fields.gender === "female" ? Theme.femaleFill : Theme.maleFill
                        Label { anchors.centerIn: parent; text: row.title.substring(0, 1); font.bold: true }
                    }
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        Label { text: row.title; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            //: Roster row: grade, class and village of a pupil.
                            text: qsTr("Grade %1 · Class %2 · %3").arg(row.fields.grade).arg(row.fields["class"] || "").arg(row.fields.village || "")
                            color: Theme.muted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                    StateBadge {
                        visible: row.fields.status === "left"
                        status: "returned"
                        //: Roster badge: the pupil has left school.
                        text: qsTr("Left school")
                    }
                    StateBadge { visible: row.syncState !== "confirmed"; status: row.syncState }
                }
            }
            EmptyState {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0 && !pupils.loading
                //: Roster empty state.
                message: qsTr("No pupils match. Change the search or the filters, or add a pupil.")
            }
        }
    }
}
