#pragma once
// TableWriter: rows of cells into a CSV stream or the sheets of an .xlsx file,
// the one way Cunxiao writes spreadsheets (the server's `export`, the bureau's
// app). Cells are JSON values: null (empty), numbers, booleans, strings.
// Neither format ever carries a formula: a CSV text starting with = + - @ tab
// or CR gets a leading apostrophe, and an XLSX cell is a string or a number.
#include "protocol/Json.h"

#include <iosfwd>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace cx::tables {

// Excel's limits: 1,048,576 rows a sheet, 32,767 characters a cell.
constexpr size_t kMaxSheetRows = 1048576;
constexpr size_t kMaxCellBytes = 32000;

// A date-time cell from an answer of a datetime field ("2026-12-07T09:30:00+08:00",
// docs/forms.md): XLSX writes Excel's date-time number of the local date and time
// as written, formatted "2026-12-07 09:30:00 +08:00" (the offset in the number
// format, so nothing is lost and the column sorts and filters as dates); CSV the
// text as stored. Text that is not such a date-time stays a text cell.
Json dateTimeCell(const std::string &text);

// The CSV cell rule (RFC 4180 quoting, CSV injection neutralised).
std::string csvCell(const Json &v);
// Cuts a UTF-8 string to at most n bytes, on a character boundary.
std::string cutUtf8(std::string s, size_t n);

// One table: a CSV stream or an XLSX sheet.
class Table
{
public:
    virtual ~Table() = default;
    // A header row is bold (the first) or grey (a second, e.g. English labels)
    // in XLSX and freezes the panes above the data.
    virtual void row(const std::vector<Json> &cells, bool header = false) = 0;
};

class CsvTable : public Table
{
public:
    explicit CsvTable(std::ostream &out) : m_out(out) {}
    void row(const std::vector<Json> &cells, bool header = false) override;

private:
    std::ostream &m_out;
};

// An .xlsx written with constant memory: each sheet's rows go to a temporary
// file as they are written (in order, sheet by sheet or interleaved). The file
// is complete only after close(); destroyed before, the partial file is removed.
class XlsxBook
{
public:
    explicit XlsxBook(const std::string &path, const std::string &generator = "cunxiao");
    ~XlsxBook();
    XlsxBook(const XlsxBook &) = delete;
    XlsxBook &operator=(const XlsxBook &) = delete;

    class Sheet : public Table
    {
    public:
        Sheet(XlsxBook &book, lxw_worksheet *ws) : m_book(book), m_ws(ws) {}
        void row(const std::vector<Json> &cells, bool header = false) override;

    private:
        XlsxBook &m_book;
        lxw_worksheet *m_ws;
        size_t m_row = 0;
        int m_headers = 0;
    };

    // A sheet named `name` made valid (at most 31 characters, no []:*?/\) and
    // unique; `fallback` (ASCII) when nothing is left of it.
    Sheet &addSheet(const std::string &name, const std::string &fallback);
    void close();

private:
    std::string m_path;
    lxw_workbook *m_wb = nullptr;
    lxw_format *m_bold = nullptr, *m_grey = nullptr;
    std::map<int, lxw_format *> m_dateTimes; // by offset in minutes
    lxw_format *dateTimeFormat(int offsetMinutes);
    std::set<std::string> m_names;
    std::vector<std::unique_ptr<Sheet>> m_sheets;
};

// Whole tables at once, for reports that fit in memory (the bureau's pages).
struct NamedTable {
    std::string name;                    // the sheet's name (XLSX)
    std::string fallback;                // an ASCII name if `name` cannot be one
    std::vector<std::vector<Json>> rows; // the first `headerRows` are headers
    int headerRows = 1;
};

enum class Format { Csv, Xlsx };

// Writes `tables` to `path` through a temporary file beside it, renamed into
// place when complete (a full disk leaves no half file). XLSX: one sheet each;
// CSV: UTF-8 with a BOM (so Excel reads the Chinese), the tables one after
// another with an empty line between. Throws cx::Error(Invalid|Storage).
void writeTables(const std::string &path, const std::vector<NamedTable> &tables, Format format,
                 const std::string &generator = "cunxiao");

} // namespace cx::tables
