#pragma once
// StatisticsModel: what a form's returns add up to (cx::bureau::statistics,
// the same code as `cunxiao-cli statistics`) for the bureau's statistics page:
// the county and township values of every number (counts summed, rates
// recomputed over the sums), the chosen number per township and over the
// last periods (the charts and their tables), the choices counted
// (dropouts by reason), and inspections and home visits done vs planned
// (cx::bureau::progress). Exports the shown tables to Excel and CSV.
#include "models/ReportModel.h"

#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class StatisticsModel : public cx::app::ReportModel // qualified: qmltyperegistrar needs the full name to record the base
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString form READ form WRITE setForm NOTIFY inputChanged)       // "" = the first periodic form
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY inputChanged) // "" = the current period
    Q_PROPERTY(QString field READ field WRITE setField NOTIFY inputChanged)    // the charted number; "" = the first
    Q_PROPERTY(QVariantList forms READ forms NOTIFY changed)                   // {id, title}
    Q_PROPERTY(QStringList periods READ periods NOTIFY changed)                // the trend's periods, oldest first
    Q_PROPERTY(QString shownPeriod READ shownPeriod NOTIFY changed)
    Q_PROPERTY(int returns READ returns NOTIFY changed)
    Q_PROPERTY(QVariantList fields READ fields NOTIFY changed) // {name, label, how, county}
    Q_PROPERTY(QString shownField READ shownField NOTIFY changed)
    Q_PROPERTY(QString fieldLabel READ fieldLabel NOTIFY changed)
    Q_PROPERTY(QVariantList byTownship READ byTownship NOTIFY changed) // {label, value} of the charted number
    Q_PROPERTY(QVariantList trend READ trend NOTIFY changed)           // {label, value} per period
    Q_PROPERTY(QVariantList choices READ choices NOTIFY changed)       // {label, options: [{label, value}]}
    // The county's dropout cases (cx::bureau::dropouts): county and townships
    // {open, back, unvisited} (+ name), cases [{name, grade, school, township,
    // phone, lastVisit, visits, days}], never visited first.
    Q_PROPERTY(QVariantMap dropouts READ dropouts NOTIFY changed)
    // Home visits and inspections done vs planned (cx::bureau::progress) in
    // the shown period (the current term when it is not a month, term or
    // school year): {period, first, last, inspections, visits}, each
    // {county, townships, people}, every row {label, value: done, of:
    // planned, overdue, met, targets} (+ township; a teacher's account,
    // school).
    Q_PROPERTY(QVariantMap progress READ progress NOTIFY changed)
public:
    explicit StatisticsModel(QObject *parent = nullptr) : ReportModel(parent) {}

    QString form() const { return m_form; }
    void setForm(const QString &v);
    QString period() const { return m_period; }
    void setPeriod(const QString &v);
    QString field() const { return m_field; }
    void setField(const QString &v);

    QVariantList forms() const { return value("forms").toList(); }
    QStringList periods() const { return value("periods").toStringList(); }
    QString shownPeriod() const { return value("period").toString(); }
    int returns() const { return value("returns").toInt(); }
    QVariantList fields() const { return value("fields").toList(); }
    QString shownField() const { return value("field").toString(); }
    QString fieldLabel() const { return value("fieldLabel").toString(); }
    QVariantList byTownship() const { return value("byTownship").toList(); }
    QVariantList trend() const { return value("trend").toList(); }
    QVariantList choices() const { return value("choices").toList(); }
    QVariantMap dropouts() const { return value("dropouts").toMap(); }
    QVariantMap progress() const { return value("progress").toMap(); }

    // The page's tables for its Excel and CSV exports (TableExport's shape,
    // numbers as numbers): the county and township table of every number, the
    // dropout sheets (townships, pupils not back) and progressTables().
    Q_INVOKABLE QVariantList tables() const;
    // The done vs planned sheets alone (townships and county; people).
    QVariantList progressTables() const;
    // tables() as CSV into `path` (UTF-8 with a BOM; the tables one after another).
    Q_INVOKABLE bool exportCsv(const QString &path);

signals:
    void inputChanged();

protected:
    Job job(const QDate &today, bool english) const override;

private:
    QString m_form, m_period, m_field;
};

} // namespace cx::app
