import QtQuick
import QtTest
import Cunxiao

// Photos and signatures: an image goes through MediaStore.importImage (the
// camera's path: a QImage) into the sync engine, scaled to 1600 px; the
// PhotoPicker shows the engine's reference with its upload state; a reference
// this phone lacks shows a placeholder with its size and a download button;
// an old file name still reads. (The runner opens a throwaway account.)
TestCase {
    id: tc
    name: "Photos"
    width: 400
    height: 600
    visible: true
    when: windowShown

    Rectangle {
        id: scene
        width: 300
        height: 200
        gradient: Gradient {
            GradientStop { position: 0; color: Theme.primary }
            GradientStop { position: 1; color: Theme.accent }
        }
        Text { anchors.centerIn: parent; text: "家访"; font.pixelSize: 48; color: "white" }
    }
    Component { id: pickerComponent; PhotoPicker { width: 380 } }
    Component { id: fieldComponent; FormField { width: 380 } }
    Component { id: signatureComponent; SignatureCanvas { width: 380 } }
    Component { id: imageComponent; Image { } }
    SignalSpy { id: edited; signalName: "edited" }
    SignalSpy { id: downloaded; target: MediaStore; signalName: "downloadFinished" }

    // A picture as the camera hands it over: a QImage, here grabbed from `scene` at `w` x `h`.
    function capture(w, h) {
        let ref = null
        verify(scene.grabToImage(r => ref = MediaStore.importImage(r.image), Qt.size(w, h)))
        tryVerify(() => ref !== null)
        verify(ref.sha256 !== undefined, "importImage failed: " + MediaStore.lastError)
        return ref
    }

    function test_importScalesAndAttaches() {
        const ref = capture(2400, 1600)
        compare(ref.sha256.length, 64)
        compare(ref.type, "image/jpeg")
        verify(ref.size > 1000)
        // The engine holds the file under its hash; it is sent once a saved page uses it.
        const url = MediaStore.url(ref)
        verify(String(url).endsWith("/" + ref.sha256), url)
        compare(MediaStore.status(ref).state, "unsaved")
        // Scaled down to at most 1600 px on the long side.
        const img = createTemporaryObject(imageComponent, tc, { source: url })
        tryCompare(img, "status", Image.Ready)
        compare(img.implicitWidth, 1600)
        compare(img.implicitHeight, 1066)   // 1600 * 1600 / 2400, rounded down
        // The same picture again is the same attachment.
        compare(capture(2400, 1600).sha256, ref.sha256)
    }

    function test_pickerShowsReference() {
        const ref = capture(600, 400)
        const p = createTemporaryObject(pickerComponent, tc, { value: ref })
        const image = findChild(p, "attachmentImage")
        verify(image.visible)
        compare(image.source, MediaStore.url(ref))
        tryCompare(image, "status", Image.Ready)
        verify(!findChild(p, "attachmentPlaceholder").visible)
        const state = findChild(p, "attachmentState")
        verify(state.visible)
        compare(state.text, "Sent once the page is saved")   // no saved page uses it yet
        compare(findChild(p, "choosePhoto").text, "Replace photo")
    }

    function test_otherDevicesPhoto() {
        const ref = { sha256: "ab".repeat(32), size: 358400, type: "image/jpeg" }
        const p = createTemporaryObject(pickerComponent, tc, { value: ref })
        verify(!findChild(p, "attachmentImage").visible)
        verify(findChild(p, "attachmentPlaceholder").visible)
        compare(MediaStore.status(ref).state, "remote")
        const button = findChild(p, "downloadButton")
        verify(button.visible)
        verify(button.text.indexOf("350") >= 0, button.text)
        verify(findChild(p, "placeholderText").text.indexOf("350") >= 0)
    }

    function test_downloadFailureIsShown() {
        // This throwaway account was never enrolled: the download fails, off the GUI thread, and says why.
        const ref = { sha256: "ef".repeat(32), size: 1000, type: "image/jpeg" }
        const p = createTemporaryObject(pickerComponent, tc, { value: ref })
        downloaded.clear()
        mouseClick(findChild(p, "downloadButton"))
        tryCompare(downloaded, "count", 1, 10000)
        compare(downloaded.signalArguments[0][0], ref.sha256)
        compare(downloaded.signalArguments[0][1], false)
        verify(downloaded.signalArguments[0][2] !== "")
        verify(MediaStore.lastError !== "")
        compare(MediaStore.status(ref).state, "remote")
        verify(findChild(p, "downloadButton").visible)   // it can be tried again
    }

    function test_oldFileName() {
        const p = createTemporaryObject(pickerComponent, tc, { value: "0123abcd.jpg" })
        compare(MediaStore.status("0123abcd.jpg").state, "old")
        verify(findChild(p, "attachmentPlaceholder").visible)
        verify(findChild(p, "placeholderText").text !== "")
        compare(MediaStore.reference("0123abcd.jpg"), "0123abcd.jpg")   // nothing to send: kept, not lost
    }

    function test_multipleAddsAndRemoves() {
        const a = capture(320, 200)
        const b = capture(200, 320)
        verify(a.sha256 !== b.sha256)
        const p = createTemporaryObject(pickerComponent, tc, { value: [a], multiple: true })
        compare(findChild(p, "choosePhoto").text, "Add photo")
        edited.target = p
        edited.clear()
        p.add(b)
        compare(edited.count, 1)
        compare(edited.signalArguments[0][0].length, 2)
        compare(edited.signalArguments[0][0][1].sha256, b.sha256)
        p.value = edited.signalArguments[0][0]
        p.removeAt(0)
        compare(edited.count, 2)
        compare(edited.signalArguments[1][0].length, 1)
        compare(edited.signalArguments[1][0][0].sha256, b.sha256)
    }

    function test_formFieldPassesReferences() {
        const ref = capture(300, 200)
        const f = createTemporaryObject(fieldComponent, tc, {
            field: { name: "photos", type: "photo", multiple: true, label: "Photos", relevant: true, required: false, error: "", row: -1, value: [ref] } })
        const image = findChild(f, "attachmentImage")
        verify(image !== null)
        compare(image.source, MediaStore.url(ref))
    }

    function test_signatureKept() {
        const s = createTemporaryObject(signatureComponent, tc)
        edited.target = s
        edited.clear()
        const canvas = findChild(s, "signatureCanvas")
        mousePress(canvas, 20, 20)
        mouseMove(canvas, 120, 60)
        mouseMove(canvas, 200, 30)
        mouseRelease(canvas, 200, 30)
        verify(s.dirty)
        waitForRendering(canvas)
        mouseClick(findChild(s, "keepSignature"))
        compare(findChild(s, "signatureError").text, "")
        compare(edited.count, 1)
        const ref = edited.signalArguments[0][0]
        compare(ref.type, "image/png")
        compare(ref.sha256.length, 64)
        verify(String(MediaStore.url(ref)) !== "")
        s.value = ref
        compare(findChild(s, "signatureState").text, "Sent once the page is saved")
    }
}
