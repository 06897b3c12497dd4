#include "models/CompletenessModel.h"

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
    return {{QStringLiteral("code"), qstr(s.code)},   {QStringLiteral("name"), qstr(s.name)},
            {QStringLiteral("township"), qstr(s.township)}, {QStringLiteral("head"), qstr(s.head)},
            {QStringLiteral("phone"), qstr(s.phone)}};
}

QVariantMap compute(cx::RecordQuery &q, std::string form, const std::string &period, int gridPeriods,
                    cx::bureau::Day today, bool en)
{
    QVariantMap out;
    out.insert(QStringLiteral("forms"), ReportModel::periodicForms(q, en, form));
    if (form.empty())
        return out;   // no form is filed per period: nothing to count
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
    m_period.clear();   // another form may have other periods
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

} // namespace cx::app
