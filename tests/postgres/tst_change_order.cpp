// Change order with concurrent writers (docs/protocol.md, "Change order"): a
// reader that pulled "everything after seq N" of a school never later meets a
// lower seq of that school, so it misses nothing. Writer threads, each on its
// own store connection, push new records (unique ids) into the same and
// different schools through handleSync, sleeping a little inside their write
// transactions (a Validator that sleeps) so that their commits land in
// shuffled order; reader threads pull at the same time with their own
// cursors, then to the end. Every reader must end with every committed record
// exactly once, never see a seq at or below its cursor, and the checksums must
// agree with the records. Runs on SQLite and (CX_TEST_PG) on PostgreSQL.
#include "../server/TestUtil.h"

#include "protocol/Errors.h"
#include "sync/RecordWrites.h"

#include <QtTest>

#include <atomic>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace cxt;

namespace {

// Sleeps 0-4 ms in the write transaction, between reading and committing.
class SleepyValidator final : public Validator
{
public:
    std::optional<Rejection> check(Store &, const std::optional<RecordState> &, const RecordState &, const Mutation &,
                                   const DeviceSession &) const override
    {
        thread_local std::mt19937 gen(std::random_device{}());
        std::this_thread::sleep_for(std::chrono::microseconds(gen() % 4000));
        return std::nullopt;
    }
};

struct ReaderResult {
    std::multiset<std::string> ids;  // every record id received, with repeats
    std::vector<std::string> errors; // what went wrong (checked in the test thread)
};

} // namespace

