import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// LabeledValue: "label: value" on one row (wide) or two (narrow).
ColumnLayout {
    property string label
    property string value
    spacing: 0
    Label { text: parent.label; color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.fillWidth: true }
    //: Shown for a value that is not filled in.
    Label { text: parent.value !== "" ? parent.value : qsTr("—"); wrapMode: Text.Wrap; Layout.fillWidth: true }
}
