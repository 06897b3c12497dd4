// bench_connections: the real `cunxiao-server serve` over TLS on loopback.
//   1. resident memory per idle TLS keep-alive connection, at 2,000 connections
//      just after the handshake and after one request answered on each (and
//      per idle plain-HTTP connection, the same server without TLS);
//   2. a fast device's no-change sync (CurlTransport, one kept connection):
//      the median of 20 alone, and beside 1,000 slow connections (idle,
//      trickling headers, trickling bodies), and their ratio.
// Prints a table; `--json FILE` writes the numbers. Loopback only, bounded.
#include "Bureau.h"
#include "RawClient.h"
#include "SlowCrowd.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>
#include <vector>

using namespace cxc;
using Clock = std::chrono::steady_clock;

namespace {

double medianSyncMs(FastDevice &d, int n)
{
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
        auto t0 = Clock::now();
        if (d.sync() != 200)
            qFatal("sync failed");
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

void settle() { std::this_thread::sleep_for(std::chrono::seconds(2)); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::string json;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--json")
            json = argv[i + 1];
    raiseOpenFiles();
    BureauFixture bureau;
    addDemoAccount(bureau);
    SSL_CTX *ctx = clientContext(bureau.caFile().toStdString());
    const QStringList longDeadlines = {"--header-timeout", "600", "--idle-timeout", "600", "--min-body-rate", "1"};

    // 1. Memory per idle TLS connection.
    long perConnBytes = 0, rssBase = 0, rssAt2000 = 0;
    {
        ServeProcess s(bureau, longDeadlines);
        FastDevice warm(s.url(), bureau.caFile().toStdString());
        warm.enroll("head.a", "pw-123456");
        medianSyncMs(warm, 5);
        settle();
        rssBase = s.rssKb();
        SlowCrowd idle(s.port(), ctx, warm.token);
        if (idle.open(2000, 0, 0) != 2000)
            qFatal("could not open 2,000 connections");
        settle();
        rssAt2000 = s.rssKb();
        perConnBytes = (rssAt2000 - rssBase) * 1024 / 2000;
    }

    // 1a. The same after each connection has had one request answered (what a
    // phone's kept-alive connection holds between its requests).
    long afterRequestBytes = 0;
    {
        ServeProcess s(bureau, longDeadlines);
        RawClient warm;
        if (!warm.connect(s.port(), ctx) || !warm.send(request("GET", "/v1/health", {})) || !warm.readReply(20000))
            qFatal("the server did not answer");
        settle();
        const long base = s.rssKb();
        std::vector<RawClient> kept(2000);
        for (auto &c : kept)
            if (!c.connect(s.port(), ctx) || !c.send(request("GET", "/v1/health", {})) || !c.readReply(20000))
                qFatal("a kept-alive connection failed");
        settle();
        afterRequestBytes = (s.rssKb() - base) * 1024 / 2000;
    }

    // 1b. The same server without TLS (what TLS itself costs).
    long plainBytes = 0;
    {
        ServeProcess s(bureau, longDeadlines, false);
        RawClient warm;
        if (!warm.connect(s.port(), nullptr) || !warm.send(request("GET", "/v1/health", {})) || !warm.readReply(20000))
            qFatal("plain HTTP server did not answer");
        settle();
        const long base = s.rssKb();
        SlowCrowd idle(s.port(), nullptr, {});
        if (idle.open(2000, 0, 0) != 2000)
            qFatal("could not open 2,000 plain connections");
        settle();
        plainBytes = (s.rssKb() - base) * 1024 / 2000;
    }

    // 2. The fast device alone and beside 1,000 slow connections.
    double alone = 0, crowded = 0;
    int closed = 0;
    {
        ServeProcess s(bureau, longDeadlines);
        FastDevice fast(s.url(), bureau.caFile().toStdString());
        fast.enroll("head.a", "pw-123456");
        medianSyncMs(fast, 5);
        alone = medianSyncMs(fast, 20);
        SlowCrowd crowd(s.port(), ctx, fast.token);
        if (crowd.open(334, 333, 333) != 1000)
            qFatal("could not open 1,000 slow connections");
        crowd.startTrickling();
        settle();
        crowded = medianSyncMs(fast, 20);
        closed = crowd.closedCount();
    }
    SSL_CTX_free(ctx);

    std::printf("%-58s %10s\n", "measure", "value");
    std::printf("%-58s %10ld\n", "server RSS, KB, before (1 kept connection)", rssBase);
    std::printf("%-58s %10ld\n", "server RSS, KB, with 2,000 idle TLS connections", rssAt2000);
    std::printf("%-58s %10.1f\n", "RSS per idle TLS keep-alive connection, KB", perConnBytes / 1024.0);
    std::printf("%-58s %10.1f\n", "the same after one request answered on each, KB", afterRequestBytes / 1024.0);
    std::printf("%-58s %10.1f\n", "RSS per idle plain-HTTP connection, KB", plainBytes / 1024.0);
    std::printf("%-58s %10.1f\n", "no-change sync, ms, median of 20, alone", alone);
    std::printf("%-58s %10.1f\n", "no-change sync, ms, median of 20, beside 1,000 slow", crowded);
    std::printf("%-58s %10.2f\n", "ratio (limit 3)", crowded / alone);
    std::printf("%-58s %10d\n", "slow connections closed meanwhile (want 0)", closed);
    if (!json.empty()) {
        std::ofstream f(json);
        f << "{\"rss_base_kb\": " << rssBase << ", \"rss_2000_idle_tls_kb\": " << rssAt2000
          << ", \"bytes_per_idle_tls_connection\": " << perConnBytes
          << ", \"bytes_per_idle_tls_connection_after_request\": " << afterRequestBytes
          << ", \"bytes_per_idle_plain_connection\": " << plainBytes << ", \"sync_ms_alone\": " << alone
          << ", \"sync_ms_beside_1000_slow\": " << crowded << ", \"ratio\": " << crowded / alone
          << ", \"slow_closed\": " << closed << "}\n";
    }
    return 0;
}
