// Connections (issue 12, docs/server.md "Connections"): the real
// `cunxiao-server serve` process over real TLS on loopback, attacked the ways
// issue 12 measured: a thousand slow connections around a fast device,
// slowloris, floods before authentication, compression bombs, a full queue.
// No timing asserts: each test asserts what happened (answered, refused,
// closed, memory bounded), with generous guard timeouts.
#include "Bureau.h"
#include "RawClient.h"
#include "SlowCrowd.h"

#include "http/ClientAddress.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"
#include "protocol/Uuid.h"

#include <QtTest>

#include <zstd.h>

#include <chrono>
#include <thread>

using namespace cxc;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// zstd of `zeros` zero bytes, compressed as a stream (never held inflated).
std::string zstdBomb(uint64_t zeros)
{
    std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> cc(ZSTD_createCCtx(), ZSTD_freeCCtx);
    ZSTD_CCtx_setParameter(cc.get(), ZSTD_c_compressionLevel, 1);
    const std::string block(1 << 20, '\0');
    std::string out, buf(ZSTD_CStreamOutSize(), '\0');
    for (uint64_t done = 0; done < zeros; done += block.size()) {
        const bool last = done + block.size() >= zeros;
        ZSTD_inBuffer in{block.data(), block.size(), 0};
        size_t left;
        do {
            ZSTD_outBuffer o{buf.data(), buf.size(), 0};
            left = ZSTD_compressStream2(cc.get(), &o, &in, last ? ZSTD_e_end : ZSTD_e_continue);
            out.append(buf.data(), o.pos);
        } while (last ? left != 0 : in.pos < in.size);
    }
    return out;
}

std::string errorMessage(const RawReply &r)
{
    const std::string text = r.header("content-encoding") == "zstd" ? cx::decompress(r.body) : r.body;
    return cx::Json::parse(text).value("message", "");
}

// Sends a body that never ends (up to `total`) until the server answers;
// returns the reply, and in `sent` how much it took.
std::optional<RawReply> floodUntilAnswered(RawClient &c, const std::string &piece, uint64_t total, uint64_t &sent)
{
    const auto guard = Clock::now() + std::chrono::seconds(120);
    sent = 0;
    while (sent < total && Clock::now() < guard) {
        long n = c.sendSome(piece);
        if (n < 0)
            break; // the server closed: its reply is already here
        sent += uint64_t(n);
        if (auto r = c.readReply(n == 0 ? 50 : 0))
            return r;
    }
    return c.readReply(10000);
}

} // namespace

