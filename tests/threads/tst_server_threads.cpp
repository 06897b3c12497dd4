// Several devices syncing at the same moment to one server, with the server in
// this process (cunxiao_server_core's HttpServer over real TLS, the same code
// `cunxiao-server serve` runs) so that TSan sees the server's threads too:
// cpp-httplib's thread pool, the store lock, the SQLite store. Each device runs
// on its own thread with its own replica file and its own CurlTransport.
//
// Devices: two heads of school A on two phones, a teacher of B, an inspector of
// A and B. They create pupils, edit the same pupils' fields (conflicts), settle
// conflicts, remove some, and sync, all at once. Afterwards, when all is quiet:
// every record put is on the server exactly once, removed ones are deleted, and
// every replica holds exactly the server's records of its schools.
#include "TestKey.h"
#include "ThreadTests.h"
#include "../integration/Fixture.h"
#include "admin/Admin.h"
#include "engine/Engine.h"
#include "http/HttpServer.h"
#include "protocol/Errors.h"
#include "storage/SqliteStore.h"
#include "sync/FormsValidator.h"

#include <QtTest>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using cx::Json;

namespace {

struct Device {
    std::string user, db, school; // school: where it creates pupils
    std::set<std::string> sees;   // the schools it holds
    std::unique_ptr<cx::Engine> engine;
};

} // namespace

