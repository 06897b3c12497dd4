// The engine used as the app uses it, from several threads at once, against the
// real cunxiao-server process over real TLS: one thread runs Engine::sync()
// over and over (the app's sync worker) while others put, remove, resolve,
// list, get and ask for the status (the GUI thread and its models). A second
// device edits the same records at the same time, so conflicts arrive while
// the first device is writing and settling them. Run under TSan by make tsan.
//
// Afterwards, with everything synced: every record put is on the server exactly
// once (counted by a unique tag), removed ones are gone, nothing is left to send,
// and both replicas hold exactly the server's records.
#include "TestKey.h"
#include "ThreadTests.h"
#include "../integration/Fixture.h"
#include "engine/Engine.h"
#include "protocol/Errors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

using cx::Json;

namespace {

// What the writers did: tag -> (id, removed).
struct Ledger {
    std::mutex mutex;
    std::map<std::string, std::pair<std::string, bool>> entries;
    void add(const std::string &tag, const std::string &id)
    {
        std::lock_guard l(mutex);
        entries[tag] = {id, false};
    }
    void removed(const std::string &tag)
    {
        std::lock_guard l(mutex);
        entries[tag].second = true;
    }
};

QJsonObject toQt(const Json &j) { return QJsonDocument::fromJson(QByteArray::fromStdString(j.dump())).object(); }

} // namespace

