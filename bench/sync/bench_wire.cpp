// bench_wire: the bytes and seconds of a sync against the information the data
// holds (issue 15, docs/village.md "At the information limit").
//
// The limit of a case is what an ideal encoder would send: the same records as
// canonical JSON Lines ({"c","id","school","f"}, keys sorted) compressed with
// zstd level 19 and long-distance matching (`zstd -19 --long`), over the link:
// limit seconds = one round trip + those bytes / bandwidth. The data is a school
// as rich as real county data (sync/demo/DemoRoster: Chinese names, ID numbers,
// guardians, villages, free-text findings, optional answers left out), from a
// fixed seed, at 500 and 2,000 pupils.
//
// Cases, each over TLS through cunxiao-linkemu (profiles lan and village):
//   first download: a new device of a school the server holds;
//   first upload:   a device that entered the whole school offline syncs.
// Wire bytes are the link's counters (TLS and HTTP included).
//
// Where the time over the limit goes (village): each case prints a breakdown
// from the requests' own clocks (a timing wrapper around the real
// CurlTransport): the bytes above the limit (/ bandwidth), the round trips
// after the first, connection setup, the time inside the requests beyond what
// the link needs for their bytes and round trip (the server's work: decoding,
// applying, building and compressing a page; and TLS), and the device's time
// between requests (applying a page, taking and compressing the next push).
//
// usage: bench_wire [--pupils 500,2000] [--profiles lan,village] [--json FILE] [--keep-data DIR] [--page-kb N]
//                   [--first-kb N] [--no-prefix]
// --keep-data writes each school's canonical JSON Lines (schoolN.jsonl) to DIR,
// so the limit can be checked with the zstd command: zstd -19 --long -c F | wc -c
#include "../../tests/integration/Fixture.h"

#include "demo/DemoRoster.h"
#include "engine/CurlTransport.h"
#include "engine/Engine.h"
#include "protocol/Compression.h"
#include "LinkProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <zstd.h>

#include <cstdio>

namespace {

class Link : public LinkProcess
{
public:
    Link(quint16 target, const QString &profile) : LinkProcess(target, {"--profile", profile}) {}
};

// zstd -19 --long (window 128 MB), as the command line does it.
size_t zstd19long(const std::string &data)
{
    ZSTD_CCtx *c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, 19);
    ZSTD_CCtx_setParameter(c, ZSTD_c_enableLongDistanceMatching, 1);
    ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, 27);
    std::string out(ZSTD_compressBound(data.size()), '\0');
    const size_t n = ZSTD_compress2(c, out.data(), out.size(), data.data(), data.size());
    ZSTD_freeCCtx(c);
    return ZSTD_isError(n) ? 0 : n;
}

// One request as the device's transport saw it: when it started and ended
// (seconds since the case began) and its HTTP bytes (headers and body).
struct Request {
    double start = 0, end = 0;
    uint64_t httpUp = 0, httpDown = 0;
    long newConnections = 0;
};

// The real CurlTransport with a clock around each request: only observes.
class TimedTransport : public cx::Transport
{
public:
    TimedTransport(const cx::TransportOptions &o, const QElapsedTimer &clock, std::vector<Request> &log)
        : m_real(o), m_clock(clock), m_log(log)
    {}
    cx::HttpReply post(const std::string &path, const std::string &body, const std::string &token) override
    {
        const double t0 = m_clock.nsecsElapsed() / 1e9;
        cx::HttpReply r = m_real.post(path, body, token);
        m_log.push_back({t0, m_clock.nsecsElapsed() / 1e9, r.bytesUp, r.bytesDown, r.newConnections});
        return r;
    }
    cx::HttpReply send(const cx::HttpRequest &req) override
    {
        const double t0 = m_clock.nsecsElapsed() / 1e9;
        cx::HttpReply r = m_real.send(req);
        m_log.push_back({t0, m_clock.nsecsElapsed() / 1e9, r.bytesUp, r.bytesDown, r.newConnections});
        return r;
    }
    void setProgress(cx::ProgressFn fn) override { m_real.setProgress(std::move(fn)); }

private:
    cx::CurlTransport m_real;
    const QElapsedTimer &m_clock;
    std::vector<Request> &m_log;
};

// The clock and request log of one device; its engine's transports report here.
struct Timing {
    QElapsedTimer clock;
    std::vector<Request> log;
    cx::Engine::TransportFactory factory()
    {
        return [this](const cx::TransportOptions &o) { return std::make_unique<TimedTransport>(o, clock, log); };
    }
};

