#include "tables/TableWriter.h"

#include "forms/Value.h"
#include "protocol/Errors.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

namespace cx::tables {

namespace {

const char *kDateTimeKey = "datetime";

// The text of a dateTimeCell, or null when `v` is not one.
const std::string *dateTimeText(const Json &v)
{
    if (!v.is_object() || v.size() != 1 || !v.contains(kDateTimeKey) || !v[kDateTimeKey].is_string())
        return nullptr;
    return &v[kDateTimeKey].get_ref<const std::string &>();
}

} // namespace

Json dateTimeCell(const std::string &text)
{
    if (!forms::parseDateTime(text))
        return text;
    return Json{{kDateTimeKey, text}};
}

std::string csvCell(const Json &v)
{
    std::string s;
    if (v.is_null())
        return s;
    if (const std::string *t = dateTimeText(v))
        return csvCell(*t);
    s = v.is_string() ? v.get<std::string>() : v.dump();
    // A text a spreadsheet would run as a formula (= + - @, tab, CR) gets a
    // leading apostrophe (OWASP "CSV injection"); numbers are left alone.
    if (v.is_string() && !s.empty() && std::string("=+-@\t\r").find(s[0]) != std::string::npos)
        s.insert(s.begin(), '\'');
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char ch : s) {
        if (ch == '"')
            q += '"';
        q += ch;
    }
    return q + "\"";
}

std::string cutUtf8(std::string s, size_t n)
{
    if (s.size() <= n)
        return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    s.resize(n);
    return s;
}

void CsvTable::row(const std::vector<Json> &cells, bool)
{
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i)
            m_out << ',';
        m_out << csvCell(cells[i]);
    }
    m_out << "\r\n";
}

XlsxBook::XlsxBook(const std::string &path, const std::string &generator) : m_path(path)
{
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_TRUE;
    opt.use_zip64 = LXW_TRUE;
    m_wb = workbook_new_opt(path.c_str(), &opt);
    if (!m_wb)
        throw Error(ErrorKind::Invalid, "cannot create " + path);
    m_bold = workbook_add_format(m_wb);
    format_set_bold(m_bold);
    m_grey = workbook_add_format(m_wb);
    format_set_font_color(m_grey, 0x666666);
    workbook_set_custom_property_string(m_wb, "generator", generator.c_str());
}

XlsxBook::~XlsxBook()
{
    if (m_wb) {
        workbook_close(m_wb); // the temporary files go; the partial file is removed below
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }
}

void XlsxBook::Sheet::row(const std::vector<Json> &cells, bool header)
{
    if (m_row >= kMaxSheetRows)
        throw Error(ErrorKind::Invalid, "more rows than an Excel sheet holds (1,048,576): export one school "
                                        "at a time (--school) or as csv");
    lxw_format *fmt = header ? (m_headers == 0 ? m_book.m_bold : m_book.m_grey) : nullptr;
    const auto r = lxw_row_t(m_row);
    for (size_t c = 0; c < cells.size(); ++c) {
        const Json &v = cells[c];
        lxw_error e = LXW_NO_ERROR;
        const auto col = lxw_col_t(c);
        if (v.is_null())
            continue;
        const std::string *dt = dateTimeText(v);
        const auto when = dt ? forms::parseDateTime(*dt) : std::nullopt;
        if (v.is_number())
            e = worksheet_write_number(m_ws, r, col, v.get<double>(), fmt);
        else if (when) // Excel counts days from 1899-12-30 (after February 1900)
            e = worksheet_write_number(m_ws, r, col, double(when->days + 25569) + when->seconds / 86400.0,
                                       m_book.dateTimeFormat(when->offsetMinutes));
        else if (v.is_boolean())
            e = worksheet_write_boolean(m_ws, r, col, v.get<bool>() ? 1 : 0, fmt);
        else {
            // Always a string cell (never worksheet_write_formula), so "=1+1"
            // is shown as written and never runs.
            std::string s = cutUtf8(v.is_string() ? v.get<std::string>() : v.dump(), kMaxCellBytes);
            if (s.empty())
                continue;
            e = worksheet_write_string(m_ws, r, col, s.c_str(), fmt);
        }
        if (e != LXW_NO_ERROR)
            throw Error(ErrorKind::Invalid, std::string("writing the workbook: ") + lxw_strerror(e));
    }
    if (header) {
        ++m_headers;
        worksheet_freeze_panes(m_ws, lxw_row_t(m_row + 1), 0);
    }
    ++m_row;
}

