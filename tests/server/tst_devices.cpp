// Issue 13.4, the server's part: device tokens expire (sliding, renewed by
// use), rotate without locking a device out, one device is revoked with a
// wipe order, and the bureau lists devices. The wire contract of the 401s is
// checked over a real HTTP server (docs/protocol.md "Device tokens").
#include "TestHttpClient.h"
#include "RunningServer.h"

#include "admin/DeviceList.h"
#include "auth/DeviceTokens.h"
#include "http/HttpServer.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"

#include <QtTest>
#include <httplib.h>

#include <sstream>

using namespace cxt;

namespace {

constexpr int64_t kLife = 90 * kDayMs;

EnrollResponse enrollAt(County &c, const std::string &user, const std::string &device, int64_t now)
{
    EnrollRequest req;
    req.user = user;
    req.password = "secret1";
    req.device = device;
    req.deviceName = "Redmi 9A";
    return enroll(*c.store, req, now, "10.0.0.7", kLife);
}

// What authenticate() refuses with: the DeviceRefused code, "auth" for a
// plain refusal, "" if it was accepted.
std::string refusal(Store &store, const std::string &token, int64_t now, bool *wipe = nullptr)
{
    try {
        authenticate(store, token, now);
        return "";
    } catch (const DeviceRefused &e) {
        if (wipe)
            *wipe = e.wipe();
        return e.code();
    } catch (const cx::Error &e) {
        return e.kind() == ErrorKind::Auth ? "auth" : "other";
    }
}

httplib::Result post(httplib::Client &cli, const std::string &path, const Json &body, const std::string &token,
                     const std::string &app = {})
{
    httplib::Headers h{{"Content-Encoding", "zstd"}};
    if (!token.empty())
        h.emplace("Authorization", "Bearer " + token);
    if (!app.empty())
        h.emplace(kAppHeader, app);
    return cli.Post(path, h, cx::compress(body.dump()), "application/json");
}

Json syncBody(const std::string &device)
{
    SyncRequest req;
    req.device = device;
    return req.toJson();
}

} // namespace

class TestDevices : public QObject
{
    Q_OBJECT
private slots:
    // Enrolment sets the expiry; any use a day or more after the last renewal
    // slides it; a phone that syncs weekly never expires; one left unused
    // past its lifetime gets "token-expired".
    void tokensExpireUnlessUsed()
    {
        County c;
        const std::string dev = "0190b000-0000-7000-8000-000000000001";
        EnrollResponse e = enrollAt(c, "head.a", dev, kNow);
        QCOMPARE(e.tokenExpires, kNow + kLife);
        QCOMPARE(EnrollResponse::fromJson(e.toJson()).tokenExpires, kNow + kLife); // on the wire

        // Within the same day: nothing written, the expiry stays.
        DeviceSession s = admitDevice(*c.store, e.token, kNow + kDayMs / 2, {"10.0.0.7", ""}, kLife);
        QCOMPARE(s.tokenExpires, kNow + kLife);
        QCOMPARE(c.store->device(dev)->tokenRenewed, kNow);
        // A week later: renewed to a week + lifetime.
        s = admitDevice(*c.store, e.token, kNow + 7 * kDayMs, {"10.0.0.7", ""}, kLife);
        QCOMPARE(s.tokenExpires, kNow + 7 * kDayMs + kLife);
        // Weekly for two years: never refused.
        int64_t t = kNow + 7 * kDayMs;
        for (int week = 0; week < 104; ++week) {
            t += 7 * kDayMs;
            QCOMPARE(refusal(*c.store, e.token, t), std::string());
            admitDevice(*c.store, e.token, t, {}, kLife);
        }
        // Unused for longer than the lifetime: expired, and it stays so.
        const int64_t late = t + kLife + 1;
        QCOMPARE(refusal(*c.store, e.token, late), std::string(kErrorTokenExpired));
        QVERIFY_THROWS_EXCEPTION(DeviceRefused, admitDevice(*c.store, e.token, late + kDayMs, {}, kLife));
        // Signing in again gives a fresh token and a fresh expiry.
        EnrollResponse again = enrollAt(c, "head.a", dev, late);
        QCOMPARE(refusal(*c.store, again.token, late + 1), std::string());
        QCOMPARE(again.tokenExpires, late + kLife);
    }

