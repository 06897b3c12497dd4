import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtPositioning
import Cunxiao

// LocationField: a position from Qt Positioning where there is a source and a
// fix; otherwise it says so and takes latitude and longitude typed by hand.
// The value is {lat, lon} in decimal degrees (the forms engine's geopoint).
ColumnLayout {
    id: root
    property var value: null
    signal edited(var value)
    spacing: 6
    readonly property bool hasSource: source.valid
    readonly property bool hasValue: value !== null && value !== undefined && value.lat !== undefined

    PositionSource {
        id: source
        active: false
        updateInterval: 2000
        onPositionChanged: {
            const c = position.coordinate
            if (c.isValid) {
                active = false
                root.edited({ lat: Number(c.latitude.toFixed(6)), lon: Number(c.longitude.toFixed(6)),
                             accuracy: isNaN(position.horizontalAccuracy) ? 0 : Math.round(position.horizontalAccuracy) })
            }
        }
    }
    Label {
        text: root.hasSource
              ? (source.active ? qsTr("Looking for the position…")
                               //: Location field: a position source exists.
                               : qsTr("Tap to record where you are, or type the position."))
              //: Location field: the device has no GPS / positioning.
              : qsTr("No position source on this device: type latitude and longitude.")
        color: Theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Button {
        visible: root.hasSource
        //: Location field: start reading the position.
        text: qsTr("Record position")
        implicitHeight: Theme.touch
        enabled: !source.active
        onClicked: source.active = true
    }
    RowLayout {
        TextField {
            id: lat
            objectName: "latitude"
            text: root.hasValue ? String(root.value.lat) : ""
            //: Placeholder: latitude in degrees.
            placeholderText: qsTr("Latitude")
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            implicitHeight: Theme.touch + 4
            Layout.fillWidth: true
            onEditingFinished: root.commit()
        }
        TextField {
            id: lon
            objectName: "longitude"
            text: root.hasValue ? String(root.value.lon) : ""
            //: Placeholder: longitude in degrees.
            placeholderText: qsTr("Longitude")
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            implicitHeight: Theme.touch + 4
            Layout.fillWidth: true
            onEditingFinished: root.commit()
        }
    }
    // Typed by hand: numbers when they parse, else the text (the form says what is wrong).
    function commit() {
        if (lat.text === "" && lon.text === "") { if (hasValue) edited(null); return }
        const la = Number(lat.text.trim()), lo = Number(lon.text.trim())
        const v = { lat: isNaN(la) ? lat.text : la, lon: isNaN(lo) ? lon.text : lo }
        if (!hasValue || v.lat !== value.lat || v.lon !== value.lon) edited(v)
    }
}
