// What only the PostgreSQL store has (CX_TEST_PG; docs/server.md, "PostgreSQL"):
// migrations and their lock, refusing an uninitialised database, connection
// errors that name the problem without the password, sequences, attachments
// in the database (resumed on another instance, hashed part by part, stale
// parts removed), and an outage: PostgreSQL stopped under a running server
// gives 503, and after it restarts the next request succeeds.
#include "../server/TestUtil.h"

#include "attachments/AttachmentStore.h"
#include "attachments/PgBlobStore.h"
#include "http/HttpServer.h"
#include "protocol/Compression.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "storage/PgConnection.h"
#include "storage/PgStore.h"
#include "storage/StorePool.h"

#include <QProcess>
#include <QtTest>
#include <httplib.h>

#include <thread>

using namespace cxt;

namespace {

std::string bytes(size_t n, unsigned seed)
{
    std::string s(n, '\0');
    unsigned x = seed;
    for (auto &c : s) {
        x = x * 1664525u + 1013904223u;
        c = char(x >> 24);
    }
    return s;
}

std::string withPassword(const std::string &uri, const std::string &password)
{
    // postgresql://cx_test:cx_test@... -> postgresql://cx_test:PASSWORD@...
    const auto colon = uri.find(':', uri.find("://") + 3), at = uri.find('@');
    return uri.substr(0, colon + 1) + password + uri.substr(at);
}

int runServer(const QStringList &args, QString *err)
{
    QProcess p;
    p.start(CX_SERVER_EXE, args);
    p.waitForFinished(60000);
    *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}

} // namespace

class TestPgStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!TestDatabase::enabled())
            QSKIP("CX_TEST_PG is not set (ctest runs this as tst_pg_store_pg with a private PostgreSQL)");
    }

    void migratesOnceUnderConcurrentInit()
    {
        TestDatabase db;
        std::vector<std::thread> ts;
        ts.reserve(4);
        std::atomic<int> ok{0};
        for (int i = 0; i < 4; ++i)
            ts.emplace_back([&] {
                try {
                    auto s = openPostgresStore(db.uri(), true);
                    if (s->schemaVersion() == PgStore::latestSchemaVersion())
                        ++ok;
                } catch (const std::exception &e) {
                    qWarning("init: %s", e.what());
                }
            });
        for (auto &t : ts)
            t.join();
        QCOMPARE(ok.load(), 4);
        auto s = openPostgresStore(db.uri(), false);
        QCOMPARE(s->schemaVersion(), PgStore::latestSchemaVersion());
        s->setMeta("schema_version", "999");
        try {
            openPostgresStore(db.uri(), false);
            QFAIL("opened a newer schema");
        } catch (const cx::Error &e) {
            QVERIFY(std::string(e.what()).find("newer") != std::string::npos);
        }
    }

    void refusesUninitialisedDatabase()
    {
        TestDatabase db;
        try {
            openPostgresStore(db.uri(), false);
            QFAIL("opened an empty database");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            const std::string m = e.what();
            QVERIFY2(m.find("run: cunxiao-server init postgresql://cx_test:***@") != std::string::npos, m.c_str());
            QVERIFY(m.find("cx_test:cx_test") == std::string::npos);
        }
        QString err;
        QVERIFY(runServer({"export", QString::fromStdString(db.uri()), "pupils", "--format", "jsonl"}, &err) != 0);
        QVERIFY2(err.contains("cunxiao-server init"), qPrintable(err));
    }

    void wrongPasswordSaysSo()
    {
        const std::string bad =
            withPassword(TestDatabase::withDatabase(std::getenv("CX_TEST_PG"), "postgres"), "not-the-password-42");
        try {
            openPostgresStore(bad, false);
            QFAIL("connected with a wrong password");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            const std::string m = e.what();
            QVERIFY2(m.find("cannot connect to PostgreSQL at 127.0.0.1:") != std::string::npos, m.c_str());
            QVERIFY2(m.find("password authentication failed for user \"cx_test\"") != std::string::npos, m.c_str());
            QVERIFY(m.find("not-the-password-42") == std::string::npos);
        }
        // Every command, at start.
        for (const QStringList &args :
             {QStringList{"init", QString::fromStdString(bad)},
              QStringList{"serve", QString::fromStdString(bad), "--listen", "127.0.0.1:0"},
              QStringList{"admin", QString::fromStdString(bad), "add-school", "--id", "X", "--name", "x"}}) {
            QString err;
            QVERIFY(runServer(args, &err) != 0);
            QVERIFY2(err.contains("password authentication failed"), qPrintable(err));
            QVERIFY2(!err.contains("not-the-password-42"), qPrintable(err));
        }
        // No such database.
        try {
            openPostgresStore(TestDatabase::withDatabase(std::getenv("CX_TEST_PG"), "cx_no_such_db"), false);
            QFAIL("connected to a missing database");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            QVERIFY2(std::string(e.what()).find("database \"cx_no_such_db\" does not exist") != std::string::npos, e.what());
        }
        // Nobody listening: retryable.
        try {
            openPostgresStore("postgresql://cx_test:x@127.0.0.1:1/postgres", false);
            QFAIL("connected to port 1");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Unavailable);
        }
    }

    void sequencesNodesAndSums()
    {
        County c;
        Store &s = *c.store;
        {
            Transaction tx(s);
            const uint64_t a = s.nextSeq(), b = s.nextSeq(), c3 = s.nextSeq();
            QVERIFY(b > a);
            QVERIFY(c3 > b);
            QVERIFY(s.lastSeq() >= c3); // a block is reserved: lastSeq counts it
            tx.commit();
        }
        {
            Transaction tx(s); // rolled back: the record goes, the seq leaves a gap
            RecordState r;
            r.collection = "pupils";
            r.id = "gone";
            r.school = "A";
            r.seq = s.nextSeq();
            s.putRecord(r);
        }
        QVERIFY(!s.record("pupils", "gone"));
        Device d1{"d1", "head.a", 0, "h1", "n", 0, false, kNow, 0};
        Device d2{"d2", "head.a", 0, "h2", "n", 0, false, kNow, 0};
        const uint32_t n1 = s.insertDevice(d1), n2 = c.open()->insertDevice(d2);
        QVERIFY(n1 >= 1 && n2 >= 1 && n1 != n2);
        QCOMPARE(s.device("d2")->node, n2);
        const uint64_t big = 0xfedcba9876543210ull;
        s.setScopeSum("A", big);
        QCOMPARE(c.open()->scopeSum("A"), big);
        s.setServerHlc("A", big >> 1);
        QCOMPARE(s.serverHlc("A"), big >> 1);
        QCOMPARE(s.serverHlc("B"), uint64_t(0));
        QCOMPARE(s.schools().size(), size_t(2));
        QCOMPARE(s.account("inspector")->schools, (std::vector<std::string>{"A", "B"}));
        QCOMPARE(s.revokeDevicesOf("head.a"), 2);
        QCOMPARE(s.revokeDevicesOf("head.a"), 0);
    }

    // Inside a write transaction records, attachment references and audit
    // rows are kept and sent as array statements (PgStore::flushWrites):
    // reads in the same transaction see them, the last write of a record
    // wins, text with quotes, backslashes, braces and Chinese arrives intact,
    // the audit keeps its order, and references are replaced, not added.
    // A push's writes go in batches (docs/server.md "Round trips per written
    // record"): the look-ups a push makes per mutation (its school, the
    // account) must not send the kept writes one record at a time. Measured:
    // 637 statements for 200 new records (each record read before and after
    // it is applied, its school read once, the writes in a few batches);
    // sending the writes per record would cost about 5 per record.
    void pushCostsAboutOneStatementPerRecord()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        auto *pg = dynamic_cast<PgStore *>(c.store.get());
        QVERIFY(pg);
        std::vector<Mutation> batch;
        for (uint64_t n = 1; n <= 200; ++n)
            batch.push_back(put(n, "pupils", "p" + std::to_string(n), "A", {{"name", "学生" + std::to_string(n)}},
                                ver(kNow, d.node, uint32_t(n))));
        c.sync(d, {}); // prepares the statements of a sync, so the count below is the push's own
        const uint64_t before = pg->statements();
        const SyncResponse r = c.sync(d, batch);
        const uint64_t spent = pg->statements() - before;
        QCOMPARE(r.acked, uint64_t(200));
        QVERIFY(r.rejected.empty());
        QCOMPARE(c.store->countAfter("A", 0), uint64_t(200));
        qInfo("a push of 200 new records: %llu statements", static_cast<unsigned long long>(spent));
        QVERIFY2(spent <= 3 * 200 + 60, qPrintable(QString("%1 statements for 200 records").arg(spent)));
    }

    void keptWritesAreSentBeforeReads()
    {
        County c;
        Store &s = *c.store;
        const std::string odd = "王小明 \"the\" \\back\\slash {a,b} NULL";
        {
            Transaction tx(s);
            s.lockSchools({"A"});
            for (int i = 0; i < 3; ++i) {
                RecordState r;
                r.collection = "pupils";
                r.id = "p1";
                r.school = "A";
                r.fields = Json{{"name", odd + std::to_string(i)}};
                r.seq = s.nextSeq();
                s.putRecord(r);
                s.setAttachmentRefs("pupils", "p1", "A", {"sha-old-" + std::to_string(i)});
                s.addAudit(AuditEntry{r.seq, kNow + i, "head.a", "d1", "pupils", "p1", Json{{"i", i}}});
            }
            s.setAttachmentRefs("pupils", "p1", "A", {"sha-new", "sha-other"});
            QCOMPARE(s.record("pupils", "p1")->fields["name"].get<std::string>(), odd + "2"); // kept, not sent
            const auto page = s.recordsAfter("A", 0, 100);                                    // sends them first
            QCOMPARE(page.size(), size_t(1));
            QCOMPARE(page[0].fields["name"].get<std::string>(), odd + "2");
            QCOMPARE(s.attachmentSchools("sha-new"), std::vector<std::string>{"A"});
            tx.commit();
        }
        auto other = c.open();
        auto got = other->record("pupils", "p1");
        QVERIFY(got);
        QCOMPARE(got->fields["name"].get<std::string>(), odd + "2");
        const auto audit = other->auditOf("pupils", "p1");
        QCOMPARE(audit.size(), size_t(3));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(audit[size_t(i)].mutation["i"].get<int>(), i);
        QVERIFY(audit[0].seq < audit[1].seq && audit[1].seq < audit[2].seq);
        QCOMPARE(got->seq, audit[2].seq);
        QVERIFY(other->attachmentSchools("sha-old-2").empty());
        QCOMPARE(other->attachmentSchools("sha-other"), std::vector<std::string>{"A"});
    }

    // A reader's snapshot does not move while writers commit.
    void readSnapshotIsStable()
    {
        County c;
        auto w = c.open();
        Transaction rd(*c.store, TxMode::Read);
        const uint64_t before = c.store->maxSeq("A");
        DeviceSession who = [&] {
            EnrollRequest req{};
            req.user = "head.a";
            req.password = "secret1";
            req.device = "dev-snap";
            return authenticate(*w, enroll(*w, req, kNow).token, kNow);
        }();
        SyncRequest req;
        req.device = who.device;
        req.mutations = {put(1, "pupils", "p1", "A", {{"name", "x"}}, ver(kNow, who.node))};
        handleSync(*w, who, req, kNow);
        QVERIFY(w->maxSeq("A") > before);
        QCOMPARE(c.store->maxSeq("A"), before);
        rd.commit();
        QVERIFY(c.store->maxSeq("A") > before);
    }

    // Two instances (two AttachmentStores on one database): an upload started
    // on one resumes on the other; parts are at most 256 KB; a download reads
    // the parts in turn; a wrong file is refused; stale parts are removed.
    void attachmentsShareTheDatabase()
    {
        County c;
        AttachmentStore one(c.db.uri()), two(c.db.uri());
        const std::string data = bytes(700 * 1024, 7), sha = sha256Hex(data);
        const uint64_t size = data.size();
        QCOMPARE(one.status(sha, size).state, std::string("missing"));
        auto r = one.put(sha, 0, size, data.substr(0, 300 * 1024));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.offset, uint64_t(300 * 1024));
        QVERIFY(!r.complete);
        auto st = two.status(sha, size);
        QCOMPARE(st.state, std::string("partial"));
        QCOMPARE(st.offset, uint64_t(300 * 1024));
        QCOMPARE(two.put(sha, 0, size, data.substr(0, 10)).status, 409); // continue from the confirmed offset
        r = two.put(sha, 300 * 1024, size, data.substr(300 * 1024));
        QCOMPARE(r.status, 200);
        QVERIFY(r.complete);
        QCOMPARE(one.status(sha, size).state, std::string("have"));

        PgConnection db(c.db.uri());
        auto parts = db.run("SELECT count(*), max(length(data)) FROM attachment_parts WHERE sha256 = $1", {sha});
        QVERIFY(parts.i64(0, 0) >= 3);
        QVERIFY(parts.i64(0, 1) <= int64_t(kPgPartBytes));

        auto src = one.openComplete(sha);
        QVERIFY(src);
        QCOMPARE(src->size(), size);
        std::string back;
        for (uint64_t at = 0; at < size;) {
            char buf[64 * 1024];
            size_t n = src->read(at, buf, sizeof buf);
            QVERIFY(n > 0);
            back.append(buf, n);
            at += n;
        }
        QVERIFY(back == data);
        char buf[100];
        QCOMPARE(src->read(size - 50, buf, sizeof buf), size_t(50)); // a Range near the end
        QVERIFY(std::string(buf, 50) == data.substr(size - 50));

        // Not what its name says: refused, and nothing kept.
        const std::string other = bytes(1000, 9), fake = sha256Hex("something else");
        QCOMPARE(one.put(fake, 0, other.size(), other).status, 422);
        QCOMPARE(two.status(fake, other.size()).state, std::string("missing"));

        // An abandoned upload, 40 days old, goes; a fresh one stays.
        const std::string old = bytes(5000, 11), oldSha = sha256Hex(old);
        const std::string fresh = bytes(5000, 12), freshSha = sha256Hex(fresh);
        QCOMPARE(one.put(oldSha, 0, old.size(), old.substr(0, 100)).status, 200);
        QCOMPARE(one.put(freshSha, 0, fresh.size(), fresh.substr(0, 100)).status, 200);
        db.run("UPDATE attachment_files SET updated = now() - interval '40 days' WHERE sha256 = $1", {oldSha});
        QCOMPARE(two.removeStaleParts(std::chrono::hours(24 * 30)), size_t(1));
        QCOMPARE(one.status(oldSha, old.size()).state, std::string("missing"));
        QCOMPARE(one.status(freshSha, fresh.size()).state, std::string("partial"));
        QCOMPARE(db.run("SELECT count(*) FROM attachment_parts WHERE sha256 = $1", {oldSha}).i64(0, 0), int64_t(0));
        QCOMPARE(one.status(sha, size).state, std::string("have")); // complete files stay
    }

    // PostgreSQL stopped under a running server: 503 with Retry-After (not
    // 500); started again: the next request succeeds (the pool dropped the
    // broken connections). A private cluster, so other tests are not hit.
    void outageGives503ThenRecovers()
    {
        const QString dir = QString("/tmp/cunxiao-test-pg-outage-%1").arg(CX_TEST_PG_OUTAGE_PORT);
        const QString script = CX_SOURCE_DIR "/scripts/pg-test-cluster.sh";
        auto cluster = [&](const QStringList &args) {
            QProcess p;
            p.start(script, args);
            p.waitForFinished(120000);
            if (p.exitCode() != 0)
                qWarning("%s", p.readAllStandardError().constData());
            return p.exitCode() == 0;
        };
        QVERIFY(cluster({"start", dir, QString::number(CX_TEST_PG_OUTAGE_PORT)}));
        struct Stop {
            std::function<void()> f;
            ~Stop() { f(); }
        } stopLater{[&] { cluster({"stop", dir}); }};
        {
            TestDatabase db(
                QString("postgresql://cx_test:cx_test@127.0.0.1:%1/postgres").arg(CX_TEST_PG_OUTAGE_PORT).toStdString());
            auto store = openPostgresStore(db.uri(), true);
            store->putSchool({"A", "School A", "Test"});
            addUser(*store, "head.a", "head", {"A"}, "secret1");
            EnrollRequest er;
            er.user = "head.a";
            er.password = "secret1";
            er.device = "dev-outage";
            EnrollResponse e = enroll(*store, er, cx::wallClockMs()); // used over HTTP: a live token
            store.reset();

            AcceptAll accept;
            StorePool pool([&db] { return openPostgresStore(db.uri(), false); });
            HttpOptions opt;
            opt.log = false;
            opt.threads = 2;
            HttpServer server(pool, accept, opt);
            const int port = server.bind();
            std::thread t([&] { server.run(); });
            struct Join {
                HttpServer &s;
                std::thread &t;
                ~Join()
                {
                    s.stop();
                    t.join();
                }
            } joinLater{server, t};
            httplib::Client cli("127.0.0.1", port);
            cli.set_read_timeout(30, 0);
            uint64_t n = 0;
            auto sync = [&] {
                SyncRequest req;
                req.device = "dev-outage";
                ++n;
                req.mutations = {put(n, "pupils", "p" + std::to_string(n), "A", {{"n", int(n)}}, ver(kNow + int64_t(n), e.node))};
                return cli.Post("/v1/sync", httplib::Headers{{"Authorization", "Bearer " + e.token}}, req.toJson().dump(),
                                "application/json");
            };
            auto r = sync();
            QVERIFY(r);
            QCOMPARE(r->status, 200);

            QVERIFY(cluster({"pause", dir}));
            r = sync();
            QVERIFY(r);
            QCOMPARE(r->status, 503);
            QVERIFY(!r->get_header_value("Retry-After").empty());
            r = sync(); // no connection can be opened now: 503 too
            QVERIFY(r);
            QCOMPARE(r->status, 503);

            QVERIFY(cluster({"resume", dir}));
            n = 1; // the device retries what was not acked
            r = sync();
            QVERIFY(r);
            if (r->status != 200)
                qWarning("after the restart: %s",
                         (r->get_header_value("Content-Encoding") == "zstd" ? cx::decompress(r->body) : r->body).c_str());
            QCOMPARE(r->status, 200);
            Json j = Json::parse(r->get_header_value("Content-Encoding") == "zstd" ? cx::decompress(r->body) : r->body);
            QCOMPARE(j["acked"].get<uint64_t>(), uint64_t(2));
        }
    }
};

QTEST_GUILESS_MAIN(TestPgStore)
#include "tst_pg_store.moc"
