// The app's C++ side without QML: the roster model reads its rows from the
// replica a page at a time (search, filters and sort in SQL), Home's to-do
// counts come from a real replica, the PIN is
// stored as a salted hash, submissions map to the states people see, and the
// form controller renders, checks and saves a form through the forms engine.
#include "TestKey.h"
#include "account/Session.h"
#include "core/AppContext.h"
#include "forms/FormController.h"
#include "models/RecordListModel.h"
#include "models/SubmissionModel.h"
#include "models/TodoModel.h"
#include "models/CompletenessModel.h"
#include "models/ReviewQueueModel.h"
#include "models/StatisticsModel.h"
#include "models/DevicesModel.h"
#include "models/AssignmentsModel.h"
#include "models/TableExport.h"
#include "models/RecordHistoryModel.h"
#include "xlsform/Workbook.h"
#include "bureau/FormDrafts.h"
#include "models/BureauFormsModel.h"
#include "engine/Engine.h"
#include "models/AccountsAdminModel.h"
#include "account/QrCodes.h"
#include "core/DemoCounty.h"
#include "demo/DemoPlans.h"
#include "demo/DemoSchools.h"
#include "sync/SyncController.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cx::app;

class TestAppModels : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    AppContext *m_ctx = nullptr;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ctx = new AppContext(m_dir.path(), this);
        m_ctx->sync()->setAutomatic(false);
        m_ctx->setFallbackSchool(QStringLiteral("S001"));
        QVERIFY(m_ctx->openAccount(QStringLiteral("test"), testKey()));
    }

    void rosterLoadsInPages()
    {
        const int n = 1200;
        for (int i = 0; i < n; ++i)
            QVERIFY(!m_ctx
                         ->put(QStringLiteral("pupils"), {},
                               {{QStringLiteral("name"), QStringLiteral("学生%1").arg(i, 4, 10, QLatin1Char('0'))},
                                {QStringLiteral("grade"), 1 + i % 6},
                                {QStringLiteral("class"), QString::number(1 + i % 2)},
                                {QStringLiteral("status"), QStringLiteral("in_school")}})
                         .isEmpty());
        RecordListModel model;
        QElapsedTimer t;
        t.start();
        model.setCollection(QStringLiteral("pupils"));
        QVERIFY(model.loading());
        QVERIFY(model.waitForLoaded(20000));
        qInfo("roster of %d pupils: first rows in %lld ms", n, static_cast<long long>(t.elapsed()));
        QCOMPARE(model.total(), n);
        QCOMPARE(model.rowCount(), n);             // the view knows the size at once ...
        QCOMPARE(model.count(), model.pageSize()); // ... but only one page is in memory
        QCOMPARE(model.get(0).value(QStringLiteral("name")).toString(), QStringLiteral("学生0000"));
        QCOMPARE(model.pagesRead(), 0);
        // Scrolling to the end reads the pages it shows and keeps a window of them.
        for (int row = 0; row < n; row += 37)
            QVERIFY(!model.data(model.index(row), RecordListModel::IdRole).toString().isEmpty());
        QCOMPARE(model.data(model.index(n - 1), RecordListModel::TitleRole).toString(), QStringLiteral("学生1199"));
        QCOMPARE(model.pagesRead(), n / model.pageSize() - 1);
        QVERIFY(model.count() <= RecordListModel::kCachedPages * model.pageSize());
        QCOMPARE(model.get(n - 1).value(QStringLiteral("name")).toString(), QStringLiteral("学生1199"));

        model.setSearch(QStringLiteral("学生001"));
        QVERIFY(model.waitForLoaded(20000));
        QCOMPARE(model.total(), 10);
        QCOMPARE(model.get(9).value(QStringLiteral("name")).toString(), QStringLiteral("学生0019"));
        model.setSearch({});
        model.setFilters({{QStringLiteral("grade"), QStringLiteral("3")}, {QStringLiteral("class"), QStringLiteral("1")}});
        QVERIFY(model.waitForLoaded(20000));
        QCOMPARE(model.total(), n / 6); // grade 3 pupils are all in class 1 (i % 6 == 2 is even)
        for (int row = 0; row < model.total(); ++row)
            QCOMPARE(model.get(row).value(QStringLiteral("grade")).toInt(), 3);
        QCOMPARE(model.distinct(QStringLiteral("grade")), QStringList({"1", "2", "3", "4", "5", "6"}));
        model.setFilters({});
        model.setSortDescending(true);
        QVERIFY(model.waitForLoaded(20000));
        QCOMPARE(model.get(0).value(QStringLiteral("name")).toString(), QStringLiteral("学生1199"));
    }

    // Chinese names sort by pinyin (as QCollator(zh_CN) does), in SQL.
    void namesSortAsInChinese()
    {
        for (const char *name : {"张三", "李四", "阿明", "王五"})
            QVERIFY(!m_ctx->put(QStringLiteral("staff"), {}, {{QStringLiteral("name"), QString::fromUtf8(name)}}).isEmpty());
        RecordListModel model;
        model.setCollection(QStringLiteral("staff"));
        QVERIFY(model.waitForLoaded());
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << model.get(row).value(QStringLiteral("name")).toString();
        QCOMPARE(names, QStringList({"阿明", "李四", "王五", "张三"}));
    }

    // QAbstractItemModelTester reads every row on every change, as a greedy view would.
    void modelTester()
    {
        RecordListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCollection(QStringLiteral("pupils"));
        QVERIFY(model.waitForLoaded(20000));
        model.setSearch(QStringLiteral("学生00"));
        QVERIFY(model.waitForLoaded(20000));
        QCOMPARE(model.total(), 100);
        model.setSearch(QStringLiteral("nobody"));
        QVERIFY(model.waitForLoaded(20000));
        QCOMPARE(model.rowCount(), 0);
    }

    void listReloadsAfterALocalChange()
    {
        RecordListModel model;
        model.setCollection(QStringLiteral("home_visits"));
        QVERIFY(model.waitForLoaded());
        QCOMPARE(model.total(), 0);
        QSignalSpy loaded(&model, &RecordListModel::loaded);
        const QString id =
            m_ctx->put(QStringLiteral("home_visits"), {},
                       {{QStringLiteral("pupil"), QStringLiteral("x")}, {QStringLiteral("date"), QStringLiteral("2025-09-01")}});
        QVERIFY(loaded.wait(5000));
        QVERIFY(model.waitForLoaded());
        QCOMPARE(model.total(), 1);
        QCOMPARE(model.data(model.index(0), RecordListModel::SyncStateRole).toString(), QStringLiteral("pending"));
        // An edit that keeps the number of rows refreshes them in place (the list keeps its position).
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_ctx->put(QStringLiteral("home_visits"), id, {{QStringLiteral("date"), QStringLiteral("2025-09-02")}});
        QVERIFY(loaded.wait(5000));
        QCOMPARE(resets.size(), 0);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(model.get(0).value(QStringLiteral("date")).toString(), QStringLiteral("2025-09-02"));
    }

    void submissionStates_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("sync");
        QTest::addColumn<QString>("shown");
        QTest::newRow("draft") << "draft"
                               << "pending"
                               << "draft";
        QTest::newRow("waiting") << "submitted"
                                 << "pending"
                                 << "waiting";
        QTest::newRow("sent") << "submitted"
                              << "sent"
                              << "sent";
        QTest::newRow("confirmed") << "submitted"
                                   << "confirmed"
                                   << "confirmed";
        QTest::newRow("rejected") << "submitted"
                                  << "rejected"
                                  << "rejected";
        QTest::newRow("returned") << "returned"
                                  << "confirmed"
                                  << "returned";
        QTest::newRow("accepted") << "accepted"
                                  << "confirmed"
                                  << "accepted";
    }
    void submissionStates()
    {
        QFETCH(QString, status);
        QFETCH(QString, sync);
        QFETCH(QString, shown);
        QCOMPARE(SubmissionModel::displayState(status, sync), shown);
    }

    void plainErrors()
    {
        QVERIFY(SyncController::plainError(cx::ErrorKind::Network).contains(QStringLiteral("later")));
        QVERIFY(SyncController::plainError(cx::ErrorKind::Auth) != SyncController::plainError(cx::ErrorKind::Network));
    }

    void formRendersChecksAndSaves()
    {
        QFile f(QStringLiteral(":/Cunxiao/demo/forms/home_visit.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        FormController form;
        form.setLanguage(QStringLiteral("en"));
        QVERIFY2(form.openDefinition(QString::fromUtf8(f.readAll())), qPrintable(form.error()));
        QCOMPARE(form.pageCount(), 3);
        QCOMPARE(form.fields().size(), 5);
        QCOMPARE(form.fields().at(0).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Pupil"));
        QVERIFY(form.fields().at(0).toMap().value(QStringLiteral("required")).toBool());

        // Required problems wait until the person tries to move on.
        QVERIFY(form.fields().at(1).toMap().value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(!form.next());
        QVERIFY(!form.fields().at(1).toMap().value(QStringLiteral("error")).toString().isEmpty());

        form.setAnswer(QStringLiteral("visitors"), QStringLiteral("李老师"));
        form.setAnswer(QStringLiteral("date"), QStringLiteral("2024-05-01"));
        form.setAnswer(QStringLiteral("reason"), QStringLiteral("routine"));
        QCOMPARE(form.currentPage(), 0);
        form.setCurrentPage(1);
        auto field = [&](const QString &name) {
            for (const auto &v : form.fields())
                if (v.toMap().value(QStringLiteral("name")).toString() == name)
                    return v.toMap();
            return QVariantMap();
        };
        // Relevance: "back at school" only for pupils who left or may leave.
        QVERIFY(!field(QStringLiteral("back_at_school")).value(QStringLiteral("relevant")).toBool());
        form.setAnswer(QStringLiteral("reason"), QStringLiteral("left_school"));
        QVERIFY(field(QStringLiteral("back_at_school")).value(QStringLiteral("relevant")).toBool());
        // Constraints are checked as the person types.
        form.setAnswer(QStringLiteral("household"), 0);
        QVERIFY(
            field(QStringLiteral("household")).value(QStringLiteral("error")).toString().contains(QStringLiteral("1 and 20")));
        form.setAnswer(QStringLiteral("household"), 4);
        QVERIFY(field(QStringLiteral("household")).value(QStringLiteral("error")).toString().isEmpty());
        form.setAnswer(QStringLiteral("household"), QStringLiteral("four"));
        QVERIFY(!field(QStringLiteral("household")).value(QStringLiteral("error")).toString().isEmpty());

        QVERIFY(form.saveDraft());
        QVERIFY(!form.submissionId().isEmpty());
        auto sub = m_ctx->engine()->get("submissions", form.submissionId().toStdString());
        QVERIFY(sub.has_value());
        QCOMPARE(sub->fields["status"].get<std::string>(), std::string("draft"));
        QCOMPARE(sub->fields["answers"]["visitors"].get<std::string>(), std::string("李老师"));
        QVERIFY(!form.submit()); // the pupil is still missing
    }

    // A datetime field: a malformed answer is kept and named in its error, a good
    // one (with its offset) is checked against its constraint and saved and
    // submitted as written.
    void formWithDateTimeFillsAndSaves()
    {
        FormController form;
        form.setLanguage(QStringLiteral("en"));
        QVERIFY2(form.openDefinition(QStringLiteral(
                     R"J({"id": "arrivals", "version": 1, "roles": ["head"], "title": {"zh": "到校", "en": "Arrivals"},
                         "fields": [{"name": "arrived", "type": "datetime", "label": {"zh": "到达", "en": "Arrived"},
                                     "required": true, "constraint": ". <= now()",
                                     "constraint_message": {"zh": "不能晚于现在", "en": "not in the future"}}]})J")),
                 qPrintable(form.error()));
        auto arrived = [&] { return form.fields().at(0).toMap(); };
        QCOMPARE(arrived().value(QStringLiteral("type")).toString(), QStringLiteral("datetime"));
        form.setAnswer(QStringLiteral("arrived"), QStringLiteral("2026-12-07 09:30"));
        QVERIFY2(arrived()
                     .value(QStringLiteral("error"))
                     .toString()
                     .contains(QStringLiteral("'2026-12-07 09:30' is not a valid date and time")),
                 qPrintable(arrived().value(QStringLiteral("error")).toString()));
        QCOMPARE(arrived().value(QStringLiteral("value")).toString(), QStringLiteral("2026-12-07 09:30"));
        form.setAnswer(QStringLiteral("arrived"), QStringLiteral("2999-01-01T08:00:00+08:00"));
        QCOMPARE(arrived().value(QStringLiteral("error")).toString(), QStringLiteral("not in the future"));
        form.setAnswer(QStringLiteral("arrived"), QStringLiteral("2025-09-10T07:45:00+08:00"));
        QVERIFY(arrived().value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(form.saveDraft());
        QVERIFY(form.submit());
        auto sub = m_ctx->engine()->get("submissions", form.submissionId().toStdString());
        QVERIFY(sub.has_value());
        QCOMPARE(sub->fields["status"].get<std::string>(), std::string("submitted"));
        QCOMPARE(sub->fields["answers"]["arrived"].get<std::string>(), std::string("2025-09-10T07:45:00+08:00"));
    }

    // Home's to-do list from a real replica (its own account, so counts start at zero).
    void todoCountsWhatNeedsDoing()
    {
        QVERIFY(m_ctx->openAccount(QStringLiteral("todo"), testKey()));
        auto put = [&](const QString &c, const QString &id, const QVariantMap &f) {
            const QString made = m_ctx->put(c, id, f);
            QVERIFY2(!made.isEmpty(), qPrintable(c));
        };
        auto form = [&](const QString &id, const QStringList &roles, const QVariantMap &meta) {
            put(QStringLiteral("forms"), id,
                {{QStringLiteral("definition"), QVariantMap{{QStringLiteral("id"), id},
                                                            {QStringLiteral("roles"), roles},
                                                            {QStringLiteral("schools"), QStringLiteral("*")},
                                                            {QStringLiteral("meta"), meta}}},
                 {QStringLiteral("version"), 1}});
        };
        auto sub = [&](const QString &formId, const QString &status, const QString &at) {
            put(QStringLiteral("submissions"), {},
                {{QStringLiteral("form"), formId}, {QStringLiteral("status"), status}, {QStringLiteral("updated_at"), at}});
        };
        auto visit = [&](const QString &pupil, const QString &date, const QString &followUp, const QVariant &back) {
            put(QStringLiteral("home_visits"), {},
                {{QStringLiteral("pupil"), pupil},
                 {QStringLiteral("date"), date},
                 {QStringLiteral("follow_up_date"), followUp},
                 {QStringLiteral("outcome_back_at_school"), back}});
        };
        const QVariantMap yearly{{QStringLiteral("period"), QStringLiteral("school_year")},
                                 {QStringLiteral("due"), QStringLiteral("10-08")}};
        form(QStringLiteral("enrolment"), {"head"}, yearly); // due, not filed: counts
        form(QStringLiteral("basic_info"), {"head"}, {{QStringLiteral("period"), QStringLiteral("school_year")}});
        sub(QStringLiteral("basic_info"), QStringLiteral("submitted"),
            QStringLiteral("2025-05-02T10:00:00")); // last year's: counts
        form(QStringLiteral("monthly"), {"head"}, {{QStringLiteral("period"), QStringLiteral("month")}});
        sub(QStringLiteral("monthly"), QStringLiteral("submitted"), QStringLiteral("2025-10-03T09:00:00")); // filed: no
        form(QStringLiteral("visit"), {"head"}, {{QStringLiteral("workflow"), QStringLiteral("record")}});  // no due date: no
        form(QStringLiteral("inspect"), {"inspector"}, yearly);                                             // not for a head: no
        sub(QStringLiteral("enrolment"), QStringLiteral("draft"), QStringLiteral("2025-10-10T08:00:00")); // a draft is not filed
        sub(QStringLiteral("basic_info"), QStringLiteral("returned"), QStringLiteral("2025-05-02T10:00:00"));
        visit(QStringLiteral("A"), QStringLiteral("2025-10-01"), QStringLiteral("2025-10-10"), false); // overdue
        visit(QStringLiteral("B"), QStringLiteral("2025-10-01"), QStringLiteral("2025-10-12"), false); // followed up on the 13th
        visit(QStringLiteral("B"), QStringLiteral("2025-10-13"), QString(), QVariant());
        visit(QStringLiteral("C"), QStringLiteral("2025-10-01"), QStringLiteral("2025-10-20"), false); // not yet
        visit(QStringLiteral("D"), QStringLiteral("2025-10-01"), QStringLiteral("2025-10-15"), true);  // back at school
        visit(QStringLiteral("E"), QStringLiteral("2025-10-02"), QStringLiteral("2025-10-15"), false); // today
        put(QStringLiteral("pupils"), {},
            {{QStringLiteral("name"), QStringLiteral("周强")}, {QStringLiteral("status"), QStringLiteral("left")}});
        put(QStringLiteral("inspections"), {}, {{QStringLiteral("status"), QStringLiteral("assigned")}});

        TodoModel todo;
        QAbstractItemModelTester tester(&todo, QAbstractItemModelTester::FailureReportingMode::QtTest);
        todo.setRole(QStringLiteral("head"));
        todo.setSchools({QStringLiteral("S001")});
        todo.setToday(QDate(2025, 10, 15));
        QVERIFY(todo.waitForLoaded());
        QCOMPARE(todo.countOf(QStringLiteral("forms_due")), 2);
        QVERIFY(todo.urgentOf(QStringLiteral("forms_due"))); // due on 10-08
        QCOMPARE(todo.countOf(QStringLiteral("drafts")), 1);
        QCOMPARE(todo.countOf(QStringLiteral("returned")), 1);
        QCOMPARE(todo.countOf(QStringLiteral("rejected")), 0);
        QCOMPARE(todo.countOf(QStringLiteral("conflicts")), 0);
        QCOMPARE(todo.countOf(QStringLiteral("follow_ups")), 2);
        QVERIFY(todo.urgentOf(QStringLiteral("follow_ups")));
        QCOMPARE(todo.countOf(QStringLiteral("dropouts")), 1);
        QCOMPARE(todo.rowCount(), 8); // no inspections rows for a head; a visit target row (empty)
        QCOMPARE(todo.countOf(QStringLiteral("visit_target")), 0);
        const QModelIndex first = todo.index(0);
        QCOMPARE(todo.data(first, TodoModel::KindRole).toString(), QStringLiteral("forms_due"));
        QCOMPARE(todo.data(first, TodoModel::PageRole).toString(), QStringLiteral("FormsPage"));

        // Counts follow local edits.
        QSignalSpy counts(&todo, &TodoModel::countsChanged);
        sub(QStringLiteral("enrolment"), QStringLiteral("submitted"), QStringLiteral("2025-10-15T09:00:00"));
        QVERIFY(counts.wait(5000));
        QVERIFY(todo.waitForLoaded());
        QCOMPARE(todo.countOf(QStringLiteral("forms_due")), 1);
        QCOMPARE(todo.countOf(QStringLiteral("drafts")), 1);

        // An inspector sees the inspections assigned, and forms meant for inspectors.
        todo.setRole(QStringLiteral("inspector"));
        QVERIFY(todo.waitForLoaded());
        QCOMPARE(todo.rowCount(), 9); // inspections in progress, and those assigned
        QCOMPARE(todo.countOf(QStringLiteral("inspections")), 1);
        QCOMPARE(todo.countOf(QStringLiteral("forms_due")), 1); // "inspect"
        QCOMPARE(todo.countOf(QStringLiteral("assigned_inspections")), 0);

        // The bureau's assignments naming this inspector (issue 14.4): not
        // another's, not one an inspection completed; urgent when overdue.
        auto assignment = [&](const QString &inspector, const QString &due) {
            const QString school = m_ctx->defaultSchool();
            QString id = m_ctx->put(QStringLiteral("assignments"), {},
                                    {{QStringLiteral("school"), school},
                                     {QStringLiteral("inspector"), inspector},
                                     {QStringLiteral("due"), due},
                                     {QStringLiteral("form"), QStringLiteral("inspect")},
                                     {QStringLiteral("assigned_on"), QStringLiteral("2025-09-20")},
                                     {QStringLiteral("status"), QStringLiteral("planned")}});
            return id;
        };
        assignment(QStringLiteral("wang.fang"), QStringLiteral("2025-11-20"));
        assignment(QStringLiteral("wang.fang"), QStringLiteral("2025-10-30"));
        assignment(QStringLiteral("zhou.min"), QStringLiteral("2025-10-01"));
        const QString finished = assignment(QStringLiteral("wang.fang"), QStringLiteral("2025-10-10"));
        put(QStringLiteral("inspections"), {},
            {{QStringLiteral("assignment"), finished},
             {QStringLiteral("date"), QStringLiteral("2025-10-09")},
             {QStringLiteral("status"), QStringLiteral("done")}});
        todo.setUser(QStringLiteral("wang.fang"));
        QVERIFY(todo.waitForLoaded());
        QCOMPARE(todo.countOf(QStringLiteral("assigned_inspections")), 2);
        QVERIFY(!todo.urgentOf(QStringLiteral("assigned_inspections"))); // the nearest is 15 days away
        const QModelIndex last = todo.index(todo.rowCount() - 1);
        QCOMPARE(todo.data(last, TodoModel::KindRole).toString(), QStringLiteral("assigned_inspections"));
        QVERIFY2(todo.data(last, TodoModel::DetailRole).toString().endsWith(QStringLiteral("2025-10-30")),
                 qPrintable(todo.data(last, TodoModel::DetailRole).toString()));
        todo.setToday(QDate(2025, 10, 31)); // the first is now overdue
        QVERIFY(todo.waitForLoaded());
        QVERIFY(todo.urgentOf(QStringLiteral("assigned_inspections")));

        // A teacher's home-visit target: the visits they made this month count.
        put(QStringLiteral("visit_targets"), {},
            {{QStringLiteral("teacher"), QStringLiteral("li.na")},
             {QStringLiteral("count"), 3},
             {QStringLiteral("period"), QStringLiteral("2025-10")}});
        put(QStringLiteral("home_visits"), {},
            {{QStringLiteral("date"), QStringLiteral("2025-10-05")}, {QStringLiteral("visitors"), QStringLiteral("li.na")}});
        put(QStringLiteral("home_visits"), {},
            {{QStringLiteral("date"), QStringLiteral("2025-09-30")}, {QStringLiteral("visitors"), QStringLiteral("li.na")}});
        todo.setRole(QStringLiteral("teacher"));
        todo.setUser(QStringLiteral("li.na"));
        todo.setToday(QDate(2025, 10, 28));
        QVERIFY(todo.waitForLoaded());
        QCOMPARE(todo.countOf(QStringLiteral("visit_target")), 2); // 1 of 3 made
        QVERIFY(todo.urgentOf(QStringLiteral("visit_target")));    // the month ends within a week
        for (int i = 0; i < todo.rowCount(); ++i)
            if (todo.data(todo.index(i), TodoModel::KindRole).toString() == QLatin1String("visit_target"))
                QCOMPARE(todo.data(todo.index(i), TodoModel::DetailRole).toString(), QStringLiteral("1 / 3"));
    }
    // The bureau's pages over the demo county (issue 14, docs/bureau.md): 20
    // schools in three townships, two school years of returns as of 1 Dec 2025.
    void bureauModelsOverTheDemoCounty()
    {
        QVERIFY(m_ctx->openAccount(QStringLiteral("county"), testKey()));
        seedDemoCounty(*m_ctx, QDate(2025, 12, 1));

        CompletenessModel c;
        c.setToday(QDate(2025, 12, 1));
        QVERIFY(c.waitForLoaded());
        QVERIFY2(c.error().isEmpty(), qPrintable(c.error()));
        QCOMPARE(c.forms().size(), 1);
        QCOMPARE(c.shownPeriod(), QStringLiteral("2025-2026"));
        QCOMPARE(c.dueOn(), QStringLiteral("2025-10-15"));
        QVariantMap county = c.county();
        QCOMPARE(county[QStringLiteral("expected")].toInt(), 20);
        QCOMPARE(county[QStringLiteral("missing")].toInt(), 3);
        QCOMPARE(county[QStringLiteral("late")].toInt(), 3);
        QCOMPARE(county[QStringLiteral("onTime")].toInt(), 14);
        QCOMPARE(county[QStringLiteral("returned")].toInt(), 1); // the other returned one was corrected
        QCOMPARE(c.townships().size(), 3);
        QCOMPARE(c.schools().size(), 20);
        // Four periods asked for; the grid starts at the first anyone reported in.
        QCOMPARE(c.periods(), QStringList({"2024-2025", "2025-2026"}));
        QCOMPARE(c.grid().size(), 20);
        c.setPeriod(QStringLiteral("2024-2025"));
        QVERIFY(c.waitForLoaded());
        county = c.county();
        QCOMPARE(county[QStringLiteral("missing")].toInt(), 0);
        QCOMPARE(county[QStringLiteral("late")].toInt(), 3);
        QCOMPARE(county[QStringLiteral("accepted")].toInt(), 20);

        ReviewQueueModel q;
        QVERIFY(q.waitForLoaded());
        QVERIFY2(q.error().isEmpty(), qPrintable(q.error()));
        QCOMPARE(q.items().size(), 11);
        QCOMPARE(q.townships().size(), 3);
        QCOMPARE(q.periods(), QStringList({"2025-2026", "2024-2025"}));
        QString correction;
        QStringList flagged, why;
        for (const QVariant &v : q.items()) {
            const QVariantMap m = v.toMap();
            if (m[QStringLiteral("correction")].toBool())
                correction = m[QStringLiteral("id")].toString();
            if (m[QStringLiteral("flags")].toInt() > 0) {
                flagged << m[QStringLiteral("school")].toString();
                why << m[QStringLiteral("schoolCode")].toString() + "=" + m[QStringLiteral("school")].toString();
                why << q.detail(m[QStringLiteral("id")].toString())[QStringLiteral("checks")].toStringList();
            }
        }
        QVERIFY(!correction.isEmpty());
        const QVariantMap d = q.detail(correction);
        QCOMPARE(d[QStringLiteral("history")].toList().size(), 1);
        QCOMPARE(d[QStringLiteral("history")].toList()[0].toMap()[QStringLiteral("status")].toString(),
                 QStringLiteral("returned"));
        QCOMPARE(d[QStringLiteral("previousPeriod")].toString(), QStringLiteral("2024-2025"));
        QVERIFY(!d[QStringLiteral("fields")].toList().isEmpty());
        // The one school whose primary enrolment fell by almost half, and only it.
        QVERIFY2(flagged == QStringList{QString::fromStdString(cx::demo::demoSchools(20)[7].name)}, qPrintable(why.join("; ")));

        // Statistics: the sixteen returns that count (the one sent back and not
        // yet corrected does not), per township and over the two school years.
        StatisticsModel st;
        st.setToday(QDate(2025, 12, 1));
        QVERIFY(st.waitForLoaded());
        QVERIFY2(st.error().isEmpty(), qPrintable(st.error()));
        QCOMPARE(st.shownPeriod(), QStringLiteral("2025-2026"));
        QCOMPARE(st.returns(), 16);
        QVERIFY(st.fields().size() > 10);
        QCOMPARE(st.shownField(), st.fields()[0].toMap()[QStringLiteral("name")].toString());
        QCOMPARE(st.byTownship().size(), 3);
        QCOMPARE(st.trend().size(), 2);
        QCOMPARE(st.choices().size(), 2); // dropout reason, back at school (a pupil is not a category)
        st.setField(QStringLiteral("primary_rate"));
        QVERIFY(st.waitForLoaded());
        QCOMPARE(st.shownField(), QStringLiteral("primary_rate"));
        const double rate = st.trend()[1].toMap()[QStringLiteral("value")].toDouble();
        QVERIFY2(rate > 80 && rate <= 100, qPrintable(QString::number(rate)));
        // Dropout cases over the demo's rosters and visits: two pupils left
        // each school (one visited ten days ago; the other never in every
        // third school, 45 days ago elsewhere), one back after a visit in
        // every other school.
        const QVariantMap dropouts = st.dropouts();
        const QVariantMap dc = dropouts[QStringLiteral("county")].toMap();
        QCOMPARE(dc[QStringLiteral("open")].toInt(), 40);
        QCOMPARE(dc[QStringLiteral("back")].toInt(), 10);
        QCOMPARE(dc[QStringLiteral("unvisited")].toInt(), 20);
        QCOMPARE(dropouts[QStringLiteral("townships")].toList().size(), 3);
        const QVariantList cases = dropouts[QStringLiteral("cases")].toList();
        QCOMPARE(cases.size(), 40);
        int never = 0;
        for (const QVariant &v : cases)
            never += v.toMap()[QStringLiteral("days")].toInt() < 0 ? 1 : 0;
        QCOMPARE(never, 6);
        for (int i = 0; i < never; ++i) // never visited first
            QCOMPARE(cases[i].toMap()[QStringLiteral("days")].toInt(), -1);
        QCOMPARE(cases[never].toMap()[QStringLiteral("days")].toInt(), 45);
        QCOMPARE(cases.last().toMap()[QStringLiteral("days")].toInt(), 10);
        QTemporaryDir out;
        const QString csv = out.filePath(QStringLiteral("stats.csv"));
        QVERIFY(st.exportCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        // The numbers' table first; the dropout tables follow after an empty line.
        const QStringList rows = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n")).mid(0, 1 + st.fields().size() + 1);
        QCOMPARE(rows.last(), QString());
        QVERIFY(!rows[rows.size() - 2].isEmpty());
        QVERIFY2(rows[0].startsWith(QStringLiteral("项目,全县,")), qPrintable(rows[0]));

        // The pages' Excel exports (TableExport): read back with the XLSForm
        // reader, each sheet holds the page's rows, numbers as numbers.
        const QString statsXlsx = out.filePath(QStringLiteral("stats.xlsx"));
        QVERIFY(TableExport::write(statsXlsx, st.tables(), QStringLiteral("xlsx"), nullptr));
        const auto statsBook = cx::xlsform::readWorkbook(statsXlsx.toStdString());
        // the numbers, dropouts by township, the pupils not back, done vs planned by township and by person
        QCOMPARE(int(statsBook.sheets.size()), 5);
        QCOMPARE(int(statsBook.sheets[0].rows.size()), 1 + int(st.fields().size()));
        QCOMPARE(int(statsBook.sheets[2].rows.size()), 1 + 40);

        // Done vs planned in the shown school year (cx::bureau::progress): the
        // demo's twenty inspections (eleven done, one overdue) by three
        // inspectors, and this month's ten visit targets (4+6+5+4+6+5+4+6+5+4
        // visits; made 4,2,5,1,6,0,4,4,5,3; five met).
        const QVariantMap prog = st.progress();
        QCOMPARE(prog[QStringLiteral("period")].toString(), QStringLiteral("2025-2026"));
        const QVariantMap insp = prog[QStringLiteral("inspections")].toMap();
        const QVariantMap inspCounty = insp[QStringLiteral("county")].toMap();
        QCOMPARE(inspCounty[QStringLiteral("of")].toInt(), 20);
        QCOMPARE(inspCounty[QStringLiteral("value")].toInt(), 11);
        QCOMPARE(inspCounty[QStringLiteral("overdue")].toInt(), 1);
        QCOMPARE(insp[QStringLiteral("townships")].toList().size(), 3);
        QCOMPARE(insp[QStringLiteral("people")].toList().size(), 3);
        int townDone = 0;
        for (const QVariant &v : insp[QStringLiteral("townships")].toList())
            townDone += v.toMap()[QStringLiteral("value")].toInt();
        QCOMPARE(townDone, 11);
        const QVariantMap visits = prog[QStringLiteral("visits")].toMap();
        const QVariantMap visitCounty = visits[QStringLiteral("county")].toMap();
        QCOMPARE(visitCounty[QStringLiteral("of")].toInt(), 49);
        QCOMPARE(visitCounty[QStringLiteral("value")].toInt(), 34);
        QCOMPARE(visitCounty[QStringLiteral("met")].toInt(), 5);
        QCOMPARE(visitCounty[QStringLiteral("targets")].toInt(), 10);
        QCOMPARE(visits[QStringLiteral("people")].toList().size(), 10);
        // Its sheets: townships + the county; the three inspectors and ten teachers.
        QCOMPARE(int(statsBook.sheets[3].rows.size()), 1 + 3 + 1);
        const cx::xlsform::Row &progCounty = statsBook.sheets[3].rows.back();
        QCOMPARE(QString::fromStdString(progCounty.cell(0)->text), StatisticsModel::tr("County"));
        QCOMPARE(progCounty.cell(1)->text, std::string("20")); // inspections planned
        QCOMPARE(progCounty.cell(2)->text, std::string("11")); // done
        QCOMPARE(progCounty.cell(4)->text, std::string("49")); // home visits planned
        QCOMPARE(progCounty.cell(5)->text, std::string("34")); // done
        QCOMPARE(int(statsBook.sheets[4].rows.size()), 1 + 3 + 10);
        c.setPeriod(QStringLiteral("2025-2026"));
        QVERIFY(c.waitForLoaded());
        const QString compXlsx = out.filePath(QStringLiteral("completeness.xlsx"));
        QString failure;
        QVERIFY2(TableExport::write(compXlsx, c.tables(), QStringLiteral("xlsx"), &failure), qPrintable(failure));
        const auto book = cx::xlsform::readWorkbook(compXlsx.toStdString());
        QCOMPARE(int(book.sheets.size()), 3);
        QCOMPARE(int(book.sheets[0].rows.size()), 1 + 20);    // header + the schools
        QCOMPARE(int(book.sheets[1].rows.size()), 1 + 3 + 1); // header + townships + county
        const cx::xlsform::Row &countyRow = book.sheets[1].rows.back();
        QCOMPARE(QString::fromStdString(countyRow.cell(0)->text), CompletenessModel::tr("County"));
        QCOMPARE(countyRow.cell(1)->text, std::string("20")); // expected
        QCOMPARE(countyRow.cell(5)->text, std::string("3"));  // missing
        int missing = 0;
        for (const auto &r : book.sheets[0].rows)
            if (r.cell(3) && QString::fromStdString(r.cell(3)->text) == CompletenessModel::stateText(QStringLiteral("missing")))
                ++missing;
        QCOMPARE(missing, 3);
        QCOMPARE(int(book.sheets[2].rows.size()), 1 + 20); // the grid
        QCOMPARE(book.sheets[2].rows[0].cells.size(), size_t(3 + c.periods().size()));
        const QString reviewXlsx = out.filePath(QStringLiteral("review.xlsx"));
        QVERIFY(TableExport::write(reviewXlsx, q.tables(), QStringLiteral("xlsx"), nullptr));
        const auto reviewBook = cx::xlsform::readWorkbook(reviewXlsx.toStdString());
        QCOMPARE(int(reviewBook.sheets[0].rows.size()), 1 + int(q.items().size()));
        int withChecks = 0;
        for (const auto &r : reviewBook.sheets[0].rows)
            withChecks += r.cell(7) && r.number > 1 ? 1 : 0;
        QCOMPARE(withChecks, 1); // the one flagged school, with its check written out

        // Never a formula: a text starting with "=" stays text in both formats.
        const QVariantList hostile{
            QVariantMap{{"name", "x"}, {"rows", QVariantList{QVariantList{"a", "b"}, QVariantList{"=1+1", 12}}}}};
        const QString hx = out.filePath(QStringLiteral("hostile.xlsx")), hc = out.filePath(QStringLiteral("hostile.csv"));
        QVERIFY(TableExport::write(hx, hostile, QStringLiteral("xlsx"), nullptr));
        QVERIFY(TableExport::write(hc, hostile, QStringLiteral("csv"), nullptr));
        const auto hb = cx::xlsform::readWorkbook(hx.toStdString());
        QCOMPARE(hb.sheets[0].rows[1].cell(0)->text, std::string("=1+1"));
        QCOMPARE(hb.sheets[0].rows[1].cell(1)->text, std::string("12"));
        QFile hf(hc);
        QVERIFY(hf.open(QIODevice::ReadOnly));
        QVERIFY(hf.readAll().contains("'=1+1,12"));
        // A place that cannot be written: false with the reason, nothing left behind.
        QVERIFY(
            !TableExport::write(out.filePath(QStringLiteral("no/such/dir/x.xlsx")), hostile, QStringLiteral("xlsx"), &failure));
        QVERIFY(!failure.isEmpty());
        QVERIFY(!QFile::exists(out.filePath(QStringLiteral("no/such/dir/x.xlsx.part"))));

        // Devices: the list the bureau's sync keeps (here the demo's), 40 phones.
        DevicesModel dev;
        dev.refresh();
        QCOMPARE(dev.total(), 40);
        QVERIFY(dev.fetchedAt() > 0);
        QVERIFY(dev.needingAttention() > 0 && dev.needingAttention() < 40);
        const int all = dev.rows().size();
        dev.setAttentionOnly(true);
        QCOMPARE(dev.rows().size(), dev.needingAttention());
        for (const QVariant &v : dev.rows())
            QVERIFY(!v.toMap()[QStringLiteral("attention")].toStringList().isEmpty());
        const int after14 = dev.needingAttention();
        dev.setStaleDays(1); // silent after a day: more need attention
        QVERIFY(dev.needingAttention() > after14);
        QCOMPARE(all, 40);
        const QVariantMap silent = dev.rows()[0].toMap();
        QVERIFY(!silent[QStringLiteral("schools")].toStringList().isEmpty());
        QVERIFY(!silent[QStringLiteral("schools")].toStringList()[0].startsWith(QStringLiteral("5323"))); // names, not codes
        const QString code = silent[QStringLiteral("schoolCodes")].toStringList()[0];
        QVERIFY(dev.lastSyncOfSchool(code) >= 0);
        QCOMPARE(dev.lastSyncOfSchool(QStringLiteral("no-such-school")), -1);
        // The devices page's export: every device shown, read back from the workbook.
        dev.setAttentionOnly(false);
        const QString devXlsx = out.filePath(QStringLiteral("devices.xlsx"));
        QVERIFY2(TableExport::write(devXlsx, dev.tables(), QStringLiteral("xlsx"), &failure), qPrintable(failure));
        const auto devBook = cx::xlsform::readWorkbook(devXlsx.toStdString());
        QCOMPARE(int(devBook.sheets.size()), 1);
        QCOMPARE(int(devBook.sheets[0].rows.size()), 1 + 40);
        QCOMPARE(QString::fromStdString(devBook.sheets[0].rows[0].cell(5)->text), DevicesModel::tr("Days since last sync"));
        int flaggedDevices = 0;
        for (int i = 0; i < 40; ++i) {
            const cx::xlsform::Row &r = devBook.sheets[0].rows[size_t(i + 1)];
            const QVariantMap d = dev.rows()[i].toMap();
            QCOMPARE(QString::fromStdString(r.cell(0)->text), d[QStringLiteral("user")].toString());
            const int days = d[QStringLiteral("lastSync")].toInt();
            if (days >= 0)
                QCOMPARE(QString::fromStdString(r.cell(5)->text), QString::number(days));
            else
                QVERIFY(!r.cell(5));
            flaggedDevices += r.cell(13) ? 1 : 0;
        }
        QCOMPARE(flaggedDevices, dev.needingAttention());

        // Assignments (issue 14.4): the demo's twenty, eleven done, one overdue, and ten targets.
        AssignmentsModel am;
        am.setToday(QDate(2025, 12, 1));
        QVERIFY2(am.error().isEmpty(), qPrintable(am.error()));
        QCOMPARE(am.rows().size(), 20);
        QCOMPARE(am.done(), 11);
        QCOMPARE(am.overdue(), 1);
        QCOMPARE(am.planned(), 8);
        QCOMPARE(am.inspectors(), QStringList({"he.jie", "sun.li", "zhou.min"}));
        QCOMPARE(am.townships().size(), 3);
        QCOMPARE(am.targets().size(), 10);
        const QVariantMap firstTarget = am.targets()[0].toMap();
        QCOMPARE(firstTarget[QStringLiteral("teacher")].toString(), QStringLiteral("li.na"));
        QCOMPARE(firstTarget[QStringLiteral("done")].toInt(), firstTarget[QStringLiteral("target")].toInt());
        am.setState(QStringLiteral("overdue"));
        QCOMPARE(am.rows().size(), 1);
        QCOMPARE(am.rows()[0].toMap()[QStringLiteral("inspector")].toString(), QStringLiteral("zhou.min"));
        am.setInspector(QStringLiteral("sun.li"));
        QCOMPARE(am.rows().size(), 0);
        QCOMPARE(am.overdue(), 0);
        am.setState({});
        am.setInspector({});
        const QString school = QString::fromStdString(cx::demo::demoSchools(20)[1].code);
        QVERIFY(am.plan(school, QStringLiteral("sun.li"), QStringLiteral("2025-13-01"), QStringLiteral("school_inspection"))
                    .isEmpty());
        QVERIFY2(am.error().contains(QStringLiteral("2025-13-01")), qPrintable(am.error()));
        QVERIFY(
            am.plan(school, QStringLiteral("sun.li"), QStringLiteral("2025-12-20"), QStringLiteral("no_such_form")).isEmpty());
        // The library's refusals reach the page through tr() (the test runs untranslated: the source text).
        QCOMPARE(am.error(), QStringLiteral("There is no form no_such_form to use as the checklist."));
        QVERIFY(am.plan(QStringLiteral("Z9"), QStringLiteral("sun.li"), QStringLiteral("2025-12-20"),
                        QStringLiteral("school_inspection"))
                    .isEmpty());
        QCOMPARE(am.error(), QStringLiteral("There is no school Z9 in this county."));
        const QString planned =
            am.plan(school, QStringLiteral("sun.li"), QStringLiteral("2025-12-20"), QStringLiteral("school_inspection"));
        QVERIFY2(!planned.isEmpty(), qPrintable(am.error()));
        QCOMPARE(am.planned(), 9);
        QVERIFY(am.cancel(planned));
        QCOMPARE(am.planned(), 8);
        QCOMPARE(am.cancelled(), 1);
        QVERIFY(!am.markDone(planned)); // a cancelled one is not marked done
        QCOMPARE(am.error(), QStringLiteral("This inspection is already cancelled; only a planned or overdue one can be "
                                            "cancelled or marked done."));
        QCOMPARE(am.done(), 11);
        QCOMPARE(am.rows().size(), 20); // cancelled ones leave the list
        // A done assignment says by whom and which report completed it (the
        // page's "Open report"): the demo's inspections, by their inspectors.
        int withReport = 0;
        for (const QVariant &v : am.rows()) {
            const QVariantMap a = v.toMap();
            if (a[QStringLiteral("state")] != QStringLiteral("done"))
                continue;
            QCOMPARE(a[QStringLiteral("report")].toString(), QStringLiteral("inspection"));
            // done_by is the account the server recorded (tst_assignments); this demo's records were never sent.
            QVERIFY(!a[QStringLiteral("report_inspectors")].toString().isEmpty()); // 周敏, 孙立, 何杰: the report's own
            QVERIFY(m_ctx->engine()->get("inspections", a[QStringLiteral("inspection")].toString().toStdString()));
            ++withReport;
        }
        QCOMPARE(withReport, 11);
        // "+ New inspection" at a school: the inspector's open assignment
        // there (the Inspections page's model: this inspector, open ones),
        // none where it is done or another inspector's.
        {
            AssignmentsModel mine;
            mine.setToday(QDate(2025, 12, 1));
            mine.setInspector(QStringLiteral("zhou.min"));
            mine.setState(QStringLiteral("open"));
            QString openSchool, openId, doneSchool, othersSchool;
            for (const QVariant &v : am.rows()) {
                const QVariantMap a = v.toMap();
                const bool his = a[QStringLiteral("inspector")] == QStringLiteral("zhou.min");
                if (his && a[QStringLiteral("state")] == QStringLiteral("planned") && openSchool.isEmpty()) {
                    openSchool = a[QStringLiteral("school")].toString();
                    openId = a[QStringLiteral("id")].toString();
                } else if (his && a[QStringLiteral("state")] == QStringLiteral("done")) {
                    doneSchool = a[QStringLiteral("school")].toString();
                } else if (!his) {
                    othersSchool = a[QStringLiteral("school")].toString();
                }
            }
            QVERIFY(!openSchool.isEmpty() && !doneSchool.isEmpty() && !othersSchool.isEmpty());
            QCOMPARE(mine.openAssignmentAt(openSchool)[QStringLiteral("id")].toString(), openId);
            QVERIFY(mine.openAssignmentAt(doneSchool).isEmpty());
            QVERIFY(mine.openAssignmentAt(othersSchool).isEmpty());
        }
        // A head's choice of teachers for a target: the first school's li.na
        // (her target and her visits), not the inspectors.
        const QVariantList teachers = am.teacherChoices(QString::fromStdString(cx::demo::demoSchools(20)[0].code));
        QCOMPARE(teachers.size(), 1);
        QCOMPARE(teachers[0].toMap()[QStringLiteral("account")].toString(), QStringLiteral("li.na"));
        // The assignments page's export: the inspections shown and the targets, read back.
        const QString amXlsx = out.filePath(QStringLiteral("assignments.xlsx"));
        QVERIFY2(TableExport::write(amXlsx, am.tables(), QStringLiteral("xlsx"), &failure), qPrintable(failure));
        const auto amBook = cx::xlsform::readWorkbook(amXlsx.toStdString());
        QCOMPARE(int(amBook.sheets.size()), 2);
        QCOMPARE(int(amBook.sheets[0].rows.size()), 1 + 20);
        int doneRows = 0, overdueRows = 0, byInspection = 0;
        for (const auto &r : amBook.sheets[0].rows) {
            const QString st = r.cell(1) ? QString::fromStdString(r.cell(1)->text) : QString();
            doneRows += st == AssignmentsModel::tr("Done");
            overdueRows += st == AssignmentsModel::tr("Overdue");
            byInspection +=
                r.cell(9) &&
                QString::fromStdString(r.cell(9)->text).startsWith(AssignmentsModel::tr("Inspection %1").arg(QString()));
        }
        QCOMPARE(doneRows, 11);
        QCOMPARE(overdueRows, 1);
        QCOMPARE(byInspection, 11); // the demo's inspections completed them, none by hand
        QCOMPARE(int(amBook.sheets[1].rows.size()), 1 + 10);
        int metRows = 0, visitsMade = 0;
        for (size_t i = 1; i < amBook.sheets[1].rows.size(); ++i) {
            const auto &r = amBook.sheets[1].rows[i];
            metRows += r.cell(6) ? 1 : 0;
            visitsMade += std::stoi(r.cell(5)->text);
        }
        QCOMPARE(metRows, 5);
        QCOMPARE(visitsMade, 4 + 2 + 5 + 1 + 6 + 0 + 4 + 4 + 5 + 3); // uncapped: the visits each teacher made

        // An assignment's report as its checklist form (what the Inspections
        // page opens): filed in the assignment's school, naming it, the school
        // and date answered; reopened, it keeps both.
        QVariantMap openOne;
        for (const QVariant &v : am.rows())
            if (v.toMap()[QStringLiteral("state")] == QStringLiteral("planned") &&
                v.toMap()[QStringLiteral("school")] != m_ctx->defaultSchool())
                openOne = v.toMap();
        QVERIFY(!openOne.isEmpty());
        const QString plannedSchool = openOne[QStringLiteral("school")].toString(),
                      plannedId = openOne[QStringLiteral("id")].toString();
        QString reportId;
        {
            FormController report;
            report.setSchool(plannedSchool);
            report.setAssignment(plannedId);
            QVERIFY2(report.open(QStringLiteral("school_inspection")), qPrintable(report.error()));
            QCOMPARE(report.prefill({{QStringLiteral("school"), plannedSchool},
                                     {QStringLiteral("inspection_date"), QStringLiteral("2025-12-01")},
                                     {QStringLiteral("no_such_field"), 1}}),
                     2);
            QCOMPARE(report.answer(QStringLiteral("school")).toString(), plannedSchool);
            QVERIFY2(report.saveDraft(), qPrintable(report.error()));
            reportId = report.submissionId();
        }
        const auto filed = m_ctx->engine()->get("submissions", reportId.toStdString());
        QVERIFY(filed);
        QCOMPARE(QString::fromStdString(filed->school), plannedSchool);
        QCOMPARE(QString::fromStdString(filed->fields.value("assignment", std::string())), plannedId);
        FormController reopened;
        QVERIFY(reopened.open(QStringLiteral("school_inspection"), reportId));
        QCOMPARE(reopened.school(), plannedSchool);
        QCOMPARE(reopened.assignment(), plannedId);
        QCOMPARE(reopened.answer(QStringLiteral("inspection_date")).toString(), QStringLiteral("2025-12-01"));
        // Accounts: the list the administrator's page last fetched (here the
        // demo's): 20 schools in 3 townships, the bureau, an inspector a
        // township (the ones the assignments name, over the schools they
        // inspect), a head and a teacher a school, one revoked teacher.
        AccountsAdminModel acc;
        QCOMPARE(acc.schools().size(), 20);
        QCOMPARE(acc.townships().size(), 3);
        QCOMPARE(acc.accounts().size(), 45);
        QMap<QString, QStringList> inspectorSchools;
        QStringList users;
        for (const QVariant &v : acc.accounts()) {
            const QVariantMap a = v.toMap();
            users << a[QStringLiteral("user")].toString();
            if (a[QStringLiteral("role")] == QStringLiteral("inspector"))
                inspectorSchools[a[QStringLiteral("user")].toString()] = a[QStringLiteral("schools")].toStringList();
        }
        QCOMPARE(inspectorSchools.keys(), am.inspectors()); // he.jie, sun.li, zhou.min
        QVERIFY(users.contains(QStringLiteral("zhang.wei")) &&
                users.contains(QStringLiteral("li.na"))); // the docs' head and teacher
        am.setState(QStringLiteral("all"));
        for (const QVariant &v : am.rows()) {
            const QVariantMap a = v.toMap();
            QVERIFY2(inspectorSchools[a[QStringLiteral("inspector")].toString()].contains(a[QStringLiteral("school")].toString()),
                     qPrintable(a[QStringLiteral("inspector")].toString() + " " + a[QStringLiteral("school")].toString()));
        }
        for (const QVariant &v : am.targets()) // every target's teacher has an account
            QVERIFY2(users.contains(v.toMap()[QStringLiteral("teacher")].toString()),
                     qPrintable(v.toMap()[QStringLiteral("teacher")].toString()));
        am.setState({});
        QVERIFY(acc.fetchedAt() > 0);
        int admins = 0, revoked = 0;
        for (const QVariant &v : acc.accounts()) {
            const QVariantMap a = v.toMap();
            admins += a[QStringLiteral("admin")].toBool();
            revoked += a[QStringLiteral("revoked")].toBool();
            if (a[QStringLiteral("user")] == QStringLiteral("zhou.min")) {
                QCOMPARE(a[QStringLiteral("schools")].toStringList().size(),
                         int(cx::demo::demoInspectors(cx::demo::demoSchools(20))[0].schools.size()));
                QVERIFY(!a[QStringLiteral("schoolNames")].toStringList()[0].startsWith(QStringLiteral("5323")));
            }
        }
        QCOMPARE(admins, 1);
        QCOMPARE(revoked, 1);
        // Without a server an operation fails with a message and changes nothing.
        QSignalSpy done(&acc, &AccountsAdminModel::finished);
        acc.resetPassword(QStringLiteral("zhou.min"), QStringLiteral("new-pass-1"));
        QVERIFY(done.wait(10000));
        QCOMPARE(done[0][0].toString(), QStringLiteral("reset-password"));
        QCOMPARE(done[0][1].toBool(), false);
        QVERIFY(!acc.error().isEmpty());
        QCOMPARE(acc.accounts().size(), 45);

        // The enrolment QR code: drawn (libqrencode), read back by the one decoder.
        const QString link = QStringLiteral(
            "cunxiao://"
            "enrol?server=https%3A%2F%2Fbureau.example%3A8443&pin=sha256%2F%2FAAAA&user=li.ming&code=K7Q2-MP9X-3ZTD-8HWA");
        QCOMPARE(decodeQrImage(qrImage(link, 5)), link);
        QImage blank(300, 300, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QCOMPARE(decodeQrImage(blank), QString());
        QrReader reader;
        const QVariantMap parsed = reader.parseEnrolment(link);
        QVERIFY(parsed[QStringLiteral("ok")].toBool());
        QCOMPARE(parsed[QStringLiteral("user")].toString(), QStringLiteral("li.ming"));
        QCOMPARE(parsed[QStringLiteral("pin")].toString(), QStringLiteral("sha256//AAAA"));
        QVERIFY(!reader.parseEnrolment(QStringLiteral("https://example.com")).value(QStringLiteral("ok")).toBool());
        QCOMPARE(reader.tidyCode(QStringLiteral("k7q2 mp9x 3ztd 8hwa")), QStringLiteral("K7Q2-MP9X-3ZTD-8HWA"));
        QCOMPARE(reader.tidyCode(QStringLiteral("k7q2")), QString());
        QTemporaryDir pics;
        const QString png = pics.filePath(QStringLiteral("scan.png"));
        QVERIFY(qrImage(link, 4).save(png));
        QCOMPARE(reader.readEnrolmentFile(png, true)[QStringLiteral("code")].toString(), QStringLiteral("K7Q2-MP9X-3ZTD-8HWA"));
        QVERIFY(!QFile::exists(png));

        // Accept one, return another with a comment (refused without one).
        QSignalSpy changed(&q, &ReviewQueueModel::itemsChanged);
        const QString first = q.items()[0].toMap()[QStringLiteral("id")].toString();
        const QString second = q.items()[1].toMap()[QStringLiteral("id")].toString();
        QVERIFY(q.accept({first}));
        QVERIFY(changed.wait(5000));
        QVERIFY(q.waitForLoaded());
        QCOMPARE(q.items().size(), 10);
        QVERIFY(!q.sendBack(second, QStringLiteral("  ")));
        QVERIFY(!q.error().isEmpty());
        QVERIFY(q.sendBack(second, QStringLiteral("请核对在校生数")));
        QVERIFY(changed.wait(5000));
        QVERIFY(q.waitForLoaded());
        QCOMPARE(q.items().size(), 9);
        QCOMPARE(q.error(), QString());
        q.setStatus(QStringLiteral("returned"));
        QVERIFY(q.waitForLoaded());
        QCOMPARE(q.items().size(), 2);
        QVERIFY(!q.accept({second})); // a returned one waits for the school, not for the bureau
    }

    // The bureau's Forms page: the demo's draft is previewed (changes by field,
    // both languages), the preview never saves what is typed, a malformed file
    // is refused with its name and nothing kept, and publishing makes v2 wait
    // for the next sync.
    // The server's history entries (admin op "history") as the card shows them.
    void recordHistoryEntries()
    {
        const cx::Json entries = cx::Json::parse(R"([
            {"kind":"record","user":"head.a","device":"0190c000-0000-7000-8000-0000000000a1","op":"put","at":1765071000000,
             "fields":["grade","name"],"mutation":{"op":"put","f":{"name":"王小明","grade":3,"note":null}}},
            {"kind":"record","user":"chen.jun","device":"","op":"delete","at":1765157400000,"fields":[],"mutation":{"op":"delete"}}
        ])");
        const QVariantList shown = RecordHistoryModel::fromReply(entries);
        QCOMPARE(shown.size(), 2);
        const QVariantMap first = shown[0].toMap(), second = shown[1].toMap();
        QCOMPARE(first.value("who").toString(), QStringLiteral("head.a"));
        QCOMPARE(first.value("device").toString(), QStringLiteral("0190c000"));
        QCOMPARE(first.value("action").toString(), QStringLiteral("changed"));
        QCOMPARE(first.value("when").toString(),
                 QDateTime::fromMSecsSinceEpoch(1765071000000).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        QVariantMap changes;
        for (const QVariant &c : first.value("changes").toList())
            changes.insert(c.toMap().value("field").toString(), c.toMap().value("value"));
        QCOMPARE(changes.value("name").toString(), QStringLiteral("王小明"));
        QCOMPARE(changes.value("grade").toString(), QStringLiteral("3"));
        QCOMPARE(changes.value("note").toString(), QString()); // emptied
        QCOMPARE(second.value("action").toString(), QStringLiteral("deleted"));
        QVERIFY(second.value("changes").toList().isEmpty());
        QVERIFY(RecordHistoryModel::fromReply(cx::Json::object()).isEmpty()); // not a list: nothing, no crash
    }

    void bureauFormsPreviewNeverSaves()
    {
        QVERIFY(m_ctx->openAccount(QStringLiteral("forms"), testKey()));
        seedDemoCounty(*m_ctx, QDate(2025, 12, 1));
        BureauFormsModel m;
        m.refresh();
        // The demo publishes the enrolment return (with a draft of its next version) and the inspection checklist.
        QCOMPARE(m.forms().size(), 2);
        const auto enrolment = [&m] {
            for (const auto &v : m.forms())
                if (v.toMap().value(QStringLiteral("id")).toString() == QLatin1String("enrolment_return"))
                    return v.toMap();
            return QVariantMap();
        };
        QVariantMap f = enrolment();
        QCOMPARE(f.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(f.value(QStringLiteral("draft")).toString(), QStringLiteral("draft"));
        const QVariantList held = f.value(QStringLiteral("held")).toList();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.at(0).toMap().value(QStringLiteral("devices")).toInt(), 20); // the demo's heads
        QCOMPARE(m.previewId(), QStringLiteral("enrolment_return"));
        QCOMPARE(m.previewPublished(), 1);
        QCOMPARE(m.previewLanguages(), QStringList({"zh", "en"}));
        QStringList changes;
        for (const auto &c : m.previewChanges())
            changes << c.toMap().value(QStringLiteral("change")).toString() + " " +
                           c.toMap().value(QStringLiteral("name")).toString();
        QCOMPARE(changes, QStringList({"changed school_year", "added classes"}));

        const size_t before = m_ctx->engine()->list("submissions").size();
        FormController form;
        form.setPreview(true);
        QVERIFY2(form.openDefinition(m.previewDefinition()), qPrintable(form.error()));
        // A complete, valid return: submit() would store it were this not a preview.
        const QVariantMap answers{{"school_year", "2026-2027"},
                                  {"classes", 6},
                                  {"pop_3_6", 100},
                                  {"enrolled_3_6", 90},
                                  {"pop_7_12", 200},
                                  {"enrolled_7_12", 190},
                                  {"primary_pupils", 195},
                                  {"pop_13_15", 150},
                                  {"enrolled_13_15", 140},
                                  {"pupils_at_start", 300},
                                  {"dropouts", 0},
                                  {"cohort_entry", 100},
                                  {"graduates", 95},
                                  {"explanation", "无"},
                                  {"report_date", "2025-11-30"},
                                  {"head_signature", "signature.png"}};
        for (auto it = answers.begin(); it != answers.end(); ++it)
            form.setAnswer(it.key(), it.value());
        QVERIFY2(form.valid(), qPrintable(QJsonDocument::fromVariant(form.issues()).toJson()));
        QVERIFY(!form.saveDraft());
        QVERIFY(!form.submit());
        QCoreApplication::processEvents(); // the save timer, had it been started
        QCOMPARE(m_ctx->engine()->list("submissions").size(), before);
        QVERIFY(form.submissionId().isEmpty());

        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"id\": \"enrolment_return\", \"pages\": [");
        bad.close();
        QVERIFY(!m.importPath(bad.fileName()));
        QVERIFY2(m.error().contains(QStringLiteral("broken.json")), qPrintable(m.error()));
        QCOMPARE(m.previewSource(), QStringLiteral("enrolment_return_2026.xlsx")); // the draft is untouched

        QVERIFY2(m.publish(QStringLiteral("enrolment_return")), qPrintable(m.error()));
        m.refresh();
        f = enrolment();
        QCOMPARE(f.value(QStringLiteral("draft")).toString(), QStringLiteral("sending"));
        QCOMPARE(f.value(QStringLiteral("draftVersion")).toInt(), 2);
        QCOMPARE(f.value(QStringLiteral("version")).toInt(), 1); // still v1 until the server confirms
        QVERIFY(m_ctx->engine()->get("forms", "enrolment_return")->fields["version"] == cx::Json(2));
        QVERIFY(m_ctx->engine()->get("form_versions", "enrolment_return.v2"));
        QVERIFY(!m.publish(QStringLiteral("enrolment_return"))); // already on its way
        QVERIFY2(m.error().contains(QStringLiteral("Version 2 of enrolment_return is waiting to be sent")),
                 qPrintable(m.error()));
        m.showDraft(QStringLiteral("enrolment_return"));
        QCOMPARE(m.previewState(), QStringLiteral("sending"));        // the page hides Publish and Discard
        QVERIFY(!m.discardDraft(QStringLiteral("enrolment_return"))); // nor can it be thrown away
        QVERIFY(cx::bureau::formDraft(*m_ctx->engine(), "enrolment_return"));
        QVERIFY2(m.error().contains(QStringLiteral("waiting to be sent")), qPrintable(m.error()));
    }
};

QTEST_MAIN(TestAppModels)
#include "tst_app_models.moc"
