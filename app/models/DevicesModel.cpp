#include "models/DevicesModel.h"

#include "bureau/CountyData.h"
#include "bureau/Devices.h"
#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "protocol/Version.h"

#include <algorithm>

namespace cx::app {

DevicesModel::DevicesModel(QObject *parent) : QObject(parent)
{
    if (auto *ctx = AppContext::ensure())
        connect(ctx, &AppContext::dataChanged, this, &DevicesModel::refresh);
    QMetaObject::invokeMethod(this, &DevicesModel::refresh, Qt::QueuedConnection);
}

void DevicesModel::setStaleDays(int d)
{
    d = std::max(1, d);
    if (d == m_staleDays)
        return;
    m_staleDays = d;
    refresh();
}

void DevicesModel::setAttentionOnly(bool v)
{
    if (v == m_attentionOnly)
        return;
    m_attentionOnly = v;
    refresh();
}

void DevicesModel::refresh()
{
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    m_rows.clear();
    m_total = m_attention = 0;
    m_fetchedAt = 0;
    if (engine) {
        std::map<std::string, cx::bureau::SchoolInfo> schools;
        if (auto q = m_query.current()) {
            try {
                schools = cx::bureau::schoolsOf(*q);
            } catch (const std::exception &) {
                // names are a convenience: codes are shown instead
            }
        }
        const auto [list, at] = engine->devices();
        m_fetchedAt = at;
        const int64_t now = cx::wallClockMs();
        for (const auto &r : cx::bureau::deviceRows(list)) {
            ++m_total;
            const auto why = r.attention(now, m_staleDays);
            m_attention += !why.empty();
            if (m_attentionOnly && why.empty())
                continue;
            QStringList names, codes, attention;
            for (const auto &code : r.schools) {
                codes << qstr(code);
                auto it = schools.find(code);
                names << qstr(it != schools.end() ? it->second.name : code);
            }
            for (const auto &w : why)
                attention << qstr(w);
            m_rows.push_back(QVariantMap{{QStringLiteral("device"), qstr(r.device)},
                                         {QStringLiteral("user"), qstr(r.user)},
                                         {QStringLiteral("role"), qstr(r.role)},
                                         {QStringLiteral("schools"), names},
                                         {QStringLiteral("schoolCodes"), codes},
                                         {QStringLiteral("name"), qstr(r.name)},
                                         {QStringLiteral("app"), qstr(r.app)},
                                         {QStringLiteral("lastSync"), r.lastSeenMs ? int(r.daysSinceSync(now)) : -1},
                                         {QStringLiteral("reported"), r.reported},
                                         {QStringLiteral("pending"), qulonglong(r.pending)},
                                         {QStringLiteral("pendingPhotos"), qulonglong(r.pendingPhotos)},
                                         {QStringLiteral("rejected"), qulonglong(r.rejected)},
                                         {QStringLiteral("conflicts"), qulonglong(r.conflicts)},
                                         {QStringLiteral("freeMb"), r.freeKnown ? qlonglong(r.freeBytes >> 20) : qlonglong(-1)},
                                         {QStringLiteral("link"), qstr(r.link)},
                                         {QStringLiteral("lastError"), qstr(r.lastError)},
                                         {QStringLiteral("revoked"), r.revoked},
                                         {QStringLiteral("attention"), attention}});
        }
    }
    emit changed();
}

QVariantList DevicesModel::tables() const
{
    auto role = [](const QString &r) {
        //: Devices export: the account's role.
        if (r == QLatin1String("head"))
            return tr("School head");
        //: Devices export: the account's role.
        if (r == QLatin1String("teacher"))
            return tr("Teacher");
        //: Devices export: the account's role.
        if (r == QLatin1String("inspector"))
            return tr("Inspector");
        //: Devices export: the account's role.
        if (r == QLatin1String("bureau"))
            return tr("Bureau staff");
        return r;
    };
    auto attention = [](const QString &w) {
        //: Devices export: the device has not synced for the chosen number of days.
        if (w == QLatin1String("stale"))
            return tr("Silent");
        //: Devices export: the device holds changes the server refused.
        if (w == QLatin1String("rejected"))
            return tr("Refused changes");
        //: Devices export: the device has conflicts to settle.
        if (w == QLatin1String("conflicts"))
            return tr("Conflicts");
        //: Devices export: the device's storage is nearly full.
        return tr("Storage nearly full");
    };
    //: Devices export: column headers.
    QVariantList rows{QVariantList{tr("Account"), tr("Role"), tr("Schools"), tr("Device"), tr("App version"),
                                   tr("Days since last sync"), tr("Changes not sent"), tr("Photos not sent"),
                                   tr("Refused changes"), tr("Conflicts"), tr("Free storage (MB)"), tr("Link"), tr("Last error"),
                                   tr("Needs attention"), tr("Revoked")}};
    for (const QVariant &v : m_rows) {
        const QVariantMap d = v.toMap();
        const bool reported = d[QStringLiteral("reported")].toBool();
        auto reportedOnly = [&](const char *key) { return reported ? d[QLatin1String(key)] : QVariant(); };
        QStringList why;
        for (const QString &w : d[QStringLiteral("attention")].toStringList())
            why << attention(w);
        const int days = d[QStringLiteral("lastSync")].toInt();
        const qlonglong free = d[QStringLiteral("freeMb")].toLongLong();
        const QString link = d[QStringLiteral("link")].toString();
        rows.push_back(
            QVariantList{d[QStringLiteral("user")], role(d[QStringLiteral("role")].toString()),
                         d[QStringLiteral("schools")].toStringList().join(QStringLiteral("、")), d[QStringLiteral("name")],
                         d[QStringLiteral("app")], days < 0 ? QVariant() : QVariant(days), reportedOnly("pending"),
                         reportedOnly("pendingPhotos"), reportedOnly("rejected"), reportedOnly("conflicts"),
                         reported && free >= 0 ? QVariant(free) : QVariant(),
                         !reported || link.isEmpty()
                             ? QVariant()
                             //: Devices export: the link is Wi-Fi or another unmetered one.
                             : QVariant(link == QLatin1String("unmetered") ? tr("Wi-Fi")
                                                                           //: Devices export: the link is metered mobile data.
                                                                           : tr("mobile data")),
                         d[QStringLiteral("lastError")], why.join(QStringLiteral("、")),
                         //: Devices export: the account was revoked (yes); empty otherwise.
                         d[QStringLiteral("revoked")].toBool() ? QVariant(tr("Yes")) : QVariant()});
    }
    //: Devices export: the sheet's name.
    return {QVariantMap{{QStringLiteral("name"), tr("Devices")}, {QStringLiteral("rows"), rows}}};
}

int DevicesModel::lastSyncOfSchool(const QString &code) const
{
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    if (!engine)
        return -1;
    const int64_t now = cx::wallClockMs();
    int best = -1;
    for (const auto &r : cx::bureau::deviceRows(engine->devices().first)) {
        if (r.revoked || !r.lastSeenMs || std::find(r.schools.begin(), r.schools.end(), str(code)) == r.schools.end())
            continue;
        const int days = int(r.daysSinceSync(now));
        if (best < 0 || days < best)
            best = days;
    }
    return best;
}

} // namespace cx::app
