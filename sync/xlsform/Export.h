#pragma once
// Export: a Cunxiao form definition written as an XLSForm workbook (.xlsx,
// with libxlsxwriter): survey, choices and settings sheets that Import reads
// back into the same definition. Cunxiao properties XLSForm has no column for
// use the extra columns documented in docs/forms.md (roles, schools, meta::KEY,
// description, min_rows, max_rows, multiple).
#include "protocol/Json.h"

#include <string>

namespace cx::xlsform {

// Throws FormDefinitionError when the definition is not valid, XlsformError
// when something in it has no XLSForm spelling or the file cannot be written.
void exportXlsform(const cx::Json &definition, const std::string &path);

} // namespace cx::xlsform
