#include "models/AssignmentsModel.h"

#include "bureau/Assignments.h"
#include "bureau/Devices.h"
#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/Engine.h"

#include <set>

namespace cx::app {

AssignmentsModel::AssignmentsModel(QObject *parent) : QObject(parent)
{
    if (auto *ctx = AppContext::ensure())
        connect(ctx, &AppContext::dataChanged, this, [this](const QString &collection) {
            if (collection.isEmpty() || collection == QLatin1String("assignments") ||
                collection == QLatin1String("inspections") || collection == QLatin1String("visit_targets") ||
                collection == QLatin1String("home_visits") || collection == QLatin1String("schools"))
                refresh();
        });
    QMetaObject::invokeMethod(this, &AssignmentsModel::refresh, Qt::QueuedConnection);
}

#define CX_FILTER_SETTER(name, member)      \
    void AssignmentsModel::name(const QString &s) \
    {                                        \
        if (s == member)                     \
            return;                          \
        member = s;                          \
        emit filterChanged();                \
        refresh();                           \
    }
CX_FILTER_SETTER(setState, m_state)
CX_FILTER_SETTER(setInspector, m_inspector)
CX_FILTER_SETTER(setTownship, m_township)
#undef CX_FILTER_SETTER

void AssignmentsModel::setToday(const QDate &d)
{
    m_today = d;
    refresh();
}

void AssignmentsModel::refresh()
{
    m_rows.clear();
    m_targets.clear();
    m_schools.clear();
    m_forms.clear();
    m_inspectors.clear();
    m_townships.clear();
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    auto q = m_query.current();
    if (!q) {
        emit changed();
        return;
    }
    const QDate todayDate = m_today.isValid() ? m_today : QDate::currentDate();
    const auto today = *cx::bureau::parseDay(str(todayDate.toString(Qt::ISODate)));
    try {
        std::set<std::string> inspectors, townships;
        for (const auto &[code, s] : cx::bureau::schoolsOf(*q)) {
            m_schools.push_back(QVariantMap{{QStringLiteral("code"), qstr(code)},
                                            {QStringLiteral("name"), qstr(s.name)},
                                            {QStringLiteral("township"), qstr(s.township)}});
            if (!s.township.empty())
                townships.insert(s.township);
        }
        for (const auto &f : cx::bureau::formsOf(*q))
            if (!f.periodic())   // a checklist is filled when the inspector is there, not per period
                m_forms.push_back(QVariantMap{{QStringLiteral("id"), qstr(f.id)}, {QStringLiteral("title"), qstr(f.titleZh)}});

        cx::bureau::AssignmentFilter all;
        all.state = "all";
        for (const auto &a : cx::bureau::assignmentRows(*q, all, today))
            inspectors.insert(a.inspector);
        if (auto *ctx = AppContext::instance(); ctx && ctx->engine())
            for (const auto &d : cx::bureau::deviceRows(ctx->engine()->devices().first))
                if (d.role == "inspector" && !d.revoked)
                    inspectors.insert(d.user);

        cx::bureau::AssignmentFilter f;
        f.inspector = str(m_inspector);
        f.township = str(m_township);
        f.state = "all";
        const auto rows = cx::bureau::assignmentRows(*q, f, today);
        const auto t = cx::bureau::tallyOf(rows);
        m_counts[0] = t.planned;
        m_counts[1] = t.done;
        m_counts[2] = t.overdue;
        m_counts[3] = t.cancelled;
        for (const auto &a : rows) {
            if (!cx::bureau::stateMatches(str(m_state), a.state))
                continue;
            m_rows.push_back(toVariant(a.toJson()).toMap());
        }
        for (const auto &tr : cx::bureau::visitTargetRows(*q, today))
            if (m_township.isEmpty() || std::any_of(m_schools.begin(), m_schools.end(), [&](const QVariant &s) {
                    const QVariantMap m = s.toMap();
                    return m.value(QStringLiteral("code")).toString() == qstr(tr.school) &&
                           m.value(QStringLiteral("township")).toString() == m_township;
                }))
                m_targets.push_back(toVariant(tr.toJson()).toMap());
        for (const auto &i : inspectors)
            m_inspectors << qstr(i);
        for (const auto &tw : townships)
            m_townships << qstr(tw);
    } catch (const std::exception &e) {
        setError(QString::fromUtf8(e.what()));
    }
    emit changed();
}

QString AssignmentsModel::plan(const QString &school, const QString &inspector, const QString &due, const QString &form,
                               const QString &note)
{
    auto *ctx = AppContext::ensure();
    auto q = m_query.current();
    if (!ctx || !ctx->engine() || !q)
        return {};
    QString id;
    try {
        const QDate todayDate = m_today.isValid() ? m_today : QDate::currentDate();
        id = qstr(cx::bureau::planInspection(*ctx->engine(), *q,
                                             {str(school), str(inspector), str(due), str(form), str(note)},
                                             *cx::bureau::parseDay(str(todayDate.toString(Qt::ISODate)))));
    } catch (const std::exception &e) {
        setError(QString::fromUtf8(e.what()));
        return {};
    }
    setError({});
    wrote();
    return id;
}

bool AssignmentsModel::cancel(const QString &id)
{
    auto *ctx = AppContext::ensure();
    if (!ctx || !ctx->engine())
        return false;
    try {
        cx::bureau::cancelAssignment(*ctx->engine(), str(id));
    } catch (const std::exception &e) {
        setError(QString::fromUtf8(e.what()));
        return false;
    }
    setError({});
    wrote();
    return true;
}

bool AssignmentsModel::setTarget(const QString &school, const QString &teacher, const QString &teacherName, int count,
                                 const QString &period)
{
    auto *ctx = AppContext::ensure();
    auto q = m_query.current();
    if (!ctx || !ctx->engine() || !q)
        return false;
    const QDate todayDate = m_today.isValid() ? m_today : QDate::currentDate();
    try {
        cx::bureau::setVisitTarget(*ctx->engine(), *q,
                                   {str(school), str(teacher), str(teacherName),
                                    str(period.isEmpty() ? todayDate.toString(QStringLiteral("yyyy-MM")) : period), {}, count});
    } catch (const std::exception &e) {
        setError(QString::fromUtf8(e.what()));
        return false;
    }
    setError({});
    emit ctx->dataChanged(QStringLiteral("visit_targets"));
    emit ctx->localChange();
    return true;
}

bool AssignmentsModel::markDone(const QString &id, const QString &note)
{
    auto *ctx = AppContext::ensure();
    if (!ctx || !ctx->engine())
        return false;
    try {
        cx::bureau::markAssignmentDone(*ctx->engine(), str(id), str(note));
    } catch (const std::exception &e) {
        setError(QString::fromUtf8(e.what()));
        return false;
    }
    setError({});
    wrote();
    return true;
}

void AssignmentsModel::wrote()
{
    auto *ctx = AppContext::ensure();
    emit ctx->dataChanged(QStringLiteral("assignments"));
    emit ctx->localChange();
}

void AssignmentsModel::setError(const QString &e)
{
    if (e == m_error)
        return;
    m_error = e;
    emit errorChanged();
}

} // namespace cx::app
