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
// usage: bench_wire [--pupils 500,2000] [--profiles lan,village] [--json FILE] [--keep-data DIR] [--page-kb N]
//                   [--first-kb N] [--no-prefix]
// --keep-data writes each school's canonical JSON Lines (schoolN.jsonl) to DIR,
// so the limit can be checked with the zstd command: zstd -19 --long -c F | wc -c
#include "../../tests/integration/Fixture.h"

#include "demo/DemoRoster.h"
#include "engine/Engine.h"
#include "protocol/Compression.h"
#include "LinkProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
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

struct Case {
    double seconds = 0, wireUp = 0, wireDown = 0;
    int requests = 0, records = 0;
};

template <class F> Case measure(Link &link, F &&fn)
{
    const QJsonObject s0 = link.stats();
    QElapsedTimer t;
    t.start();
    const cx::SyncReport r = fn();
    Case c;
    c.seconds = t.elapsed() / 1000.0;
    const QJsonObject s1 = link.stats();
    c.requests = r.requests;
    c.records = r.pulled + r.pushed;
    c.wireUp = s1["bytes_up"].toDouble() - s0["bytes_up"].toDouble();
    c.wireDown = s1["bytes_down"].toDouble() - s0["bytes_down"].toDouble();
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList profiles = {"lan", "village"};
    QList<int> sizes = {500, 2000};
    QString jsonOut, keepDir;
    cx::SyncTuning tuning;
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
                return j;
            };
            QJsonObject sj;
            { // First download: a new device of the school.
                cx::Engine dev((dir.path() + QStringLiteral("/down-%1.db").arg(++runNo)).toStdString(), cx::DataKey::generate());
                dev.setTuning(tuning);
                dev.enroll(o, "down" + std::to_string(n), "pw-123456", "bench");
                const Case c = measure(link, [&] { return dev.sync(); });
                sj["first_download"] = row("first download", c);
                if (c.records < int(d.records.size())) // and the school's own record
                    std::printf("  (downloaded %d records, the school holds %zu)\n", c.records, d.records.size());
            }
            { // First upload: the whole school entered offline (the same records, this school's code).
                cx::Engine dev((dir.path() + QStringLiteral("/up-%1.db").arg(runNo)).toStdString(), cx::DataKey::generate());
                dev.setTuning(tuning);
                dev.enroll(o, "up" + std::to_string(n), "pw-123456", "bench");
                dev.sync();
                const std::string school = d.up.toStdString();
                // Ids are the device's to make; each run its own, so the server holds each school once.
                for (const auto &r : d.records)
                    dev.put(r.collection, r.id + "-" + std::to_string(runNo), school, r.fields);
                const Case c = measure(link, [&] { return dev.sync(); });
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
