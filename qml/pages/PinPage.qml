import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// PinPage: choose a PIN after signing in, or type it to unlock the app
// offline. Only a salted hash of the PIN is stored.
Page {
    id: page
    property string pageName: "PinPage"
    property bool chromeless: true
    readonly property bool choosing: Session.state !== Session.Locked
    title: choosing
           //: PIN page title when setting a new PIN.
           ? qsTr("Choose a PIN")
           //: PIN page title when unlocking.
           : qsTr("Unlock")
    background: Rectangle { color: Theme.primary }

    ColumnLayout {
        width: Math.min(parent.width - 2 * Theme.margin, 400)
        anchors.horizontalCenter: parent.horizontalCenter
        y: Math.max(24, (parent.height - height) / 3)
        spacing: Theme.spacing
        Label {
            text: page.title
            color: "white"
            font.pixelSize: 28
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: page.choosing
                  //: PIN page explanation when choosing a PIN.
                  ? qsTr("A PIN of 4 to 8 digits opens the app on this phone without a connection and keeps pupils' data safe if the phone is lost.")
                  //: PIN page explanation when unlocking. %1 is the user name.
                  : qsTr("Type the PIN of %1.").arg(Session.user)
            color: "#DDEFE6"
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        SectionCard {
            Layout.fillWidth: true
            TextField {
                id: pin
                objectName: "pinField"
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,8}/ }
                //: Placeholder of the PIN box.
                placeholderText: qsTr("PIN")
                font.pixelSize: 24
                horizontalAlignment: Text.AlignHCenter
                implicitHeight: Theme.touch + 8
                Layout.fillWidth: true
                onAccepted: go.clicked()
            }
            TextField {
                id: again
                visible: page.choosing
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,8}/ }
                //: Placeholder of the second PIN box (type the PIN again).
                placeholderText: qsTr("PIN again")
                font.pixelSize: 24
                horizontalAlignment: Text.AlignHCenter
                implicitHeight: Theme.touch + 8
                Layout.fillWidth: true
                onAccepted: go.clicked()
            }
            Label {
                id: problem
                visible: text !== ""
                text: page.choosing ? "" : Session.error
                color: Theme.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                id: go
                objectName: "pinButton"
                //: PIN page button: save the new PIN / unlock.
                text: page.choosing ? qsTr("Save PIN") : qsTr("Unlock")
                highlighted: true
                implicitHeight: Theme.touch + 4
                Layout.fillWidth: true
                onClicked: {
                    if (!page.choosing) { Session.unlock(pin.text); pin.text = ""; return }
                    if (pin.text.length < 4)
                        //: PIN page: the PIN is too short.
                        problem.text = qsTr("The PIN needs at least 4 digits.")
                    else if (pin.text !== again.text)
                        //: PIN page: the two PINs differ.
                        problem.text = qsTr("The two PINs are not the same.")
                    else
                        Session.setPin(pin.text)
                }
            }
            Button {
                flat: true
                //: PIN page: continue without a PIN / sign out instead of unlocking.
                text: page.choosing ? qsTr("Not now") : qsTr("Sign out")
                implicitHeight: Theme.touch
                Layout.fillWidth: true
                onClicked: page.choosing ? Session.skipPin() : Session.signOut()
            }
        }
    }
}
