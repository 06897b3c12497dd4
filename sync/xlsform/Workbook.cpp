// Workbook: opens the zip (libzip), finds the sheets through workbook.xml and
// its relationships, and turns every cell into text (shared strings, inline
// strings, numbers, dates by their number format, booleans, errors).
#include "xlsform/Workbook.h"

#include "xlsform/CellText.h"
#include "xlsform/Problem.h"
#include "xlsform/XmlTree.h"

#include <zip.h>

#include <algorithm>
#include <fstream>
#include <memory>

namespace cx::xlsform {

namespace {

constexpr zip_uint64_t kMaxPartBytes = 128ull * 1024 * 1024;

[[noreturn]] void fail(const std::string &path, std::string zh, std::string en)
{
    throw XlsformError(path, {fileProblem(std::move(zh), std::move(en))});
}

struct Zip {
    zip_t *z = nullptr;
    ~Zip()
    {
        if (z)
            zip_discard(z);
    }
};

// The part's bytes, or nullopt-like false when the archive has no such part.
bool readPart(zip_t *z, const std::string &path, const std::string &name, std::string &out)
{
    zip_int64_t index = zip_name_locate(z, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0)
        return false;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, zip_uint64_t(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        fail(path, "文件已损坏（无法读取其中的 " + name + "）", "the file is corrupt (cannot read its part " + name + ")");
    if (st.size > kMaxPartBytes)
        fail(path, "文件中的 " + name + " 过大（超过 128 MB）", "its part " + name + " is too large (over 128 MB)");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> f(zip_fopen_index(z, zip_uint64_t(index), 0), zip_fclose);
    if (!f)
        fail(path, "文件已损坏（无法解压 " + name + "）",
             std::string("the file is corrupt (cannot unpack ") + name + ": " + zip_strerror(z) + ")");
    out.resize(size_t(st.size));
    zip_int64_t n = st.size ? zip_fread(f.get(), out.data(), st.size) : 0;
    if (n < 0 || zip_uint64_t(n) != st.size)
        fail(path, "文件已损坏（" + name + " 解压失败）", "the file is corrupt (unpacking " + name + " failed)");
    return true;
}

XmlNode parsePart(const std::string &path, const std::string &name, const std::string &bytes)
{
    XmlNode root;
    std::string error;
    if (!parseXml(bytes, root, error))
        fail(path, "文件已损坏（" + name + " 不是有效的 XML：" + error + "）",
             "the file is corrupt (" + name + " is not valid XML: " + error + ")");
    return root;
}

// The text of a shared string <si> or inline string <is>: its <t>, or the <t> of
// each rich-text run <r>; phonetic guides (<rPh>) are not part of the text.
std::string stringText(const XmlNode &n)
{
    std::string s;
    for (const auto &c : n.children) {
        if (c.name == "t")
            s += c.text;
        else if (c.name == "r")
            for (const auto &t : c.children)
                if (t.name == "t")
                    s += t.text;
    }
    return s;
}

// "BC12" -> column 54 (0-based); -1 when there are no letters.
int columnOf(const std::string &ref)
{
    int col = 0;
    size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
        col = col * 26 + (ref[i] - 'A' + 1);
    return i == 0 || col > 16384 ? -1 : col - 1;
}

std::string resolveTarget(const std::string &target)
{
    if (!target.empty() && target[0] == '/')
        return target.substr(1);
    std::string t = target;
    std::string base = "xl/";
    while (t.rfind("../", 0) == 0) {
        t = t.substr(3);
        base.clear();
    }
    return base + t;
}

std::string trim(const std::string &s)
{
    auto ws = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    size_t b = 0, e = s.size();
    while (b < e && ws(s[b]))
        ++b;
    while (e > b && ws(s[e - 1]))
        --e;
    // A non-breaking space (U+00A0) pasted from a web page counts as space too.
    while (e >= b + 2 && s.compare(e - 2, 2, "\xC2\xA0") == 0)
        e -= 2;
    while (b + 2 <= e && s.compare(b, 2, "\xC2\xA0") == 0)
        b += 2;
    return s.substr(b, e - b);
}

Sheet readSheet(const XmlNode &root, const std::string &name, const std::vector<std::string> &shared,
                const NumberFormats &formats)
{
    Sheet sheet;
    sheet.name = name;
    const XmlNode *data = root.child("sheetData");
    if (!data)
        return sheet;
    int lastRow = 0;
    for (const auto &r : data->children) {
        if (r.name != "row")
            continue;
        Row row;
        const std::string *rn = r.attribute("r");
        row.number = rn ? std::atoi(rn->c_str()) : lastRow + 1;
        if (row.number <= lastRow)
            row.number = lastRow + 1;
        lastRow = row.number;
        int lastCol = -1;
        for (const auto &c : r.children) {
            if (c.name != "c")
                continue;
            const std::string *ref = c.attribute("r");
            int col = ref ? columnOf(*ref) : lastCol + 1;
            if (col < 0)
                col = lastCol + 1;
            lastCol = col;
            const std::string *t = c.attribute("t");
            const std::string *s = c.attribute("s");
            std::string type = t ? *t : "n";
            const XmlNode *v = c.child("v");
            Cell cell;
            if (type == "s") {
                size_t i = v ? size_t(std::strtoul(v->text.c_str(), nullptr, 10)) : shared.size();
                cell.text = i < shared.size() ? shared[i] : std::string();
            } else if (type == "inlineStr") {
                const XmlNode *is = c.child("is");
                cell.text = is ? stringText(*is) : std::string();
            } else if (type == "str" || type == "d") {
                cell.text = v ? v->text : std::string();
                if (type == "d")
                    cell.text = cell.text.substr(0, cell.text.find("T00:00:00"));
            } else if (type == "b") {
                cell.text = v && v->text == "1" ? "TRUE" : v ? "FALSE" : "";
            } else if (type == "e") {
                cell.text = v ? v->text : "#ERROR";
                cell.error = true;
            } else if (v) {
                cell.text = numberText(v->text, formats.kindOf(s ? std::atoi(s->c_str()) : 0), formats.date1904);
            }
            cell.text = trim(cell.text);
            if (!cell.text.empty())
                row.cells[col] = std::move(cell);
        }
        if (!row.cells.empty())
            sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

} // namespace

const Cell *Row::cell(int column) const
{
    auto it = cells.find(column);
    return it == cells.end() ? nullptr : &it->second;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

const Sheet *Workbook::find(std::string_view name) const
{
    for (const auto &s : sheets)
        if (lower(s.name) == lower(name))
            return &s;
    return nullptr;
}

std::string columnLetter(int column)
{
    std::string s;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        s.insert(s.begin(), char('A' + (c - 1) % 26));
    return s;
}

Workbook readWorkbook(const std::string &path)
{
    unsigned char magic[8] = {};
    {
        std::ifstream f(path, std::ios::binary);
        if (!f)
            fail(path, "无法打开文件（不存在或没有读取权限）", "cannot open the file (it does not exist or cannot be read)");
        f.read(reinterpret_cast<char *>(magic), sizeof magic);
        if (f.gcount() < 4)
            fail(path, "不是 Excel 工作簿（文件为空或过短）", "not an Excel workbook (the file is empty or too short)");
    }
    static const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (std::equal(ole2, ole2 + 8, magic))
        fail(path, "这是旧版 Excel 97-2003 格式（.xls），无法读取；请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入",
             "this is an old binary Excel 97-2003 file (.xls), which cannot be read; open it in Excel or WPS, "
             "save it as an Excel workbook (.xlsx) and import that");
    if (!(magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4))
        fail(path, "不是 Excel 工作簿（.xlsx 文件是 zip 压缩包，这个文件不是）",
             "not an Excel workbook (an .xlsx file is a zip archive and this file is not one)");

    Zip zip;
    int err = 0;
    zip.z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (!zip.z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        std::string why = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        fail(path, "文件已损坏，无法作为 zip 打开（" + why + "）；请在 Excel 中重新保存",
             "the file is corrupt and cannot be opened as a zip archive (" + why + "); save it again from Excel");
    }
    std::string bytes;
    if (!readPart(zip.z, path, "xl/workbook.xml", bytes))
        fail(path, "这个 zip 文件不是 Excel 工作簿（缺少 xl/workbook.xml）",
             "this zip file is not an Excel workbook (it has no xl/workbook.xml)");
    XmlNode wb = parsePart(path, "xl/workbook.xml", bytes);

    NumberFormats formats;
    if (const XmlNode *pr = wb.child("workbookPr"); pr && pr->attribute("date1904"))
        formats.date1904 = *pr->attribute("date1904") == "1" || *pr->attribute("date1904") == "true";
    if (readPart(zip.z, path, "xl/styles.xml", bytes))
        formats.read(parsePart(path, "xl/styles.xml", bytes));

    std::vector<std::pair<std::string, std::string>> rels; // Id -> part
    if (readPart(zip.z, path, "xl/_rels/workbook.xml.rels", bytes))
        for (const auto &r : parsePart(path, "xl/_rels/workbook.xml.rels", bytes).children)
            if (r.attribute("Id") && r.attribute("Target"))
                rels.emplace_back(*r.attribute("Id"), resolveTarget(*r.attribute("Target")));

    std::vector<std::string> shared;
    if (readPart(zip.z, path, "xl/sharedStrings.xml", bytes))
        for (const auto &si : parsePart(path, "xl/sharedStrings.xml", bytes).children)
            if (si.name == "si")
                shared.push_back(stringText(si));

    Workbook out;
    const XmlNode *sheets = wb.child("sheets");
    int n = 0;
    for (const auto &s : sheets ? sheets->children : std::vector<XmlNode>{}) {
        ++n;
        if (s.name != "sheet" || !s.attribute("name"))
            continue;
        std::string part = "xl/worksheets/sheet" + std::to_string(n) + ".xml";
        if (const std::string *id = s.attribute("id"))
            for (const auto &[rid, target] : rels)
                if (rid == *id)
                    part = target;
        if (!readPart(zip.z, path, part, bytes))
            fail(path, "文件已损坏（工作表“" + *s.attribute("name") + "”的内容 " + part + " 不存在）",
                 "the file is corrupt (the contents " + part + " of sheet \"" + *s.attribute("name") + "\" are missing)");
        out.sheets.push_back(readSheet(parsePart(path, part, bytes), *s.attribute("name"), shared, formats));
    }
    if (out.sheets.empty())
        fail(path, "工作簿中没有工作表", "the workbook has no sheets");
    return out;
}

} // namespace cx::xlsform
