import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SignatureCanvas: a signature drawn with a finger or mouse, kept as a PNG
// through MediaStore, which gives it to the sync engine; the answer is the
// engine's reference {sha256, size, type} (an old draft may hold a file name).
ColumnLayout {
    id: root
    property var value             // a reference, an old file name, or empty
    property bool dirty: false
    readonly property bool hasValue: root.value !== undefined && root.value !== null && root.value !== ""
    signal edited(var value)
    spacing: 6
    Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: 160
        color: "white"
        border.color: Theme.divider
        radius: 6
        AttachmentPreview {
            id: preview
            anchors.fill: parent
            visible: root.hasValue && !root.dirty
            reference: root.hasValue ? root.value : null
            previewHeight: parent.height
            framed: false
            showState: false
        }
        Canvas {
            id: canvas
            objectName: "signatureCanvas"
            anchors.fill: parent
            enabled: root.enabled
            property var strokes: []
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.lineWidth = 3
                ctx.lineCap = "round"
                ctx.strokeStyle = Theme.ink
                for (const s of strokes) {
                    ctx.beginPath()
                    for (let i = 0; i < s.length; ++i)
                        i === 0 ? ctx.moveTo(s[i].x, s[i].y) : ctx.lineTo(s[i].x, s[i].y)
                    ctx.stroke()
                }
            }
            MouseArea {
                anchors.fill: parent
                // A signature from elsewhere that is not here yet: let its download button take the click.
                enabled: root.dirty || !root.hasValue || preview.shown
                onPressed: mouse => { canvas.strokes.push([{ x: mouse.x, y: mouse.y }]); root.dirty = true; canvas.requestPaint() }
                onPositionChanged: mouse => { canvas.strokes[canvas.strokes.length - 1].push({ x: mouse.x, y: mouse.y }); canvas.requestPaint() }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: !root.hasValue && !root.dirty
            //: Signature box placeholder.
            text: qsTr("Sign here")
            color: Theme.muted
        }
    }
    Label {
        objectName: "signatureState"
        visible: root.hasValue && !root.dirty && preview.shown && text !== ""   // not here: the placeholder says it
        text: preview.status.text || ""
        font.pixelSize: Theme.fontSmall
        color: preview.status.state === "sent" ? Theme.ok : preview.status.state === "refused" ? Theme.error : Theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        id: failed
        objectName: "signatureError"
        visible: text !== ""
        color: Theme.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: root.enabled
        Button {
            //: Signature box: erase what was drawn.
            text: qsTr("Clear")
            implicitHeight: Theme.touch
            onClicked: { canvas.strokes = []; canvas.requestPaint(); root.dirty = false; root.edited("") }
        }
        Button {
            objectName: "keepSignature"
            //: Signature box: keep the drawn signature.
            text: qsTr("Keep signature")
            highlighted: true
            enabled: root.dirty
            implicitHeight: Theme.touch
            onClicked: {
                const ref = MediaStore.saveSignature(canvas.strokes, canvas.width, canvas.height)
                if (ref.sha256 === undefined) {
                    failed.text = MediaStore.lastError
                    return
                }
                failed.text = ""
                canvas.strokes = []
                canvas.requestPaint()
                root.dirty = false
                root.edited(ref)
            }
        }
    }
}
