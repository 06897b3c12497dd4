// Engine and server together through the LoopbackTransport (tests/loopback):
// the real Engine on real replica files, the real server routes on a real
// store (SQLite; PostgreSQL in the _pg variant), no processes or ports.
#include "Loopback.h"

#include "protocol/Compression.h"
#include "protocol/Errors.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <fstream>

using namespace cxt;

namespace {
cx::Json pupil(const std::string &name, int grade) { return cx::Json{{"name", name}, {"grade", grade}}; }

std::string fileBytes(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}
} // namespace

class TestLoopback : public QObject
{
    Q_OBJECT

private slots:
    // Issue 12 point 3: a busy server's 429 or 503 with Retry-After is a
    // network-style wait. The sync waits at least what was asked, counts a
    // retry, applies everything once, and no change is marked as failed;
    // pushing (device a) and pulling (device b) alike.
    void retryAfterIsAWait_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("429") << 429;
        QTest::newRow("503") << 503;
    }
    void retryAfterIsAWait()
    {
        QFETCH(int, status);
        Loopback lb;
        auto a = lb.device("head.a", "a");
        auto b = lb.device("head.a2", "b");
        for (auto *e : {a.get(), b.get()}) {
            cx::SyncTuning t = e->tuning();
            t.backoffMaxMs = 5000; // the loopback's 2 ms cap would cut the asked wait short
            e->setTuning(t);
        }
        int busy = 0, answered = 0;
        auto busyServer = [&](const cx::HttpRequest &r) -> std::optional<cx::HttpReply> {
            if (r.path.rfind("/v1/sync", 0) != 0 || busy == 0)
                return std::nullopt;
            --busy;
            ++answered;
            cx::HttpReply reply;
            reply.status = status;
            reply.retryAfterSec = 1;
            reply.body = R"({"error":"busy","message":"the server is busy, try again shortly"})";
            return reply;
        };
        lb.substitute["a"] = busyServer;
        lb.substitute["b"] = busyServer;

        std::vector<std::string> ids;
        for (int i = 0; i < 3; ++i)
            ids.push_back(a->put("pupils", "", "A", pupil("学生" + std::to_string(i), 2 + i)));
        const uint64_t seqBefore = lb.county.store->lastSeq();

        busy = 2;
        QElapsedTimer t;
        t.start();
        const cx::SyncReport ra = a->sync();
        const qint64 waitedA = t.elapsed();
        QCOMPARE(answered, 2);
        QCOMPARE(busy, 0);
        QVERIFY(ra.complete);
        QCOMPARE(ra.retries, 2);
        QCOMPARE(ra.rejected, 0);
        QCOMPARE(ra.pushed, 3);
        QVERIFY2(waitedA >= 1900, qPrintable(QString("waited only %1 ms for two Retry-After: 1").arg(waitedA)));
        // Applied once: three pupils, three changes on the server, each
        // audited once (seqs may have gaps: the PostgreSQL store reserves them
        // in blocks, so lastSeq() is not a count of changes).
        QCOMPARE(lb.county.store->recordsOf("pupils", std::string("A")).size(), size_t(3));
        QCOMPARE(lb.county.store->countAfter("A", seqBefore), uint64_t(3));
        for (const auto &id : ids)
            QCOMPARE(lb.county.store->auditOf("pupils", id).size(), size_t(1));
        const cx::EngineStatus sa = a->status();
        QCOMPARE(sa.pending, 0);
        QCOMPARE(sa.sent, 0);
        QCOMPARE(sa.rejected, 0);
        QCOMPARE(sa.conflicts, 0);
        for (const auto &id : ids) {
            auto r = a->get("pupils", id);
            QVERIFY(r);
            QCOMPARE(r->state, cx::SyncState::Confirmed);
        }
        // The wait is in the log as the server's request to wait, not as a change's failure.
        QVERIFY(!sa.recentErrors.empty());
        for (const auto &[at, message] : sa.recentErrors)
            QVERIFY2(message.find("wait 1 s") != std::string::npos, message.c_str());
        // Nothing left: the next sync sends nothing again.
        const cx::SyncReport again = a->sync();
        QVERIFY(again.complete);
        QCOMPARE(again.pushed, 0);
        QCOMPARE(again.retries, 0);
        QCOMPARE(lb.county.store->countAfter("A", seqBefore), uint64_t(3));
        for (const auto &id : ids)
            QCOMPARE(lb.county.store->auditOf("pupils", id).size(), size_t(1));

        // Pulling: the first request busy once, then everything arrives once.
        busy = 1;
        answered = 0;
        t.restart();
        const cx::SyncReport rb = b->sync();
        const qint64 waitedB = t.elapsed();
        QCOMPARE(answered, 1);
        QVERIFY(rb.complete);
        QCOMPARE(rb.retries, 1);
        QCOMPARE(rb.rejected, 0);
        QVERIFY2(waitedB >= 950, qPrintable(QString("waited only %1 ms for Retry-After: 1").arg(waitedB)));
        for (size_t i = 0; i < ids.size(); ++i) {
            auto r = b->get("pupils", ids[i]);
            QVERIFY(r);
            QCOMPARE(r->state, cx::SyncState::Confirmed);
            QCOMPARE(r->fields.value("grade", 0), int(2 + i));
        }
        const cx::EngineStatus sb = b->status();
        QCOMPARE(sb.pending, 0);
        QCOMPARE(sb.rejected, 0);
        QCOMPARE(lb.county.store->countAfter("A", seqBefore), uint64_t(3));
        for (const auto &id : ids)
            QCOMPARE(lb.county.store->auditOf("pupils", id).size(), size_t(1));
    }

    // Wire encoding 4 against a server that stops reading it (an older one
    // restored behind the same address): its 400 "protocol" to a compact push
    // applied nothing; the device sends the same changes again at once in
    // their whole form, and each is applied exactly once.
    void olderServerGetsTheWholeForm()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        QVERIFY(a->sync().complete); // the server's reply says it reads encoding 4
        std::vector<std::string> ids;
        for (int i = 0; i < 3; ++i)
            ids.push_back(a->put("pupils", "", "A", pupil("学生" + std::to_string(i), 2 + i)));
        const uint64_t seqBefore = lb.county.store->lastSeq();

        std::vector<cx::Json> pushes; // every /v1/sync body that carried changes, as sent
        int refused = 0;
        lb.substitute["a"] = [&](const cx::HttpRequest &r) -> std::optional<cx::HttpReply> {
            if (r.path.rfind("/v1/sync", 0) != 0)
                return std::nullopt;
            const cx::Json body = cx::Json::parse(cx::decompress(r.body));
            if (!body.contains("mutations") || body["mutations"].empty())
                return std::nullopt;
            pushes.push_back(body);
            if (!body.value("compact", false))
                return std::nullopt; // the whole form: the real server answers
            ++refused;
            cx::HttpReply reply;
            reply.status = 400;
            reply.body = R"({"error":"protocol","message":"request.mutations[0].n: missing"})";
            return reply;
        };
        const cx::SyncReport r = a->sync();
        QVERIFY(r.complete);
        QCOMPARE(r.rejected, 0);
        QCOMPARE(r.pushed, 3);
        QCOMPARE(refused, 1);
        QCOMPARE(pushes.size(), size_t(2));
        QVERIFY(pushes[0].value("compact", false));
        QVERIFY(!pushes[1].value("compact", false));
        QCOMPARE(pushes[1]["mutations"].size(), size_t(3));
        for (const cx::Json &m : pushes[1]["mutations"]) // the whole form: counter and version present
            QVERIFY2(m.contains("n") && m.contains("v"), m.dump().c_str());
        QCOMPARE(lb.county.store->countAfter("A", seqBefore), uint64_t(3));
        for (const auto &id : ids) {
            QCOMPARE(lb.county.store->auditOf("pupils", id).size(), size_t(1));
            QCOMPARE(a->get("pupils", id)->state, cx::SyncState::Confirmed);
        }
        QCOMPARE(a->status().pending, 0);
    }

    // Two heads of one school: each one's edits reach the other, field by field.
    void twoDevicesConverge()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        auto b = lb.device("head.a2", "b");
        const std::string id = a->put("pupils", "", "A", pupil("王小明", 3));
        QVERIFY(a->sync().complete);
        QVERIFY(b->sync().complete);
        auto seen = b->get("pupils", id);
        QVERIFY(seen);
        QCOMPARE(seen->fields.value("name", ""), std::string("王小明"));
        b->put("pupils", id, "A", cx::Json{{"grade", 4}});
        a->put("pupils", id, "A", cx::Json{{"name", "王晓明"}});
        QVERIFY(b->sync().complete);
        QVERIFY(a->sync().complete);
        QVERIFY(b->sync().complete);
        for (auto *e : {a.get(), b.get()}) {
            auto r = e->get("pupils", id);
            QVERIFY(r);
            QCOMPARE(r->fields.value("name", ""), std::string("王晓明"));
            QCOMPARE(r->fields.value("grade", 0), 4);
            QCOMPARE(r->state, cx::SyncState::Confirmed);
        }
        auto onServer = lb.county.store->record("pupils", id);
        QVERIFY(onServer);
        QCOMPARE(onServer->fields.value("grade", 0), 4);
    }

    // The same field edited on two devices offline: the second to sync gets a
    // conflict showing both values; settling it reaches the first device.
    void sameFieldConflictSettled()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        auto b = lb.device("head.a2", "b");
        const std::string id = a->put("pupils", "", "A", pupil("李红", 2));
        QVERIFY(a->sync().complete);
        QVERIFY(b->sync().complete);
        a->put("pupils", id, "A", cx::Json{{"grade", 3}});
        b->put("pupils", id, "A", cx::Json{{"grade", 5}});
        QVERIFY(a->sync().complete);
        const cx::SyncReport rb = b->sync();
        QCOMPARE(rb.conflicts, 1);
        auto c = b->conflicts();
        QCOMPARE(int(c.size()), 1);
        QCOMPARE(c[0].conflicts.at(0).field, std::string("grade"));
        b->resolve("pupils", id, "grade", 5);
        QVERIFY(b->sync().complete);
        QVERIFY(a->sync().complete);
        QCOMPARE(a->get("pupils", id)->fields.value("grade", 0), 5);
        QVERIFY(b->conflicts().empty());
    }

    // Issue 13: a deleted pupil's personal fields are cleared on the server,
    // and the devices (the deleter and another) keep no old value in the
    // replica's rows: not in the record's fields, not in the server state
    // they hold, not in the outbox. (Bytes left in SQLite's free pages are
    // the device store's encryption's business, issue 13.1.)
    void deletedRecordLeavesNoValues()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        auto b = lb.device("head.a2", "b");
        const std::string name = "独一无二的名字", idNumber = "532301201501010099";
        const std::string id = a->put("pupils", "", "A", cx::Json{{"name", name}, {"id_number", idNumber}, {"grade", 2}});
        QVERIFY(a->sync().complete);
        QVERIFY(b->sync().complete);
        QVERIFY(b->get("pupils", id));
        a->remove("pupils", id);
        QVERIFY(a->sync().complete);
        QVERIFY(b->sync().complete);

        const auto onServer = lb.county.store->record("pupils", id);
        QVERIFY(onServer && onServer->deleted());
        QCOMPARE(onServer->fields, (cx::Json{{cx::kDeletedField, true}}));
        for (auto *e : {a.get(), b.get()}) {
            auto rec = e->replica().record("pupils", id);
            QVERIFY(rec);
            QVERIFY(rec->deleted);
            std::string held = rec->fields.dump();
            if (rec->server)
                held += rec->server->toJson().dump();
            for (const auto &o : e->replica().outboxFor("pupils", id))
                held += o.mutation.toJson().dump();
            QVERIFY2(held.find(name) == std::string::npos, held.c_str());
            QVERIFY2(held.find(idNumber) == std::string::npos, held.c_str());
        }
        // For the device store's encryption (issue 13.1): which files still
        // hold the old bytes in free pages or the WAL. Reported, not asserted.
        QDirIterator files(lb.devices.path(), QDir::Files);
        while (files.hasNext()) {
            const QString f = files.next();
            if (fileBytes(f.toStdString()).find(name) != std::string::npos)
                qInfo("old value still in the bytes of %s (free pages / WAL)", qPrintable(QFileInfo(f).fileName()));
        }
    }

    // A reply lost after the server applied the push: the device sends it
    // again, and the server applies it once (one audit entry per write).
    void lostReplyAppliesOnce()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        const std::string id = a->put("pupils", "", "A", pupil("张伟", 1));
        int dropped = 0;
        lb.afterServer["a"] = [&](const cx::HttpRequest &r) {
            if (r.path == "/v1/sync" && dropped++ == 0)
                throw cx::Error(cx::ErrorKind::Network, "reply lost on the way back");
        };
        const cx::SyncReport rep = a->sync();
        QVERIFY(rep.complete);
        QCOMPARE(rep.retries, 1);
        QCOMPARE(int(lb.county.store->auditOf("pupils", id).size()), 1);
        QCOMPARE(a->get("pupils", id)->state, cx::SyncState::Confirmed);
        QVERIFY(a->replica().outboxFor("pupils", id).empty());
    }

    // Wire encoding 3 through the engine: pushes after the first go against
    // the push before, pages against the page before. The server loses its
    // kept bodies in the middle (a restart, another instance): the push it no
    // longer can decode is refused with "prefix-unknown" and resent whole,
    // and every change arrives exactly once.
    void prefixesAcrossASync()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        auto b = lb.device("head.a2", "b");
        cx::SyncTuning t;
        t.pageWireBytes = 3 * 1024;
        t.firstPageBytes = 16 * 1024;
        t.firstPushBytes = 16 * 1024;
        t.maxPageScale = 1;
        a->setTuning(t);
        b->setTuning(t);
        std::vector<std::string> ids;
        for (int i = 0; i < 400; ++i)
            ids.push_back(a->put("pupils", "", "A",
                                 cx::Json{{"name", "学生" + std::to_string(i)},
                                          {"grade", i % 6},
                                          {"village", i % 2 ? "石门村" : "红旗村"},
                                          {"guardian", "家长" + std::to_string(i)}}));
        std::map<std::string, std::string> sent; // prefixName -> body, of every sync request a sent
        std::vector<std::string> plains;
        std::vector<bool> prefixed;
        lb.beforeServer["a"] = [&](const cx::HttpRequest &r) {
            if (r.path != "/v1/sync")
                return;
            const std::string named = cx::namedPrefix(r.body);
            QVERIFY(named.empty() || sent.count(named));
            const std::string plain = named.empty() ? cx::decompress(r.body) : cx::decompressWithPrefix(r.body, sent[named]);
            sent[cx::prefixName(plain)] = plain;
            plains.push_back(plain);
            prefixed.push_back(!named.empty());
            if (std::count(prefixed.begin(), prefixed.end(), true) == 2 && !named.empty())
                lb.server->prefixCache()->clear(); // the next prefixed push names a body the server lost
        };
        const cx::SyncReport up = a->sync();
        QVERIFY(up.complete);
        QCOMPARE(up.pushed, 400);
        QVERIFY2(std::count(prefixed.begin(), prefixed.end(), true) >= 3, std::to_string(plains.size()).c_str());
        // The request after the lost prefix is the same body, sent without one.
        bool resent = false;
        for (size_t i = 0; i + 1 < plains.size(); ++i)
            if (prefixed[i] && !prefixed[i + 1] && plains[i] == plains[i + 1])
                resent = true;
        QVERIFY(resent);
        for (const auto &id : ids)
            QCOMPARE(int(lb.county.store->auditOf("pupils", id).size()), 1);
        QCOMPARE(a->status().pending, 0);

        // b downloads in small pages; after the first, each goes against the one before.
        const auto before = lb.server->prefixCache()->stats();
        const cx::SyncReport down = b->sync();
        QVERIFY(down.complete);
        QVERIFY(down.requests >= 3);
        QCOMPARE(lb.server->prefixCache()->stats().hits - before.hits, uint64_t(down.requests - 1));
        for (const auto &id : ids)
            QVERIFY(b->get("pupils", id));

        // A server that keeps nothing (prefixes off): the same sync without them.
        cx::server::HttpOptions o;
        o.log = false;
        o.prefixCacheBytes = 0;
        lb.server = std::make_unique<cx::server::HttpServer>(lb.stores, lb.validator, o);
        auto c = lb.device("head.a2", "c");
        c->setTuning(t);
        QVERIFY(c->sync().complete);
        for (const auto &id : ids)
            QVERIFY(c->get("pupils", id));
    }

    // A photo goes up with its record and comes down to the inspector, byte for
    // byte, through the attachment routes (check, PUT in chunks, GET).
    void photoRoundTrip()
    {
        Loopback lb;
        auto head = lb.device("head.a", "head");
        const std::string src = (lb.devices.path() + "/photo.jpg").toStdString();
        std::string bytes(300 * 1024, '\0');
        for (size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) >> 3);
        std::ofstream(src, std::ios::binary) << bytes;
        const cx::AttachmentInfo att = head->attach(src, "image/jpeg");
        const std::string id = head->put("home_visits", "", "A", cx::Json{{"photo", att.reference()}});
        const cx::SyncReport up = head->sync();
        QVERIFY(up.complete);
        QCOMPARE(up.attachmentsSent, 1);
        auto insp = lb.device("inspector", "insp");
        QVERIFY(insp->sync().complete);
        QVERIFY(insp->get("home_visits", id));
        const std::string path = insp->fetchAttachment(att.sha256, bytes.size());
        QVERIFY(fileBytes(path) != bytes); // kept encrypted (docs/security.md)
        QVERIFY(insp->readAttachment(att.sha256) == bytes);
    }

    // An account that loses a school (an inspector's district changed): at its
    // next sync the device drops that school's records, scope and photos, but
    // keeps the person's own unsent edit there, sends it, and shows the
    // server's refusal; the other school is untouched.
    void lostSchoolLeavesTheDevice()
    {
        Loopback lb;
        auto head = lb.device("head.a", "head");
        auto teacher = lb.device("teacher.b", "teacher");
        const std::string src = (lb.devices.path() + "/b.jpg").toStdString();
        std::ofstream(src, std::ios::binary) << std::string(40 * 1024, 'b');
        const cx::AttachmentInfo photo = teacher->attach(src, "image/jpeg");
        const std::string inA = head->put("pupils", "", "A", pupil("赵六", 5));
        const std::string inB = teacher->put("pupils", "", "B", pupil("钱七", 6));
        const std::string visitB = teacher->put("home_visits", "", "B", cx::Json{{"photo", photo.reference()}});
        QVERIFY(head->sync().complete);
        QVERIFY(teacher->sync().complete);
        auto insp = lb.device("inspector", "insp");
        QVERIFY(insp->sync().complete);
        QVERIFY(!insp->fetchAttachment(photo.sha256).empty());
        QVERIFY(insp->get("pupils", inB) && insp->get("home_visits", visitB));
        // Offline, the inspector edits a pupil of school B.
        insp->put("pupils", inB, "B", cx::Json{{"grade", 2}});

        cx::server::Account acc = *lb.county.store->account("inspector");
        acc.schools = {"A"};
        lb.county.store->putAccount(acc);
        insp->sync();
        QVERIFY(insp->get("pupils", inA));                   // school A untouched
        QVERIFY(!insp->get("home_visits", visitB));          // school B gone
        QVERIFY(insp->attachmentPath(photo.sha256).empty()); // and its photo
        const auto kept = insp->get("pupils", inB);          // but not the person's own unsent work
        QVERIFY(kept);
        QCOMPARE(kept->fields["grade"].get<int>(), 2);
        QCOMPARE(kept->state, cx::SyncState::Rejected);
        QVERIFY(!kept->rejectReason.empty());
        for (const auto &s : insp->replica().scopes())
            QVERIFY2(s.school != "B", "the lost school's cursor is still kept");
        // The server never took it.
        QCOMPARE(lb.county.store->record("pupils", inB)->fields["grade"].get<int>(), 6);
    }

    // Scope: a head of school B never receives school A's records.
    void otherSchoolSeesNothing()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        auto b = lb.device("teacher.b", "b");
        const std::string id = a->put("pupils", "", "A", pupil("赵六", 5));
        b->put("pupils", "", "B", pupil("钱七", 6));
        QVERIFY(a->sync().complete);
        QVERIFY(b->sync().complete);
        QVERIFY(!b->get("pupils", id));
        const auto bs = b->list("pupils");
        QCOMPARE(int(bs.size()), 1);
        QCOMPARE(bs[0].school, std::string("B"));
        QCOMPARE(int(lb.county.store->allRecordsOfSchool("B").size()), 1);
    }

    // A replica reopened (the app restarted) goes on from its cursor: nothing
    // is pulled twice, its pending edit is sent once.
    void restartKeepsCursor()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        auto b = lb.device("head.a2", "b");
        for (int i = 0; i < 20; ++i)
            a->put("pupils", "", "A", pupil("学生" + std::to_string(i), 1 + i % 6));
        QVERIFY(a->sync().complete);
        QCOMPARE(b->sync().pulled, 20);
        const std::string id = b->list("pupils").front().id;
        b->put("pupils", id, "A", cx::Json{{"grade", 6}});
        b.reset();
        auto b2 = lb.reopen("b");
        const cx::SyncReport r = b2->sync();
        QCOMPARE(r.pushed, 1);
        QCOMPARE(r.pulled, 0);
        QCOMPARE(int(lb.county.store->auditOf("pupils", id).size()), 2);
    }

    // A change larger than the server takes is refused when it is saved, with
    // the record and the field named; nothing reaches the outbox, and the
    // record's other edits still go through.
    void oversizedChangeRefusedOnDevice()
    {
        Loopback lb;
        auto a = lb.device("head.a", "a");
        const std::string id = a->put("pupils", "", "A", pupil("孙八", 2));
        const std::string huge(cx::kMaxFieldsBytes + 1, 'x');
        try {
            a->put("pupils", id, "A", cx::Json{{"notes", huge}});
            QFAIL("an oversized change was saved");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), cx::ErrorKind::Invalid);
            const std::string what = e.what();
            QVERIFY2(what.find("pupils/" + id) != std::string::npos, what.c_str());
            QVERIFY2(what.find("\"notes\"") != std::string::npos, what.c_str());
        }
        QVERIFY(!a->get("pupils", id)->fields.contains("notes"));
        QCOMPARE(int(a->replica().outboxFor("pupils", id).size()), 1); // the create, folded edits only
        a->put("pupils", id, "A", cx::Json{{"grade", 3}});
        QVERIFY(a->sync().complete);
        QCOMPARE(lb.county.store->record("pupils", id)->fields.value("grade", 0), 3);
        QCOMPARE(a->lastReport().rejected, 0);
    }
};

QTEST_GUILESS_MAIN(TestLoopback)
#include "tst_loopback.moc"
