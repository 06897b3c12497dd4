// The HTTP(S) layer: a real server on a loopback port, a real client.
#include "TestHttpClient.h"
#include "RunningServer.h"

#include "http/HttpServer.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"

#include <QProcess>
#include <QtTest>
#include <httplib.h>
#include <thread>

using namespace cxt;

namespace {

using Running = RunningServer;

httplib::Result post(httplib::Client &cli, const std::string &path, const Json &body, const std::string &token = {},
                     bool compress = true)
{
    httplib::Headers h;
    if (compress)
        h.emplace("Content-Encoding", "zstd");
    if (!token.empty())
        h.emplace("Authorization", "Bearer " + token);
    return cli.Post(path, h, compress ? cx::compress(body.dump()) : body.dump(), "application/json");
}

} // namespace

class TestHttp : public QObject
{
    Q_OBJECT

private slots:
    void health()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        auto r = cli.Get("/v1/health");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(replyJson(r)["protocol"].get<int>(), 1);
    }

    void enrollAndSync()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        cli.set_decompress(false);
        // Even a client that asks for gzip gets exactly one zstd layer.
        cli.set_default_headers({{"Accept-Encoding", "gzip, deflate"}});
        const std::string dev = cx::uuidV7();
        auto r = post(cli, "/v1/enroll", EnrollRequest{1, "head.a", "secret1", dev, "phone"}.toJson());
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->get_header_value("Content-Encoding"), std::string("zstd"));
        EnrollResponse e = EnrollResponse::fromJson(replyJson(r));
        QCOMPARE(e.role, std::string("head"));

        SyncRequest req;
        req.device = dev;
        req.mutations = {put(1, "pupils", "p1", "A", {{"name", "李小梅"}}, ver(cx::wallClockMs(), e.node))};
        r = post(cli, "/v1/sync", req.toJson(), e.token);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const Json oldReply = replyJson(r);
        SyncResponse resp = SyncResponse::fromJson(oldReply);
        QCOMPARE(resp.acked, uint64_t(1));
        QCOMPARE(resp.applied.size(), size_t(1));
        QVERIFY(resp.checksums.count("A"));
        // A device that names no wire encoding (one from before it) gets encoding 1:
        // no "enc", whole states with a version per field.
        QVERIFY(!oldReply.contains("enc"));
        QVERIFY(!oldReply.contains("acks"));
        QVERIFY(oldReply["applied"][0]["v"].is_object());

        // A device that reads encoding 2: its new record is acknowledged by [n, seq].
        req.enc = kWireEncoding;
        req.mutations = {put(2, "pupils", "p2", "A", {{"name", "王芳"}}, ver(cx::wallClockMs(), e.node))};
        r = post(cli, "/v1/sync", req.toJson(), e.token);
        QCOMPARE(r->status, 200);
        const Json newReply = replyJson(r);
        QCOMPARE(newReply["enc"], Json(kWireEncoding));
        QCOMPARE(newReply["acks"].size(), size_t(1));
        QCOMPARE(newReply["acks"][0][0], Json(2));
        QCOMPARE(newReply["acks_by"], Json("head.a"));
        QVERIFY(newReply["applied"].empty());
        req.enc = 1;

        // An uncompressed body is accepted too.
        req.mutations.clear();
        r = post(cli, "/v1/sync", req.toJson(), e.token, false);
        QCOMPARE(r->status, 200);
    }

    // Wire encoding 3 over a real socket: a push is kept and the next push is
    // compressed against it; a page is compressed against the one the device
    // names; a prefix the server does not hold (restart, another instance,
    // another device's) gets 409 "prefix-unknown" and nothing is applied; an
    // old device gets neither.
    void prefixCompression()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        cli.set_decompress(false);
        auto enroll = [&](const std::string &dev) {
            auto r = post(cli, "/v1/enroll", EnrollRequest{1, "head.a", "secret1", dev, "phone"}.toJson());
            return EnrollResponse::fromJson(replyJson(r));
        };
        const std::string devA = cx::uuidV7(), devB = cx::uuidV7();
        const EnrollResponse a = enroll(devA), b = enroll(devB);
        auto health = [&] { return replyJson(cli.Get("/v1/health")); };
        const Json before = health();
        auto send = [&](const std::string &token, const std::string &plain, const std::string &prefix) {
            httplib::Headers h{{"Authorization", "Bearer " + token}, {"Content-Encoding", "zstd"}};
            return cli.Post("/v1/sync", h, prefix.empty() ? cx::compress(plain) : cx::compressWithPrefix(plain, prefix),
                            "application/json");
        };
        uint64_t n = 0;
        auto push = [&](int count) {
            SyncRequest req;
            req.device = devA;
            req.enc = kWireEncoding;
            for (int i = 0; i < count; ++i, ++n)
                req.mutations.push_back(put(n + 1, "pupils", "p" + std::to_string(n), "A",
                                            {{"name", "学生" + std::to_string(n)}, {"village", "石门村"}},
                                            ver(cx::wallClockMs(), a.node)));
            return req.toJson().dump();
        };

        // A push of 40 records is kept, under the name of its body.
        const std::string push1 = push(40);
        auto r = send(a.token, push1, {});
        QCOMPARE(r->status, 200);
        const Json raw1 = replyJson(r);
        // Encoding 4: 40 new records are acknowledged by one run [n, seq, 40].
        QCOMPARE(raw1["acks"].size(), size_t(1));
        QCOMPARE(raw1["acks"][0].size(), size_t(3));
        QCOMPARE(raw1["acks"][0][0], Json(1));
        QCOMPARE(raw1["acks"][0][2], Json(40));
        SyncResponse resp = SyncResponse::fromJson(raw1);
        QCOMPARE(resp.enc, kWireEncoding);
        QCOMPARE(resp.acks.size(), size_t(40));
        QCOMPARE(resp.acks.back().seq, resp.acks.front().seq + 39);
        QCOMPARE(resp.kept, cx::prefixName(push1));
        // The next one goes against it, and is applied.
        const std::string push2 = push(40);
        QVERIFY(cx::compressWithPrefix(push2, push1).size() < cx::compress(push2).size());
        r = send(a.token, push2, push1);
        QCOMPARE(r->status, 200);
        resp = SyncResponse::fromJson(replyJson(r));
        QCOMPARE(resp.acked, uint64_t(80));
        QCOMPARE(resp.kept, cx::prefixName(push2));

        // A prefix this server does not hold: 409, nothing applied; the same body without one is.
        const std::string push3 = push(40);
        r = send(a.token, push3, "a body the server never saw, longer than nothing");
        QCOMPARE(r->status, 409);
        QCOMPARE(replyJson(r)["error"], Json(kErrorPrefixUnknown));
        // Another device cannot use A's kept push either.
        SyncRequest fromB;
        fromB.device = devB;
        fromB.enc = kWireEncoding;
        r = send(b.token, fromB.toJson().dump(), push2);
        QCOMPARE(r->status, 409);
        r = send(a.token, push3, {});
        QCOMPARE(r->status, 200);
        QCOMPARE(SyncResponse::fromJson(replyJson(r)).acked, uint64_t(120));
        QVERIFY(s.county.open()->record("pupils", "p119"));

        // B downloads in small pages: each page after the first is compressed
        // against the one before, which B names in "prev".
        fromB.pageBytes = 4096;
        std::string lastPage;
        size_t pages = 0, chained = 0;
        std::set<std::string> ids;
        for (bool more = true; more; ++pages) {
            fromB.prev = lastPage.empty() ? std::string() : cx::prefixName(lastPage);
            r = send(b.token, fromB.toJson().dump(), {});
            QCOMPARE(r->status, 200);
            QCOMPARE(r->get_header_value("Content-Encoding"), std::string("zstd"));
            const std::string named = cx::namedPrefix(r->body);
            QVERIFY(named.empty() || named == fromB.prev);
            chained += !named.empty();
            const std::string text = named.empty() ? cx::decompress(r->body) : cx::decompressWithPrefix(r->body, lastPage);
            const SyncResponse page = SyncResponse::fromJson(Json::parse(text));
            for (const auto &c : page.changes)
                ids.insert(c.id);
            fromB.cursor = page.cursor;
            more = page.more;
            lastPage = text;
            QVERIFY(pages < 100);
        }
        for (int i = 0; i < 120; ++i) // every pushed record arrived, each once (ids is a set: count them)
            QVERIFY(ids.count("p" + std::to_string(i)));
        QVERIFY(pages >= 3);
        QCOMPARE(chained, pages - 1);

        // A "prev" the server does not hold: the reply simply has no prefix.
        fromB.cursor.clear();
        fromB.prev = cx::prefixName("a page this server never sent");
        r = send(b.token, fromB.toJson().dump(), {});
        QCOMPARE(r->status, 200);
        QVERIFY(cx::namedPrefix(r->body).empty());
        QVERIFY(!replyJson(r)["changes"].empty());

        // An old device (encoding 2) gets no prefix and no "kept", whatever it sends.
        fromB.enc = 2;
        fromB.prev = cx::prefixName(lastPage);
        r = send(b.token, fromB.toJson().dump(), {});
        QVERIFY(cx::namedPrefix(r->body).empty());
        QVERIFY(!replyJson(r).contains("kept"));
        SyncRequest oldPush;
        oldPush.device = devA;
        oldPush.enc = 2;
        oldPush.mutations = SyncRequest::fromJson(Json::parse(push(40))).mutations;
        r = send(a.token, oldPush.toJson().dump(), {});
        QCOMPARE(r->status, 200);
        QVERIFY(!replyJson(r).contains("kept"));
        // ... and its acknowledgements one [n, seq] each, no runs (encoding 4).
        const Json oldAcks = replyJson(r)["acks"];
        QCOMPARE(oldAcks.size(), size_t(40));
        for (const Json &k : oldAcks)
            QCOMPARE(k.size(), size_t(2));

        // /v1/health counts it (docs/server.md "Capacity"): the prefixes found
        // (push2, each chained page) and not found (the two 409s, the unknown
        // "prev"), and the replies compressed, smaller than they were.
        const Json after = health();
        auto delta = [&](const char *group, const char *key) {
            return after[group][key].get<double>() - before[group][key].get<double>();
        };
        QVERIFY2(delta("prefix_cache", "hits") >= double(1 + chained), after.dump().c_str());
        QVERIFY2(delta("prefix_cache", "misses") >= 3, after.dump().c_str());
        QVERIFY(after["prefix_cache"]["entries"].get<int>() >= 1);
        QVERIFY2(delta("compression", "replies") >= double(pages + 4), after.dump().c_str());
        QVERIFY(delta("compression", "bytes_out") > 0);
        QVERIFY(delta("compression", "bytes_out") < delta("compression", "bytes_in"));
        QVERIFY(delta("compression", "cpu_ms") >= 0);
    }

    // Wire encoding 4 over a real socket: a push of compact mutations (n, op,
    // base and most versions left out) is applied as the whole form would be:
    // every record with its fields and the versions the device gave; a retry
    // of the same body applies nothing twice; a compact mutation missing what
    // cannot be rebuilt is refused with its place, and nothing is applied.
    void compactPush()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        const std::string dev = cx::uuidV7();
        auto r = post(cli, "/v1/enroll", EnrollRequest{1, "head.a", "secret1", dev, "phone"}.toJson());
        const EnrollResponse e = EnrollResponse::fromJson(replyJson(r));
        SyncRequest req;
        req.device = dev;
        req.enc = kWireEncoding;
        req.compact = true;
        const int64_t ms = cx::wallClockMs();
        for (uint64_t n = 1; n <= 30; ++n)
            req.mutations.push_back(put(n, "pupils", "c" + std::to_string(n), "A", {{"name", "学生" + std::to_string(n)}},
                                        ver(ms + int64_t(n / 7), e.node, uint32_t(n % 7))));
        const Json body = req.toJson();
        QVERIFY(!body["mutations"][1].contains("n"));
        QVERIFY(!body["mutations"][1].contains("v"));
        r = post(cli, "/v1/sync", body, e.token);
        QCOMPARE(r->status, 200);
        SyncResponse resp = SyncResponse::fromJson(replyJson(r));
        QCOMPARE(resp.acked, uint64_t(30));
        QCOMPARE(resp.acks.size(), size_t(30));
        for (const Mutation &m : req.mutations) {
            auto rec = s.county.open()->record("pupils", m.id);
            QVERIFY(rec);
            QCOMPARE(rec->fields["name"], m.fields["name"]);
            QCOMPARE(rec->versions["name"], m.version);
        }
        const uint64_t seq = s.county.open()->record("pupils", "c30")->seq;
        r = post(cli, "/v1/sync", body, e.token); // a retry: nothing applied again
        QCOMPARE(r->status, 200);
        QCOMPARE(s.county.open()->record("pupils", "c30")->seq, seq);

        SyncRequest more;
        more.device = dev;
        more.enc = kWireEncoding;
        more.compact = true;
        more.mutations = {put(31, "pupils", "c31", "A", {{"name", "王芳"}}, ver(ms + 10, e.node))};
        Json bad = more.toJson();
        bad["mutations"][0].erase("v");
        r = post(cli, "/v1/sync", bad, e.token);
        QCOMPARE(r->status, 400);
        QCOMPARE(replyJson(r)["error"], Json("protocol"));
        QVERIFY(replyJson(r)["message"].get<std::string>().find("request.mutations[0].v") != std::string::npos);
        QVERIFY(!s.county.open()->record("pupils", "c31"));
    }

    void errors()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        const std::string dev = cx::uuidV7();
        auto r = post(cli, "/v1/enroll", EnrollRequest{1, "head.a", "wrong!!", dev, ""}.toJson());
        QCOMPARE(r->status, 401);
        QCOMPARE(replyJson(r)["error"].get<std::string>(), std::string("auth"));
        std::string wrongPw = replyJson(r)["message"];
        r = post(cli, "/v1/enroll", EnrollRequest{1, "nobody", "wrong!!", dev, ""}.toJson());
        QCOMPARE(replyJson(r)["message"].get<std::string>(), wrongPw);

        r = post(cli, "/v1/enroll", EnrollRequest{1, "head.a", "secret1", dev, ""}.toJson());
        EnrollResponse e = EnrollResponse::fromJson(replyJson(r));

        // Unknown token.
        SyncRequest req;
        req.device = dev;
        r = post(cli, "/v1/sync", req.toJson(), "nope");
        QCOMPARE(r->status, 401);

        // Malformed: the message names the path.
        Json bad = req.toJson();
        bad["mutations"] = Json::array({Json{{"n", 1},
                                             {"c", "pupils"},
                                             {"id", "x"},
                                             {"school", "A"},
                                             {"op", "put"},
                                             {"f", 5},
                                             {"base", Json::object()},
                                             {"v", "0000000000000001-1"}}});
        r = post(cli, "/v1/sync", bad, e.token);
        QCOMPARE(r->status, 400);
        Json err = replyJson(r);
        QCOMPARE(err["error"].get<std::string>(), std::string("protocol"));
        QCOMPARE(err["message"].get<std::string>(), std::string("request.mutations[0].f: not an object"));
        QCOMPARE(err["server_protocol"].get<int>(), 1);

        // Not JSON, and corrupt zstd.
        httplib::Headers h{{"Authorization", "Bearer " + e.token}, {"Content-Encoding", "zstd"}};
        r = cli.Post("/v1/sync", h, "garbage", "application/json");
        QCOMPARE(r->status, 400);

        // Another protocol version: 426 naming both.
        Json v2 = req.toJson();
        v2["protocol"] = 2;
        r = post(cli, "/v1/sync", v2, e.token);
        QCOMPARE(r->status, 426);
        err = replyJson(r);
        QCOMPARE(err["error"].get<std::string>(), std::string("version"));
        QVERIFY(err["message"].get<std::string>().find("protocol version 2 is not supported") != std::string::npos);
        QVERIFY(err["message"].get<std::string>().find("this side speaks 1") != std::string::npos);

        // Device of another token.
        Json other = req.toJson();
        other["device"] = cx::uuidV7();
        r = post(cli, "/v1/sync", other, e.token);
        QCOMPARE(r->status, 401);

        // Revoked: refused on the next request.
        {
            Transaction tx(*s.county.store);
            revokeUser(*s.county.store, "head.a");
            tx.commit();
        }
        r = post(cli, "/v1/sync", req.toJson(), e.token);
        QCOMPARE(r->status, 401);

        r = cli.Get("/v1/nothing");
        QCOMPARE(r->status, 404);
    }

    // One request may carry at most kMaxMutationsPerRequest mutations (one
    // write transaction holding its schools' locks): over it, 413 naming the
    // limit, and nothing of it applied.
    void mutationLimit()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        // 10,001 mutations checked (and 10,000 applied) take far longer than
        // httplib's 5 s default under ASan on PostgreSQL: this is not a speed test.
        cli.set_read_timeout(600, 0);
        cli.set_write_timeout(600, 0);
        const std::string dev = cx::uuidV7();
        auto r = post(cli, "/v1/enroll", EnrollRequest{1, "head.a", "secret1", dev, ""}.toJson());
        QVERIFY2(r, httplib::to_string(r.error()).c_str());
        EnrollResponse e = EnrollResponse::fromJson(replyJson(r));
        SyncRequest req;
        req.device = dev;
        Json j = req.toJson();
        Json ms = Json::array();
        for (size_t i = 1; i <= kMaxMutationsPerRequest + 1; ++i)
            ms.push_back(Json{{"n", i},
                              {"c", "pupils"},
                              {"id", "p" + std::to_string(i)},
                              {"school", "A"},
                              {"op", "put"},
                              {"f", Json{{"grade", 1}}},
                              {"base", Json::object()},
                              {"v", "0000000000000001-1"}});
        j["mutations"] = ms;
        r = post(cli, "/v1/sync", j, e.token);
        QVERIFY2(r, httplib::to_string(r.error()).c_str());
        QCOMPARE(r->status, 413);
        Json err = replyJson(r);
        QCOMPARE(err["error"].get<std::string>(), std::string("too-large"));
        QVERIFY(err["message"].get<std::string>().find(std::to_string(kMaxMutationsPerRequest + 1) + " mutations") !=
                std::string::npos);
        QVERIFY(err["message"].get<std::string>().find("the limit is " + std::to_string(kMaxMutationsPerRequest)) !=
                std::string::npos);
        QVERIFY(!s.county.store->record("pupils", "p1"));
        // At the limit it is taken.
        ms.erase(ms.end() - 1);
        j["mutations"] = ms;
        r = post(cli, "/v1/sync", j, e.token);
        QVERIFY2(r, httplib::to_string(r.error()).c_str());
        QCOMPARE(r->status, 200);
        QVERIFY(s.county.store->record("pupils", "p1"));
    }

    void tls()
    {
        QTemporaryDir dir;
        const QString cert = dir.path() + "/cert.pem", key = dir.path() + "/key.pem";
        QProcess openssl;
        openssl.start("openssl",
                      {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                       "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
        const bool ran = openssl.waitForFinished(30000);
        const int rc = ran && openssl.exitStatus() == QProcess::NormalExit ? openssl.exitCode() : -1;
        if (rc != 0)
            QSKIP("openssl command not available");
        HttpOptions opt;
        opt.tlsCert = cert.toStdString();
        opt.tlsKey = key.toStdString();
        Running s(opt);
        QVERIFY(s.server->url().rfind("https://127.0.0.1:", 0) == 0);
        httplib::SSLClient cli("127.0.0.1", s.port);
        cli.set_ca_cert_path(cert.toStdString().c_str());
        cli.enable_server_certificate_verification(true);
        auto r = cli.Get("/v1/health");
        QVERIFY2(r, httplib::to_string(r.error()).c_str());
        QCOMPARE(r->status, 200);

        // Issue 13.6: TLS 1.2 at least. A client allowed to speak only TLS 1.1
        // (security level 0, so OpenSSL itself would offer it) is refused; the
        // same client with TLS 1.2 gets through. Under ctest this process runs
        // with OPENSSL_CONF=openssl-tls1.cnf (TLS 1.0 up allowed), so only the
        // server's own minimum refuses TLS 1.1.
        auto handshake = [&](const char *version) {
            QProcess c;
            c.start("openssl", {"s_client", "-connect", QString("127.0.0.1:%1").arg(s.port), version, "-cipher",
                                "DEFAULT@SECLEVEL=0", "-brief"});
            c.write("");
            c.closeWriteChannel();
            if (!c.waitForFinished(30000))
                c.kill();
            return QString::fromUtf8(c.readAllStandardOutput() + c.readAllStandardError());
        };
        const QString old = handshake("-tls1_1");
        QVERIFY2(!old.contains("Protocol version: TLSv1.1"), qPrintable(old));
        QVERIFY2(old.contains("alert") || old.contains("error") || old.contains("errno"), qPrintable(old));
        const QString ok = handshake("-tls1_2");
        QVERIFY2(ok.contains("Protocol version: TLSv1.2"), qPrintable(ok));

        HttpOptions badOpt;
        badOpt.tlsCert = dir.path().toStdString() + "/missing.pem";
        badOpt.tlsKey = key.toStdString();
        AcceptAll v;
        bool refused = false;
        try {
            HttpServer bad(s.stores, v, badOpt);
        } catch (const cx::Error &) {
            refused = true;
        }
        QVERIFY(refused);
    }
};

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
