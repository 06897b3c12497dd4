#include "models/StatisticsModel.h"

#include "models/TableExport.h"

#include "bureau/Dropouts.h"
#include "bureau/Progress.h"
#include "bureau/Statistics.h"
#include "core/JsonVariant.h"

#include <cmath>

namespace cx::app {

namespace {

QVariant number(double v) { return std::isnan(v) ? QVariant() : QVariant(std::round(v * 100) / 100); }

// The county's dropout cases (cx::bureau::dropouts), whatever the form.
QVariantMap dropoutMap(cx::RecordQuery &q, cx::bureau::Day today)
{
    const auto rep = cx::bureau::dropouts(q, today);
    auto tally = [](const cx::bureau::DropoutTally &t) {
        return QVariantMap{
            {QStringLiteral("open"), t.open}, {QStringLiteral("back"), t.back}, {QStringLiteral("unvisited"), t.unvisited}};
    };
    QVariantList towns, cases;
    for (const auto &[name, t] : rep.townships) {
        QVariantMap m = tally(t);
        m.insert(QStringLiteral("name"), qstr(name));
        towns.push_back(m);
    }
    for (const auto &c : rep.open)
        cases.push_back(QVariantMap{{QStringLiteral("name"), qstr(c.name)},
                                    {QStringLiteral("grade"), qstr(c.grade)},
                                    {QStringLiteral("school"), qstr(c.school.name)},
                                    {QStringLiteral("township"), qstr(c.school.township)},
                                    {QStringLiteral("phone"), qstr(c.school.phone)},
                                    {QStringLiteral("lastVisit"), qstr(c.lastVisit)},
                                    {QStringLiteral("visits"), c.visits},
                                    {QStringLiteral("days"), c.daysSinceVisit}});
    return {
        {QStringLiteral("county"), tally(rep.county)}, {QStringLiteral("townships"), towns}, {QStringLiteral("cases"), cases}};
}

// Home visits and inspections done vs planned (cx::bureau::progress) in the
// period named `key` (the shown period when it is a month, term or school
// year; else the current term): per township (bars {label, value: done, of:
// planned}), per inspector / teacher, and the county.
QVariantMap progressMap(cx::RecordQuery &q, const std::string &key, cx::bureau::Day today)
{
    cx::bureau::Period period;
    try {
        period = cx::bureau::progressPeriod(key, today);
    } catch (const std::exception &) {
        period = cx::bureau::progressPeriod("", today);
    }
    const auto rep = cx::bureau::progress(q, period, today);
    auto tally = [](const cx::bureau::PlanTally &t) {
        return QVariantMap{{QStringLiteral("value"), t.done},
                           {QStringLiteral("of"), t.planned},
                           {QStringLiteral("overdue"), t.overdue},
                           {QStringLiteral("met"), t.met},
                           {QStringLiteral("targets"), t.targets}};
    };
    auto towns = [&](const std::map<std::string, cx::bureau::PlanTally> &m) {
        QVariantList out;
        for (const auto &[name, t] : m) {
            QVariantMap row = tally(t);
            row.insert(QStringLiteral("label"), qstr(name));
            out.push_back(row);
        }
        return out;
    };
    QVariantList inspectors, teachers;
    for (const auto &i : rep.inspectors) {
        QVariantMap row = tally(i.tally);
        row.insert(QStringLiteral("label"), qstr(i.inspector));
        row.insert(QStringLiteral("township"), qstr(i.township));
        inspectors.push_back(row);
    }
    for (const auto &t : rep.teachers) {
        QVariantMap row = tally(t.tally);
        row.insert(QStringLiteral("label"), qstr(t.teacherName.empty() ? t.teacher : t.teacherName));
        row.insert(QStringLiteral("account"), qstr(t.teacher));
        row.insert(QStringLiteral("school"), qstr(t.schoolName));
        row.insert(QStringLiteral("township"), qstr(t.township));
        teachers.push_back(row);
    }
    return {{QStringLiteral("period"), qstr(period.key)},
            {QStringLiteral("first"), qstr(cx::bureau::formatDay(period.first))},
            {QStringLiteral("last"), qstr(cx::bureau::formatDay(period.last))},
            {QStringLiteral("inspections"), QVariantMap{{QStringLiteral("county"), tally(rep.inspections)},
                                                        {QStringLiteral("townships"), towns(rep.inspectionsByTownship)},
                                                        {QStringLiteral("people"), inspectors}}},
            {QStringLiteral("visits"), QVariantMap{{QStringLiteral("county"), tally(rep.visits)},
                                                   {QStringLiteral("townships"), towns(rep.visitsByTownship)},
                                                   {QStringLiteral("people"), teachers}}}};
}

QVariantMap compute(cx::RecordQuery &q, std::string form, const std::string &period, const std::string &field,
                    cx::bureau::Day today, bool en)
{
    QVariantMap out;
    out.insert(QStringLiteral("dropouts"), dropoutMap(q, today));
    out.insert(QStringLiteral("forms"), ReportModel::periodicForms(q, en, form));
    if (form.empty()) {
        out.insert(QStringLiteral("progress"), progressMap(q, period, today));
        return out;
    }
    const auto rep = cx::bureau::statistics(q, form, period, today);
    out.insert(QStringLiteral("progress"), progressMap(q, rep.period.key, today));
    out.insert(QStringLiteral("period"), qstr(rep.period.key));
    out.insert(QStringLiteral("title"), qstr(en ? rep.form.titleEn : rep.form.titleZh));
    out.insert(QStringLiteral("returns"), rep.returns);
    QStringList periods;
    for (const auto &p : rep.trendPeriods)
        periods << qstr(p);
    out.insert(QStringLiteral("periods"), periods);
    QVariantList fields, towns, trend, table;
    const cx::bureau::FieldTotal *shown = nullptr;
    for (const auto &f : rep.fields) {
        fields.push_back(QVariantMap{{QStringLiteral("name"), qstr(f.name)},
                                     {QStringLiteral("label"), qstr(en ? f.labelEn : f.labelZh)},
                                     {QStringLiteral("how"), qstr(f.how)},
                                     {QStringLiteral("county"), number(f.county)}});
        if (!shown && (field.empty() || f.name == field))
            shown = &f;
    }
    out.insert(QStringLiteral("fields"), fields);
    if (shown) {
        out.insert(QStringLiteral("field"), qstr(shown->name));
        out.insert(QStringLiteral("fieldLabel"), qstr(en ? shown->labelEn : shown->labelZh));
        for (const auto &[t, v] : shown->townships)
            towns.push_back(QVariantMap{{QStringLiteral("label"), qstr(t)}, {QStringLiteral("value"), number(v)}});
        for (size_t i = 0; i < shown->trend.size() && i < rep.trendPeriods.size(); ++i)
            trend.push_back(QVariantMap{{QStringLiteral("label"), qstr(rep.trendPeriods[i])},
                                        {QStringLiteral("value"), number(shown->trend[i])}});
    }
    out.insert(QStringLiteral("byTownship"), towns);
    out.insert(QStringLiteral("trend"), trend);
    QVariantList choices;
    for (const auto &c : rep.choices) {
        QVariantList opts;
        for (const auto &o : c.options)
            opts.push_back(
                QVariantMap{{QStringLiteral("label"), qstr(en ? o.labelEn : o.labelZh)}, {QStringLiteral("value"), o.count}});
        choices.push_back(
            QVariantMap{{QStringLiteral("label"), qstr(en ? c.labelEn : c.labelZh)}, {QStringLiteral("options"), opts}});
    }
    out.insert(QStringLiteral("choices"), choices);
    // The table behind the exports: a row per number, county then townships.
    QVariantList header{en ? QStringLiteral("Item") : QStringLiteral("项目"),
                        en ? QStringLiteral("County") : QStringLiteral("全县")};
    for (const auto &t : rep.townships)
        header << qstr(t);
    table.push_back(header);
    for (const auto &f : rep.fields) {
        QVariantList row{qstr(en ? f.labelEn : f.labelZh), number(f.county)};
        for (const auto &t : rep.townships)
            row << number(f.townships.at(t));
        table.push_back(row);
    }
    out.insert(QStringLiteral("table"), table);
    return out;
}

} // namespace

namespace {
bool change(QString &member, const QString &v)
{
    if (v == member)
        return false;
    member = v;
    return true;
}
} // namespace

void StatisticsModel::setForm(const QString &v)
{
    if (change(m_form, v)) {
        m_field.clear(); // another form has other numbers
        emit inputChanged();
        refresh();
    }
}

void StatisticsModel::setPeriod(const QString &v)
{
    if (change(m_period, v)) {
        emit inputChanged();
        refresh();
    }
}

void StatisticsModel::setField(const QString &v)
{
    if (change(m_field, v)) {
        emit inputChanged();
        refresh();
    }
}

ReportModel::Job StatisticsModel::job(const QDate &today, bool english) const
{
    const cx::bureau::Day day = *cx::bureau::parseDay(str(today.toString(Qt::ISODate)));
    return [form = str(m_form), period = str(m_period), field = str(m_field), day, english](cx::RecordQuery &q) {
        return compute(q, form, period, field, day, english);
    };
}

QVariantList StatisticsModel::tables() const
{
    //: Statistics export: the sheet's name. %1 is the form's title, %2 the period.
    const QString name = tr("%1 %2").arg(value("title").toString(), shownPeriod());
    QVariantList out;
    if (!value("table").toList().isEmpty())
        out.push_back(QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("rows"), value("table")}});
    const QVariantMap d = dropouts();
    //: Dropout export, townships sheet: column headers.
    QVariantList towns{
        QVariantList{tr("Township"), tr("Not back at school"), tr("Back at school"), tr("Not visited for 30 days")}};
    auto row = [&towns](const QString &label, const QVariantMap &t) {
        towns.push_back(
            QVariantList{label, t[QStringLiteral("open")], t[QStringLiteral("back")], t[QStringLiteral("unvisited")]});
    };
    for (const QVariant &t : d[QStringLiteral("townships")].toList())
        row(t.toMap()[QStringLiteral("name")].toString(), t.toMap());
    //: Dropout export: the county's total row.
    row(tr("County"), d[QStringLiteral("county")].toMap());
    //: Dropout export, cases sheet: column headers.
    QVariantList cases{
        QVariantList{tr("Pupil"), tr("Grade"), tr("School"), tr("Township"), tr("School phone"), tr("Last visit"), tr("Visits")}};
    for (const QVariant &v : d[QStringLiteral("cases")].toList()) {
        const QVariantMap c = v.toMap();
        cases.push_back(QVariantList{c[QStringLiteral("name")], c[QStringLiteral("grade")], c[QStringLiteral("school")],
                                     c[QStringLiteral("township")], c[QStringLiteral("phone")], c[QStringLiteral("lastVisit")],
                                     c[QStringLiteral("visits")]});
    }
    //: Dropout export: sheet names.
    out.push_back(QVariantMap{{QStringLiteral("name"), tr("Dropouts by township")}, {QStringLiteral("rows"), towns}});
    out.push_back(QVariantMap{{QStringLiteral("name"), tr("Pupils not back")}, {QStringLiteral("rows"), cases}});
    out += progressTables();
    return out;
}

