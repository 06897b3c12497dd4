// Fuzz target: XLSForm import (sync/xlsform), which the bureau runs on any
// workbook it is sent. Two kinds of input:
// - an .xlsx file (starts with "PK", a zip): the whole reader (libzip, expat,
//   shared strings, cell encodings) and the converter;
// - anything else: sheets as text, so the fuzzer reaches the converter and the
//   expression translator without first having to build a valid zip. A line
//   "#NAME" starts the sheet NAME, cells are separated by tabs, one row a line.
// Refusals must be cx::Error (XlsformError); nothing may crash.
#include "protocol/Errors.h"
#include "xlsform/Import.h"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

cx::xlsform::Workbook sheetsFromText(std::string_view text)
{
    cx::xlsform::Workbook wb;
    int rowNumber = 0;
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (!line.empty() && line.front() == '#') {
            wb.sheets.push_back({std::string(line.substr(1)), {}});
            rowNumber = 0;
            continue;
        }
        if (wb.sheets.empty())
            wb.sheets.push_back({"survey", {}});
        cx::xlsform::Row row;
        row.number = ++rowNumber;
        int column = 0;
        while (true) {
            const size_t tab = line.find('\t');
            std::string_view cell = line.substr(0, tab);
            if (!cell.empty())
                row.cells[column].text = std::string(cell);
            if (tab == std::string_view::npos)
                break;
            line = line.substr(tab + 1);
            ++column;
        }
        if (!row.cells.empty())
            wb.sheets.back().rows.push_back(std::move(row));
    }
    return wb;
}

// One file per fuzzing process, rewritten for each input.
const std::string &scratchPath()
{
    static const std::string path = [] {
        char tmpl[] = "/tmp/cx-fuzz-xlsform-XXXXXX";
        const int fd = mkstemp(tmpl);
        if (fd >= 0)
            close(fd);
        return std::string(tmpl);
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    try {
        if (bytes.substr(0, 2) == "PK") {
            FILE *f = std::fopen(scratchPath().c_str(), "wb");
            if (!f)
                return 0;
            std::fwrite(bytes.data(), 1, bytes.size(), f);
            std::fclose(f);
            cx::xlsform::importXlsform(scratchPath(), {"", "fuzz.xlsx"});
        } else {
            cx::xlsform::convertWorkbook(sheetsFromText(bytes), {"", "fuzz.xlsx"});
        }
    } catch (const cx::Error &) {
    }
    return 0;
}
