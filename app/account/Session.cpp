#include "account/Session.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/Vault.h"
#include "sync/SyncController.h"

#include <QJSEngine>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

#include "protocol/EnrolCode.h"

namespace cx::app {

static Session *s_session = nullptr;

Session::Session(AppContext *ctx, QObject *parent) : QObject(parent), m_ctx(ctx)
{
    s_session = this;
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &Session::onEnrolled);
    // The bureau revoked this phone (its data is already erased): back to sign-in.
    connect(ctx->sync(), &SyncController::revoked, this, [this](const QString &message) {
        m_ctx->settings().remove(QStringLiteral("last/account"));
        m_ctx->closeAccount();
        m_pendingKey.clear();
        m_role.clear();
        m_schools.clear();
        m_error = message;
        setState(SignedOut);
    });
}

Session *Session::instance() { return s_session; }

Session *Session::create(QQmlEngine *, QJSEngine *)
{
    if (!s_session)
        new Session(AppContext::ensure(), AppContext::ensure());
    QJSEngine::setObjectOwnership(s_session, QJSEngine::CppOwnership);
    return s_session;
}

QString Session::roleText() const
{
    if (m_role == QLatin1String("head"))
        //: Role of the signed-in person.
        return tr("School head");
    if (m_role == QLatin1String("teacher"))
        //: Role of the signed-in person.
        return tr("Teacher");
    if (m_role == QLatin1String("inspector"))
        //: Role of the signed-in person.
        return tr("Inspector");
    if (m_role == QLatin1String("bureau") || m_role == QLatin1String("admin"))
        //: Role of the signed-in person.
        return tr("Bureau staff");
    return m_role;
}

QString Session::replicaPath(const QString &key) const { return m_ctx->replicaPath(key); }

bool Session::hasPin() const { return pinAttemptsLeft() > 0; }

int Session::pinAttemptsLeft() const
{
    const QString key = m_pendingKey.isEmpty() ? m_ctx->account() : m_pendingKey;
    if (key.isEmpty())
        return 0;
    try {
        cx::Vault v(replicaPath(key).toStdString(), m_ctx->keystore());
        // A PIN bound to a keystore this build cannot use counts as none: the password, then a new PIN.
        return v.exists() && v.pinUsable() ? v.pinAttemptsLeft() : 0;
    } catch (const std::exception &) {
        return 0;
    }
}

int Session::minPinDigits() const { return int(cx::Vault::kMinPinDigits); }

// Opens m_pendingKey's replica with the key just unwrapped.
bool Session::openUnlocked(const cx::DataKey &dataKey)
{
    QString err;
    try {
        cx::Vault::encryptExisting(replicaPath(m_pendingKey).toStdString(), dataKey);
    } catch (const std::exception &e) {
        err = QString::fromStdString(e.what());
    }
    if (err.isEmpty() && m_ctx->openAccount(m_pendingKey, dataKey, &err))
        return true;
    m_error = err;
    m_ctx->addError(err);
    emit changed();
    return false;
}

QString Session::defaultServer() const
{
    return m_ctx->settings().value(QStringLiteral("last/server"), QStringLiteral("https://")).toString();
}

void Session::setState(State s)
{
    m_state = s;
    emit changed();
    if (s == Ready)
        emit signedIn();
}

void Session::loadAccountInfo()
{
    m_schools.clear();
    if (auto *e = m_ctx->engine()) {
        auto st = e->status();
        m_server = qstr(st.server);
        m_user = qstr(st.user);
        m_role = qstr(st.role);
        for (const auto &s : st.schools)
            if (s != "*")
                m_schools << qstr(s);
    }
    auto &set = m_ctx->settings();
    if (m_user.isEmpty())
        m_user = set.value(m_ctx->account() + QStringLiteral("/user")).toString();
    if (m_role.isEmpty())
        m_role = set.value(m_ctx->account() + QStringLiteral("/role")).toString();
    if (m_schools.isEmpty() && !m_ctx->defaultSchool().isEmpty())
        m_schools << m_ctx->defaultSchool();
}

