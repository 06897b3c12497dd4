#pragma once
// ReportModel: the shared shape of the bureau's report models
// (CompletenessModel, StatisticsModel): a job over the account's own read-only
// connection, run off the UI thread, whose result is one QVariantMap the
// page reads; run again when its inputs change or returns arrive.
#include "models/QueryJob.h"

#include <QDate>
#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace cx::app {

class ReportModel : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    explicit ReportModel(QObject *parent = nullptr);
    ~ReportModel() override;

    bool loading() const { return m_job.loading(); }
    QString error() const { return m_data.value(QStringLiteral("error")).toString(); }
    void setToday(const QDate &d); // tests and the demo; default: today

    Q_INVOKABLE void refresh();
    Q_INVOKABLE bool waitForLoaded(int msecs = 60000); // tests (returns as soon as loaded; long for ASan on a loaded machine)

    // The forms filed per period ({id, title} each, by id), for a report's form
    // picker; `form` becomes the first of them when it is empty.
    static QVariantList periodicForms(cx::RecordQuery &q, bool english, std::string &form);

signals:
    void changed();
    void loadingChanged();

protected:
    using Job = std::function<QVariantMap(cx::RecordQuery &)>;
    // The work with its inputs copied in (it runs on another thread).
    virtual Job job(const QDate &today, bool english) const = 0;
    QVariant value(const char *key) const { return m_data.value(QLatin1String(key)); }

private:
    QDate m_today;
    QVariantMap m_data;
    QueryJob<QVariantMap> m_job;
};

} // namespace cx::app
