// The sync handler, called directly (no HTTP): idempotency, scope, paging,
// checksums, conflicts.
#include "TestUtil.h"

#include "protocol/Errors.h"
#include "sync/RecordWrites.h"

#include <QElapsedTimer>
#include <QtTest>
#include <set>

using namespace cxt;

namespace {

std::set<std::string> ids(const std::vector<RecordState> &rs)
{
    std::set<std::string> out;
    for (const auto &r : rs)
        out.insert(r.collection + "/" + r.id);
    return out;
}

// Rejects pupils whose grade is above 6.
class GradeValidator : public Validator
{
public:
    std::optional<Rejection> check(Store &, const std::optional<RecordState> &, const RecordState &after, const Mutation &,
                                   const DeviceSession &) const override
    {
        auto g = after.fields.find("grade");
        if (g != after.fields.end() && g->is_number() && g->get<int>() > 6)
            return Rejection{0, "grade must be 1-6", {{"grade", "must be 1-6"}}};
        return std::nullopt;
    }
};

} // namespace

class TestSync : public QObject
{
    Q_OBJECT
private slots:
    void retriedPushAppliesOnce()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        std::vector<Mutation> batch = {
            put(1, "pupils", "p1", "A", {{"name", "李小梅"}}, ver(kNow, d.node, 1)),
            put(2, "pupils", "p2", "A", {{"name", "王芳"}}, ver(kNow, d.node, 2)),
            put(3, "pupils", "p1", "A", {{"grade", 3}}, ver(kNow, d.node, 3), {{"grade", std::nullopt}}),
        };
        SyncResponse first = c.sync(d, batch);
        QCOMPARE(first.acked, uint64_t(3));
        QVERIFY(first.rejected.empty());
        QCOMPARE(first.applied.size(), size_t(2));
        const uint64_t seqAfter = c.store->lastSeq();
        const auto p1 = *c.store->record("pupils", "p1");

        // The reply was lost: the device sends the same batch again.
        SyncResponse retry = c.sync(d, batch);
        QCOMPARE(retry.acked, uint64_t(3));
        QCOMPARE(c.store->countAfter("A", seqAfter), uint64_t(0)); // nothing changed again
        QVERIFY(*c.store->record("pupils", "p1") == p1);
        QCOMPARE(retry.applied.size(), size_t(2));
        QCOMPARE(ids(retry.applied), ids(first.applied));
        QCOMPARE(c.store->auditOf("pupils", "p1").size(), size_t(2));

