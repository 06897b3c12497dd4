// `cunxiao-cli completeness / review / accept / return` against the real
// server process over TLS, on the demo county the server's `demo` makes
// (docs/bureau.md): the numbers a script reads are the ones the pages show,
// and what the bureau decides reaches the school head's device.
#include "Fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QJsonObject>
#include <QtTest>

class TestBureauCli : public QObject
{
    Q_OBJECT

    QList<QJsonObject> lines(const CliResult &r)
    {
        QList<QJsonObject> out;
        for (const QString &l : r.out.split('\n', Qt::SkipEmptyParts))
            out << QJsonDocument::fromJson(l.toUtf8()).object();
        return out;
    }

private slots:
    void demoCountyThroughTheCli()
    {
        BureauFixture b;
        int code = -1;
        const QString demo = runTool(
            CX_SERVER_EXE, {"demo", b.location(), "--schools", "7", "--pupils", "20", "--forms", CX_FORMS_DIR}, {}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(demo.contains("returns"), qPrintable(demo));
        b.start();
        const QString bureau = "bureau.db", head = "head.db"; // inside the fixture's directory
        b.enroll(bureau, "chen.jun", "cunxiao-demo");
        b.enroll(head, "zhang.wei", "cunxiao-demo");
        QCOMPARE(b.cli(bureau, {"sync"}).exitCode, 0);

        // Completeness of the current school year, as a script reads it.
        CliResult c = b.cli(bureau, {"completeness", "enrolment_return", "--json"});
        QCOMPARE(c.exitCode, 0);
        const QJsonObject rep = c.json().object();
        QCOMPARE(rep["form"].toString(), QString("enrolment_return"));
        const QJsonObject county = rep["county"].toObject();
        QCOMPARE(county["expected"].toInt(), 7);
        QCOMPARE(rep["schools"].toArray().size(), 7);
        QCOMPARE(county["submitted"].toInt() + county["missing"].toInt() + county["due"].toInt(), 7);
        QCOMPARE(county["on_time"].toInt() + county["late"].toInt(), county["submitted"].toInt());
        QCOMPARE(rep["townships"].toObject().size(), 2); // seven schools: two townships
        // Last year every school reported and every return was settled.
        const int year = rep["period"].toString().left(4).toInt();
        c = b.cli(bureau, {"completeness", "enrolment_return", "--period", QString("%1-%2").arg(year - 1).arg(year), "--json"});
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(c.json().object()["county"].toObject()["submitted"].toInt(), 7);
        QCOMPARE(c.json().object()["county"].toObject()["accepted"].toInt(), 7);
        // The grid, and the table a person reads.
        c = b.cli(bureau, {"completeness", "enrolment_return", "--grid", "3", "--json"});
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(c.json().object()["periods"].toArray().size(), 2); // none before the first returns
        c = b.cli(bureau, {"completeness", "enrolment_return"});
        QCOMPARE(c.exitCode, 0);
        QVERIFY2(c.out.contains("龙泉镇中心学校"), qPrintable(c.out));

        // Clear errors, nothing changed.
        c = b.cli(bureau, {"completeness", "no_such_form"});
        QVERIFY(c.exitCode != 0);
        QVERIFY2(c.err.contains("no_such_form"), qPrintable(c.err));
        c = b.cli(bureau, {"completeness", "enrolment_return", "--period", "2025"});
        QVERIFY(c.exitCode != 0);
        QVERIFY2(c.err.contains("not a school_year period"), qPrintable(c.err));
        c = b.cli(bureau, {"completeness", "school_inspection"});
        QVERIFY(c.exitCode != 0);
        QVERIFY2(c.err.contains("not filed per period"), qPrintable(c.err));

        // The review queue; the first school's return is accepted or returned by the bureau.
        c = b.cli(bureau, {"review", "--status", "all", "--school", "5323010001", "--json"});
        QCOMPARE(c.exitCode, 0);
        QList<QJsonObject> mine = lines(c);
        QVERIFY(!mine.isEmpty());
        c = b.cli(bureau, {"review", "--json"});
        QCOMPARE(c.exitCode, 0);
        const QList<QJsonObject> waiting = lines(c);
        QVERIFY(!waiting.isEmpty());
        for (const auto &w : waiting)
            QCOMPARE(w["status"].toString(), QString("submitted"));
        QVERIFY(b.cli(bureau, {"return", waiting[0]["id"].toString()}).exitCode != 0); // no comment
        QCOMPARE(b.cli(bureau, {"return", waiting[0]["id"].toString(), "--comment", "请核对3-6岁人口数"}).exitCode, 0);
        if (waiting.size() > 1)
            QCOMPARE(b.cli(bureau, {"accept", waiting[1]["id"].toString()}).exitCode, 0);
        c = b.cli(bureau, {"accept", waiting[0]["id"].toString()}); // already returned
        QVERIFY(c.exitCode != 0);
        QVERIFY2(c.err.contains("not waiting for review"), qPrintable(c.err));
        QCOMPARE(b.cli(bureau, {"sync"}).exitCode, 0);
        QCOMPARE(b.cli(bureau, {"review", "--json"}).out.count('\n'), waiting.size() - std::min<int>(2, waiting.size()));

        // The server holds the decisions; a school's device sees the comment.
        const QJsonObject onServer = b.serverRecords("submissions");
        const QJsonObject returned = onServer[waiting[0]["id"].toString()].toObject();
        QCOMPARE(returned["fields"].toObject()["status"].toString(), QString("returned"));
        QCOMPARE(returned["fields"].toObject()["comment"].toString(), QString("请核对3-6岁人口数"));
        if (waiting[0]["school"].toObject()["code"].toString() == "5323010001") {
            QCOMPARE(b.cli(head, {"sync"}).exitCode, 0);
            const QJsonObject seen = b.cli(head, {"get", "submissions", waiting[0]["id"].toString()}).json().object();
            QCOMPARE(seen["fields"].toObject()["comment"].toString(), QString("请核对3-6岁人口数"));
        }
    }

    // `publish-form` and `forms` (docs/bureau.md "Forms"): a new version of the
    // demo's enrolment return goes out from the bureau's device, reaches the
    // head's phone, which reports it; a malformed file is refused and nothing changes.
    void publishFormThroughTheCli()
    {
        BureauFixture b;
        int code = -1;
        runTool(CX_SERVER_EXE, {"demo", b.location(), "--schools", "3", "--pupils", "10", "--forms", CX_FORMS_DIR}, {}, &code);
        QCOMPARE(code, 0);
        b.start();
        const QString bureau = "bureau.db", head = "head.db";
        b.enroll(bureau, "chen.jun", "cunxiao-demo");
        b.enroll(head, "zhang.wei", "cunxiao-demo");
        QCOMPARE(b.cli(bureau, {"sync"}).exitCode, 0);
        QCOMPARE(b.cli(head, {"sync"}).exitCode, 0);

        QFile in(CX_FORMS_DIR "/enrolment_return.json");
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject def = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray pages = def["pages"].toArray();
        QJsonObject first = pages[0].toObject();
        QJsonArray fields = first["fields"].toArray();
        fields.append(
            QJsonObject{{"name", "classes"}, {"type", "integer"}, {"label", QJsonObject{{"zh", "教学班数"}, {"en", "Classes"}}}});
        first["fields"] = fields;
        pages[0] = first;
        def["pages"] = pages;
        QTemporaryDir dir;
        QFile out(dir.filePath("enrolment_return.json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(def).toJson());
        out.close();

        CliResult c = b.cli(bureau, {"publish-form", out.fileName()});
        QCOMPARE(c.exitCode, 0);
        QVERIFY2(c.out.contains("added") && c.out.contains("classes") && c.out.contains("version 2"), qPrintable(c.out));
        auto formLine = [&](const QString &db) {
            for (const auto &l : lines(b.cli(db, {"forms", "--json"})))
                if (l["id"].toString() == "enrolment_return")
                    return l;
            return QJsonObject();
        };
        QCOMPARE(formLine(bureau)["draft"].toString(), QString("sending"));
        QCOMPARE(formLine(bureau)["version"].toInt(), 1);
        QCOMPARE(b.cli(bureau, {"sync"}).exitCode, 0);
        QCOMPARE(formLine(bureau)["version"].toInt(), 2);
        QVERIFY(formLine(bureau)["draft"].isNull());
        QCOMPARE(b.serverRecords("forms")["enrolment_return"].toObject()["fields"].toObject()["version"].toInt(), 2);

        // The head's phone gets v2 and says so at its next sync.
        QCOMPARE(b.cli(head, {"sync"}).exitCode, 0);
        QCOMPARE(b.cli(head, {"sync"}).exitCode, 0);
        QCOMPARE(b.cli(bureau, {"devices", "--refresh"}).exitCode, 0);
        const QJsonArray held = formLine(bureau)["devices"].toArray();
        QVERIFY2(!held.isEmpty(), qPrintable(QJsonDocument(formLine(bureau)).toJson()));
        QCOMPARE(held[0].toObject()["version"].toInt(), 2);
        QVERIFY(held[0].toObject()["devices"].toInt() >= 1);

        // A malformed definition: refused with what is wrong, nothing published.
        QFile bad(dir.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(
            R"({"id": "enrolment_return", "title": "x", "pages": [{"id": "p", "fields": [{"name": "a", "type": "integr"}]}]})");
        bad.close();
        c = b.cli(bureau, {"publish-form", bad.fileName()});
        QVERIFY(c.exitCode != 0);
        QVERIFY2(c.err.contains("bad.json") && c.err.contains("integr"), qPrintable(c.err));
        QCOMPARE(b.cli(bureau, {"sync"}).exitCode, 0);
        QCOMPARE(b.serverRecords("forms")["enrolment_return"].toObject()["fields"].toObject()["version"].toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestBureauCli)
#include "tst_bureau_cli.moc"
