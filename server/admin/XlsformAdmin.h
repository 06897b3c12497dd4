#pragma once
// The admin commands import-xlsform and export-xlsform: an XLSForm workbook
// converted (sync/xlsform) and published through publishForm, and a published
// form written back as XLSForm.
#include "storage/Store.h"

#include <iosfwd>
#include <string>

namespace cx::server {

struct XlsformImport {
    std::string file;     // FILE.xlsx
    std::string id;       // --id (empty: settings form_id, else the file name)
    std::string outFile;  // --out FORM.json (empty: none)
    bool publish = false; // --publish
};

// Converts the workbook (throws XlsformError listing every problem), prints what
// was assumed to `notes`, writes the definition to outFile, publishes it, and
// without --out and --publish prints the JSON to `out`. Returns the published
// version, or 0.
int64_t importXlsformCommand(Store &store, const XlsformImport &args, std::ostream &out, std::ostream &notes, int64_t nowMs);

// Writes the published form FORM_ID (its current version) as an XLSForm workbook.
void exportXlsformCommand(Store &store, const std::string &formId, const std::string &outFile);

} // namespace cx::server
