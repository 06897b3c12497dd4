#include "models/Records.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"

#include <QJSEngine>

#include <algorithm>

namespace cx::app {

static QVariantMap toMap(const cx::LocalRecord &r)
{
    QVariantMap m = toVariant(r.fields).toMap();
    m.insert(QStringLiteral("id"), qstr(r.id));
    m.insert(QStringLiteral("_school"), qstr(r.school));
    m.insert(QStringLiteral("_state"), QString::fromLatin1(cx::syncStateName(r.state)));
    m.insert(QStringLiteral("_reason"), qstr(r.rejectReason));
    return m;
}

Records *Records::create(QQmlEngine *, QJSEngine *)
{
    static Records *s = nullptr;
    if (!s) {
        auto *ctx = AppContext::ensure();
        s = new Records(ctx);
        connect(ctx, &AppContext::dataChanged, s, [] {
            ++s->m_revision;
            emit s->revisionChanged();
        });
    }
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

QVariantMap Records::get(const QString &collection, const QString &id) const
{
    auto *ctx = AppContext::instance();
    if (!ctx || !ctx->engine() || id.isEmpty())
        return {};
    try {
        if (auto r = ctx->engine()->get(str(collection), str(id)); r && !r->deleted)
            return toMap(*r);
    } catch (const std::exception &) {
    }
    return {};
}

QVariantList Records::where(const QString &collection, const QString &field, const QVariant &value,
                            const QString &sortField) const
{
    QVariantList out;
    auto *ctx = AppContext::instance();
    if (!ctx || !ctx->engine())
        return out;
    const cx::Json want = toJson(value);
    std::vector<cx::LocalRecord> rows;
    try {
        for (auto &r : ctx->engine()->list(str(collection)))
            if (field.isEmpty() || (r.fields.contains(str(field)) && r.fields[str(field)] == want))
                rows.push_back(std::move(r));
    } catch (const std::exception &) {
        return out;
    }
    if (!sortField.isEmpty()) {
        const std::string f = str(sortField);
        std::stable_sort(rows.begin(), rows.end(), [&](const cx::LocalRecord &a, const cx::LocalRecord &b) {
            return a.fields.value(f, cx::Json()).dump() > b.fields.value(f, cx::Json()).dump();
        });
    }
    for (const auto &r : rows)
        out.append(toMap(r));
    return out;
}

int Records::countWhere(const QString &collection, const QString &field, const QVariant &value) const
{
    return int(where(collection, field, value).size());
}

QString Records::save(const QString &collection, const QString &id, const QVariantMap &fields)
{
    QVariantMap clean;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!it.key().startsWith(QLatin1Char('_')) && it.key() != QLatin1String("id"))
            clean.insert(it.key(), it.value());
    QString err;
    const QString out = AppContext::ensure()->put(collection, id, clean, &err);
    if (m_error != err) {
        m_error = err;
        emit lastErrorChanged();
    }
    return out;
}

bool Records::remove(const QString &collection, const QString &id)
{
    QString err;
    const bool ok = AppContext::ensure()->remove(collection, id, &err);
    m_error = err;
    emit lastErrorChanged();
    return ok;
}

} // namespace cx::app
