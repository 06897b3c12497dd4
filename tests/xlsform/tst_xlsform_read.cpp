// Reading .xlsx files: every cell encoding becomes the text Excel shows, sheet
// names match in any case, and files that are not workbooks are refused with
// a message naming the file.
#include "MakeWorkbook.h"
#include "xlsform/Problem.h"
#include "xlsform/Workbook.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace cx::xlsform;

namespace {

const char *kWorkbook = R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
          xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <workbookPr %s/>
  <sheets><sheet name="Survey" sheetId="1" r:id="rId7"/><sheet name="notes" sheetId="2" r:id="rId8"/></sheets>
</workbook>)";
const char *kRels = R"(<?xml version="1.0"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/first.xml"/>
  <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/second.xml"/>
</Relationships>)";
const char *kStyles = R"(<?xml version="1.0"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <numFmts count="2"><numFmt numFmtId="164" formatCode="h:mm"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
  <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
</styleSheet>)";
const char *kShared = R"(<?xml version="1.0"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <si><t>type</t></si>
  <si><r><t>la</t></r><r><rPr><b/></rPr><t>bel::中文 (zh)</t></r><rPh sb="0" eb="1"><t>ラベル</t></rPh></si>
  <si><t xml:space="preserve">  # a comment row  </t></si>
</sst>)";
const char *kSheet1 = R"(<?xml version="1.0"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
  <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="s"><v>1</v></c></row>
  <row r="2"><c r="A2"/></row>
  <row r="4">
    <c r="A4"><v>2.50</v></c><c r="B4" s="1"><v>45536</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#REF!</v></c>
    <c r="E4" s="2"><v>0.35416666666666669</v></c><c r="F4" t="str"><f>A1</f><v>type</v></c><c r="G4"><v>1E3</v></c>
    <c r="H4" s="3"><v>45536</v></c><c r="AA4"><v>7</v></c><c t="b"><v>0</v></c>
  </row>
  <row r="6"><c r="A6" t="s"><v>2</v></c></row>
</sheetData></worksheet>)";
const char *kSheet2 = R"(<?xml version="1.0"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
  <row r="3"><c r="B3"><v>0</v></c><c r="C3" s="1"><v>0</v></c></row>
</sheetData></worksheet>)";

std::map<std::string, std::string> parts(bool date1904)
{
    char wb[2048];
    std::snprintf(wb, sizeof wb, kWorkbook, date1904 ? "date1904=\"1\"" : "");
    return {{"[Content_Types].xml", "<Types/>"},  {"xl/workbook.xml", wb},           {"xl/_rels/workbook.xml.rels", kRels},
            {"xl/styles.xml", kStyles},           {"xl/sharedStrings.xml", kShared}, {"xl/worksheets/first.xml", kSheet1},
            {"xl/worksheets/second.xml", kSheet2}};
}

std::string text(const Row &r, int col)
{
    const Cell *c = r.cell(col);
    return c ? c->text : std::string("<none>");
}

} // namespace

class TestXlsformRead : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::string path(const char *name) { return dir.filePath(name).toStdString(); }

    // The one problem of a refused file, which must name the file.
    std::string refusal(const std::string &file)
    {
        try {
            readWorkbook(file);
        } catch (const XlsformError &e) {
            if (std::string(e.what()).find(file) == std::string::npos)
                return std::string("message does not name the file: ") + e.what();
            if (e.problems().size() != 1)
                return "expected one problem";
            return e.problems()[0].en;
        }
        return "accepted";
    }

