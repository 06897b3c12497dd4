#include "sync/BundleController.h"

#include "core/AppContext.h"
#include "sync/SyncController.h"

#include "engine/Engine.h"
#include "protocol/Errors.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace cx::app {

namespace {

constexpr int kMaxReasonsShown = 5;

QString sizeText(uint64_t bytes) { return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat); }

// A chosen place as the engine can use it: a local path, or "" for an address
// only Qt's file layer opens (content:// on Android).
QString localPath(const QUrl &u)
{
    if (u.isLocalFile())
        return u.toLocalFile();
    if (u.scheme().isEmpty())
        return u.toString(); // a plain path typed or passed by a test
    return {};
}

// What the person sees of a chosen place.
QString shownName(const QUrl &u)
{
    const QString local = localPath(u);
    return local.isEmpty() ? u.toString() : QDir::toNativeSeparators(local);
}

// Copies between a local file and a place that only QFile opens. Throws Storage with the place named.
void copyFile(const QString &from, const QString &to)
{
    QFile in(from), out(to);
    if (!in.open(QIODevice::ReadOnly))
        throw cx::Error(cx::ErrorKind::Invalid, "cannot read " + from.toStdString());
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw cx::Error(cx::ErrorKind::Storage, "cannot write " + to.toStdString());
    QByteArray buf;
    while (!(buf = in.read(1 << 20)).isEmpty())
        if (out.write(buf) != buf.size())
            throw cx::Error(cx::ErrorKind::Storage, "cannot write " + to.toStdString() + " (is the stick full?)");
    if (in.error() != QFileDevice::NoError)
        throw cx::Error(cx::ErrorKind::Invalid, "cannot read " + from.toStdString());
    if (!out.flush())
        throw cx::Error(cx::ErrorKind::Storage, "cannot write " + to.toStdString() + " (is the stick full?)");
}

// A target that may be a folder: the file to write there.
QString fileIn(const QString &pathOrFolder, const QString &name)
{
    return QFileInfo(pathOrFolder).isDir() ? QDir(pathOrFolder).filePath(name) : pathOrFolder;
}

QVariantMap failure(const QString &activity, const QString &detail)
{
    return {{"ok", false}, {"kind", activity}, {"detail", detail}};
}

} // namespace

BundleController::BundleController(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<QVariantMap>::finished, this, &BundleController::onFinished);
    if (auto *ctx = AppContext::instance()) {
        // The engine must not close under a running job.
        connect(ctx, &AppContext::aboutToCloseAccount, this, [this] { m_watcher.waitForFinished(); });
        connect(ctx, &AppContext::accountChanged, this, &BundleController::changed);
        connect(ctx, &AppContext::localChange, this, &BundleController::changed);
    }
}

BundleController::~BundleController() { m_watcher.waitForFinished(); }

int BundleController::waiting() const
{
    auto *ctx = AppContext::instance();
    if (!ctx || !ctx->engine())
        return 0;
    const auto st = ctx->engine()->status();
    return st.pending + st.sent;
}

bool BundleController::enrolled() const
{
    auto *ctx = AppContext::instance();
    return ctx && ctx->engine() && ctx->engine()->enrolled();
}

QString BundleController::suggestedName() const
{
    QString school;
    if (auto *ctx = AppContext::instance())
        school = ctx->defaultSchool();
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    return QStringLiteral("cunxiao-%1%2.cxbundle").arg(school.isEmpty() ? QString() : school + QLatin1Char('-'), stamp);
}