struct Case {
    double seconds = 0, wireUp = 0, wireDown = 0;
    int requests = 0, records = 0;
    std::vector<Request> log; // the case's requests, times from its start
};

template <class F> Case measure(Link &link, Timing &timing, F &&fn)
{
    const QJsonObject s0 = link.stats();
    timing.log.clear();
    timing.clock.start();
    const cx::SyncReport r = fn();
    Case c;
    c.seconds = timing.clock.nsecsElapsed() / 1e9;
    c.log = timing.log;
    const QJsonObject s1 = link.stats();
    c.requests = r.requests;
    c.records = r.pulled + r.pushed;
    c.wireUp = s1["bytes_up"].toDouble() - s0["bytes_up"].toDouble();
    c.wireDown = s1["bytes_down"].toDouble() - s0["bytes_down"].toDouble();
    return c;
}

// Where the seconds above the limit went (a link of rtt seconds and bw bytes/s).
QJsonObject breakdown(const Case &c, double rtt, double bw, double limitBytes)
{
    double inFlight = 0, httpBytes = 0, linkNeeds = 0;
    long conns = 0;
    for (const Request &r : c.log) {
        inFlight += r.end - r.start;
        httpBytes += double(r.httpUp + r.httpDown);
        linkNeeds += rtt + double(r.httpUp + r.httpDown) / bw;
        conns += r.newConnections;
    }
    const double wire = c.wireUp + c.wireDown;
    const double limit = rtt + limitBytes / bw;
    QJsonObject j{{"over_limit_s", c.seconds - limit},
                  {"bytes_above_limit_s", (wire - limitBytes) / bw},
                  {"tls_tcp_bytes", wire - httpBytes},
                  {"extra_round_trips_s", double(std::max<size_t>(c.log.size(), 1) - 1) * rtt},
                  {"new_connections", double(conns)},
                  {"in_requests_beyond_link_s", inFlight - linkNeeds},
                  {"device_between_requests_s", c.seconds - inFlight}};
    std::printf("    over the limit by %.2f s: bytes above it %.2f s (%.0f B, of which TLS/TCP %.0f B), round trips after "
                "the first %.2f s (%zu requests, %ld new connections), in requests beyond the link's bytes and round "
                "trip %.2f s (server, TLS, link queueing), device between requests %.2f s\n",
                c.seconds - limit, (wire - limitBytes) / bw, wire - limitBytes, wire - httpBytes,
                j["extra_round_trips_s"].toDouble(), c.log.size(), conns, inFlight - linkNeeds, c.seconds - inFlight);
    QJsonArray reqs;
    double last = 0;
    for (const Request &r : c.log) {
        const double need = rtt + double(r.httpUp + r.httpDown) / bw;
        std::printf("      request: after %.2f s on the device, %.2f s in flight (%llu B up, %llu B down over HTTP; the "
                    "link needs %.2f s), %ld new connections\n",
                    r.start - last, r.end - r.start, static_cast<unsigned long long>(r.httpUp),
                    static_cast<unsigned long long>(r.httpDown), need, r.newConnections);
        reqs.append(QJsonObject{{"device_before_s", r.start - last},
                                {"in_flight_s", r.end - r.start},
                                {"http_up", double(r.httpUp)},
                                {"http_down", double(r.httpDown)},
                                {"link_needs_s", need}});
        last = r.end;
    }
    j["requests"] = reqs;
    std::fflush(stdout);
    return j;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList profiles = {"lan", "village"};
    QList<int> sizes = {500, 2000};
    QString jsonOut, keepDir;
    cx::SyncTuning tuning;
    tuning.maxRetries = 8; // as with CurlTransport alone (the timing wrapper is another transport)
    bool noPrefix = false;
    for (int i = 1; i < argc; ++i) {
        const QString a = argv[i];
        if (a == "--profiles" && i + 1 < argc)
            profiles = QString(argv[++i]).split(',');
        else if (a == "--pupils" && i + 1 < argc) {
            sizes.clear();
            for (const QString &s : QString(argv[++i]).split(','))
                sizes << s.toInt();
        } else if (a == "--json" && i + 1 < argc)
            jsonOut = argv[++i];
        else if (a == "--keep-data" && i + 1 < argc)
            keepDir = argv[++i];
        else if (a == "--page-kb" && i + 1 < argc)
            tuning.pageWireBytes = uint64_t(QString(argv[++i]).toInt()) * 1024;
        else if (a == "--no-prefix") // the server keeps no prefixes: encoding 3 without them, as before it
            noPrefix = true;
        else if (a == "--first-kb" && i + 1 < argc) // the first page and push (uncompressed), SyncTuning's defaults otherwise
            tuning.firstPageBytes = tuning.firstPushBytes = size_t(QString(argv[++i]).toInt()) * 1024;
    }

    BureauFixture b(true);
    QTemporaryDir dir;
    struct Data {
        QString down, up;
        std::vector<cx::demo::DemoRecord> records;
        size_t json = 0, limit = 0;
    };
    std::map<int, Data> data;
    for (int n : sizes) {
        Data d;
        d.down = QStringLiteral("53230%1").arg(n, 4, 10, QChar('0'));
        d.up = QStringLiteral("53231%1").arg(n, 4, 10, QChar('0'));
        b.addSchool(d.down, "下载小学");
        b.addSchool(d.up, "上传小学");
        b.addUser("down" + QString::number(n), "head", d.down);
        b.addUser("up" + QString::number(n), "head", d.up);
        cx::demo::RosterSize size;
        size.pupils = n;
        d.records = cx::demo::demoRoster(d.down.toStdString(), size, 15u + uint64_t(n));
        const std::string canonical = cx::demo::canonicalJsonLines(d.records);
        d.json = canonical.size();
        d.limit = zstd19long(canonical);
        if (!keepDir.isEmpty()) {
            QFile k(keepDir + QStringLiteral("/school%1.jsonl").arg(n));
            if (k.open(QIODevice::WriteOnly))
                k.write(QByteArray::fromStdString(canonical));
        }
        QFile f(b.path(QStringLiteral("school%1.jsonl").arg(n)));
        f.open(QIODevice::WriteOnly);
        for (const auto &r : d.records)
            f.write(QByteArray::fromStdString(cx::Json{{"collection", r.collection}, {"id", r.id}, {"fields", r.fields}}.dump() +
                                              "\n"));
        f.close();
        runTool(CX_SERVER_EXE, {"import", b.dataDir(), "--school", d.down, f.fileName()});
        std::printf("school of %d pupils: %zu records, %zu bytes as JSON Lines, %zu under zstd -19 --long (the limit)\n", n,
                    d.records.size(), d.json, d.limit);
        data[n] = std::move(d);
    }
    // Server CPU (issue 15 point 5): compressing a first download, page by page
    // (~350 KB each) at the level a page gets and at level 6 (the level before).
    QJsonObject cpu;
    for (int n : sizes) {
        const std::string canonical = cx::demo::canonicalJsonLines(data[n].records);
        auto timeAt = [&](int level, size_t &out) {
            QElapsedTimer t;
            t.start();
            out = 0;
            for (size_t at = 0; at < canonical.size(); at += 350 * 1024)
                out += cx::compress(std::string_view(canonical).substr(at, 350 * 1024), level).size();
            return t.nsecsElapsed() / 1e6;
        };
        // Wire encoding 3: each page with the page before as zstd prefix.
        auto timePrefixed = [&](int level, size_t &out) {
            QElapsedTimer t;
            t.start();
            out = 0;
            std::string_view prev;
            for (size_t at = 0; at < canonical.size(); at += 350 * 1024) {
                const std::string_view page = std::string_view(canonical).substr(at, 350 * 1024);
                out += (prev.empty() ? cx::compress(page, level) : cx::compressWithPrefix(page, prev, level)).size();
                prev = page;
            }
            return t.nsecsElapsed() / 1e6;
        };
        size_t b19 = 0, b6 = 0, p19 = 0, p6 = 0;
        const int level = cx::compressionLevelFor(350 * 1024);
        const double ms19 = timeAt(level, b19), ms6 = timeAt(6, b6);
        const double pms19 = timePrefixed(level, p19), pms6 = timePrefixed(6, p6);
        std::printf("server CPU, compressing the %d-pupil school's first download in 350 KB pages: level %d %.0f ms "
                    "(%zu bytes), level 6 %.0f ms (%zu bytes); each with the page before as prefix (encoding 3): "
                    "level %d %.0f ms (%zu bytes), level 6 %.0f ms (%zu bytes)\n",
                    n, level, ms19, b19, ms6, b6, level, pms19, p19, pms6, p6);
        cpu[QString::number(n)] = QJsonObject{{"level", level},
                                              {"ms", ms19},
                                              {"bytes", double(b19)},
                                              {"ms_level6", ms6},
                                              {"bytes_level6", double(b6)},
                                              {"ms_prefixed", pms19},
                                              {"bytes_prefixed", double(p19)},
                                              {"ms_level6_prefixed", pms6},
                                              {"bytes_level6_prefixed", double(p6)}};
    }
    if (noPrefix)
        b.serveArgs << "--prefix-cache-mb"
                    << "0";
    b.start();

    std::printf("\n%-8s %-7s %-14s %8s %5s %10s %10s %9s %9s %8s\n", "profile", "pupils", "case", "seconds", "reqs", "wire up",
                "wire down", "limit B", "B-ratio", "t-ratio");
    QJsonObject results;
    int runNo = 0;
    for (const QString &profile : profiles) {
        const double rtt = profile == "lan" ? 0.0 : 0.6, bw = profile == "lan" ? 0.0 : 5000.0;
        Link link(b.port(), profile);
        QJsonObject pr;
        for (int n : sizes) {
            const Data &d = data[n];
            cx::TransportOptions o;
            o.baseUrl = link.url().toStdString();
            o.caFile = b.caFile().toStdString();
            auto row = [&](const char *what, const Case &c) {
                const double bytes = c.wireUp + c.wireDown;
                QJsonObject j{{"seconds", c.seconds},           {"requests", c.requests},
                              {"records", c.records},           {"wire_up", c.wireUp},
                              {"wire_down", c.wireDown},        {"json_bytes", double(d.json)},
                              {"limit_bytes", double(d.limit)}, {"byte_ratio", bytes / double(d.limit)}};
                QString t = "-";
                if (bw > 0) {
                    const double limit = rtt + double(d.limit) / bw;
                    j["limit_seconds"] = limit;
                    j["time_ratio"] = c.seconds / limit;
                    t = QString::number(c.seconds / limit, 'f', 2);
                }
                std::printf("%-8s %-7d %-14s %8.2f %5d %10.0f %10.0f %9zu %9.2f %8s\n", qPrintable(profile), n, what, c.seconds,
                            c.requests, c.wireUp, c.wireDown, d.limit, bytes / double(d.limit), qPrintable(t));
                std::fflush(stdout);
                if (bw > 0)
                    j["breakdown"] = breakdown(c, rtt, bw, double(d.limit));
                return j;
            };
            QJsonObject sj;
            { // First download: a new device of the school.
                Timing timing;
                cx::Engine dev((dir.path() + QStringLiteral("/down-%1.db").arg(++runNo)).toStdString(), cx::DataKey::generate(),
                               timing.factory());
                dev.setTuning(tuning);
                dev.enroll(o, "down" + std::to_string(n), "pw-123456", "bench");
                const Case c = measure(link, timing, [&] { return dev.sync(); });
                sj["first_download"] = row("first download", c);
                if (c.records < int(d.records.size())) // and the school's own record
                    std::printf("  (downloaded %d records, the school holds %zu)\n", c.records, d.records.size());
            }
            { // First upload: the whole school entered offline (the same records, this school's code).
                Timing timing;
                cx::Engine dev((dir.path() + QStringLiteral("/up-%1.db").arg(runNo)).toStdString(), cx::DataKey::generate(),
                               timing.factory());
                dev.setTuning(tuning);
                dev.enroll(o, "up" + std::to_string(n), "pw-123456", "bench");
                dev.sync();
                const std::string school = d.up.toStdString();
                // Ids are the device's to make; each run its own, so the server holds each school once.
                for (const auto &r : d.records)
                    dev.put(r.collection, r.id + "-" + std::to_string(runNo), school, r.fields);
                const Case c = measure(link, timing, [&] { return dev.sync(); });
                sj["first_upload"] = row("first upload", c);
                if (c.records != int(d.records.size()))
                    std::printf("  (uploaded %d records of %zu)\n", c.records, d.records.size());
            }
            pr[QString::number(n)] = sj;
        }
        results[profile] = pr;
    }
    results["compression_cpu"] = cpu;
    if (!jsonOut.isEmpty()) {
        QFile out(jsonOut);
        out.open(QIODevice::WriteOnly);
        out.write(QJsonDocument(results).toJson());
    }
    return 0;
}
