import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SignInPage: server address, user name, password. Enrolls this device with
// the bureau's server (Session.signIn); the next step is choosing a PIN.
Page {
    id: page
    property string pageName: "SignInPage"
    property bool chromeless: true
    //: Title of the sign-in page.
    title: qsTr("Sign in")
    background: Rectangle { color: Theme.primary }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.margin, 440)
            x: (parent.width - width) / 2
            spacing: Theme.spacing
            Item { Layout.preferredHeight: page.height > 700 ? 60 : 16 }
            Label {
                //: Sign-in page: the app's name, large.
                text: qsTr("Cunxiao")
                color: "white"
                font.pixelSize: 34
                font.bold: true
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                //: Sign-in page: one line saying what the app is for.
                text: qsTr("Village school data for the county education bureau")
                color: Theme.onPrimaryText
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            SectionCard {
                Layout.fillWidth: true
                Layout.topMargin: 12
                Label {
                    //: Sign-in field label: the bureau's server address.
                    text: qsTr("Server address")
                    font.bold: true
                }
                TextField {
                    id: server
                    objectName: "serverField"
                    text: Session.server !== "" ? Session.server : Session.defaultServer()
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                }
                Label {
                    //: Sign-in field label: the account name given by the bureau.
                    text: qsTr("User name")
                    font.bold: true
                }
                TextField {
                    id: user
                    objectName: "userField"
                    text: Session.user
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                }
                Label {
                    //: Sign-in field label.
                    text: qsTr("Password")
                    font.bold: true
                }
                TextField {
                    id: password
                    objectName: "passwordField"
                    echoMode: TextInput.Password
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    onAccepted: signIn.clicked()
                }
                Label {
                    objectName: "signInError"
                    visible: Session.error !== ""
                    text: Session.error
                    color: Theme.error
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    id: signIn
                    objectName: "signInButton"
                    //: Sign-in button.
                    text: Session.busy ? qsTr("Signing in…") : qsTr("Sign in")
                    enabled: !Session.busy
                    highlighted: true
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    onClicked: Session.signIn(server.text, user.text, password.text)
                }
                BusyIndicator { running: Session.busy; visible: running; Layout.alignment: Qt.AlignHCenter }
                Label {
                    //: Sign-in page: note on what happens to data offline.
                    text: qsTr("Sign in once with a connection. After that the app works offline and sends your data when a connection is back.")
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
    }
}
