#include "account/SecretServiceKeystore.h"

#include "protocol/Crypto.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <openssl/crypto.h>

namespace cx::app {

namespace {

// A keyring that does not answer within this is treated as unreachable.
constexpr int kTimeoutMs = 20000;

struct Outcome {
    QKeychain::Error error = QKeychain::OtherError;
    QByteArray data;
};

// Runs a qtkeychain job to its end (its jobs answer through the event loop).
Outcome run(QKeychain::Job *job)
{
    Outcome out;
    bool done = false;
    QEventLoop loop;
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *j) {
        done = true;
        out.error = j->error();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            out.data = read->binaryData();
        loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!done)
        loop.exec();
    if (!done) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        out.error = QKeychain::OtherError;
    }
    return out;
}

} // namespace

SecretServiceKeystore::SecretServiceKeystore(QString service) : m_service(std::move(service)) {}

std::optional<Keystore::Binding> SecretServiceKeystore::bind()
{
    Binding b;
    b.handle = "pin-" + randomToken(16);
    b.secret.assign(32, '\0');
    randomBytes(reinterpret_cast<unsigned char *>(b.secret.data()), b.secret.size());
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(QString::fromStdString(b.handle));
    job->setBinaryData(QByteArray(b.secret.data(), qsizetype(b.secret.size())));
    if (run(job).error != QKeychain::NoError) {
        OPENSSL_cleanse(b.secret.data(), b.secret.size());
        return std::nullopt;
    }
    // Read back: a keyring that accepts but does not keep must not bind.
    std::string check;
    if (secret(b.handle, check) != Lookup::Found || check != b.secret) {
        OPENSSL_cleanse(b.secret.data(), b.secret.size());
        forget(b.handle);
        return std::nullopt;
    }
    OPENSSL_cleanse(check.data(), check.size());
    return b;
}

Keystore::Lookup SecretServiceKeystore::secret(const std::string &handle, std::string &secret)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(QString::fromStdString(handle));
    Outcome o = run(job);
    if (o.error == QKeychain::EntryNotFound)
        return Lookup::Missing;
    if (o.error != QKeychain::NoError || o.data.isEmpty())
        return Lookup::Unavailable;
    secret.assign(o.data.constData(), size_t(o.data.size()));
    OPENSSL_cleanse(o.data.data(), size_t(o.data.size()));
    return Lookup::Found;
}

void SecretServiceKeystore::forget(const std::string &handle)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(QString::fromStdString(handle));
    run(job);
}

} // namespace cx::app