void Session::restore()
{
    // The data stays encrypted until the PIN (or the password) is typed.
    const QString key = m_ctx->settings().value(QStringLiteral("last/account")).toString();
    const std::string path = key.isEmpty() ? std::string() : replicaPath(key).toStdString();
    if (key.isEmpty() || !(cx::Vault(path).exists() || cx::Vault::isPlainSqlite(path)))
        return setState(SignedOut);
    m_pendingKey = key;
    m_user = m_ctx->settings().value(key + QStringLiteral("/user")).toString();
    m_server = m_ctx->settings().value(QStringLiteral("last/server")).toString();
    setState(Locked);
}

void Session::openDemo(const QString &role)
{
    // Demo data is made afresh each time, under a key that lives only in memory.
    const QString demo = QStringLiteral("demo");
    // Close the open replica first: erasing files an open connection still
    // uses would let its close remove the new replica's WAL.
    m_ctx->closeAccount();
    cx::Vault::erase(replicaPath(demo).toStdString());
    m_ctx->openAccount(demo, cx::DataKey::generate());
    m_ctx->settings().setValue(QStringLiteral("demo/user"),
                               role == QLatin1String("bureau") ? QStringLiteral("chen.jun") : QStringLiteral("wang.head"));
    m_ctx->settings().setValue(QStringLiteral("demo/role"), role);
    loadAccountInfo();
    setState(Ready);
}

void Session::signIn(const QString &server, const QString &user, const QString &password)
{
    startEnroll(server.trimmed(), user.trimmed(), password, {}, true);
}

void Session::signInWithCode(const QString &server, const QString &user, const QString &code, const QString &pin)
{
    const auto normalised = cx::normaliseEnrolCode(str(code));
    if (!normalised) {
        //: Sign-in error: the typed enrolment code is not 16 letters and digits.
        m_error = tr("An enrolment code has 16 letters and digits, like K7Q2-MP9X-3ZTD-8HWA. Check what you typed.");
        emit changed();
        return;
    }
    startEnroll(server.trimmed(), user.trimmed(), QString::fromStdString(*normalised), {}, true,
                QString::fromStdString(cx::groupEnrolCode(*normalised)), pin);
}

void Session::signInFromArgs(const QString &server, const QString &user, const QString &password, const QString &caFile)
{
    const QString key = AppContext::accountKey(server, user);
    cx::Vault v(replicaPath(key).toStdString(), m_ctx->keystore());
    if (v.exists()) {
        try {
            m_pendingKey = key;
            if (openUnlocked(v.unlockWithPassword(str(password))) && m_ctx->engine()->enrolled()) {
                m_ctx->settings().setValue(QStringLiteral("last/account"), key);
                m_pendingKey.clear();
                loadAccountInfo();
                return setState(Ready);
            }
        } catch (const std::exception &e) {
            m_ctx->addError(QString::fromStdString(e.what()));
        }
        m_pendingKey.clear();
    }
    startEnroll(server, user, password, caFile, false);
}

