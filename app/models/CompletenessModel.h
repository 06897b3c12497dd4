#pragma once
// CompletenessModel: DHIS2's reporting rate for the bureau's page
// (cx::bureau::completeness and completenessGrid, the same code as
// `cunxiao-cli completeness`): for a form filed per period, each school's
// state (on time, late, missing, not yet due), totals per township and for the
// county, and a heat grid of schools x the last periods. Computed off the UI
// thread; recomputed when returns arrive.
#include "models/AccountQuery.h"

#include <QDate>
#include <QFutureWatcher>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class CompletenessModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString form READ form WRITE setForm NOTIFY formChanged)       // "" = the first periodic form
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY formChanged) // "" = the current period
    Q_PROPERTY(int gridPeriods READ gridPeriods WRITE setGridPeriods NOTIFY formChanged)
    Q_PROPERTY(QVariantList forms READ forms NOTIFY changed)       // {id, title} of forms filed per period
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString shownPeriod READ shownPeriod NOTIFY changed)
    Q_PROPERTY(QString dueOn READ dueOn NOTIFY changed)
    // {expected, submitted, onTime, late, missing, due, accepted, returned, rate, onTimeRate}
    Q_PROPERTY(QVariantMap county READ county NOTIFY changed)
    Q_PROPERTY(QVariantList townships READ townships NOTIFY changed)   // the same, plus name
    // {code, name, township, head, phone, state, status, sentOn, submission}
    Q_PROPERTY(QVariantList schools READ schools NOTIFY changed)
    Q_PROPERTY(QStringList periods READ periods NOTIFY changed)        // the grid's, oldest first
    Q_PROPERTY(QVariantList grid READ grid NOTIFY changed)             // {code, name, township, states: [..]}
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    explicit CompletenessModel(QObject *parent = nullptr);
    ~CompletenessModel() override;

    QString form() const { return m_form; }
    void setForm(const QString &v);
    QString period() const { return m_period; }
    void setPeriod(const QString &v);
    int gridPeriods() const { return m_gridPeriods; }
    void setGridPeriods(int n);
    void setToday(const QDate &d);   // tests and the demo; default: today

    QVariantList forms() const { return m_data.value(QStringLiteral("forms")).toList(); }
    QString title() const { return m_data.value(QStringLiteral("title")).toString(); }
    QString shownPeriod() const { return m_data.value(QStringLiteral("period")).toString(); }
    QString dueOn() const { return m_data.value(QStringLiteral("dueOn")).toString(); }
    QVariantMap county() const { return m_data.value(QStringLiteral("county")).toMap(); }
    QVariantList townships() const { return m_data.value(QStringLiteral("townships")).toList(); }
    QVariantList schools() const { return m_data.value(QStringLiteral("schools")).toList(); }
    QStringList periods() const { return m_data.value(QStringLiteral("periods")).toStringList(); }
    QVariantList grid() const { return m_data.value(QStringLiteral("grid")).toList(); }
    bool loading() const { return m_loading; }
    QString error() const { return m_data.value(QStringLiteral("error")).toString(); }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE bool waitForLoaded(int msecs = 5000);   // tests

signals:
    void formChanged();
    void changed();
    void loadingChanged();

private:
    void onComputed();

    QString m_form, m_period;
    int m_gridPeriods = 4;
    QDate m_today;
    QVariantMap m_data;
    bool m_loading = false, m_again = false;
    AccountQuery m_query;
    QFutureWatcher<QVariantMap> m_watcher;
};

} // namespace cx::app
