import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// PinPage: choose a PIN after signing in, or type it to unlock the app
// offline. The PIN unwraps the key that decrypts this phone's data; after too
// many wrong PINs (or a forgotten one) the account password does, then a new
// PIN is chosen (docs/security.md).
Page {
    id: page
    property string pageName: "PinPage"
    property bool chromeless: true
    readonly property bool choosing: Session.state !== Session.Locked
    // Unlocking with the account password: chosen, or the only way left.
    property bool withPassword: false
    readonly property bool passwordOnly: !choosing && (withPassword || Session.pinAttemptsLeft === 0)
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
                  ? qsTr("A PIN of %1 to 12 digits opens the app on this phone without a connection. It also locks the pupils' data stored here, so a lost phone gives nothing away.").arg(Session.minPinDigits)
                  : page.passwordOnly
                    //: PIN page explanation when the password is needed. %1 is the user name.
                    ? qsTr("Type the account password of %1 to open the data on this phone. Then choose a new PIN.").arg(Session.user)
                    //: PIN page explanation when unlocking. %1 is the user name.
                    : qsTr("Type the PIN of %1.").arg(Session.user)
            color: Theme.onPrimaryText
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
                inputMethodHints: page.passwordOnly ? Qt.ImhNone : Qt.ImhDigitsOnly
                validator: RegularExpressionValidator { regularExpression: page.passwordOnly ? /.*/ : /[0-9]{0,12}/ }
                placeholderText: page.passwordOnly
                                 //: Placeholder of the password box on the unlock page.
                                 ? qsTr("Account password")
                                 //: Placeholder of the PIN box.
                                 : qsTr("PIN")
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
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,12}/ }
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
                text: Session.error
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
                    if (page.passwordOnly) { Session.unlockWithPassword(pin.text); pin.text = ""; page.withPassword = false; return }
                    if (!page.choosing) { Session.unlock(pin.text); pin.text = ""; return }
                    if (pin.text.length < Session.minPinDigits)
                        //: PIN page: the PIN is too short. %1 is the least number of digits.
                        problem.text = qsTr("The PIN needs at least %1 digits.").arg(Session.minPinDigits)
                    else if (pin.text !== again.text)
                        //: PIN page: the two PINs differ.
                        problem.text = qsTr("The two PINs are not the same.")
                    else
                        Session.setPin(pin.text)
                }
            }
            Label {
                visible: !page.choosing && !page.passwordOnly && Session.pinAttemptsLeft > 0 && Session.pinAttemptsLeft <= 2
                //: PIN page warning before the last tries. %n is the number of tries left.
                text: qsTr("%n wrong PIN(s) more and only the account password will open the app.", "", Session.pinAttemptsLeft)
                color: Theme.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                flat: true
                visible: !page.choosing && !page.passwordOnly
                //: PIN page: unlock with the account password instead (forgotten PIN).
                text: qsTr("Forgot the PIN? Use the password")
                implicitHeight: Theme.touch
                Layout.fillWidth: true
                onClicked: { page.withPassword = true; pin.text = "" }
            }
            Button {
                flat: true
                visible: !page.choosing
                //: PIN page: sign out instead of unlocking (the data stays encrypted on the phone).
                text: qsTr("Sign out")
                implicitHeight: Theme.touch
                Layout.fillWidth: true
                onClicked: Session.signOut()
            }
        }
    }
}
