import QtQuick
import QtQuick.Controls
import QtTest
import Cunxiao

// Navigator: pages open pages by name through it, not through the window's id.
TestCase {
    id: tc
    name: "Navigator"
    width: 400
    height: 600
    visible: true
    when: windowShown

    StackView { id: stack; anchors.fill: parent }
    SignalSpy { id: opened; target: Navigator; signalName: "opened" }

    function init() {
        Navigator.stack = stack
        opened.clear()
    }
    function cleanup() {
        stack.clear(StackView.Immediate)
        Navigator.stack = null
    }

    function test_openReplacesTheStack() {
        Navigator.openPage("ConflictsPage")
        Navigator.push("SettingsPage")
        tryCompare(stack, "busy", false)
        compare(stack.depth, 2)
        Navigator.openPage("ConflictsPage")
        compare(stack.depth, 1)
        verify(String(stack.currentItem).startsWith("ConflictsPage"), String(stack.currentItem))
        compare(opened.count, 2)
        compare(opened.signalArguments[1][0], "ConflictsPage")
    }

    function test_pushAndBack() {
        Navigator.openPage("ConflictsPage")
        Navigator.push("SettingsPage", { objectName: "pushed" })
        tryCompare(stack, "busy", false)
        compare(stack.depth, 2)
        compare(stack.currentItem.objectName, "pushed")
        Navigator.back()
        tryCompare(stack, "busy", false)
        compare(stack.depth, 1)
        Navigator.back()   // nothing below the top-level page: stays
        compare(stack.depth, 1)
    }

    function test_withoutAStackNothingHappens() {
        Navigator.stack = null
        Navigator.openPage("ConflictsPage")
        Navigator.push("SettingsPage")
        Navigator.back()
        compare(opened.count, 0)
        compare(stack.depth, 0)
    }
}
