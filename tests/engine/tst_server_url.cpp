// Which server addresses a device accepts (issue 13): HTTPS anywhere; plain
// HTTP only to a literal loopback address, parsed the way libcurl connects.
#include "engine/CurlTransport.h"
#include "protocol/Errors.h"

#include <QtTest>

class TestServerUrl : public QObject {
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
        QTest::newRow("user info") << "http://127.0.0.1@evil.example/" << "refusing plain http to evil.example";
        QTest::newRow("user info port") << "http://127.0.0.1:80@evil.example:8080/" << "refusing plain http to evil.example";
        QTest::newRow("name") << "http://localhost:8080" << "refusing plain http to localhost";
        QTest::newRow("lookalike") << "http://127.0.0.1.evil.example/" << "refusing plain http to 127.0.0.1.evil.example";
        QTest::newRow("lan") << "http://10.0.0.5" << "refusing plain http to 10.0.0.5";
        QTest::newRow("not a url") << "cunxiao.example" << "not a server address";
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
};

QTEST_GUILESS_MAIN(TestServerUrl)
#include "tst_server_url.moc"
