#pragma once
// SyncController: runs Engine::sync on a worker thread, one cycle at a time:
// soon after local changes (debounced), periodically, and on request, backing
// off after failures. The Engine is thread-safe behind its own mutex.
#include "engine/Engine.h"
#include "protocol/Errors.h"

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

    void setEngine(cx::Engine *engine);   // null: stop (waits for a running cycle)
    void setAutomatic(bool on);           // periodic and debounced sync (off in self-test)

    bool syncing() const { return m_syncing; }
    double progress() const { return m_progress; }   // 0..1, -1 when unknown
    bool online() const { return m_online; }
    bool everTried() const { return m_tried; }
    QString lastError() const { return m_lastError; }
    int pending() const { return m_pending; }
    int conflicts() const { return m_conflicts; }
    int rejected() const { return m_rejected; }
    QDateTime lastConfirmed() const { return m_lastConfirmed; }
    QDateTime lastSync() const { return m_lastSync; }
    int nextDelaySeconds() const { return m_backoffSec; }

    // Plain words for an engine error kind, for people who are not engineers.
    static QString plainError(cx::ErrorKind kind);

public slots:
    void syncNow();
    void localChanged();   // (re)starts the debounce timer
    void refreshCounts();

signals:
    void changed();
    void finished(bool ok);
    void dataPulled();

private:
    void onProgress(const cx::SyncProgress &p);
    void onFinished();
    void schedule(int seconds);

    cx::Engine *m_engine = nullptr;
    QFutureWatcher<QString> m_watcher;
    QTimer m_debounce, m_periodic;
    bool m_automatic = true;
    bool m_syncing = false, m_again = false, m_online = false, m_tried = false;
    double m_progress = 0;
    QString m_lastError;
    int m_pending = 0, m_conflicts = 0, m_rejected = 0;
    QDateTime m_lastConfirmed, m_lastSync;
    int m_backoffSec = 0;
};

} // namespace cx::app
