#pragma once
// DevicesModel: the bureau's device health page (CommCare's application
// status): every device of the county from the list the engine keeps
// (Engine::devices(), fetched after the bureau's sync), with what each
// reported of itself and why it needs attention (cx::bureau::deviceRows, the
// same code as `cunxiao-cli devices`), and that list as a table to export.
#include "models/AccountQuery.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class DevicesModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int staleDays READ staleDays WRITE setStaleDays NOTIFY changed)
    Q_PROPERTY(bool attentionOnly READ attentionOnly WRITE setAttentionOnly NOTIFY changed)
    // Each: device, user, role, schools (names), schoolCodes, name, app, lastSync (days, -1 never),
    // reported, pending, pendingPhotos, rejected, conflicts, freeMb (-1 unknown),
    // link, lastError, revoked, attention [stale|rejected|conflicts|storage]
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(int total READ total NOTIFY changed)
    Q_PROPERTY(int needingAttention READ needingAttention NOTIFY changed)
    Q_PROPERTY(qint64 fetchedAt READ fetchedAt NOTIFY changed) // ms; 0: never
public:
    explicit DevicesModel(QObject *parent = nullptr);

    int staleDays() const { return m_staleDays; }
    void setStaleDays(int d);
    bool attentionOnly() const { return m_attentionOnly; }
    void setAttentionOnly(bool v);
    QVariantList rows() const { return m_rows; }
    int total() const { return m_total; }
    int needingAttention() const { return m_attention; }
    qint64 fetchedAt() const { return m_fetchedAt; }

    Q_INVOKABLE void refresh();
    // The rows shown as one table (TableExport's shape, headers in the app's
    // language, numbers as numbers), for the page's Excel and CSV exports.
    Q_INVOKABLE QVariantList tables() const;
    // Days since any device of the school last synced; -1 when none ever did.
    Q_INVOKABLE int lastSyncOfSchool(const QString &code) const;

signals:
    void changed();

private:
    int m_staleDays = 14;
    bool m_attentionOnly = false;
    QVariantList m_rows;
    int m_total = 0, m_attention = 0;
    qint64 m_fetchedAt = 0;
    AccountQuery m_query; // school names
};

} // namespace cx::app
