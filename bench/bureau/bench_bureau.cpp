// bench_bureau: a county as its bureau sees it (issue 14 "Speed", docs/bureau.md).
// The real server's demo county (default 100 schools x 2,000 pupils, their
// teachers, two school years of returns) plus 4,000 home visits a school
// (400,000), then a bureau device's first download of all of it over TLS on
// loopback, and the bureau's pages over that replica:
//   - first download: records, seconds, wire bytes; the time those bytes take
//     on a 2 Mbit/s office line, and the information limit (the same records
//     as canonical JSON Lines under zstd -19 --long, RTT + size / bandwidth);
//   - review queue, completeness (+ heat grid), statistics, the assignments
//     list, and a head's teacher choices (over the whole county's visits, the
//     worst case): median of 5, cold (a new read connection) and warm.
// --schools N --pupils N --visits N scale it; --json FILE writes the numbers.
#include "../../tests/integration/Fixture.h"

#include "bureau/Assignments.h"
#include "bureau/Completeness.h"
#include "bureau/ReviewQueue.h"
#include "bureau/Statistics.h"
#include "engine/Engine.h"
#include "engine/RecordQuery.h"
#include "storage/SqliteStore.h"
#include "sync/RecordWrites.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double seconds(const std::function<void()> &f)
{
    QElapsedTimer t;
    t.start();
    f();
    return t.nsecsElapsed() / 1e9;
}

// 4,000 visits a school, written straight into the server's store (one transaction a school).
size_t addVisits(const std::string &dbFile, int perSchool)
{
    cx::server::SqliteStore store(dbFile);
    std::vector<std::string> schools;
    for (const auto &r : store.recordsOf("schools", std::nullopt))
        schools.push_back(r.school);
    static const char *const notes[] = {"家长在外务工，由祖父母照顾，学习习惯一般", "孩子按时到校，家长支持学校工作",
                                        "家庭经济困难，已申请营养改善计划", "留守儿童，与班主任约定每周电话联系",
                                        "因病缺课三天，已补课"};
    static const char *const reasons[] = {"routine", "absence", "left_school", "subsidy", "safety"};
    std::mt19937 rng(7);
    size_t n = 0;
    for (const auto &s : schools) {
        cx::server::Transaction tx(store);
        std::vector<std::string> pupils;
        for (const auto &p : store.recordsOf("pupils", s))
            pupils.push_back(p.id);
        if (pupils.empty())
            continue;
        for (int i = 0; i < perSchool; ++i) {
            char id[48], date[16];
            std::snprintf(id, sizeof id, "v-%s-%06d", s.c_str(), i);
            std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + int(rng() % 12), 1 + int(rng() % 28));
            cx::Json f{{"pupil", pupils[rng() % pupils.size()]}, {"date", date},
                       {"reason", reasons[rng() % 5]},           {"visitors", "班主任"},
                       {"findings", notes[rng() % 5]},           {"outcome_back_at_school", rng() % 10 != 0}};
            cx::server::serverPut(store, "home_visits", id, s, f, "bench", 1764000000000);
            ++n;
        }
        tx.commit();
    }
    return n;
}

