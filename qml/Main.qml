import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// Main: the window. Signed out: sign-in; locked: PIN; otherwise a side
// navigation (desktop) or a bottom bar plus drawer (phone) around one StackView.
ApplicationWindow {
    id: app
    width: 1280
    height: 800
    minimumWidth: 320
    minimumHeight: 480
    visible: true
    //: Window title: the app's name.
    title: qsTr("Cunxiao village school data")

    // One style for every platform: Basic, coloured here. It draws without
    // shader effects, so it looks the same on the software renderer of old PCs.
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.paletteAlternateBase
    palette.text: Theme.text
    palette.button: Theme.paletteButton
    palette.buttonText: Theme.text
    palette.dark: Theme.primary
    palette.mid: Theme.inputBorder
    palette.midlight: Theme.paletteMidlight
    palette.light: Theme.paletteLight
    palette.brightText: "white"
    palette.highlight: Theme.primary
    palette.highlightedText: "white"
    palette.placeholderText: Theme.placeholderText
    palette.toolTipBase: Theme.text
    palette.toolTipText: "white"
    font.pixelSize: Theme.fontBody
    font.family: "Noto Sans CJK SC"

    readonly property bool wide: width >= Theme.wideWidth
    // The page shown, of whichever page type: its title and chromeless are read by name.
    readonly property var currentPage: stack.currentItem
    readonly property bool chromeless: currentPage ? currentPage.chromeless === true : true

    // Top-level destinations, in navigation order: the bureau's staff work on
    // the county's returns, everyone else on their school's data.
    readonly property var destinations: Session.role === "bureau" ? bureauDestinations : schoolDestinations
    readonly property var bureauDestinations: [
        //: Navigation item: the home screen.
        { page: "HomePage", label: qsTr("Home"), icon: "⌂", main: true },
        //: Navigation item (bureau): returns to review, accept or send back.
        { page: "BureauReviewPage", label: qsTr("Review returns"), icon: "✓", main: true },
        //: Navigation item (bureau): which schools have reported.
        { page: "BureauCompletenessPage", label: qsTr("Completeness"), icon: "▦", main: true },
        //: Navigation item (bureau): what the returns add up to, with charts.
        { page: "BureauStatisticsPage", label: qsTr("Statistics"), icon: "▤", main: false },
        //: Navigation item (bureau): inspections planned for inspectors, and home-visit targets.
        { page: "BureauAssignmentsPage", label: qsTr("Assignments"), icon: "⚑", main: false },
        //: Navigation item (bureau): the county's devices and their health.
        { page: "BureauDevicesPage", label: qsTr("Devices"), icon: "▯", main: false },
        //: Navigation item (bureau): the county's forms: publish a new version, who has which.
        { page: "BureauFormsPage", label: qsTr("Forms"), icon: "✎", main: false },
        //: Navigation item (bureau): accounts, schools and enrolling phones.
        { page: "BureauAccountsPage", label: qsTr("Accounts"), icon: "☷", main: false },
        //: Navigation item: sync conflicts to settle.
        { page: "ConflictsPage", label: qsTr("Conflicts"), icon: "⇄", main: false },
        //: Navigation item: settings.
        { page: "SettingsPage", label: qsTr("Settings"), icon: "⚙", main: true }
    ]
    readonly property var schoolDestinations: [
        //: Navigation item: the home screen.
        { page: "HomePage", label: qsTr("Home"), icon: "⌂", main: true },
        //: Navigation item: the pupil roster.
        { page: "PupilsPage", label: qsTr("Pupils"), icon: "☺", main: true },
        //: Navigation item: forms to fill.
        { page: "FormsPage", label: qsTr("Forms"), icon: "✎", main: true },
        //: Navigation item: drafts and submitted forms.
        { page: "SubmissionsPage", label: qsTr("Submissions"), icon: "⇪", main: true },
        //: Navigation item: pupils who left school (dropout control).
        { page: "DropoutsPage", label: qsTr("Dropouts"), icon: "!", main: false },
        //: Navigation item: school inspections.
        { page: "InspectionPage", label: qsTr("Inspections"), icon: "✓", main: false },
        //: Navigation item: sync conflicts to settle.
        { page: "ConflictsPage", label: qsTr("Conflicts"), icon: "⇄", main: false },
        //: Navigation item: settings.
        { page: "SettingsPage", label: qsTr("Settings"), icon: "⚙", main: false }
    ]

    // The self-test and PageTour open pages through the window; pages use
    // Navigator (components/Navigator.qml) directly.
    function openPage(name, props) { Navigator.openPage(name, props) }
    Connections {
        target: Navigator
        function onOpened() { drawer.close() }
    }

    function startPage() {
        switch (Session.state) {
        case Session.SignedOut: return "SignInPage"
        case Session.ChoosingPin: return "PinPage"
        case Session.Locked: return "PinPage"
        }
        return "HomePage"
    }
    Connections {
        target: Session
        function onStateChanged() { app.openPage(app.startPage()) }
    }
    Component.onCompleted: {
        Navigator.stack = stack
        openPage(startPage())
    }

    header: ToolBar {
        visible: !app.chromeless
        height: visible ? Theme.touch + 8 : 0
        background: Rectangle { color: Theme.primary }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: 8
            spacing: 4
            ToolButton {
                id: headerButton
                visible: stack.depth > 1 || !app.wide
                text: stack.depth > 1 ? "‹" : "☰"
                font.pixelSize: 26
                palette.buttonText: "white"
                background: Rectangle { color: headerButton.down ? Theme.primaryPressed : "transparent"; radius: 4 }
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                onClicked: stack.depth > 1 ? Navigator.back() : drawer.open()
                //: Accessible name of the header button (back or menu).
                Accessible.name: stack.depth > 1 ? qsTr("Back") : qsTr("Menu")
            }
            Label {
                text: app.currentPage ? app.currentPage.title : ""
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
                Layout.leftMargin: app.wide && stack.depth <= 1 ? 12 : 0
            }
            SyncStatusBar { compact: true; Layout.maximumWidth: app.wide ? 420 : 150 }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        // Side navigation on desktop.
        Rectangle {
            visible: app.wide && !app.chromeless
            Layout.fillHeight: true
            Layout.preferredWidth: 220
            color: Theme.surface
            ColumnLayout {
                anchors.fill: parent
                anchors.topMargin: 8
                spacing: 2
                Repeater {
                    model: app.destinations
                    delegate: NavButton {
                        required property var modelData
                        Layout.fillWidth: true
                        glyph: modelData.icon
                        label: modelData.label
                        current: stack.currentItem !== null && stack.depth >= 1 && stack.get(0) !== null && stack.get(0).pageName === modelData.page
                        onClicked: app.openPage(modelData.page)
                    }
                }
                Item { Layout.fillHeight: true }
                Label {
                    text: Session.user + (Session.roleText ? " · " + Session.roleText : "")
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    Layout.margins: Theme.margin
                }
            }
            Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Theme.divider }
        }
        StackView {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
        }
    }

    // Bottom navigation on phones: the four daily destinations.
    footer: Rectangle {
        visible: !app.wide && !app.chromeless
        height: visible ? 64 : 0
        color: Theme.surface
        Rectangle { width: parent.width; height: 1; color: Theme.divider }
        RowLayout {
            anchors.fill: parent
            spacing: 0
            Repeater {
                model: app.destinations.filter(d => d.main)
                delegate: NavButton {
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    vertical: true
                    glyph: modelData.icon
                    label: modelData.label
                    current: stack.depth >= 1 && stack.get(0) !== null && stack.get(0).pageName === modelData.page
                    onClicked: app.openPage(modelData.page)
                }
            }
        }
    }

    Drawer {
        id: drawer
        width: Math.min(app.width * 0.8, 300)
        height: app.height
        interactive: !app.wide && !app.chromeless
        ColumnLayout {
            anchors.fill: parent
            spacing: 2
            Label {
                //: Drawer heading: the app's short name.
                text: qsTr("Cunxiao")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.primary
                Layout.margins: Theme.margin
            }
            Label {
                text: Session.user + (Session.roleText ? " · " + Session.roleText : "")
                color: Theme.muted
                Layout.leftMargin: Theme.margin
            }
            Repeater {
                model: app.destinations
                delegate: NavButton {
                    required property var modelData
                    Layout.fillWidth: true
                    glyph: modelData.icon
                    label: modelData.label
                    onClicked: app.openPage(modelData.page)
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