class TestConnections : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> m_bureau;
    SSL_CTX *m_ctx = nullptr;

    std::string token(ServeProcess &s)
    {
        FastDevice d(s.url(), m_bureau->caFile().toStdString());
        if (d.enroll("head.a", "pw-123456") != 200)
            qFatal("enroll failed");
        return d.token;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(raiseOpenFiles() >= 4096);
        m_bureau = std::make_unique<BureauFixture>();
        addDemoAccount(*m_bureau);
        m_ctx = clientContext(m_bureau->caFile().toStdString());
    }
    void cleanupTestCase() { SSL_CTX_free(m_ctx); }

    // --trusted-proxy: the last X-Forwarded-For hop counts only from a trusted peer.
    void sourceAddress()
    {
        using cx::server::clientAddress;
        const std::vector<std::string> proxies = cx::server::parseProxyList("10.0.0.2, 10.0.0.3");
        QCOMPARE(proxies.size(), size_t(2));
        QCOMPARE(clientAddress("10.0.0.2", "1.2.3.4, 100.64.0.9", proxies), std::string("100.64.0.9"));
        QCOMPARE(clientAddress("100.64.0.7", "1.2.3.4", proxies), std::string("100.64.0.7")); // not a proxy
        QCOMPARE(clientAddress("10.0.0.3", "", proxies), std::string("10.0.0.3"));
        QCOMPARE(clientAddress("10.0.0.3", "not-an-ip", proxies), std::string("10.0.0.3"));
        bool refused = false;
        try {
            cx::server::parseProxyList("proxy.example");
        } catch (const cx::Error &) {
            refused = true;
        }
        QVERIFY(refused);
    }

    // (a) 1,200 slow connections held open (idle TLS keep-alive, trickled
    // headers, trickled bodies) while a fast device syncs; afterwards they are
    // all still open (their deadlines, set long here, have not passed).
    void slowClientsDoNotStarveFast()
    {
        ServeProcess s(*m_bureau, {"--header-timeout", "600", "--idle-timeout", "600", "--min-body-rate", "1"});
        FastDevice fast(s.url(), m_bureau->caFile().toStdString());
        QCOMPARE(fast.enroll("head.a", "pw-123456"), 200L);
        auto t0 = Clock::now();
        QCOMPARE(fast.sync(), 200L);
        const double alone = secondsSince(t0);

        SlowCrowd crowd(s.port(), m_ctx, fast.token);
        QCOMPARE(crowd.open(400, 400, 400), 1200);
        crowd.startTrickling();
        std::this_thread::sleep_for(std::chrono::seconds(2));
        t0 = Clock::now();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(fast.sync(), 200L);
        const double crowded = secondsSince(t0) / 5;
        QCOMPARE(crowd.closedCount(), 0);
        QVERIFY(s.running());
        qInfo("no-change sync: %.1f ms alone, %.1f ms beside 1,200 slow connections; server RSS %ld KB", alone * 1000,
              crowded * 1000, s.rssKb());
    }

    // (b) Slowloris (a header byte a second) is closed by --header-timeout;
    // an idle keep-alive connection by --idle-timeout; a prompt request is answered.
    void deadlinesCloseSlowloris()
    {
        ServeProcess s(*m_bureau, {"--header-timeout", "3", "--idle-timeout", "2"});
        RawClient prompt;
        QVERIFY(prompt.connect(s.port(), m_ctx));
        QVERIFY(prompt.send(request("GET", "/v1/health", {})));
        auto r = prompt.readReply(20000);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(prompt.closedByPeer(30000)); // idle past 2 s

        RawClient loris;
        QVERIFY(loris.connect(s.port(), m_ctx));
        QVERIFY(loris.send("GET /v1/health HTTP/1.1\r\nHost: localhost\r\n"));
        const auto t0 = Clock::now();
        int sent = 0;
        bool closed = false;
        while (!closed && secondsSince(t0) < 60) {
            loris.sendSome("X");
            ++sent;
            closed = loris.closedByPeer(1000);
        }
        QVERIFY(closed);
        QVERIFY(!loris.readReply(0)); // closed without a reply: the headers never ended
        qInfo("slowloris closed after %d header bytes, %.1f s", sent, secondsSince(t0));
    }

    // (c) A 300 KB body at 40 kbit/s (5 KB/s, one minute) is accepted under the
    // default --min-body-rate.
    void villageUploadAccepted()
    {
        ServeProcess s(*m_bureau);
        FastDevice probe(s.url(), m_bureau->caFile().toStdString());
        QCOMPARE(probe.enroll("head.a", "pw-123456"), 200L);
        cx::SyncRequest req;
        req.device = probe.device;
        std::string body = req.toJson().dump();
        body.insert(body.size() - 1, std::string(",\"pad\":\"") + std::string(300 * 1000, 'x') + "\"");
        RawClient c;
        QVERIFY(c.connect(s.port(), m_ctx));
        QVERIFY(c.send(request("POST", "/v1/sync",
                               {{"Authorization", "Bearer " + probe.token},
                                {"Content-Type", "application/json"},
                                {"Content-Length", std::to_string(body.size())}})));
        const auto t0 = Clock::now();
        for (size_t done = 0; done < body.size(); done += 500) {
            QVERIFY2(c.send(body.substr(done, 500)), "the server closed a 40 kbit/s upload");
            std::this_thread::sleep_for(std::chrono::milliseconds(100)); // 5,000 B/s
        }
        auto r = c.readReply(60000);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        qInfo("300 KB at 5 KB/s: answered after %.0f s", secondsSince(t0));
    }

    // (d) An endless chunked POST to /v1/enroll is refused with 413 once it passes
    // 4 KiB; the server does not grow.
    void enrollFloodRefused()
    {
        ServeProcess s(*m_bureau);
        const long rss0 = s.rssKb();
        RawClient c;
        QVERIFY(c.connect(s.port(), m_ctx));
        QVERIFY(c.send("POST /v1/enroll HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                       "Content-Type: application/json\r\n\r\n"));
        const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
        uint64_t sent = 0;
        auto r = floodUntilAnswered(c, chunk, 400ull << 20, sent);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(errorMessage(*r).find("4 KiB") != std::string::npos);
        QVERIFY(c.closedByPeer(20000));
        const long grown = s.rssKb() - rss0;
        qInfo("chunked flood: refused after %llu bytes sent; RSS grew %ld KB", (unsigned long long)sent, grown);
        QVERIFY(sent < (400ull << 20));
        QVERIFY(grown < 20 * 1024);
    }

    // (e) A zstd bomb (1 GiB of zeros) is refused with 413 while inflating: the
    // server holds at most the 64 MiB limit meanwhile, never the gigabyte;
    // gzip is refused with 415, never inflated.
    void compressionBombs()
    {
        ServeProcess s(*m_bureau);
        const std::string tok = token(s);
        const long rss0 = s.rssKb();
        const std::string bomb = zstdBomb(1ull << 30);
        RawClient c;
        QVERIFY(c.connect(s.port(), m_ctx));
        QVERIFY(c.send(request(
            "POST", "/v1/sync",
            {{"Authorization", "Bearer " + tok}, {"Content-Encoding", "zstd"}, {"Content-Type", "application/json"}}, bomb)));
        auto r = c.readReply(60000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(errorMessage(*r).find("64 MiB") != std::string::npos);
        const long grown = s.rssKb() - rss0;
        qInfo("zstd bomb of %zu bytes (1 GiB inflated): 413; RSS grew %ld KB", bomb.size(), grown);
        // The limit (64 MiB) and the allocator's slack. Under ASan the buffers a
        // growing body leaves behind stay in the quarantine instead of being
        // reused (about 1+2+...+64 MiB), so the bound is wider there: still far
        // below the gigabyte an unbounded inflate would take.
#if defined(__SANITIZE_ADDRESS__)
        constexpr long kBombBoundKb = 320 * 1024;
#else
        constexpr long kBombBoundKb = 80 * 1024;
#endif
        QVERIFY2(grown < kBombBoundKb, qPrintable(QStringLiteral("RSS grew %1 KB").arg(grown)));
        // A frame that declares its size is refused without inflating at all.
        const std::string declared = cx::compress(std::string(70 << 20, '\0'), 1);
        RawClient d;
        QVERIFY(d.connect(s.port(), m_ctx));
        QVERIFY(d.send(request(
            "POST", "/v1/sync",
            {{"Authorization", "Bearer " + tok}, {"Content-Encoding", "zstd"}, {"Content-Type", "application/json"}}, declared)));
        r = d.readReply(60000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);

        // Sign-in: 4 KiB inflated at most.
        const std::string small = zstdBomb(8 << 20);
        QVERIFY(small.size() < 4096);
        RawClient e;
        QVERIFY(e.connect(s.port(), m_ctx));
        QVERIFY(e.send(request("POST", "/v1/enroll", {{"Content-Encoding", "zstd"}}, small)));
        r = e.readReply(20000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);

        RawClient g;
        QVERIFY(g.connect(s.port(), m_ctx));
        QVERIFY(g.send(request("POST", "/v1/sync", {{"Authorization", "Bearer " + tok}, {"Content-Encoding", "gzip"}},
                               std::string(1000, 'x'))));
        r = g.readReply(20000);
        QVERIFY(r);
        QCOMPARE(r->status, 415);
        QVERIFY(errorMessage(*r).find("gzip") != std::string::npos);
    }

    // (f) A sync with an unknown token and a 60 MB body gets 401 from its
    // headers; the server closes without reading the body.
    void unauthenticatedBodyNotRead()
    {
        ServeProcess s(*m_bureau);
        RawClient c;
        QVERIFY(c.connect(s.port(), m_ctx));
        const uint64_t total = 60ull << 20;
        QVERIFY(c.send(request("POST", "/v1/sync",
                               {{"Authorization", "Bearer not-a-token"},
                                {"Content-Type", "application/json"},
                                {"Content-Length", std::to_string(total)}})));
        uint64_t sent = 0;
        auto r = floodUntilAnswered(c, std::string(256 * 1024, ' '), total, sent);
        QVERIFY(r);
        QCOMPARE(r->status, 401);
        QVERIFY(c.closedByPeer(20000));
        qInfo("unauthenticated 60 MB sync: 401 after %llu body bytes sent", (unsigned long long)sent);
        QVERIFY(sent < total);
    }

    // (g) The sign-in pool's queue full: 503 with Retry-After at once.
    void queueFullGives503()
    {
        ServeProcess s(*m_bureau, {"--auth-workers", "1", "--queue-depth", "1"});
        std::vector<RawClient> cs(16);
        for (auto &c : cs)
            QVERIFY(c.connect(s.port(), m_ctx));
        for (auto &c : cs) {
            cx::EnrollRequest req{cx::kProtocolVersion, "head.a", "pw-123456", cx::uuidV7(), "phone"};
            QVERIFY(c.send(request("POST", "/v1/enroll", {{"Content-Type", "application/json"}}, req.toJson().dump())));
        }
        int busy = 0, ok = 0;
        for (auto &c : cs) {
            auto r = c.readReply(60000);
            QVERIFY(r);
            if (r->status == 503) {
                ++busy;
                QVERIFY(!r->header("retry-after").empty());
                QVERIFY(errorMessage(*r).find("busy") != std::string::npos);
            } else {
                QCOMPARE(r->status, 200);
                ++ok;
            }
        }
        qInfo("16 sign-ins at once on 1 worker, queue 1: %d answered, %d got 503", ok, busy);
        QVERIFY(busy > 0);
        QVERIFY(ok > 0);
    }

    // --max-connections: connections over it are closed at once; the server goes on.
    void connectionCap()
    {
        ServeProcess s(*m_bureau, {"--max-connections", "20"});
        std::vector<RawClient> cs(40);
        int connected = 0;
        for (auto &c : cs)
            connected += c.connect(s.port(), m_ctx, 5000) ? 1 : 0;
        QVERIFY(connected <= 20);
        QVERIFY(connected >= 10);
        cs.clear();
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        RawClient c;
        QVERIFY(c.connect(s.port(), m_ctx));
        QVERIFY(c.send(request("GET", "/v1/health", {})));
        auto r = c.readReply(20000);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
    }

    // TLS session resumption (TLS 1.3 tickets, TLS 1.2 too): a phone that
    // comes back within the process's lifetime skips the full handshake.
    void tlsResumption()
    {
        ServeProcess s(*m_bureau, {});
        SSL_CTX *tls12 = clientContext(m_bureau->caFile().toStdString());
        SSL_CTX_set_max_proto_version(tls12, TLS1_2_VERSION);
        for (SSL_CTX *ctx : {m_ctx, tls12}) {
            RawClient first;
            QVERIFY(first.connect(s.port(), ctx));
            QVERIFY(first.send(request("GET", "/v1/health", {})));
            auto r = first.readReply(20000); // reads the TLS 1.3 ticket too
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QVERIFY(!SSL_session_reused(first.ssl()));
            SSL_SESSION *session = SSL_get1_session(first.ssl());
            QVERIFY(session != nullptr);
            QVERIFY(SSL_SESSION_is_resumable(session));
            // `first` stays open: freed without a close_notify, OpenSSL would
            // mark its session not resumable on this side.

            RawClient again;
            const bool connected = again.connect(s.port(), ctx, 20000, session);
            SSL_SESSION_free(session);
            QVERIFY(connected);
            QVERIFY2(SSL_session_reused(again.ssl()), SSL_get_version(again.ssl()));
            QVERIFY(again.send(request("GET", "/v1/health", {})));
            r = again.readReply(20000);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
        }
        SSL_CTX_free(tls12);
    }
};

QTEST_GUILESS_MAIN(TestConnections)
#include "tst_connections.moc"
