#pragma once
// SyncController: runs Engine::sync on a worker thread, one cycle at a time:
// soon after local changes (debounced), periodically, on request, and at once
// when the link comes back (LinkMonitor), backing off after failures. It also
// tells the engine what link it is on and whether photos wait for an
// unmetered one. The Engine is thread-safe behind its own mutex.
#include "engine/Engine.h"
#include "protocol/Errors.h"
#include "sync/TaskOutcome.h"
#include "sync/TransferMeter.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

namespace cx::app {

class SyncController : public QObject
{
    Q_OBJECT
public:
    explicit SyncController(QObject *parent = nullptr);
    ~SyncController() override;

    void setEngine(cx::Engine *engine); // null: stop (waits for a running cycle)
    void setAutomatic(bool on);         // periodic and debounced sync (off in self-test)

    bool syncing() const { return m_syncing; }
    double progress() const { return m_progress; } // 0..1, -1 when unknown
    QString transferText() const { return m_syncing ? m_meter.text() : QString(); }
    bool online() const { return m_online; }
    bool everTried() const { return m_tried; }
    QString lastError() const { return m_lastError; }
    int pending() const { return m_pending; }
    int conflicts() const { return m_conflicts; }
    int rejected() const { return m_rejected; }
    QDateTime lastConfirmed() const { return m_lastConfirmed; }
    QDateTime lastSync() const { return m_lastSync; }
    int nextDelaySeconds() const { return m_backoffSec; }

    // "Photos only over Wi-Fi": while it is on and the link is metered, the
    // engine holds attachment uploads (records still go).
    void setPhotosOnlyUnmetered(bool on);
    bool photosOnlyUnmetered() const { return m_photosOnlyUnmetered; }
    bool linkMetered() const { return m_linkMetered; }
    bool photosHeld() const { return m_photosOnlyUnmetered && m_linkMetered; }
    // Attachments of this device by state, as of the last sync or change.
    int photosWaiting() const { return m_photosWaiting; } // not yet sent (held or not)
    int photosRefused() const { return m_photosRefused; }

    // While held, no sync starts (one asked for runs at release): the engine's
    // network calls come from one thread at a time, and a bundle delivery
    // (BundleController) makes them too. Holds nest.
    void hold() { ++m_holds; }
    void release();

    // Plain words for an engine error kind, for people who are not engineers.
    static QString plainError(cx::ErrorKind kind);

public slots:
    void syncNow();
    void localChanged(); // (re)starts the debounce timer
    void refreshCounts();
    void refreshPhotoCounts();         // waiting and refused photos, from the engine
    void linkReturned();               // offline -> online: sync now, forget the backoff
    void setLinkMetered(bool metered); // what LinkMonitor says; unmetered again: send held photos

signals:
    void changed();
    // The bureau revoked this device: the engine has erased its data.
    void revoked(const QString &message);
    void finished(bool ok);
    void dataPulled();
    void photosHeldChanged();

private:
    void onProgress(const cx::SyncProgress &p);
    void onFinished();
    void schedule(int seconds);

    cx::Engine *m_engine = nullptr;
    QFutureWatcher<TaskOutcome> m_watcher;
    QTimer m_debounce, m_periodic;
    bool m_automatic = true;
    bool m_syncing = false, m_again = false, m_online = false, m_tried = false;
    double m_progress = 0;
    TransferMeter m_meter;
    QString m_lastError;
    int m_pending = 0, m_conflicts = 0, m_rejected = 0;
    QDateTime m_lastConfirmed, m_lastSync;
    int m_backoffSec = 0;
    int m_holds = 0;
    bool m_photosOnlyUnmetered = true, m_linkMetered = false;
    int m_photosWaiting = 0, m_photosRefused = 0;
};

} // namespace cx::app
