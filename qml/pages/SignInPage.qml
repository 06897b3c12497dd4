import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SignInPage: server address, user name, password. Enrolls this device with
// the bureau's server (Session.signIn); the next step is choosing a PIN. Or,
// instead of the password, a one-time enrolment code: typed, or read from the
// QR code the bureau shows (camera picture -> QrReader, which also gives the
// server, the account and the certificate pin; Session.signInWithCode).
Page {
    id: page
    property string pageName: "SignInPage"
    property bool chromeless: true
    //: Title of the sign-in page.
    title: qsTr("Sign in")
    background: Rectangle { color: Theme.primary }
    // The certificate pin read from the bureau's QR code ("" when typed).
    property string scannedPin: ""

    function useScan(result) {
        if (!result.ok) {
            scanMessage.text = result.error
            return
        }
        scanMessage.text = ""
        server.text = result.server
        user.text = result.user
        code.text = result.code
        page.scannedPin = result.pin
        method.currentIndex = 1
        Session.signInWithCode(result.server, result.user, result.code, result.pin)
    }

    Popup {
        id: scanner
        parent: Overlay.overlay
        x: 0
        y: 0
        width: parent ? parent.width : 360
        height: parent ? parent.height : 640
        modal: true
        padding: 0
        closePolicy: Popup.CloseOnEscape
        contentItem: Loader {
            active: scanner.opened
            sourceComponent: CameraPage {
                scanQr: true
                onScanned: image => { scanner.close(); page.useScan(QrReader.readEnrolmentImage(image)) }
                onCancelled: scanner.close()
            }
        }
    }

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
                    onTextEdited: page.scannedPin = "" // a scanned pin belongs to the scanned server
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
                TabBar {
                    id: method
                    objectName: "signInMethod"
                    Layout.fillWidth: true
                    //: Sign-in method: the account password.
                    TabButton { text: qsTr("Password") }
                    //: Sign-in method: a one-time enrolment code from the bureau.
                    TabButton { text: qsTr("Enrolment code") }
                }
                Label {
                    visible: method.currentIndex === 0
                    //: Sign-in field label.
                    text: qsTr("Password")
                    font.bold: true
                }
                TextField {
                    id: password
                    objectName: "passwordField"
                    visible: method.currentIndex === 0
                    echoMode: TextInput.Password
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    onAccepted: signIn.clicked()
                }
                Label {
                    visible: method.currentIndex === 1
                    //: Sign-in field label: the one-time code the bureau showed.
                    text: qsTr("Enrolment code (16 letters and digits)")
                    font.bold: true
                }
                TextField {
                    id: code
                    objectName: "codeField"
                    visible: method.currentIndex === 1
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    placeholderText: "K7Q2-MP9X-3ZTD-8HWA"
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    onEditingFinished: if (QrReader.tidyCode(text) !== "") text = QrReader.tidyCode(text)
                    onAccepted: signIn.clicked()
                }
                Button {
                    objectName: "scanButton"
                    visible: method.currentIndex === 1
                    //: Sign-in: take a picture of the QR code the bureau shows.
                    text: qsTr("Scan the bureau's QR code")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    onClicked: scanner.open()
                }
                Label {
                    objectName: "scanMessage"
                    visible: text !== "" && method.currentIndex === 1
                    color: Theme.warn
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    id: scanMessage
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
                    onClicked: method.currentIndex === 0 ? Session.signIn(server.text, user.text, password.text)
                                                          : Session.signInWithCode(server.text, user.text, code.text, page.scannedPin)
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
