// Accounts, password hashes, device tokens, revocation.
#include "TestUtil.h"

#include "protocol/Crypto.h"
#include "auth/SignInLimits.h"
#include "http/HttpServer.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"

#include <QtTest>

using namespace cxt;

namespace {
std::string authError(County &c, const std::string &user, const std::string &pw, const std::string &device)
{
    EnrollRequest req;
    req.user = user;
    req.password = pw;
    req.device = device;
    try {
        enroll(*c.store, req, kNow);
    } catch (const cx::Error &e) {
        if (e.kind() != ErrorKind::Auth)
            return std::string("wrong kind: ") + e.what();
        return e.what();
    }
    return "accepted";
}
} // namespace

class TestAuth : public QObject
{
    Q_OBJECT
private slots:
    // Issue 12: guesses are limited per account and per address, locked keys
    // are refused before hashing, and every attempt is audited with its source.
    void wrongPasswordsLockTheAccount()
    {
        County c;
        EnrollRequest req;
        req.user = "head.a";
        req.device = "0191aae1-a46a-71e2-82cc-2ce46014be3b";
        req.deviceName = "t";
        int64_t now = kNow;
        auto attempt = [&](const std::string &pw, const std::string &source) -> std::string {
            req.password = pw;
            try {
                enroll(*c.store, req, now, source);
                return "ok";
            } catch (const TooManyAttempts &e) {
                return "429:" + std::to_string(e.retryAfterSec());
            } catch (const cx::Error &e) {
                return e.kind() == ErrorKind::Auth ? "401" : std::string("other: ") + e.what();
            }
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt("wrong", "10.0.0.7"), std::string("401")); // the free failures
        QCOMPARE(attempt("wrong", "10.0.0.7"), std::string("401"));     // the 6th locks for 1 s
        // Locked: even the right password is refused without being checked.
        QCOMPARE(attempt("secret1", "10.0.0.8"), std::string("429:1"));
        now += 1001;
        QCOMPARE(attempt("wrong", "10.0.0.7"), std::string("401")); // the 7th locks for 2 s
        now += 1000;
        QCOMPARE(attempt("secret1", "10.0.0.7"), std::string("429:1"));
        now += 1001;
        QCOMPARE(attempt("secret1", "10.0.0.7"), std::string("ok"));
        // A good sign-in clears the account's count: one more mistake is free again.
        QCOMPARE(attempt("wrong", "10.0.0.7"), std::string("401"));
        QCOMPARE(attempt("secret1", "10.0.0.7"), std::string("ok"));

        // The audit has every attempt, with its source and outcome.
        auto events = c.store->signInEvents("head.a");
        QCOMPARE(int(events.size()), 12);
        QCOMPARE(events.front().source, std::string("10.0.0.7"));
        QCOMPARE(events.front().outcome, std::string("wrong-password"));
        QCOMPARE(events[6].outcome, std::string("locked"));
        QCOMPARE(events[6].source, std::string("10.0.0.8"));
        QCOMPARE(events.back().outcome, std::string("ok"));
        QCOMPARE(events.back().device, req.device);
    }

    void guessesFromOneAddressAreLimited()
    {
        County c;
        EnrollRequest req;
        req.device = "0191aae1-a46a-71e2-82cc-2ce46014be3c";
        req.password = "wrong";
        // 50 different accounts guessed from one address: the address locks.
        for (int i = 0; i < 51; ++i) {
            req.user = "guess" + std::to_string(i);
            QVERIFY_THROWS_EXCEPTION(cx::Error, enroll(*c.store, req, kNow, "203.0.113.9"));
        }
        req.user = "head.a";
        req.password = "secret1";
        QVERIFY_THROWS_EXCEPTION(TooManyAttempts, enroll(*c.store, req, kNow, "203.0.113.9"));
        // Another address is not affected.
        EnrollResponse r = enroll(*c.store, req, kNow, "203.0.113.10");
        QVERIFY(!r.token.empty());
    }

