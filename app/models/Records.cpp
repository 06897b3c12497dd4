#include "models/Records.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/RecordQuery.h"

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

cx::RecordQuery *Records::query() const { return m_query.current().get(); }

QVariantMap Records::get(const QString &collection, const QString &id) const
{
    auto *q = query();
    if (!q || id.isEmpty())
        return {};
    try {
        if (auto r = q->get(str(collection), str(id)); r && !r->deleted)
            return toMap(*r);
    } catch (const std::exception &) {
    }
    return {};
}

static cx::RecordSelection selection(const QString &collection, const QString &field, const QVariant &value)
{
    cx::RecordSelection s;
    s.collection = str(collection);
    if (!field.isEmpty()) {
        const QString v = value.typeId() == QMetaType::Bool ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                            : value.toString();
        s.conditions.push_back({str(field), cx::FieldCondition::Eq, str(v)});
    }
    return s;
}

QVariantList Records::where(const QString &collection, const QString &field, const QVariant &value,
                            const QString &sortField) const
{
    QVariantList out;
    auto *q = query();
    if (!q)
        return out;
    cx::RecordSelection s = selection(collection, field, value);
    s.sortField = str(sortField);
    s.descending = !sortField.isEmpty(); // newest first
    try {
        for (const auto &r : q->list(s))
            out.append(toMap(r));
    } catch (const std::exception &) {
    }
    return out;
}

QVariantMap Records::first(const QString &collection) const
{
    auto *q = query();
    if (!q)
        return {};
    try {
        auto rs = q->list(selection(collection, {}, {}), 1);
        if (!rs.empty())
            return toMap(rs.front());
    } catch (const std::exception &) {
    }
    return {};
}

int Records::countWhere(const QString &collection, const QString &field, const QVariant &value) const
{
    auto *q = query();
    if (!q)
        return 0;
    try {
        return int(q->count(selection(collection, field, value)));
    } catch (const std::exception &) {
        return 0;
    }
}

QString Records::save(const QString &collection, const QString &id, const QVariantMap &fields, const QString &school)
{
    QVariantMap clean;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!it.key().startsWith(QLatin1Char('_')) && it.key() != QLatin1String("id"))
            clean.insert(it.key(), it.value());
    QString err;
    QString out = AppContext::ensure()->put(collection, id, clean, &err, school);
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