QUrl BundleController::startFolder() const
{
    // A USB stick or SD card mounted the usual way on Linux desktops.
    for (const QStorageInfo &v : QStorageInfo::mountedVolumes()) {
        const QString root = v.rootPath();
        if (v.isValid() && v.isReady() && !v.isReadOnly() &&
            (root.startsWith(QLatin1String("/media/")) || root.startsWith(QLatin1String("/run/media/"))))
            return QUrl::fromLocalFile(root);
    }
    return QUrl::fromLocalFile(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
}

void BundleController::saveBundle(const QUrl &target, bool recordsOnly)
{
    auto *ctx = AppContext::instance();
    if (m_busy || !ctx || !ctx->engine())
        return;
    cx::Engine *engine = ctx->engine();
    const QString name = suggestedName();
    const QString local = localPath(target);
    const QString work = QDir(ctx->accountDir(ctx->account())).filePath(QStringLiteral("bundle-out.tmp"));
    start(QStringLiteral("save"), [engine, target, local, name, work, recordsOnly]() -> QVariantMap {
        const QString file = local.isEmpty() ? QString() : fileIn(local, name);
        const cx::BundleOutReport r = engine->bundleOut((file.isEmpty() ? work : file).toStdString(), recordsOnly);
        if (file.isEmpty()) {
            copyFile(work, target.toString());
            QFile::remove(work);
        }
        return {{"ok", true},
                {"kind", QStringLiteral("save")},
                {"file", file.isEmpty() ? target.toString() : QDir::toNativeSeparators(file)},
                {"changes", r.mutations},
                {"photos", r.attachments},
                {"photosLeft", r.attachmentsLeft},
                {"bytes", QVariant::fromValue<qulonglong>(r.bytes)},
                {"recordsOnly", recordsOnly}};
    });
}

void BundleController::applyReply(const QUrl &replyFile)
{
    auto *ctx = AppContext::instance();
    if (m_busy || !ctx || !ctx->engine())
        return;
    cx::Engine *engine = ctx->engine();
    const QString local = localPath(replyFile);
    const QString work = QDir(ctx->accountDir(ctx->account())).filePath(QStringLiteral("bundle-in.tmp"));
    start(QStringLiteral("apply"), [engine, replyFile, local, work]() -> QVariantMap {
        if (local.isEmpty())
            copyFile(replyFile.toString(), work);
        const cx::BundleInReport r = engine->bundleIn((local.isEmpty() ? work : local).toStdString());
        if (local.isEmpty())
            QFile::remove(work);
        QStringList reasons;
        for (const auto &[n, why] : r.reasons)
            if (reasons.size() < kMaxReasonsShown)
                reasons << QString::fromStdString(why);
        return {{"ok", true},
                {"kind", QStringLiteral("apply")},
                {"file", shownName(replyFile)},
                {"confirmed", r.applied},
                {"refused", r.rejected},
                {"reasons", reasons},
                {"received", r.received},
                {"photos", r.attachments},
                {"stale", r.stale},
                {"more", r.more}};
    });
}

void BundleController::deliver(const QUrl &bundleFile, const QUrl &replyTarget, int maxReplyMb)
{
    auto *ctx = AppContext::instance();
    if (m_busy || !ctx || !ctx->engine())
        return;
    cx::Engine *engine = ctx->engine();
    const QString in = localPath(bundleFile), out = localPath(replyTarget);
    const QString dir = ctx->accountDir(ctx->account());
    const QString workIn = QDir(dir).filePath(QStringLiteral("relay-in.tmp"));
    const QString workOut = QDir(dir).filePath(QStringLiteral("relay-out.tmp"));
    const QString replyName =
        QFileInfo(in.isEmpty() ? bundleFile.fileName() : in).completeBaseName() + QStringLiteral(".reply.cxbundle");
    const uint64_t maxBytes = uint64_t(qBound(1, maxReplyMb, 1024)) * 1024 * 1024;
    start(
        QStringLiteral("deliver"),
        [engine, bundleFile, replyTarget, in, out, workIn, workOut, replyName, maxBytes]() -> QVariantMap {
            if (in.isEmpty())
                copyFile(bundleFile.toString(), workIn);
            const QString reply = out.isEmpty() ? QString() : fileIn(out, replyName);
            const cx::RelayReport r = engine->relay((in.isEmpty() ? workIn : in).toStdString(),
                                                    (reply.isEmpty() ? workOut : reply).toStdString(), maxBytes);
            if (reply.isEmpty()) {
                copyFile(workOut, replyTarget.toString());
                QFile::remove(workOut);
            }
            if (in.isEmpty())
                QFile::remove(workIn);
            return {{"ok", true},
                    {"kind", QStringLiteral("deliver")},
                    {"file", reply.isEmpty() ? replyTarget.toString() : QDir::toNativeSeparators(reply)},
                    {"sent", QVariant::fromValue<qulonglong>(r.bytesUp)},
                    {"receivedBytes", QVariant::fromValue<qulonglong>(r.bytesDown)},
                    {"bytes", QVariant::fromValue<qulonglong>(r.replyBytes)}};
        },
        true);
}

void BundleController::clearReceipt()
{
    m_receipt.clear();
    emit changed();
}

void BundleController::start(const QString &activity, Job job, bool holdSync)
{
    m_busy = true;
    m_activity = activity;
    m_receipt.clear();
    emit changed();
    auto run = [this, activity, job = std::move(job)] {
        m_watcher.setFuture(QtConcurrent::run([activity, job]() -> QVariantMap {
            try {
                return job();
            } catch (const cx::Error &e) {
                QVariantMap f = failure(activity, QString::fromStdString(e.what()));
                f.insert(QStringLiteral("errorKind"), int(e.kind()));
                return f;
            } catch (const std::exception &e) {
                return failure(activity, QString::fromStdString(e.what()));
            }
        }));
    };
    SyncController *sync = AppContext::instance() ? AppContext::instance()->sync() : nullptr;
    if (!holdSync || !sync) {
        run();
        return;
    }
    // A delivery uses the engine's network calls, which come from one thread
    // at a time: syncs wait while it runs, and it waits for a running one.
    sync->hold();
    m_holding = true;
    if (!sync->syncing()) {
        run();
        return;
    }
    auto *once = new QObject(this);
    connect(sync, &SyncController::finished, once, [once, run] {
        once->deleteLater();
        run();
    });
}

void BundleController::onFinished()
{
    QVariantMap r = m_watcher.result();
    const bool ok = r.value(QStringLiteral("ok")).toBool();
    const QString kind = r.value(QStringLiteral("kind")).toString();
    QStringList lines;
    QString title;
    if (!ok) {
        const QString detail = r.value(QStringLiteral("detail")).toString();
        const QVariant errorKind = r.value(QStringLiteral("errorKind"));
        const bool link = errorKind.isValid() && (cx::ErrorKind(errorKind.toInt()) == cx::ErrorKind::Network ||
                                                  cx::ErrorKind(errorKind.toInt()) == cx::ErrorKind::Tls);
        lines << (link ? SyncController::plainError(cx::ErrorKind(errorKind.toInt())) : plainError(detail));
        if (kind == QLatin1String("save")) {
            //: Bundle page: saving failed.
            title = tr("The bundle was not saved");
            //: Bundle page: after a failed save, nothing is lost.
            lines << tr("Your changes are still on this device; nothing was lost.");
        } else if (kind == QLatin1String("apply")) {
            //: Bundle page: applying a reply failed.
            title = tr("The reply was not applied");
            //: Bundle page: after a failed reply, nothing changed.
            lines << tr("Nothing from this file was applied; your changes are kept.");
        } else {
            //: Bundle page: delivering someone's bundle failed.
            title = tr("The bundle was not delivered");
            //: Bundle page: after a failed delivery.
            lines << tr("The bundle file is unchanged; you can try again when the link is better.");
        }
    } else if (kind == QLatin1String("save")) {
        //: Bundle page: receipt title after saving a bundle.
        title = tr("Bundle saved");
        const int changes = r.value(QStringLiteral("changes")).toInt();
        const int photos = r.value(QStringLiteral("photos")).toInt();
        const int left = r.value(QStringLiteral("photosLeft")).toInt();
        if (changes == 0 && photos == 0)
            //: Bundle receipt: nothing to send, but the reply brings what the bureau has.
            lines << tr("Nothing to send: the reply will bring what the bureau has for you.");
        else
            //: Bundle receipt: how many changes the bundle carries.
            lines << tr("It carries %n change(s)", "", changes) +
                         //: Bundle receipt, continued: and how many photos.
                         (photos > 0 ? tr(" and %n photo(s)", "", photos) : QString()) +
                         QStringLiteral(" (%1).").arg(sizeText(r.value(QStringLiteral("bytes")).toULongLong()));
        if (left > 0)
            //: Bundle receipt: photos not in the bundle (records only, or too large).
            lines << tr("%n photo(s) are not in this bundle; they go with a later sync or bundle.", "", left);
        //: Bundle receipt: where the file is. %1 is its path.
        lines << tr("Saved as %1.").arg(r.value(QStringLiteral("file")).toString());
        //: Bundle receipt: what to do next.
        lines << tr("Take it to the township centre school or the bureau. Bring the reply back and apply it here; "
                    "until then your changes stay on this device and also go with the next sync.");
    } else if (kind == QLatin1String("apply")) {
        //: Bundle page: receipt title after applying a reply.
        title = tr("Reply applied");
        //: Bundle receipt: changes the bureau confirmed.
        lines << tr("The bureau confirmed %n change(s).", "", r.value(QStringLiteral("confirmed")).toInt());
        const int refused = r.value(QStringLiteral("refused")).toInt();
        if (refused > 0) {
            //: Bundle receipt: refused changes; they stay on the device with their values.
            lines << tr("%n change(s) were refused; they are kept on Home under refused changes.", "", refused);
            for (const QVariant &why : r.value(QStringLiteral("reasons")).toList())
                lines << QStringLiteral("· ") + why.toString();
        }
        //: Bundle receipt: records received from the bureau.
        lines << tr("Received %n record(s) from the bureau.", "", r.value(QStringLiteral("received")).toInt());
        if (const int p = r.value(QStringLiteral("photos")).toInt(); p > 0)
            //: Bundle receipt: photos received.
            lines << tr("Received %n photo(s).", "", p);
        if (r.value(QStringLiteral("stale")).toBool())
            //: Bundle receipt: the reply was older than the last sync.
            lines << tr("This reply is older than this device's last sync: only what was newer in it was taken.");
        if (r.value(QStringLiteral("more")).toBool())
            //: Bundle receipt: the bureau had more than fit.
            lines << tr("The bureau had more for this device than the reply could hold: save another bundle to get the rest.");
    } else {
        //: Bundle page: receipt title after delivering someone's bundle.
        title = tr("Bundle delivered");
        //: Bundle receipt (delivery): bytes sent and received. %1, %2 are sizes.
        lines << tr("Sent %1, received %2.")
                     .arg(sizeText(r.value(QStringLiteral("sent")).toULongLong()),
                          sizeText(r.value(QStringLiteral("receivedBytes")).toULongLong()));
        //: Bundle receipt (delivery): where the reply is. %1 its size, %2 its path.
        lines << tr("The reply (%1) is saved as %2. Give it back to the person who brought the bundle.")
                     .arg(sizeText(r.value(QStringLiteral("bytes")).toULongLong()), r.value(QStringLiteral("file")).toString());
    }
    r.insert(QStringLiteral("title"), title);
    r.insert(QStringLiteral("lines"), lines);
    m_receipt = r;
    m_busy = false;
    m_activity = kind;
    if (auto *ctx = AppContext::instance()) {
        if (ok && kind == QLatin1String("apply"))
            emit ctx->dataChanged(QString());
        if (!ok)
            ctx->addError(title + QStringLiteral(": ") + lines.first() + QStringLiteral(" (") +
                          r.value(QStringLiteral("detail")).toString() + QLatin1Char(')'));
        if (SyncController *sync = ctx->sync()) {
            if (m_holding)
                sync->release();
            sync->refreshCounts();
            sync->refreshPhotoCounts();
        }
    }
    m_holding = false;
    emit changed();
    emit finished(ok);
}

QString BundleController::plainError(const QString &detail)
{
    auto has = [&](const char *s) { return detail.contains(QLatin1String(s), Qt::CaseInsensitive); };
    if (has("wrong device"))
        //: Bundle error: the reply belongs to another device.
        return tr("This reply was made for another device. Apply it on the device that saved the bundle.");
    if (has("replayed reply"))
        //: Bundle error: the reply was applied already.
        return tr("This reply was applied already; applying it again changes nothing.");
    if (has("unknown bundle"))
        //: Bundle error: the device did not make the bundle this reply answers.
        return tr("This device did not save the bundle this reply answers.");
    if (has("this is a device's bundle"))
        //: Bundle error: a bundle was chosen where a reply was expected.
        return tr("This file is a bundle, not a reply: deliver it to the bureau first (or with \"Deliver a bundle\").");
    if (has("this is a reply bundle"))
        //: Bundle error: a reply was chosen where a bundle to deliver was expected.
        return tr("This file is a reply: take it back to its device and apply it there.");
    if (has("tampered"))
        //: Bundle error: the file was changed after it was made.
        return tr("The file was changed after it was made, so it cannot be trusted. Ask for a new one.");
    if (has("truncated") || has("damaged"))
        //: Bundle error: the file is incomplete or damaged (e.g. the stick was pulled out too early).
        return tr("The file is incomplete or damaged (was the stick removed too early?). Copy it again.");
    if (has("not a Cunxiao bundle"))
        //: Bundle error: the chosen file is not a Cunxiao bundle.
        return tr("This file is not a Cunxiao bundle.");
    if (has("not enrolled") || has("no bundle key"))
        //: Bundle error: the device must sign in online once before it can make bundles.
        return tr("This device must be signed in and synced once while online before it can use bundles.");
    if (has("revoked"))
        //: Bundle error: the device that made the bundle was revoked by the bureau.
        return tr("The bureau has withdrawn the access of the device that made this bundle.");
    if (has("cannot write") || has("disk full"))
        //: Bundle error: writing the file failed.
        return tr("The file could not be written. Check that the stick or card is inserted, writable and not full.");
    if (has("cannot read"))
        //: Bundle error: reading the file failed.
        return tr("The file could not be read. Check that the stick or card is inserted.");
    //: Bundle error: a failure of another kind (the details follow).
    return tr("The bundle could not be handled.");
}

} // namespace cx::app