class TestChangeOrder : public QObject
{
    Q_OBJECT
private slots:
    void readersMissNothing()
    {
        County c;
        c.store->putSchool({"C", "School C", "Test"});
        addUser(*c.store, "bureau2", "bureau", {}, "secret1");
        constexpr int kWriters = 6, kReaders = 3, kPushes = 25;
        std::vector<DeviceSession> writers, readers;
        for (int i = 0; i < kWriters; ++i)
            writers.push_back(c.device("bureau", "w-" + std::to_string(i)));
        for (int i = 0; i < kReaders; ++i)
            readers.push_back(c.device("bureau2", "r-" + std::to_string(i)));

        SleepyValidator sleepy;
        std::atomic<bool> writing{true};
        std::mutex committedLock;
        std::set<std::string> committed;
        std::vector<std::string> writerErrors;
        std::atomic<int> retries{0};

        std::vector<std::thread> threads;
        threads.reserve(size_t(kWriters));
        for (int w = 0; w < kWriters; ++w) {
            threads.emplace_back([&, w] {
                try {
                    auto store = c.open();
                    std::mt19937 gen(unsigned(w) * 7919u);
                    const char *schools[] = {"A", "B", "C"};
                    for (int n = 1; n <= kPushes; ++n) {
                        SyncRequest req;
                        req.device = writers[size_t(w)].device;
                        // Most pushes go to school A (writers of one school),
                        // some to B or C, some to two schools at once.
                        const std::string id1 = "w" + std::to_string(w) + "-" + std::to_string(n) + "a";
                        const std::string id2 = "w" + std::to_string(w) + "-" + std::to_string(n) + "b";
                        const std::string s1 = gen() % 3 ? "A" : schools[gen() % 3];
                        req.mutations.push_back(
                            put(2 * uint64_t(n) - 1, "pupils", id1, s1, Json{{"n", n}}, ver(kNow + n, 100 + uint32_t(w))));
                        if (gen() % 2)
                            req.mutations.push_back(put(2 * uint64_t(n), "pupils", id2, schools[gen() % 3], Json{{"n", n}},
                                                        ver(kNow + n, 100 + uint32_t(w), 1)));
                        req.pageBytes = 1;
                        for (;;) {
                            try {
                                SyncResponse r = handleSync(*store, writers[size_t(w)], req, kNow, sleepy);
                                if (!r.rejected.empty())
                                    throw std::runtime_error("rejected: " + r.rejected[0].reason);
                                std::lock_guard g(committedLock);
                                for (const auto &m : req.mutations)
                                    committed.insert(m.id);
                                break;
                            } catch (const cx::Error &e) {
                                if (e.kind() != ErrorKind::Unavailable)
                                    throw;
                                ++retries; // a busy database: the device retries the same push
                                if (!store->usable())
                                    store = c.open();
                            }
                        }
                    }
                } catch (const std::exception &e) {
                    std::lock_guard g(committedLock);
                    writerErrors.emplace_back(e.what());
                }
            });
        }

        std::vector<ReaderResult> results(kReaders);
        for (int rd = 0; rd < kReaders; ++rd) {
            threads.emplace_back([&, rd] {
                ReaderResult &out = results[size_t(rd)];
                try {
                    auto store = c.open();
                    Cursor cursor;
                    // Small pages, so a pull spans several requests while writers commit.
                    const uint64_t pageBytes = 600;
                    auto pull = [&] {
                        SyncRequest req;
                        req.device = readers[size_t(rd)].device;
                        req.cursor = cursor;
                        req.pageBytes = pageBytes;
                        SyncResponse r = handleSync(*store, readers[size_t(rd)], req, kNow);
                        for (const auto &rec : r.changes) {
                            if (rec.collection != "pupils")
                                continue;
                            auto at = cursor.find(rec.school);
                            const uint64_t below = at == cursor.end() ? 0 : at->second;
                            if (rec.seq <= below)
                                out.errors.push_back(rec.id + " came with seq " + std::to_string(rec.seq) +
                                                     " at or below the cursor " + std::to_string(below) + " of school " +
                                                     rec.school);
                            out.ids.insert(rec.id);
                        }
                        for (const auto &[scope, seq] : r.cursor) {
                            if (seq < cursor[scope])
                                out.errors.push_back("the cursor of " + scope + " went back");
                            cursor[scope] = seq;
                        }
                        return r.more;
                    };
                    while (writing.load())
                        pull();
                    while (pull()) {
                    }
                } catch (const std::exception &e) {
                    out.errors.emplace_back(e.what());
                }
            });
        }

        for (int w = 0; w < kWriters; ++w)
            threads[size_t(w)].join();
        writing = false;
        for (size_t i = kWriters; i < threads.size(); ++i)
            threads[i].join();

        for (const auto &e : writerErrors)
            qWarning("writer: %s", e.c_str());
        QVERIFY(writerErrors.empty());
        QVERIFY(committed.size() >= size_t(kWriters * kPushes));
        qInfo("%zu records committed by %d writers (%d retried pushes)", committed.size(), kWriters, retries.load());
        for (int rd = 0; rd < kReaders; ++rd) {
            const ReaderResult &r = results[size_t(rd)];
            for (size_t i = 0; i < r.errors.size() && i < 10; ++i)
                qWarning("reader %d: %s", rd, r.errors[i].c_str());
            QVERIFY2(r.errors.empty(), "a reader saw a seq below its cursor");
            std::set<std::string> distinct(r.ids.begin(), r.ids.end());
            std::vector<std::string> missing;
            std::set_difference(committed.begin(), committed.end(), distinct.begin(), distinct.end(),
                                std::back_inserter(missing));
            for (size_t i = 0; i < missing.size() && i < 10; ++i)
                qWarning("reader %d never received %s", rd, missing[i].c_str());
            QCOMPARE(missing.size(), size_t(0));
            QCOMPARE(r.ids.size(), committed.size()); // each exactly once
            QCOMPARE(distinct.size(), committed.size());
        }
        // The checksums the readers were sent agree with the records.
        for (const char *s : {"A", "B", "C"})
            QCOMPARE(c.store->scopeSum(s), recomputeScopeSum(*c.store, s));
    }
};

QTEST_GUILESS_MAIN(TestChangeOrder)
#include "tst_change_order.moc"
