import QtQuick
import QtQuick.Controls
import Cunxiao

// EmptyState: what an empty list says instead of showing nothing.
Label {
    property string message
    text: message
    color: Theme.muted
    wrapMode: Text.Wrap
    horizontalAlignment: Text.AlignHCenter
    padding: 24
}
