#pragma once
// Workbook: the cells of an .xlsx file as text, sheet by sheet, read with
// libzip and expat (an .xlsx is a zip of XML parts). Shared and inline strings,
// numbers, dates stored as numbers and booleans all become the text a person
// sees in Excel; empty rows are left out.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cx::xlsform {

struct Cell {
    std::string text;   // trimmed; numbers as "12" or "2.5", dates as "2025-09-01", booleans "TRUE"/"FALSE"
    bool error = false; // an Excel error value such as #REF! (text holds it)
};

struct Row {
    int number = 0;            // the Excel row number, 1 for the first
    std::map<int, Cell> cells; // by column, 0 for A; only non-empty cells
    const Cell *cell(int column) const;
};

struct Sheet {
    std::string name;      // as written in the workbook
    std::vector<Row> rows; // non-empty rows, in order
};

struct Workbook {
    std::vector<Sheet> sheets; // in the workbook's order
    // The sheet whose name equals `name` ignoring ASCII case, or null.
    const Sheet *find(std::string_view name) const;
};

// Reads an .xlsx file. Throws XlsformError naming the file when it cannot be
// read, is an old binary .xls ("save it as .xlsx"), is not a zip or is corrupt.
Workbook readWorkbook(const std::string &path);

// "A", "B", ..., "Z", "AA": the Excel letter of a 0-based column.
std::string columnLetter(int column);

// ASCII lower case, for names that Excel users write in any case.
std::string lower(std::string_view s);

} // namespace cx::xlsform
