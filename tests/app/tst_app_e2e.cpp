// End-to-end: the real app code, offscreen, against a real `cunxiao-server`
// process over TLS with a local CA. The test builds the app's objects the way
// AppMain does for `cunxiao --server --user --password-file --ca`, loads the
// real Main.qml, signs in (enrolls), fills and submits the county home-visit
// form through FormController, syncs, and then reads the server's database
// back with `cunxiao-server export`: the visit must be there, submitted, with
// the answers typed. A second case saves a visit the way HomeVisitPage does
// (Records.save("home_visits")) and checks it reaches the server too.
#include "Fixture.h"

#include "account/Session.h"
#include "core/AppContext.h"
#include "core/AppSettings.h"
#include "forms/FormController.h"
#include "models/Records.h"
#include "sync/SyncController.h"

#include <QDate>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cx::app;

namespace {
constexpr int kSyncTimeoutMs = 60000;
const QString kUser = QStringLiteral("head1");
const QString kPassword = QStringLiteral("pw-123456");
const QString kPupil = QStringLiteral("p-e2e-0001");

QStringList g_qmlWarnings;
QtMessageHandler g_previousHandler = nullptr;

void messageHandler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    const bool fromQml = (ctx.file && QString::fromUtf8(ctx.file).contains(QLatin1String(".qml"))) ||
                         msg.contains(QLatin1String(".qml:"));
    if (type != QtDebugMsg && type != QtInfoMsg && fromQml)
        g_qmlWarnings << msg;
    if (g_previousHandler)
        g_previousHandler(type, ctx, msg);
}

// The page the real Main.qml shows (its StackView's current item's pageName).
QString currentPage(QQmlApplicationEngine &engine)
{
    if (engine.rootObjects().isEmpty())
        return {};
    for (auto *item : engine.rootObjects().first()->findChildren<QQuickItem *>()) {
        if (!QByteArray(item->metaObject()->className()).contains("StackView"))
            continue;
        if (auto *cur = item->property("currentItem").value<QQuickItem *>())
            return cur->property("pageName").toString();
    }
    return {};
}
} // namespace

