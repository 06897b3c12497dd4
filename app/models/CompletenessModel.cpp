#include "models/CompletenessModel.h"

#include <cmath>

#include "bureau/Completeness.h"
#include "core/JsonVariant.h"

namespace cx::app {

namespace {

QVariantMap tallyMap(const cx::bureau::Tally &t)
{
    return {{QStringLiteral("expected"), t.expected}, {QStringLiteral("submitted"), t.submitted},
            {QStringLiteral("onTime"), t.onTime},     {QStringLiteral("late"), t.late},
            {QStringLiteral("missing"), t.missing},   {QStringLiteral("due"), t.due},
            {QStringLiteral("accepted"), t.accepted}, {QStringLiteral("returned"), t.returned},
            {QStringLiteral("rate"), t.rate()},       {QStringLiteral("onTimeRate"), t.onTimeRate()}};
}

QVariantMap schoolMap(const cx::bureau::SchoolInfo &s)
{
    return {{QStringLiteral("code"), qstr(s.code)},
            {QStringLiteral("name"), qstr(s.name)},
            {QStringLiteral("township"), qstr(s.township)},
            {QStringLiteral("head"), qstr(s.head)},
            {QStringLiteral("phone"), qstr(s.phone)}};
}

QVariantMap compute(cx::RecordQuery &q, std::string form, const std::string &period, int gridPeriods, cx::bureau::Day today,
                    bool en)
{
    QVariantMap out;
    out.insert(QStringLiteral("forms"), ReportModel::periodicForms(q, en, form));
    if (form.empty())
        return out; // no form is filed per period: nothing to count
    try {
        const auto rep = cx::bureau::completeness(q, form, period, today);
        out.insert(QStringLiteral("title"), qstr(en ? rep.form.titleEn : rep.form.titleZh));
        out.insert(QStringLiteral("period"), qstr(rep.period.key));
        out.insert(QStringLiteral("dueOn"), qstr(rep.dueOn));
        out.insert(QStringLiteral("county"), tallyMap(rep.county));
        QVariantList towns, schools;
        for (const auto &[name, t] : rep.townships) {
            QVariantMap m = tallyMap(t);
            m.insert(QStringLiteral("name"), qstr(name));
            towns.push_back(m);
        }
        for (const auto &c : rep.schools) {
            QVariantMap m = schoolMap(c.school);
            m.insert(QStringLiteral("state"), qstr(c.state));
            m.insert(QStringLiteral("status"), qstr(c.status));
            m.insert(QStringLiteral("sentOn"), qstr(c.sentOn));
            m.insert(QStringLiteral("submission"), qstr(c.submission));
            schools.push_back(m);
        }
        out.insert(QStringLiteral("townships"), towns);
        out.insert(QStringLiteral("schools"), schools);
        const auto g = cx::bureau::completenessGrid(q, form, gridPeriods, today);
        QStringList periods;
        for (const auto &p : g.periods)
            periods << qstr(p.key);
        QVariantList grid;
        for (size_t i = 0; i < g.schools.size(); ++i) {
            QVariantMap m = schoolMap(g.schools[i]);
            QStringList states;
            for (const auto &s : g.states[i])
                states << qstr(s);
            m.insert(QStringLiteral("states"), states);
            grid.push_back(m);
        }
        out.insert(QStringLiteral("periods"), periods);
        out.insert(QStringLiteral("grid"), grid);
    } catch (const std::exception &e) {
        out.insert(QStringLiteral("error"), QString::fromUtf8(e.what()));
    }
    return out;
}

} // namespace

void CompletenessModel::setForm(const QString &v)
{
    if (v == m_form)
        return;
    m_form = v;
    m_period.clear(); // another form may have other periods
    emit formChanged();
    refresh();
}

void CompletenessModel::setPeriod(const QString &v)
{
    if (v == m_period)
        return;
    m_period = v;
    emit formChanged();
    refresh();
}

void CompletenessModel::setGridPeriods(int n)
{
    n = std::clamp(n, 1, 24);
    if (n == m_gridPeriods)
        return;
    m_gridPeriods = n;
    emit formChanged();
    refresh();
}

ReportModel::Job CompletenessModel::job(const QDate &today, bool english) const
{
    const cx::bureau::Day day = *cx::bureau::parseDay(str(today.toString(Qt::ISODate)));
    return [form = str(m_form), period = str(m_period), n = m_gridPeriods, day, english](cx::RecordQuery &q) {
        return compute(q, form, period, n, day, english);
    };
}

QString CompletenessModel::stateText(const QString &state)
{
    //: Completeness export: sent on or before the due date.
    if (state == QLatin1String("on_time"))
        return tr("On time");
    //: Completeness export: sent after the due date.
    if (state == QLatin1String("late"))
        return tr("Late");
    //: Completeness export: nothing sent and the due date has passed.
    if (state == QLatin1String("missing"))
        return tr("Missing");
    //: Completeness export: nothing sent yet, the due date is still ahead.
    return tr("Not yet due");
}

QString CompletenessModel::statusText(const QString &status)
{
    //: Completeness export: the bureau accepted the return.
    if (status == QLatin1String("accepted"))
        return tr("Accepted");
    //: Completeness export: the bureau sent the return back for correction.
    if (status == QLatin1String("returned"))
        return tr("Returned");
    //: Completeness export: the return waits for the bureau's review.
    if (status == QLatin1String("submitted"))
        return tr("Waiting for review");
    return {};
}

QVariantList CompletenessModel::tables() const
{
    if (value("schools").isNull())
        return {};
    const QString period = shownPeriod();
    //: Completeness export, schools sheet: column headers.
    QVariantList schools{QVariantList{tr("School code"), tr("School"), tr("Township"), tr("State"), tr("Sent on"), tr("Review"),
                                      tr("Head"), tr("Phone")}};
    for (const QVariant &v : value("schools").toList()) {
        const QVariantMap m = v.toMap();
        schools.push_back(QVariantList{m[QStringLiteral("code")], m[QStringLiteral("name")], m[QStringLiteral("township")],
                                       stateText(m[QStringLiteral("state")].toString()), m[QStringLiteral("sentOn")],
                                       statusText(m[QStringLiteral("status")].toString()), m[QStringLiteral("head")],
                                       m[QStringLiteral("phone")]});
    }
    //: Completeness export, townships sheet: column headers (rates in %).
    QVariantList towns{QVariantList{tr("Township"), tr("Expected"), tr("Submitted"), tr("On time"), tr("Late"), tr("Missing"),
                                    tr("Not yet due"), tr("Accepted"), tr("Returned"), tr("Submitted %"), tr("On time %")}};
    auto tally = [](const QString &name, const QVariantMap &t) {
        auto pct = [](const QVariant &x) { return QVariant(std::round(x.toDouble() * 1000) / 10); };
        return QVariantList{name,
                            t[QStringLiteral("expected")],
                            t[QStringLiteral("submitted")],
                            t[QStringLiteral("onTime")],
                            t[QStringLiteral("late")],
                            t[QStringLiteral("missing")],
                            t[QStringLiteral("due")],
                            t[QStringLiteral("accepted")],
                            t[QStringLiteral("returned")],
                            pct(t[QStringLiteral("rate")]),
                            pct(t[QStringLiteral("onTimeRate")])};
    };
    for (const QVariant &v : townships())
        towns.push_back(tally(v.toMap()[QStringLiteral("name")].toString(), v.toMap()));
    //: Completeness export: the county's total row.
    towns.push_back(tally(tr("County"), county()));
    QVariantList gridHeader{tr("School code"), tr("School"), tr("Township")};
    for (const QString &p : periods())
        gridHeader << p;
    QVariantList grid{gridHeader};
    for (const QVariant &v : this->grid()) {
        const QVariantMap m = v.toMap();
        QVariantList row{m[QStringLiteral("code")], m[QStringLiteral("name")], m[QStringLiteral("township")]};
        for (const QString &st : m[QStringLiteral("states")].toStringList())
            row << (st.isEmpty() ? QString() : stateText(st));
        grid.push_back(row);
    }
    //: Completeness export: sheet names. %1 is the period.
    return {QVariantMap{{QStringLiteral("name"), tr("Schools %1").arg(period)}, {QStringLiteral("rows"), schools}},
            QVariantMap{{QStringLiteral("name"), tr("Townships %1").arg(period)}, {QStringLiteral("rows"), towns}},
            //: Completeness export: the sheet of schools by period.
            QVariantMap{{QStringLiteral("name"), tr("By period")}, {QStringLiteral("rows"), grid}}};
}

} // namespace cx::app
