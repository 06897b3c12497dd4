import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// BureauAccountsPage: a bureau administrator's accounts and schools
// (AccountsAdminModel, docs/bureau.md "Accounts and enrolment"): the county's
// accounts (role, schools, devices, last sync) and schools from the list last
// fetched, forms to add a school or an account, and for the chosen account:
// assign schools (or a whole township), reset the password, revoke, and
// enrol a phone with a one-time code shown as a QR code. Every change needs
// the server; when it cannot be reached the page says so and keeps what was
// typed.
Page {
    id: page
    property string pageName: "BureauAccountsPage"
    //: Title of the bureau's accounts page.
    title: qsTr("Accounts")
    background: Rectangle { color: Theme.background }
    readonly property bool wide: width >= 900
    property string selected: ""
    readonly property var selectedAccount: {
        for (var i = 0; i < admin.accounts.length; ++i)
            if (admin.accounts[i].user === selected) return admin.accounts[i]
        return null
    }

    AccountsAdminModel {
        id: admin
        onFinished: function(op, ok, message) {
            if (!ok) return
            if (op === "add-school") { schoolCode.text = ""; schoolName.text = "" }
            if (op === "add-user") { page.selected = newUser.text; newUser.text = ""; newPassword.text = "" }
            if (op === "reset-password") resetField.text = ""
        }
    }
    // A list older than five minutes is fetched again when the page opens.
    Component.onCompleted: if (Date.now() - admin.fetchedAt > 5 * 60 * 1000) admin.fetch()

    function roleText(role) {
        //: Account role: school head.
        if (role === "head") return qsTr("School head")
        //: Account role: teacher.
        if (role === "teacher") return qsTr("Teacher")
        //: Account role: inspector (supervisor of several schools).
        if (role === "inspector") return qsTr("Inspector")
        //: Account role: county education bureau staff.
        return qsTr("Bureau")
    }
    function lastSyncText(a) {
        //: Accounts: the account has no enrolled device.
        if (a.devices === 0) return qsTr("no device")
        //: Accounts: devices and last sync. %1 devices; %2 days since the last sync.
        if (a.lastSync === 0)
            //: Accounts: devices and last sync today. %1 devices.
            return qsTr("%1 device(s), synced today").arg(a.devices)
        return a.lastSync < 0 ? qsTr("%1 device(s), never synced").arg(a.devices)
                              //: Accounts: devices and last sync. %1 devices; %2 days since the last sync.
                              : qsTr("%1 device(s), synced %2 day(s) ago").arg(a.devices).arg(a.lastSync)
    }
    // "(schools below)" first, then every township: a whole township or schools one by one.
    function townshipChoices() {
        //: Accounts: no township chosen (pick schools one by one).
        var out = [qsTr("(schools below)")]
        for (var i = 0; i < admin.townships.length; ++i)
            out.push(admin.townships[i])
        return out
    }
    function checkedSchools(repeater) {
        var out = []
        for (var i = 0; i < repeater.count; ++i)
            if (repeater.itemAt(i).checked) out.push(repeater.itemAt(i).code)
        return out
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Rectangle {
            objectName: "offlineBanner"
            Layout.fillWidth: true
            visible: admin.error !== ""
            color: admin.offline ? Theme.lateFill : Theme.missingFill
            radius: Theme.radius
            implicitHeight: errorText.implicitHeight + 16
            Label {
                id: errorText
                anchors.fill: parent
                anchors.margins: 8
                text: admin.error
                wrapMode: Text.Wrap
                color: admin.offline ? Theme.warn : Theme.error
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                //: Accounts: when the list was fetched from the server. %1 accounts, %2 schools, %3 date and time.
                text: admin.fetchedAt > 0 ? qsTr("%1 accounts, %2 schools · list as of %3").arg(admin.accounts.length)
                                                .arg(admin.schools.length)
                                                .arg(new Date(admin.fetchedAt).toLocaleString(Qt.locale(), Locale.ShortFormat))
                                          //: Accounts: no list fetched yet.
                                          : qsTr("No list yet: it needs a connection to the server.")
                color: Theme.muted
                wrapMode: Text.Wrap
            }
            BusyIndicator { running: admin.busy; visible: admin.busy; implicitWidth: 32; implicitHeight: 32 }
            Button {
                //: Accounts: fetch the list from the server again.
                text: qsTr("Refresh")
                enabled: !admin.busy
                onClicked: admin.fetch()
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: page.wide ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            ListView {
                id: list
                objectName: "accountList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Layout.minimumHeight: 200
                clip: true
                spacing: 4
                model: admin.accounts
                delegate: Rectangle {
                    id: row
                    required property var modelData
                    width: ListView.view.width
                    implicitHeight: rowBody.implicitHeight + 14
                    radius: Theme.radius
                    color: page.selected === row.modelData.user ? Theme.selectedFill : Theme.surface
                    border.color: Theme.divider
                    opacity: row.modelData.revoked ? 0.6 : 1
                    ColumnLayout {
                        id: rowBody
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: 7
                        spacing: 2
                        Flow {
                            Layout.fillWidth: true
                            spacing: 8
                            Label { text: row.modelData.user; font.bold: true }
                            Label { text: page.roleText(row.modelData.role); color: Theme.primary }
                            Label {
                                visible: row.modelData.admin
                                //: Accounts: the account is a bureau administrator.
                                text: qsTr("administrator")
                                color: Theme.info
                            }
                            Label {
                                visible: row.modelData.revoked
                                //: Accounts: the account was revoked.
                                text: qsTr("revoked")
                                color: Theme.error
                                font.bold: true
                            }
                            Label {
                                text: page.lastSyncText(row.modelData)
                                color: Theme.muted
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: row.modelData.schoolNames.length > 0
                            text: row.modelData.schoolNames.join("、")
                            color: Theme.muted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: page.selected = row.modelData.user
                    }
                }
                EmptyState {
                    anchors.centerIn: parent
                    width: parent.width
                    visible: list.count === 0
                    //: Accounts: nothing to show.
                    message: qsTr("No accounts to show.")
                }
            }

            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                contentWidth: availableWidth
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacing

                    Label {
                        Layout.fillWidth: true
                        visible: page.selectedAccount === null
                        //: Accounts: hint shown until an account is chosen in the list.
                        text: qsTr("Choose an account in the list to change its schools, reset its password, revoke it or enrol a phone for it.")
                        color: Theme.muted
                        wrapMode: Text.Wrap
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        visible: page.selectedAccount !== null
                        //: Accounts: the section for the chosen account. %1 is the user name.
                        heading: qsTr("Account %1").arg(page.selected)
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 8
                            Label {
                                //: Accounts: choose the schools of the account.
                                text: qsTr("Schools")
                                font.bold: true
                            }
                            RowLayout {
                                Label {
                                    //: Accounts: assign every school of a township.
                                    text: qsTr("Whole township")
                                }
                                ComboBox {
                                    id: assignTownship
                                    Layout.fillWidth: true
                                    model: page.townshipChoices()
                                }
                            }
                            Flow {
                                Layout.fillWidth: true
                                spacing: 4
                                visible: assignTownship.currentIndex === 0
                                Repeater {
                                    id: assignSchools
                                    model: admin.schools
                                    delegate: CheckBox {
                                        required property var modelData
                                        readonly property string code: modelData.code
                                        text: modelData.name
                                        checked: page.selectedAccount !== null && page.selectedAccount.schools.indexOf(code) >= 0
                                    }
                                }
                            }
                            Button {
                                objectName: "assignButton"
                                //: Accounts: save the account's schools.
                                text: qsTr("Save schools")
                                enabled: !admin.busy && page.selectedAccount !== null && !page.selectedAccount.revoked
                                onClicked: admin.assign(page.selected, page.checkedSchools(assignSchools),
                                                        assignTownship.currentIndex > 0 ? assignTownship.currentText : "")
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                TextField {
                                    id: resetField
                                    Layout.fillWidth: true
                                    echoMode: TextInput.Password
                                    //: Accounts: the new password (at least 6 characters).
                                    placeholderText: qsTr("New password (6 or more characters)")
                                }
                                Button {
                                    //: Accounts: set the new password.
                                    text: qsTr("Reset password")
                                    enabled: !admin.busy && resetField.text.length >= 6
                                    onClicked: admin.resetPassword(page.selected, resetField.text)
                                }
                            }
                            RowLayout {
                                Button {
                                    objectName: "enrolButton"
                                    //: Accounts: issue a one-time code to enrol a phone for this account.
                                    text: qsTr("Enrol a phone")
                                    highlighted: true
                                    enabled: !admin.busy && page.selectedAccount !== null && !page.selectedAccount.revoked
                                    onClicked: admin.enrolCode(page.selected, 7)
                                }
                                Button {
                                    //: Accounts: revoke the account; its devices erase their data.
                                    text: qsTr("Revoke")
                                    enabled: !admin.busy && page.selectedAccount !== null && !page.selectedAccount.revoked
                                    onClicked: revokeDialog.open()
                                }
                            }
                            Rectangle {
                                objectName: "enrolment"
                                Layout.fillWidth: true
                                visible: admin.enrolment.user === page.selected && admin.enrolment.code !== undefined
                                color: Theme.surface
                                border.color: Theme.primary
                                radius: Theme.radius
                                implicitHeight: enrolBody.implicitHeight + 20
                                RowLayout {
                                    id: enrolBody
                                    anchors.left: parent.left
                                    anchors.right: parent.right
                                    anchors.top: parent.top
                                    anchors.margins: 10
                                    spacing: Theme.spacing
                                    QrCodeItem {
                                        objectName: "enrolQr"
                                        text: admin.enrolment.link || ""
                                        dark: Theme.text
                                        light: Theme.surface
                                        Layout.preferredWidth: 200
                                        Layout.preferredHeight: 200
                                    }
                                    ColumnLayout {
                                        Layout.fillWidth: true
                                        Label {
                                            //: Enrolment: what the person does with the QR code.
                                            text: qsTr("On the phone: Sign in → Scan the bureau's QR code. Or type the code:")
                                            wrapMode: Text.Wrap
                                            Layout.fillWidth: true
                                        }
                                        Label {
                                            text: admin.enrolment.code || ""
                                            font.pixelSize: 26
                                            font.bold: true
                                            font.family: "monospace"
                                        }
                                        Label {
                                            //: Enrolment: the server address and the account to type. %1 server, %2 user.
                                            text: qsTr("Server %1 · user %2").arg(admin.enrolment.server || "").arg(admin.enrolment.user || "")
                                            wrapMode: Text.WrapAnywhere
                                            Layout.fillWidth: true
                                            color: Theme.muted
                                        }
                                        Label {
                                            //: Enrolment: the code enrols one phone and expires. %1 date.
                                            text: qsTr("Enrols one phone; valid until %1. It is shown only now.")
                                                  .arg(new Date(admin.enrolment.expires || 0).toLocaleDateString(Qt.locale(), Locale.ShortFormat))
                                            wrapMode: Text.Wrap
                                            Layout.fillWidth: true
                                            color: Theme.muted
                                            font.pixelSize: Theme.fontSmall
                                        }
                                    }
                                }
                            }
                        }
                    }

                    SectionCard {
                        Layout.fillWidth: true
                        //: Accounts: the form to add an account.
                        heading: qsTr("Add an account")
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 8
                            TextField {
                                id: newUser
                                objectName: "newUser"
                                Layout.fillWidth: true
                                //: Accounts: the new account's user name.
                                placeholderText: qsTr("User name, e.g. li.ming")
                            }
                            ComboBox {
                                id: newRole
                                Layout.fillWidth: true
                                textRole: "text"
                                valueRole: "role"
                                model: [
                                    { role: "head", text: page.roleText("head") },
                                    { role: "teacher", text: page.roleText("teacher") },
                                    { role: "inspector", text: page.roleText("inspector") },
                                    { role: "bureau", text: page.roleText("bureau") }
                                ]
                            }
                            ComboBox {
                                id: newTownship
                                Layout.fillWidth: true
                                visible: newRole.currentValue === "inspector"
                                model: page.townshipChoices()
                            }
                            Flow {
                                Layout.fillWidth: true
                                spacing: 4
                                visible: newRole.currentValue !== "bureau" && !(newTownship.visible && newTownship.currentIndex > 0)
                                Repeater {
                                    id: newSchools
                                    model: admin.schools
                                    delegate: CheckBox {
                                        required property var modelData
                                        readonly property string code: modelData.code
                                        text: modelData.name
                                    }
                                }
                            }
                            CheckBox {
                                id: newAdmin
                                visible: newRole.currentValue === "bureau"
                                //: Accounts: the new bureau account may manage accounts too.
                                text: qsTr("Administrator (manages accounts and schools)")
                            }
                            TextField {
                                id: newPassword
                                Layout.fillWidth: true
                                echoMode: TextInput.Password
                                placeholderText: qsTr("New password (6 or more characters)")
                            }
                            Button {
                                objectName: "addAccountButton"
                                //: Accounts: create the account.
                                text: qsTr("Add account")
                                enabled: !admin.busy && newUser.text.length > 0 && newPassword.text.length >= 6
                                onClicked: admin.addAccount(newUser.text, newRole.currentValue,
                                                            newRole.currentValue === "bureau" ? [] : page.checkedSchools(newSchools),
                                                            newTownship.visible && newTownship.currentIndex > 0 ? newTownship.currentText : "",
                                                            newPassword.text, newAdmin.visible && newAdmin.checked)
                            }
                        }
                    }

                    SectionCard {
                        Layout.fillWidth: true
                        //: Accounts: the form to add a school.
                        heading: qsTr("Add a school")
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 8
                            TextField {
                                id: schoolCode
                                Layout.fillWidth: true
                                //: Accounts: the new school's code.
                                placeholderText: qsTr("School code, e.g. 530128121")
                            }
                            TextField {
                                id: schoolName
                                Layout.fillWidth: true
                                //: Accounts: the new school's name.
                                placeholderText: qsTr("School name")
                            }
                            ComboBox {
                                id: schoolTownship
                                Layout.fillWidth: true
                                editable: true
                                model: admin.townships
                            }
                            Button {
                                //: Accounts: add the school.
                                text: qsTr("Add school")
                                enabled: !admin.busy && schoolCode.text.length > 0 && schoolName.text.length > 0
                                onClicked: admin.addSchool(schoolCode.text, schoolName.text, schoolTownship.editText)
                            }
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: revokeDialog
        anchors.centerIn: parent
        modal: true
        width: Math.min(page.width - 2 * Theme.margin, 440)
        //: Revoke confirmation title. %1 is the user name.
        title: qsTr("Revoke %1?").arg(page.selected)
        standardButtons: Dialog.Yes | Dialog.No
        contentItem: Label {
            wrapMode: Text.Wrap
            //: Revoke confirmation text.
            text: qsTr("The account can no longer sign in, and each of its devices erases its data at its next contact. This cannot be undone.")
        }
        onAccepted: admin.revoke(page.selected)
    }
}
