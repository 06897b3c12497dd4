#pragma once
// SyncStatus: what the UI shows about sync, and nothing more (like Nextcloud's
// SyncStatusSummary): online, syncing, progress, waiting changes, when the
// bureau last confirmed everything, the last error in plain words.
#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace cx::app {

class SyncController;

class SyncStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(bool everTried READ everTried NOTIFY changed)
    Q_PROPERTY(bool syncing READ syncing NOTIFY changed)
    Q_PROPERTY(double progress READ progress NOTIFY changed)
    Q_PROPERTY(QString transferText READ transferText NOTIFY changed) // bytes of the whole transfer, while syncing
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY changed)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY changed)
    Q_PROPERTY(QDateTime lastConfirmed READ lastConfirmed NOTIFY changed)
    Q_PROPERTY(QString lastConfirmedText READ lastConfirmedText NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    // Photos and signatures of this device not yet at the bureau, and why.
    Q_PROPERTY(int photosWaiting READ photosWaiting NOTIFY changed)
    Q_PROPERTY(int photosRefused READ photosRefused NOTIFY changed)
    Q_PROPERTY(bool photosHeld READ photosHeld NOTIFY changed)
    Q_PROPERTY(QString photoSummary READ photoSummary NOTIFY changed)
public:
    explicit SyncStatus(SyncController *controller, QObject *parent = nullptr);
    static SyncStatus *create(QQmlEngine *, QJSEngine *);

    bool online() const;
    bool everTried() const;
    bool syncing() const;
    double progress() const;
    QString transferText() const;
    int pendingCount() const;
    int conflictCount() const;
    int rejectedCount() const;
    QDateTime lastConfirmed() const;
    QString lastConfirmedText() const;
    QString lastError() const;
    QString summary() const;
    int photosWaiting() const;
    int photosRefused() const;
    bool photosHeld() const;
    QString photoSummary() const; // "" when every photo has been sent

    Q_INVOKABLE void syncNow();

signals:
    void changed();
    void finished(bool ok);

private:
    SyncController *m_c;
};

} // namespace cx::app
