#include "account/Session.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "sync/SyncController.h"

#include <QJSEngine>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace cx::app {

static Session *s_session = nullptr;

Session::Session(AppContext *ctx, QObject *parent) : QObject(parent), m_ctx(ctx)
{
    s_session = this;
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &Session::onEnrolled);
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

bool Session::hasPin() const
{
    return !m_ctx->account().isEmpty() &&
           !m_ctx->settings().value(m_ctx->account() + QStringLiteral("/pin")).toString().isEmpty();
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
    const QString key = m_ctx->settings().value(QStringLiteral("last/account")).toString();
    if (key.isEmpty() || !m_ctx->openAccount(key))
        return setState(SignedOut);
    if (!m_ctx->engine()->enrolled()) {
        m_ctx->closeAccount();
        return setState(SignedOut);
    }
    loadAccountInfo();
    setState(hasPin() ? Locked : Ready);
}

void Session::openDemo(const QString &role)
{
    m_ctx->openAccount(QStringLiteral("demo"));
    m_ctx->settings().setValue(QStringLiteral("demo/user"), QStringLiteral("wang.head"));
    m_ctx->settings().setValue(QStringLiteral("demo/role"), role);
    loadAccountInfo();
    setState(Ready);
}

void Session::signIn(const QString &server, const QString &user, const QString &password)
{
    startEnroll(server.trimmed(), user.trimmed(), password, {}, true);
}

void Session::signInFromArgs(const QString &server, const QString &user, const QString &password, const QString &caFile)
{
    const QString key = AppContext::accountKey(server, user);
    if (m_ctx->openAccount(key) && m_ctx->engine()->enrolled()) {
        m_ctx->settings().setValue(QStringLiteral("last/account"), key);
        loadAccountInfo();
        return setState(Ready);
    }
    startEnroll(server, user, password, caFile, false);
}

void Session::startEnroll(const QString &server, const QString &user, const QString &password, const QString &caFile,
                          bool askPin)
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
    if (!m_ctx->openAccount(key, &err)) {
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
    opts.connectTimeoutSec = 20;
    const std::string u = str(user), p = str(password), device = str(QSysInfo::machineHostName());
    m_watcher.setFuture(QtConcurrent::run([engine, opts, u, p, device]() -> QString {
        try {
            cx::checkServerUrl(opts.baseUrl);
            engine->enroll(opts, u, p, device);
            return {};
        } catch (const cx::Error &e) {
            switch (e.kind()) {
            case cx::ErrorKind::Auth:
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
        emit changed();
        return;
    }
    auto &set = m_ctx->settings();
    set.setValue(QStringLiteral("last/account"), m_pendingKey);
    set.setValue(QStringLiteral("last/server"), m_server);
    set.setValue(m_pendingKey + QStringLiteral("/user"), m_user);
    loadAccountInfo();
    m_ctx->sync()->syncNow();
    setState(m_askPin && !hasPin() ? ChoosingPin : Ready);
}

QString Session::hashPin(const QString &pin, const QByteArray &salt)
{
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, 100000, 32);
    return QString::fromLatin1(salt.toHex()) + QLatin1Char(':') + QString::fromLatin1(key.toHex());
}

bool Session::verifyPin(const QString &pin, const QString &stored)
{
    const QByteArray salt = QByteArray::fromHex(stored.section(QLatin1Char(':'), 0, 0).toLatin1());
    const QByteArray a = hashPin(pin, salt).toLatin1(), b = stored.toLatin1();
    if (a.size() != b.size() || salt.isEmpty())
        return false;
    unsigned char diff = 0;
    for (int i = 0; i < a.size(); ++i)
        diff |= uchar(a[i] ^ b[i]);
    return diff == 0;
}

bool Session::setPin(const QString &pin)
{
    if (pin.size() < 4 || m_ctx->account().isEmpty())
        return false;
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), 4);
    m_ctx->settings().setValue(m_ctx->account() + QStringLiteral("/pin"), hashPin(pin, salt));
    m_ctx->settings().sync();
    setState(Ready);
    return true;
}

void Session::skipPin() { setState(Ready); }

bool Session::unlock(const QString &pin)
{
    if (!verifyPin(pin, m_ctx->settings().value(m_ctx->account() + QStringLiteral("/pin")).toString())) {
        //: PIN page: the PIN typed is wrong.
        m_error = tr("Wrong PIN. Try again.");
        emit changed();
        return false;
    }
    m_error.clear();
    setState(Ready);
    return true;
}

void Session::lock()
{
    if (hasPin())
        setState(Locked);
}

void Session::signOut()
{
    m_ctx->settings().remove(QStringLiteral("last/account"));
    m_ctx->closeAccount();
    m_role.clear();
    m_schools.clear();
    m_error.clear();
    setState(SignedOut);
}

} // namespace cx::app
