import QtQuick
import QtQuick.Controls
import Cunxiao

// StateBadge: a record's or submission's state as a coloured word.
Rectangle {
    id: root
    property string status
    property string text: describe(status)
    function describe(state) {
        switch (state) {
        //: State of a record or submission: saved on the phone only.
        case "draft": return qsTr("Draft")
        //: State: a local change not yet sent to the bureau.
        case "pending": return qsTr("Waiting to send")
        //: State: same as pending, for submissions.
        case "waiting": return qsTr("Waiting to send")
        //: State: sent, the bureau has not confirmed yet.
        case "sent": return qsTr("Sent")
        //: State: the bureau's server confirmed it.
        case "confirmed": return qsTr("Confirmed")
        //: State: the server refused the change.
        case "rejected": return qsTr("Rejected")
        //: State of a school's return at the bureau: sent by the school, waiting for the bureau's review.
        case "submitted": return qsTr("Waiting for review")
        //: State: the bureau returned a submission for correction.
        case "returned": return qsTr("Returned")
        //: State: the bureau accepted a submission.
        case "accepted": return qsTr("Accepted")
        //: State: two people changed the same field; someone must choose.
        case "conflict": return qsTr("Conflict")
        }
        return state
    }
    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 6
    radius: height / 2
    color: Qt.lighter(Theme.stateColor(status), 2.6)
    border.color: Theme.stateColor(status)
    Label {
        id: label
        anchors.centerIn: parent
        text: root.text
        color: Theme.stateColor(root.status)
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
}
