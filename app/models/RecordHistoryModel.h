#pragma once
// RecordHistoryModel: one record's history for the bureau (issue 13, "the
// bureau's app shows a record's history"): every write the server audited,
// oldest first, saying who changed which fields to what, when and from which
// device. The audit lives on the bureau's server only, so this asks it
// (POST /v1/admin, op "history", administrators only) off the GUI thread; no
// link, or an account that may not read it, is said in plain words.
#include "models/EngineAction.h"
#include "protocol/Json.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class RecordHistoryModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // Each: when ("yyyy-MM-dd HH:mm"), who, device (its first 8 characters, ""
    // for the server), action (changed | deleted | settled), changes
    // [{field, value}] (value as text; "" for a field emptied).
    Q_PROPERTY(QVariantList entries READ entries NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    explicit RecordHistoryModel(QObject *parent = nullptr);
    ~RecordHistoryModel() override;

    QVariantList entries() const { return m_entries; }
    bool busy() const { return m_action.busy(); }
    QString error() const { return m_error; }

    // Asks the server for the record's history (replaces what is shown).
    Q_INVOKABLE void load(const QString &collection, const QString &id);
    Q_INVOKABLE bool waitForLoaded(int msecs = 60000); // tests

    // The server's "entries" as the page shows them (tests use it too).
    static QVariantList fromReply(const cx::Json &entries);

signals:
    void changed();

private:
    struct Outcome {
        QVariantList entries;
        QString error;
    };
    void onFinished(Outcome o);

    QVariantList m_entries;
    QString m_error;
    EngineAction<Outcome> m_action;
};

} // namespace cx::app
