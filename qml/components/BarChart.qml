import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// BarChart: horizontal bars for [{label, value}], each with its value written
// at its end, scaled to the largest. A bar with `of` (done vs planned) draws
// the planned amount as a pale track under the done part, "done / of" at its
// end, scaled to the largest `of`. Plain QML (no shader effects), so it
// draws the same on a phone and on the software renderer of an old office PC.
ColumnLayout {
    id: chart
    property var bars: []
    property color barColor: Theme.primary
    property int labelWidth: 110
    spacing: 6
    readonly property real largest: {
        let m = 0
        for (const b of bars) {
            if (typeof b.value === "number" && b.value > m)
                m = b.value
            if (typeof b.of === "number" && b.of > m)
                m = b.of
        }
        return m
    }
    Repeater {
        model: chart.bars
        delegate: RowLayout {
            id: bar
            required property var modelData
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: bar.modelData.label
                elide: Text.ElideRight
                font.pixelSize: Theme.fontSmall
                Layout.preferredWidth: chart.labelWidth
            }
            Item {
                Layout.fillWidth: true
                implicitHeight: 22
                Rectangle {
                    id: track
                    visible: typeof bar.modelData.of === "number"
                    height: parent.height
                    radius: 3
                    color: Theme.quietFill
                    border.color: Theme.divider
                    width: visible && chart.largest > 0 ? Math.max(2, (parent.width - 64) * bar.modelData.of / chart.largest) : 0
                }
                Rectangle {
                    id: fill
                    height: parent.height
                    radius: 3
                    color: chart.barColor
                    width: chart.largest > 0 && typeof bar.modelData.value === "number"
                           ? Math.max(2, (parent.width - 64) * bar.modelData.value / chart.largest) : 0
                }
                Label {
                    x: Math.max(fill.width, track.width) + 6
                    anchors.verticalCenter: parent.verticalCenter
                    text: (bar.modelData.value === undefined || bar.modelData.value === null ? "–" : String(bar.modelData.value))
                          + (track.visible ? " / " + bar.modelData.of : "")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                }
            }
        }
    }
}
