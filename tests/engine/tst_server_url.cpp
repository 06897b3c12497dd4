// Which server addresses a device accepts (issue 13): HTTPS anywhere; plain
// HTTP only to a literal loopback address, parsed the way libcurl connects.
#include "engine/CurlTransport.h"
#include "protocol/Errors.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

class TestServerUrl : public QObject
{
    Q_OBJECT
private slots:
    void accepted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("https name") << "https://cunxiao.example.gov.cn:8443";
        QTest::newRow("https ip") << "https://10.0.0.5";
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080";
        QTest::newRow("http 127.1.2.3") << "http://127.1.2.3:8080/";
        QTest::newRow("http ::1") << "http://[::1]:8080";
    }
    void accepted()
    {
        QFETCH(QString, url);
        cx::checkServerUrl(url.toStdString()); // throws if refused
    }

    void refused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("needle");
        // The host is what follows the "@": curl would connect to evil.example.
        QTest::newRow("user info") << "http://127.0.0.1@evil.example/"
                                   << "refusing plain http to evil.example";
        QTest::newRow("user info port") << "http://127.0.0.1:80@evil.example:8080/"
                                        << "refusing plain http to evil.example";
        QTest::newRow("name") << "http://localhost:8080"
                              << "refusing plain http to localhost";
        QTest::newRow("lookalike") << "http://127.0.0.1.evil.example/"
                                   << "refusing plain http to 127.0.0.1.evil.example";
        QTest::newRow("lan") << "http://10.0.0.5"
                             << "refusing plain http to 10.0.0.5";
        QTest::newRow("not a url") << "cunxiao.example"
                                   << "not a server address";
    }
    void refused()
    {
        QFETCH(QString, url);
        QFETCH(QString, needle);
        try {
            cx::checkServerUrl(url.toStdString());
            QFAIL("accepted");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), cx::ErrorKind::Invalid);
            QVERIFY2(QString(e.what()).contains(needle), e.what());
        }
    }

    // TLS 1.2 at least on the device (CURLOPT_SSLVERSION): a server that
    // speaks only TLS 1.1 is refused before any byte of the request is sent;
    // the same server speaking TLS 1.2 is reached (the control).
    void tlsBelowTwelveRefused()
    {
        QTemporaryDir dir;
        const QString cert = dir.path() + "/cert.pem", key = dir.path() + "/key.pem";
        QProcess req;
        req.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                              "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
        if (!req.waitForFinished(60000) || req.exitCode() != 0)
            QSKIP("openssl command not available");
        // This machine's OpenSSL would refuse TLS 1.1 by itself (Debian's
        // security level 2): let it allow TLS 1.0 up, as an old or differently
        // configured system would, so only the transport's own minimum stands.
        const QString conf = dir.path() + "/openssl.cnf";
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("openssl_conf = default_conf\n[default_conf]\nssl_conf = ssl_sect\n[ssl_sect]\n"
                    "system_default = system_default_sect\n[system_default_sect]\nMinProtocol = TLSv1\n"
                    "CipherString = DEFAULT@SECLEVEL=0\n");
        }
        qputenv("OPENSSL_CONF", conf.toLocal8Bit()); // read when libcurl first initialises OpenSSL, below
        auto reach = [&](const char *version) -> QString {
            for (int attempt = 0; attempt < 5; ++attempt) {
                const int port = 20000 + int(QRandomGenerator::global()->bounded(30000));
                QProcess server;
                server.setProcessChannelMode(QProcess::MergedChannels);
                server.start("openssl", {"s_server", "-accept", QString::number(port), "-cert", cert, "-key", key, version,
                                         "-cipher", "DEFAULT@SECLEVEL=0", "-www"});
                if (!server.waitForStarted(10000))
                    return "openssl s_server did not start";
                QString out;
                for (int i = 0; i < 100 && !out.contains("ACCEPT") && server.state() == QProcess::Running; ++i) {
                    server.waitForReadyRead(100);
                    out += QString::fromUtf8(server.readAllStandardOutput());
                }
                if (!out.contains("ACCEPT")) { // the port was taken: another one
                    server.kill();
                    server.waitForFinished();
                    continue;
                }
                cx::TransportOptions o;
                o.baseUrl = QString("https://127.0.0.1:%1").arg(port).toStdString();
                o.caFile = cert.toStdString();
                o.connectTimeoutSec = 10;
                o.lowSpeedSeconds = 10;
                cx::CurlTransport t(o);
                cx::HttpRequest r;
                r.method = "GET";
                r.path = "/";
                r.contentEncoding = "";
                QString result;
                try {
                    result = QString("status %1").arg(t.send(r).status);
                } catch (const cx::Error &e) {
                    result = QString("error %1: %2").arg(cx::errorKindName(e.kind()), e.what());
                }
                server.kill();
                server.waitForFinished();
                return result;
            }
            return "no port";
        };
        const QString old = reach("-tls1_1");
        QVERIFY2(old.startsWith("error tls") || old.startsWith("error network"), qPrintable(old));
        const QString ok = reach("-tls1_2");
        QVERIFY2(ok == "status 200", qPrintable(ok));
    }
};

QTEST_GUILESS_MAIN(TestServerUrl)
#include "tst_server_url.moc"