    // Rotation: the new token waits beside the old one; the old keeps working
    // until the new one is first used (a lost reply cannot lock the device
    // out); a second rotation replaces a token that never arrived.
    void rotationKeepsTheOldTokenUntilTheNewIsUsed()
    {
        County c;
        const std::string dev = "0190b000-0000-7000-8000-000000000002";
        EnrollResponse e = enrollAt(c, "head.a", dev, kNow);
        DeviceSession who = authenticate(*c.store, e.token, kNow);
        TokenRotateResponse lost = rotateToken(*c.store, who, kNow + 1, kLife, "10.0.0.7");
        QCOMPARE(lost.tokenExpires, kNow + 1 + kLife);
        QVERIFY(lost.token != e.token);
        // The reply was lost: the old token still works; rotate again.
        QCOMPARE(refusal(*c.store, e.token, kNow + 2), std::string());
        TokenRotateResponse r = rotateToken(*c.store, who, kNow + 3, kLife, "10.0.0.7");
        QCOMPARE(refusal(*c.store, lost.token, kNow + 4), std::string("auth")); // replaced, never used
        QCOMPARE(refusal(*c.store, e.token, kNow + 4), std::string());          // still the token
        // The new token's first use makes it the token; the old one is gone.
        QCOMPARE(authenticate(*c.store, r.token, kNow + 5).device, dev);
        QCOMPARE(refusal(*c.store, e.token, kNow + 6), std::string("auth"));
        QCOMPARE(refusal(*c.store, r.token, kNow + 6), std::string());
        QVERIFY(c.store->device(dev)->nextTokenHash.empty());
        QCOMPARE(c.store->device(dev)->node, e.node); // the same device, its counter kept
    }

    // revoke-device: that device alone is cut off and told to wipe (the
    // account's other device keeps working); the first delivery is audited.
    void revokeOneDeviceOrdersItsWipe()
    {
        County c;
        const std::string lost = "0190b000-0000-7000-8000-000000000003";
        const std::string kept = "0190b000-0000-7000-8000-000000000004";
        EnrollResponse a = enrollAt(c, "head.a", lost, kNow);
        EnrollResponse b = enrollAt(c, "head.a", kept, kNow);
        QVERIFY(revokeOneDevice(*c.store, lost, "admin (test)", kNow + 1));
        QVERIFY(!revokeOneDevice(*c.store, lost, "admin (test)", kNow + 2)); // already
        QVERIFY_THROWS_EXCEPTION(cx::Error, revokeOneDevice(*c.store, "0190b000-0000-7000-8000-0000000000ff", "x", kNow));
        bool wipe = false;
        QCOMPARE(refusal(*c.store, a.token, kNow + 3, &wipe), std::string(kErrorDeviceRevoked));
        QVERIFY(wipe);
        QCOMPARE(refusal(*c.store, b.token, kNow + 3), std::string());
        QCOMPARE(c.store->device(lost)->wipeSent, kNow + 3);
        refusal(*c.store, a.token, kNow + 4); // told again, not audited again
        QCOMPARE(c.store->device(lost)->wipeSent, kNow + 3);
        int revokes = 0, deliveries = 0;
        for (const auto &ev : c.store->adminEvents(0)) {
            revokes += ev.action == "revoke-device";
            deliveries += ev.action == "wipe-delivered";
        }
        QCOMPARE(revokes, 1);
        QCOMPARE(deliveries, 1);
        // A revoked device cannot sign in again under the same id.
        QVERIFY_THROWS_EXCEPTION(cx::Error, enrollAt(c, "head.a", lost, kNow + 5));

        // revoke --user: every device, each told to wipe.
        {
            Transaction tx(*c.store);
            QCOMPARE(revokeUser(*c.store, "head.a", "admin (test)", kNow + 6), 1);
            tx.commit();
        }
        QCOMPARE(refusal(*c.store, b.token, kNow + 7, &wipe), std::string(kErrorDeviceRevoked));
        QVERIFY(wipe);
    }

    // The bureau's list: user, name, app version, last source, state, expiry.
    void devicesAreListed()
    {
        County c;
        const std::string d1 = "0190b000-0000-7000-8000-000000000005";
        const std::string d2 = "0190b000-0000-7000-8000-000000000006";
        EnrollResponse a = enrollAt(c, "head.a", d1, kNow);
        enrollAt(c, "teacher.b", d2, kNow);
        admitDevice(*c.store, a.token, kNow + 2 * kDayMs, {"10.9.8.7", "cunxiao-android 1.4.2"}, kLife);
        revokeOneDevice(*c.store, d1, "admin (test)", kNow + 3 * kDayMs);

        std::ostringstream json;
        QCOMPARE(listDevices(*c.store, "", true, json, kNow + 3 * kDayMs), size_t(2));
        Json list = Json::parse(json.str());
        QCOMPARE(list.size(), size_t(2));
        Json first = list[0]; // by user: head.a first
        QCOMPARE(first["user"].get<std::string>(), std::string("head.a"));
        QCOMPARE(first["device"].get<std::string>(), d1);
        QCOMPARE(first["name"].get<std::string>(), std::string("Redmi 9A"));
        QCOMPARE(first["app"].get<std::string>(), std::string("cunxiao-android 1.4.2"));
        QCOMPARE(first["last_source"].get<std::string>(), std::string("10.9.8.7"));
        QCOMPARE(first["revoked"].get<bool>(), true);
        QCOMPARE(first["wipe_ordered"].get<bool>(), true);
        QVERIFY(first["wipe_delivered"].is_null());
        QCOMPARE(first["token_expires"].get<int64_t>(), kNow + 2 * kDayMs + kLife);
        QCOMPARE(list[1]["revoked"].get<bool>(), false);

        std::ostringstream text;
        QCOMPARE(listDevices(*c.store, "head.a", false, text, kNow + 3 * kDayMs), size_t(1));
        const std::string t = text.str();
        QVERIFY2(t.find("LAST SOURCE") != std::string::npos, t.c_str());
        QVERIFY2(t.find("10.9.8.7") != std::string::npos, t.c_str());
        QVERIFY2(t.find("revoked, wipe ordered") != std::string::npos, t.c_str());
        QVERIFY2(t.find("teacher.b") == std::string::npos, t.c_str());
        std::ostringstream none;
        QVERIFY_THROWS_EXCEPTION(cx::Error, listDevices(*c.store, "nobody", false, none, kNow));
    }

