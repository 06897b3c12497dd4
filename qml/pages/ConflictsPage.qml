import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// ConflictsPage: when two people changed the same field, both values side by
// side with who set each and when; keep one, or type another (ConflictModel).
Page {
    id: page
    property string pageName: "ConflictsPage"
    //: Title of the conflicts page.
    title: qsTr("Conflicts")
    background: Rectangle { color: Theme.background }

    ConflictModel { id: conflicts }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        Label {
            //: Conflicts page: explanation.
            text: qsTr("Two people changed the same information. Nothing was lost: choose which value is right, or type the right one.")
            wrapMode: Text.Wrap
            color: Theme.muted
            Layout.fillWidth: true
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8
            clip: true
            model: conflicts
            delegate: Pane {
                id: card
                required property int index
                required property string title
                required property string field
                required property string mine
                required property string mineBy
                required property string mineWhen
                required property string theirs
                required property string theirsBy
                required property string theirsWhen
                width: ListView.view.width
                padding: Theme.margin
                background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.divider }
                ColumnLayout {
                    width: parent.width
                    Label { text: card.title + " · " + card.field; font.bold: true; font.pixelSize: Theme.fontLarge; Layout.fillWidth: true; elide: Text.ElideRight }
                    GridLayout {
                        columns: page.width >= 600 ? 2 : 1
                        Layout.fillWidth: true
                        Repeater {
                            model: [
                                //: Conflicts: the value shown now.
                                { value: card.mine, by: card.mineBy, when: card.mineWhen, pick: "@mine", heading: qsTr("Kept now") },
                                //: Conflicts: the other value that lost.
                                { value: card.theirs, by: card.theirsBy, when: card.theirsWhen, pick: "@theirs", heading: qsTr("Other value") }
                            ]
                            delegate: Rectangle {
                                required property var modelData
                                Layout.fillWidth: true
                                implicitHeight: side.implicitHeight + 20
                                radius: 6
                                color: Theme.sideFill
                                ColumnLayout {
                                    id: side
                                    x: 10; y: 10
                                    width: parent.width - 20
                                    Label { text: modelData.heading; color: Theme.muted; font.pixelSize: Theme.fontSmall }
                                    Label { text: modelData.value; font.pixelSize: Theme.fontLarge; wrapMode: Text.Wrap; Layout.fillWidth: true }
                                    //: Conflicts: who set the value and when. %1 user, %2 time.
                                    Label { text: qsTr("by %1, %2").arg(modelData.by).arg(modelData.when); color: Theme.muted; font.pixelSize: Theme.fontSmall; wrapMode: Text.Wrap; Layout.fillWidth: true }
                                    Button {
                                        //: Conflicts: choose this value.
                                        text: qsTr("Keep this")
                                        implicitHeight: Theme.touch
                                        onClicked: conflicts.resolve(card.index, modelData.pick)
                                    }
                                }
                            }
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: other
                            //: Conflicts: type a different value instead.
                            placeholderText: qsTr("Or type the right value")
                            implicitHeight: Theme.touch
                            Layout.fillWidth: true
                        }
                        Button {
                            //: Conflicts: use the typed value.
                            text: qsTr("Use")
                            enabled: other.text !== ""
                            implicitHeight: Theme.touch
                            onClicked: conflicts.resolve(card.index, other.text)
                        }
                    }
                }
            }
            EmptyState {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0
                //: Conflicts page: nothing to settle.
                message: qsTr("No conflicts. Everything agrees with the bureau.")
            }
        }
    }
}
