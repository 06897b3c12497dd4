#pragma once
// Table: one XLSForm sheet read as a table: the first row that is not a
// comment names the columns ("label::English (en)" is key label, language en),
// the rows after it are data; rows whose first cell starts with # are comments.
#include "xlsform/Workbook.h"

#include <map>
#include <string>
#include <vector>

namespace cx::xlsform {

struct Column {
    int index = 0;            // 0 for A
    std::string header;       // as written: "label::English (en)"
    std::string key;          // lower case, spaces as _: "label", "list_name", "media::image"
    std::string language;     // "en"; empty when the column has no language; "?" when unknown
    std::string languageName; // as written: "English (en)"
};

class Table
{
public:
    Table() = default;
    Table(const Sheet &sheet, std::string name);

    bool present() const { return m_sheet != nullptr; }
    const std::string &name() const { return m_name; } // "survey", as the messages name it
    const std::vector<const Row *> &rows() const { return m_rows; }
    const std::vector<Column> &columns() const { return m_columns; }
    int headerRow() const { return m_headerRow; }

    const Column *find(const std::string &key, const std::string &language = {}) const;
    bool has(const std::string &key) const;
    // The cell of a column without language (or, failing that, of any language).
    const Cell *cell(const Row &row, const std::string &key) const;
    std::string text(const Row &row, const std::string &key) const;
    // The header of the first column with this key, as written (the key if none).
    std::string header(const std::string &key) const;
    // Every language column of `key` in this row: code -> text; a column
    // without language counts as `plainLanguage`.
    std::map<std::string, std::string> texts(const Row &row, const std::string &key, const std::string &plainLanguage) const;

private:
    const Sheet *m_sheet = nullptr;
    std::string m_name;
    int m_headerRow = 0;
    std::vector<Column> m_columns;
    std::vector<const Row *> m_rows;
};

} // namespace cx::xlsform
