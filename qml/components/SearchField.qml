import QtQuick
import QtQuick.Controls
import Cunxiao

// SearchField: a search box that reports its text after a short pause.
TextField {
    id: root
    property string query
    implicitHeight: Theme.touch + 4
    selectByMouse: true
    onTextChanged: pause.restart()
    Timer { id: pause; interval: 250; onTriggered: root.query = root.text.trim() }
}
