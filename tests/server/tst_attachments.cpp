// Attachments at the bureau (docs/village.md): who may download a file (the
// schools whose records refer to it, kept by the sync handler, and its
// uploader), Range downloads streamed from disk, and the removal of
// abandoned upload parts. A real HttpServer on loopback, a real client.
#include "RunningServer.h"

#include "attachments/AttachmentStore.h"
#include "http/HttpServer.h"
#include "protocol/Crypto.h"
#include "sync/RecordWrites.h"

#include <QProcess>
#include <QtTest>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace cxt;
namespace fs = std::filesystem;

namespace {

struct Running : RunningServer {
    std::string files = attachmentsDir();

    explicit Running(HttpOptions opt = {}) : RunningServer(std::move(opt), true) {}
    std::string token(const std::string &user, const std::string &device)
    {
        EnrollRequest req;
        req.user = user;
        req.password = "secret1";
        req.device = device;
        return enroll(*county.store, req, cx::wallClockMs()).token; // used over HTTP: a live token
    }
};

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

// Uploads `data` in one PUT as `token`; returns its SHA-256.
std::string upload(httplib::Client &cli, const std::string &token, const std::string &data)
{
    std::string sha = sha256Hex(data);
    auto r = cli.Put(("/v1/attachments/" + sha + "?offset=0&size=" + std::to_string(data.size())).c_str(),
                     httplib::Headers{{"Authorization", "Bearer " + token}}, data, "application/octet-stream");
    if (!r || r->status != 200)
        qFatal("upload failed: %d", r ? r->status : -1);
    return sha;
}

httplib::Result get(httplib::Client &cli, const std::string &token, const std::string &sha, const std::string &range = {})
{
    httplib::Headers h{{"Authorization", "Bearer " + token}};
    if (!range.empty())
        h.emplace("Range", range);
    return cli.Get(("/v1/attachments/" + sha).c_str(), h);
}

Json photoRef(const std::string &sha, size_t size) { return Json{{"sha256", sha}, {"size", size}, {"type", "image/jpeg"}}; }

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT
private slots:
    // References anywhere in a value: nested in form answers, in arrays.
    void collectsNestedReferences()
    {
        const std::string a(64, 'a'), b(64, 'b');
        Json v =
            Json{{"answers",
                  Json::array({Json{{"q", 1}, {"photo", Json{{"sha256", a}}}}, Json::array({Json{{"sha256", b}, {"size", 3}}})})},
                 {"not", Json{{"sha256", "short"}}},
                 {"upper", Json{{"sha256", std::string(64, 'A')}}}};
        std::vector<std::string> out;
        collectAttachmentRefs(v, out);
        std::sort(out.begin(), out.end());
        QCOMPARE(out, (std::vector<std::string>{a, b}));
    }

    // A record synced by a device of school A makes its photo visible to A's
    // accounts, the inspector of A and B, and the bureau; not to school B.
    // The uploader may download it before any record refers to it.
    void downloadOnlyWithinScope()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        const std::string headA = s.token("head.a", "0190a000-0000-7000-8000-00000000000a");
        const std::string teacherB = s.token("teacher.b", "0190a000-0000-7000-8000-00000000000b");
        const std::string inspector = s.token("inspector", "0190a000-0000-7000-8000-00000000000c");
        const std::string bureau = s.token("bureau", "0190a000-0000-7000-8000-00000000000d");
        const std::string headA2 = s.token("head.a2", "0190a000-0000-7000-8000-00000000000e");

        const std::string photo = bytes(100 * 1024, 1);
        const std::string sha = upload(cli, headA, photo);
        // Uploaded, no record yet: only its uploader sees it.
        QCOMPARE(get(cli, headA, sha)->status, 200);
        QCOMPARE(get(cli, headA2, sha)->status, 404);
        QCOMPARE(get(cli, teacherB, sha)->status, 404);

        // The record (a form answer nesting the reference) reaches the server.
        DeviceSession dev = authenticate(*s.county.store, headA);
        Json fields{{"answers", Json::array({Json{{"q", "photo"}, {"value", photoRef(sha, photo.size())}}})}};
        auto reply = s.county.sync(dev, {put(1, "visits", "v1", "A", fields, ver(kNow, dev.node))});
        QCOMPARE(reply.acked, uint64_t(1));
        QVERIFY(reply.rejected.empty());
        QCOMPARE(s.county.store->attachmentSchools(sha), std::vector<std::string>{"A"});

