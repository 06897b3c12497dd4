#include "Fixture.h"

#include "../postgres/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

QString runTool(const QString &program, const QStringList &args, const QByteArray &stdinData, int *exitCode)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        qFatal("cannot start %s", qPrintable(program));
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    if (exitCode)
        *exitCode = p.exitCode();
    else if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("%s %s failed: %s", qPrintable(program), qPrintable(args.join(' ')), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

BureauFixture::BureauFixture(bool tls) : m_db(std::make_unique<cxt::TestDatabase>()), m_tls(tls)
{
    if (!m_dir.isValid())
        qFatal("no temporary directory");
    if (m_tls)
        makeCertificates();
    runTool(CX_SERVER_EXE, {"init", location()});
}

BureauFixture::~BureauFixture() { stop(); }

bool BureauFixture::postgres() const { return !m_db->uri().empty(); }
QString BureauFixture::location() const { return postgres() ? QString::fromStdString(m_db->uri()) : dataDir(); }

void BureauFixture::makeCertificates()
{
    const QString d = m_dir.path();
    auto openssl = [&](const QStringList &args) { runTool("openssl", args); };
    openssl({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key", "-out", d + "/ca.pem", "-days", "30",
             "-subj", "/CN=Cunxiao Test CA"});
    openssl({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/other-ca.key", "-out", d + "/other-ca.pem",
             "-days", "30", "-subj", "/CN=Somebody Else CA"});
    openssl({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/server.key", "-out", d + "/server.csr", "-subj",
             "/CN=localhost"});
    QFile ext(d + "/ext.cnf");
    ext.open(QIODevice::WriteOnly);
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    ext.close();
    openssl({"x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.pem", "-CAkey", d + "/ca.key", "-CAcreateserial", "-out",
             d + "/server.pem", "-days", "30", "-extfile", d + "/ext.cnf"});
    // The pin: SHA-256 of the DER public key, base64.
    QProcess a, b, c;
    a.setStandardOutputProcess(&b);
    b.setStandardOutputProcess(&c);
    a.start("openssl", {"x509", "-in", d + "/server.pem", "-pubkey", "-noout"});
    b.start("openssl", {"pkey", "-pubin", "-outform", "der"});
    c.start("openssl", {"dgst", "-sha256", "-binary"});
    a.waitForFinished();
    b.waitForFinished();
    c.waitForFinished();
    m_pin = "sha256//" + QString::fromLatin1(c.readAllStandardOutput().toBase64());
}

QString BureauFixture::admin(const QStringList &args, const QByteArray &stdinData)
{
    QStringList full = {"admin", location()};
    full += args;
    return runTool(CX_SERVER_EXE, full, stdinData);
}

void BureauFixture::addSchool(const QString &code, const QString &name)
{
    admin({"add-school", "--id", code, "--name", name, "--county", "测试县"});
}

void BureauFixture::addUser(const QString &user, const QString &role, const QString &schools, const QString &password)
{
    QStringList args = {"add-user", "--user", user, "--role", role, "--password-stdin"};
    if (!schools.isEmpty())
        args << "--schools" << schools;
    admin(args, password.toUtf8() + "\n");
}

void BureauFixture::start()
{
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args = {"serve", location(), "--listen", m_port ? QString("127.0.0.1:%1").arg(m_port) : "127.0.0.1:0"};
    if (m_tls)
        args << "--tls-cert" << m_dir.filePath("server.pem") << "--tls-key" << m_dir.filePath("server.key");
    args << serveArgs;
    m_server->start(CX_SERVER_EXE, args);
    if (!m_server->waitForStarted(10000))
        qFatal("cannot start cunxiao-server");
    QByteArray out;
    QRegularExpression re("listening on (\\S+)");
    for (int i = 0; i < 200; ++i) {
        m_server->waitForReadyRead(100);
        out += m_server->readAllStandardOutput();
        auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            QString listen = m.captured(1);
            m_port = quint16(listen.section(':', -1).toUInt());
            m_url = QString(m_tls ? "https://localhost:%1" : "http://127.0.0.1:%1").arg(m_port);
            return;
        }
        if (m_server->state() == QProcess::NotRunning)
            break;
    }
    qFatal("cunxiao-server did not start: %s %s", out.constData(), m_server->readAllStandardError().constData());
}

void BureauFixture::stop()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (!m_server->waitForFinished(10000)) {
            m_server->kill();
            m_server->waitForFinished(5000);
        }
    }
}

void BureauFixture::kill()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->kill();
        m_server->waitForFinished(5000);
    }
}

bool BureauFixture::running() const { return m_server && m_server->state() == QProcess::Running; }

CliResult BureauFixture::cliEnv(const QString &db, const QStringList &args, const QMap<QString, QString> &env,
                                const QByteArray &stdinData)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.begin(); it != env.end(); ++it) {
        if (it.value().isEmpty())
            e.remove(it.key());
        else
            e.insert(it.key(), it.value());
    }
    return run(db, args, stdinData, 120000, e);
}

CliResult BureauFixture::cli(const QString &db, const QStringList &args, const QByteArray &stdinData, int timeoutMs)
{
    return run(db, args, stdinData, timeoutMs, QProcessEnvironment::systemEnvironment());
}

CliResult BureauFixture::run(const QString &db, const QStringList &args, const QByteArray &stdinData, int timeoutMs,
                             const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QStringList full = {"--db", m_dir.filePath(db)};
    full += args;
    p.start(CX_CLI_EXE, full);
    p.waitForStarted(10000);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    CliResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void BureauFixture::enroll(const QString &db, const QString &user, const QString &password, const QString &url)
{
    QStringList args = {"enroll", url.isEmpty() ? m_url : url, "--user", user, "--password-stdin"};
    if (m_tls)
        args << "--ca" << caFile();
    CliResult r = cli(db, args, password.toUtf8() + "\n");
    if (r.exitCode != 0)
        qFatal("enroll %s failed (%d): %s", qPrintable(user), r.exitCode, qPrintable(r.err));
}

QJsonObject BureauFixture::serverRecords(const QString &collection)
{
    QString out = runTool(CX_SERVER_EXE, {"export", location(), collection, "--format", "jsonl"});
    QJsonObject all;
    for (const QString &line : out.split('\n', Qt::SkipEmptyParts)) {
        QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        all[o["id"].toString()] = o;
    }
    return all;
}