        // A retry that also carries a new mutation applies only the new one.
        batch.push_back(put(4, "pupils", "p2", "A", {{"grade", 2}}, ver(kNow, d.node, 4), {{"grade", std::nullopt}}));
        SyncResponse more = c.sync(d, batch);
        QCOMPARE(more.acked, uint64_t(4));
        // (counted by school, not by lastSeq(): the PostgreSQL store reserves seqs in blocks)
        QCOMPARE(c.store->countAfter("A", seqAfter), uint64_t(1));
        QCOMPARE(c.store->auditOf("pupils", "p2").size(), size_t(2)); // its first write and this one
        QCOMPARE(c.store->record("pupils", "p2")->fields["grade"].get<int>(), 2);
    }

    // Wire encoding 2 (docs/protocol.md "Wire encoding"): a pushed record whose
    // state is exactly what the request wrote comes back as (n, seq) only; the
    // device rebuilds a state equal to the server's. Anything else (another
    // device's fields, a refused change, a deletion) comes back whole.
    void leanAcksRebuildTheServersState()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        DeviceSession other = c.device("head.a2", "dev-2");
        c.sync(other, {put(1, "pupils", "p3", "A", {{"name", "赵敏"}, {"village", "大坪村"}}, ver(kNow, other.node, 1))});
        const RecordState p3 = *c.store->record("pupils", "p3");
        std::vector<Mutation> batch = {
            put(1, "pupils", "p1", "A", {{"name", "李小梅"}, {"grade", 2}}, ver(kNow, d.node, 1)),
            put(2, "pupils", "p2", "A", {{"name", "王芳"}}, ver(kNow, d.node, 2)),
            put(3, "pupils", "p1", "A", {{"grade", 3}}, ver(kNow, d.node, 3), {{"grade", ver(kNow, d.node, 1)}}),
            put(4, "pupils", "p3", "A", {{"grade", 5}}, ver(kNow, d.node, 4)),                   // p3 has other fields
            put(5, "pupils", "p4", "B", {{"name", "刘芳"}}, ver(kNow, d.node, 5)),               // refused: not this school
            del(6, "pupils", "p2", "A", ver(kNow, d.node, 6), {{"name", ver(kNow, d.node, 2)}}), // p2 deleted after its put
        };
        SyncRequest req;
        req.device = d.device;
        req.mutations = batch;
        req.enc = 2;
        SyncResponse lean = handleSync(*c.store, d, req, kNow);
        QCOMPARE(lean.acked, uint64_t(6));
        QCOMPARE(lean.rejected.size(), size_t(1));
        QCOMPARE(lean.acks.size(), size_t(1));
        QCOMPARE(lean.acks[0].n, uint64_t(3)); // p1, by its last change
        QCOMPARE(lean.acks[0].seq, c.store->record("pupils", "p1")->seq);
        QCOMPARE(ids(lean.applied), (std::set<std::string>{"pupils/p2", "pupils/p3"}));
        // The page (from cursor 0) leaves out what the reply already carries.
        QVERIFY(lean.changes.empty());

        // Over the wire and back: the device's rebuilt states equal the server's.
        SyncResponse got = SyncResponse::fromJson(parseJson(lean.toJson().dump(), "reply"));
        QCOMPARE(got.enc, 2);
        expandAcks(req, got);
        QVERIFY(got.acks.empty());
        QCOMPARE(ids(got.applied), (std::set<std::string>{"pupils/p1", "pupils/p2", "pupils/p3"}));
        for (const auto &s : got.applied)
            QVERIFY2(s == *c.store->record(s.collection, s.id), s.id.c_str());
        QVERIFY(c.store->record("pupils", "p3")->fields.contains("village"));
        QVERIFY(p3.seq < c.store->record("pupils", "p3")->seq);

        // The same request again (a lost reply), now from an old device: whole states, no "enc".
        req.enc = 1;
        SyncResponse old = handleSync(*c.store, d, req, kNow);
        QVERIFY(old.acks.empty());
        QCOMPARE(ids(old.applied), (std::set<std::string>{"pupils/p1", "pupils/p2", "pupils/p3"}));
        QCOMPARE(ids(old.changes), (std::set<std::string>{"pupils/p1", "pupils/p2", "pupils/p3"}));
        const Json oldJson = old.toJson();
        QVERIFY(!oldJson.contains("enc"));
        QVERIFY(oldJson["applied"][0]["v"].is_object());

        // An ack of a change the request did not carry is refused by the device.
        SyncResponse forged = got;
        forged.acks.push_back({99, 1});
        QVERIFY_THROWS_EXCEPTION(cx::Error, expandAcks(req, forged));
    }

    void outOfScopeRejectedAloneAndRemembered()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        std::vector<Mutation> batch = {
            put(1, "pupils", "p1", "A", {{"name", "a"}}, ver(kNow, d.node, 1)),
            put(2, "pupils", "p2", "B", {{"name", "b"}}, ver(kNow, d.node, 2)),
            put(3, "forms", "f1", "*", {{"title", "x"}}, ver(kNow, d.node, 3)),
            put(4, "pupils", "p3", "Z", {{"name", "z"}}, ver(kNow, d.node, 4)),
            put(5, "pupils", "p4", "A", {{"name", "d"}}, ver(kNow, d.node, 5)),
        };
        SyncResponse r = c.sync(d, batch);
        QCOMPARE(r.acked, uint64_t(5));
        QCOMPARE(r.rejected.size(), size_t(3));
        QCOMPARE(r.rejected[0].n, uint64_t(2));
        QVERIFY(r.rejected[0].reason.find("outside") != std::string::npos);
        QCOMPARE(r.rejected[1].n, uint64_t(3));
        QCOMPARE(r.rejected[2].n, uint64_t(4));
        QVERIFY(r.rejected[2].reason.find("does not exist") != std::string::npos);
        QVERIFY(c.store->record("pupils", "p1"));
        QVERIFY(c.store->record("pupils", "p4"));
        QVERIFY(!c.store->record("pupils", "p2"));
        QVERIFY(!c.store->record("forms", "f1"));
        QCOMPARE(ids(r.applied), (std::set<std::string>{"pupils/p1", "pupils/p4"}));

        SyncResponse retry = c.sync(d, batch);
        QCOMPARE(retry.rejected.size(), size_t(3));
        QCOMPARE(retry.rejected[0].reason, r.rejected[0].reason);
    }

    void recordKeepsItsSchool()
    {
        County c;
        DeviceSession b = c.device("bureau", "dev-b");
        c.sync(b, {put(1, "pupils", "p1", "A", {{"name", "a"}}, ver(kNow, b.node, 1))});
        SyncResponse r = c.sync(b, {put(2, "pupils", "p1", "B", {{"name", "b"}}, ver(kNow, b.node, 2))});
        QCOMPARE(r.rejected.size(), size_t(1));
        QVERIFY(r.rejected[0].reason.find("cannot move") != std::string::npos);
        QCOMPARE(c.store->record("pupils", "p1")->school, std::string("A"));
    }

    void bureauWritesCountyScope()
    {
        County c;
        DeviceSession b = c.device("bureau", "dev-b");
        SyncResponse r = c.sync(b, {put(1, "forms", "f1", "*", {{"title", "x"}}, ver(kNow, b.node, 1))});
        QVERIFY(r.rejected.empty());
        QVERIFY(c.store->record("forms", "f1"));
    }

    void oversizedFieldsRejected()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        std::string big(kMaxFieldsBytes + 10, 'x');
        SyncResponse r = c.sync(d, {put(1, "pupils", "p1", "A", {{"note", big}}, ver(kNow, d.node, 1)),
                                    put(2, "pupils", "p2", "A", {{"note", "ok"}}, ver(kNow, d.node, 2))});
        QCOMPARE(r.rejected.size(), size_t(1));
        QCOMPARE(r.rejected[0].n, uint64_t(1));
        QVERIFY(c.store->record("pupils", "p2"));
    }

    // Issue 13: only the bureau publishes forms and the school list, whatever
    // scope a school's account claims for them.
    void schoolAccountsCannotPublish()
    {
        County c;
        auto head = c.device("head.a", "0191aae1-a46a-71e2-82cc-2ce46014be01");
        auto bureau = c.device("bureau", "0191aae1-a46a-71e2-82cc-2ce46014be02");
        SyncResponse r = c.sync(head, {put(1, "forms", "fake", "A", {{"definition", {{"id", "fake"}}}}, ver(kNow, head.node)),
                                       put(2, "form_versions", "fake.v1", "A", {{"x", 1}}, ver(kNow, head.node, 1)),
                                       put(3, "schools", "A", "A", {{"name", "renamed"}}, ver(kNow, head.node, 2))});
        QCOMPARE(int(r.rejected.size()), 3);
        for (const auto &rej : r.rejected)
            QVERIFY2(rej.reason.find("only the bureau publishes") != std::string::npos, rej.reason.c_str());
        QVERIFY(!c.store->record("forms", "fake"));
        QVERIFY(!c.store->record("schools", "A")); // County adds schools without their record
        // The bureau still may.
        SyncResponse ok = c.sync(bureau, {put(1, "schools", "A", "A", {{"name", "甲校"}}, ver(kNow, bureau.node))});
        QVERIFY(ok.rejected.empty());
    }

    void validatorRejects()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        SyncRequest req;
        req.device = d.device;
        req.mutations = {put(1, "pupils", "p1", "A", {{"grade", 9}}, ver(kNow, d.node, 1)),
                         put(2, "pupils", "p2", "A", {{"grade", 5}}, ver(kNow, d.node, 2))};
        GradeValidator v;
        SyncResponse r = handleSync(*c.store, d, req, kNow, v);
        QCOMPARE(r.rejected.size(), size_t(1));
        QCOMPARE(r.rejected[0].n, uint64_t(1));
        QCOMPARE(r.rejected[0].fieldReasons["grade"].get<std::string>(), std::string("must be 1-6"));
        QVERIFY(!c.store->record("pupils", "p1"));
        QVERIFY(c.store->record("pupils", "p2"));
    }

    void clockAheadIsClamped()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        const int64_t yearAhead = kNow + 365LL * 24 * 3600 * 1000;
        c.sync(d, {put(1, "pupils", "p1", "A", {{"name", "a"}}, ver(yearAhead, d.node, 1)),
                   put(2, "pupils", "p1", "A", {{"name", "b"}}, ver(yearAhead, d.node, 2), {{"name", std::nullopt}})});
        auto rec = *c.store->record("pupils", "p1");
        QVERIFY(rec.versions["name"].millis() <= uint64_t(kNow + kMaxClockLeadMs));
        QCOMPARE(rec.versions["name"].node, d.node);
        QVERIFY(c.store->auditOf("pupils", "p1").size() == 2);
    }

    void deviceMustMatchToken()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        SyncRequest req;
        req.device = "dev-other";
        QVERIFY_THROWS_EXCEPTION(cx::Error, handleSync(*c.store, d, req, kNow));
    }

    void scopeFiltering_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<QStringList>("visible");
        QTest::newRow("head") << "head.a" << QStringList{"*", "A"} << QStringList{"forms/f1", "pupils/a1"};
        QTest::newRow("teacher") << "teacher.b" << QStringList{"*", "B"} << QStringList{"forms/f1", "pupils/b1"};
        QTest::newRow("inspector") << "inspector" << QStringList{"*", "A", "B"}
                                   << QStringList{"forms/f1", "pupils/a1", "pupils/b1"};
        QTest::newRow("bureau") << "bureau" << QStringList{"*", "A", "B", "C"}
                                << QStringList{"forms/f1", "pupils/a1", "pupils/b1", "pupils/c1"};
    }
    void scopeFiltering()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, scopes);
        QFETCH(QStringList, visible);
        County c;
        c.store->putSchool({"C", "School C", "Test"});
        {
            Transaction tx(*c.store);
            serverPut(*c.store, "forms", "f1", "*", {{"title", "t"}}, "admin", kNow);
            serverPut(*c.store, "pupils", "a1", "A", {{"name", "a"}}, "admin", kNow);
            serverPut(*c.store, "pupils", "b1", "B", {{"name", "b"}}, "admin", kNow);
            serverPut(*c.store, "pupils", "c1", "C", {{"name", "c"}}, "admin", kNow);
            tx.commit();
        }
        DeviceSession d = c.device(user.toStdString(), "dev-x");
        SyncResponse r = c.sync(d, {});
        std::vector<std::string> expectScopes;
        for (const auto &s : scopes)
            expectScopes.push_back(s.toStdString());
        QCOMPARE(r.scopes, expectScopes);
        std::set<std::string> expectIds;
        for (const auto &s : visible)
            expectIds.insert(s.toStdString());
        QCOMPARE(ids(r.changes), expectIds);
        QVERIFY(!r.more);
        QCOMPARE(r.checksums.size(), expectScopes.size());
        for (const auto &s : expectScopes)
            QVERIFY(r.cursor.count(s));
    }

    void pagingByBytes()
    {
        County c;
        {
            Transaction tx(*c.store);
            for (int i = 0; i < 60; ++i)
                serverPut(*c.store, "pupils", "p" + std::to_string(i), i % 3 ? "A" : "B",
                          {{"name", "学生" + std::to_string(i)}, {"note", std::string(100, 'n')}}, "admin", kNow);
            serverPut(*c.store, "forms", "f1", "*", {{"title", "t"}}, "admin", kNow);
            tx.commit();
        }
        DeviceSession d = c.device("inspector", "dev-i");
        Cursor cursor;
        std::multiset<std::string> got;
        int pages = 0;
        const uint64_t pageBytes = 1500;
        for (;;) {
            SyncResponse r = c.sync(d, {}, cursor, pageBytes);
            ++pages;
            QVERIFY(pages < 100);
            size_t bytes = 0;
            uint64_t lastSeq = 0;
            std::string lastSchool;
            for (const auto &rec : r.changes) {
                bytes += rec.toJson().dump().size();
                got.insert(rec.id);
                if (rec.school == lastSchool)
                    QVERIFY(rec.seq > lastSeq); // seq order within a scope
                lastSeq = rec.seq;
                lastSchool = rec.school;
                QVERIFY(rec.seq > cursor[rec.school]);
            }
            QVERIFY(!r.changes.empty() || !r.more);
            QVERIFY(r.changes.size() == 1 || bytes <= pageBytes);
            for (const auto &[scope, sum] : r.checksums)
                QCOMPARE(sum, checksumHex(recomputeScopeSum(*c.store, scope)));
            cursor = r.cursor;
            if (!r.more) {
                QCOMPARE(r.checksums.size(), size_t(3));
                break;
            }
        }
        QVERIFY(pages > 3);
        QCOMPARE(got.size(), size_t(61));
        QCOMPARE(std::set<std::string>(got.begin(), got.end()).size(), size_t(61)); // each exactly once
        QCOMPARE(cursor["A"], c.store->maxSeq("A"));
        QCOMPARE(cursor["B"], c.store->maxSeq("B"));

        // Nothing changed: an empty page with every checksum.
        SyncResponse idle = c.sync(d, {}, cursor, pageBytes);
        QVERIFY(idle.changes.empty());
        QVERIFY(!idle.more);
        QCOMPARE(idle.checksums.size(), size_t(3));

        // A tiny page still carries one record.
        SyncResponse one = c.sync(d, {}, {}, 1);
        QCOMPARE(one.changes.size(), size_t(1));
        QVERIFY(one.more);
    }

    void checksumMatchesScratch()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        uint64_t n = 0;
        for (int i = 0; i < 20; ++i)
            c.sync(d, {put(++n, "pupils", "p" + std::to_string(i % 7), "A", {{"grade", i}}, ver(kNow + i, d.node),
                           {{"grade", std::nullopt}})});
        auto rec = *c.store->record("pupils", "p3");
        c.sync(d, {del(++n, "pupils", "p3", "A", ver(kNow + 100, d.node), seen(rec))});
        QVERIFY(c.store->record("pupils", "p3")->deleted());
        QCOMPARE(c.store->scopeSum("A"), recomputeScopeSum(*c.store, "A"));
        SyncResponse r = c.sync(d, {});
        QCOMPARE(r.checksums["A"], checksumHex(recomputeScopeSum(*c.store, "A")));
        QCOMPARE(r.checksums["*"], checksumHex(0));
    }

    void concurrentSameFieldEdits_data()
    {
        QTest::addColumn<bool>("firstA");
        QTest::newRow("A then B") << true;
        QTest::newRow("B then A") << false;
    }
    void concurrentSameFieldEdits()
    {
        QFETCH(bool, firstA);
        County c;
        DeviceSession a = c.device("head.a", "dev-a");
        DeviceSession b = c.device("head.a2", "dev-b");
        SyncResponse created = c.sync(a, {put(1, "pupils", "p1", "A", {{"name", "李小梅"}, {"grade", 3}}, ver(kNow, a.node))});
        const RecordState base = created.applied.at(0);
        Mutation ma = put(2, "pupils", "p1", "A", {{"grade", 4}}, ver(kNow + 10, a.node), seen(base));
        Mutation mb = put(1, "pupils", "p1", "A", {{"grade", 5}}, ver(kNow + 20, b.node), seen(base));
        if (firstA) {
            c.sync(a, {ma});
            c.sync(b, {mb});
        } else {
            c.sync(b, {mb});
            c.sync(a, {ma});
        }
        RecordState rec = *c.store->record("pupils", "p1");
        QCOMPARE(rec.fields["grade"].get<int>(), 5); // the higher version wins in either order
        QCOMPARE(rec.conflicts.size(), size_t(1));
        QCOMPARE(rec.conflicts[0].field, std::string("grade"));
        QCOMPARE(rec.conflicts[0].value.get<int>(), 4);
        QCOMPARE(rec.by["grade"], std::string("head.a2"));
        QCOMPARE(rec.fields["name"].get<std::string>(), std::string("李小梅"));
    }

    void differentFieldsBothSurvive()
    {
        County c;
        DeviceSession a = c.device("head.a", "dev-a");
        DeviceSession b = c.device("head.a2", "dev-b");
        SyncResponse created = c.sync(a, {put(1, "pupils", "p1", "A", {{"name", "x"}, {"grade", 3}}, ver(kNow, a.node))});
        const RecordState base = created.applied.at(0);
        c.sync(a, {put(2, "pupils", "p1", "A", {{"grade", 4}}, ver(kNow + 10, a.node), seen(base))});
        c.sync(b, {put(1, "pupils", "p1", "A", {{"name", "y"}}, ver(kNow + 5, b.node), seen(base))});
        RecordState rec = *c.store->record("pupils", "p1");
        QCOMPARE(rec.fields["grade"].get<int>(), 4);
        QCOMPARE(rec.fields["name"].get<std::string>(), std::string("y"));
        QVERIFY(rec.conflicts.empty());
    }

    void editRacingDelete_data()
    {
        QTest::addColumn<bool>("deleteFirst");
        QTest::newRow("delete then edit") << true;
        QTest::newRow("edit then delete") << false;
    }
    void editRacingDelete()
    {
        QFETCH(bool, deleteFirst);
        County c;
        DeviceSession a = c.device("head.a", "dev-a");
        DeviceSession b = c.device("head.a2", "dev-b");
        SyncResponse created = c.sync(a, {put(1, "pupils", "p1", "A", {{"name", "x"}, {"grade", 3}}, ver(kNow, a.node))});
        const RecordState base = created.applied.at(0);
        Mutation d = del(2, "pupils", "p1", "A", ver(kNow + 10, a.node), seen(base));
        Mutation e = put(1, "pupils", "p1", "A", {{"grade", 4}}, ver(kNow + 5, b.node), seen(base));
        if (deleteFirst) {
            c.sync(a, {d});
            c.sync(b, {e});
        } else {
            c.sync(b, {e});
            c.sync(a, {d});
        }
        RecordState rec = *c.store->record("pupils", "p1");
        QVERIFY(!rec.deleted());
        QVERIFY(rec.hasConflict(kDeletedField));
        QCOMPARE(rec.fields["grade"].get<int>(), 4);
        // Still pulled by the school's devices.
        SyncResponse r = c.sync(b, {});
        QCOMPARE(ids(r.changes).count("pupils/p1"), size_t(1));
    }

    // Issue 13: a deleted pupil's personal fields are cleared on the server;
    // the tombstone keeps only what sync needs, and that is what devices get.
    void deletedRecordKeepsNoPersonalFields()
    {
        County c;
        DeviceSession a = c.device("head.a", "dev-a");
        DeviceSession b = c.device("head.a2", "dev-b");
        SyncResponse created =
            c.sync(a, {put(1, "pupils", "p1", "A", {{"name", "李小梅"}, {"id_number", "532301201501010023"}, {"grade", 3}},
                           ver(kNow, a.node))});
        const RecordState base = created.applied.at(0);
        // A concurrent edit leaves a conflict holding a personal value too.
        c.sync(b, {put(1, "pupils", "p1", "A", {{"name", "李小妹"}}, ver(kNow - 5, b.node))}); // had not seen a's
        QVERIFY(c.store->record("pupils", "p1")->hasConflict("name"));
        const RecordState before = *c.store->record("pupils", "p1");
        SyncResponse gone = c.sync(a, {del(2, "pupils", "p1", "A", ver(kNow + 10, a.node), seen(before))});
        QVERIFY(gone.rejected.empty());
        RecordState rec = *c.store->record("pupils", "p1");
        QVERIFY(rec.deleted());
        QCOMPARE(rec.fields, (Json{{kDeletedField, true}}));
        QCOMPARE(rec.versions.size(), size_t(1));
        QVERIFY(rec.versions.count(kDeletedField));
        QCOMPARE(rec.by.size(), size_t(1));
        QVERIFY(rec.conflicts.empty());
        QCOMPARE(rec.school, std::string("A"));
        QCOMPARE(c.store->scopeSum("A"), recomputeScopeSum(*c.store, "A"));
        // What a device pulls: the tombstone without any old value.
        SyncResponse pulled = c.sync(b, {});
        bool found = false;
        for (const auto &r : pulled.changes) {
            if (r.id != "p1")
                continue;
            found = true;
            const std::string wire = r.toJson().dump();
            QVERIFY2(wire.find("李小") == std::string::npos, wire.c_str());
            QVERIFY2(wire.find("532301201501010023") == std::string::npos, wire.c_str());
            QVERIFY(r.deleted());
        }
        QVERIFY(found);
    }

    void serverHandlesUnsortedBatch()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        SyncResponse r = c.sync(d, {put(2, "pupils", "p2", "A", {{"name", "b"}}, ver(kNow, d.node, 2)),
                                    put(1, "pupils", "p1", "A", {{"name", "a"}}, ver(kNow, d.node, 1))});
        QCOMPARE(r.acked, uint64_t(2));
        QVERIFY(c.store->record("pupils", "p1")->seq < c.store->record("pupils", "p2")->seq);
    }

    void firstPullOfFiveThousand()
    {
        County c;
        {
            Transaction tx(*c.store);
            for (int i = 0; i < 5000; ++i)
                serverPut(*c.store, "pupils", "p" + std::to_string(i), "A",
                          {{"name", "学生" + std::to_string(i)},
                           {"grade", 1 + i % 6},
                           {"village", "大箐村三组"},
                           {"guardian_phone", "13800000000"},
                           {"left_behind", i % 3 == 0}},
                          "import", kNow);
            tx.commit();
        }
        DeviceSession d = c.device("head.a", "dev-1");
        QElapsedTimer t;
        t.start();
        Cursor cursor;
        size_t got = 0, pages = 0, bytes = 0;
        for (;;) {
            SyncResponse r = c.sync(d, {}, cursor, 48 * 1024);
            ++pages;
            got += r.changes.size();
            bytes += r.toJson().dump().size();
            cursor = r.cursor;
            if (!r.more)
                break;
        }
        qInfo("first pull of 5,000 records: %zu pages, %zu bytes of JSON, %lld ms in the handler", pages, bytes, t.elapsed());
        QCOMPARE(got, size_t(5000));
    }

    void newScopeStartsFromZero()
    {
        County c;
        {
            Transaction tx(*c.store);
            serverPut(*c.store, "pupils", "b1", "B", {{"name", "b"}}, "admin", kNow);
            tx.commit();
        }
        DeviceSession d = c.device("head.a", "dev-1");
        SyncResponse r = c.sync(d, {});
        QVERIFY(!r.cursor.count("B"));
        // The inspector had A only; B is added later and starts from 0.
        Account insp = *c.store->account("inspector");
        insp.schools = {"A"};
        c.store->putAccount(insp);
        DeviceSession i = c.device("inspector", "dev-i");
        SyncResponse r1 = c.sync(i, {});
        insp.schools = {"A", "B"};
        c.store->putAccount(insp);
        i = c.device("inspector", "dev-i");
        SyncResponse r2 = c.sync(i, {}, r1.cursor);
        QCOMPARE(ids(r2.changes), std::set<std::string>{"pupils/b1"});
        QCOMPARE(r2.cursor["A"], r1.cursor["A"]);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
