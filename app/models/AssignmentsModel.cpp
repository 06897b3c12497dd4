#include "models/AssignmentsModel.h"

#include "bureau/Assignments.h"
#include "bureau/Devices.h"
#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/Engine.h"

#include <QRegularExpression>

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

#define CX_FILTER_SETTER(name, member)                                                                                           \
    void AssignmentsModel::name(const QString &s)                                                                                \
    {                                                                                                                            \
        if (s == member)                                                                                                         \
            return;                                                                                                              \
        member = s;                                                                                                              \
        emit filterChanged();                                                                                                    \
        refresh();                                                                                                               \
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
            if (!f.periodic()) // a checklist is filled when the inspector is there, not per period
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
                })) {
                QVariantMap row = toVariant(tr.toJson()).toMap();
                if (!tr.refused.empty())
                    row[QStringLiteral("refused")] = localized(tr.refused);
                m_targets.push_back(row);
            }
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
        id = qstr(cx::bureau::planInspection(*ctx->engine(), *q, {str(school), str(inspector), str(due), str(form), str(note)},
                                             todayDay()));
    } catch (const std::exception &e) {
        setError(localized(e.what()));
        return {};
    }
    setError({});
    wrote();
    return id;
}

bool AssignmentsModel::cancel(const QString &id)
{
    auto *ctx = AppContext::ensure();
    auto q = m_query.current();
    if (!ctx || !ctx->engine() || !q)
        return false;
    try {
        cx::bureau::cancelAssignment(*ctx->engine(), *q, str(id), todayDay());
    } catch (const std::exception &e) {
        setError(localized(e.what()));
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
                                   {str(school),
                                    str(teacher),
                                    str(teacherName),
                                    str(period.isEmpty() ? todayDate.toString(QStringLiteral("yyyy-MM")) : period),
                                    {},
                                    count});
    } catch (const std::exception &e) {
        setError(localized(e.what()));
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
    auto q = m_query.current();
    if (!ctx || !ctx->engine() || !q)
        return false;
    try {
        cx::bureau::markAssignmentDone(*ctx->engine(), *q, str(id), str(note), todayDay());
    } catch (const std::exception &e) {
        setError(localized(e.what()));
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

cx::forms::Day AssignmentsModel::todayDay() const
{
    const QDate d = m_today.isValid() ? m_today : QDate::currentDate();
    return *cx::forms::parseDay(str(d.toString(Qt::ISODate)));
}

QString AssignmentsModel::localized(const std::string &whatText)
{
    const QString what = QString::fromUtf8(whatText);
    auto match = [&](const char *pattern) { return QRegularExpression(QLatin1String(pattern)).match(what); };
    QRegularExpressionMatch m;
    if (what.startsWith(QLatin1String("an assignment needs the school")))
        //: Planning an inspection: no school chosen.
        return tr("Choose the school to inspect.");
    if (what.startsWith(QLatin1String("an assignment needs the inspector")))
        //: Planning an inspection: no inspector chosen.
        return tr("Choose the inspector who will inspect.");
    if (what.startsWith(QLatin1String("an assignment needs the checklist form")))
        //: Planning an inspection: no checklist form chosen.
        return tr("Choose the checklist form.");
    if ((m = match("^the due date \"(.*)\" is not a day")).hasMatch())
        //: Planning an inspection: %1 what was typed as the due date.
        return tr("The due date \"%1\" is not a day like 2026-12-31.").arg(m.captured(1));
    if ((m = match("^the due date (\\S+) is before the day the inspection was planned \\((.*)\\)")).hasMatch())
        //: Planning an inspection: %1 the due date, %2 today (the day it is planned).
        return tr("The due date %1 is before today (%2).").arg(m.captured(1), m.captured(2));
    if ((m = match("^the due date (\\S+) has already passed")).hasMatch())
        //: Planning an inspection: %1 the due date.
        return tr("The due date %1 has already passed.").arg(m.captured(1));
    if ((m = match("^there is no school (.*) in this county")).hasMatch())
        //: Planning an inspection: %1 the school code.
        return tr("There is no school %1 in this county.").arg(m.captured(1));
    if ((m = match("^there is no form (.*) to use as the checklist")).hasMatch())
        //: Planning an inspection: %1 the form's id.
        return tr("There is no form %1 to use as the checklist.").arg(m.captured(1));
    if ((m = match("^assignment '.*' is already (done|cancelled)")).hasMatch())
        return m.captured(1) == QLatin1String("done")
                   //: Cancelling or marking done an assignment that is already done.
                   ? tr("This inspection is already done; only a planned or overdue one can be cancelled or marked done.")
                   //: Cancelling or marking done an assignment that is already cancelled.
                   : tr("This inspection is already cancelled; only a planned or overdue one can be cancelled or marked done.");
    if (what.startsWith(QLatin1String("a home-visit target needs the teacher")))
        //: Setting a home-visit target: no teacher given.
        return tr("Enter the teacher's account.");
    if ((m = match("^(.+) is not a teacher account of school (.+)$")).hasMatch())
        //: A home-visit target the server refused. %1 the account typed, %2 the school's code.
        return tr("The bureau's server refused %1: it is not a teacher account of school %2. Check the account, or ask the "
                  "bureau to add it.")
            .arg(m.captured(1), m.captured(2));
    if (what.startsWith(QLatin1String("a home-visit target needs a number of visits")))
        //: Setting a home-visit target: the number is out of range.
        return tr("The target is a number of visits from 1 to 500.");
    if ((m = match("^the period \"(.*)\" is not a month")).hasMatch())
        //: Setting a home-visit target: %1 the period typed.
        return tr("The period \"%1\" is not a month (2026-12), a term (2026-autumn) or a school year (2026-2027).")
            .arg(m.captured(1));
    return what;
}

void AssignmentsModel::setError(const QString &e)
{
    if (e == m_error)
        return;
    m_error = e;
    emit errorChanged();
}

QVariantMap AssignmentsModel::openAssignmentAt(const QString &school) const
{
    for (const QVariant &v : m_rows) { // overdue first, then planned by due day
        QVariantMap a = v.toMap();
        const QString st = a.value(QStringLiteral("state")).toString();
        if (a.value(QStringLiteral("school")).toString() == school &&
            (st == QLatin1String("planned") || st == QLatin1String("overdue")))
            return a;
    }
    return {};
}

QVariantList AssignmentsModel::teacherChoices(const QString &school)
{
    QVariantList out;
    auto q = m_query.current();
    if (!q)
        return out;
    try {
        for (const auto &c : cx::bureau::teacherChoices(*q, str(school)))
            out.push_back(QVariantMap{{QStringLiteral("account"), qstr(c.account)}, {QStringLiteral("name"), qstr(c.name)}});
    } catch (const std::exception &e) {
        setError(QString::fromUtf8(e.what()));
    }
    return out;
}

QVariantList AssignmentsModel::tables() const
{
    auto state = [](const QString &st) {
        //: Assignments export: the state of an assignment.
        if (st == QLatin1String("done"))
            return tr("Done");
        //: Assignments export: the state of an assignment.
        if (st == QLatin1String("overdue"))
            return tr("Overdue");
        //: Assignments export: the state of an assignment.
        if (st == QLatin1String("cancelled"))
            return tr("Cancelled");
        //: Assignments export: the state of an assignment.
        return tr("Planned");
    };
    auto text = [](const QVariantMap &m, const char *key) {
        const QString t = m[QLatin1String(key)].toString();
        return t.isEmpty() ? QVariant() : QVariant(t);
    };
    //: Assignments export, inspections sheet: column headers.
    QVariantList plans{QVariantList{tr("Due"), tr("State"), tr("School"), tr("School code"), tr("Township"), tr("Inspector"),
                                    tr("Checklist"), tr("Assigned on"), tr("Done on"), tr("How it was done"), tr("Note"),
                                    tr("Note when marked done")}};
    for (const QVariant &v : m_rows) {
        const QVariantMap a = v.toMap();
        const QString st = a[QStringLiteral("state")].toString();
        QVariant how;
        if (st == QLatin1String("done"))
            how = a[QStringLiteral("marked_by_hand")].toBool()
                      //: Assignments export: the bureau marked the inspection done by hand.
                      ? tr("Marked done by hand")
                      //: Assignments export: an inspection record completed it. %1 is its id.
                      : tr("Inspection %1").arg(a[QStringLiteral("inspection")].toString());
        plans.push_back(QVariantList{text(a, "due"), state(st), text(a, "school_name"), text(a, "school"), text(a, "township"),
                                     text(a, "inspector"), text(a, "form_title"), text(a, "assigned_on"), text(a, "done_on"), how,
                                     text(a, "note"), text(a, "done_note")});
    }
    //: Assignments export, targets sheet: column headers.
    QVariantList targets{QVariantList{tr("School"), tr("Teacher"), tr("Teacher's name"), tr("Period"), tr("Target"),
                                      tr("Visits made"), tr("Met"), tr("Period ended")}};
    for (const QVariant &v : m_targets) {
        const QVariantMap t = v.toMap();
        targets.push_back(QVariantList{t[QStringLiteral("school_name")], t[QStringLiteral("teacher")], text(t, "teacher_name"),
                                       t[QStringLiteral("period")], t[QStringLiteral("target")], t[QStringLiteral("done")],
                                       //: Assignments export: yes (a target met, a period ended); empty otherwise.
                                       t[QStringLiteral("met")].toBool() ? QVariant(tr("Yes")) : QVariant(),
                                       t[QStringLiteral("over")].toBool() ? QVariant(tr("Yes")) : QVariant()});
    }
    //: Assignments export: the sheets' names.
    return {QVariantMap{{QStringLiteral("name"), tr("Inspections")}, {QStringLiteral("rows"), plans}},
            QVariantMap{{QStringLiteral("name"), tr("Home-visit targets")}, {QStringLiteral("rows"), targets}}};
}

} // namespace cx::app
