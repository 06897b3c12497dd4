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
}
