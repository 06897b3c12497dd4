#pragma once
// Session: who is using the app. Signs in (enrolls this device with the
// server), and opens the account's encrypted replica with its data key,
// unwrapped by the PIN (or by the account password, after a forgotten PIN):
// engine/Vault.h, docs/security.md. Locked means the key is not in memory.
#include "engine/DataKey.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace cx::app {

class AppContext;

class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString server READ server NOTIFY changed)
    Q_PROPERTY(QString user READ user NOTIFY changed)
    Q_PROPERTY(QString role READ role NOTIFY changed)
    Q_PROPERTY(QString roleText READ roleText NOTIFY changed)
    Q_PROPERTY(QStringList schools READ schools NOTIFY changed)
    Q_PROPERTY(QString school READ school NOTIFY changed)
    Q_PROPERTY(bool hasPin READ hasPin NOTIFY changed)
    // Wrong PINs still allowed before only the password unlocks (0: use the password).
    Q_PROPERTY(int pinAttemptsLeft READ pinAttemptsLeft NOTIFY changed)
    Q_PROPERTY(int minPinDigits READ minPinDigits CONSTANT)
public:
    enum State { SignedOut, ChoosingPin, Locked, Ready };
    Q_ENUM(State)

    explicit Session(AppContext *ctx, QObject *parent = nullptr);
    static Session *instance();
    static Session *create(QQmlEngine *, QJSEngine *);

    State state() const { return m_state; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    QString server() const { return m_server; }
    QString user() const { return m_user; }
    QString role() const { return m_role; }
    QString roleText() const;
    QStringList schools() const { return m_schools; }
    QString school() const { return m_schools.value(0); }
    bool hasPin() const;
    int pinAttemptsLeft() const;
    int minPinDigits() const;

    // Opens the last account used on this device (no network); Locked if it has a PIN.
    void restore();
    // Command-line sign-in (make run): opens the replica when already enrolled,
    // else enrolls; lands on Ready without asking for a PIN.
    void signInFromArgs(const QString &server, const QString &user, const QString &password, const QString &caFile);
    // A local account with no server, for the self-test and screenshots.
    void openDemo(const QString &role = QStringLiteral("head"));

    Q_INVOKABLE void signIn(const QString &server, const QString &user, const QString &password);
    // Enrols with a one-time enrolment code from the bureau instead of the
    // password (typed, or read from the bureau's QR code with its pin). The
    // device's data key is wrapped by the code until a PIN is chosen
    // (docs/security.md "Enrolment codes").
    Q_INVOKABLE void signInWithCode(const QString &server, const QString &user, const QString &code, const QString &pin = {});
    Q_INVOKABLE bool setPin(const QString &pin);
    Q_INVOKABLE bool unlock(const QString &pin);
    // After a forgotten PIN: the account password unlocks (offline), then a new PIN is chosen.
    Q_INVOKABLE bool unlockWithPassword(const QString &password);
    Q_INVOKABLE void lock();
    Q_INVOKABLE void signOut();
    Q_INVOKABLE QString defaultServer() const;

signals:
    void changed();
    void signedIn();

private:
    void startEnroll(const QString &server, const QString &user, const QString &password, const QString &caFile, bool askPin,
                     const QString &code = {}, const QString &pin = {});
    void onEnrolled();
    void loadAccountInfo();
    void setState(State s);
    QString replicaPath(const QString &key) const;
    bool openUnlocked(const cx::DataKey &dataKey);

    AppContext *m_ctx;
    State m_state = SignedOut;
    bool m_busy = false, m_askPin = true;
    QString m_error, m_server, m_user, m_role, m_pendingKey;
    bool m_freshVault = false; // the sign-in made the key file: erased if it fails
    QStringList m_schools;
    QFutureWatcher<QString> m_watcher;
};

} // namespace cx::app
