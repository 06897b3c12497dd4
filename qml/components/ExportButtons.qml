import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cunxiao

// ExportButtons: a page's tables to Excel (.xlsx) or CSV (TableExport, the
// same writer as the server's export), saved in the documents folder, and a
// line that says where the file went or why it did not.
ColumnLayout {
    id: root
    property string baseName          // the file's name before the date
    property bool ready: true
    // The page answers with its tables: show(TableExport.save(baseName, model.tables(), format)).
    signal wanted(string format)
    property string saved: ""
    property string failed: ""
    spacing: 4

    function show(path) {
        root.saved = path
        root.failed = path === "" ? TableExport.lastError : ""
    }

    Flow {
        spacing: 8
        Layout.fillWidth: true
        Button {
            objectName: "exportXlsx"
            //: Export button: save the page's tables as an Excel workbook.
            text: qsTr("Export Excel")
            enabled: root.ready
            onClicked: root.wanted("xlsx")
        }
        Button {
            objectName: "exportCsv"
            //: Export button: save the page's tables as a CSV file.
            text: qsTr("Export CSV")
            flat: true
            enabled: root.ready
            onClicked: root.wanted("csv")
        }
    }
    Label {
        visible: root.saved !== ""
        //: Export: where the file was saved. %1 is the file's path.
        text: qsTr("Saved to %1").arg(root.saved)
        color: Theme.ok
        wrapMode: Text.WrapAnywhere
        Layout.fillWidth: true
    }
    Label {
        visible: root.failed !== ""
        //: Export: the file could not be written. %1 says why.
        text: qsTr("Not saved: %1").arg(root.failed)
        color: Theme.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