        auto ok = get(cli, headA2, sha);
        QVERIFY(ok);
        QCOMPARE(ok->status, 200);
        QCOMPARE(ok->body, photo);
        QCOMPARE(get(cli, inspector, sha)->status, 200);
        QCOMPARE(get(cli, bureau, sha)->status, 200);
        // Another school: the same answer as for a file that does not exist.
        auto no = get(cli, teacherB, sha);
        auto none = get(cli, teacherB, std::string(64, '0'));
        QCOMPARE(no->status, 404);
        QCOMPARE(none->status, 404);
        QVERIFY(no->body.size() > 0);
        // A file of school B uploaded by teacher.b stays out of head.a's reach.
        const std::string other = upload(cli, teacherB, bytes(1000, 2));
        QCOMPARE(get(cli, headA, other)->status, 404);
        QCOMPARE(get(cli, teacherB, other)->status, 200);
        // No token, or a wrong one: 401.
        QCOMPARE(cli.Get(("/v1/attachments/" + sha).c_str())->status, 401);
    }

    // Issue 13: knowing a photo's SHA-256 is not holding it. Another school's
    // head who PUTs nothing, or a part, to a file the server holds is told it
    // is complete (nothing to send) but may still not download it; sending all
    // of its bytes proves possession.
    void knowingTheHashGrantsNothing()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        const std::string headA = s.token("head.a", "0190a000-0000-7000-8000-00000000002a");
        const std::string teacherB = s.token("teacher.b", "0190a000-0000-7000-8000-00000000002b");
        const std::string photo = bytes(3000, 9);
        const std::string sha = upload(cli, headA, photo);
        DeviceSession dev = authenticate(*s.county.store, headA);
        auto reply =
            s.county.sync(dev, {put(1, "pupils", "p1", "A", Json{{"photo", photoRef(sha, photo.size())}}, ver(kNow, dev.node))});
        QCOMPARE(reply.acked, uint64_t(1));
        QCOMPARE(get(cli, headA, sha)->status, 200);

        const httplib::Headers auth{{"Authorization", "Bearer " + teacherB}};
        const std::string path = "/v1/attachments/" + sha + "?offset=0&size=" + std::to_string(photo.size());
        auto empty = cli.Put(path.c_str(), auth, "", "application/octet-stream");
        QVERIFY(empty);
        QCOMPARE(empty->status, 200);
        QCOMPARE(get(cli, teacherB, sha)->status, 404);
        auto part = cli.Put(path.c_str(), auth, photo.substr(0, 1000), "application/octet-stream");
        QVERIFY(part);
        QCOMPARE(part->status, 200);
        QCOMPARE(get(cli, teacherB, sha)->status, 404);
        auto wrong = cli.Put(path.c_str(), auth, bytes(3000, 10), "application/octet-stream");
        QVERIFY(wrong);
        QCOMPARE(get(cli, teacherB, sha)->status, 404);
        QVERIFY(!s.county.store->attachmentUploadedBy(sha, "teacher.b"));
        // All of the bytes: teacher.b holds the photo, so it may have it back.
        auto whole = cli.Put(path.c_str(), auth, photo, "application/octet-stream");
        QVERIFY(whole);
        QCOMPARE(whole->status, 200);
        QCOMPARE(get(cli, teacherB, sha)->status, 200);
    }

    // References follow the record: a photo replaced in a record, or referred
    // to only by a deleted record, is no longer served to the school; another
    // record still using it keeps it open; its uploader keeps it.
    void referencesFollowTheRecord()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        const std::string headA = s.token("head.a", "0190a000-0000-7000-8000-00000000001a");
        const std::string headA2 = s.token("head.a2", "0190a000-0000-7000-8000-00000000001e");
        const std::string first = upload(cli, headA, bytes(2000, 3));
        const std::string second = upload(cli, headA, bytes(2000, 4));
        DeviceSession dev = authenticate(*s.county.store, headA);
        auto base = [&](const std::string &id) { return seen(*s.county.store->record("visits", id)); };
        auto sync = [&](Mutation m) {
            const uint64_t n = m.n;
            auto r = s.county.sync(dev, {std::move(m)});
            QCOMPARE(r.acked, n); // acknowledged up to this one
            QVERIFY(r.rejected.empty());
        };

        sync(put(1, "visits", "v1", "A", Json{{"photo", photoRef(first, 2000)}}, ver(kNow, dev.node)));
        QCOMPARE(get(cli, headA2, first)->status, 200);
        // The photo is replaced: the first is closed to the school, the second open.
        sync(put(2, "visits", "v1", "A", Json{{"photo", photoRef(second, 2000)}}, ver(kNow + 1, dev.node), base("v1")));
        QCOMPARE(get(cli, headA2, first)->status, 404);
        QCOMPARE(get(cli, headA2, second)->status, 200);
        QCOMPARE(get(cli, headA, first)->status, 200); // its uploader
        QVERIFY(s.county.store->attachmentSchools(first).empty());
        // Another record uses the second too; deleting v1 leaves it open through v2.
        sync(put(3, "visits", "v2", "A", Json{{"photos", Json::array({photoRef(second, 2000)})}}, ver(kNow + 2, dev.node)));
        sync(del(4, "visits", "v1", "A", ver(kNow + 3, dev.node), base("v1")));
        QCOMPARE(get(cli, headA2, second)->status, 200);
        sync(del(5, "visits", "v2", "A", ver(kNow + 4, dev.node), base("v2")));
        QCOMPARE(get(cli, headA2, second)->status, 404);
        QVERIFY(s.county.store->attachmentSchools(second).empty());
    }

    // Range: "bytes=N-" resumes with 206 and Content-Range; past the end is 416.
    void rangeDownloads()
    {
        Running s;
        httplib::Client cli("127.0.0.1", s.port);
        const std::string token = s.token("head.a", "0190a000-0000-7000-8000-00000000001a");
        const std::string photo = bytes(300 * 1024 + 17, 3);
        const std::string sha = upload(cli, token, photo);

        auto whole = get(cli, token, sha);
        QCOMPARE(whole->status, 200);
        QCOMPARE(whole->body, photo);
        QCOMPARE(whole->get_header_value("Accept-Ranges"), std::string("bytes"));

        auto rest = get(cli, token, sha, "bytes=100000-");
        QCOMPARE(rest->status, 206);
        QCOMPARE(rest->body, photo.substr(100000));
        QCOMPARE(rest->get_header_value("Content-Range"),
                 "bytes 100000-" + std::to_string(photo.size() - 1) + "/" + std::to_string(photo.size()));

        auto mid = get(cli, token, sha, "bytes=10-19");
        QCOMPARE(mid->status, 206);
        QCOMPARE(mid->body, photo.substr(10, 10));

        auto past = get(cli, token, sha, "bytes=" + std::to_string(photo.size()) + "-");
        QCOMPARE(past->status, 416);
        QCOMPARE(past->get_header_value("Content-Range"), "bytes */" + std::to_string(photo.size()));
    }

    void parseRange_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<qulonglong>("first");
        QTest::addColumn<qulonglong>("length");
        QTest::addColumn<bool>("partial");
        QTest::addColumn<bool>("satisfiable");
        QTest::newRow("none") << "" << 0ull << 1000ull << false << true;
        QTest::newRow("from") << "bytes=200-" << 200ull << 800ull << true << true;
        QTest::newRow("span") << "bytes=0-99" << 0ull << 100ull << true << true;
        QTest::newRow("span past end") << "bytes=900-5000" << 900ull << 100ull << true << true;
        QTest::newRow("suffix") << "bytes=-10" << 990ull << 10ull << true << true;
        QTest::newRow("at end") << "bytes=1000-" << 0ull << 1000ull << false << false;
        QTest::newRow("several") << "bytes=0-1,5-6" << 0ull << 1000ull << false << true;
        QTest::newRow("reversed") << "bytes=9-3" << 0ull << 1000ull << false << true;
        QTest::newRow("garbage") << "bytes=x-" << 0ull << 1000ull << false << true;
        QTest::newRow("other unit") << "items=1-2" << 0ull << 1000ull << false << true;
    }
    void parseRange()
    {
        QFETCH(QString, header);
        QFETCH(qulonglong, first);
        QFETCH(qulonglong, length);
        QFETCH(bool, partial);
        QFETCH(bool, satisfiable);
        ByteRange r = parseByteRange(header.toStdString(), 1000);
        QCOMPARE(r.satisfiable, satisfiable);
        if (!satisfiable)
            return;
        QCOMPARE(qulonglong(r.first), first);
        QCOMPARE(qulonglong(r.length), length);
        QCOMPARE(r.partial, partial);
    }

    // An upload abandoned for longer than the limit loses its .part; a recent
    // one and complete files stay. The server does it at start.
    void staleParts()
    {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        const std::string oldPart = d + "/" + std::string(64, '1') + ".part";
        const std::string newPart = d + "/" + std::string(64, '2') + ".part";
        const std::string oldDone = d + "/" + std::string(64, '3');
        const std::string other = d + "/notes.part";
        for (const auto &p : {oldPart, newPart, oldDone, other})
            std::ofstream(p) << "x";
        const auto longAgo = fs::file_time_type::clock::now() - std::chrono::hours(24 * 31);
        fs::last_write_time(oldPart, longAgo);
        fs::last_write_time(oldDone, longAgo);
        fs::last_write_time(other, longAgo);
        AttachmentStore files(d);
        QCOMPARE(files.removeStaleParts(std::chrono::hours(24 * 30)), size_t(1));
        QVERIFY(!fs::exists(oldPart));
        QVERIFY(fs::exists(newPart));
        QVERIFY(fs::exists(oldDone));
        QVERIFY(fs::exists(other)); // not ours
        // The next upload of that file starts from zero.
        QCOMPARE(files.status(std::string(64, '1'), 10).state, std::string("missing"));

        // At start: a server with a 1-day limit removes a 2-day-old part.
        County county;
        AcceptAll validator;
        HttpOptions o;
        o.log = false;
        o.attachmentsDir = (county.dir.path() + "/attachments").toStdString();
        o.partMaxAgeDays = 1;
        fs::create_directories(o.attachmentsDir);
        const std::string part = o.attachmentsDir + "/" + std::string(64, '4') + ".part";
        const std::string fresh = o.attachmentsDir + "/" + std::string(64, '5') + ".part";
        std::ofstream(part) << "half";
        std::ofstream(fresh) << "half";
        fs::last_write_time(part, fs::file_time_type::clock::now() - std::chrono::hours(48));
        StorePool stores([&county] { return county.open(); });
        HttpServer server(stores, validator, o);
        server.bind();
        std::thread t([&] { server.run(); });
        for (int i = 0; i < 250 && fs::exists(part); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        server.stop();
        t.join();
        QVERIFY(!fs::exists(part));
        QVERIFY(fs::exists(fresh));
    }

    // Migration 2 fills attachment_refs from the records already held.
    void migrationFillsReferences()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/cunxiao.db").toStdString();
        const std::string sha(64, 'c');
        {
            SqliteStore store(path);
            RecordState r;
            r.collection = "visits";
            r.id = "v1";
            r.school = "A";
            r.seq = 1;
            r.fields = Json{{"photos", Json::array({photoRef(sha, 5)})}};
            store.putRecord(r); // not through storeChangedRecord: no reference kept
            QVERIFY(store.attachmentSchools(sha).empty());
            store.setMeta("schema_version", "1");
        }
        {
            // Version 1 again: the tables of migration 2 must not exist yet.
            QProcess sq;
            sq.start("sqlite3", {QString::fromStdString(path),
                                 "DROP TABLE record_attachment_refs; DROP TABLE attachment_uploads; DROP TABLE signin_throttle; "
                                 "DROP TABLE signin_audit;"
                                 // migration 5
                                 "DROP TABLE admin_audit; DROP TRIGGER audit_append_only_u; DROP TRIGGER audit_append_only_d;"
                                 "DROP INDEX audit_at; DROP INDEX devices_next_token;"
                                 "ALTER TABLE devices DROP COLUMN app_version; ALTER TABLE devices DROP COLUMN last_source;"
                                 "ALTER TABLE devices DROP COLUMN token_expires; ALTER TABLE devices DROP COLUMN token_renewed;"
                                 "ALTER TABLE devices DROP COLUMN next_token_hash; ALTER TABLE devices DROP COLUMN wipe_sent;"
                                 // migration 6
                                 "DROP INDEX records_collection_seq;"
                                 // migration 7
                                 "ALTER TABLE devices DROP COLUMN health; ALTER TABLE devices DROP COLUMN health_at;"
                                 // migration 8
                                 "DROP INDEX enrol_codes_user; DROP TABLE enrol_codes;"
                                 "ALTER TABLE accounts DROP COLUMN admin;"});
            if (!sq.waitForStarted())
                QSKIP("the sqlite3 tool is not installed");
            QVERIFY(sq.waitForFinished());
            QCOMPARE(sq.exitCode(), 0);
        }
        SqliteStore store(path);
        QCOMPARE(store.schemaVersion(), SqliteStore::latestSchemaVersion());
        QCOMPARE(store.attachmentSchools(sha), std::vector<std::string>{"A"});
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
