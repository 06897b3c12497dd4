#include "sync/SyncController.h"

#include "engine/ReplyErrors.h"

#include "core/AppContext.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cx::app {

namespace {
constexpr int kDebounceMs = 3000;
constexpr int kPeriodicSec = 300;
constexpr int kMaxBackoffSec = 1800;
}

SyncController::SyncController(QObject *parent) : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SyncController::syncNow);
    m_periodic.setSingleShot(true);
    connect(&m_periodic, &QTimer::timeout, this, &SyncController::syncNow);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &SyncController::onFinished);
}

SyncController::~SyncController() { setEngine(nullptr); }

void SyncController::setEngine(cx::Engine *engine)
{
    if (m_syncing)
        m_watcher.waitForFinished();
    if (m_engine)
        m_engine->setProgressCallback({});
    m_engine = engine;
    m_syncing = false;
    m_again = false;
    m_debounce.stop();
    m_periodic.stop();
    m_backoffSec = 0;
    m_lastError.clear();
    if (m_engine) {
        m_engine->setAttachmentsOnlyUnmetered(m_photosOnlyUnmetered);
        m_engine->setLinkMetered(m_linkMetered);
        m_engine->setProgressCallback([this](const cx::SyncProgress &p) {
            QMetaObject::invokeMethod(
                this, [this, p] { onProgress(p); }, Qt::QueuedConnection);
        });
        auto st = m_engine->status();
        if (st.lastCompleteMs)
            m_lastConfirmed = QDateTime::fromMSecsSinceEpoch(st.lastCompleteMs);
        if (st.lastSyncMs)
            m_lastSync = QDateTime::fromMSecsSinceEpoch(st.lastSyncMs);
        if (m_automatic && st.enrolled)
            schedule(1);
    }
    refreshCounts();
    refreshPhotoCounts();
}

void SyncController::setAutomatic(bool on)
{
    m_automatic = on;
    if (!on) {
        m_debounce.stop();
        m_periodic.stop();
    }
}

void SyncController::refreshCounts()
{
    m_pending = m_conflicts = m_rejected = 0;
    if (m_engine) {
        auto st = m_engine->status();
        m_pending = st.pending + st.sent;
        m_conflicts = st.conflicts;
        m_rejected = st.rejected;
    }
    emit changed();
}

void SyncController::refreshPhotoCounts()
{
    // After a sync, a local write (a saved page may now use a photo: only then
    // is it waiting to be sent), an account change. Whether a photo is used is
    // an index lookup, made only for photos not yet sent; counted in SQL.
    m_photosWaiting = m_photosRefused = 0;
    if (m_engine) {
        const auto c = m_engine->attachmentCounts(); // a photo no saved page uses is not waiting to go
        m_photosWaiting = c.waiting;
        m_photosRefused = c.refused;
    }
    emit changed();
}

void SyncController::setPhotosOnlyUnmetered(bool on)
{
    if (on == m_photosOnlyUnmetered)
        return;
    const bool wasHeld = photosHeld();
    m_photosOnlyUnmetered = on;
    if (m_engine)
        m_engine->setAttachmentsOnlyUnmetered(on);
    emit photosHeldChanged();
    emit changed();
    if (wasHeld && !photosHeld() && m_photosWaiting > 0)
        localChanged(); // held photos may go now
}

void SyncController::setLinkMetered(bool metered)
{
    if (metered == m_linkMetered)
        return;
    const bool wasHeld = photosHeld();
    m_linkMetered = metered;
    if (m_engine)
        m_engine->setLinkMetered(metered);
    emit photosHeldChanged();
    emit changed();
    if (wasHeld && !photosHeld() && m_photosWaiting > 0 && m_automatic && m_engine && m_engine->enrolled())
        syncNow(); // on Wi-Fi again: send the held photos now
}

void SyncController::linkReturned()
{
    if (!m_automatic || !m_engine || !m_engine->enrolled())
        return;
    // The failure that set the backoff was the missing link: try at once.
    m_backoffSec = 0;
    syncNow();
}

void SyncController::localChanged()
{
    refreshCounts();
    refreshPhotoCounts();
    if (m_automatic && m_engine && m_engine->enrolled())
        m_debounce.start();
}

void SyncController::schedule(int seconds)
{
    if (!m_automatic)
        return;
    m_periodic.start(seconds * 1000);
}