    // Over HTTP the lock is a 429 with Retry-After (the device waits, it does not fail).
    void lockedSignInIs429()
    {
        County c;
        EnrollRequest req;
        req.user = "head.a";
        req.password = "wrong";
        req.device = "0191aae1-a46a-71e2-82cc-2ce46014be3d";
        const std::string body = cx::compress(req.toJson().dump());
        for (int i = 0; i < 6; ++i)
            QCOMPARE(routeEnroll(*c.store, "zstd", body, kNow, "10.1.1.1").status, 401);
        HttpReply r = routeEnroll(*c.store, "zstd", body, kNow + 10, "10.1.1.1");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.retryAfterSec, 1);
        QVERIFY2(r.body.find("too many wrong passwords") != std::string::npos, r.body.c_str());
    }

    void revokedAccountStaysRevoked()
    {
        County c;
        revokeUser(*c.store, "head.a");
        try {
            addUser(*c.store, "head.a", "head", {"A"}, "another-pw");
            QFAIL("add-user un-revoked a revoked account");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            QVERIFY2(std::string(e.what()).find("stays revoked") != std::string::npos, e.what());
        }
        QVERIFY(c.store->account("head.a")->revoked);
    }

    void hashesVerify()
    {
        std::string h = cx::hashPassword("correct horse");
        QVERIFY(h.rfind("scrypt$", 0) == 0);
        QVERIFY(cx::verifyPassword("correct horse", h));
        QVERIFY(!cx::verifyPassword("correct horse!", h));
    }

    void accountStoresOnlyHash()
    {
        County c;
        auto a = c.store->account("head.a");
        QVERIFY(a);
        QVERIFY(a->pwHash.find("secret1") == std::string::npos);
        QVERIFY(cx::verifyPassword("secret1", a->pwHash));
        QCOMPARE(a->schools, std::vector<std::string>{"A"});
    }

    void addUserValidates_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QStringList>("schools");
        QTest::addColumn<QString>("needle");
        QTest::newRow("bad role") << "x"
                                  << "janitor" << QStringList{"A"} << "role";
        QTest::newRow("bad name") << "a b"
                                  << "head" << QStringList{"A"} << "user name";
        QTest::newRow("unknown school") << "x"
                                        << "head" << QStringList{"Z"} << "does not exist";
        QTest::newRow("head two schools") << "x"
                                          << "head" << QStringList{"A", "B"} << "exactly one";
        QTest::newRow("inspector none") << "x"
                                        << "inspector" << QStringList{} << "--schools";
    }
    void addUserValidates()
    {
        QFETCH(QString, user);
        QFETCH(QString, role);
        QFETCH(QStringList, schools);
        QFETCH(QString, needle);
        County c;
        std::vector<std::string> s;
        for (const auto &x : schools)
            s.push_back(x.toStdString());
        try {
            addUser(*c.store, user.toStdString(), role.toStdString(), s, "secret1");
            QFAIL("accepted");
        } catch (const cx::Error &e) {
            QVERIFY2(std::string(e.what()).find(needle.toStdString()) != std::string::npos, e.what());
        }
    }

    void enrollIssuesTokenAndNodes()
    {
        County c;
        DeviceSession s1 = c.device("head.a", "dev-1");
        DeviceSession s2 = c.device("teacher.b", "dev-2");
        QCOMPARE(s1.user, std::string("head.a"));
        QCOMPARE(s1.role, std::string("head"));
        QCOMPARE(s1.node, uint32_t(1));
        QCOMPARE(s2.node, uint32_t(2));
        auto d = c.store->device("dev-1");
        QVERIFY(d);
        QCOMPARE(d->tokenHash.size(), size_t(64)); // SHA-256 hex, not the token
    }

    void reenrollKeepsNodeAndCounter()
    {
        County c;
        DeviceSession s = c.device("head.a", "dev-1");
        c.sync(s, {put(1, "pupils", "p1", "A", {{"name", "x"}}, ver(kNow, s.node))});
        DeviceSession again = c.device("head.a", "dev-1");
        QCOMPARE(again.node, s.node);
        QCOMPARE(c.store->device("dev-1")->lastCounter, uint64_t(1));
    }

    void sameMessageForUnknownUserAndWrongPassword()
    {
        County c;
        std::string unknown = authError(c, "nobody", "secret1", "dev-1");
        std::string wrong = authError(c, "head.a", "wrong-pw", "dev-1");
        QCOMPARE(unknown, wrong);
        QCOMPARE(authError(c, "head.a", "secret1", "dev-1"), std::string("accepted"));
    }

    void tokenLookup()
    {
        County c;
        EnrollRequest req{kProtocolVersion, "inspector", "secret1", "dev-9", "pad"};
        EnrollResponse r = enroll(*c.store, req, kNow);
        QCOMPARE(r.role, std::string("inspector"));
        QCOMPARE(r.schools, (std::vector<std::string>{"A", "B"}));
        DeviceSession s = authenticate(*c.store, r.token, kNow);
        QCOMPARE(s.device, std::string("dev-9"));
        QCOMPARE(s.schools, (std::vector<std::string>{"A", "B"}));
        QVERIFY_THROWS_EXCEPTION(cx::Error, authenticate(*c.store, r.token + "x", kNow));
        QVERIFY_THROWS_EXCEPTION(cx::Error, authenticate(*c.store, "", kNow));
        // A new token replaces the old one.
        EnrollResponse r2 = enroll(*c.store, req, kNow);
        QVERIFY_THROWS_EXCEPTION(cx::Error, authenticate(*c.store, r.token, kNow));
        QCOMPARE(authenticate(*c.store, r2.token, kNow).device, std::string("dev-9"));
    }

    void revokeRefusesDevicesAndAccount()
    {
        County c;
        EnrollRequest req{kProtocolVersion, "head.a", "secret1", "dev-1", "phone"};
        EnrollResponse r = enroll(*c.store, req, kNow);
        QCOMPARE(revokeUser(*c.store, "head.a"), 1);
        try {
            authenticate(*c.store, r.token, kNow);
            QFAIL("revoked token accepted");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Auth);
        }
        QVERIFY(authError(c, "head.a", "secret1", "dev-2") != "accepted");
        QVERIFY_THROWS_EXCEPTION(cx::Error, revokeUser(*c.store, "nobody"));
    }

    void bureauEnrollListsAllSchools()
    {
        County c;
        EnrollRequest req{kProtocolVersion, "bureau", "secret1", "dev-b", "pc"};
        EnrollResponse r = enroll(*c.store, req, kNow);
        QCOMPARE(r.schools, (std::vector<std::string>{"A", "B"}));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
