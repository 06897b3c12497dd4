// The local replica and the engine's local operations, without a network:
// migrations, one transaction per change with its outbox entry, base versions,
// damaged files detected at open.
#include "TestKey.h"
#include "engine/Engine.h"
#include "protocol/Errors.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cx;

class TestReplica : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    int n = 0;

    std::string freshPath() { return dir.filePath(QString("r%1.db").arg(++n)).toStdString(); }

    std::unique_ptr<Engine> engineWithSchool(const std::string &path)
    {
        auto e = std::make_unique<Engine>(path, testKey());
        e->replica().setMeta("schools", R"(["S1","*"])");
        e->replica().setMeta("user", "head1");
        return e;
    }

private slots:
    void freshFileIsMigrated()
    {
        std::string p = freshPath();
        Replica r(p);
        QCOMPARE(r.schemaVersion(), Replica::kSchemaVersion);
        r.setMeta("k", "v");
        Replica again(p);
        QCOMPARE(QString::fromStdString(again.meta("k").value_or("")), "v");
    }

    void newerSchemaIsRefusedClearly()
    {
        std::string p = freshPath();
        {
            Replica r(p);
            r.db().exec("PRAGMA user_version=99");
        }
        try {
            Replica r(p);
            QFAIL("opened a newer schema");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Storage);
            QVERIFY2(QString(e.what()).contains("99"), e.what());
        }
    }

    void damagedFileIsDetectedAtOpen()
    {
        std::string p = freshPath();
        {
            auto e = engineWithSchool(p);
            for (int i = 0; i < 200; ++i)
                e->put("pupils", "", "", Json{{"name", "学生" + std::to_string(i)}, {"note", std::string(200, 'x')}});
            e->replica().db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        QFile f(QString::fromStdString(p));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(4096 * 3);
        f.write(QByteArray(4096 * 4, '\x5a'));
        f.close();
        try {
            Engine e(p, testKey());
            e.list("pupils");
            QFAIL("a damaged file went unnoticed");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Storage);
            QVERIFY2(QString(e.what()).contains("damaged") || QString(e.what()).contains("malformed"), e.what());
        }
    }

    void putWritesRecordAndOutboxTogether()
    {
        auto e = engineWithSchool(freshPath());
        std::string id = e->put("pupils", "", "", Json{{"name", "李梅"}, {"grade", 3}});
        auto r = e->get("pupils", id);
        QVERIFY(r);
        QCOMPARE(r->state, SyncState::Pending);
        QCOMPARE(QString::fromStdString(r->school), "S1");
        QCOMPARE(e->replica().outboxCount("pending"), 1);
        QCOMPARE(id.size(), size_t(36));
        QCOMPARE(id[14], '7'); // UUIDv7
    }

    void invalidChangeWritesNothing_data()
    {
        QTest::addColumn<QString>("collection");
        QTest::addColumn<QString>("fields");
        QTest::newRow("bad field name") << "pupils"
                                        << R"({"Bad Name":1})";
        QTest::newRow("reserved field") << "pupils"
                                        << R"({"_secret":1})";
        QTest::newRow("bad collection") << "Pupils!"
                                        << R"({"name":"x"})";
        QTest::newRow("not an object") << "pupils"
                                       << R"([1,2])";
    }
    void invalidChangeWritesNothing()
    {
        QFETCH(QString, collection);
        QFETCH(QString, fields);
        auto e = engineWithSchool(freshPath());
        QVERIFY_THROWS_EXCEPTION(Error, e->put(collection.toStdString(), "", "", Json::parse(fields.toStdString())));
        QCOMPARE(e->replica().outboxCount("pending"), 0);
        QCOMPARE(int(e->list("pupils").size()), 0);
    }

    void unchangedPutMakesNoMutation()
    {
        auto e = engineWithSchool(freshPath());
        std::string id = e->put("pupils", "", "", Json{{"name", "李梅"}});
        e->put("pupils", id, "", Json{{"name", "李梅"}});
        QCOMPARE(e->replica().outboxCount("pending"), 1);
    }

    void unsentEditsOfARecordFoldIntoOne()
    {
        auto e = engineWithSchool(freshPath());
        std::string id = e->put("submissions", "", "", Json{{"status", "draft"}, {"answers", Json{{"a", 1}}}});
        for (int i = 2; i < 50; ++i)
            e->put("submissions", id, "", Json{{"answers", Json{{"a", i}}}, {"note", "n" + std::to_string(i)}});
        auto out = e->replica().outboxFor("submissions", id);
        QCOMPARE(int(out.size()), 1);
        QCOMPARE(out[0].mutation.fields["answers"]["a"].get<int>(), 49);
        QCOMPARE(out[0].mutation.fields["status"].get<std::string>(), std::string("draft"));
        QVERIFY(!out[0].mutation.base.count("note") || !out[0].mutation.base.at("note")); // saw no value
        QCOMPARE(e->get("submissions", id)->fields["note"].get<std::string>(), std::string("n49"));
    }

    // However small the changes, one push never carries more than the server
    // takes in one request (10,000): the engine stops at 5,000.
    void onePushHoldsAtMostFiveThousandChanges()
    {
        auto e = engineWithSchool(freshPath());
        for (int i = 0; i < 5200; ++i)
            e->put("pupils", "", "", Json{{"g", i % 7}});
        QCOMPARE(e->replica().outboxToSend(size_t(1) << 30).size(), Replica::kMaxChangesPerPush);
        QCOMPARE(e->replica().outboxToSend(1).size(), size_t(1)); // and at least one, whatever the budget
        QCOMPARE(e->replica().outboxToSend(size_t(1) << 30, SIZE_MAX, SIZE_MAX).size(), size_t(5200)); // a bundle: all
    }

    // Edits of records the server holds come back whole in the reply: a push
    // takes no more of them than 8 MiB of their states, so the reply stays far
    // below the 64 MiB a body may inflate to.
    void onePushBringsBackAtMostEightMiBOfStates()
    {
        auto e = engineWithSchool(freshPath());
        RecordState big;
        big.collection = "pupils";
        big.school = "S1";
        big.seq = 1;
        const std::string notes(200 * 1024, 'x');
        std::vector<std::string> ids;
        {
            Transaction t(e->replica().db());
            for (int i = 0; i < 60; ++i) { // 60 records of 200 KB the server holds
                big.id = "big" + std::to_string(i);
                big.seq = uint64_t(i) + 1;
                big.fields = Json{{"notes", notes}};
                big.versions = {{"notes", Version{uint64_t(i + 1), 0}}};
                big.by = {{"notes", "bureau"}};
                StoredRecord r{"pupils", big.id, "S1"};
                r.server = big;
                r.fields = big.fields;
                r.state = "synced";
                e->replica().saveRecord(r);
                ids.push_back(big.id);
            }
            t.commit();
        }
        for (const auto &id : ids)
            e->put("pupils", id, "", Json{{"grade", 3}});
        const auto push = e->replica().outboxToSend(size_t(1) << 30);
        QVERIFY(push.size() >= 30 && push.size() <= 42); // 8 MiB / ~205 KB of state each
        QCOMPARE(e->replica().outboxToSend(size_t(1) << 30, SIZE_MAX, SIZE_MAX).size(), size_t(60)); // a bundle: all
    }

    void secondEditBuildsOnTheFirst()
    {
        auto e = engineWithSchool(freshPath());
        std::string id = e->put("pupils", "", "", Json{{"grade", 3}});
        // Once the first change is on its way, the second is a change of its own.
        e->replica().setOutboxState(e->replica().outboxFor("pupils", id)[0].mutation.n, "sent");
        e->put("pupils", id, "", Json{{"grade", 4}});
        auto out = e->replica().outboxFor("pupils", id);
        QCOMPARE(int(out.size()), 2);
        QVERIFY(!out[0].mutation.base.count("grade") || !out[0].mutation.base.at("grade")); // saw no value
        QVERIFY(out[1].mutation.base.at("grade").has_value());
        QCOMPARE(*out[1].mutation.base.at("grade"), out[0].mutation.version);
        QVERIFY(out[0].mutation.version < out[1].mutation.version);
        QCOMPARE(e->get("pupils", id)->fields["grade"].get<int>(), 4);
    }

    void deleteHidesAndKeepsAnOutboxEntry()
    {
        auto e = engineWithSchool(freshPath());
        std::string id = e->put("pupils", "", "", Json{{"name", "周"}});
        e->remove("pupils", id);
        QVERIFY(e->get("pupils", id)->deleted);
        QCOMPARE(int(e->list("pupils").size()), 0);
        QCOMPARE(e->replica().outboxCount("pending"), 2);
        QVERIFY_THROWS_EXCEPTION(Error, e->put("pupils", id, "", Json{{"name", "再"}}));
    }

    // Only a file a record uses is uploaded: the reference follows the record
    // through an edit that drops it and through a deletion.
    void referencesFollowTheRecord()
    {
        const std::string p = freshPath();
        auto e = engineWithSchool(p);
        auto attach = [&](const QByteArray &bytes) {
            QFile f(QString::fromStdString(p) + ".photo");
            f.open(QIODevice::WriteOnly | QIODevice::Truncate);
            f.write(bytes);
            f.close();
            return e->attach(f.fileName().toStdString(), "image/jpeg");
        };
        auto referenced = [&](const std::string &sha) {
            for (const auto &a : e->attachments())
                if (a.sha256 == sha)
                    return a.referenced;
            return false;
        };
        auto counts = [&] {
            const auto c = e->attachmentCounts();
            return std::make_pair(c.waiting, c.unreferenced);
        };
        const AttachmentInfo a = attach("photo a"), b = attach("photo b");
        QVERIFY(!referenced(a.sha256));
        QVERIFY(!referenced(b.sha256));
        QCOMPARE(counts(), std::make_pair(0, 2));
        QCOMPARE(QString::fromStdString(a.toJson().dump()).contains("\"referenced\":false"), true);
        // Nested as a form answer holds it.
        const std::string id = e->put("submissions", "", "", Json{{"answers", Json{{"photos", Json::array({a.reference()})}}}});
        QVERIFY(referenced(a.sha256));
        QVERIFY(!referenced(b.sha256));
        QCOMPARE(counts(), std::make_pair(1, 1));
        e->put("submissions", id, "", Json{{"answers", Json{{"photos", Json::array({b.reference()})}}}});
        QVERIFY(!referenced(a.sha256)); // replaced before it was sent
        QVERIFY(referenced(b.sha256));
        e->remove("submissions", id);
        QVERIFY(!referenced(b.sha256));
        QCOMPARE(counts(), std::make_pair(0, 2));
        QCOMPARE(e->attachmentCounts().refused, 0);
    }

    // A schema-2 replica (before record_refs) gets the references of the records it holds.
    void migrationFindsReferencesInHeldRecords()
    {
        const std::string p = freshPath();
        const std::string sha(64, 'c'), other(64, 'd');
        {
            auto e = engineWithSchool(p);
            e->put("home_visits", "v1", "", Json{{"photo", Json{{"sha256", sha}, {"size", 3}}}, {"note", "x"}});
            e->put("home_visits", "v2", "", Json{{"photo", Json{{"sha256", other}, {"size", 3}}}});
            e->remove("home_visits", "v2");
            e->replica().db().exec("DROP TABLE record_refs; PRAGMA user_version=2");
        }
        Replica r(p, testKey());
        QCOMPARE(r.schemaVersion(), 3);
        Stmt q(r.db(), "SELECT sha256, collection, id FROM record_refs ORDER BY sha256");
        QVERIFY(q.step());
        QCOMPARE(q.text(0), sha);
        QCOMPARE(q.text(1), std::string("home_visits"));
        QCOMPARE(q.text(2), std::string("v1"));
        QVERIFY(!q.step()); // the deleted record refers to nothing
    }

    void schoolOfARecordCannotChange()
    {
        auto e = engineWithSchool(freshPath());
        std::string id = e->put("pupils", "", "", Json{{"name", "周"}});
        QVERIFY_THROWS_EXCEPTION(Error, e->put("pupils", id, "S2", Json{{"name", "周"}}));
    }

    void resolveNeedsAConflict()
    {
        auto e = engineWithSchool(freshPath());
        std::string id = e->put("pupils", "", "", Json{{"name", "周"}});
        QVERIFY_THROWS_EXCEPTION(Error, e->resolve("pupils", id, "name", "x"));
    }

    void syncWithoutEnrolmentIsAClearError()
    {
        auto e = engineWithSchool(freshPath());
        try {
            e->sync();
            QFAIL("synced without enrolment");
        } catch (const Error &err) {
            QVERIFY2(QString(err.what()).contains("enroll"), err.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestReplica)
#include "tst_replica.moc"
