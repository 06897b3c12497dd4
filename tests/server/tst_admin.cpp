// Admin operations: import (all-or-nothing, line numbers), export, forms, demo.
#include "TestUtil.h"

#include "admin/Admin.h"
#include "admin/Demo.h"
#include "protocol/Errors.h"
#include "sync/RecordWrites.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QtTest>
#include <sstream>

using namespace cxt;

namespace {
struct Run {
    int code = -1;
    QString out, err;
};
// The real cunxiao-server binary.
Run runServer(const QStringList &args)
{
    QProcess p;
    p.start(CX_SERVER_EXE, args);
    if (!p.waitForFinished(180000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
int lines(const QString &s) { return int(s.split('\n', Qt::SkipEmptyParts).size()); }
} // namespace

class TestAdmin : public QObject
{
    Q_OBJECT
private slots:
    void importReportsEveryBadLine()
    {
        County c;
        std::istringstream in("{\"collection\":\"pupils\",\"id\":\"p1\",\"fields\":{\"name\":\"李小梅\"}}\n"
                              "{\"collection\":\"pupils\",\"id\":\"p2\",\"fields\":{\"name\":\n"
                              "\n"
                              "{\"collection\":\"Pupils\",\"id\":\"p3\",\"fields\":{}}\n"
                              "{\"collection\":\"pupils\",\"id\":\"p4\",\"fields\":[1]}\n"
                              "{\"collection\":\"pupils\",\"id\":\"p1\",\"fields\":{\"a\":1}}\n"
                              "{\"collection\":\"pupils\",\"fields\":{\"name\":\"no id is fine\"}}\n"
                              "{\"collection\":\"pupils\",\"id\":\"bad id\",\"fields\":{}}\n");
        try {
            importJsonLines(*c.store, "A", in, "roster.jsonl", kNow);
            QFAIL("imported a bad file");
        } catch (const cx::Error &e) {
            std::string msg = e.what();
            QVERIFY2(msg.find("roster.jsonl:2: not valid JSON") != std::string::npos, e.what());
            QVERIFY2(msg.find("roster.jsonl:4: collection \"Pupils\"") != std::string::npos, e.what());
            QVERIFY2(msg.find("roster.jsonl:5: \"fields\"") != std::string::npos, e.what());
            QVERIFY2(msg.find("roster.jsonl:6: pupils/p1 appears twice") != std::string::npos, e.what());
            QVERIFY2(msg.find("roster.jsonl:8: id \"bad id\"") != std::string::npos, e.what());
            QVERIFY2(msg.find("roster.jsonl:7") == std::string::npos, e.what());
            QVERIFY2(msg.find("roster.jsonl:1:") == std::string::npos, e.what());
        }
        QVERIFY(!c.store->record("pupils", "p1"));
        QCOMPARE(c.store->lastSeq(), uint64_t(0));
    }

    void importUnknownSchool()
    {
        County c;
        std::istringstream in("{\"collection\":\"pupils\",\"id\":\"p1\",\"fields\":{}}\n");
        QVERIFY_THROWS_EXCEPTION(cx::Error, importJsonLines(*c.store, "Z", in, "f", kNow));
    }

    void importIsFastAndIdempotent()
    {
        County c;
        std::string text;
        for (int i = 0; i < 10000; ++i)
            text += Json{{"collection", "pupils"},
                         {"id", "p" + std::to_string(i)},
                         {"fields", {{"name", "学生" + std::to_string(i)}, {"grade", 1 + i % 6}, {"village", "大箐村"}}}}
                        .dump() +
                    "\n";
        QElapsedTimer t;
        t.start();
        std::istringstream in(text);
        ImportResult r = importJsonLines(*c.store, "A", in, "big.jsonl", kNow);
        qInfo("imported 10,000 lines in %lld ms", t.elapsed());
        QCOMPARE(r.lines, size_t(10000));
        QCOMPARE(r.changed, size_t(10000));
        // How fast is make bench's business (docs/server.md gives the numbers), not a test's.
        QCOMPARE(c.store->scopeSum("A"), recomputeScopeSum(*c.store, "A"));
        std::istringstream again(text);
        ImportResult r2 = importJsonLines(*c.store, "A", again, "big.jsonl", kNow);
        QCOMPARE(r2.changed, size_t(0));
    }

    void importedRecordsSync()
    {
        County c;
        std::istringstream in("{\"collection\":\"pupils\",\"id\":\"p1\",\"fields\":{\"name\":\"王芳\"}}\n");
        importJsonLines(*c.store, "A", in, "f", kNow);
        DeviceSession d = c.device("head.a", "dev-1");
        SyncResponse r = c.sync(d, {});
        QCOMPARE(r.changes.size(), size_t(1));
        QCOMPARE(r.changes[0].versions["name"].node, uint32_t(0)); // a server write
        // An import of a record that exists in another school is refused.
        std::istringstream other("{\"collection\":\"pupils\",\"id\":\"p1\",\"fields\":{\"name\":\"x\"}}\n");
        QVERIFY_THROWS_EXCEPTION(cx::Error, importJsonLines(*c.store, "B", other, "f", kNow));
    }

    // Issue 13: a cell a spreadsheet would run as a formula is neutralised.
    void csvFormulasAreNeutralised()
    {
        County c;
        {
            Transaction tx(*c.store);
            serverPut(*c.store, "pupils", "p1", "A",
                      {{"a", "=HYPERLINK(\"http://evil\")"},
                       {"b", "+1"},
                       {"c", "-2"},
                       {"d", "@SUM(A1)"},
                       {"e", -3},
                       {"f", "\t=1+1"},
                       {"g", "\r=1+1"},
                       {"h", "a=b"}},
                      "t", kNow);
            tx.commit();
        }
        std::ostringstream csv;
        exportRecords(*c.store, "pupils", std::string("A"), ExportFormat::Csv, csv);
        // A tab or CR first is neutralised too (the CR cell is quoted as RFC 4180
        // wants); an "=" inside a cell and a JSON number are left alone.
        QCOMPARE(csv.str(),
                 std::string("id,school,a,b,c,d,e,f,g,h\r\n"
                             "p1,A,\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,'-2,'@SUM(A1),-3,'\t=1+1,\"'\r=1+1\",a=b\r\n"));
    }

    void exportFormats()
    {
        County c;
        {
            Transaction tx(*c.store);
            serverPut(*c.store, "pupils", "p1", "A", {{"name", "李小梅"}, {"note", "says \"hi\", then\nleaves"}}, "t", kNow);
            serverPut(*c.store, "pupils", "p2", "A", {{"name", "王芳"}, {"grade", 3}}, "t", kNow);
            serverPut(*c.store, "pupils", "p3", "B", {{"name", "张伟"}}, "t", kNow);
            serverPut(*c.store, "pupils", "p4", "A", {{"name", "gone"}, {"_deleted", true}}, "t", kNow);
            tx.commit();
        }
        std::ostringstream csv;
        QCOMPARE(exportRecords(*c.store, "pupils", std::string("A"), ExportFormat::Csv, csv), size_t(2));
        QCOMPARE(csv.str(), std::string("id,school,grade,name,note\r\n"
                                        "p1,A,,李小梅,\"says \"\"hi\"\", then\nleaves\"\r\n"
                                        "p2,A,3,王芳,\r\n"));
        std::ostringstream jl;
        QCOMPARE(exportRecords(*c.store, "pupils", std::nullopt, ExportFormat::JsonLines, jl), size_t(3));
        std::istringstream lines(jl.str());
        std::string line;
        std::vector<Json> rows;
        while (std::getline(lines, line))
            rows.push_back(Json::parse(line));
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0]["collection"].get<std::string>(), std::string("pupils"));
        QCOMPARE(rows[0]["fields"]["name"].get<std::string>(), std::string("李小梅"));
        QCOMPARE(rows[2]["school"].get<std::string>(), std::string("B"));
    }

    void publishFormVersions()
    {
        County c;
        Json field = {{"name", "visitor"}, {"type", "text"}, {"label", {{"zh", "家访人"}, {"en", "Visitor"}}}};
        Json def = {
            {"id", "home_visit"},
            {"roles", Json::array({"teacher"})},
            {"schools", "*"},
            {"title", {{"zh", "家访记录"}, {"en", "Home visit"}}},
            {"pages",
             Json::array({{{"id", "p1"}, {"title", {{"zh", "家访"}, {"en", "Visit"}}}, {"fields", Json::array({field})}}})}};
        QCOMPARE(publishForm(*c.store, def, kNow), int64_t(1));
        QCOMPARE(publishForm(*c.store, def, kNow), int64_t(1)); // unchanged
        def["pages"][0]["fields"].push_back({{"name", "date"}, {"type", "date"}, {"label", {{"zh", "日期"}, {"en", "Date"}}}});
        QCOMPARE(publishForm(*c.store, def, kNow), int64_t(2));
        auto rec = c.store->record("forms", "home_visit");
        QVERIFY(rec);
        QCOMPARE(rec->school, std::string("*"));
        QCOMPARE(rec->fields["title"]["zh"].get<std::string>(), std::string("家访记录"));
        // Every version is kept.
        QVERIFY(c.store->record("form_versions", "home_visit.v1"));
        QVERIFY(c.store->record("form_versions", "home_visit.v2"));
        QVERIFY_THROWS_EXCEPTION(cx::Error, publishForm(*c.store, Json{{"title", "no id"}}, kNow));
        // A malformed definition is refused and the previous version stays.
        Json bad = def;
        bad["pages"][0]["fields"][0]["constraint"] = ". >= ";
        QVERIFY_THROWS_EXCEPTION(cx::Error, publishForm(*c.store, bad, kNow));
        QCOMPARE(c.store->record("forms", "home_visit")->fields["version"].get<int64_t>(), int64_t(2));
    }

    void addSchoolWritesRecord()
    {
        County c;
        addSchool(*c.store, "530102009", "大箐村完小", "禄劝县", kNow);
        QVERIFY(c.store->school("530102009"));
        QCOMPARE(c.store->record("schools", "530102009")->fields["name"].get<std::string>(), std::string("大箐村完小"));
        QVERIFY_THROWS_EXCEPTION(cx::Error, addSchool(*c.store, "*", "x", "", kNow));
    }

    void demoCounty()
    {
        QTemporaryDir dir;
        auto store = initDataDir(dir.path().toStdString());
        DemoOptions opt;
        opt.schools = 6;
        opt.pupils = 40;
        std::ostringstream out;
        generateDemo(*store, opt, kNow, out);
        QCOMPARE(store->schools().size(), size_t(6));
        for (const char *role : {"head", "teacher", "inspector", "bureau"}) {
            bool found = false;
            for (const auto &a : store->accounts())
                found |= a.role == role;
            QVERIFY2(found, role);
        }
        auto pupils = store->recordsOf("pupils", std::nullopt);
        QVERIFY(pupils.size() > 100);
        QVERIFY(pupils[0].fields.contains("ethnicity"));
        QVERIFY(!store->recordsOf("teachers", std::nullopt).empty());
        QCOMPARE(store->recordsOf("schools", std::nullopt).size(), size_t(6));
        QVERIFY(out.str().find("cunxiao-demo") != std::string::npos);
        for (const auto &s : store->schools())
            QCOMPARE(store->scopeSum(s.code), recomputeScopeSum(*store, s.code));
        // Running it again changes nothing.
        const uint64_t seq = store->lastSeq();
        std::ostringstream out2;
        generateDemo(*store, opt, kNow, out2);
        QCOMPARE(store->lastSeq(), seq);
    }

    // `serve --help` and the usage say how to run both shapes, and every command
    // that takes DATA_DIR says it also takes a URI (issue 12, point 8).
    void helpNamesBothShapes()
    {
        const Run all = runServer({"--help"});
        QCOMPARE(all.code, 0);
        const Run serve = runServer({"serve", "--help"});
        QCOMPARE(serve.code, 0);
        for (const Run *r : {&all, &serve}) {
            for (const char *want :
                 {"serve DATA_DIR --listen", "SQLite", "serve postgresql://", "PostgreSQL", "HAProxy", "nginx",
                  "packaging/server/cunxiao-server@.service", "packaging/server/haproxy-cunxiao.cfg", "A province"})
                QVERIFY2(r->out.contains(want), qPrintable(QString("missing \"%1\" in:\n%2").arg(want, r->out)));
        }
        QVERIFY(serve.out.contains("packaging/server/nginx-cunxiao.conf"));
        QVERIFY(serve.out.contains("/v1/health"));
        // Every command line of the usage that names DATA_DIR says DATA_DIR|URI.
        int commands = 0;
        for (const QString &line : all.out.split('\n')) {
            static const QStringList kCmds = {"init", "admin", "import", "export", "serve", "demo"};
            const QString t = line.trimmed();
            if (!line.startsWith("  ") || line.startsWith("    ") || !kCmds.contains(t.section(' ', 0, 0)))
                continue;
            ++commands;
            QVERIFY2(t.section(' ', 1, 1) == "DATA_DIR|URI", qPrintable(line));
        }
        QCOMPARE(commands, 18);
        for (const char *cmd : {"init", "import", "export", "serve", "demo"}) {
            const Run r = runServer({cmd, "--help"});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.startsWith(QString("usage: cunxiao-server %1 DATA_DIR|URI").arg(cmd)), qPrintable(r.out));
        }
        // The manual page's synopsis and command headings say the same.
        QFile man(QString(CX_SOURCE_DIR) + "/packaging/server/cunxiao-server.8");
        QVERIFY(man.open(QIODevice::ReadOnly));
        int manLines = 0;
        for (const QString &line : QString::fromUtf8(man.readAll()).split('\n')) {
            if (!line.contains("DATA_DIR") || !(line.startsWith(".I") || line.startsWith(".BI")))
                continue;
            if (line.startsWith(".IR DATA_DIR ,"))
                continue; // prose: "wherever a command takes DATA_DIR"
            ++manLines;
            QVERIFY2(line.contains("URI"), qPrintable(line));
        }
        QVERIFY(manLines >= 25);
        const Run admin = runServer({"admin", "--help"});
        QCOMPARE(admin.code, 0);
        for (const QString &line : admin.out.split('\n'))
            if (line.startsWith("usage:"))
                QVERIFY2(line.startsWith("usage: cunxiao-server admin DATA_DIR|URI "), qPrintable(line));
    }