// The information in the records: canonical JSON Lines (collection, id,
// school, fields) under zstd -19 with long-distance matching.
std::pair<size_t, size_t> informationBytes(const std::string &dbFile)
{
    cx::server::SqliteStore store(dbFile);
    std::string all;
    for (const char *c : {"schools", "forms", "form_versions", "pupils", "teachers", "home_visits", "submissions"})
        for (const auto &r : store.recordsOf(c, std::nullopt))
            if (!r.deleted())
                all += cx::Json{{"c", c}, {"id", r.id}, {"s", r.school}, {"f", r.fields}}.dump() + '\n';
    ZSTD_CCtx *cc = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(cc, ZSTD_c_compressionLevel, 19);
    ZSTD_CCtx_setParameter(cc, ZSTD_c_enableLongDistanceMatching, 1);
    std::string out(ZSTD_compressBound(all.size()), '\0');
    const size_t z = ZSTD_compress2(cc, out.data(), out.size(), all.data(), all.size());
    ZSTD_freeCCtx(cc);
    return {all.size(), ZSTD_isError(z) ? 0 : z};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int schools = 100, pupils = 2000, visits = 4000;
    QString jsonOut;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == "--schools")
            schools = args[++i].toInt();
        else if (args[i] == "--pupils")
            pupils = args[++i].toInt();
        else if (args[i] == "--visits")
            visits = args[++i].toInt();
        else if (args[i] == "--json")
            jsonOut = args[++i];
    }
    BureauFixture b;
    std::printf("county: %d schools x %d pupils, %d visits a school\n", schools, pupils, visits);
    int code = 0;
    double build = seconds([&] {
        runTool(CX_SERVER_EXE,
                {"demo", b.location(), "--schools", QString::number(schools), "--pupils", QString::number(pupils), "--forms",
                 CX_FORMS_DIR},
                {}, &code);
    });
    const std::string serverDb = (b.dataDir() + "/cunxiao.db").toStdString();
    size_t visitCount = 0;
    build += seconds([&] { visitCount = addVisits(serverDb, visits); });
    std::printf("built in %.0f s (%zu visits)\n", build, visitCount);
    const auto [plainBytes, zstd19] = informationBytes(serverDb);
    b.start();

    const std::string db = b.path("bureau.db").toStdString();
    const cx::DataKey key = cx::DataKey::generate();
    cx::SyncReport rep;
    double download = 0;
    {
        cx::Engine e(db, key);
        cx::TransportOptions o;
        o.baseUrl = b.url().toStdString();
        o.caFile = b.caFile().toStdString();
        e.enroll(o, "chen.jun", "cunxiao-demo", "bench");
        download = seconds([&] { rep = e.sync(); });
    }
    const double mbit2 = 2e6 / 8, rtt = 0.05; // a county office line: 2 Mbit/s, 50 ms
    const double wireAt2 = rtt * rep.requests + double(rep.bytesDown + rep.bytesUp) / mbit2;
    const double limitAt2 = rtt + double(zstd19) / mbit2;
    std::printf("\n== first download of the county to the bureau's desktop (TLS, loopback)\n");
    std::printf("records %d in %.1f s (%.0f records/s), %d requests, %.1f MB down, %.1f MB up\n", rep.pulled, download,
                rep.pulled / download, rep.requests, rep.bytesDown / 1e6, rep.bytesUp / 1e6);
    std::printf("data: %.1f MB as JSON Lines, %.1f MB under zstd -19 --long (the information limit)\n", plainBytes / 1e6,
                zstd19 / 1e6);
    std::printf("on 2 Mbit/s, 50 ms: these bytes take %.0f s; the limit is %.0f s; ratio %.2fx\n", wireAt2, limitAt2,
                wireAt2 / limitAt2);

    // The pages.
    const cx::bureau::Day today = cx::bureau::today();
    std::string firstSchool;
    {
        cx::RecordQuery q(db, key);
        const auto schoolList = cx::bureau::schoolsOf(q);
        if (!schoolList.empty())
            firstSchool = schoolList.begin()->first;
    }
    struct Page {
        const char *name;
        std::function<size_t(cx::RecordQuery &)> run;
        std::vector<double> cold, warm;
        size_t rows = 0;
    };
    std::vector<Page> pages = {
        {"review queue (waiting)", [](cx::RecordQuery &q) { return cx::bureau::reviewQueue(q, {}).size(); }},
        {"completeness (this year)",
         [&](cx::RecordQuery &q) { return cx::bureau::completeness(q, "enrolment_return", "", today).schools.size(); }},
        {"completeness grid (4 years)",
         [&](cx::RecordQuery &q) { return cx::bureau::completenessGrid(q, "enrolment_return", 4, today).schools.size(); }},
        {"statistics (this year)",
         [&](cx::RecordQuery &q) { return size_t(cx::bureau::statistics(q, "enrolment_return", "", today).returns); }},
        {"assignments (all)",
         [&](cx::RecordQuery &q) {
             cx::bureau::AssignmentFilter all;
             all.state = "all";
             return cx::bureau::assignmentRows(q, all, today).size();
         }},
        // What a head's target card reads (bureau::teacherChoices), here over
        // the county's visits, not one school's: the worst case.
        {"teacher choices (1 school)", [&](cx::RecordQuery &q) { return cx::bureau::teacherChoices(q, firstSchool).size(); }},
    };
    for (int round = 0; round < 5; ++round)
        for (auto &p : pages) {
            p.cold.push_back(seconds([&] {
                cx::RecordQuery q(db, key);
                p.rows = p.run(q);
            }));
            cx::RecordQuery q(db, key);
            p.warm.push_back(seconds([&] { p.run(q); }));
        }
    std::printf("\n== the bureau's pages over that replica (median of 5; cold = a new read connection)\n");
    std::printf("%-30s %8s %10s %10s\n", "page", "rows", "cold ms", "warm ms");
    QJsonObject pj;
    for (const auto &p : pages) {
        std::printf("%-30s %8zu %10.1f %10.1f\n", p.name, p.rows, median(p.cold) * 1e3, median(p.warm) * 1e3);
        pj[p.name] = QJsonObject{{"rows", qint64(p.rows)}, {"cold_ms", median(p.cold) * 1e3}, {"warm_ms", median(p.warm) * 1e3}};
    }
    if (!jsonOut.isEmpty()) {
        QFile f(jsonOut);
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(QJsonObject{
                                  {"schools", schools},
                                  {"records", rep.pulled},
                                  {"download_s", download},
                                  {"bytes_down", qint64(rep.bytesDown)},
                                  {"bytes_up", qint64(rep.bytesUp)},
                                  {"requests", rep.requests},
                                  {"json_bytes", qint64(plainBytes)},
                                  {"zstd19_bytes", qint64(zstd19)},
                                  {"at_2mbit_s", wireAt2},
                                  {"limit_2mbit_s", limitAt2},
                                  {"pages", pj},
                              })
                    .toJson());
    }
    return 0;
}
