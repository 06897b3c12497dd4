#pragma once
// AccountsAdminModel: the bureau administrator's accounts page (docs/bureau.md
// "Accounts and enrolment"): the county's schools and accounts from the list
// the engine keeps (Engine::adminAccounts, the last one fetched, so the page
// shows it offline and says how old it is), and the operations of POST
// /v1/admin (add a school, add an account, assign schools or a township,
// reset a password, revoke, issue an enrolment code) run through the engine
// off the GUI thread. A failed operation says why and changes nothing: the
// page keeps what was typed.
#include "models/EngineAction.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class AccountsAdminModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // Each: code, name, township.
    Q_PROPERTY(QVariantList schools READ schools NOTIFY changed)
    Q_PROPERTY(QStringList townships READ townships NOTIFY changed)
    // Each: user, role, schools (codes), schoolNames, admin, revoked, devices,
    // lastSync (days since any of its devices synced, -1 never), codes (unused).
    Q_PROPERTY(QVariantList accounts READ accounts NOTIFY changed)
    Q_PROPERTY(qint64 fetchedAt READ fetchedAt NOTIFY changed) // ms; 0: never
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    // The last request could not reach the server (the page says so; what was typed stays).
    Q_PROPERTY(bool offline READ offline NOTIFY changed)
    // The last enrolment code issued: user, code, expires (ms), server, link (the QR text).
    Q_PROPERTY(QVariantMap enrolment READ enrolment NOTIFY changed)
public:
    explicit AccountsAdminModel(QObject *parent = nullptr);

    QVariantList schools() const { return m_schools; }
    QStringList townships() const { return m_townships; }
    QVariantList accounts() const { return m_accounts; }
    qint64 fetchedAt() const { return m_fetchedAt; }
    bool busy() const { return m_action.busy(); }
    QString error() const { return m_error; }
    bool offline() const { return m_offline; }
    QVariantMap enrolment() const { return m_enrolment; }

    // The kept list (no network).
    Q_INVOKABLE void refresh();
    // Asks the server for the list.
    Q_INVOKABLE void fetch();
    Q_INVOKABLE void addSchool(const QString &code, const QString &name, const QString &township);
    // schools: codes; or township: every school of it (then schools is ignored).
    Q_INVOKABLE void addAccount(const QString &user, const QString &role, const QStringList &schools, const QString &township,
                                const QString &password, bool admin);
    Q_INVOKABLE void assign(const QString &user, const QStringList &schools, const QString &township);
    Q_INVOKABLE void resetPassword(const QString &user, const QString &password);
    Q_INVOKABLE void revoke(const QString &user);
    Q_INVOKABLE void enrolCode(const QString &user, int days = 7);
    Q_INVOKABLE void clearEnrolment();

signals:
    void changed();
    // An operation ended: ok, or the message saying why not.
    void finished(const QString &op, bool ok, const QString &message);

private:
    struct Outcome {
        QString op;
        bool ok = false;
        bool offline = false;
        QString message;
        QVariantMap enrolment;
    };
    void run(const QVariantMap &request);
    void onFinished(const Outcome &o);

    QVariantList m_schools, m_accounts;
    QStringList m_townships;
    qint64 m_fetchedAt = 0;
    bool m_offline = false;
    QString m_error;
    QVariantMap m_enrolment;
    EngineAction<Outcome> m_action;
};

} // namespace cx::app