class TestAppE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> b;
    QTemporaryDir m_appDir;
    AppContext *m_ctx = nullptr;
    AppSettings *m_settings = nullptr;
    Session *m_session = nullptr;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QString m_submissionId;

    // One sync cycle of the app's SyncController, started now (as "sync now" does).
    bool syncOnce()
    {
        SyncController *sync = m_ctx->sync();
        if (sync->syncing()) {   // a cycle already under way: let it end first
            QSignalSpy running(sync, &SyncController::finished);
            if (!running.wait(kSyncTimeoutMs))
                return false;
        }
        QSignalSpy done(sync, &SyncController::finished);
        sync->syncNow();
        if (!done.wait(kSyncTimeoutMs)) {
            qWarning("sync did not finish within %d ms", kSyncTimeoutMs);
            return false;
        }
        const bool ok = done.takeFirst().at(0).toBool();
        if (!ok)
            qWarning("sync failed: %s; recent errors: %s", qPrintable(sync->lastError()),
                     qPrintable(m_ctx->recentErrors().join(QStringLiteral(" | "))));
        return ok;
    }

    QString serverDump(const QString &collection)
    {
        return QString::fromUtf8(QJsonDocument(b->serverRecords(collection)).toJson());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_appDir.isValid());
        g_previousHandler = qInstallMessageHandler(messageHandler);

        // The bureau: a school, its head, the county home-visit form, one pupil.
        b = std::make_unique<BureauFixture>(true);
        b->addSchool("S1", "红旗村完小");
        b->addUser(kUser, "head", "S1", kPassword);
        b->admin({"publish-form", QString(CX_SOURCE_DIR) + "/forms/county/home_visit.json"});
        // Grades are whole numbers, as the app's PupilEditPage and the server's demo store them.
        const QByteArray pupils =
            QStringLiteral(R"({"collection":"pupils","id":"%1","fields":{"name":"王小芳","gender":"female","grade":3,"class":"1","status":"left"}})"
                           "\n")
                .arg(kPupil)
                .toUtf8();
        QFile f(b->path("pupils.jsonl"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pupils);
        f.close();
        runTool(CX_SERVER_EXE, {"import", b->dataDir(), "--school", "S1", b->path("pupils.jsonl")});
        b->start();
        QFile pw(b->path("password.txt"));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(kPassword.toUtf8() + "\n");
        pw.close();

        // The app, built as AppMain builds it.
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_ctx = new AppContext(m_appDir.path(), this);
        m_settings = new AppSettings(m_ctx);
        m_session = new Session(m_ctx, m_ctx);
        m_settings->setLanguage(QStringLiteral("zh_CN"));
    }

    // `cunxiao --server URL --user U --password-file F --ca CA`: enrolls, lands on Home, first sync pulls the form.
    void signInFromCommandLine()
    {
        QFile pw(b->path("password.txt"));
        QVERIFY(pw.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(pw.readAll()).section(QLatin1Char('\n'), 0, 0).trimmed();

        QSignalSpy firstSync(m_ctx->sync(), &SyncController::finished);
        QSignalSpy signedIn(m_session, &Session::signedIn);
        m_session->signInFromArgs(b->url(), kUser, password, b->caFile());

        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_settings->setEngine(m_engine.get());
        m_engine->load(QUrl(QStringLiteral("qrc:/Cunxiao/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());

        QVERIFY2(signedIn.wait(kSyncTimeoutMs) || m_session->state() == Session::Ready,
                 qPrintable(QStringLiteral("not signed in: ") + m_session->error()));
        QCOMPARE(m_session->state(), Session::Ready);
        QVERIFY2(m_session->error().isEmpty(), qPrintable(m_session->error()));
        QCOMPARE(m_session->user(), kUser);
        QCOMPARE(m_session->role(), QStringLiteral("head"));
        QCOMPARE(m_session->school(), QStringLiteral("S1"));

        // The UI follows the session: from the sign-in page to Home.
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(*m_engine), QStringLiteral("HomePage"), 10000);

        // Sign-in starts a sync; it must succeed and bring the form and the pupil.
        QTRY_VERIFY_WITH_TIMEOUT(firstSync.count() > 0, kSyncTimeoutMs);
        QVERIFY2(firstSync.first().at(0).toBool(), qPrintable(m_ctx->sync()->lastError() + QLatin1Char(' ') +
                                                              m_ctx->recentErrors().join(QStringLiteral(" | "))));
        QVERIFY(m_ctx->sync()->online());
        QVERIFY(m_ctx->engine()->get("forms", "home_visit").has_value());
        QVERIFY(m_ctx->engine()->get("pupils", kPupil.toStdString()).has_value());
    }

    // FormFillPage's path: FormController over the published home_visit form, answers into "submissions".
    void fillAndSubmitHomeVisitForm()
    {
        QVERIFY(m_session->state() == Session::Ready);
        FormController form;
        form.setLanguage(QStringLiteral("zh"));
        QVERIFY2(form.open(QStringLiteral("home_visit")), qPrintable(form.error()));
        QCOMPARE(form.title(), QStringLiteral("家访记录"));
        QCOMPARE(form.pageCount(), 2);
        // The visit date defaults to today.
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        QCOMPARE(form.answer(QStringLiteral("visit_date")).toString(), today);

        form.setAnswer(QStringLiteral("grade"), QStringLiteral("3"));
        // The pupil list comes from the synced roster, filtered by grade.
        QVariantList pupilOptions;
        for (const QVariant &fv : form.fields()) {
            const QVariantMap f = fv.toMap();
            if (f.value(QStringLiteral("name")).toString() == QLatin1String("pupil"))
                pupilOptions = f.value(QStringLiteral("options")).toList();
        }
        QStringList values;
        for (const QVariant &o : pupilOptions)
            values << o.toMap().value(QStringLiteral("value")).toString();
        QVERIFY2(values.contains(kPupil), qPrintable(QStringLiteral("pupil options: ") + values.join(QLatin1Char(','))));

        form.setAnswer(QStringLiteral("pupil"), kPupil);
        form.setAnswer(QStringLiteral("visitors"), QStringLiteral("杨老师、陈老师"));
        form.setAnswer(QStringLiteral("reason"), QStringLiteral("left_school"));
        form.setAnswer(QStringLiteral("days_absent"), 5);
        QVERIFY2(form.next(), qPrintable(QJsonDocument::fromVariant(form.issues()).toJson()));
        QCOMPARE(form.currentPage(), 1);

        form.setAnswer(QStringLiteral("met"), QStringList{QStringLiteral("mother"), QStringLiteral("pupil")});
        form.setAnswer(QStringLiteral("findings"), QStringLiteral("父亲外出务工，孩子在家照顾弟弟，不愿上学。"));
        form.setAnswer(QStringLiteral("agreed_actions"), QStringLiteral("母亲同意下周一送孩子返校，学校安排结对帮扶。"));
        form.setAnswer(QStringLiteral("back_at_school"), QStringLiteral("no"));
        form.setAnswer(QStringLiteral("not_back_reason"), QStringLiteral("study"));
        form.setAnswer(QStringLiteral("follow_up_date"), QDate::currentDate().addDays(7).toString(Qt::ISODate));
        form.setAnswer(QStringLiteral("location"),
                       QVariantMap{{QStringLiteral("lat"), 27.65}, {QStringLiteral("lon"), 103.81}, {QStringLiteral("accuracy"), 8}});
        form.setAnswer(QStringLiteral("guardian_signature"),
                       QStringLiteral("5f2b8c0e9a1d4b7c6e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d.png"));
        QVERIFY2(form.next(), qPrintable(QJsonDocument::fromVariant(form.issues()).toJson()));
        QVERIFY(form.onReview());
        QVERIFY2(form.valid(), qPrintable(QJsonDocument::fromVariant(form.issues()).toJson()));

        QSignalSpy submitted(&form, &FormController::submitted);
        QVERIFY2(form.submit(), qPrintable(form.error()));
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(form.status(), QStringLiteral("submitted"));
        m_submissionId = form.submissionId();
        QVERIFY(!m_submissionId.isEmpty());
        QVERIFY(m_ctx->sync()->pending() > 0);

        // "Sync now" (what SyncStatus.syncNow() / the Home card's button calls).
        QVERIFY(syncOnce());
        QTRY_COMPARE_WITH_TIMEOUT(m_ctx->sync()->pending(), 0, 10000);
        Records records;
        const QVariantMap local = records.get(QStringLiteral("submissions"), m_submissionId);
        QVERIFY2(local.value(QStringLiteral("_state")).toString() == QLatin1String("confirmed"),
                 qPrintable(local.value(QStringLiteral("_state")).toString() + QLatin1Char(' ') +
                            local.value(QStringLiteral("_reason")).toString()));

        // The bureau's database holds the visit, submitted, with the answers typed.
        const QJsonObject all = b->serverRecords(QStringLiteral("submissions"));
        QVERIFY2(all.contains(m_submissionId), qPrintable(serverDump(QStringLiteral("submissions"))));
        const QJsonObject rec = all[m_submissionId].toObject();
        QCOMPARE(rec["school"].toString(), QStringLiteral("S1"));
        const QJsonObject fields = rec["fields"].toObject();
        QCOMPARE(fields["form"].toString(), QStringLiteral("home_visit"));
        QCOMPARE(fields["form_version"].toInt(), 1);
        QCOMPARE(fields["status"].toString(), QStringLiteral("submitted"));
        const QJsonObject a = fields["answers"].toObject();
        QCOMPARE(a["pupil"].toString(), kPupil);
        QCOMPARE(a["grade"].toString(), QStringLiteral("3"));
        QCOMPARE(a["visit_date"].toString(), today);
        QCOMPARE(a["visitors"].toString(), QStringLiteral("杨老师、陈老师"));
        QCOMPARE(a["reason"].toString(), QStringLiteral("left_school"));
        QCOMPARE(a["days_absent"].toInt(), 5);
        QCOMPARE(a["met"].toArray(), (QJsonArray{QStringLiteral("mother"), QStringLiteral("pupil")}));
        QCOMPARE(a["findings"].toString(), QStringLiteral("父亲外出务工，孩子在家照顾弟弟，不愿上学。"));
        QCOMPARE(a["agreed_actions"].toString(), QStringLiteral("母亲同意下周一送孩子返校，学校安排结对帮扶。"));
        QCOMPARE(a["back_at_school"].toString(), QStringLiteral("no"));
        QCOMPARE(a["not_back_reason"].toString(), QStringLiteral("study"));
        QCOMPARE(a["follow_up_date"].toString(), QDate::currentDate().addDays(7).toString(Qt::ISODate));
        QCOMPARE(a["location"].toObject()["lat"].toDouble(), 27.65);
        QCOMPARE(a["location"].toObject()["lon"].toDouble(), 103.81);
    }

    // HomeVisitPage's path: Records.save("home_visits", ...) with the fields that page writes.
    void homeVisitPageRecordReachesServer()
    {
        QVERIFY(m_session->state() == Session::Ready);
        Records records;
        const QString date = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
        const QVariantMap v{{QStringLiteral("pupil"), kPupil},
                            {QStringLiteral("visitors"), QStringLiteral("王建国")},
                            {QStringLiteral("date"), date},
                            {QStringLiteral("reason"), QStringLiteral("dropout_risk")},
                            {QStringLiteral("met"), QStringLiteral("祖母")},
                            {QStringLiteral("findings"), QStringLiteral("孩子帮家里干农活，缺课三天。")},
                            {QStringLiteral("actions"), QStringLiteral("约定周一返校。")},
                            {QStringLiteral("follow_up_date"), QDate::currentDate().addDays(6).toString(Qt::ISODate)},
                            {QStringLiteral("outcome_back_at_school"), false},
                            {QStringLiteral("location"), QVariant()},
                            {QStringLiteral("photo"), QString()},
                            {QStringLiteral("signature"), QString()}};
        const QString id = records.save(QStringLiteral("home_visits"), {}, v);
        QVERIFY2(!id.isEmpty(), qPrintable(records.lastError()));
        QVERIFY(syncOnce());
        QCOMPARE(records.get(QStringLiteral("home_visits"), id).value(QStringLiteral("_state")).toString(),
                 QStringLiteral("confirmed"));
        const QJsonObject all = b->serverRecords(QStringLiteral("home_visits"));
        QVERIFY2(all.contains(id), qPrintable(serverDump(QStringLiteral("home_visits"))));
        const QJsonObject f = all[id].toObject()["fields"].toObject();
        QCOMPARE(all[id].toObject()["school"].toString(), QStringLiteral("S1"));
        QCOMPARE(f["pupil"].toString(), kPupil);
        QCOMPARE(f["date"].toString(), date);
        QCOMPARE(f["visitors"].toString(), QStringLiteral("王建国"));
        QCOMPARE(f["findings"].toString(), QStringLiteral("孩子帮家里干农活，缺课三天。"));
    }

    void noQmlWarnings()
    {
        QVERIFY2(g_qmlWarnings.isEmpty(), qPrintable(g_qmlWarnings.join(QLatin1Char('\n'))));
        QVERIFY(m_ctx->sync()->lastError().isEmpty());
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        delete m_ctx;   // closes the replica (waits for a running sync)
        m_ctx = nullptr;
        if (b)
            b->stop();
        qInstallMessageHandler(g_previousHandler);
    }
};

QTEST_MAIN(TestAppE2E)
#include "tst_app_e2e.moc"
