#include "core/AppContext.h"

#include "core/JsonVariant.h"
#ifdef CX_HAVE_SECRET_SERVICE
#include "account/SecretServiceKeystore.h"
#endif
#include "sync/LinkMonitor.h"
#include "sync/SyncController.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace cx::app {

static AppContext *s_instance = nullptr;

AppContext::AppContext(const QString &dataDir, QObject *parent) : QObject(parent), m_dataDir(dataDir)
{
    QDir().mkpath(m_dataDir);
    m_settings = std::make_unique<QSettings>(QDir(m_dataDir).filePath(QStringLiteral("cunxiao.ini")), QSettings::IniFormat);
    m_sync = new SyncController(this);
#ifdef CX_HAVE_SECRET_SERVICE
    m_keystore = std::make_unique<SecretServiceKeystore>();
#endif
    connect(this, &AppContext::localChange, m_sync, &SyncController::localChanged);
    connect(m_sync, &SyncController::dataPulled, this, [this] { emit dataChanged({}); });
    // The link: sync at once when it comes back; photos wait while it is metered
    // (if the person asked so in Settings, stored here as sync/photosOnlyUnmetered).
    m_sync->setPhotosOnlyUnmetered(m_settings->value(QStringLiteral("sync/photosOnlyUnmetered"), true).toBool());
    m_link = new LinkMonitor(this);
    connect(m_link, &LinkMonitor::reconnected, m_sync, &SyncController::linkReturned);
    connect(m_link, &LinkMonitor::meteredChanged, m_sync, &SyncController::setLinkMetered);
    m_link->start();
    m_sync->setLinkMetered(m_link->metered());
    s_instance = this;
}

AppContext::~AppContext()
{
    closeAccount();
    if (s_instance == this)
        s_instance = nullptr;
}

AppContext *AppContext::instance() { return s_instance; }

AppContext *AppContext::ensure()
{
    if (!s_instance) {
        // QML tests create singletons without main(): give them a throwaway data folder.
        static QTemporaryDir tmp;
        auto *ctx = new AppContext(tmp.path(), QCoreApplication::instance());
        ctx->setFallbackSchool(QStringLiteral("S001"));
        ctx->sync()->setAutomatic(false);
    }
    return s_instance;
}

QString AppContext::accountKey(const QString &server, const QString &user)
{
    QString host = QUrl(server).host();
    if (host.isEmpty())
        host = QStringLiteral("local");
    QString key = user + QLatin1Char('@') + host;
    key.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9@._-]")), QStringLiteral("_"));
    // Two servers on one host (ports) must not share a replica.
    QByteArray h = QCryptographicHash::hash(server.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    return key + QLatin1Char('-') + QString::fromLatin1(h);
}

QString AppContext::accountDir(const QString &key) const { return QDir(m_dataDir).filePath(QStringLiteral("accounts/") + key); }

QString AppContext::replicaPath(const QString &key) const
{
    return QDir(accountDir(key)).filePath(QStringLiteral("replica.sqlite"));
}

bool AppContext::openAccount(const QString &key, const cx::DataKey &dataKey, QString *error)
{
    if (key == m_account && m_engine)
        return true;
    closeAccount();
    QDir().mkpath(accountDir(key));
    // Older versions wrote the camera's full-size picture to capture/ in the
    // clear; one left by a kill goes now (the camera keeps pictures in memory).
    QDir(QDir(accountDir(key)).filePath(QStringLiteral("capture"))).removeRecursively();
    try {
        m_engine = std::make_unique<cx::Engine>(replicaPath(key).toStdString(), dataKey);
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        addError(QString::fromStdString(e.what()));
        return false;
    }
    m_account = key;
    m_sync->setEngine(m_engine.get());
    emit accountChanged();
    emit dataChanged({});
    return true;
}

void AppContext::closeAccount()
{
    if (!m_engine)
        return;
    emit aboutToCloseAccount();
    m_sync->setEngine(nullptr); // waits for a running cycle
    m_engine.reset();
    m_account.clear();
    emit accountChanged();
    emit dataChanged({});
}

QString AppContext::defaultSchool() const
{
    if (m_engine) {
        auto st = m_engine->status();
        for (const auto &s : st.schools)
            if (s != "*")
                return qstr(s);
    }
    return m_fallbackSchool;
}

bool AppContext::write(const QString &collection, QString *error, const std::function<void()> &change)
{
    if (!m_engine) {
        if (error)
            *error = tr("No account is open.");
        return false;
    }
    try {
        change();
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        addError(QString::fromStdString(e.what()));
        return false;
    }
    emit dataChanged(collection);
    emit localChange();
    return true;
}

QString AppContext::put(const QString &collection, const QString &id, const QVariantMap &fields, QString *error,
                        const QString &school)
{
    QString out;
    write(collection, error, [&] {
        QString sch = school;
        if (sch.isEmpty() && (id.isEmpty() || !m_engine->get(str(collection), str(id))))
            sch = defaultSchool();
        out = qstr(m_engine->put(str(collection), str(id), str(sch), toJson(fields)));
    });
    return out;
}

bool AppContext::remove(const QString &collection, const QString &id, QString *error)
{
    return write(collection, error, [&] { m_engine->remove(str(collection), str(id)); });
}

bool AppContext::resolve(const QString &collection, const QString &id, const QString &field, const QVariant &value,
                         QString *error)
{
    return write(collection, error, [&] { m_engine->resolve(str(collection), str(id), str(field), toJson(value)); });
}

void AppContext::addError(const QString &message)
{
    m_errors.prepend(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm  ")) + message);
    while (m_errors.size() > 20)
        m_errors.removeLast();
    emit errorsChanged();
}

} // namespace cx::app
