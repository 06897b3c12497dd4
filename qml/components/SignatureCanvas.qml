import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// SignatureCanvas: a signature drawn with a finger or mouse; saved as PNG
// through MediaStore (the answer is the stored file name).
ColumnLayout {
    id: root
    property string value          // stored file name, or empty
    property bool dirty: false
    signal edited(string value)
    spacing: 6
    Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: 160
        color: "white"
        border.color: Theme.divider
        radius: 6
        Image {
            anchors.fill: parent
            visible: root.value !== "" && !root.dirty
            source: root.value !== "" ? MediaStore.url(root.value) : ""
            fillMode: Image.PreserveAspectFit
        }
        Canvas {
            id: canvas
            objectName: "signatureCanvas"
            anchors.fill: parent
            property var strokes: []
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.lineWidth = 3
                ctx.lineCap = "round"
                ctx.strokeStyle = "#102030"
                for (const s of strokes) {
                    ctx.beginPath()
                    for (let i = 0; i < s.length; ++i)
                        i === 0 ? ctx.moveTo(s[i].x, s[i].y) : ctx.lineTo(s[i].x, s[i].y)
                    ctx.stroke()
                }
            }
            MouseArea {
                anchors.fill: parent
                onPressed: mouse => { canvas.strokes.push([{ x: mouse.x, y: mouse.y }]); root.dirty = true }
                onPositionChanged: mouse => { canvas.strokes[canvas.strokes.length - 1].push({ x: mouse.x, y: mouse.y }); canvas.requestPaint() }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: root.value === "" && !root.dirty
            //: Signature box placeholder.
            text: qsTr("Sign here")
            color: Theme.muted
        }
    }
    RowLayout {
        Button {
            //: Signature box: erase what was drawn.
            text: qsTr("Clear")
            implicitHeight: Theme.touch
            onClicked: { canvas.strokes = []; canvas.requestPaint(); root.dirty = false; root.edited("") }
        }
        Button {
            //: Signature box: keep the drawn signature.
            text: qsTr("Keep signature")
            highlighted: true
            enabled: root.dirty
            implicitHeight: Theme.touch
            onClicked: {
                const name = MediaStore.saveSignature(canvas.toDataURL("image/png"))
                root.dirty = false
                root.edited(name)
            }
        }
    }
}