void Session::startEnroll(const QString &server, const QString &user, const QString &password, const QString &caFile, bool askPin,
                          const QString &code, const QString &pin)
{
    if (m_busy)
        return;
    if (server.isEmpty() || user.isEmpty() || password.isEmpty()) {
        //: Sign-in error when a box is empty.
        m_error = tr("Please fill in the server address, user name and password.");
        emit changed();
        return;
    }
    const QString key = AppContext::accountKey(server, user);
    QString err;
    // The data key: this account's, unlocked by its password, or a new one
    // wrapped by the password (the PIN wrap follows once a PIN is chosen).
    cx::DataKey dataKey;
    const std::string path = replicaPath(key).toStdString();
    cx::Vault v(path, m_ctx->keystore());
    m_freshVault = false;
    try {
        if (v.exists()) {
            dataKey = v.unlockWithPassword(str(password));
        } else {
            m_freshVault = !cx::Vault::isPlainSqlite(path);
            dataKey = v.create({}, str(password));
        }
        cx::Vault::encryptExisting(path, dataKey);
    } catch (const cx::Error &e) {
        m_error = e.kind() == cx::ErrorKind::Auth
                      //: Sign-in error: the password does not open the data already on this device.
                      ? tr("This password does not open the data kept on this device for %1. Use the password this "
                           "device last signed in with.")
                            .arg(user)
                      : QString::fromStdString(e.what());
        emit changed();
        return;
    }
    if (!m_ctx->openAccount(key, dataKey, &err)) {
        m_error = err;
        emit changed();
        return;
    }
    m_busy = true;
    m_error.clear();
    m_askPin = askPin;
    m_pendingKey = key;
    m_server = server;
    m_user = user;
    emit changed();
    cx::Engine *engine = m_ctx->engine();
    cx::TransportOptions opts;
    opts.baseUrl = str(server);
    opts.caFile = str(caFile);
    opts.pin = str(pin);
    opts.connectTimeoutSec = 20;
    const std::string u = str(user), p = str(password), c = str(code), device = str(QSysInfo::machineHostName());
    m_watcher.setFuture(QtConcurrent::run([engine, opts, u, p, c, device]() -> QString {
        try {
            cx::checkServerUrl(opts.baseUrl);
            if (c.empty())
                engine->enroll(opts, u, p, device);
            else
                engine->enrollByCode(opts, u, c, device);
            return {};
        } catch (const cx::Error &e) {
            switch (e.kind()) {
            case cx::ErrorKind::Auth:
                if (!c.empty()) { // the server says which: wrong, used, expired or withdrawn
                    const QString why = QString::fromStdString(e.what());
                    if (why.contains(QLatin1String("used already")))
                        //: Sign-in error: the enrolment code has enrolled a phone already.
                        return tr(
                            "This enrolment code was used already (each code enrols one phone). Ask the bureau for a new one.");
                    if (why.contains(QLatin1String("expired")))
                        //: Sign-in error: the enrolment code is too old.
                        return tr("This enrolment code has expired. Ask the bureau for a new one.");
                    if (why.contains(QLatin1String("withdrawn")) || why.contains(QLatin1String("revoked")))
                        //: Sign-in error: the bureau withdrew the code or revoked the account.
                        return tr("The bureau withdrew this enrolment code or the account. Ask the bureau.");
                    //: Sign-in error: wrong user name or enrolment code.
                    return tr("The user name or enrolment code is wrong.");
                }
                //: Sign-in error: wrong user name or password.
                return tr("The user name or password is wrong.");
            case cx::ErrorKind::Invalid:
                //: Sign-in error: the server address is not acceptable. %1 is the technical reason.
                return tr("Check the server address (%1).").arg(QString::fromStdString(e.what()));
            default:
                return SyncController::plainError(e.kind());
            }
        } catch (const std::exception &e) {
            return QString::fromStdString(e.what());
        }
    }));
}

void Session::onEnrolled()
{
    m_busy = false;
    const QString err = m_watcher.result();
    if (!err.isEmpty()) {
        m_error = err;
        m_ctx->addError(err);
        m_ctx->closeAccount();
        if (m_freshVault) // nothing of this account was here before: leave nothing behind
            cx::Vault::erase(replicaPath(m_pendingKey).toStdString());
        m_pendingKey.clear();
        emit changed();
        return;
    }
    auto &set = m_ctx->settings();
    set.setValue(QStringLiteral("last/account"), m_pendingKey);
    set.setValue(QStringLiteral("last/server"), m_server);
    set.setValue(m_pendingKey + QStringLiteral("/user"), m_user);
    loadAccountInfo();
    m_ctx->sync()->syncNow();
    const bool choose = m_askPin && !hasPin();
    m_pendingKey.clear();
    setState(choose ? ChoosingPin : Ready);
}

