#pragma once
// ReviewQueueModel: the bureau's review queue (cx::bureau::reviewQueue) for
// QML: the returns waiting for review (or accepted, returned, all), filtered by
// form, period, township; one return's detail beside the previous period's
// values with the checks that flag it and its history; accept (one or many)
// and return with a comment. Computed off the UI thread over the account's own
// read-only connection; recomputed when the replica changes.
#include "models/QueryJob.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cx::bureau {
struct ReviewItem;
}

namespace cx::app {

class ReviewQueueModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString form READ form WRITE setForm NOTIFY filterChanged)
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY filterChanged)
    Q_PROPERTY(QString township READ township WRITE setTownship NOTIFY filterChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged) // submitted | accepted | returned | all
    // Each: id, school, schoolCode, township, head, phone, form, formTitle, period,
    // status, sentOn, comment, flags (number of checks), correction (bool).
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)
    Q_PROPERTY(QStringList townships READ townships NOTIFY itemsChanged)
    Q_PROPERTY(QStringList periods READ periods NOTIFY itemsChanged)
    Q_PROPERTY(QVariantList forms READ forms NOTIFY itemsChanged) // {id, title} of forms under review
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    explicit ReviewQueueModel(QObject *parent = nullptr);
    ~ReviewQueueModel() override;

    QString form() const { return m_form; }
    void setForm(const QString &v);
    QString period() const { return m_period; }
    void setPeriod(const QString &v);
    QString township() const { return m_township; }
    void setTownship(const QString &v);
    QString status() const { return m_status; }
    void setStatus(const QString &v);
    QVariantList items() const { return m_items; }
    QStringList townships() const { return m_townships; }
    QStringList periods() const { return m_periods; }
    QVariantList forms() const { return m_forms; }
    bool loading() const { return m_job.loading(); }
    QString error() const { return m_error; }

    // One return: the item's keys plus fields [{name, label, value, previous,
    // flagged}], checks [text], history [{id, status, sentOn, comment}],
    // previousPeriod, reason. Empty map if it is gone.
    Q_INVOKABLE QVariantMap detail(const QString &id);
    // Accepts each (only returns waiting for review); false with `error` set if any failed.
    Q_INVOKABLE bool accept(const QStringList &ids);
    // Sends a return back to its school; the comment is required.
    Q_INVOKABLE bool sendBack(const QString &id, const QString &comment);
    Q_INVOKABLE void refresh();
    Q_INVOKABLE bool waitForLoaded(int msecs = 60000); // tests (returns as soon as loaded; long for ASan on a loaded machine)
    // For TableExport: the listed returns, with the checks that flag them.
    Q_INVOKABLE QVariantList tables();

signals:
    void filterChanged();
    void itemsChanged();
    void loadingChanged();
    void errorChanged();

private:
    struct Result;
    void show(const std::shared_ptr<Result> &r);
    void setError(const QString &e);
    QVariantMap toMap(const cx::bureau::ReviewItem &item) const;

    QString m_form, m_period, m_township, m_status = QStringLiteral("submitted");
    QVariantList m_items, m_forms;
    QStringList m_townships, m_periods;
    QString m_error;
    QueryJob<std::shared_ptr<Result>> m_job;
};

} // namespace cx::app
