// Table: header parsing (key, language) and cell lookup by column key.
#include "xlsform/Table.h"

#include "xlsform/Languages.h"

namespace cx::xlsform {

namespace {

bool isComment(const Row &r) { return !r.cells.empty() && r.cells.begin()->second.text.rfind("#", 0) == 0; }

// Prefixes whose "::" is part of the key, not a language.
bool compoundKey(const std::string &base)
{
    return base == "media" || base == "bind" || base == "body" || base == "instance" || base == "meta";
}

Column parseHeader(int index, const std::string &header)
{
    Column c;
    c.index = index;
    c.header = header;
    std::string base = header, lang;
    auto sep = header.find("::");
    size_t sepLen = 2;
    if (sep == std::string::npos) {
        sep = header.find(':'); // old spelling: label:English
        sepLen = 1;
    }
    if (sep != std::string::npos) {
        base = header.substr(0, sep);
        lang = header.substr(sep + sepLen);
        std::string lb = lower(base);
        if (compoundKey(lb)) {
            auto second = lang.find("::");
            std::string sub = second == std::string::npos ? lang : lang.substr(0, second);
            base = lb + "::" + lower(sub);
            lang = second == std::string::npos ? std::string() : lang.substr(second + 2);
            if (lb == "meta") { // settings meta::KEY keeps the key's spelling
                base = "meta::" + sub;
                lang.clear();
            }
        }
    }
    c.key = base.rfind("meta::", 0) == 0 ? base : lower(base);
    for (char &ch : c.key)
        if (ch == ' ')
            ch = '_';
    while (!c.key.empty() && c.key.back() == '_')
        c.key.pop_back();
    if (!lang.empty()) {
        c.languageName = lang;
        c.language = languageCode(lang);
        if (c.language.empty())
            c.language = "?";
    }
    return c;
}

} // namespace

Table::Table(const Sheet &sheet, std::string name) : m_sheet(&sheet), m_name(std::move(name))
{
    size_t i = 0;
    while (i < sheet.rows.size() && isComment(sheet.rows[i]))
        ++i;
    if (i == sheet.rows.size())
        return;
    m_headerRow = sheet.rows[i].number;
    for (const auto &[col, cell] : sheet.rows[i].cells)
        m_columns.push_back(parseHeader(col, cell.text));
    for (++i; i < sheet.rows.size(); ++i)
        if (!isComment(sheet.rows[i]))
            m_rows.push_back(&sheet.rows[i]);
}

const Column *Table::find(const std::string &key, const std::string &language) const
{
    for (const auto &c : m_columns)
        if (c.key == key && c.language == language)
            return &c;
    return nullptr;
}

bool Table::has(const std::string &key) const
{
    for (const auto &c : m_columns)
        if (c.key == key)
            return true;
    return false;
}

const Cell *Table::cell(const Row &row, const std::string &key) const
{
    const Column *c = find(key);
    if (!c)
        for (const auto &col : m_columns)
            if (col.key == key && row.cell(col.index)) {
                c = &col;
                break;
            }
    return c ? row.cell(c->index) : nullptr;
}

std::string Table::text(const Row &row, const std::string &key) const
{
    const Cell *c = cell(row, key);
    return c ? c->text : std::string();
}

std::string Table::header(const std::string &key) const
{
    for (const auto &c : m_columns)
        if (c.key == key)
            return c.header;
    return key;
}

std::map<std::string, std::string> Table::texts(const Row &row, const std::string &key, const std::string &plainLanguage) const
{
    std::map<std::string, std::string> out;
    for (const auto &c : m_columns) {
        if (c.key != key || c.language == "?")
            continue;
        const Cell *cell = row.cell(c.index);
        if (!cell)
            continue;
        std::string lang = c.language.empty() ? plainLanguage : c.language;
        if (!out.count(lang) || !c.language.empty()) // an explicit language column wins
            out[lang] = cell->text;
    }
    return out;
}

} // namespace cx::xlsform
