// `cunxiao-server export` (issue 14 point 6): XLSX of a collection, a form's
// submissions as CSV and XLSX with Chinese headers and a repeats sheet, --out
// and standard output, formulas that never run, the audit, bad --form. The real
// binary on the County fixture's store (SQLite, or PostgreSQL in _pg).
#include "TestUtil.h"

#include "admin/Admin.h"
#include "admin/Export.h"
#include "sync/RecordWrites.h"
#include "xlsform/Workbook.h"

#include <QFile>
#include <QProcess>
#include <QtTest>
#include <sstream>
#include <zip.h>

using namespace cxt;

namespace {
struct Run {
    int code = -1;
    QByteArray out;
    QString err;
};
Run runServer(const QStringList &args)
{
    QProcess p;
    p.start(CX_SERVER_EXE, args);
    if (!p.waitForFinished(180000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

// One part of a zip (an .xlsx), or "" when the file is not a zip or lacks it.
std::string zipPart(const QString &file, const char *name)
{
    int err = 0;
    zip_t *z = zip_open(file.toUtf8().constData(), ZIP_RDONLY, &err);
    if (!z)
        return {};
    std::string out;
    if (zip_file_t *f = zip_fopen(z, name, 0)) {
        char buf[8192];
        zip_int64_t n;
        while ((n = zip_fread(f, buf, sizeof buf)) > 0)
            out.append(buf, size_t(n));
        zip_fclose(f);
    }
    zip_close(z);
    return out;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

// A row's cells as text, from column 0 to the last non-empty one.
QStringList cellsOf(const cx::xlsform::Row &r)
{
    QStringList out;
    int last = r.cells.empty() ? -1 : r.cells.rbegin()->first;
    for (int c = 0; c <= last; ++c) {
        const auto *cell = r.cell(c);
        out << (cell ? QString::fromStdString(cell->text) : QString());
    }
    return out;
}

const char *kFormV1 = R"json({
  "id": "class_count", "version": 1, "title": {"zh": "班级人数", "en": "Class sizes"}, "roles": ["head", "bureau"],
  "fields": [
    {"name": "boarding", "type": "select_one", "label": {"zh": "是否寄宿制", "en": "Boarding school?"},
     "options": [{"value": "yes", "label": {"zh": "是", "en": "Yes"}}, {"value": "no", "label": {"zh": "否", "en": "No"}}]},
    {"name": "remark", "type": "text", "label": {"zh": "备注", "en": "Remark"}},
    {"name": "classes", "type": "repeat", "label": {"zh": "班级", "en": "Classes"}, "fields": [
      {"name": "grade", "type": "select_one", "label": {"zh": "年级", "en": "Grade"},
       "options": [{"value": "1", "label": {"zh": "一年级", "en": "Grade 1"}}, {"value": "2", "label": {"zh": "二年级", "en": "Grade 2"}}]},
      {"name": "pupils", "type": "integer", "label": {"zh": "人数", "en": "Pupils"}}]},
    {"name": "total", "type": "integer", "label": {"zh": "学生总数", "en": "Total pupils"}, "calculate": "sum(${classes/pupils})"},
    {"name": "head_signature", "type": "signature", "label": {"zh": "校长签名", "en": "Head's signature"}}
  ]})json";
// Version 2 drops "remark" and adds a photo and a pupil (a choice from records).
const char *kFormV2 = R"json({
  "id": "class_count", "version": 2, "title": {"zh": "班级人数", "en": "Class sizes"}, "roles": ["head", "bureau"],
  "fields": [
    {"name": "boarding", "type": "select_one", "label": {"zh": "是否寄宿制", "en": "Boarding school?"},
     "options": [{"value": "yes", "label": {"zh": "是", "en": "Yes"}}, {"value": "no", "label": {"zh": "否", "en": "No"}}]},
    {"name": "classes", "type": "repeat", "label": {"zh": "班级", "en": "Classes"}, "fields": [
      {"name": "grade", "type": "select_one", "label": {"zh": "年级", "en": "Grade"},
       "options": [{"value": "1", "label": {"zh": "一年级", "en": "Grade 1"}}, {"value": "2", "label": {"zh": "二年级", "en": "Grade 2"}}]},
      {"name": "pupils", "type": "integer", "label": {"zh": "人数", "en": "Pupils"}}]},
    {"name": "total", "type": "integer", "label": {"zh": "学生总数", "en": "Total pupils"}, "calculate": "sum(${classes/pupils})"},
    {"name": "head_signature", "type": "signature", "label": {"zh": "校长签名", "en": "Head's signature"}},
    {"name": "photo", "type": "photo", "label": {"zh": "照片", "en": "Photo"}},
    {"name": "monitor", "type": "select_one", "label": {"zh": "班长", "en": "Class monitor"},
     "from": {"collection": "pupils", "label": "name"}}
  ]})json";

const std::string kSha(64, 'a');

void putPupils(County &c)
{
    serverPut(*c.store, "pupils", "p1", "A", Json{{"name", "李小梅"}, {"grade", 3}, {"note", "=1+1"}}, "t", kNow);
    serverPut(*c.store, "pupils", "p2", "A",
              Json{{"name", "王小明"}, {"grade", 4}, {"subsidies", Json::array({"免费教科书", "免学杂费"})}}, "t", kNow);
    serverPut(*c.store, "pupils", "p3", "B", Json{{"name", "张三"}, {"grade", 1}}, "t", kNow);
}

void putSubmissions(County &c)
{
    c.store->putSchool({"C", "龙泉镇中心学校", "云岭县"});
    publishForm(*c.store, Json::parse(kFormV1), kNow);
    publishForm(*c.store, Json::parse(kFormV2), kNow);
    serverPut(*c.store, "pupils", "p9", "C", Json{{"name", "赵小红"}}, "t", kNow);
    serverPut(*c.store, "submissions", "s1", "C",
              Json{{"form", "class_count"},
                   {"form_version", 2},
                   {"status", "submitted"},
                   {"updated_at", "2025-10-01T09:00:00"},
                   {"answers",
                    {{"boarding", "yes"},
                     {"classes", Json::array({{{"grade", "1"}, {"pupils", 30}}, {{"grade", "2"}, {"pupils", 25}}})},
                     {"total", 55},
                     {"head_signature", {{"sha256", kSha}, {"size", 10}, {"type", "image/png"}}},
                     {"photo", {{"sha256", kSha}, {"size", 10}, {"type", "image/jpeg"}}},
                     {"monitor", "p9"}}}},
              "t", kNow);
    serverPut(*c.store, "submissions", "s2", "B",
              Json{{"form", "class_count"},
                   {"form_version", 1},
                   {"status", "accepted"},
                   {"updated_at", "2025-09-20T10:00:00"},
                   {"answers",
                    {{"boarding", "no"},
                     {"remark", "=1+1"},
                     {"classes", Json::array({{{"grade", "2"}, {"pupils", 10}}})},
                     {"total", 10}}}},
              "t", kNow);
    // Left out: a draft, and another form's submission.
    serverPut(*c.store, "submissions", "s3", "C",
              Json{{"form", "class_count"}, {"form_version", 2}, {"status", "draft"}, {"answers", {{"total", 1}}}}, "t", kNow);
    serverPut(*c.store, "submissions", "s4", "C",
              Json{{"form", "other"}, {"form_version", 1}, {"status", "submitted"}, {"answers", {{"x", 1}}}}, "t", kNow);
}

std::optional<AdminEvent> lastExport(const std::vector<AdminEvent> &events)
{
    std::optional<AdminEvent> e;
    for (const auto &ev : events)
        if (ev.action == "export")
            e = ev;
    return e;
}
} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private slots:
    // A collection as XLSX: a valid zip whose sheet holds the Chinese values;
    // "=1+1" is a string cell, never a formula; --out and standard output
    // give the same workbook; audited.
    void collectionXlsx()
    {
        County c;
        putPupils(c);
        QTemporaryDir dir;
        const QString loc = QString::fromStdString(c.location());
        const QString file = dir.path() + "/学生.xlsx";
        Run r = runServer({"export", loc, "pupils", "--format", "xlsx", "--out", file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("exported 3 row(s)"), qPrintable(r.err));

        const std::string sheet = zipPart(file, "xl/worksheets/sheet1.xml");
        QVERIFY2(!sheet.empty(), "not a zip with xl/worksheets/sheet1.xml");
        QVERIFY(sheet.find("李小梅") != std::string::npos);
        QVERIFY(sheet.find("免费教科书") != std::string::npos);
        QVERIFY2(sheet.find("<f>") == std::string::npos, "a formula in the sheet");
        QVERIFY(sheet.find("<t>=1+1</t>") != std::string::npos);
        QVERIFY(zipPart(file, "xl/workbook.xml").find("name=\"pupils\"") != std::string::npos);

        const auto wb = cx::xlsform::readWorkbook(file.toStdString());
        QCOMPARE(wb.sheets.size(), size_t(1));
        const auto &rows = wb.sheets[0].rows;
        QCOMPARE(rows.size(), size_t(4));
        QCOMPARE(cellsOf(rows[0]), QStringList({"id", "school", "grade", "name", "note", "subsidies"}));
        QCOMPARE(cellsOf(rows[1]), QStringList({"p1", "A", "3", "李小梅", "=1+1"}));
        QCOMPARE(cellsOf(rows[2]), QStringList({"p2", "A", "4", "王小明", "", R"(["免费教科书","免学杂费"])"}));
        QCOMPARE(cellsOf(rows[3]), QStringList({"p3", "B", "1", "张三"}));

        // Standard output: the same workbook.
        r = runServer({"export", loc, "pupils", "--school", "A", "--format", "xlsx"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith("PK"));
        const QString piped = writeFile(dir.path() + "/piped.xlsx", r.out);
        const auto wb2 = cx::xlsform::readWorkbook(piped.toStdString());
        QCOMPARE(wb2.sheets[0].rows.size(), size_t(3));
        QCOMPARE(cellsOf(wb2.sheets[0].rows[1]), cellsOf(rows[1]));

        const auto e = lastExport(c.open()->adminEvents(0));
        QVERIFY(e);
        QCOMPARE(e->subject, std::string("pupils"));
        QCOMPARE(e->detail.value("format", ""), std::string("xlsx"));
        QCOMPARE(e->detail.value("rows", 0), 2);
        QCOMPARE(e->detail.value("school", ""), std::string("A"));
    }

    // CSV and JSON Lines are as before; --out writes the same bytes as
    // standard output.
    void csvOutEqualsStdout()
    {
        County c;
        putPupils(c);
        QTemporaryDir dir;
        const QString loc = QString::fromStdString(c.location());
        for (const char *format : {"csv", "jsonl"}) {
            std::ostringstream lib;
            exportRecords(*c.store, "pupils", std::nullopt,
                          std::string(format) == "csv" ? ExportFormat::Csv : ExportFormat::JsonLines, lib);
            Run r = runServer({"export", loc, "pupils", "--format", format});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QCOMPARE(r.out.toStdString(), lib.str());
            const QString file = dir.path() + "/out." + format;
            r = runServer({"export", loc, "pupils", "--format", format, "--out", file});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll().toStdString(), lib.str());
        }
        std::ostringstream csv;
        exportRecords(*c.store, "pupils", std::nullopt, ExportFormat::Csv, csv);
        QVERIFY(csv.str().find(",'=1+1") != std::string::npos); // CSV keeps its apostrophe
    }

    // Pages: the same rows whatever the page size, deleted records left out.
    void pagesGiveTheSameRows()
    {
        County c;
        for (int i = 0; i < 7; ++i)
            serverPut(*c.store, "pupils", "p" + std::to_string(i), i % 2 ? "A" : "B", Json{{"n", i}}, "t", kNow);
        serverPut(*c.store, "pupils", "p3", "A", Json{{"n", 33}}, "t", kNow); // moves to the end
        serverPut(*c.store, "pupils", "p4", "B", Json{{kDeletedField, true}}, "t", kNow);
        std::string want;
        for (size_t page : {size_t(1), size_t(2), size_t(3), size_t(1000)}) {
            ExportRequest req;
            req.collection = "pupils";
            req.format = ExportFormat::Csv;
            req.pageSize = page;
            std::ostringstream out;
            QCOMPARE(exportData(*c.store, req, out).rows, size_t(6));
            if (want.empty())
                want = out.str();
            QCOMPARE(out.str(), want);
        }
        QVERIFY(want.find("p3,A,33\r\n") == want.size() - 9);
    }

    // A form: one row per submission (drafts and other forms left out),
    // Chinese labels as headers and English below, options by label,
    // "已签", the calculated total, a field only version 1 had, and the repeat
    // on its own sheet with the submission id and row number.
    void formXlsx()
    {
        County c;
        putSubmissions(c);
        QTemporaryDir dir;
        const QString loc = QString::fromStdString(c.location());
        const QString file = dir.path() + "/班级人数.xlsx";
        Run r = runServer({"export", loc, "submissions", "--form", "class_count", "--format", "xlsx", "--out", file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto wb = cx::xlsform::readWorkbook(file.toStdString());
        QCOMPARE(wb.sheets.size(), size_t(2));
        QCOMPARE(wb.sheets[0].name, std::string("班级人数"));
        QCOMPARE(wb.sheets[1].name, std::string("班级"));
        const auto &rows = wb.sheets[0].rows;
        QCOMPARE(rows.size(), size_t(4)); // two headers, s1, s2 (by seq: s1 was written first)
        QCOMPARE(cellsOf(rows[0]), QStringList({"编号", "学校代码", "学校名称", "状态", "提交时间", "表单版本", "更正自",
                                                "是否寄宿制", "学生总数", "校长签名", "照片", "班长", "备注"}));
        QCOMPARE(cellsOf(rows[1]),
                 QStringList({"id", "school", "school name", "status", "updated at", "form version", "corrects",
                              "Boarding school?", "Total pupils", "Head's signature", "Photo", "Class monitor", "Remark"}));
        QCOMPARE(cellsOf(rows[2]), QStringList({"s1", "C", "龙泉镇中心学校", "submitted", "2025-10-01T09:00:00", "2", "", "是",
                                                "55", "已签", QString::fromStdString(kSha), "赵小红"}));
        QCOMPARE(cellsOf(rows[3]), QStringList({"s2", "B", "School B", "accepted", "2025-09-20T10:00:00", "1", "", "否", "10", "",
                                                "", "", "=1+1"}));
        const auto &rep = wb.sheets[1].rows;
        QCOMPARE(rep.size(), size_t(5));
        QCOMPARE(cellsOf(rep[0]), QStringList({"提交编号", "学校代码", "行号", "年级", "人数"}));
        QCOMPARE(cellsOf(rep[1]), QStringList({"submission id", "school", "row", "Grade", "Pupils"}));
        QCOMPARE(cellsOf(rep[2]), QStringList({"s1", "C", "1", "一年级", "30"}));
        QCOMPARE(cellsOf(rep[3]), QStringList({"s1", "C", "2", "二年级", "25"}));
        QCOMPARE(cellsOf(rep[4]), QStringList({"s2", "B", "1", "二年级", "10"}));
        QVERIFY(zipPart(file, "xl/worksheets/sheet1.xml").find("<f>") == std::string::npos);

        // Standard output: the same workbook.
        r = runServer({"export", loc, "submissions", "--form", "class_count", "--format", "xlsx"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto piped = cx::xlsform::readWorkbook(writeFile(dir.path() + "/p.xlsx", r.out).toStdString());
        QCOMPARE(piped.sheets.size(), size_t(2));
        QCOMPARE(cellsOf(piped.sheets[0].rows[2]), cellsOf(rows[2]));

        const auto e = lastExport(c.open()->adminEvents(0));
        QVERIFY(e);
        QCOMPARE(e->subject, std::string("submissions"));
        QCOMPARE(e->detail.value("form", ""), std::string("class_count"));
        QCOMPARE(e->detail.value("rows", 0), 2);
    }

    // A datetime answer: in XLSX a date-time number (read back as the local date
    // and time) whose number format shows its offset; in CSV the text as stored.
    void dateTimeCells()
    {
        County c;
        c.store->putSchool({"C", "龙泉镇中心学校", "云岭县"});
        publishForm(*c.store, Json::parse(R"J({"id": "arrivals", "version": 1, "roles": ["head"],
            "title": {"zh": "到校", "en": "Arrivals"},
            "fields": [{"name": "arrived", "type": "datetime", "label": {"zh": "到达", "en": "Arrived"}}]})J"),
                    kNow);
        serverPut(*c.store, "submissions", "s1", "C",
                  Json{{"form", "arrivals"},
                       {"form_version", 1},
                       {"status", "submitted"},
                       {"updated_at", "2026-12-07T10:00:00"},
                       {"answers", {{"arrived", "2026-12-07T09:30:00+07:00"}}}},
                  "t", kNow);
        QTemporaryDir dir;
        const QString loc = QString::fromStdString(c.location());
        const QString file = dir.path() + "/arrivals.xlsx";
        Run r = runServer({"export", loc, "submissions", "--form", "arrivals", "--format", "xlsx", "--out", file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto wb = cx::xlsform::readWorkbook(file.toStdString());
        QCOMPARE(cellsOf(wb.sheets[0].rows[0]).last(), QString("到达"));
        QCOMPARE(cellsOf(wb.sheets[0].rows[2]).last(), QString("2026-12-07T09:30")); // a date-time number
        QVERIFY(zipPart(file, "xl/styles.xml").find("formatCode=\"yyyy-mm-dd hh:mm:ss &quot;+07:00&quot;\"") !=
                std::string::npos);
        r = runServer({"export", loc, "submissions", "--form", "arrivals", "--format", "csv"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(QString::fromUtf8(r.out).contains(",2026-12-07T09:30:00+07:00\r\n"), r.out.constData());
    }

    // A form as CSV: one Chinese header row; the repeat goes to FILE.classes.csv
    // beside --out, and to standard output only the main table with a note.
    void formCsv()
    {
        County c;
        putSubmissions(c);
        QTemporaryDir dir;
        const QString loc = QString::fromStdString(c.location());
        const QString file = dir.path() + "/班级人数.csv";
        Run r = runServer({"export", loc, "submissions", "--form", "class_count", "--format", "csv", "--out", file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString main = QString::fromUtf8(f.readAll());
        QCOMPARE(main.split("\r\n", Qt::SkipEmptyParts),
                 QStringList({"编号,学校代码,学校名称,状态,提交时间,表单版本,更正自,是否寄宿制,学生总数,校长签名,照片,班长,备注",
                              "s1,C,龙泉镇中心学校,submitted,2025-10-01T09:00:00,2,,是,55,已签," + QString::fromStdString(kSha) +
                                  ",赵小红,",
                              "s2,B,School B,accepted,2025-09-20T10:00:00,1,,否,10,,,,'=1+1"}));
        QFile rep(dir.path() + "/班级人数.classes.csv");
        QVERIFY(rep.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(rep.readAll()).split("\r\n", Qt::SkipEmptyParts),
                 QStringList({"提交编号,学校代码,行号,年级,人数", "s1,C,1,一年级,30", "s1,C,2,二年级,25", "s2,B,1,二年级,10"}));

        r = runServer({"export", loc, "submissions", "--form", "class_count", "--format", "csv"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QString::fromUtf8(r.out), main);
        QVERIFY2(r.err.contains("repeat \"classes\"") && r.err.contains("--out"), qPrintable(r.err));
    }

    // The demo county's enrolment return, a form filed per school year: the
    // period column, the dropout cases' repeat sheet, a row per return.
    void demoCountyEnrolmentReturn()
    {
        QTemporaryDir dir;
        TestDatabase db;
        const QString loc = db.uri().empty() ? dir.path() + "/county" : QString::fromStdString(db.uri());
        Run r = runServer({"demo", loc, "--schools", "3", "--pupils", "12"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        size_t returns = 0;
        {
            auto store = openDataDir(loc.toStdString());
            for (const auto &rec : store->recordsOf("submissions", std::nullopt))
                returns += !rec.deleted() && rec.fields.value("form", "") == "enrolment_return" &&
                           rec.fields.value("status", "") != "draft";
        }
        QVERIFY(returns >= 3);
        const QString file = dir.path() + "/入学与辍学情况.xlsx";
        r = runServer({"export", loc, "submissions", "--form", "enrolment_return", "--format", "xlsx", "--out", file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto wb = cx::xlsform::readWorkbook(file.toStdString());
        QCOMPARE(wb.sheets.size(), size_t(2));
        QCOMPARE(wb.sheets[0].name, std::string("入学与辍学情况"));
        QCOMPARE(wb.sheets[1].name, std::string("辍学学生名单"));
        const auto &rows = wb.sheets[0].rows;
        QCOMPARE(rows.size(), returns + 2);
        const QStringList zh = cellsOf(rows[0]);
        QCOMPARE(zh.mid(0, 8), QStringList({"编号", "学校代码", "学校名称", "状态", "期间", "提交时间", "表单版本", "更正自"}));
        for (const char *label : {"学年", "3-6岁人口", "小学适龄儿童入学率（%）", "年辍学率（%）"})
            QVERIFY2(zh.contains(label), label);
        QCOMPARE(cellsOf(rows[1]).at(4), QString("period"));
        const QRegularExpression year("^20[0-9]{2}-20[0-9]{2}$");
        for (size_t i = 2; i < rows.size(); ++i)
            QVERIFY2(year.match(cellsOf(rows[i]).at(4)).hasMatch(), qPrintable(cellsOf(rows[i]).join('|')));
        QCOMPARE(cellsOf(wb.sheets[1].rows[0]).mid(0, 3), QStringList({"提交编号", "学校代码", "行号"}));
    }

    // A form that is not published, or --form on the wrong collection or
    // format: a clear message naming it, exit code 1, nothing written.
    void badForm()
    {
        County c;
        putSubmissions(c);
        QTemporaryDir dir;
        const QString loc = QString::fromStdString(c.location());
        const QString file = dir.path() + "/x.xlsx";
        Run r = runServer({"export", loc, "submissions", "--form", "no_such_form", "--format", "xlsx", "--out", file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("form \"no_such_form\" is not published"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(file));
        r = runServer({"export", loc, "pupils", "--form", "class_count", "--format", "csv"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("--form goes with the collection submissions"), qPrintable(r.err));
        r = runServer({"export", loc, "submissions", "--form", "class_count", "--format", "jsonl"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("csv or xlsx"), qPrintable(r.err));
        r = runServer({"export", loc, "pupils", "--format", "xls"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("jsonl, csv or xlsx"), qPrintable(r.err));
        QVERIFY(!lastExport(c.open()->adminEvents(0))); // nothing was exported
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
