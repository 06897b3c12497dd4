// Issue 14.7, the server's part: one-time enrolment codes (hash only, single
// use, expiry, withdrawal, a revoked account's code, the sign-in limits) and
// the bureau administrator's route POST /v1/admin over a real HTTP server
// (403 for anyone else, each op doing what the command line does, audited
// with the acting account, no password in the audit).
#include "TestHttpClient.h"
#include "RunningServer.h"

#include "admin/AccountAdmin.h"
#include "admin/Admin.h"
#include "auth/SignInLimits.h"
#include "protocol/Compression.h"
#include "protocol/EnrolCode.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"

#include <QtTest>
#include <httplib.h>

using namespace cxt;

namespace {

// Enrols `device` as `user` with an enrolment code at `now`; the error's
// message, or "" on success.
std::string enrolWith(County &c, const std::string &user, const std::string &code, const std::string &device, int64_t now,
                      const std::string &source = "10.0.0.7")
{
    EnrollRequest req;
    req.user = user;
    req.code = code;
    req.device = device;
    req.deviceName = "Redmi 9A";
    try {
        EnrollResponse r = enroll(*c.store, req, now, source);
        return r.token.empty() ? "no token" : "";
    } catch (const cx::Error &e) {
        return e.what();
    }
}

httplib::Result post(httplib::Client &cli, const std::string &path, const Json &body, const std::string &token = {})
{
    httplib::Headers h{{"Content-Encoding", "zstd"}};
    if (!token.empty())
        h.emplace("Authorization", "Bearer " + token);
    return cli.Post(path, h, cx::compress(body.dump()), "application/json");
}

std::string tokenOf(httplib::Client &cli, const std::string &user, const std::string &password = "secret1")
{
    EnrollRequest er{1, user, password, cx::uuidV7(), "desk"};
    auto r = post(cli, "/v1/enroll", er.toJson());
    if (!r || r->status != 200)
        return {};
    return replyJson(r)["token"].get<std::string>();
}

bool contains(const std::string &hay, const std::string &needle) { return hay.find(needle) != std::string::npos; }

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT
private slots:
    void codesAreForgivingWhenTyped()
    {
        const std::string code = cx::newEnrolCode();
        QCOMPARE(code.size(), size_t(19)); // 16 and three dashes
        QCOMPARE(code[4], '-');
        const auto n = cx::normaliseEnrolCode(code);
        QVERIFY(n && n->size() == 16);
        std::string typed = *n;
        std::transform(typed.begin(), typed.end(), typed.begin(), ::tolower);
        QCOMPARE(cx::normaliseEnrolCode(" " + typed.substr(0, 8) + " " + typed.substr(8)), n);
        QCOMPARE(*cx::normaliseEnrolCode("OOOO-IIII-LLLL-0000"), std::string("0000111111110000"));
        QVERIFY(!cx::normaliseEnrolCode("K7Q2-MP9X-3ZTD"));      // too short
        QVERIFY(!cx::normaliseEnrolCode("K7Q2-MP9X-3ZTD-8HWU")); // U is not in the alphabet
        QVERIFY(cx::newEnrolCode() != cx::newEnrolCode());

        const cx::EnrolLink link{"https://bureau.example:8443", "sha256//abc+/=", "li.ming", code};
        const std::string text = cx::enrolLinkText(link);
        QVERIFY2(contains(text, "cunxiao://enrol?server=https%3A%2F%2Fbureau.example%3A8443"), text.c_str());
        const cx::EnrolLink back = cx::parseEnrolLink(text);
        QCOMPARE(back.server, link.server);
        QCOMPARE(back.pin, link.pin);
        QCOMPARE(back.user, link.user);
        QCOMPARE(back.code, link.code);
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::parseEnrolLink("https://example.com/"));
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::parseEnrolLink("cunxiao://enrol?server=https%3A%2F%2Fa&user=x&code=123"));
    }

    // A code enrols one phone, within its days, for its own account only;
    // only its hash is stored; withdrawn and revoked accounts' codes fail.
    void codesAreSingleUseAndExpire()
    {
        County c;
        IssuedEnrolCode code = issueEnrolCode(*c.store, "head.a", 7, "bureau", kNow);
        QCOMPARE(code.expires, kNow + 7 * kDayMs);
        const auto stored = c.store->enrolCodesOf("head.a");
        QCOMPARE(stored.size(), size_t(1));
        QVERIFY(stored[0].hash != code.code && stored[0].hash.size() == 64);
        QVERIFY(!contains(stored[0].hash, *cx::normaliseEnrolCode(code.code)));
        QCOMPARE(stored[0].createdBy, std::string("bureau"));

        QVERIFY(contains(enrolWith(c, "head.a2", code.code, cx::uuidV7(), kNow), "wrong user name or enrolment code"));
        const std::string dev = cx::uuidV7();
        QCOMPARE(enrolWith(c, "head.a", code.code, dev, kNow + kDayMs), std::string());
        QCOMPARE(c.store->device(dev)->user, std::string("head.a"));
        QCOMPARE(c.store->enrolCodesOf("head.a")[0].usedBy, dev);
        QVERIFY(contains(enrolWith(c, "head.a", code.code, cx::uuidV7(), kNow + kDayMs), "used already"));

        IssuedEnrolCode late = issueEnrolCode(*c.store, "head.a", 1, "bureau", kNow);
        QVERIFY(contains(enrolWith(c, "head.a", late.code, cx::uuidV7(), kNow + kDayMs), "expired"));

        IssuedEnrolCode withdrawn = issueEnrolCode(*c.store, "head.a", 7, "bureau", kNow);
        QCOMPARE(revokeEnrolCodes(*c.store, "head.a", "bureau", kNow), 2); // `late` (unused) and this one
        QVERIFY(contains(enrolWith(c, "head.a", withdrawn.code, cx::uuidV7(), kNow), "withdrawn"));

        IssuedEnrolCode beforeRevoke = issueEnrolCode(*c.store, "teacher.b", 7, "bureau", kNow);
        revokeUser(*c.store, "teacher.b", "bureau", kNow);
        QVERIFY(!enrolWith(c, "teacher.b", beforeRevoke.code, cx::uuidV7(), kNow).empty());
        QVERIFY_THROWS_EXCEPTION(cx::Error, issueEnrolCode(*c.store, "teacher.b", 7, "bureau", kNow));
        QVERIFY_THROWS_EXCEPTION(cx::Error, issueEnrolCode(*c.store, "head.a", 31, "bureau", kNow));
        QVERIFY_THROWS_EXCEPTION(cx::Error, issueEnrolCode(*c.store, "nobody", 7, "bureau", kNow));

        // Audited without the code.
        bool issued = false;
        for (const auto &e : c.store->adminEvents(0)) {
            QVERIFY2(!contains(e.detail.dump(), *cx::normaliseEnrolCode(code.code)), e.detail.dump().c_str());
            issued = issued || (e.action == "enrol-code-issued" && e.subject == "head.a" && e.actor == "bureau");
        }
        QVERIFY(issued);
    }

    // Guessing codes is held back exactly like guessing passwords.
    void wrongCodesCountAsFailedSignIns()
    {
        County c;
        IssuedEnrolCode code = issueEnrolCode(*c.store, "head.a", 7, "bureau", kNow);
        const SignInPolicy policy;
        for (int i = 0; i <= policy.freeAccountFailures; ++i) // the free ones, then one that locks
            QVERIFY(contains(enrolWith(c, "head.a", cx::newEnrolCode(), cx::uuidV7(), kNow + i), "wrong"));
        EnrollRequest req;
        req.user = "head.a";
        req.code = code.code; // even the right code waits while the account is locked
        req.device = cx::uuidV7();
        QVERIFY_THROWS_EXCEPTION(TooManyAttempts, enroll(*c.store, req, kNow + 100, "10.0.0.7"));
        QCOMPARE(enrolWith(c, "head.a", code.code, cx::uuidV7(), kNow + 60 * 60 * 1000 + 1000), std::string());
    }

    // A record's history for the bureau's app: every write of that record,
    // oldest first, with who, which device, which fields; administrators only.
    void recordHistory()
    {
        RunningServer s;
        Store &st = *s.county.store;
        setAdmin(st, "bureau", true, "admin (test)", kNow);
        DeviceSession d = s.county.device("head.a", "0190c000-0000-7000-8000-0000000000a1");
        s.county.sync(d, {put(1, "pupils", "p1", "A", {{"name", "王小明"}, {"grade", 3}}, ver(kNow + 2, d.node))}, {}, 1 << 20,
                      kNow + 2);
        s.county.sync(d, {put(2, "pupils", "p1", "A", {{"grade", 4}}, ver(kNow + 3, d.node))}, {}, 1 << 20, kNow + 3);
        s.county.sync(d, {put(3, "pupils", "p2", "A", {{"name", "李小梅"}}, ver(kNow + 4, d.node))}, {}, 1 << 20, kNow + 4);
        httplib::Client cli("127.0.0.1", s.port);
        const std::string admin = tokenOf(cli, "bureau"), head = tokenOf(cli, "head.a");
        QVERIFY(!admin.empty() && !head.empty());

        auto r = post(cli, "/v1/admin", Json{{"op", "history"}, {"collection", "pupils"}, {"id", "p1"}}, admin);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const Json entries = replyJson(r)["entries"];
        QCOMPARE(entries.size(), size_t(2)); // p1's two writes, not p2's
        QCOMPARE(entries[0]["user"].get<std::string>(), std::string("head.a"));
        QCOMPARE(entries[0]["device"].get<std::string>(), d.device);
        QCOMPARE(entries[0]["fields"], (Json{"grade", "name"}));
        QCOMPARE(entries[1]["fields"], (Json{"grade"}));
        QCOMPARE(entries[1]["mutation"]["f"]["grade"].get<int>(), 4);
        QVERIFY(entries[0]["at"].get<int64_t>() <= entries[1]["at"].get<int64_t>());

        r = post(cli, "/v1/admin", Json{{"op", "history"}, {"collection", "pupils"}, {"id", "p1"}}, head);
        QCOMPARE(r->status, 403);
        r = post(cli, "/v1/admin", Json{{"op", "history"}, {"collection", "pupils"}}, admin);
        QCOMPARE(r->status, 400); // no id: says which field is missing
    }

    // The route: administrators only; every op; audited as the acting account.
    void adminRoute()
    {
        RunningServer s;
        Store &st = *s.county.store;
        addSchool(st, "C", "School C", "Test", kNow, "admin", "东镇");
        addSchool(st, "A", "School A", "Test", kNow, "admin", "东镇");
        setAdmin(st, "bureau", true, "admin (test)", kNow);
        addUser(st, "clerk", "bureau", {}, "secret1");
        httplib::Client cli("127.0.0.1", s.port);
        const std::string admin = tokenOf(cli, "bureau"), clerk = tokenOf(cli, "clerk"), head = tokenOf(cli, "head.a");
        QVERIFY(!admin.empty() && !clerk.empty() && !head.empty());

        for (const std::string &t : {clerk, head}) {
            auto r = post(cli, "/v1/admin", Json{{"op", "list"}}, t);
            QVERIFY(r);
            QCOMPARE(r->status, 403);
            QVERIFY2(contains(replyJson(r)["message"].get<std::string>(), "only a bureau administrator"), r->body.c_str());
        }
        QCOMPARE(post(cli, "/v1/admin", Json{{"op", "list"}})->status, 401);

        auto ok = [&](const Json &body) {
            auto r = post(cli, "/v1/admin", body, admin);
            if (!r || r->status != 200)
                qWarning("%s -> %d %s", body.dump().c_str(), r ? r->status : 0, r ? replyJson(r).dump().c_str() : "");
            return r && r->status == 200 ? replyJson(r) : Json();
        };
        QVERIFY(!ok(Json{{"op", "add-school"}, {"code", "D"}, {"name", "丁村小学"}, {"township", "西乡"}}).is_null());
        QCOMPARE(st.school("D")->county, std::string("Test"));
        QCOMPARE(schoolsOfTownship(st, "西乡"), std::vector<std::string>{"D"});
        QVERIFY(!ok(Json{{"op", "add-user"},
                         {"user", "wu.gang"},
                         {"role", "inspector"},
                         {"township", "东镇"},
                         {"password", "pw-secret-9"}})
                     .is_null());
        QCOMPARE(st.account("wu.gang")->schools, (std::vector<std::string>{"A", "C"}));
        QVERIFY(!ok(Json{{"op", "assign"}, {"user", "wu.gang"}, {"schools", {"B", "D"}}}).is_null());
        QCOMPARE(st.account("wu.gang")->schools, (std::vector<std::string>{"B", "D"}));
        QVERIFY(!ok(Json{{"op", "reset-password"}, {"user", "wu.gang"}, {"password", "new-pass-7"}}).is_null());
        QVERIFY(!tokenOf(cli, "wu.gang", "new-pass-7").empty());
        QVERIFY(tokenOf(cli, "wu.gang", "pw-secret-9").empty());

        // Refusals name what is wrong; nothing changes.
        auto bad = post(cli, "/v1/admin", Json{{"op", "assign"}, {"user", "head.a"}, {"schools", {"A", "B"}}}, admin);
        QCOMPARE(bad->status, 400);
        QVERIFY(contains(replyJson(bad)["message"].get<std::string>(), "exactly one school"));
        QCOMPARE(st.account("head.a")->schools, std::vector<std::string>{"A"});
        bad = post(cli, "/v1/admin",
                   Json{{"op", "add-user"}, {"user", "head.a"}, {"role", "head"}, {"schools", {"A"}}, {"password", "whatever1"}},
                   admin);
        QCOMPARE(bad->status, 400);
        QVERIFY(contains(replyJson(bad)["message"].get<std::string>(), "exists already"));
        QCOMPARE(post(cli, "/v1/admin", Json{{"op", "frobnicate"}}, admin)->status, 400);
        QCOMPARE(post(cli, "/v1/admin", Json{{"op", "enrol-code"}, {"user", "head.a"}, {"days", "x"}}, admin)->status, 400);
        QCOMPARE(post(cli, "/v1/admin", Json{{"op", "list"}, {"pad", std::string(kMaxAdminBytes, 'x')}}, admin)->status, 413);

        // An enrolment code over the wire enrols a phone once.
        Json code = ok(Json{{"op", "enrol-code"}, {"user", "wu.gang"}});
        QVERIFY(code["code"].is_string());
        EnrollRequest er;
        er.user = "wu.gang";
        er.code = code["code"].get<std::string>();
        er.device = cx::uuidV7();
        auto r = post(cli, "/v1/enroll", er.toJson());
        QCOMPARE(r->status, 200);
        er.device = cx::uuidV7();
        r = post(cli, "/v1/enroll", er.toJson());
        QCOMPARE(r->status, 401);
        QVERIFY(contains(replyJson(r)["message"].get<std::string>(), "used already"));

        Json list = ok(Json{{"op", "list"}});
        QCOMPARE(list["schools"].size(), size_t(4));
        bool sawWu = false;
        for (const auto &a : list["accounts"])
            if (a["user"] == "wu.gang") {
                sawWu = true;
                QCOMPARE(a["devices"].get<int>(), 2);
                QCOMPARE(a["role"].get<std::string>(), std::string("inspector"));
            } else if (a["user"] == "bureau") {
                QCOMPARE(a["admin"].get<bool>(), true);
            }
        QVERIFY(sawWu);
        Json revoked = ok(Json{{"op", "revoke"}, {"user", "wu.gang"}});
        QCOMPARE(revoked["devices_revoked"].get<int>(), 2);
        QVERIFY(st.account("wu.gang")->revoked);
        QCOMPARE(post(cli, "/v1/admin", Json{{"op", "revoke"}, {"user", "bureau"}}, admin)->status, 400);

        // The audit names the acting account and never a password.
        int byBureau = 0;
        for (const auto &e : st.adminEvents(0)) {
            const std::string d = e.detail.dump();
            QVERIFY2(!contains(d, "pw-secret-9") && !contains(d, "new-pass-7"), d.c_str());
            if (e.actor == "bureau")
                ++byBureau;
        }
        // school added, account created, assigned, password reset, code issued, revoked
        QVERIFY2(byBureau >= 6, std::to_string(byBureau).c_str());
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