bool Session::setPin(const QString &pin)
{
    cx::Engine *engine = m_ctx->engine();
    if (!engine)
        return false;
    try {
        cx::Vault(engine->replica().db().path(), m_ctx->keystore()).setPin(engine->key(), str(pin));
    } catch (const std::exception &e) {
        m_error = QString::fromStdString(e.what());
        emit changed();
        return false;
    }
    m_error.clear();
    setState(Ready);
    return true;
}

bool Session::unlock(const QString &pin)
{
    if (m_pendingKey.isEmpty())
        m_pendingKey = m_ctx->settings().value(QStringLiteral("last/account")).toString();
    cx::DataKey dataKey;
    const int before = pinAttemptsLeft();
    try {
        dataKey = cx::Vault(replicaPath(m_pendingKey).toStdString(), m_ctx->keystore()).unlockWithPin(str(pin));
    } catch (const cx::Error &e) {
        const int left = pinAttemptsLeft();
        m_error =
            left == before && left > 0
                //: PIN page: the system keyring holding the PIN's secret does not answer (locked or not running).
                ? tr("The system keyring that protects the PIN cannot be reached. Unlock the keyring and try again, or use "
                     "the account password.")
                : left == 0 && before > 1
                      //: PIN page: the system keyring lost the PIN's secret (a new system, or data copied from another computer).
                      ? tr("The PIN no longer opens the app on this computer: the system keyring no longer holds its secret (a "
                           "new system, or data copied from elsewhere). Type the account password, then choose a new PIN.")
                      : left > 0
                            //: PIN page: the PIN typed is wrong. %n is how many tries are left before only the password opens the
                            //: app.
                            ? tr("Wrong PIN. %n attempt(s) left; after that only the account password opens the app.", "", left)
                            //: PIN page: too many wrong PINs; the password is needed now.
                            : tr("Too many wrong PINs: the PIN no longer opens the app. Type the account password, then choose a "
                                 "new PIN.");
        Q_UNUSED(e);
        emit changed();
        return false;
    }
    if (!openUnlocked(dataKey))
        return false;
    m_pendingKey.clear();
    m_error.clear();
    loadAccountInfo();
    setState(Ready);
    return true;
}

bool Session::unlockWithPassword(const QString &password)
{
    if (m_pendingKey.isEmpty())
        m_pendingKey = m_ctx->settings().value(QStringLiteral("last/account")).toString();
    const std::string path = replicaPath(m_pendingKey).toStdString();
    cx::DataKey dataKey;
    try {
        cx::Vault v(path, m_ctx->keystore());
        // A replica from before encryption gets its key file now.
        dataKey = v.exists() ? v.unlockWithPassword(str(password)) : v.create({}, str(password));
    } catch (const cx::Error &) {
        //: PIN page: the password typed does not open the data.
        m_error = tr("This password does not open the data on this device.");
        emit changed();
        return false;
    }
    if (!openUnlocked(dataKey))
        return false;
    const bool choose = !hasPin();
    m_pendingKey.clear();
    m_error.clear();
    loadAccountInfo();
    setState(choose ? ChoosingPin : Ready);
    return true;
}

void Session::lock()
{
    if (!hasPin() || m_ctx->account().isEmpty() || m_ctx->account() == QLatin1String("demo"))
        return;
    // Locked means the key is gone from memory: the engine closes (after a running sync).
    m_pendingKey = m_ctx->account();
    m_ctx->closeAccount();
    setState(Locked);
}

void Session::signOut()
{
    m_pendingKey.clear();
    m_ctx->settings().remove(QStringLiteral("last/account"));
    m_ctx->closeAccount();
    m_role.clear();
    m_schools.clear();
    m_error.clear();
    setState(SignedOut);
}

} // namespace cx::app
