// The real cunxiao-server: admin import-xlsform --publish into a temporary data
// directory publishes the form (seen in `export forms`), a refused workbook
// publishes nothing and says why, and export-xlsform / import-xlsform give a
// county form back unchanged.
#include "../integration/Fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run server(const QStringList &args)
{
    QProcess p;
    p.start(CX_SERVER_EXE, args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString sample(const char *name) { return QString(CX_SOURCE_DIR) + "/tests/xlsform/samples/" + name; }

} // namespace

class TestXlsformE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> b;

private slots:
    void initTestCase() { b = std::make_unique<BureauFixture>(false); }

    void importAndPublish()
    {
        Run r =
            server({"admin", b->dataDir(), "import-xlsform", sample("yes_or_no_question.xlsx"), "--id", "good_day", "--publish"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QString("form good_day published, version 1"));
        QVERIFY(r.err.contains("note: "));
        QJsonObject form = b->serverRecords("forms")["good_day"].toObject();
        QJsonObject fields = form["fields"].toObject();
        QCOMPARE(fields["version"].toInt(), 1);
        QJsonObject def = fields["definition"].toObject();
        QCOMPARE(def["fields"].toArray()[0].toObject()["name"].toString(), QString("good_day"));
        QCOMPARE(def["fields"].toArray()[0].toObject()["options"].toArray().size(), 2);
        QVERIFY(b->serverRecords("form_versions").contains("good_day.v1"));
        // The same workbook again changes nothing; with --out it is also written.
        QString out = b->path("good_day.json");
        r = server({"admin", b->dataDir(), "import-xlsform", sample("yes_or_no_question.xlsx"), "--id", "good_day", "--out", out,
                    "--publish"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QString("form good_day published, version 1"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object()["id"].toString(), QString("good_day"));
    }

    void printsWithoutPublishing()
    {
        Run r = server({"admin", b->dataDir(), "import-xlsform", sample("text_and_integer.xlsx")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["id"].toString(), QString("text_and_integer"));
        QVERIFY(!b->serverRecords("forms").contains("text_and_integer"));
    }

    void refusedPublishesNothing()
    {
        Run r = server({"admin", b->dataDir(), "import-xlsform", sample("pull_data.xlsx"), "--id", "fruit", "--publish"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("survey row 2, column calculation: the function pulldata() is not supported"));
        QVERIFY(r.err.contains("survey 表第 2 行 calculation 列：不支持函数 pulldata()"));
        QVERIFY(!b->serverRecords("forms").contains("fruit"));
        r = server({"admin", b->dataDir(), "import-xlsform", sample("tutorial.xls"), "--publish"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("tutorial.xls: "));
        QVERIFY(r.err.contains("save it as an Excel workbook (.xlsx)"));
    }

    void countyFormThroughExcelAndBack()
    {
        QString json = QString(CX_SOURCE_DIR) + "/forms/county/school_inspection.json";
        b->admin({"publish-form", json});
        QString xlsx = b->path("inspection.xlsx");
        Run r = server({"admin", b->dataDir(), "export-xlsform", "school_inspection", "--out", xlsx});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = server({"admin", b->dataDir(), "import-xlsform", xlsx});
        QCOMPARE(r.code, 0);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object(), QJsonDocument::fromJson(f.readAll()).object());
        r = server({"admin", b->dataDir(), "export-xlsform", "no_such_form", "--out", xlsx});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("no published form \"no_such_form\""));
    }

    void help()
    {
        Run r = server({"admin", b->dataDir(), "import-xlsform", "--help"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("import-xlsform FILE.xlsx [--id ID] [--out FORM.json] [--publish]"));
        QVERIFY(server({"admin", "--help"}).out.contains("export-xlsform FORM_ID --out FILE.xlsx"));
    }
};

QTEST_GUILESS_MAIN(TestXlsformE2E)
#include "tst_xlsform_e2e.moc"