    // The real `demo URI` and `import URI` commands on PostgreSQL (the library
    // calls are tested above; this is the command line an operator types).
    void demoAndImportCommandsOnPostgres()
    {
        if (!TestDatabase::enabled())
            QSKIP("needs CX_TEST_PG: runs in tst_server_admin_pg");
        TestDatabase db;
        const QString uri = QString::fromStdString(db.uri());
        Run r = runServer({"demo", uri, "--schools", "3", "--pupils", "12"});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY(r.out.contains("cunxiao-demo"));

        std::vector<std::string> codes;
        size_t pupils = 0, seq = 0;
        {
            auto store = openPostgresStore(db.uri(), false);
            QCOMPARE(store->schools().size(), size_t(3));
            for (const auto &s : store->schools())
                codes.push_back(s.code);
            for (const char *role : {"head", "teacher", "inspector", "bureau"}) {
                bool found = false;
                for (const auto &a : store->accounts())
                    found |= a.role == role;
                QVERIFY2(found, role);
            }
            pupils = store->recordsOf("pupils", std::nullopt).size();
            QVERIFY(pupils >= 3 * 8);
            QVERIFY(!store->recordsOf("teachers", std::nullopt).empty());
            for (const auto &code : codes)
                QCOMPARE(store->scopeSum(code), recomputeScopeSum(*store, code));
            seq = store->lastSeq();
        }
        // What `export` sees through the same URI.
        r = runServer({"export", uri, "pupils", "--format", "jsonl"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(lines(r.out), int(pupils));
        r = runServer({"export", uri, "schools", "--format", "jsonl"});
        QCOMPARE(lines(r.out), 3);
        // demo again changes nothing.
        r = runServer({"demo", uri, "--schools", "3", "--pupils", "12"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(openPostgresStore(db.uri(), false)->lastSeq(), seq);

        // import into one of the demo's schools.
        QTemporaryDir dir;
        const QString file = dir.path() + "/pupils.jsonl";
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"collection\":\"pupils\",\"id\":\"0191aae1-a46a-71e2-82cc-2ce46014be3b\",\"fields\":{\"name\":\"李小梅\","
                    "\"grade\":3}}\n"
                    "{\"collection\":\"pupils\",\"fields\":{\"name\":\"王小明\",\"grade\":4}}\n"
                    "\n"
                    "{\"collection\":\"teachers\",\"fields\":{\"name\":\"王芳\",\"status\":\"在编\"}}\n");
        }
        const QString school = QString::fromStdString(codes.front());
        r = runServer({"import", uri, "--school", school, file});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        r = runServer({"export", uri, "pupils", "--school", school, "--format", "jsonl"});
        QVERIFY(r.out.contains("0191aae1-a46a-71e2-82cc-2ce46014be3b"));
        QVERIFY(r.out.contains("李小梅"));
        QVERIFY(r.out.contains("王小明"));
        r = runServer({"export", uri, "pupils", "--format", "jsonl"});
        QCOMPARE(lines(r.out), int(pupils) + 2);
        uint64_t afterImport = 0;
        {
            auto store = openPostgresStore(db.uri(), false);
            QCOMPARE(store->recordsOf("pupils", std::nullopt).size(), pupils + 2);
            QCOMPARE(store->scopeSum(codes.front()), recomputeScopeSum(*store, codes.front()));
            afterImport = store->lastSeq();
            QVERIFY(afterImport > seq);
        }
        // A bad file: refused with its line number, nothing lands.
        const QString bad = dir.path() + "/bad.jsonl";
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"collection\":\"pupils\",\"fields\":{\"name\":\"赵六\"}}\n{not json\n");
        }
        r = runServer({"import", uri, "--school", school, bad});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("bad.jsonl:2"), qPrintable(r.err));
        QCOMPARE(openPostgresStore(db.uri(), false)->lastSeq(), afterImport);
        r = runServer({"export", uri, "pupils", "--format", "jsonl"});
        QCOMPARE(lines(r.out), int(pupils) + 2);
        QVERIFY(!r.out.contains("赵六"));
    }
};

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