    // The wire contract over a real server: 401 bodies exactly as documented,
    // token_expires in replies, the app header and source kept, rotation.
    void wireContract()
    {
        RunningServer s;
        httplib::Client cli("127.0.0.1", s.port);
        const std::string dev = cx::uuidV7();
        EnrollRequest er{1, "head.a", "secret1", dev, "phone"};
        auto r = post(cli, "/v1/enroll", er.toJson(), "", "cunxiao-cli 0.9");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        EnrollResponse e = EnrollResponse::fromJson(replyJson(r));
        const int64_t now = cx::wallClockMs();
        QVERIFY(e.tokenExpires > now + 89 * kDayMs && e.tokenExpires <= now + 90 * kDayMs);
        QCOMPARE(s.county.store->device(dev)->appVersion, std::string("cunxiao-cli 0.9"));
        QCOMPARE(s.county.store->device(dev)->lastSource, std::string("127.0.0.1"));

        r = post(cli, "/v1/sync", syncBody(dev), e.token, "cunxiao-cli 1.0");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        Json sj = replyJson(r);
        QCOMPARE(sj["token_expires"].get<int64_t>(), e.tokenExpires);
        QCOMPARE(SyncResponse::fromJson(sj).tokenExpires, e.tokenExpires);
        QCOMPARE(s.county.store->device(dev)->appVersion, std::string("cunxiao-cli 1.0"));

        // Rotation over HTTP: the old token works until the new one is used.
        r = post(cli, "/v1/token/rotate", Json::object(), e.token);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        TokenRotateResponse rot = TokenRotateResponse::fromJson(replyJson(r));
        QVERIFY(rot.token != e.token && rot.tokenExpires >= e.tokenExpires);
        QCOMPARE(post(cli, "/v1/sync", syncBody(dev), e.token)->status, 200);
        QCOMPARE(post(cli, "/v1/sync", syncBody(dev), rot.token)->status, 200);
        r = post(cli, "/v1/sync", syncBody(dev), e.token);
        QCOMPARE(r->status, 401);
        QCOMPARE(replyJson(r)["error"].get<std::string>(), std::string("auth")); // an unknown token: as before

        // Expired: 401 token-expired, no wipe.
        const Device d = *s.county.store->device(dev);
        s.county.store->setDeviceContact(dev, d.lastSource, d.appVersion, now - 1000, now - 91 * kDayMs);
        r = post(cli, "/v1/sync", syncBody(dev), rot.token);
        QCOMPARE(r->status, 401);
        Json expired = replyJson(r);
        QCOMPARE(expired["error"].get<std::string>(), std::string(kErrorTokenExpired));
        QVERIFY(expired["message"].is_string() && !expired["message"].get<std::string>().empty());
        QVERIFY(!expired.contains("wipe"));
        s.county.store->setDeviceContact(dev, d.lastSource, d.appVersion, now + kLife, now);

        // Revoked: every authenticated route answers the same body.
        QVERIFY(revokeOneDevice(*s.county.store, dev, "admin (test)", now));
        for (const char *path : {"/v1/sync", "/v1/token/rotate", "/v1/bundle-key"}) {
            r = post(cli, path, syncBody(dev), rot.token);
            QVERIFY(r);
            QCOMPARE(r->status, 401);
            Json body = replyJson(r);
            QCOMPARE(body["error"].get<std::string>(), std::string("device-revoked"));
            QCOMPARE(body["wipe"], Json(true));
            QCOMPARE(body["message"].get<std::string>(), std::string("this device was revoked by the bureau"));
        }
    }
};

QTEST_GUILESS_MAIN(TestDevices)
#include "tst_devices.moc"
