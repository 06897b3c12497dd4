#include "engine/Recovery.h"

#include "engine/Engine.h"
#include "engine/Overlay.h"
#include "engine/Replica.h"
#include "protocol/Errors.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

namespace cx {

namespace {
struct RawDb {
    sqlite3 *db = nullptr;
    ~RawDb() { sqlite3_close_v2(db); }
};

struct RawStmt {
    sqlite3_stmt *st = nullptr;
    RawStmt(sqlite3 *db, const char *sql)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            st = nullptr;
    }
    ~RawStmt() { sqlite3_finalize(st); }
    std::string text(int c) const
    {
        auto p = sqlite3_column_text(st, c);
        return p ? std::string(reinterpret_cast<const char *>(p), size_t(sqlite3_column_bytes(st, c))) : std::string();
    }
    int64_t integer(int c) const { return sqlite3_column_int64(st, c); }
    bool isNull(int c) const { return sqlite3_column_type(st, c) == SQLITE_NULL; }
};

std::string stamp()
{
    char buf[32];
    std::time_t t = std::time(nullptr);
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", std::localtime(&t));
    return buf;
}
} // namespace

RecoveryReport recoverReplica(const std::string &path, const DataKey &key)
{
    namespace fs = std::filesystem;
    RecoveryReport rep;
    std::map<std::string, std::string> meta;
    std::vector<OutboxEntry> outbox;
    std::vector<StoredRecord> records;
    {
        RawDb d;
        if (sqlite3_open_v2(path.c_str(), &d.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw Error(ErrorKind::Storage, "cannot open the damaged database " + path + " to recover it");
        if (!key.empty()) {
            applyKey(d.db, key);
        }
        sqlite3_busy_timeout(d.db, 5000);
        // meta: by key first (each lookup on its own), then a scan for anything else.
        for (const char *key :
             {MetaKey::Device, MetaKey::Token, MetaKey::Server, MetaKey::CaFile, MetaKey::Pin, MetaKey::Node, MetaKey::User,
              MetaKey::Role, MetaKey::Schools, MetaKey::NextN, MetaKey::Hlc, MetaKey::ClockOffset}) {
            RawStmt q(d.db, "SELECT value FROM meta WHERE key=?");
            if (!q.st)
                break;
            sqlite3_bind_text(q.st, 1, key, -1, SQLITE_STATIC);
            if (sqlite3_step(q.st) == SQLITE_ROW)
                meta[key] = q.text(0);
        }
        // The device's own values (Engine::localValue, e.g. the bureau's form
        // drafts): whatever of them can still be read.
        {
            RawStmt q(d.db, "SELECT key, value FROM meta WHERE key LIKE 'local:%'");
            while (q.st && sqlite3_step(q.st) == SQLITE_ROW)
                meta[q.text(0)] = q.text(1);
        }
        // outbox: n is the rowid, so every entry can be read on its own.
        uint64_t lastN = 0;
        if (auto it = meta.find(MetaKey::NextN); it != meta.end())
            lastN = std::stoull(it->second) - 1;
        {
            RawStmt q(d.db, "SELECT max(n) FROM outbox");
            if (q.st && sqlite3_step(q.st) == SQLITE_ROW)
                lastN = std::max<uint64_t>(lastN, uint64_t(sqlite3_column_int64(q.st, 0)));
        }
        uint64_t firstN = 1;
        {
            RawStmt q(d.db, "SELECT min(n) FROM outbox");
            if (q.st && sqlite3_step(q.st) == SQLITE_ROW && sqlite3_column_type(q.st, 0) != SQLITE_NULL)
                firstN = uint64_t(sqlite3_column_int64(q.st, 0));
        }
        for (uint64_t n = firstN; n <= lastN && lastN - firstN < 10'000'000; ++n) {
            RawStmt q(d.db, (std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE n=?").c_str());
            if (!q.st)
                break;
            sqlite3_bind_int64(q.st, 1, int64_t(n));
            int rc = sqlite3_step(q.st);
            if (rc == SQLITE_DONE)
                continue; // acknowledged and dropped long ago
            if (rc != SQLITE_ROW) {
                ++rep.outboxLost;
                continue;
            }
            try {
                OutboxEntry e = readOutboxEntry(q);
                if (e.mutation.n != n)
                    throw Error(ErrorKind::Storage, "outbox entry numbered wrong");
                outbox.push_back(std::move(e));
            } catch (const std::exception &) {
                ++rep.outboxLost;
            }
        }
        // records: a scan that stops at the first unreadable page.
        RawStmt q(d.db, (std::string("SELECT ") + kRecordColumns + " FROM records").c_str());
        while (q.st && sqlite3_step(q.st) == SQLITE_ROW) {
            try {
                records.push_back(readStoredRecord(q));
            } catch (const std::exception &) {
            }
        }
    }

    // Move the damaged file (and its WAL and shared memory) aside.
    rep.damagedCopy = path + ".damaged-" + stamp();
    std::error_code ec;
    fs::rename(path, rep.damagedCopy, ec);
    if (ec)
        throw Error(ErrorKind::Storage, "cannot move the damaged database " + path + " aside: " + ec.message());
    for (const char *suffix : {"-wal", "-shm"})
        if (fs::exists(path + suffix))
            fs::rename(path + suffix, rep.damagedCopy + suffix, ec);

    Replica fresh(path, key);
    Transaction tx(fresh.db());
    for (const auto &[k, v] : meta) {
        fresh.setMeta(k, v);
        ++rep.metaKept;
    }
    {
        Stmt ins(fresh.db(), "INSERT INTO outbox(n, collection, id, body, state, reason, field_reasons, created) "
                             "VALUES(?,?,?,?,?,?,?,?)");
        for (const auto &e : outbox) {
            ins.bind(1, int64_t(e.mutation.n)).bind(2, e.mutation.collection).bind(3, e.mutation.id);
            ins.bind(4, e.mutation.toJson().dump()).bind(5, e.state).bind(6, e.reason).bind(7, e.fieldReasons.dump());
            ins.bind(8, wallClockMs()).run();
            ++rep.outboxKept;
        }
    }
    // next_n must stay past every counter this device has used, or the server
    // would skip new edits as already applied.
    uint64_t maxN = 0;
    for (const auto &e : outbox)
        maxN = std::max(maxN, e.mutation.n);
    uint64_t next = meta.count(MetaKey::NextN) ? std::stoull(meta[MetaKey::NextN]) : 1;
    if (next <= maxN)
        fresh.setMeta(MetaKey::NextN, std::to_string(maxN + 1));

    std::map<std::string, ScopeRow> scopes;
    std::set<std::pair<std::string, std::string>> held;
    for (const auto &r : records) {
        fresh.saveRecord(r);
        held.insert({r.collection, r.id});
        ++rep.recordsKept;
        if (r.server) {
            ScopeRow &s = scopes[r.server->school];
            s.school = r.server->school;
            s.sum += scopeHash(r.collection, r.id, r.server->seq);
        }
    }
    // Unsent edits whose record row was lost: show them again (pending).
    const std::string user = meta.count("user") ? meta["user"] : std::string();
    for (const auto &e : outbox) {
        if (held.count({e.mutation.collection, e.mutation.id}))
            continue;
        held.insert({e.mutation.collection, e.mutation.id});
        StoredRecord r{e.mutation.collection, e.mutation.id, e.mutation.school};
        Overlay o = computeOverlay(std::nullopt, fresh.outboxFor(r.collection, r.id), user);
        r.fields = o.fields;
        r.deleted = o.deleted;
        r.state = syncStateName(o.anyRejected ? SyncState::Rejected : o.anySent ? SyncState::Sent : SyncState::Pending);
        r.updated = wallClockMs();
        fresh.saveRecord(r);
    }
    // Cursors at 0: the next sync re-pulls every scope; sums match what is held.
    for (auto &[school, row] : scopes)
        fresh.saveScope(row);
    tx.commit();
    rep.enrolled = meta.count("token") && !meta["token"].empty();
    return rep;
}

} // namespace cx