QVariantList StatisticsModel::progressTables() const
{
    const QVariantMap p = progress();
    if (p.isEmpty())
        return {};
    const QVariantMap insp = p[QStringLiteral("inspections")].toMap(), visits = p[QStringLiteral("visits")].toMap();
    auto at = [](const QVariantMap &m, const char *key) { return m[QLatin1String(key)]; };
    //: Done vs planned export, townships sheet: column headers.
    QVariantList towns{QVariantList{tr("Township"), tr("Inspections planned"), tr("Inspections done"), tr("Inspections overdue"),
                                    tr("Home visits planned"), tr("Home visits done"), tr("Visit targets met"),
                                    tr("Visit targets")}};
    auto townRow = [&](const QString &label, const QVariantMap &i, const QVariantMap &v) {
        towns.push_back(QVariantList{label, at(i, "of"), at(i, "value"), at(i, "overdue"), at(v, "of"), at(v, "value"),
                                     at(v, "met"), at(v, "targets")});
    };
    const QVariantList ti = insp[QStringLiteral("townships")].toList(), tv = visits[QStringLiteral("townships")].toList();
    for (qsizetype i = 0; i < ti.size() && i < tv.size(); ++i)
        townRow(ti[i].toMap()[QStringLiteral("label")].toString(), ti[i].toMap(), tv[i].toMap());
    //: Done vs planned export: the county's total row.
    townRow(tr("County"), insp[QStringLiteral("county")].toMap(), visits[QStringLiteral("county")].toMap());
    //: Done vs planned export, people sheet: column headers.
    QVariantList people{QVariantList{tr("Kind"), tr("Account"), tr("Name"), tr("School"), tr("Township"), tr("Number planned"),
                                     tr("Number done"), tr("Overdue"), tr("Targets met")}};
    for (const QVariant &v : insp[QStringLiteral("people")].toList()) {
        const QVariantMap r = v.toMap();
        //: Done vs planned export: a row of an inspector's inspections.
        people.push_back(QVariantList{tr("Inspections"), at(r, "label"), QString(), QString(), at(r, "township"), at(r, "of"),
                                      at(r, "value"), at(r, "overdue"), QVariant()});
    }
    for (const QVariant &v : visits[QStringLiteral("people")].toList()) {
        const QVariantMap r = v.toMap();
        //: Done vs planned export: a row of a teacher's home visits.
        people.push_back(QVariantList{tr("Home visits"), at(r, "account"), at(r, "label"), at(r, "school"), at(r, "township"),
                                      at(r, "of"), at(r, "value"), QVariant(), at(r, "met")});
    }
    //: Done vs planned export: sheet names. %1 is the period.
    return {QVariantMap{{QStringLiteral("name"), tr("Done vs planned %1").arg(p[QStringLiteral("period")].toString())},
                        {QStringLiteral("rows"), towns}},
            //: Done vs planned export: sheet name of the inspectors' and teachers' rows.
            QVariantMap{{QStringLiteral("name"), tr("Done vs planned by person")}, {QStringLiteral("rows"), people}}};
}

bool StatisticsModel::exportCsv(const QString &path)
{
    return TableExport::write(path, tables(), QStringLiteral("csv"), nullptr);
}

} // namespace cx::app
