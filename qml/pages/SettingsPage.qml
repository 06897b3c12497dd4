import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SettingsPage: language (switched at once), server, photos only over Wi-Fi,
// version, recent errors, lock and sign out (AppSettings, Session).
Page {
    id: page
    property string pageName: "SettingsPage"
    //: Title of the settings page.
    title: qsTr("Settings")
    background: Rectangle { color: Theme.background }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.margin, 720)
            x: Theme.margin
            spacing: Theme.margin
            Item { Layout.preferredHeight: 2 }
            SectionCard {
                //: Settings: language section heading.
                heading: qsTr("Language")
                Layout.fillWidth: true
                RadioButton { objectName: "langZh"; text: "中文（简体）"; checked: AppSettings.language === "zh_CN"; onClicked: AppSettings.language = "zh_CN" }
                RadioButton { objectName: "langEn"; text: "English"; checked: AppSettings.language === "en"; onClicked: AppSettings.language = "en" }
            }
            SectionCard {
                //: Settings: account section heading.
                heading: qsTr("Account")
                Layout.fillWidth: true
                //: Settings: the server address.
                LabeledValue { label: qsTr("Server"); value: Session.server; Layout.fillWidth: true }
                //: Settings: the user name and role.
                LabeledValue { label: qsTr("User"); value: Session.user + (Session.roleText ? " · " + Session.roleText : ""); Layout.fillWidth: true }
                //: Settings: the school(s) of this account.
                LabeledValue { label: qsTr("School"); value: Session.schools.join(", "); Layout.fillWidth: true }
                Flow {
                    Layout.fillWidth: true
                    spacing: 8
                    Button {
                        //: Settings: lock the app (asks for the PIN).
                        text: Session.hasPin ? qsTr("Lock now") : qsTr("Set a PIN")
                        implicitHeight: Theme.touch
                        onClicked: Session.hasPin ? Session.lock() : Navigator.openPage("PinPage")
                    }
                    Button {
                        //: Settings: sign out of this account.
                        text: qsTr("Sign out")
                        implicitHeight: Theme.touch
                        onClicked: Session.signOut()
                    }
                }
            }
            SectionCard {
                //: Settings: sync section heading.
                heading: qsTr("Sync")
                Layout.fillWidth: true
                Switch {
                    //: Settings: upload photos only on Wi-Fi or other unmetered networks.
                    text: qsTr("Send photos only over Wi-Fi")
                    checked: AppSettings.photosOnlyUnmetered
                    onToggled: AppSettings.photosOnlyUnmetered = checked
                }
                Label {
                    //: Settings: sync without a link, by carrying a file.
                    text: qsTr("No signal for a long time? Carry your changes on a USB stick or SD card.")
                    wrapMode: Text.Wrap
                    color: Theme.muted
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "openBundles"
                    //: Settings: opens the USB stick / SD card page.
                    text: qsTr("USB stick / SD card…")
                    implicitHeight: Theme.touch
                    onClicked: Navigator.push("BundlesPage")
                }
            }
            SectionCard {
                //: Settings: recent errors heading.
                heading: qsTr("Recent errors")
                Layout.fillWidth: true
                EmptyState {
                    visible: AppSettings.recentErrors.length === 0
                    //: Settings: no recent errors.
                    message: qsTr("No errors.")
                    Layout.fillWidth: true
                }
                Repeater {
                    model: AppSettings.recentErrors
                    delegate: Label {
                        required property string modelData
                        text: modelData
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSmall
                        Layout.fillWidth: true
                    }
                }
                Button {
                    visible: AppSettings.recentErrors.length > 0
                    //: Settings: clear the list of errors.
                    text: qsTr("Clear")
                    flat: true
                    onClicked: AppSettings.clearErrors()
                }
            }
            SectionCard {
                //: Settings: about section heading.
                heading: qsTr("About")
                Layout.fillWidth: true
                //: Settings: app version.
                LabeledValue { label: qsTr("Version"); value: AppSettings.version; Layout.fillWidth: true }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
