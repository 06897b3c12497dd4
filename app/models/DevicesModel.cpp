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
            m_rows.push_back(QVariantMap{
                {QStringLiteral("device"), qstr(r.device)},
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