private slots:
    void everyCellEncoding()
    {
        writeZip(path("cells.xlsx"), parts(false));
        Workbook wb = readWorkbook(path("cells.xlsx"));
        QCOMPARE(wb.sheets.size(), size_t(2));
        const Sheet *s = wb.find("SURVEY");
        QVERIFY(s);
        QCOMPARE(s->name, std::string("Survey"));
        QVERIFY(wb.find("survey") == s);
        QVERIFY(!wb.find("choices"));
        // Row 2 has only an empty cell: left out; row numbers stay Excel's.
        QCOMPARE(s->rows.size(), size_t(3));
        const Row &h = s->rows[0];
        QCOMPARE(h.number, 1);
        QCOMPARE(text(h, 0), std::string("type"));             // shared string
        QCOMPARE(text(h, 1), std::string("name"));             // inline string
        QCOMPARE(text(h, 2), std::string("label::中文 (zh)")); // rich text runs, phonetic guide left out
        const Row &v = s->rows[1];
        QCOMPARE(v.number, 4);
        QCOMPARE(text(v, 0), std::string("2.5"));
        QCOMPARE(text(v, 1), std::string("2024-09-01")); // a date stored as a number (built-in format 14)
        QCOMPARE(text(v, 2), std::string("TRUE"));
        QCOMPARE(text(v, 3), std::string("#REF!"));
        QVERIFY(v.cell(3)->error);
        QVERIFY(!v.cell(0)->error);
        QCOMPARE(text(v, 4), std::string("08:30")); // custom time format
        QCOMPARE(text(v, 5), std::string("type"));  // a formula's cached text
        QCOMPARE(text(v, 6), std::string("1000"));
        QCOMPARE(text(v, 7), std::string("2024-09-01"));               // custom date format with quoted 年月日
        QCOMPARE(text(v, 26), std::string("7"));                       // column AA
        QCOMPARE(text(v, 27), std::string("FALSE"));                   // a cell without r follows the previous one
        QCOMPARE(text(s->rows[2], 0), std::string("# a comment row")); // trimmed
        QCOMPARE(s->rows[2].number, 6);
        // The second sheet's target is an absolute part name.
        QCOMPARE(text(wb.sheets[1].rows[0], 1), std::string("0"));
        QCOMPARE(text(wb.sheets[1].rows[0], 2), std::string("1899-12-31")); // day 0, which Excel shows as 1900-01-00
    }

    void dateSystems()
    {
        writeZip(path("d1900.xlsx"), parts(false));
        writeZip(path("d1904.xlsx"), parts(true));
        QCOMPARE(text(readWorkbook(path("d1904.xlsx")).sheets[1].rows[0], 2), std::string("1904-01-01"));
        QCOMPARE(text(readWorkbook(path("d1904.xlsx")).sheets[0].rows[1], 1), std::string("2028-09-02"));
        QCOMPARE(text(readWorkbook(path("d1900.xlsx")).sheets[0].rows[1], 1), std::string("2024-09-01"));
        QCOMPARE(columnLetter(0), std::string("A"));
        QCOMPARE(columnLetter(26), std::string("AA"));
    }

    void writtenByLibxlsxwriter()
    {
        writeWorkbook(path("w.xlsx"), {{"survey", {{"type", "name"}, {"integer", "n"}, {}, {"#n:12", "x"}}}});
        Workbook wb = readWorkbook(path("w.xlsx"));
        QCOMPARE(wb.sheets[0].rows.size(), size_t(3));
        QCOMPARE(wb.sheets[0].rows[2].number, 4);
        QCOMPARE(text(wb.sheets[0].rows[2], 0), std::string("12"));
    }

    void oldXlsRefused()
    {
        std::string xls = std::string(CX_SOURCE_DIR) + "/tests/xlsform/samples/tutorial.xls";
        std::string en = refusal(xls);
        QVERIFY2(en.find("old binary Excel 97-2003 file (.xls)") != std::string::npos, en.c_str());
        QVERIFY2(en.find("save it as an Excel workbook (.xlsx)") != std::string::npos, en.c_str());
    }

    void notAWorkbookRefused()
    {
        std::ofstream(path("notes.xlsx")) << "type,name\ntext,q1\n";
        QCOMPARE(refusal(path("notes.xlsx")),
                 std::string("not an Excel workbook (an .xlsx file is a zip archive and this file is not one)"));
        std::ofstream(path("empty.xlsx")).flush();
        QVERIFY(refusal(path("empty.xlsx")).find("empty or too short") != std::string::npos);
        QVERIFY(refusal(path("missing.xlsx")).find("cannot open the file") != std::string::npos);
        writeZip(path("plain.zip"), {{"readme.txt", "hello"}});
        QVERIFY(refusal(path("plain.zip")).find("has no xl/workbook.xml") != std::string::npos);
    }

    void corruptZipRefused()
    {
        std::string sample = std::string(CX_SOURCE_DIR) + "/tests/xlsform/samples/yes_or_no_question.xlsx";
        std::ifstream in(sample, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QVERIFY(bytes.size() > 1000);
        std::ofstream(path("cut.xlsx"), std::ios::binary) << bytes.substr(0, bytes.size() / 2); // cut in half
        std::string en = refusal(path("cut.xlsx"));
        QVERIFY2(en.find("corrupt") != std::string::npos, en.c_str());
        // Same size, but the compressed data of every part scrambled.
        std::string scrambled = bytes;
        for (size_t i = 200; i < scrambled.size() - 2000; i += 7)
            scrambled[i] = char(scrambled[i] ^ 0x5A);
        std::ofstream(path("scrambled.xlsx"), std::ios::binary) << scrambled;
        en = refusal(path("scrambled.xlsx"));
        QVERIFY2(en.find("corrupt") != std::string::npos, en.c_str());
        // Valid zip, broken XML inside.
        auto p = parts(false);
        p["xl/worksheets/first.xml"] = "<worksheet><sheetData><row>";
        writeZip(path("badxml.xlsx"), p);
        en = refusal(path("badxml.xlsx"));
        QVERIFY2(en.find("xl/worksheets/first.xml is not valid XML") != std::string::npos, en.c_str());
    }
};

QTEST_GUILESS_MAIN(TestXlsformRead)
#include "tst_xlsform_read.moc"
