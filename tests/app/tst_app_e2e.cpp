// End-to-end: the real app code, offscreen, against a real `cunxiao-server`
// process over TLS with a local CA. The test builds the app's objects the way
// AppMain does for `cunxiao --server --user --password-file --ca`, loads the
// real Main.qml, signs in (enrolls), fills and submits the county home-visit
// form through FormController, syncs, and then reads the server's database
// back with `cunxiao-server export`: the visit must be there, submitted, with
// the answers typed. A second case saves a visit the way HomeVisitPage does
// (Records.save("home_visits")) and checks it reaches the server too.
// Photos and signatures go the way the pages send them (MediaStore, the one
// entry point for picked files and camera captures, into Engine::attach): the
// server then holds the records with the references AND, in its attachments
// folder, files whose SHA-256 match. With "photos only over Wi-Fi" on a metered
// link the record arrives and the photo is held until the link is unmetered;
// when the link comes back (LinkMonitor) the app syncs at once; a photo taken
// on another device is downloaded on request.
#include "FakeCamera.h"
#include "Fixture.h"

#include "account/Session.h"
#include "media/AttachmentImages.h"
#include "core/AppContext.h"
#include "core/AppSettings.h"
#include "forms/FormController.h"
#include "media/MediaStore.h"
#include "media/PhotoCapture.h"
#include "models/RecordHistoryModel.h"
#include "models/Records.h"
#include "sync/BundleController.h"
#include "sync/LinkMonitor.h"
#include "sync/SyncController.h"
#include "sync/SyncStatus.h"

#include <QBuffer>
#include <QDirIterator>
#include <QImageCapture>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QPainter>

#include <QDate>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/inotify.h>
#include <unistd.h>

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
    const bool fromQml =
        (ctx.file && QString::fromUtf8(ctx.file).contains(QLatin1String(".qml"))) || msg.contains(QLatin1String(".qml:"));
    if (type != QtDebugMsg && type != QtInfoMsg && fromQml)
        g_qmlWarnings << msg;
    if (g_previousHandler)
        g_previousHandler(type, ctx, msg);
}

// A picture as a camera or a picked file would give it: w x h, drawn so that each seed differs.
QImage picture(int w, int h, int seed)
{
    QImage img(w, h, QImage::Format_RGB32);
    QPainter p(&img);
    QLinearGradient g(0, 0, w, h);
    g.setColorAt(0, QColor::fromHsv((seed * 47) % 360, 160, 200));
    g.setColorAt(1, QColor::fromHsv((seed * 47 + 120) % 360, 200, 120));
    p.fillRect(img.rect(), g);
    p.setPen(Qt::white);
    p.setFont(QFont(QStringLiteral("sans"), h / 10));
    p.drawText(img.rect(), Qt::AlignCenter, QStringLiteral("家访 %1").arg(seed));
    return img;
}

// A signature as SignatureCanvas hands it over: a PNG data URL.
// A signature as the box gives it: strokes of {x, y} points on a 380x160 box.
QVariantList signatureStrokes(int seed)
{
    QVariantList strokes;
    for (int i = 0; i < 6; ++i) {
        QVariantList stroke;
        stroke << QVariantMap{{"x", 20 + i * 50}, {"y", 80 + (i % 2 ? 40 : -40) + seed}}
               << QVariantMap{{"x", 70 + i * 50}, {"y", 80 + (i % 2 ? -30 : 30)}};
        strokes << QVariant(stroke);
    }
    return strokes;
}

// Every file created, written or renamed into a folder under `root` (inotify,
// the folders there when it starts and the ones made afterwards), by path.
class DirWatch
{
public:
    explicit DirWatch(const QString &root) : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
        add(root);
        QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
            add(it.next());
    }
    ~DirWatch() { ::close(m_fd); }
    QStringList written()
    {
        alignas(inotify_event) char buf[64 * 1024];
        ssize_t n;
        while ((n = ::read(m_fd, buf, sizeof buf)) > 0) {
            for (char *p = buf; p < buf + n;) {
                const auto *e = reinterpret_cast<const inotify_event *>(p);
                const QString path = m_dirs.value(e->wd) + QLatin1Char('/') + QString::fromUtf8(e->len ? e->name : "");
                if (e->mask & IN_ISDIR)
                    add(path);
                if (!m_seen.contains(path))
                    m_seen << path;
                p += sizeof(inotify_event) + e->len;
            }
        }
        return m_seen;
    }

