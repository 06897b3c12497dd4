// The app's C++ side without QML: the roster model pages its rows, the PIN is
// stored as a salted hash, submissions map to the states people see, and the
// form controller renders, checks and saves a form through the forms engine.
#include "account/Session.h"
#include "core/AppContext.h"
#include "forms/FormController.h"
#include "models/RecordListModel.h"
#include "models/SubmissionModel.h"
#include "sync/SyncController.h"

#include <QAbstractItemModelTester>
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
        QVERIFY(m_ctx->openAccount(QStringLiteral("test")));
    }

    void rosterLoadsInPages()
    {
        const int n = 1200;
        for (int i = 0; i < n; ++i)
            QVERIFY(!m_ctx->put(QStringLiteral("pupils"), {},
                                {{QStringLiteral("name"), QStringLiteral("学生%1").arg(i, 4, 10, QLatin1Char('0'))},
                                 {QStringLiteral("grade"), 1 + i % 6},
                                 {QStringLiteral("class"), QString::number(1 + i % 2)},
                                 {QStringLiteral("status"), QStringLiteral("in_school")}}).isEmpty());
        RecordListModel model;
        QElapsedTimer t;
        t.start();
        model.setCollection(QStringLiteral("pupils"));
        QVERIFY(model.loading());
        QVERIFY(model.waitForLoaded(20000));
        qInfo("roster of %d pupils loaded in %lld ms", n, static_cast<long long>(t.elapsed()));
        QCOMPARE(model.total(), n);
        QCOMPARE(model.rowCount(), model.pageSize());   // never every row at once
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * model.pageSize());
        QCOMPARE(model.get(0).value(QStringLiteral("name")).toString(), QStringLiteral("学生0000"));

        model.setSearch(QStringLiteral("学生001"));
        QVERIFY(model.waitForLoaded(20000));
        QCOMPARE(model.total(), 10);
        model.setSearch({});
        model.setFilters({{QStringLiteral("grade"), QStringLiteral("3")}, {QStringLiteral("class"), QStringLiteral("1")}});
        QVERIFY(model.waitForLoaded(20000));
        QCOMPARE(model.total(), n / 6);   // grade 3 pupils are all in class 1 (i % 6 == 2 is even)
        QCOMPARE(model.distinct(QStringLiteral("grade")).size(), 6);
    }

    // QAbstractItemModelTester fetches more on every change, as an eager view would.
    void modelTester()
    {
        RecordListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCollection(QStringLiteral("pupils"));
        QVERIFY(model.waitForLoaded(20000));
        model.setSearch(QStringLiteral("学生00"));
        QVERIFY(model.waitForLoaded(20000));
        QCOMPARE(model.total(), 100);
    }

    void listReloadsAfterALocalChange()
    {
        RecordListModel model;
        model.setCollection(QStringLiteral("home_visits"));
        QVERIFY(model.waitForLoaded());
        QCOMPARE(model.total(), 0);
        QSignalSpy loaded(&model, &RecordListModel::loaded);
        m_ctx->put(QStringLiteral("home_visits"), {}, {{QStringLiteral("pupil"), QStringLiteral("x")}, {QStringLiteral("date"), QStringLiteral("2025-09-01")}});
        QVERIFY(loaded.wait(5000));
        QVERIFY(model.waitForLoaded());
        QCOMPARE(model.total(), 1);
        QCOMPARE(model.data(model.index(0), RecordListModel::SyncStateRole).toString(), QStringLiteral("pending"));
    }

    void pinIsSaltedHash()
    {
        const QString a = Session::hashPin(QStringLiteral("1234"), QByteArray(16, 'a'));
        const QString b = Session::hashPin(QStringLiteral("1234"), QByteArray(16, 'b'));
        QVERIFY(a != b);
        QVERIFY(!a.contains(QStringLiteral("1234")));
        QVERIFY(Session::verifyPin(QStringLiteral("1234"), a));
        QVERIFY(!Session::verifyPin(QStringLiteral("1235"), a));
        QVERIFY(!Session::verifyPin(QStringLiteral("1234"), QString()));
    }

    void submissionStates_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("sync");
        QTest::addColumn<QString>("shown");
        QTest::newRow("draft") << "draft" << "pending" << "draft";
        QTest::newRow("waiting") << "submitted" << "pending" << "waiting";
        QTest::newRow("sent") << "submitted" << "sent" << "sent";
        QTest::newRow("confirmed") << "submitted" << "confirmed" << "confirmed";
        QTest::newRow("rejected") << "submitted" << "rejected" << "rejected";
        QTest::newRow("returned") << "returned" << "confirmed" << "returned";
        QTest::newRow("accepted") << "accepted" << "confirmed" << "accepted";
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
        QVERIFY(field(QStringLiteral("household")).value(QStringLiteral("error")).toString().contains(QStringLiteral("1 and 20")));
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
        QVERIFY(!form.submit());   // the pupil is still missing
    }
};

QTEST_MAIN(TestAppModels)
#include "tst_app_models.moc"
