#pragma once
// A real bureau for a test: a temporary data directory, a local CA and a server
// certificate made with the openssl tool, schools and accounts made with the
// server's own admin commands, and the real `cunxiao-server serve` process on a
// free loopback port. Replicas are real `cunxiao-cli` processes on their own
// SQLite files. With CX_TEST_PG set the bureau keeps everything in a fresh
// PostgreSQL database instead of the data directory (tests/postgres/TestDatabase.h).
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace cxt {
class TestDatabase;
}

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

class BureauFixture
{
public:
    explicit BureauFixture(bool tls = true);
    ~BureauFixture();

    // Runs a server admin command (`cunxiao-server ARGS...`), failing the test on error.
    QString admin(const QStringList &args, const QByteArray &stdinData = {});
    void addSchool(const QString &code, const QString &name);
    void addUser(const QString &user, const QString &role, const QString &schools, const QString &password = "pw-123456");

    void start();
    QStringList serveArgs; // more `serve` options for start() (a benchmark's A/B)
    void stop();           // SIGTERM and wait
    void kill();           // SIGKILL
    bool running() const;

    QString url() const { return m_url; }
    quint16 port() const { return m_port; }
    QString caFile() const { return m_dir.filePath("ca.pem"); }
    QString otherCaFile() const { return m_dir.filePath("other-ca.pem"); }
    QString serverPin() const { return m_pin; } // sha256//BASE64 of the server key
    QString dataDir() const { return m_dir.filePath("data"); }
    // What the server's commands take: dataDir(), or the PostgreSQL URI.
    QString location() const;
    bool postgres() const;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // cunxiao-cli --db <dir>/<db> ARGS...
    CliResult cli(const QString &db, const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 120000);
    // The same with environment changes: a value sets a variable, an empty one
    // removes it (CUNXIAO_DEVICE_PIN, CUNXIAO_PASSWORD, CUNXIAO_NEW_PIN).
    CliResult cliEnv(const QString &db, const QStringList &args, const QMap<QString, QString> &env,
                     const QByteArray &stdinData = {});
    // Enrolls db as user against url (default: this server) with the CA.
    void enroll(const QString &db, const QString &user, const QString &password = "pw-123456", const QString &url = {});

    // Every live record of a collection on the server (export jsonl), keyed by id.
    QJsonObject serverRecords(const QString &collection);

private:
    CliResult run(const QString &db, const QStringList &args, const QByteArray &stdinData, int timeoutMs,
                  const QProcessEnvironment &env);
    void makeCertificates();
    QTemporaryDir m_dir;
    std::unique_ptr<cxt::TestDatabase> m_db;
    bool m_tls;
    std::unique_ptr<QProcess> m_server;
    QString m_url;
    quint16 m_port = 0;
    QString m_pin;
};

QString runTool(const QString &program, const QStringList &args, const QByteArray &stdinData = {}, int *exitCode = nullptr);
