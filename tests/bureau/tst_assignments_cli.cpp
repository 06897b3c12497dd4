// `cunxiao-cli assignments / assign / visit-targets / visit-target` against the
// real server process over TLS, on the demo county the server's `demo` makes
// (issue 14 point 4, docs/bureau.md "Assignments and targets"): the bureau
// plans, the inspector's phone receives it and its inspection completes it;
// a head cannot plan; a head sets a teacher's target, a teacher cannot.
#include "Fixture.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

class TestAssignmentsCli : public QObject
{
    Q_OBJECT

    static QJsonObject find(const QJsonArray &rows, const QString &id)
    {
        for (const auto &r : rows)
            if (r.toObject()["id"].toString() == id)
                return r.toObject();
        return {};
    }

private slots:
    void planInspectAndTargets()
    {
        BureauFixture b;
        int code = -1;
        const QString demo = runTool(
            CX_SERVER_EXE, {"demo", b.location(), "--schools", "7", "--pupils", "20", "--forms", CX_FORMS_DIR}, {}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(demo.contains("zhou.min  inspector"), qPrintable(demo));
        b.start();
        const QString bureau = "bureau.db", inspector = "inspector.db", head = "head.db", teacher = "teacher.db";
        b.enroll(bureau, "chen.jun", "cunxiao-demo");
        b.enroll(inspector, "zhou.min", "cunxiao-demo");
        b.enroll(head, "zhang.wei", "cunxiao-demo");
        b.enroll(teacher, "li.na", "cunxiao-demo");
        for (const QString &db : {bureau, inspector, head, teacher})
            QCOMPARE(b.cli(db, {"sync"}).exitCode, 0);

        // The demo's seven schools in two townships: per inspector half done, the rest planned, one overdue.
        CliResult c = b.cli(bureau, {"assignments", "--json"});
        QCOMPARE(c.exitCode, 0);
        QJsonObject counts = c.json().object()["counts"].toObject();
        QCOMPARE(counts["done"].toInt(), 4);
        QCOMPARE(counts["planned"].toInt(), 2);
        QCOMPARE(counts["overdue"].toInt(), 1);
        c = b.cli(bureau, {"assignments", "--state", "overdue", "--json"});
        QCOMPARE(c.json().object()["assignments"].toArray().size(), 1);
        QCOMPARE(c.json().object()["assignments"].toArray()[0].toObject()["inspector"].toString(), QString("zhou.min"));
        c = b.cli(bureau, {"assignments"});
        QVERIFY2(c.out.contains("已逾期 overdue") && c.out.contains("planned 2  done 4  overdue 1"), qPrintable(c.out));
        QVERIFY(b.cli(bureau, {"assignments", "--state", "late"}).exitCode != 0);

        // Done vs planned this month (sync/bureau/Progress.h): the assignments
        // due in it, as the list has them; the four targets (every other school:
        // 4, 6, 5 and 4 visits; 4, 2, 5 and 1 made; two met).
        const QString month = QDate::currentDate().toString("yyyy-MM");
        c = b.cli(bureau, {"progress", "--period", month, "--json"});
        QCOMPARE(c.exitCode, 0);
        const QJsonObject prog = c.json().object();
        QCOMPARE(prog["period"].toString(), month);
        int duePlanned = 0, dueDone = 0, dueOverdue = 0;
        for (const QJsonValue &v : b.cli(bureau, {"assignments", "--json"}).json().object()["assignments"].toArray()) {
            const QString day = v.toObject()["due"].toString(), state = v.toObject()["state"].toString();
            if (day < prog["first"].toString() || day > prog["last"].toString())
                continue;
            ++duePlanned;
            dueDone += state == "done";
            dueOverdue += state == "overdue";
        }
        const QJsonObject inspections = prog["inspections"].toObject()["county"].toObject();
        QVERIFY(duePlanned > 0);
        QCOMPARE(inspections["planned"].toInt(), duePlanned);
        QCOMPARE(inspections["done"].toInt(), dueDone);
        QCOMPARE(inspections["overdue"].toInt(), dueOverdue);
        QCOMPARE(prog["inspections"].toObject()["townships"].toObject().size(), 2);
        const QJsonObject visits = prog["home_visits"].toObject()["county"].toObject();
        QCOMPARE(visits["targets"].toInt(), 4);
        QCOMPARE(visits["planned"].toInt(), 4 + 6 + 5 + 4);
        QCOMPARE(visits["done"].toInt(), 4 + 2 + 5 + 1);
        QCOMPARE(visits["met"].toInt(), 2);
        QCOMPARE(prog["home_visits"].toObject()["teachers"].toArray().size(), 4);
        c = b.cli(bureau, {"progress", "--period", month});
        QVERIFY2(c.out.contains("督导 inspections done / planned") && c.out.contains("zhou.min"), qPrintable(c.out));
        c = b.cli(bureau, {"progress", "--period", "下个月"});
        QVERIFY(c.exitCode != 0);
        QVERIFY2(c.err.contains("is not a month"), qPrintable(c.err));

        // Plan one; a bad due date is refused with the reason, before anything is written.
        const QString due = QDate::currentDate().addDays(10).toString(Qt::ISODate);
        c = b.cli(bureau, {"assign", "--school", "5323010001", "--inspector", "zhou.min", "--due", "明天", "--form",
                           "school_inspection"});
        QVERIFY(c.exitCode != 0);
        QVERIFY2(c.err.contains("is not a day"), qPrintable(c.err));
        c = b.cli(bureau,
                  {"assign", "--school", "5323010001", "--inspector", "zhou.min", "--due", due, "--form", "school_inspection"});
        QCOMPARE(c.exitCode, 0);
        const QString id = c.out.trimmed();
        QVERIFY(!id.isEmpty());
        QCOMPARE(b.cli(bureau, {"sync"}).exitCode, 0);
        QCOMPARE(b.serverRecords("assignments")[id].toObject()["fields"].toObject()["inspector"].toString(), QString("zhou.min"));

        // On the inspector's phone; the inspection that names it comes back and completes it.
        QCOMPARE(b.cli(inspector, {"sync"}).exitCode, 0);
        c = b.cli(inspector, {"assignments", "--state", "open", "--inspector", "zhou.min", "--json"});
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(find(c.json().object()["assignments"].toArray(), id)["due"].toString(), due);
        c = b.cli(inspector, {"put", "inspections", "-", "--school", "5323010001", "assignment=" + id,
                              "date=" + QDate::currentDate().toString(Qt::ISODate), "status=done"});
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(b.cli(inspector, {"sync"}).exitCode, 0);
        QCOMPARE(b.cli(bureau, {"sync"}).exitCode, 0);
        c = b.cli(bureau, {"assignments", "--json"});
        const QJsonObject row = find(c.json().object()["assignments"].toArray(), id);
        QCOMPARE(row["state"].toString(), QString("done"));
        QCOMPARE(c.json().object()["counts"].toObject()["done"].toInt(), 5);
        // Done by that inspection: neither cancelled nor marked done again.
        c = b.cli(bureau, {"assign", "--cancel", id});
        QVERIFY2(c.exitCode != 0 && c.err.contains("is already done (inspection"), qPrintable(c.err));
        c = b.cli(bureau, {"assign", "--done", id, "--note", "纸质"});
        QVERIFY2(c.exitCode != 0 && c.err.contains("only a planned or overdue one"), qPrintable(c.err));

        // A head cannot plan: its device does not hold the checklist form (it is for
        // inspectors), and an assignment written straight into its replica is refused by the server.
        c = b.cli(head,
                  {"assign", "--school", "5323010001", "--inspector", "zhou.min", "--due", due, "--form", "school_inspection"});
        QVERIFY2(c.exitCode != 0 && c.err.contains("no form school_inspection"), qPrintable(c.err));
        QCOMPARE(b.cli(head, {"put", "assignments", "-", "--school", "5323010001", "school=5323010001", "inspector=zhou.min",
                              "due=" + due, "form=school_inspection", "status=planned",
                              "assigned_on=" + QDate::currentDate().toString(Qt::ISODate)})
                     .exitCode,
                 0);
        c = b.cli(head, {"sync"});
        QVERIFY(c.exitCode != 0);
        c = b.cli(head, {"rejected"});
        QVERIFY2(c.out.contains("only the bureau plans inspections"), qPrintable(c.out));

        // The head sets li.na's target for this month (an edit of the demo's), li.na's visits count.
        c = b.cli(head, {"visit-target", "--school", "5323010001", "--teacher", "li.na", "--count", "6"});
        QCOMPARE(c.exitCode, 0);
        b.cli(head, {"sync"}); // its refused assignment stays refused; the target goes
        QCOMPARE(b.serverRecords("visit_targets")["demo-target-00-00"].toObject()["fields"].toObject()["count"].toInt(), 6);
        QCOMPARE(b.cli(teacher, {"sync"}).exitCode, 0);
        c = b.cli(teacher, {"visit-targets", "--json"});
        QCOMPARE(c.exitCode, 0);
        const QStringList lines = c.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QJsonObject t = QJsonDocument::fromJson(lines[0].toUtf8()).object();
        QCOMPARE(t["teacher"].toString(), QString("li.na"));
        QCOMPARE(t["target"].toInt(), 6);
        QCOMPARE(t["done"].toInt(), 4); // the demo's four visits this month
        QCOMPARE(t["met"].toBool(), false);
        QVERIFY(b.cli(head, {"visit-target", "--school", "5323010001", "--teacher", "li.na", "--count", "x"}).exitCode != 0);

        // A teacher cannot set targets.
        QCOMPARE(b.cli(teacher, {"visit-target", "--school", "5323010001", "--teacher", "li.na", "--count", "1"}).exitCode, 0);
        QVERIFY(b.cli(teacher, {"sync"}).exitCode != 0);
        QVERIFY2(b.cli(teacher, {"rejected"}).out.contains("only a school head or the bureau"),
                 qPrintable(b.cli(teacher, {"rejected"}).out));
    }
};

QTEST_GUILESS_MAIN(TestAssignmentsCli)
#include "tst_assignments_cli.moc"