class TestServerThreads : public QObject
{
    Q_OBJECT
private slots:
    void devicesAtOnce()
    {
        BureauFixture b(true); // certificates, data directory; its server process is not started
        b.addSchool("A", "甲校");
        b.addSchool("B", "乙校");
        b.addUser("head.a", "head", "A");
        b.addUser("head.a2", "head", "A");
        b.addUser("teacher.b", "teacher", "B");
        b.addUser("inspector", "inspector", "A,B");

        const std::string dataDir = b.dataDir().toStdString();
        cx::server::StorePool stores([dataDir] { return cx::server::openDataDir(dataDir); });
        cx::server::FormsValidator validator;
        cx::server::HttpOptions opt;
        opt.tlsCert = b.path("server.pem").toStdString();
        opt.tlsKey = b.path("server.key").toStdString();
        opt.threads = 4;
        opt.log = false;
        opt.attachmentsDir = (b.dataDir() + "/attachments").toStdString();
        cx::server::HttpServer http(stores, validator, opt);
        int port = http.bind();
        // Stopped and joined however the test ends (a failed check returns early).
        struct Serving {
            cx::server::HttpServer &http;
            std::thread thread;
            void stop()
            {
                http.stop();
                if (thread.joinable())
                    thread.join();
            }
            ~Serving() { stop(); }
        } serving{http, std::thread([&] { http.run(); })};

        cx::TransportOptions server;
        server.baseUrl = "https://localhost:" + std::to_string(port);
        server.caFile = b.caFile().toStdString();
        std::vector<Device> devices(4);
        devices[0] = {"head.a", "head-a.db", "A", {"A"}, nullptr};
        devices[1] = {"head.a2", "head-a2.db", "A", {"A"}, nullptr};
        devices[2] = {"teacher.b", "teacher-b.db", "B", {"B"}, nullptr};
        devices[3] = {"inspector", "inspector.db", "B", {"A", "B"}, nullptr};
        // Enrolling at the same time too.
        {
            std::vector<std::thread> enrolling;
            Failures fails;
            for (auto &d : devices) {
                d.engine = std::make_unique<cx::Engine>(b.path(QString::fromStdString(d.db)).toStdString(), testKey());
                enrolling.emplace_back([&] {
                    try {
                        d.engine->enroll(server, d.user, "pw-123456", d.user + "'s phone");
                        cx::SyncTuning t = d.engine->tuning();
                        t.pushBytes = 2048; // many small requests: more interleaving on the server
                        t.firstPageBytes = t.maxPageBytes = 8192;
                        d.engine->setTuning(t);
                    } catch (const std::exception &e) {
                        fails.add(QString("enroll %1: %2").arg(d.user.c_str(), e.what()));
                    }
                });
            }
            for (auto &t : enrolling)
                t.join();
            for (const QString &f : fails.list)
                qWarning("%s", qPrintable(f));
            QVERIFY(fails.list.isEmpty());
        }

        constexpr int kRounds = 12, kNewPerRound = 4;
        std::mutex ledgerMutex;
        std::map<std::string, std::pair<std::string, bool>> ledger; // tag -> (id, removed)
        Failures fails;
        std::atomic<int> requests{0}, edits{0}, settled{0};
        std::vector<std::thread> threads;
        for (size_t k = 0; k < devices.size(); ++k) {
            threads.emplace_back([&, k] {
                Device &d = devices[k];
                cx::Engine &e = *d.engine;
                std::mt19937 rng(k + 1);
                for (int round = 0; round < kRounds; ++round) {
                    try {
                        for (int i = 0; i < kNewPerRound; ++i) {
                            std::string tag = d.user + "-" + std::to_string(round) + "-" + std::to_string(i);
                            std::string id =
                                e.put("pupils", "", d.school, Json{{"tag", tag}, {"name", "学生 " + tag}, {"grade", 1}});
                            bool remove = i == 3 && round % 2 == 0;
                            {
                                std::lock_guard l(ledgerMutex);
                                ledger[tag] = {id, false};
                            }
                            if (remove) {
                                e.remove("pupils", id);
                                std::lock_guard l(ledgerMutex);
                                ledger[tag].second = true;
                            }
                        }
                        // Edit pupils others created too (same field: conflicts), but
                        // never ones that get removed (i == 3), so that every removal
                        // is final and every put stays countable.
                        for (const auto &r : e.list("pupils")) {
                            std::string tag = r.fields.value("tag", "");
                            if (tag.ends_with("-3") || rng() % 4)
                                continue;
                            e.put("pupils", r.id, "", Json{{"grade", int(rng() % 9)}, {"by_" + std::to_string(k), round}});
                            ++edits;
                        }
                        cx::SyncReport rep = e.sync();
                        requests += rep.requests;
                        settled += settleAll(e);
                        (void)e.status();
                    } catch (const std::exception &ex) {
                        fails.add(QString("%1 round %2: %3").arg(d.user.c_str()).arg(round).arg(ex.what()));
                    }
                }
            });
        }
        for (auto &t : threads)
            t.join();
        qInfo("requests %d, edits of shared pupils %d, conflicts settled %d", int(requests), int(edits), int(settled));
        for (const QString &f : fails.list)
            qWarning("%s", qPrintable(f));
        QVERIFY(fails.list.isEmpty());
        QVERIFY(requests > int(devices.size()) * kRounds);

        // Quiet: all sync at once until nothing moves; then one device after the
        // other pulls, settles what it still sees and pushes (two devices settling
        // the same conflict at once would make a new one); then all sync again.
        {
            std::vector<std::thread> quiet;
            quiet.reserve(devices.size());
            for (auto &d : devices)
                quiet.emplace_back([&] {
                    try {
                        syncQuiet(*d.engine);
                    } catch (const std::exception &ex) {
                        fails.add(QString("%1 quiet: %2").arg(d.user.c_str(), ex.what()));
                    }
                });
            for (auto &t : quiet)
                t.join();
        }
        for (auto &d : devices) {
            syncQuiet(*d.engine);
            settleAll(*d.engine);
            syncQuiet(*d.engine);
        }
        for (int pass = 0; pass < 2; ++pass)
            for (auto &d : devices)
                syncQuiet(*d.engine);
        QVERIFY(fails.list.isEmpty());

        serving.stop();

        std::map<std::string, cx::RecordState> onServer;
        std::map<std::string, int> count; // tag -> live records with it
        auto store = cx::server::openDataDir(dataDir);
        for (const auto &r : store->recordsOf("pupils", std::nullopt)) {
            onServer[r.id] = r;
            if (!r.deleted())
                count[r.fields.value("tag", "")]++;
        }
        QCOMPARE(int(ledger.size()), int(devices.size()) * kRounds * kNewPerRound);
        for (const auto &[tag, entry] : ledger) {
            const auto &[id, removed] = entry;
            QVERIFY2(onServer.count(id), tag.c_str());
            QVERIFY2(count[tag] == (removed ? 0 : 1),
                     qPrintable(QString("%1 is live on the server %2 times").arg(tag.c_str()).arg(count[tag])));
            QCOMPARE(onServer[id].deleted(), removed);
            if (!removed)
                QCOMPARE(onServer[id].fields.value("name", ""), "学生 " + tag);
        }
        for (auto &d : devices) {
            cx::EngineStatus st = d.engine->status();
            QCOMPARE(st.pending, 0);
            QCOMPARE(st.sent, 0);
            QCOMPARE(st.conflicts, 0);
            QCOMPARE(st.rejected, 0);
            std::map<std::string, cx::LocalRecord> mine;
            for (auto &r : d.engine->list("pupils", true))
                mine[r.id] = r;
            int expected = 0;
            for (const auto &[id, s] : onServer) {
                if (!d.sees.count(s.school))
                    continue;
                ++expected;
                QVERIFY2(mine.count(id), qPrintable(QString("%1 lacks %2").arg(d.user.c_str(), id.c_str())));
                const cx::LocalRecord &l = mine[id];
                QCOMPARE(l.deleted, s.deleted());
                QCOMPARE(l.state, cx::SyncState::Confirmed);
                if (!s.deleted()) {
                    Json f = s.fields;
                    f.erase(cx::kDeletedField);
                    QCOMPARE(QString::fromStdString(l.fields.dump()), QString::fromStdString(f.dump()));
                }
            }
            QCOMPARE(int(mine.size()), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerThreads)
#include "tst_server_threads.moc"