void SyncController::syncNow()
{
    if (!m_engine)
        return;
    if (m_syncing || m_holds > 0) {
        m_again = true;
        return;
    }
    m_debounce.stop();
    m_periodic.stop();
    m_syncing = true;
    m_progress = -1;
    m_meter.reset();
    emit changed();
    cx::Engine *engine = m_engine;
    m_watcher.setFuture(QtConcurrent::run([engine]() -> TaskOutcome {
        try {
            if (!engine->enrolled())
                return TaskOutcome::failed(cx::ErrorKind::Auth);
            // The app keeps its own schedule for trying again; within one sync,
            // retry a cut link only briefly so "no connection" shows in seconds.
            cx::SyncTuning t = engine->tuning();
            if (t.maxRetries < 0) {
                t.maxRetries = 2;
                t.backoffMaxMs = 4000;
                engine->setTuning(t);
            }
            engine->sync();
            return {};
        } catch (...) {
            return TaskOutcome::ofCurrentException(); // a revoked device: the engine has erased the data
        }
    }));
}

void SyncController::release()
{
    if (m_holds > 0 && --m_holds == 0 && m_again && !m_syncing) {
        m_again = false;
        syncNow();
    }
}

void SyncController::onProgress(const cx::SyncProgress &p)
{
    if (!m_syncing)
        return;
    m_meter.update(p);
    m_progress = m_meter.fraction();
    emit changed();
}

void SyncController::onFinished()
{
    const TaskOutcome r = m_watcher.result();
    m_syncing = false;
    m_tried = true;
    m_progress = 1;
    const bool ok = r.ok();
    if (r.result == TaskOutcome::Result::Revoked) {
        //: The bureau revoked this phone; its data has been erased.
        m_lastError = tr("The bureau has withdrawn this phone's access and its data has been erased from it. Ask the bureau if "
                         "you need to sign in again.");
        if (auto *ctx = AppContext::instance())
            ctx->addError(m_lastError);
        emit changed();
        emit revoked(m_lastError); // Session closes the account
        return;
    }
    if (ok) {
        m_online = true;
        m_lastError.clear();
        m_backoffSec = 0;
        m_lastSync = QDateTime::currentDateTime();
        if (m_engine) {
            auto st = m_engine->status();
            if (st.lastCompleteMs)
                m_lastConfirmed = QDateTime::fromMSecsSinceEpoch(st.lastCompleteMs);
        }
        schedule(kPeriodicSec);
    } else {
        const auto k = r.kind;
        m_online = !(k == cx::ErrorKind::Network || k == cx::ErrorKind::Tls);
        m_lastError = plainError(k);
        const QString &detail = r.detail;
        if (auto *ctx = AppContext::instance())
            ctx->addError(detail.isEmpty() ? m_lastError : m_lastError + QStringLiteral(" (") + detail + QLatin1Char(')'));
        m_backoffSec = m_backoffSec == 0 ? 30 : qMin(m_backoffSec * 2, kMaxBackoffSec);
        schedule(m_backoffSec);
    }
    refreshCounts();
    refreshPhotoCounts();
    emit finished(ok);
    emit dataPulled();
    if (m_again) {
        m_again = false;
        syncNow();
    }
}

QString SyncController::plainError(cx::ErrorKind kind)
{
    switch (kind) {
    case cx::ErrorKind::Network:
        //: Sync error shown on Home. The phone has no connection to the bureau's server.
        return tr("No connection to the bureau's server. Your changes are kept on this phone and will be sent later.");
    case cx::ErrorKind::Tls:
        //: Sync error: the server's security certificate was refused.
        return tr("The server's security certificate could not be trusted. Ask the bureau to check the server address.");
    case cx::ErrorKind::Auth:
        //: Sync error: the account or device is no longer accepted.
        return tr("The server no longer accepts this account on this phone. Please sign in again.");
    case cx::ErrorKind::Version:
        //: Sync error: the app is too old or too new for the server.
        return tr("This app version does not match the server. Please update the app.");
    case cx::ErrorKind::Protocol:
        //: Sync error: the server's reply could not be understood.
        return tr("The server's reply could not be understood. Try again later.");
    case cx::ErrorKind::Server:
        //: Sync error: the server had a problem.
        return tr("The bureau's server has a problem. Try again later.");
    case cx::ErrorKind::Storage:
        //: Sync error: the local database (storage) failed, e.g. the phone is full.
        return tr("This phone could not save the data. Check that storage is not full.");
    case cx::ErrorKind::Forbidden:
        //: Sync error: the account may not change some data.
        return tr("Some changes are outside what this account may change.");
    case cx::ErrorKind::Unavailable:
        //: Sync error: the server is busy or restarting for a moment.
        return tr("The bureau's server is busy for a moment. Your changes are kept and will be sent soon.");
    case cx::ErrorKind::Invalid:
    case cx::ErrorKind::NotFound:
        break;
    }
    //: Sync error of an unexpected kind.
    return tr("Sync failed. Try again later.");
}

} // namespace cx::app
