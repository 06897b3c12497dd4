#pragma once
// Import: an XLSForm workbook (.xlsx) into a Cunxiao form definition (the JSON
// of docs/forms.md), checked by Cunxiao's own definition reader before it is
// returned. Everything Cunxiao cannot express is a problem naming sheet, row
// and column; all of them are collected and thrown together.
#include "protocol/Json.h"
#include "xlsform/Problem.h"
#include "xlsform/Workbook.h"

#include <string>
#include <vector>

namespace cx::xlsform {

struct ImportOptions {
    std::string id;       // the form id; overrides settings form_id
    std::string fileName; // for messages, and the id when neither --id nor form_id is given
};

struct ImportResult {
    cx::Json definition;            // passes cx::forms::FormDefinition::parse
    std::vector<std::string> notes; // what was assumed or ignored, Chinese / English, one a line
};

// Throws XlsformError (unreadable file, or every problem found in it).
ImportResult importXlsform(const std::string &path, const ImportOptions &options = {});
ImportResult convertWorkbook(const Workbook &workbook, const ImportOptions &options);

} // namespace cx::xlsform
