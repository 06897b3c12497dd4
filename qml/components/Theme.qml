pragma Singleton
import QtQuick

// Theme: the one place for colours, sizes and spacing. Large type and touch
// targets so the app reads outdoors on a cheap phone.
QtObject {
    readonly property color primary: "#1B6B4A"        // deep green: school blackboard
    readonly property color accent: "#E08A00"
    readonly property color background: "#F6F7F5"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#1A1C1A"
    readonly property color muted: "#5A625C"
    readonly property color divider: "#DADFDB"
    readonly property color ok: "#1E7D32"
    readonly property color warn: "#B26A00"
    readonly property color error: "#B3261E"
    readonly property color info: "#1565C0"

    readonly property int fontSmall: 14
    readonly property int fontBody: 16
    readonly property int fontLarge: 19
    readonly property int fontTitle: 22
    readonly property int touch: 48          // minimum touch target
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int radius: 10
    readonly property int wideWidth: 720     // side navigation from this width on

    function stateColor(state) {
        switch (state) {
        case "confirmed": case "accepted": return ok
        case "pending": case "waiting": case "draft": return warn
        case "sent": case "submitted": return info
        case "rejected": case "conflict": case "returned": return error
        }
        return muted
    }

    // A school's state in the bureau's completeness report (BureauCompletenessPage).
    readonly property color onTimeFill: "#CFE8D5"
    readonly property color lateFill: "#F7DDB0"
    readonly property color missingFill: "#F3C7C3"
    readonly property color quietFill: "#E7ECE9"     // nothing to show: a zero count, a period not yet due
    function completenessColor(state) {
        switch (state) {
        case "on_time": return ok
        case "late": return warn
        case "missing": return error
        }
        return muted
    }
    function completenessFill(state) {
        switch (state) {
        case "on_time": return onTimeFill
        case "late": return lateFill
        case "missing": return missingFill
        }
        return quietFill
    }
    readonly property color flaggedFill: "#FFF1D6"    // a value the review checks flagged
    readonly property color selectedFill: "#E4EEE8"   // the selected row of a list

    // Shades of the primary green and its pale tints.
    readonly property color primaryPressed: "#2E8A62"  // a button pressed on the primary bar
    readonly property color onPrimaryText: "#DDEFE6"   // secondary text on the primary background (sign-in, PIN)
    readonly property color navPressed: "#D5E6DC"      // a navigation entry pressed
    readonly property color navCurrent: "#E4F0E9"      // the page being shown, in the navigation
    readonly property color noteFill: "#EAF3EE"        // a form's note (text, not a question)
    readonly property color sideFill: "#F3F6F4"        // one side of a conflict

    // The Basic style's palette (Main.qml) beyond the colours above.
    readonly property color paletteAlternateBase: "#EEF2EF"
    readonly property color paletteButton: "#E2EAE5"
    readonly property color inputBorder: "#BFCBC4"     // text areas' border; the palette's "mid"
    readonly property color paletteMidlight: "#D5DED9"
    readonly property color paletteLight: "#F4F7F5"
    readonly property color placeholderText: "#7C857F"

    readonly property color ink: "#102030"             // a drawn signature
    readonly property color femaleFill: "#F3D9E4"      // a pupil's initial, by gender
    readonly property color maleFill: "#D6E6F5"
    readonly property color scrim: "#80000000"         // a button drawn over a photo
    readonly property color scrimPressed: "#C0000000"
    readonly property color cameraBackground: "#101210"
    readonly property color errorOnDark: "#FFB4A9"     // an error message on the camera's dark background
}