class TestEngineThreads : public QObject
{
    Q_OBJECT
private slots:
    void syncWhileEditing()
    {
        BureauFixture b(true);
        b.addSchool("A", "甲校");
        b.addUser("head.a", "head", "A");
        b.addUser("head.a2", "head", "A");
        b.start();

        cx::TransportOptions server;
        server.baseUrl = b.url().toStdString();
        server.caFile = b.caFile().toStdString();
        cx::Engine app(b.path("app.db").toStdString(), testKey());
        app.enroll(server, "head.a", "pw-123456", "tablet");
        cx::Engine other(b.path("other.db").toStdString(), testKey());
        other.enroll(server, "head.a2", "pw-123456", "phone");
        // Small pushes and pages: many cycles per sync, so the other threads
        // run between the cycle's phases (read outbox, POST, apply).
        cx::SyncTuning t = app.tuning();
        t.pushBytes = 2048;
        t.firstPageBytes = t.maxPageBytes = 8192;
        app.setTuning(t);

        // Writers go on for a few seconds, so that many sync cycles run among their writes.
        constexpr int kWriters = 2, kMinPerWriter = 40;
        const auto writeUntil = std::chrono::steady_clock::now() + std::chrono::seconds(4);
        Ledger ledger;
        Failures fails;
        std::atomic<bool> stop{false};
        std::atomic<int> syncs{0}, requests{0}, resolved{0}, otherEdits{0}, reads{0}, progress{0};
        // As SyncController does: a progress callback set before syncing, called on the sync thread.
        app.setProgressCallback([&](const cx::SyncProgress &) { ++progress; });

        // The app's sync worker.
        std::thread syncer([&] {
            while (!stop) {
                try {
                    requests += app.sync().requests;
                    ++syncs;
                } catch (const std::exception &e) {
                    fails.add(QString("app sync: %1").arg(e.what()));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
        // The person typing: new pupils, edits of their grade, some removed.
        std::vector<std::thread> writers;
        writers.reserve(kWriters);
        for (int w = 0; w < kWriters; ++w) {
            writers.emplace_back([&, w] {
                std::mt19937 rng(1000 + w);
                std::vector<std::pair<std::string, std::string>> mine; // tag, id
                for (int i = 0; i < kMinPerWriter || std::chrono::steady_clock::now() < writeUntil; ++i) {
                    try {
                        std::string tag = "w" + std::to_string(w) + "-" + std::to_string(i);
                        std::string id = app.put("pupils", "", "", Json{{"name", "学生" + tag}, {"tag", tag}, {"grade", i % 6}});
                        ledger.add(tag, id);
                        mine.emplace_back(tag, id);
                        auto got = app.get("pupils", id);
                        if (!got || got->fields.value("tag", "") != tag)
                            fails.add(QString("get after put lost %1").arg(tag.c_str()));
                        if (i % 3 == 0 && mine.size() > 1) { // edit an earlier one
                            auto &[etag, eid] = mine[rng() % (mine.size() - 1)];
                            if (!etag.ends_with('4') && !etag.ends_with('9'))
                                app.put("pupils", eid, "",
                                        Json{{"grade", int(rng() % 6)}, {"note", "edited " + std::to_string(i)}});
                        }
                        if (i % 10 == 4 || i % 10 == 9) { // i ends in 4 or 9: removed (the other device never edits these)
                            app.remove("pupils", id);
                            ledger.removed(tag);
                        }
                    } catch (const std::exception &e) {
                        fails.add(QString("writer %1: %2").arg(w).arg(e.what()));
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 20));
                }
            });
        }
        // The conflicts page: settles whatever conflicts it sees.
        std::thread resolver([&] {
            while (!stop) {
                try {
                    resolved += settleAll(app);
                } catch (const cx::Error &e) {
                    // Invalid: a sync on the other thread settled it between conflicts() and resolve().
                    if (e.kind() != cx::ErrorKind::Invalid)
                        fails.add(QString("resolve: %1").arg(e.what()));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(3));
            }
        });
        // The lists and the status bar.
        std::thread reader([&] {
            while (!stop) {
                try {
                    auto all = app.list("pupils");
                    cx::EngineStatus st = app.status();
                    app.setLinkMetered(reads % 2); // LinkMonitor tells the engine from the GUI thread
                    (void)app.tuning();
                    if (st.pending < 0 || st.sent < 0 || !st.enrolled)
                        fails.add("status out of range");
                    if (!all.empty()) {
                        const auto &r = all[size_t(reads) % all.size()];
                        auto one = app.get("pupils", r.id);
                        if (!one)
                            fails.add(QString("listed %1 but get finds nothing").arg(r.id.c_str()));
                    }
                    ++reads;
                } catch (const std::exception &e) {
                    fails.add(QString("reader: %1").arg(e.what()));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
        // Another head of the same school, editing the same pupils' grades.
        std::thread otherDevice([&] {
            std::mt19937 rng(77);
            while (!stop) {
                try {
                    other.sync();
                    for (const auto &r : other.list("pupils")) {
                        std::string tag = r.fields.value("tag", "");
                        if (tag.ends_with('4') || tag.ends_with('9') || rng() % 3)
                            continue;
                        other.put("pupils", r.id, "", Json{{"grade", 10 + int(rng() % 3)}});
                        ++otherEdits;
                    }
                    settleAll(other);
                } catch (const cx::Error &e) {
                    if (e.kind() != cx::ErrorKind::Invalid)
                        fails.add(QString("other device: %1").arg(e.what()));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });

        for (auto &w : writers)
            w.join();
        // Let sync, conflicts and edits go on a little after the last put.
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        stop = true;
        syncer.join();
        resolver.join();
        reader.join();
        otherDevice.join();
        qInfo("puts %d, syncs %d (%d requests, %d progress calls), resolved %d, other device's edits %d, reads %d",
              int(ledger.entries.size()), int(syncs), int(requests), int(progress), int(resolved), int(otherEdits), int(reads));
        for (const QString &f : fails.list)
            qWarning("%s", qPrintable(f));
        QVERIFY(fails.list.isEmpty());
        QVERIFY(requests > 5); // the sync thread really ran among the writes
        QVERIFY(progress > 0);

        // Quiet: the app settles what is left (only one device settles: two settling
        // the same conflict at once would make a new one), then both sync until
        // nothing moves.
        syncQuiet(other);
        syncQuiet(app);
        settleAll(app);
        syncQuiet(app);
        syncQuiet(other);
        syncQuiet(app);

        for (auto *e : {&app, &other}) {
            cx::EngineStatus st = e->status();
            QCOMPARE(st.pending, 0);
            QCOMPARE(st.sent, 0);
            QCOMPARE(st.rejected, 0);
            QCOMPARE(st.conflicts, 0);
        }

        // Every put on the server exactly once; removed ones gone.
        const QJsonObject onServer = b.serverRecords("pupils");
        std::map<std::string, int> count;
        for (const auto &v : onServer)
            count[v.toObject()["fields"].toObject()["tag"].toString().toStdString()]++;
        QVERIFY(int(ledger.entries.size()) >= kWriters * kMinPerWriter);
        int live = 0;
        for (const auto &[tag, e] : ledger.entries) {
            const auto &[id, removed] = e;
            QVERIFY2(count[tag] == (removed ? 0 : 1),
                     qPrintable(QString("%1 is on the server %2 times").arg(tag.c_str()).arg(count[tag])));
            if (!removed) {
                ++live;
                QJsonObject f = onServer[QString::fromStdString(id)].toObject()["fields"].toObject();
                QCOMPARE(f["tag"].toString().toStdString(), tag);
                QCOMPARE(f["name"].toString().toStdString(), "学生" + tag);
            }
        }
        QCOMPARE(onServer.size(), live);

        // Both replicas equal the server, record by record.
        for (auto *e : {&app, &other}) {
            auto mine = e->list("pupils");
            QCOMPARE(int(mine.size()), onServer.size());
            for (const auto &r : mine) {
                QVERIFY(onServer.contains(QString::fromStdString(r.id)));
                QCOMPARE(toQt(r.fields), onServer[QString::fromStdString(r.id)].toObject()["fields"].toObject());
                QCOMPARE(r.state, cx::SyncState::Confirmed);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestEngineThreads)
#include "tst_engine_threads.moc"
