#include "sync/SyncStatus.h"

#include "core/AppContext.h"
#include "sync/SyncController.h"

#include <QJSEngine>
#include <QLocale>

namespace cx::app {

SyncStatus::SyncStatus(SyncController *controller, QObject *parent) : QObject(parent), m_c(controller)
{
    connect(m_c, &SyncController::changed, this, &SyncStatus::changed);
    connect(m_c, &SyncController::finished, this, &SyncStatus::finished);
}

SyncStatus *SyncStatus::create(QQmlEngine *, QJSEngine *)
{
    static SyncStatus *s = nullptr;
    if (!s) {
        auto *ctx = AppContext::ensure();
        s = new SyncStatus(ctx->sync(), ctx);
    }
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

bool SyncStatus::online() const { return m_c->online(); }
bool SyncStatus::everTried() const { return m_c->everTried(); }
bool SyncStatus::syncing() const { return m_c->syncing(); }
double SyncStatus::progress() const { return m_c->progress(); }
QString SyncStatus::transferText() const { return m_c->transferText(); }
int SyncStatus::pendingCount() const { return m_c->pending(); }
int SyncStatus::conflictCount() const { return m_c->conflicts(); }
int SyncStatus::rejectedCount() const { return m_c->rejected(); }
QDateTime SyncStatus::lastConfirmed() const { return m_c->lastConfirmed(); }
QString SyncStatus::lastError() const { return m_c->lastError(); }
void SyncStatus::syncNow() { m_c->syncNow(); }
int SyncStatus::photosWaiting() const { return m_c->photosWaiting(); }
int SyncStatus::photosRefused() const { return m_c->photosRefused(); }
bool SyncStatus::photosHeld() const { return m_c->photosHeld() && m_c->photosWaiting() > 0; }

QString SyncStatus::photoSummary() const
{
    QStringList parts;
    if (m_c->photosWaiting() > 0) {
        if (m_c->photosHeld())
            //: Sync status: %n photos or signatures wait because photos go only over Wi-Fi and the phone is on mobile data.
            parts << tr("%n photo(s) held until Wi-Fi", nullptr, m_c->photosWaiting());
        else
            //: Sync status: %n photos or signatures not yet sent to the bureau.
            parts << tr("%n photo(s) waiting to be sent", nullptr, m_c->photosWaiting());
    }
    if (m_c->photosRefused() > 0)
        //: Sync status: %n photos the bureau refused (the reason shows on the photo).
        parts << tr("%n photo(s) refused by the bureau", nullptr, m_c->photosRefused());
    return parts.join(QStringLiteral(" · "));
}

QString SyncStatus::lastConfirmedText() const
{
    const QDateTime t = m_c->lastConfirmed();
    if (!t.isValid())
        //: Home, sync card: the bureau has never confirmed anything from this phone.
        return tr("Not yet confirmed by the bureau");
    const qint64 secs = t.secsTo(QDateTime::currentDateTime());
    QString when;
    if (secs < 60)
        //: Time of the last confirmation: less than a minute ago.
        when = tr("just now");
    else if (secs < 3600)
        //: Time of the last confirmation, in minutes.
        when = tr("%n minute(s) ago", nullptr, int(secs / 60));
    else if (t.date() == QDate::currentDate())
        //: Time of the last confirmation: today at HH:mm.
        when = tr("today at %1").arg(t.toString(QStringLiteral("HH:mm")));
    else
        when = QLocale().toString(t, QLocale::ShortFormat);
    //: Home, sync card. %1 is a time such as "5 minutes ago".
    return tr("Confirmed by the bureau %1").arg(when);
}

QString SyncStatus::summary() const
{
    if (m_c->syncing())
        //: Sync status bar while a sync runs.
        return tr("Sending and receiving…");
    if (!m_c->lastError().isEmpty() && !m_c->online())
        //: Sync status bar: offline; %n changes wait on the phone.
        return tr("Offline · %n change(s) waiting", nullptr, m_c->pending());
    if (m_c->pending() > 0)
        //: Sync status bar: %n changes not yet sent to the bureau.
        return tr("%n change(s) waiting to be sent", nullptr, m_c->pending());
    // Records are all there, but "everything sent" would not be true while photos wait.
    if (m_c->photosWaiting() > 0 || m_c->photosRefused() > 0)
        return photoSummary();
    //: Sync status bar: nothing waits to be sent.
    return tr("Everything sent");
}

} // namespace cx::app