private:
    void add(const QString &dir)
    {
        const int wd =
            inotify_add_watch(m_fd, QFile::encodeName(dir).constData(), IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MODIFY);
        if (wd >= 0)
            m_dirs.insert(wd, dir);
    }
    int m_fd;
    QHash<int, QString> m_dirs;
    QStringList m_seen;
};

QString sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
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
    // What the page shows for a photo: its address is the image provider's
    // (the file is encrypted), and the picture is what the engine decrypts.
    QByteArray shownBytes(const QVariant &ref)
    {
        const QUrl u = media()->url(ref);
        const QString sha = MediaStore::sha256Of(ref);
        if (u.scheme() != QLatin1String("image") || !u.toString().endsWith(sha) || !m_ctx->engine())
            return {};
        try {
            return QByteArray::fromStdString(m_ctx->engine()->readAttachment(sha.toStdString()));
        } catch (const std::exception &) {
            return {};
        }
    }
    QImage shown(const QVariant &ref) { return QImage::fromData(shownBytes(ref)); }

    AppContext *m_ctx = nullptr;
    AppSettings *m_settings = nullptr;
    Session *m_session = nullptr;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QString m_submissionId;

    // One sync cycle of the app's SyncController, started now (as "sync now" does).
    bool syncOnce()
    {
        SyncController *sync = m_ctx->sync();
        if (sync->syncing()) { // a cycle already under way: let it end first
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

    // The bureau's copy of an attachment (complete files only: DATA_DIR/attachments/SHA256).
    QString serverAttachment(const QString &sha) const { return b->dataDir() + QStringLiteral("/attachments/") + sha; }

    // The server holds the file of `ref` and its bytes hash to the reference's SHA-256 and size.
    void verifyServerHas(const QVariantMap &ref)
    {
        const QString sha = ref.value(QStringLiteral("sha256")).toString();
        const QString path = serverAttachment(sha);
        QVERIFY2(QFileInfo::exists(path), qPrintable(QStringLiteral("the server has no ") + path));
        QCOMPARE(sha256OfFile(path), sha);
        QCOMPARE(QFileInfo(path).size(), ref.value(QStringLiteral("size")).toLongLong());
    }

    MediaStore *media() { return MediaStore::create(nullptr, nullptr); }

    // Two references name the same attachment (JSON numbers and C++ integers compare by value).
    static bool sameRef(const QVariant &a, const QVariantMap &b)
    {
        const QVariantMap m = a.toMap();
        return m.value(QStringLiteral("sha256")).toString() == b.value(QStringLiteral("sha256")).toString() &&
               m.value(QStringLiteral("size")).toLongLong() == b.value(QStringLiteral("size")).toLongLong() &&
               m.value(QStringLiteral("type")).toString() == b.value(QStringLiteral("type")).toString();
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
            QStringLiteral(
                R"({"collection":"pupils","id":"%1","fields":{"name":"王小芳","gender":"female","grade":3,"class":"1","status":"left"}})"
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
        AttachmentImages::install(m_engine.get());
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
        QVERIFY2(firstSync.first().at(0).toBool(),
                 qPrintable(m_ctx->sync()->lastError() + QLatin1Char(' ') + m_ctx->recentErrors().join(QStringLiteral(" | "))));
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
        form.setAnswer(
            QStringLiteral("location"),
            QVariantMap{{QStringLiteral("lat"), 27.65}, {QStringLiteral("lon"), 103.81}, {QStringLiteral("accuracy"), 8}});
        // A photo as the camera gives it (a QImage, 3000x2000: scaled to 1600 px) and a drawn signature.
        const QVariantMap photo = media()->importImage(QVariant(picture(3000, 2000, 1)));
        QVERIFY2(!photo.isEmpty(), qPrintable(media()->lastError()));
        QCOMPARE(photo.value(QStringLiteral("type")).toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(shown(photo).size(), QSize(1600, 1066));
        const QVariantMap signature = media()->saveSignature(signatureStrokes(1), 380, 160);
        QVERIFY2(!signature.isEmpty(), qPrintable(media()->lastError()));
        QCOMPARE(signature.value(QStringLiteral("type")).toString(), QStringLiteral("image/png"));
        form.setAnswer(QStringLiteral("photos"), QVariantList{photo});
        form.setAnswer(QStringLiteral("guardian_signature"), signature);
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
        // The answers hold the engine's references; the bureau has the files themselves.
        QCOMPARE(a["photos"].toArray().size(), 1);
        QVERIFY(sameRef(a["photos"].toArray()[0].toObject().toVariantMap(), photo));
        QVERIFY(sameRef(a["guardian_signature"].toObject().toVariantMap(), signature));
        verifyServerHas(photo);
        verifyServerHas(signature);
        QCOMPARE(media()->status(photo).value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        QCOMPARE(m_ctx->sync()->photosWaiting(), 0);
    }

    // HomeVisitPage's path: Records.save("home_visits", ...) with the fields that page writes.
    void homeVisitPageRecordReachesServer()
    {
        QVERIFY(m_session->state() == Session::Ready);
        Records records;
        // The picker's path: a picture file (PNG, 900x1200) chosen in the file dialog.
        const QString file = m_appDir.filePath(QStringLiteral("picked.png"));
        QVERIFY(picture(900, 1200, 2).save(file));
        const QVariantMap photo = media()->importImage(QVariant(QUrl::fromLocalFile(file)));
        QVERIFY2(!photo.isEmpty(), qPrintable(media()->lastError()));
        QCOMPARE(photo.value(QStringLiteral("type")).toString(), QStringLiteral("image/jpeg"));
        const QVariantMap signature = media()->saveSignature(signatureStrokes(2), 380, 160);
        QVERIFY(!signature.isEmpty());
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
                            {QStringLiteral("photo"), photo},
                            {QStringLiteral("signature"), signature}};
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
        QVERIFY(sameRef(f["photo"].toObject().toVariantMap(), photo));
        QVERIFY(sameRef(f["signature"].toObject().toVariantMap(), signature));
        verifyServerHas(photo);
        verifyServerHas(signature);
    }

    // "Send photos only over Wi-Fi" on a metered link: the record goes, the photo waits; on Wi-Fi it goes.
    void photoHeldOnMeteredLinkThenSent()
    {
        QSignalSpy meteredSeen(m_ctx->link(), &LinkMonitor::meteredChanged);
        m_settings->setPhotosOnlyUnmetered(true);
        m_ctx->link()->setMetered(true); // what QNetworkInformation::isMeteredChanged drives
        QCOMPARE(meteredSeen.count(), 1);
        QVERIFY(m_ctx->sync()->linkMetered());
        QVERIFY(m_ctx->sync()->photosHeld());

        const QVariantMap photo = media()->importImage(QVariant(picture(1200, 900, 3)));
        QVERIFY(!photo.isEmpty());
        Records records;
        const QString id = records.save(QStringLiteral("inspections"), {},
                                        QVariantMap{{QStringLiteral("school_name"), QStringLiteral("红旗村完小")},
                                                    {QStringLiteral("problems"), QStringLiteral("厕所门损坏")},
                                                    {QStringLiteral("photo"), photo},
                                                    {QStringLiteral("status"), QStringLiteral("done")}});
        QVERIFY2(!id.isEmpty(), qPrintable(records.lastError()));
        QCOMPARE(media()->status(photo).value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        QVERIFY(syncOnce());
        // The record is at the bureau, with the reference; the photo is not.
        const QJsonObject all = b->serverRecords(QStringLiteral("inspections"));
        QVERIFY2(all.contains(id), qPrintable(serverDump(QStringLiteral("inspections"))));
        QVERIFY(sameRef(all[id].toObject()["fields"].toObject()["photo"].toObject().toVariantMap(), photo));
        QVERIFY(!QFileInfo::exists(serverAttachment(photo.value(QStringLiteral("sha256")).toString())));
        QCOMPARE(media()->status(photo).value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        QCOMPARE(m_ctx->sync()->photosWaiting(), 1);
        auto *status = SyncStatus::create(nullptr, nullptr);
        QVERIFY(status->photosHeld());
        QVERIFY2(status->photoSummary().contains(QStringLiteral("Wi-Fi")), qPrintable(status->photoSummary()));
        if (m_ctx->sync()->pending() == 0) // the bar does not say "everything sent" while a photo waits
            QCOMPARE(status->summary(), status->photoSummary());

        // On Wi-Fi: the app syncs by itself and the photo goes.
        QSignalSpy done(m_ctx->sync(), &SyncController::finished);
        m_ctx->link()->setMetered(false);
        QVERIFY(m_ctx->sync()->syncing()); // at once, not at the next periodic sync
        QVERIFY(done.wait(kSyncTimeoutMs));
        QVERIFY(done.first().at(0).toBool());
        verifyServerHas(photo);
        QCOMPARE(media()->status(photo).value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        QCOMPARE(m_ctx->sync()->photosWaiting(), 0);
        QVERIFY(status->photoSummary().isEmpty());
    }

    // A photo picked for a page that is then abandoned costs no data: it is not
    // sent, not counted as waiting, and says so; once a saved page uses it, it goes.
    void abandonedPhotoIsNotSent()
    {
        const QVariantMap photo = media()->importImage(QVariant(picture(1000, 750, 7)));
        QVERIFY2(!photo.isEmpty(), qPrintable(media()->lastError()));
        const QString sha = photo.value(QStringLiteral("sha256")).toString();
        QCOMPARE(media()->status(photo).value(QStringLiteral("state")).toString(), QStringLiteral("unsaved"));
        QVERIFY(syncOnce());
        QVERIFY(!QFileInfo::exists(serverAttachment(sha)));
        QVERIFY(!QFileInfo::exists(serverAttachment(sha) + QStringLiteral(".part")));
        QCOMPARE(m_ctx->sync()->photosWaiting(), 0);
        QCOMPARE(media()->status(photo).value(QStringLiteral("state")).toString(), QStringLiteral("unsaved"));
        QVERIFY(!media()->url(photo).isEmpty()); // still on the phone

        // The page is saved after all: the next sync sends it.
        Records records;
        const QString id = records.save(QStringLiteral("inspections"), {},
                                        QVariantMap{{QStringLiteral("school_name"), QStringLiteral("红旗村完小")},
                                                    {QStringLiteral("problems"), QStringLiteral("围墙开裂")},
                                                    {QStringLiteral("photo"), photo},
                                                    {QStringLiteral("status"), QStringLiteral("done")}});
        QVERIFY2(!id.isEmpty(), qPrintable(records.lastError()));
        QCOMPARE(media()->status(photo).value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
        QCOMPARE(m_ctx->sync()->photosWaiting(), 1); // on the sync card at once, before the sync
        QVERIFY(syncOnce());
        verifyServerHas(photo);
        QCOMPARE(m_ctx->sync()->photosWaiting(), 0);
        QCOMPARE(media()->status(photo).value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
    }

    // The link goes away and comes back: the app syncs at once instead of after its backoff.
    void syncsWhenLinkReturns()
    {
        QSignalSpy back(m_ctx->link(), &LinkMonitor::reconnected);
        m_ctx->link()->setReachability(QNetworkInformation::Reachability::Online);
        QCOMPARE(back.count(), 0); // already online: nothing to do
        b->stop();
        m_ctx->link()->setReachability(QNetworkInformation::Reachability::Disconnected);
        QVERIFY(!m_ctx->link()->online());
        Records records;
        const QString id =
            records.save(QStringLiteral("pupils"), kPupil, QVariantMap{{QStringLiteral("class"), QStringLiteral("2")}});
        QVERIFY(!id.isEmpty());
        QVERIFY(!syncOnce()); // no server: fails, and the app backs off
        QVERIFY(!m_ctx->sync()->online());
        QVERIFY(m_ctx->sync()->nextDelaySeconds() >= 30);
        QVERIFY(m_ctx->sync()->pending() > 0);

        const int backoff = m_ctx->sync()->nextDelaySeconds();
        b->start(); // the same port: the link is back
        QSignalSpy done(m_ctx->sync(), &SyncController::finished);
        QElapsedTimer t;
        t.start();
        m_ctx->link()->setReachability(QNetworkInformation::Reachability::Online); // what reachabilityChanged drives
        QCOMPARE(back.count(), 1);
        QVERIFY(m_ctx->sync()->syncing());
        QVERIFY(done.wait(kSyncTimeoutMs));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(m_ctx->sync()->lastError()));
        qInfo("synced %lld ms after the link returned (the backoff would have waited %d s); network backend: %s", t.elapsed(),
              backoff, qPrintable(m_ctx->link()->hasBackend() ? m_ctx->link()->backendName() : QStringLiteral("none")));
        QVERIFY(t.elapsed() < 20000);
        QCOMPARE(m_ctx->sync()->pending(), 0);
        QCOMPARE(m_ctx->sync()->nextDelaySeconds(), 0);
        QCOMPARE(b->serverRecords(QStringLiteral("pupils"))[kPupil].toObject()["fields"].toObject()["class"].toString(),
                 QStringLiteral("2"));
    }

    // A draft made before photos went through the engine names a file in media/: opening it sends the file on.
    void oldDraftPhotoIsSentOn()
    {
        const QString name = QStringLiteral("0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a090807060504030201000.jpg");
        QDir().mkpath(media()->mediaDir());
        const QString file = QDir(media()->mediaDir()).filePath(name);
        QVERIFY(picture(800, 600, 5).save(file, "JPG", 80));
        const QString sha = sha256OfFile(file);
        QString err;
        const QString id =
            m_ctx->put(QStringLiteral("submissions"), {},
                       QVariantMap{{QStringLiteral("form"), QStringLiteral("home_visit")},
                                   {QStringLiteral("form_version"), 1},
                                   {QStringLiteral("status"), QStringLiteral("draft")},
                                   {QStringLiteral("answers"), QVariantMap{{QStringLiteral("grade"), QStringLiteral("3")},
                                                                           {QStringLiteral("photos"), QVariantList{name}}}}},
                       &err);
        QVERIFY2(!id.isEmpty(), qPrintable(err));
        QCOMPARE(media()->status(name).value(QStringLiteral("state")).toString(), QStringLiteral("old"));
        QVERIFY(!media()->url(name).isEmpty()); // still shows

        FormController form;
        QVERIFY2(form.open(QStringLiteral("home_visit"), id), qPrintable(form.error()));
        const QVariantList photos = form.answer(QStringLiteral("photos")).toList();
        QCOMPARE(photos.size(), 1);
        QCOMPARE(MediaStore::sha256Of(photos.first()), sha);
        QVERIFY(form.saveDraft());
        QVERIFY(syncOnce());
        verifyServerHas(photos.first().toMap());
        const QJsonObject draft = b->serverRecords(QStringLiteral("submissions"))[id].toObject()["fields"].toObject();
        QCOMPARE(draft["answers"].toObject()["photos"].toArray()[0].toObject()["sha256"].toString(), sha);
    }

    // The camera page's path: PhotoCapture asks the camera (a fake with QImageCapture's
    // interface: there is no camera here) for a capture in memory and seals it while
    // writing. Every file written under the app's data meanwhile is watched (inotify):
    // none may hold the picture in the clear, and none may be outside the photos'
    // folder and the replica's journal (the old capture/ folder would be).
    void cameraCaptureStaysInMemory()
    {
        const QString data = m_ctx->dataDir();
        const QString replica = m_ctx->replicaPath(m_ctx->account());
        QVERIFY(QDir().mkpath(replica + QStringLiteral(".attachments"))); // watched from the start (the engine makes it too)
        DirWatch watch(data);
        FakeCamera camera(picture(4032, 3024, 6)); // a phone camera's 12 MP
        PhotoCapture shutter;
        {
            // The page's real ImageCapture connects without a word (no camera behind it here).
            QImageCapture real;
            QTest::failOnWarning(QRegularExpression(QStringLiteral("connect|No such signal|Incompatible")));
            shutter.setCamera(&real);
            QSignalSpy refused(&shutter, &PhotoCapture::failed);
            QVERIFY(!shutter.shoot()); // not ready: said, not silently dropped
            QCOMPARE(refused.size(), 1);
        }
        shutter.setCamera(&camera);
        QSignalSpy captured(&shutter, &PhotoCapture::captured), failed(&shutter, &PhotoCapture::failed);
        QVERIFY(shutter.shoot());
        QVERIFY(shutter.busy());
        QVERIFY2(captured.wait(20000) || captured.size() == 1,
                 qPrintable(failed.isEmpty() ? QStringLiteral("no picture") : failed.first().first().toString()));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(camera.filesWritten(), 0);
        const QVariantMap ref = captured.first().first().toMap();
        QCOMPARE(shown(ref).size(), QSize(1600, 1200));
        QVERIFY(ref.value(QStringLiteral("size")).toLongLong() < 400 * 1024);
        qInfo("a 4032x3024 capture became %lld bytes (1600x1200, JPEG q80), never in the clear on disk",
              ref.value(QStringLiteral("size")).toLongLong());

        const QByteArray plain = shownBytes(ref);
        QVERIFY(plain.startsWith("\xFF\xD8\xFF"));
        const QStringList written = watch.written();
        QVERIFY(!written.isEmpty()); // the watch sees writes: at least the sealed photo
        bool sawPhoto = false;
        for (const QString &f : written) {
            const bool allowed = f.startsWith(replica + QStringLiteral(".attachments/")) ||
                                 f == replica + QStringLiteral(".attachments") || f == replica + QStringLiteral("-wal") ||
                                 f == replica + QStringLiteral("-journal") || f == replica + QStringLiteral("-shm");
            QVERIFY2(allowed, qPrintable(QStringLiteral("written during the capture: ") + f));
            QFile in(f);
            if (!in.open(QIODevice::ReadOnly))
                continue; // a temporary file renamed or removed since
            const QByteArray bytes = in.readAll();
            QVERIFY2(!bytes.startsWith("\xFF\xD8\xFF") && !bytes.contains(plain.mid(plain.size() / 2, 64)),
                     qPrintable(QStringLiteral("a clear picture: ") + f));
            sawPhoto = sawPhoto || f.endsWith(MediaStore::sha256Of(ref));
        }
        QVERIFY(sawPhoto);
        QVERIFY(!QFileInfo::exists(QDir(m_ctx->accountDir(m_ctx->account())).filePath(QStringLiteral("capture"))));
    }

    // A photo another device took: the record arrives with its reference; the page offers to download it.
    void photoFromAnotherDeviceDownloads()
    {
        const QString db = QStringLiteral("other.sqlite");
        b->enroll(db, kUser, kPassword);
        const QString file = b->path(QStringLiteral("other-photo.jpg"));
        QVERIFY(picture(1024, 768, 4).save(file, "JPG", 80));
        CliResult att = b->cli(db, {"attach", file});
        QCOMPARE(att.exitCode, 0);
        const QVariantMap ref = QJsonDocument::fromJson(att.out.toUtf8()).object().toVariantMap();
        QCOMPARE(ref.value(QStringLiteral("sha256")).toString(), sha256OfFile(file));
        CliResult put = b->cli(
            db, {"put", "inspections", "-", "school_name=红旗村完小",
                 "photo=" + QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(ref)).toJson(QJsonDocument::Compact))});
        QCOMPARE(put.exitCode, 0);
        const QString id = put.out.trimmed();
        QCOMPARE(b->cli(db, {"sync", "--unmetered"}).exitCode, 0);
        verifyServerHas(ref);

        QVERIFY(syncOnce());
        Records records;
        const QVariant got = records.get(QStringLiteral("inspections"), id).value(QStringLiteral("photo"));
        QCOMPARE(MediaStore::sha256Of(got), ref.value(QStringLiteral("sha256")).toString());
        QCOMPARE(media()->status(got).value(QStringLiteral("state")).toString(), QStringLiteral("remote"));
        QVERIFY(media()->url(got).isEmpty());

        QSignalSpy downloaded(media(), &MediaStore::downloadFinished);
        media()->download(got); // the placeholder's "download" button
        QCOMPARE(media()->status(got).value(QStringLiteral("state")).toString(), QStringLiteral("downloading"));
        QVERIFY(downloaded.wait(kSyncTimeoutMs));
        QVERIFY2(downloaded.first().at(1).toBool(), qPrintable(downloaded.first().at(2).toString()));
        const QByteArray local = shownBytes(got);
        QVERIFY(!local.isEmpty());
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(local, QCryptographicHash::Sha256).toHex()),
                 ref.value(QStringLiteral("sha256")).toString());
        QCOMPARE(media()->status(got).value(QStringLiteral("state")).toString(), QStringLiteral("here"));
    }

    // A file over the bureau's limit (10 MB) is refused by the check before any
    // byte of it is sent; the record still goes. The photo and the sync card say
    // so, with the bureau's reason. (Last: the refusal is final and stays counted.)
    void refusedPhotoSaysWhy()
    {
        const QString file = m_appDir.filePath(QStringLiteral("scan.jpg"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray block(1024 * 1024, '\0');
            quint32 x = 5;
            for (int i = 0; i < 11; ++i) {
                for (auto &c : block)
                    c = char((x = x * 1664525u + 1013904223u) >> 24);
                f.write(block);
            }
        }
        const cx::AttachmentInfo a = m_ctx->engine()->attach(file.toStdString(), "image/jpeg");
        const QVariantMap ref = QJsonDocument::fromJson(QByteArray::fromStdString(a.reference().dump())).object().toVariantMap();
        Records records;
        const QString id = records.save(QStringLiteral("inspections"), {},
                                        QVariantMap{{QStringLiteral("school_name"), QStringLiteral("红旗村完小")},
                                                    {QStringLiteral("problems"), QStringLiteral("消防通道堵塞")},
                                                    {QStringLiteral("photo"), ref},
                                                    {QStringLiteral("status"), QStringLiteral("done")}});
        QVERIFY2(!id.isEmpty(), qPrintable(records.lastError()));
        QVERIFY(syncOnce());
        QVERIFY2(b->serverRecords(QStringLiteral("inspections")).contains(id),
                 qPrintable(serverDump(QStringLiteral("inspections"))));
        const QString sha = QString::fromStdString(a.sha256);
        QVERIFY(!QFileInfo::exists(serverAttachment(sha)));
        QVERIFY(!QFileInfo::exists(serverAttachment(sha) + QStringLiteral(".part"))); // not a byte sent
        const QVariantMap st = media()->status(ref);
        QCOMPARE(st.value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
        QVERIFY2(st.value(QStringLiteral("reason")).toString().contains(QStringLiteral("10.0 MB")),
                 qPrintable(st.value(QStringLiteral("reason")).toString()));
        QVERIFY2(st.value(QStringLiteral("text")).toString().contains(st.value(QStringLiteral("reason")).toString()),
                 qPrintable(st.value(QStringLiteral("text")).toString()));
        QCOMPARE(m_ctx->sync()->photosRefused(), 1);
        QCOMPARE(m_ctx->sync()->photosWaiting(), 0);
        auto *status = SyncStatus::create(nullptr, nullptr);
        QCOMPARE(status->photoSummary(), SyncStatus::tr("%n photo(s) refused by the bureau", nullptr, 1)); // 1 张照片被教育局拒收
        // Refused is final: the next sync does not try again.
        QVERIFY(syncOnce());
        QCOMPARE(media()->status(ref).value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
        QVERIFY(!QFileInfo::exists(serverAttachment(sha) + QStringLiteral(".part")));
    }

    // The USB stick page's path (BundleController, as BundlesPage calls it):
    // a change made without a link is saved into a bundle, the bureau applies
    // it, the reply confirms it here; the same reply again is refused in plain
    // words and changes nothing; then a bundle goes through this device's own
    // link ("deliver") and its reply confirms the next change.
    void bundleSavedDeliveredAndReplied()
    {
        SyncController *sync = m_ctx->sync();
        sync->setAutomatic(false);
        if (sync->syncing()) {
            QSignalSpy running(sync, &SyncController::finished);
            QVERIFY(running.wait(kSyncTimeoutMs));
        }
        auto finish = qScopeGuard([sync] { sync->setAutomatic(true); });
        BundleController bundles;
        QVERIFY(bundles.enrolled());
        auto run = [&bundles](auto &&call) -> QVariantMap {
            QSignalSpy done(&bundles, &BundleController::finished);
            call();
            if (!done.wait(kSyncTimeoutMs))
                return {{"timeout", true}};
            return bundles.receipt();
        };

        QString err;
        const QString first = m_ctx->put(QStringLiteral("pupils"), QString(),
                                         {{"name", "赵小东"}, {"gender", "male"}, {"grade", 2}, {"class", "1"}}, &err);
        QVERIFY2(!first.isEmpty(), qPrintable(err));
        const int waiting = bundles.waiting();
        QVERIFY(waiting >= 1);

        // Saved into a folder: the file takes the suggested name.
        QTemporaryDir stick;
        QVariantMap r = run([&] { bundles.saveBundle(QUrl::fromLocalFile(stick.path()), false); });
        QVERIFY2(r.value("ok").toBool(), qPrintable(r.value("detail").toString()));
        QCOMPARE(r.value("kind").toString(), QStringLiteral("save"));
        QCOMPARE(r.value("changes").toInt(), waiting);
        const QString file = r.value("file").toString();
        QVERIFY2(QFileInfo(file).isFile() && QFileInfo(file).dir() == QDir(stick.path()), qPrintable(file));
        QVERIFY(file.endsWith(QLatin1String(".cxbundle")));
        QVERIFY(r.value("lines").toStringList().join(' ').contains(QString::number(waiting)));
        QVERIFY(!b->serverRecords(QStringLiteral("pupils")).contains(first)); // nothing went over the link

        // At the bureau.
        const QString reply = stick.filePath(QStringLiteral("reply.cxbundle"));
        b->admin({"bundle-in", file, "--reply", reply});
        QVERIFY(b->serverRecords(QStringLiteral("pupils")).contains(first));
        QVERIFY(QFileInfo(reply).isFile());

        // Back home: the reply confirms the change.
        QSignalSpy data(m_ctx, &AppContext::dataChanged);
        r = run([&] { bundles.applyReply(QUrl::fromLocalFile(reply)); });
        QVERIFY2(r.value("ok").toBool(), qPrintable(r.value("detail").toString()));
        QCOMPARE(r.value("confirmed").toInt(), waiting);
        QCOMPARE(r.value("refused").toInt(), 0);
        QCOMPARE(bundles.waiting(), 0);
        QCOMPARE(sync->pending(), 0);
        QVERIFY(data.count() > 0); // the pages reload

        // The same reply again: refused in plain words, nothing changes.
        r = run([&] { bundles.applyReply(QUrl::fromLocalFile(reply)); });
        QVERIFY(!r.value("ok").toBool());
        QVERIFY2(r.value("detail").toString().contains(QLatin1String("replayed reply")),
                 qPrintable(r.value("detail").toString()));
        QCOMPARE(r.value("lines").toStringList().first(), BundleController::plainError(r.value("detail").toString()));
        QVERIFY(r.value("lines").toStringList().first() != BundleController::plainError(QString()));
        // A bundle chosen where a reply belongs is named as such.
        r = run([&] { bundles.applyReply(QUrl::fromLocalFile(file)); });
        QVERIFY(!r.value("ok").toBool());
        QCOMPARE(r.value("lines").toStringList().first(),
                 BundleController::plainError(QStringLiteral("this is a device's bundle, not a reply")));

        // Delivered over this device's own link: the reply is written beside
        // the bundle's name in the chosen folder, then applied.
        const QString second = m_ctx->put(QStringLiteral("pupils"), QString(),
                                          {{"name", "钱小红"}, {"gender", "female"}, {"grade", 4}, {"class", "2"}}, &err);
        QVERIFY2(!second.isEmpty(), qPrintable(err));
        const QString file2 = stick.filePath(QStringLiteral("second.cxbundle"));
        r = run([&] { bundles.saveBundle(QUrl::fromLocalFile(file2), true); });
        QVERIFY2(r.value("ok").toBool(), qPrintable(r.value("detail").toString()));
        QCOMPARE(r.value("file").toString(), QDir::toNativeSeparators(file2));
        QTemporaryDir back;
        r = run([&] { bundles.deliver(QUrl::fromLocalFile(file2), QUrl::fromLocalFile(back.path()), 4); });
        QVERIFY2(r.value("ok").toBool(), qPrintable(r.value("detail").toString()));
        const QString reply2 = back.filePath(QStringLiteral("second.reply.cxbundle"));
        QCOMPARE(r.value("file").toString(), QDir::toNativeSeparators(reply2));
        QVERIFY(r.value("sent").toULongLong() > 0);
        QVERIFY(b->serverRecords(QStringLiteral("pupils")).contains(second));
        QVERIFY(!sync->syncing()); // the delivery held the sync and let it go
        r = run([&] { bundles.applyReply(QUrl::fromLocalFile(reply2)); });
        QVERIFY2(r.value("ok").toBool(), qPrintable(r.value("detail").toString()));
        QCOMPARE(r.value("confirmed").toInt(), 1);
        QCOMPARE(bundles.waiting(), 0);

        // A stick pulled out: the place cannot be written, the change stays.
        const QString third = m_ctx->put(QStringLiteral("pupils"), QString(),
                                         {{"name", "孙小明"}, {"gender", "male"}, {"grade", 1}, {"class", "1"}}, &err);
        QVERIFY(!third.isEmpty());
        r = run([&] { bundles.saveBundle(QUrl::fromLocalFile(stick.filePath(QStringLiteral("gone/x.cxbundle"))), false); });
        QVERIFY(!r.value("ok").toBool());
        QVERIFY(bundles.waiting() >= 1);
        QVERIFY(m_ctx->engine()->get("pupils", third.toStdString()).has_value());
        QVERIFY(!r.value("lines").toStringList().isEmpty());
    }

    // A record's history is the server's audit, for administrators only: a
    // head asking gets the plain refusal, not an empty history.
    void recordHistoryIsForAdministrators()
    {
        RecordHistoryModel history;
        history.load(QStringLiteral("pupils"), kPupil);
        QVERIFY(history.busy());
        QVERIFY(history.waitForLoaded());
        QCOMPARE(history.error(), RecordHistoryModel::tr("Only a bureau administrator can read a record's history."));
        QVERIFY(history.entries().isEmpty());
    }

    void noQmlWarnings()
    {
        QVERIFY2(g_qmlWarnings.isEmpty(), qPrintable(g_qmlWarnings.join(QLatin1Char('\n'))));
        QVERIFY(m_ctx->sync()->lastError().isEmpty());
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        delete m_ctx; // closes the replica (waits for a running sync)
        m_ctx = nullptr;
        if (b)
            b->stop();
        qInstallMessageHandler(g_previousHandler);
    }
};

QTEST_MAIN(TestAppE2E)
#include "tst_app_e2e.moc"
