#pragma once
// AppContext: the services of one run of the app: the data folder, the open
// account's engine (one SQLite replica per account) and every local write, so
// that models reload and the sync controller hears about changes in one place.
#include "engine/Engine.h"
#include "engine/Keystore.h"

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace cx::app {

class SyncController;
class LinkMonitor;

class AppContext : public QObject
{
    Q_OBJECT
public:
    explicit AppContext(const QString &dataDir, QObject *parent = nullptr);
    ~AppContext() override;
    static AppContext *instance();
    static AppContext *ensure(); // instance(), or a throwaway one for QML tests

    QString dataDir() const { return m_dataDir; }
    QSettings &settings() { return *m_settings; }
    SyncController *sync() const { return m_sync; }
    LinkMonitor *link() const { return m_link; }

    // The account's folder key: "user@host" made safe for a file name.
    static QString accountKey(const QString &server, const QString &user);
    QString accountDir(const QString &key) const;
    // The account's replica file (encrypted; its key file is beside it).
    QString replicaPath(const QString &key) const;
    // Opens (creating) the account's replica with its data key (Session
    // unwraps it); closes any other first.
    bool openAccount(const QString &key, const cx::DataKey &dataKey, QString *error = nullptr);
    void closeAccount();
    QString account() const { return m_account; }
    cx::Engine *engine() const { return m_engine.get(); }
    // The OS keystore the PIN wrap is bound to (engine/Keystore.h); nullptr
    // where none is built (the PIN wrap alone).
    cx::Keystore *keystore() const { return m_keystore.get(); }

    // The account's schools as the engine knows them, else the demo school.
    QString defaultSchool() const;
    // Local writes: every one goes through here. Empty return = failed (error set).
    QString put(const QString &collection, const QString &id, const QVariantMap &fields, QString *error = nullptr,
                const QString &school = {});
    bool remove(const QString &collection, const QString &id, QString *error = nullptr);
    bool resolve(const QString &collection, const QString &id, const QString &field, const QVariant &value,
                 QString *error = nullptr);

    // Recent errors the person can see in Settings (newest first, at most 20).
    QStringList recentErrors() const { return m_errors; }
    void addError(const QString &message);
    void clearErrors()
    {
        m_errors.clear();
        emit errorsChanged();
    }

    // The demo school used when the replica has no account (self-test, screenshots).
    void setFallbackSchool(const QString &s) { m_fallbackSchool = s; }

signals:
    void accountChanged();
    void aboutToCloseAccount();                  // work on the engine must end now
    void dataChanged(const QString &collection); // empty: anything may have changed
    void localChange();                          // a local write waits to be sent
    void errorsChanged();

private:
    // One local write: no account, or the engine refusing it, gives false with
    // the reason in *error and in recentErrors; done, the change is announced.
    bool write(const QString &collection, QString *error, const std::function<void()> &change);

    QString m_dataDir, m_account, m_fallbackSchool;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<cx::Engine> m_engine;
    std::unique_ptr<cx::Keystore> m_keystore;
    SyncController *m_sync = nullptr;
    LinkMonitor *m_link = nullptr;
    QStringList m_errors;
};

} // namespace cx::app
