import QtQuick
import QtTest
import Cunxiao

// The sync status bar shows what waits, progress while syncing, the error in
// plain words, and asks for a sync when the button is pressed.
TestCase {
    id: tc
    name: "SyncStatusBar"
    width: 400
    height: 300
    visible: true
    when: windowShown

    Component { id: barComponent; SyncStatusBar { width: 380 } }
    SignalSpy { id: requested; signalName: "syncRequested" }

    function test_pendingAndError() {
        const bar = createTemporaryObject(barComponent, tc, { pending: 3, online: false, syncing: false, error: "No connection" })
        verify(findChild(bar, "pendingLabel").text.indexOf("3") >= 0)
        const err = findChild(bar, "errorLabel")
        verify(err.visible)
        compare(err.text, "No connection")
        verify(!findChild(bar, "progressBar").visible)
    }

    function test_progressWhileSyncing() {
        const bar = createTemporaryObject(barComponent, tc, { syncing: true, progress: 0.5, error: "" })
        const p = findChild(bar, "progressBar")
        verify(p.visible)
        compare(p.value, 0.5)
        verify(!findChild(bar, "syncButton").enabled)
        bar.progress = -1
        verify(p.indeterminate)
    }

    function test_transferTextWhileSyncing() {
        const bar = createTemporaryObject(barComponent, tc, { syncing: true, progress: 0.1,
                                                               transferText: "Received 32 KB of about 352 KB" })
        const t = findChild(bar, "transferLabel")
        verify(t.visible)
        compare(t.text, "Received 32 KB of about 352 KB")
        bar.syncing = false
        verify(!t.visible)
        bar.syncing = true
        bar.transferText = ""
        verify(!t.visible)
    }

    function test_photosOnTheirOwnLine() {
        const bar = createTemporaryObject(barComponent, tc, { pending: 0, photoSummary: "" })
        const l = findChild(bar, "photoLabel")
        verify(!l.visible)
        bar.photoSummary = "2 photos held until Wi-Fi"
        verify(l.visible)
        compare(l.text, "2 photos held until Wi-Fi")
    }

    function test_syncButton() {
        const bar = createTemporaryObject(barComponent, tc, { syncing: false })
        requested.target = bar
        requested.clear()
        mouseClick(findChild(bar, "syncButton"))
        compare(requested.count, 1)
    }

    function test_compact() {
        const bar = createTemporaryObject(barComponent, tc, { compact: true, summary: "Everything sent" })
        compare(findChild(bar, "compactSummary").text, "Everything sent")
    }
}