lxw_format *XlsxBook::dateTimeFormat(int offsetMinutes)
{
    lxw_format *&f = m_dateTimes[offsetMinutes];
    if (!f) {
        const int a = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
        char code[64];
        std::snprintf(code, sizeof code, "yyyy-mm-dd hh:mm:ss \"%c%02d:%02d\"", offsetMinutes < 0 ? '-' : '+', a / 60, a % 60);
        f = workbook_add_format(m_wb);
        format_set_num_format(f, code);
    }
    return f;
}

XlsxBook::Sheet &XlsxBook::addSheet(const std::string &name, const std::string &fallback)
{
    std::string n;
    size_t chars = 0;
    for (size_t i = 0; i < name.size() && chars < 31;) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        if (std::string("[]:*?/\\").find(char(c)) == std::string::npos && c >= 0x20)
            n += name.substr(i, len), ++chars;
        i += len;
    }
    while (!n.empty() && n.front() == '\'')
        n.erase(n.begin());
    while (!n.empty() && n.back() == '\'')
        n.pop_back();
    if (n.empty() || m_names.count(n) || workbook_validate_sheet_name(m_wb, n.c_str()) != LXW_NO_ERROR)
        n = fallback.substr(0, 28);
    std::string unique = n;
    for (int i = 2; m_names.count(unique); ++i)
        unique = n.substr(0, 28) + "_" + std::to_string(i);
    m_names.insert(unique);
    lxw_worksheet *ws = workbook_add_worksheet(m_wb, unique.c_str());
    if (!ws)
        throw Error(ErrorKind::Invalid, "cannot add the sheet \"" + unique + "\" to " + m_path);
    m_sheets.push_back(std::make_unique<Sheet>(*this, ws));
    return *m_sheets.back();
}

void XlsxBook::close()
{
    lxw_error e = workbook_close(m_wb);
    m_wb = nullptr;
    if (e != LXW_NO_ERROR)
        throw Error(ErrorKind::Invalid, "writing " + m_path + ": " + lxw_strerror(e));
}

void writeTables(const std::string &path, const std::vector<NamedTable> &tables, Format format, const std::string &generator)
{
    const std::string part = path + ".part";
    try {
        if (format == Format::Xlsx) {
            XlsxBook book(part, generator);
            for (const auto &t : tables) {
                Table &sheet = book.addSheet(t.name, t.fallback.empty() ? "Sheet" : t.fallback);
                for (size_t i = 0; i < t.rows.size(); ++i)
                    sheet.row(t.rows[i], int(i) < t.headerRows);
            }
            book.close();
        } else {
            std::ofstream out(part, std::ios::binary | std::ios::trunc);
            if (!out)
                throw Error(ErrorKind::Storage, "cannot write " + part);
            out << "\xEF\xBB\xBF";
            CsvTable csv(out);
            for (size_t k = 0; k < tables.size(); ++k) {
                if (k)
                    out << "\r\n";
                for (size_t i = 0; i < tables[k].rows.size(); ++i)
                    csv.row(tables[k].rows[i], int(i) < tables[k].headerRows);
            }
            out.flush();
            if (!out)
                throw Error(ErrorKind::Storage, "cannot write " + part + " (disk full?)");
        }
        std::error_code ec;
        std::filesystem::rename(part, path, ec);
        if (ec)
            throw Error(ErrorKind::Storage, "cannot write " + path + ": " + ec.message());
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(part, ec);
        throw;
    }
}

} // namespace cx::tables
