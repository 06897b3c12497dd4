#include "models/StatisticsModel.h"

#include "bureau/Statistics.h"
#include "core/JsonVariant.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QSaveFile>

#include <cmath>

namespace cx::app {

namespace {

QVariant number(double v) { return std::isnan(v) ? QVariant() : QVariant(std::round(v * 100) / 100); }

QVariantMap compute(cx::RecordQuery &q, std::string form, const std::string &period, const std::string &field,
                    cx::bureau::Day today, bool en)
{
    QVariantMap out;
    out.insert(QStringLiteral("forms"), ReportModel::periodicForms(q, en, form));
    if (form.empty())
        return out;
    const auto rep = cx::bureau::statistics(q, form, period, today);
    out.insert(QStringLiteral("period"), qstr(rep.period.key));
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
            opts.push_back(QVariantMap{{QStringLiteral("label"), qstr(en ? o.labelEn : o.labelZh)}, {QStringLiteral("value"), o.count}});
        choices.push_back(QVariantMap{{QStringLiteral("label"), qstr(en ? c.labelEn : c.labelZh)}, {QStringLiteral("options"), opts}});
    }
    out.insert(QStringLiteral("choices"), choices);
    // The table behind the CSV export: a row per number, county then townships.
    QStringList header{en ? QStringLiteral("Item") : QStringLiteral("项目"), en ? QStringLiteral("County") : QStringLiteral("全县")};
    for (const auto &t : rep.townships)
        header << qstr(t);
    table.push_back(header);
    for (const auto &f : rep.fields) {
        QStringList row{qstr(en ? f.labelEn : f.labelZh), number(f.county).toString()};
        for (const auto &t : rep.townships)
            row << number(f.townships.at(t)).toString();
        table.push_back(row);
    }
    out.insert(QStringLiteral("table"), table);
    return out;
}

// RFC 4180, and a cell a spreadsheet would run as a formula starts with a quote.
QString csvCell(QString v)
{
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()) && !(v.front() == QLatin1Char('-') && v.size() > 1 && v[1].isDigit()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')))
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
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
        m_field.clear();   // another form has other numbers
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

bool StatisticsModel::exportCsv(const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray out("\xEF\xBB\xBF");
    for (const QVariant &row : value("table").toList()) {
        QStringList cells;
        for (const QString &c : row.toStringList())
            cells << csvCell(c);
        out += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    f.write(out);
    return f.commit();
}

QString StatisticsModel::exportCsvToDocuments()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("统计-%1-%2.csv").arg(m_form.isEmpty() ? QStringLiteral("form") : m_form, shownPeriod()));
    return exportCsv(path) ? path : QString();
}

} // namespace cx::app
