import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SyncStatusBar: sync at a glance. Compact (in the header): a dot and a short
// summary. Full (Home): online/offline, waiting changes, last confirmation,
// the last error in plain words, a progress bar and "Sync now".
Item {
    id: root
    property bool compact: false
    // Bindable for tests; default to the app's SyncStatus.
    property bool online: SyncStatus.online
    property bool syncing: SyncStatus.syncing
    property real progress: SyncStatus.progress
    property string transferText: SyncStatus.transferText
    property string photoSummary: SyncStatus.photoSummary
    property bool photosRefused: SyncStatus.photosRefused > 0
    property int pending: SyncStatus.pendingCount
    property string summary: SyncStatus.summary
    property string confirmedText: SyncStatus.lastConfirmedText
    property string error: SyncStatus.lastError
    signal syncRequested()
    onSyncRequested: SyncStatus.syncNow()

    readonly property color dotColor: syncing ? Theme.info : (error !== "" ? Theme.error : (pending > 0 ? Theme.warn : Theme.ok))
    implicitHeight: compact ? Theme.touch : full.implicitHeight
    implicitWidth: compact ? small.implicitWidth : 320

    RowLayout {
        id: small
        visible: root.compact
        anchors.fill: parent
        spacing: 6
        Rectangle { width: 12; height: 12; radius: 6; color: root.dotColor; border.color: "white"; border.width: 1 }
        Label {
            objectName: "compactSummary"
            text: root.summary
            color: "white"
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        ToolButton {
            id: compactSync
            objectName: "compactSyncButton"
            text: "⟳"
            font.pixelSize: 22
            palette.buttonText: "white"
            background: Rectangle { color: compactSync.down ? Theme.primaryPressed : "transparent"; radius: 4 }
            enabled: !root.syncing
            implicitWidth: Theme.touch
            implicitHeight: Theme.touch
            //: Accessible name of the header's sync button.
            Accessible.name: qsTr("Sync now")
            onClicked: root.syncRequested()
        }
    }

    ColumnLayout {
        id: full
        visible: !root.compact
        width: parent.width
        spacing: 8
        RowLayout {
            spacing: 10
            Layout.fillWidth: true
            Rectangle { width: 14; height: 14; radius: 7; color: root.dotColor }
            Label {
                objectName: "onlineLabel"
                text: root.syncing ? qsTr("Syncing…")
                                   //: Home, sync card: the server was reached in the last sync.
                                   : root.online ? qsTr("Online")
                                                 //: Home, sync card: the server could not be reached (or not tried yet).
                                                 : qsTr("Offline")
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Layout.fillWidth: true
            }
            Button {
                objectName: "syncButton"
                //: Home, sync card: button that starts a sync now.
                text: qsTr("Sync now")
                highlighted: true
                enabled: !root.syncing
                implicitHeight: Theme.touch
                onClicked: root.syncRequested()
            }
        }
        Label {
            objectName: "pendingLabel"
            text: root.pending > 0
                  //: Home, sync card: number of changes on this phone not yet confirmed by the bureau.
                  ? qsTr("%n change(s) waiting to be sent", "", root.pending)
                  //: Home, sync card: nothing is waiting.
                  : qsTr("Nothing waiting to be sent")
            color: root.pending > 0 ? Theme.warn : Theme.ok
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "photoLabel"
            visible: root.photoSummary !== ""
            text: root.photoSummary
            color: root.photosRefused ? Theme.error : Theme.warn
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Label {
            text: root.confirmedText
            color: Theme.muted
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        ProgressBar {
            objectName: "progressBar"
            visible: root.syncing
            indeterminate: root.progress < 0
            value: Math.max(0, root.progress)
            Layout.fillWidth: true
        }
        Label {
            objectName: "transferLabel"
            visible: root.syncing && root.transferText !== ""
            text: root.transferText
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "errorLabel"
            visible: root.error !== ""
            text: root.error
            color: Theme.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
