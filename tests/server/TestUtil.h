#pragma once
// Shared helpers for the server tests: a store with a small county (SQLite in a
// temporary directory; with CX_TEST_PG set, a fresh PostgreSQL database:
// tests/postgres/TestDatabase.h), enrolled devices, and mutation builders.
#include "auth/Auth.h"
#include "protocol/Merge.h"
#include "protocol/Messages.h"
#include "storage/PgStore.h"
#include "storage/SqliteStore.h"
#include "sync/SyncHandler.h"

#include "../postgres/TestDatabase.h"

#include <QTemporaryDir>
#include <memory>

namespace cxt {

using namespace cx;
using namespace cx::server;

inline constexpr int64_t kNow = 1764000000000; // a fixed server time

// A store with schools A, B and accounts head.a (A), teacher.b (B),
// inspector (A, B), bureau; all with password "secret1".
struct County {
    QTemporaryDir dir;
    TestDatabase db; // PostgreSQL (CX_TEST_PG), else unused
    std::unique_ptr<Store> store;

    bool postgres() const { return !db.uri().empty(); }
    // What a command takes: the SQLite file's data directory, or the database URI.
    std::string location() const { return postgres() ? db.uri() : dir.path().toStdString(); }
    // Another connection to the same database (a server worker's).
    std::unique_ptr<Store> open() const
    {
        if (postgres())
            return openPostgresStore(db.uri(), false);
        return std::make_unique<SqliteStore>((dir.path() + "/cunxiao.db").toStdString());
    }

    County()
    {
        if (postgres())
            store = openPostgresStore(db.uri(), true);
        else
            store = std::make_unique<SqliteStore>((dir.path() + "/cunxiao.db").toStdString());
        store->putSchool({"A", "School A", "Test"});
        store->putSchool({"B", "School B", "Test"});
        addUser(*store, "head.a", "head", {"A"}, "secret1");
        addUser(*store, "head.a2", "head", {"A"}, "secret1");
        addUser(*store, "teacher.b", "teacher", {"B"}, "secret1");
        addUser(*store, "inspector", "inspector", {"A", "B"}, "secret1");
        addUser(*store, "bureau", "bureau", {}, "secret1");
    }

    // Enrolls a device for `user` and returns its session.
    DeviceSession device(const std::string &user, const std::string &deviceId)
    {
        EnrollRequest req;
        req.user = user;
        req.password = "secret1";
        req.device = deviceId;
        req.deviceName = "test";
        EnrollResponse r = enroll(*store, req, kNow);
        return authenticate(*store, r.token, kNow);
    }

    SyncResponse sync(const DeviceSession &who, std::vector<Mutation> ms, Cursor cursor = {}, uint64_t pageBytes = 1 << 20,
                      int64_t now = kNow, int enc = 1)
    {
        SyncRequest req;
        req.enc = enc;
        req.device = who.device;
        req.mutations = std::move(ms);
        req.cursor = std::move(cursor);
        req.pageBytes = pageBytes;
        return handleSync(*store, who, req, now);
    }
};

inline Version ver(int64_t ms, uint32_t node, uint32_t counter = 0) { return Version{makeHlc(ms, counter), node}; }

inline Mutation put(uint64_t n, const std::string &c, const std::string &id, const std::string &school, Json fields, Version v,
                    std::map<std::string, std::optional<Version>> base = {})
{
    Mutation m;
    m.n = n;
    m.collection = c;
    m.id = id;
    m.school = school;
    m.op = Op::Put;
    m.fields = std::move(fields);
    m.base = std::move(base);
    m.version = v;
    return m;
}

inline Mutation del(uint64_t n, const std::string &c, const std::string &id, const std::string &school, Version v,
                    std::map<std::string, std::optional<Version>> base)
{
    Mutation m = put(n, c, id, school, Json::object(), v, std::move(base));
    m.op = Op::Delete;
    return m;
}

// The base a device has after seeing `rec`: every field's current version.
inline std::map<std::string, std::optional<Version>> seen(const RecordState &rec)
{
    std::map<std::string, std::optional<Version>> b;
    for (const auto &[k, v] : rec.versions)
        b[k] = v;
    return b;
}

} // namespace cxt
