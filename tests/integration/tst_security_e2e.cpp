// Who may talk to the bureau: wrong passwords, unknown or other CAs, a wrong
// pin, plain http off loopback, a revoked device, a client of another protocol
// version. Each is refused with a clear one-line error and its own exit code.
#include "Fixture.h"

#include "engine/CurlTransport.h"
#include "protocol/Compression.h"
#include "protocol/Messages.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QJsonArray>
#include <QtTest>

#include <map>

class TestSecurityE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> b;

    CliResult enroll(const QString &db, const QString &user, const QString &password, const QStringList &extra,
                     const QString &url = {})
    {
        QStringList args = {"enroll", url.isEmpty() ? b->url() : url, "--user", user, "--password-stdin"};
        args += extra;
        return b->cli(db, args, password.toUtf8() + "\n");
    }

private slots:
    void initTestCase()
    {
        b = std::make_unique<BureauFixture>(true);
        b->addSchool("S1", "红旗村完小");
        b->addUser("head1", "head", "S1", "correct horse");
        b->addUser("teacher9", "teacher", "S1", "battery staple");
        b->start();
    }

    void wrongPasswordIsRefused()
    {
        CliResult r = enroll("wrong.db", "head1", "not it", {"--ca", b->caFile()});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.startsWith("cunxiao-cli:") && r.err.trimmed().count('\n') == 0, qPrintable(r.err));
        CliResult u = enroll("nobody.db", "nobody", "not it", {"--ca", b->caFile()});
        QCOMPARE(u.exitCode, 5);
    }

    void unknownCaIsRefused()
    {
        CliResult r = enroll("noca.db", "head1", "correct horse", {});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.startsWith("cunxiao-cli: cannot reach " + b->url()), qPrintable(r.err));
    }

    void otherCaIsRefused()
    {
        CliResult r = enroll("otherca.db", "head1", "correct horse", {"--ca", b->otherCaFile()});
        QCOMPARE(r.exitCode, 4);
    }

    void wrongPinIsRefused()
    {
        CliResult r = enroll("badpin.db", "head1", "correct horse",
                             {"--ca", b->caFile(), "--pin", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("cannot reach " + b->url() + ": the server's public key does not match the pinned key"),
                 qPrintable(r.err));
    }

    void rightPinIsAccepted()
    {
        CliResult r = enroll("pinned.db", "head1", "correct horse", {"--ca", b->caFile(), "--pin", b->serverPin()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(b->cli("pinned.db", {"sync"}).exitCode, 0);
    }

    void plainHttpOnlyOnLoopback()
    {
        CliResult r = enroll("plain.db", "head1", "correct horse", {}, "http://example.org:8080");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("refusing plain http to example.org: use https://"), qPrintable(r.err));
    }

    void revokedDeviceIsRefusedOnItsNextRequest()
    {
        QCOMPARE(enroll("revoked.db", "teacher9", "battery staple", {"--ca", b->caFile()}).exitCode, 0);
        QCOMPARE(b->cli("revoked.db", {"put", "pupils", "-", "name=测试"}).exitCode, 0);
        QCOMPARE(b->cli("revoked.db", {"sync"}).exitCode, 0);
        QCOMPARE(b->cli("revoked.db", {"put", "pupils", "-", "name=未发送"}).exitCode, 0);
        b->admin({"revoke", "--user", "teacher9"});
        CliResult r = b->cli("revoked.db", {"sync"});
        QCOMPARE(r.exitCode, 5);
        // Revoking the account orders its devices wiped (issue 13.4): the device
        // erased everything, the unsent edit with it, by the bureau's order.
        QVERIFY2(r.err.contains("this device was revoked by the bureau; its local data has been erased"), qPrintable(r.err));
        for (const char *suffix : {"", "-wal", ".keys", ".attachments"})
            QVERIFY2(!QFileInfo::exists(b->path(QString("revoked.db") + suffix)), suffix);
        QCOMPARE(b->cli("revoked.db", {"status"}).exitCode, 5);
    }

    // Issue 13.4, the server's part through the real commands: one lost phone
    // is revoked (and ordered to wipe) while the account's laptop keeps
    // syncing; the bureau's device list and audit show it all.
    void revokeOneDeviceOnly()
    {
        b->addUser("teacher8", "teacher", "S1", "horse battery");
        QCOMPARE(enroll("lost.db", "teacher8", "horse battery", {"--ca", b->caFile(), "--device-name", "lost phone"}).exitCode,
                 0);
        QCOMPARE(enroll("kept.db", "teacher8", "horse battery", {"--ca", b->caFile(), "--device-name", "laptop"}).exitCode, 0);
        auto devices = [&] {
            std::map<QString, QJsonObject> byName;
            for (const auto &d : QJsonDocument::fromJson(b->admin({"devices", "--user", "teacher8", "--json"}).toUtf8()).array())
                byName[d.toObject()["name"].toString()] = d.toObject();
            return byName;
        };
        auto before = devices();
        QCOMPARE(int(before.size()), 2);
        const QString lost = before["lost phone"]["device"].toString();
        QVERIFY(!lost.isEmpty());
        QCOMPARE(before["lost phone"]["last_source"].toString(), QString("127.0.0.1"));
        QVERIFY(before["lost phone"]["token_expires"].toDouble() > 0);
        QCOMPARE(before["lost phone"]["revoked"].toBool(), false);
        // The device says what it runs (X-Cunxiao-App) on every request.
        QVERIFY2(before["lost phone"]["app"].toString().startsWith("cunxiao/"),
                 qPrintable(before["lost phone"]["app"].toString()));

        QVERIFY(b->admin({"revoke-device", "--device", lost}).contains("told to wipe"));
        QCOMPARE(b->cli("lost.db", {"sync"}).exitCode, 5);
        QCOMPARE(b->cli("kept.db", {"sync"}).exitCode, 0);
        auto after = devices();
        QCOMPARE(after["lost phone"]["revoked"].toBool(), true);
        QVERIFY(after["lost phone"]["wipe_delivered"].toDouble() > 0); // it was told
        QCOMPARE(after["laptop"]["revoked"].toBool(), false);

        const QString audit = b->admin({"audit", "--user", "teacher8"});
        QVERIFY2(audit.contains("created account teacher8: role teacher, schools S1"), qPrintable(audit));
        QVERIFY2(audit.contains("teacher8 signed in from 127.0.0.1"), qPrintable(audit));
        QVERIFY2(audit.contains("revoked device " + lost + " of teacher8 (lost phone), ordered to wipe"), qPrintable(audit));
        QVERIFY2(audit.contains("the wipe order reached device " + lost + " of teacher8 from 127.0.0.1"), qPrintable(audit));
    }

    void otherProtocolVersionNamesBoth()
    {
        cx::TransportOptions o;
        o.baseUrl = b->url().toStdString();
        o.caFile = b->caFile().toStdString();
        cx::CurlTransport t(o);
        cx::Json req = cx::EnrollRequest{}.toJson();
        req["protocol"] = 99;
        cx::HttpReply reply = t.post("/v1/enroll", cx::compress(req.dump()), "");
        QCOMPARE(reply.status, 426L);
        std::string body = reply.contentEncoding == "zstd" ? cx::decompress(reply.body) : reply.body;
        QString message = QString::fromStdString(cx::Json::parse(body).value("message", ""));
        // Both versions, each where it belongs (not a "1" anywhere, such as in "99" or a port).
        QVERIFY2(message.contains(QRegularExpression("\\bprotocol version 99 is not supported\\b")), qPrintable(message));
        QVERIFY2(message.contains(QRegularExpression("\\bspeaks 1\\b")), qPrintable(message));
    }

    void garbageBodyIsAClearError()
    {
        cx::TransportOptions o;
        o.baseUrl = b->url().toStdString();
        o.caFile = b->caFile().toStdString();
        cx::CurlTransport t(o);
        cx::HttpReply reply = t.post("/v1/enroll", "definitely not zstd", "");
        QCOMPARE(reply.status, 400L);
    }
};

QTEST_GUILESS_MAIN(TestSecurityE2E)
#include "tst_security_e2e.moc"
