#include "models/SubmissionModel.h"

namespace cx::app {

SubmissionModel::SubmissionModel(QObject *parent) : RecordListModel(parent)
{
    setTitleField(QStringLiteral("form"));
    setSortField(QStringLiteral("updated_at"));
    setSortDescending(true);
    setCollection(QStringLiteral("submissions"));
}

QString SubmissionModel::displayState(const QString &status, const QString &sync)
{
    if (sync == QLatin1String(syncStateName(SyncState::Rejected)))
        return QStringLiteral("rejected");
    if (status == QLatin1String("returned"))
        return QStringLiteral("returned");
    if (status == QLatin1String("accepted"))
        return QStringLiteral("accepted");
    if (status.isEmpty() || status == QLatin1String("draft"))
        return QStringLiteral("draft");
    if (sync == QLatin1String(syncStateName(SyncState::Pending)))
        return QStringLiteral("waiting");
    if (sync == QLatin1String(syncStateName(SyncState::Sent)))
        return QStringLiteral("sent");
    return QStringLiteral("confirmed");
}

void SubmissionModel::decorate(RecordRow &row) const
{
    row.fields.insert(QStringLiteral("_display"), displayState(row.fields.value(QStringLiteral("status")).toString(), row.state));
}

} // namespace cx::app
