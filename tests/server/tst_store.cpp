// The SQLite store: open, migrate, reopen; every table round-trips.
#include "TestUtil.h"

#include "protocol/Errors.h"

#include <QtTest>
#include <sqlite3.h>

using namespace cxt;

class TestStore : public QObject
{
    Q_OBJECT
private slots:
    void migratesAndReopens()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/cunxiao.db").toStdString();
        {
            SqliteStore s(path);
            QCOMPARE(s.schemaVersion(), SqliteStore::latestSchemaVersion());
            QCOMPARE(s.lastSeq(), uint64_t(0));
            s.putSchool({"530102001", "龙泉镇中心学校", "禄劝县"});
            Transaction tx(s);
            QCOMPARE(s.nextSeq(), uint64_t(1));
            QCOMPARE(s.nextSeq(), uint64_t(2));
            tx.commit();
        }
        {
            SqliteStore s(path, false);
            QCOMPARE(s.schemaVersion(), SqliteStore::latestSchemaVersion());
            QCOMPARE(s.lastSeq(), uint64_t(2));
            auto school = s.school("530102001");
            QVERIFY(school);
            QCOMPARE(school->name, std::string("龙泉镇中心学校"));
            QCOMPARE(s.schools().size(), size_t(1));
        }
    }

    // Issue 13.6: every connection commits with synchronous=FULL, so a write
    // the device was told is applied survives a power cut (WAL with NORMAL may
    // lose the last commits): docs/server.md "Concurrency".
    void commitsAreDurable()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/cunxiao.db").toStdString();
        SqliteStore created(path);
        QCOMPARE(created.synchronousLevel(), 2);
        SqliteStore reopened(path, false);
        QCOMPARE(reopened.synchronousLevel(), 2);
        QCOMPARE(*reopened.meta("schema_version"), std::to_string(SqliteStore::latestSchemaVersion()));
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/cunxiao.db").toStdString();
        {
            SqliteStore s(path);
            s.setMeta("schema_version", "999");
        }
        try {
            SqliteStore s(path);
            QFAIL("opened a newer schema");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), cx::ErrorKind::Storage);
            QVERIFY(std::string(e.what()).find("newer") != std::string::npos);
        }
    }

    void refusesMissingFileWithoutCreate()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(cx::Error, SqliteStore((dir.path() + "/none.db").toStdString(), false));
    }

    void walIsOn()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/cunxiao.db").toStdString();
        {
            SqliteStore s(path);
        }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(std::string(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))), std::string("wal"));
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void rollbackDiscards()
    {
        QTemporaryDir dir;
        SqliteStore s((dir.path() + "/cunxiao.db").toStdString());
        {
            Transaction tx(s);
            s.nextSeq();
            s.putSchool({"X", "x", ""});
        }
        QCOMPARE(s.lastSeq(), uint64_t(0));
        QVERIFY(!s.school("X"));
    }

    void recordsRoundTrip()
    {
        QTemporaryDir dir;
        SqliteStore s((dir.path() + "/cunxiao.db").toStdString());
        RecordState r;
        r.collection = "pupils";
        r.id = "p1";
        r.school = "A";
        r.seq = 7;
        r.fields = {{"name", "李小梅"}, {"grade", 3}};
        r.versions = {{"name", ver(kNow, 1)}, {"grade", ver(kNow, 2)}};
        r.by = {{"name", "u1"}, {"grade", "u2"}};
        r.conflicts.push_back(Conflict{"grade", 4, ver(kNow - 5, 3), "u3"});
        s.putRecord(r);
        auto back = s.record("pupils", "p1");
        QVERIFY(back);
        QVERIFY(*back == r);
        QCOMPARE(s.maxSeq("A"), uint64_t(7));
        QCOMPARE(s.maxSeq("B"), uint64_t(0));
        QCOMPARE(s.recordsAfter("A", 6, 10).size(), size_t(1));
        QCOMPARE(s.recordsAfter("A", 7, 10).size(), size_t(0));
        QCOMPARE(s.recordsOf("pupils", std::string("A")).size(), size_t(1));
        QCOMPARE(s.recordsOf("pupils", std::nullopt).size(), size_t(1));
    }

    void sumsAreUnsigned64()
    {
        QTemporaryDir dir;
        SqliteStore s((dir.path() + "/cunxiao.db").toStdString());
        const uint64_t big = 0xfedcba9876543210ull;
        s.setScopeSum("A", big);
        QCOMPARE(s.scopeSum("A"), big);
        QCOMPARE(s.scopeSum("B"), uint64_t(0));
    }

    void rejectionsAndAudit()
    {
        QTemporaryDir dir;
        SqliteStore s((dir.path() + "/cunxiao.db").toStdString());
        s.putRejection("d1", Rejection{3, "no", Json::object()});
        s.putRejection("d1", Rejection{5, "never", {{"age", "too old"}}});
        s.putRejection("d2", Rejection{4, "other", Json::object()});
        auto r = s.rejections("d1", 1, 4);
        QCOMPARE(r.size(), size_t(1));
        QCOMPARE(r[0].reason, std::string("no"));
        r = s.rejections("d1", 1, 10);
        QCOMPARE(r.size(), size_t(2));
        QCOMPARE(r[1].fieldReasons["age"].get<std::string>(), std::string("too old"));
        s.addAudit(AuditEntry{9, kNow, "u", "d1", "pupils", "p1", Json{{"n", 1}}});
        auto a = s.auditOf("pupils", "p1");
        QCOMPARE(a.size(), size_t(1));
        QCOMPARE(a[0].user, std::string("u"));
        QCOMPARE(a[0].mutation["n"].get<int>(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
