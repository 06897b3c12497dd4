#pragma once
// CompletenessModel: DHIS2's reporting rate for the bureau's page
// (cx::bureau::completeness and completenessGrid, the same code as
// `cunxiao-cli completeness`): for a form filed per period, each school's
// state (on time, late, missing, not yet due), totals per township and for the
// county, and a heat grid of schools x the last periods. Computed off the UI
// thread; recomputed when returns arrive.
#include "models/ReportModel.h"

#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class CompletenessModel : public cx::app::ReportModel // qualified: qmltyperegistrar needs the full name to record the base
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString form READ form WRITE setForm NOTIFY formChanged)       // "" = the first periodic form
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY formChanged) // "" = the current period
    Q_PROPERTY(int gridPeriods READ gridPeriods WRITE setGridPeriods NOTIFY formChanged)
    Q_PROPERTY(QVariantList forms READ forms NOTIFY changed) // {id, title} of forms filed per period
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString shownPeriod READ shownPeriod NOTIFY changed)
    Q_PROPERTY(QString dueOn READ dueOn NOTIFY changed)
    // {expected, submitted, onTime, late, missing, due, accepted, returned, rate, onTimeRate}
    Q_PROPERTY(QVariantMap county READ county NOTIFY changed)
    Q_PROPERTY(QVariantList townships READ townships NOTIFY changed) // the same, plus name
    // {code, name, township, head, phone, state, status, sentOn, submission}
    Q_PROPERTY(QVariantList schools READ schools NOTIFY changed)
    Q_PROPERTY(QStringList periods READ periods NOTIFY changed) // the grid's, oldest first
    Q_PROPERTY(QVariantList grid READ grid NOTIFY changed)      // {code, name, township, states: [..]}
public:
    explicit CompletenessModel(QObject *parent = nullptr) : ReportModel(parent) {}

    QString form() const { return m_form; }
    void setForm(const QString &v);
    QString period() const { return m_period; }
    void setPeriod(const QString &v);
    int gridPeriods() const { return m_gridPeriods; }
    void setGridPeriods(int n);

    QVariantList forms() const { return value("forms").toList(); }
    QString title() const { return value("title").toString(); }
    QString shownPeriod() const { return value("period").toString(); }
    QString dueOn() const { return value("dueOn").toString(); }
    QVariantMap county() const { return value("county").toMap(); }
    QVariantList townships() const { return value("townships").toList(); }
    QVariantList schools() const { return value("schools").toList(); }
    QStringList periods() const { return value("periods").toStringList(); }
    QVariantList grid() const { return value("grid").toList(); }
    // For TableExport: the schools, the townships with the county, the grid.
    Q_INVOKABLE QVariantList tables() const;
    // A school's state (on_time, late, missing, due) and review status in words.
    static QString stateText(const QString &state);
    static QString statusText(const QString &status);

signals:
    void formChanged();

protected:
    Job job(const QDate &today, bool english) const override;

private:
    QString m_form, m_period;
    int m_gridPeriods = 4;
};

} // namespace cx::app
