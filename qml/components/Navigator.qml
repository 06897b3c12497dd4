pragma Singleton
import QtQuick
import QtQuick.Controls

// Navigator: the one way a page opens another page or goes back. Pages call it
// by name (Navigator.push("PupilPage", { recordId: id })) instead of reaching
// for the window's id, so a page can be loaded and checked on its own (qmllint,
// tests) and the window is free to change how it lays out its stack.
// Main.qml hands over its StackView once (`Navigator.stack = stack`) and closes
// its drawer on `opened`.
QtObject {
    // The window's page stack; set by Main.qml.
    property StackView stack: null

    // A top-level page replaced the whole stack.
    signal opened(string name)

    function pageUrl(name) { return Qt.resolvedUrl("../pages/" + name + ".qml") }

    // Replaces the whole stack with a top-level page (the navigation items,
    // the sign-in flow and the self-test use this).
    function openPage(name, props) {
        if (!stack)
            return
        stack.clear(StackView.Immediate)
        stack.push(pageUrl(name), props || {}, StackView.Immediate)
        opened(name)
    }
    // Opens a detail page on top of the current one.
    function push(name, props) {
        if (stack)
            stack.push(pageUrl(name), props || {})
    }
    // Back to the page below, if there is one.
    function back() {
        if (stack && stack.depth > 1)
            stack.pop()
    }
}
