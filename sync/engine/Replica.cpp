#include "engine/Replica.h"

#include "protocol/Errors.h"
#include "protocol/Version.h"

#include <iterator>

namespace cx {

namespace {
// Migration N takes the schema from version N-1 to N. Never edit one that has
// shipped; add the next.
const char *const kMigrations[] = {
    // 1
    R"(CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
       CREATE TABLE records(
         collection TEXT NOT NULL, id TEXT NOT NULL, school TEXT NOT NULL,
         fields TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
         server TEXT, seq INTEGER NOT NULL DEFAULT 0,
         state TEXT NOT NULL, updated INTEGER NOT NULL,
         PRIMARY KEY(collection, id));
       CREATE INDEX records_state ON records(state);
       CREATE INDEX records_school ON records(school, collection);
       CREATE TABLE outbox(
         n INTEGER PRIMARY KEY, collection TEXT NOT NULL, id TEXT NOT NULL,
         body TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
         reason TEXT, field_reasons TEXT, created INTEGER NOT NULL);
       CREATE INDEX outbox_record ON outbox(collection, id);
       CREATE TABLE scopes(school TEXT PRIMARY KEY, cursor INTEGER NOT NULL DEFAULT 0,
                           sum INTEGER NOT NULL DEFAULT 0);
       CREATE TABLE errors(at INTEGER NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL);)",
    // 2: attachments (docs/village.md): the device's files by SHA-256 and how far
    // each upload got (offset = bytes the server confirmed).
    R"(CREATE TABLE attachments(
         sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, type TEXT NOT NULL, path TEXT NOT NULL,
         state TEXT NOT NULL DEFAULT 'pending', offset INTEGER NOT NULL DEFAULT 0,
         reason TEXT NOT NULL DEFAULT '', failures INTEGER NOT NULL DEFAULT 0,
         created INTEGER NOT NULL, updated INTEGER NOT NULL);
       CREATE INDEX attachments_state ON attachments(state);)",
    // 3: which records refer to which attachments (kept by saveRecord), so the
    // device uploads only files a record uses. Filled from the records held.
    R"(CREATE TABLE record_refs(
         sha256 TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL,
         PRIMARY KEY(sha256, collection, id)) WITHOUT ROWID;
       CREATE INDEX record_refs_record ON record_refs(collection, id);
       INSERT OR IGNORE INTO record_refs(sha256, collection, id)
         SELECT json_extract(t.value, '$.sha256'), r.collection, r.id
         FROM records r, json_tree(r.fields) t
         WHERE r.deleted = 0 AND t.type = 'object' AND json_type(t.value, '$.sha256') = 'text'
           AND length(json_extract(t.value, '$.sha256')) = 64
           AND json_extract(t.value, '$.sha256') NOT GLOB '*[^0-9a-f]*';)",
};
static_assert(std::size(kMigrations) == Replica::kSchemaVersion, "one migration per schema version");

} // namespace

Replica::Replica(const std::string &path, const DataKey &key) : m_db(path, key)
{
    // Detect a damaged file at open, before anything writes to it.
    {
        Stmt q(m_db, "PRAGMA quick_check");
        if (q.step() && q.text(0) != "ok") {
            // quick_check's report is several lines ("*** in database main ***\nPage 3: ...");
            // an error is one line (the CLI prints it as one, the app shows it in one place).
            std::string report = q.text(0);
            for (char &c : report)
                if (c == '\n' || c == '\r')
                    c = ' ';
            if (report.size() > 200)
                report = report.substr(0, 200) + "...";
            throw Error(ErrorKind::Storage, "the local database " + path + " is damaged: " + report);
        }
    }
    m_db.exec("PRAGMA journal_mode=WAL");
    m_db.exec("PRAGMA synchronous=NORMAL");
    m_db.exec("PRAGMA foreign_keys=ON");
    migrate();
}

int Replica::schemaVersion()
{
    Stmt q(m_db, "PRAGMA user_version");
    q.step();
    return int(q.integer(0));
}

void Replica::migrate()
{
    int have = schemaVersion();
    if (have > kSchemaVersion)
        throw Error(ErrorKind::Storage, "the local database " + m_db.path() + " has schema " + std::to_string(have) +
                                            ", newer than this program's " + std::to_string(kSchemaVersion) +
                                            "; update the program");
    for (int v = have + 1; v <= kSchemaVersion; ++v) {
        Transaction t(m_db);
        m_db.exec(kMigrations[v - 1]);
        m_db.exec("PRAGMA user_version=" + std::to_string(v));
        t.commit();
    }
}

std::optional<std::string> Replica::meta(const std::string &key)
{
    Stmt q(m_db, "SELECT value FROM meta WHERE key=?");
    q.bind(1, key);
    if (q.step())
        return q.text(0);
    return std::nullopt;
}

void Replica::setMeta(const std::string &key, const std::string &value)
{
    Stmt q(m_db, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    q.bind(1, key).bind(2, value).run();
}

std::optional<StoredRecord> Replica::record(const std::string &collection, const std::string &id)
{
    Stmt q(m_db, std::string("SELECT ") + kRecordColumns + " FROM records WHERE collection=? AND id=?");
    q.bind(1, collection).bind(2, id);
    if (q.step())
        return readStoredRecord(q);
    return std::nullopt;
}

void Replica::saveRecord(const StoredRecord &r)
{
    Stmt q(m_db, "INSERT INTO records(collection, id, school, fields, deleted, server, seq, state, updated) "
                 "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(collection, id) DO UPDATE SET school=excluded.school, "
                 "fields=excluded.fields, deleted=excluded.deleted, server=excluded.server, seq=excluded.seq, "
                 "state=excluded.state, updated=excluded.updated");
    q.bind(1, r.collection).bind(2, r.id).bind(3, r.school).bind(4, r.fields.dump()).bind(5, int64_t(r.deleted));
    q.bindOptional(6, r.server ? std::optional<std::string>(r.server->toJson().dump()) : std::nullopt);
    q.bind(7, int64_t(r.server ? r.server->seq : 0)).bind(8, r.state).bind(9, r.updated);
    q.run();
    saveRefs(r);
}

// The attachments the record refers to as this device sees it (none once deleted).
void Replica::saveRefs(const StoredRecord &r)
{
    std::vector<std::string> refs;
    if (!r.deleted)
        collectAttachmentRefs(r.fields, refs);
    Stmt del(m_db, "DELETE FROM record_refs WHERE collection=? AND id=?");
    del.bind(1, r.collection).bind(2, r.id).run();
    if (refs.empty())
        return;
    Stmt ins(m_db, "INSERT OR IGNORE INTO record_refs(sha256, collection, id) VALUES(?,?,?)");
    for (const auto &sha : refs) {
        ins.bind(1, sha).bind(2, r.collection).bind(3, r.id).run();
    }
}

void Replica::deleteRecord(const std::string &collection, const std::string &id)
{
    Stmt q(m_db, "DELETE FROM records WHERE collection=? AND id=?");
    q.bind(1, collection).bind(2, id).run();
    Stmt refs(m_db, "DELETE FROM record_refs WHERE collection=? AND id=?");
    refs.bind(1, collection).bind(2, id).run();
}

std::vector<StoredRecord> Replica::records(const std::string &collection, bool includeDeleted)
{
    Stmt q(m_db, std::string("SELECT ") + kRecordColumns + " FROM records WHERE collection=?" +
                     (includeDeleted ? "" : " AND deleted=0") + " ORDER BY id");
    q.bind(1, collection);
    std::vector<StoredRecord> out;
    while (q.step())
        out.push_back(readStoredRecord(q));
    return out;
}

std::vector<StoredRecord> Replica::recordsInState(const std::string &state)
{
    Stmt q(m_db, std::string("SELECT ") + kRecordColumns + " FROM records WHERE state=? ORDER BY collection, id");
    q.bind(1, state);
    std::vector<StoredRecord> out;
    while (q.step())
        out.push_back(readStoredRecord(q));
    return out;
}

uint64_t Replica::appendOutbox(Mutation m)
{
    uint64_t n = std::stoull(meta(MetaKey::NextN).value_or("1"));
    m.n = n;
    Stmt q(m_db, "INSERT INTO outbox(n, collection, id, body, state, created) VALUES(?,?,?,?, 'pending', ?)");
    q.bind(1, int64_t(n)).bind(2, m.collection).bind(3, m.id).bind(4, m.toJson().dump()).bind(5, wallClockMs());
    q.run();
    setMeta(MetaKey::NextN, std::to_string(n + 1));
    return n;
}

void Replica::replacePendingOutbox(const Mutation &m)
{
    Stmt q(m_db, "UPDATE outbox SET body=? WHERE n=? AND state='pending'");
    q.bind(1, m.toJson().dump()).bind(2, int64_t(m.n)).run();
    if (sqlite3_changes(m_db.handle()) != 1)
        throw Error(ErrorKind::Storage, "outbox entry " + std::to_string(m.n) + " is no longer pending");
}

std::vector<OutboxEntry> Replica::outboxFor(const std::string &collection, const std::string &id)
{
    Stmt q(m_db, std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE collection=? AND id=? ORDER BY n");
    q.bind(1, collection).bind(2, id);
    std::vector<OutboxEntry> out;
    while (q.step())
        out.push_back(readOutboxEntry(q));
    return out;
}

std::vector<OutboxEntry> Replica::outboxToSend(size_t maxBytes, size_t maxChanges, size_t maxReplyState)
{
    // Column 4: the size of the record's server state, what the reply brings
    // back for an edit of a record the server holds (a new record comes back
    // as [n, seq]).
    Stmt q(m_db, std::string("SELECT ") + kOutboxColumns +
                     ", (SELECT coalesce(length(r.server), 0) FROM records r WHERE r.collection=outbox.collection AND "
                     "r.id=outbox.id) FROM outbox WHERE state IN ('pending','sent') ORDER BY n");
    std::vector<OutboxEntry> out;
    size_t bytes = 0, back = 0;
    while (q.step()) {
        const size_t len = q.text(0).size(), state = size_t(q.integer(4));
        if (!out.empty() && (bytes + len > maxBytes || back + state > maxReplyState || out.size() >= maxChanges))
            break;
        bytes += len;
        back += state;
        out.push_back(readOutboxEntry(q));
    }
    return out;
}

void Replica::setOutboxState(uint64_t n, const std::string &state, const std::string &reason, const Json &fieldReasons)
{
    Stmt q(m_db, "UPDATE outbox SET state=?, reason=?, field_reasons=? WHERE n=?");
    q.bind(1, state).bind(2, reason).bind(3, fieldReasons.dump()).bind(4, int64_t(n)).run();
}

void Replica::removeOutbox(uint64_t n)
{
    Stmt q(m_db, "DELETE FROM outbox WHERE n=?");
    q.bind(1, int64_t(n)).run();
}

std::vector<uint64_t> Replica::outboxUpTo(uint64_t n)
{
    Stmt q(m_db, "SELECT n FROM outbox WHERE n<=? AND state IN ('pending','sent') ORDER BY n");
    q.bind(1, int64_t(n));
    std::vector<uint64_t> out;
    while (q.step())
        out.push_back(uint64_t(q.integer(0)));
    return out;
}

int Replica::outboxCount(const std::string &state)
{
    Stmt q(m_db, "SELECT count(*) FROM outbox WHERE state=?");
    q.bind(1, state);
    q.step();
    return int(q.integer(0));
}

std::vector<ScopeRow> Replica::scopes()
{
    Stmt q(m_db, "SELECT school, cursor, sum FROM scopes ORDER BY school");
    std::vector<ScopeRow> out;
    while (q.step())
        out.push_back(ScopeRow{q.text(0), uint64_t(q.integer(1)), uint64_t(q.integer(2))});
    return out;
}

void Replica::saveScope(const ScopeRow &s)
{
    Stmt q(m_db, "INSERT INTO scopes(school, cursor, sum) VALUES(?,?,?) ON CONFLICT(school) DO UPDATE SET "
                 "cursor=excluded.cursor, sum=excluded.sum");
    q.bind(1, s.school).bind(2, int64_t(s.cursor)).bind(3, int64_t(s.sum)).run();
}

void Replica::logError(const std::string &kind, const std::string &message)
{
    Stmt q(m_db, "INSERT INTO errors(at, kind, message) VALUES(?,?,?)");
    q.bind(1, wallClockMs()).bind(2, kind).bind(3, message).run();
    m_db.exec("DELETE FROM errors WHERE rowid NOT IN (SELECT rowid FROM errors ORDER BY at DESC LIMIT 50)");
}

std::vector<std::pair<int64_t, std::string>> Replica::recentErrors(int limit)
{
    Stmt q(m_db, "SELECT at, message FROM errors ORDER BY at DESC, rowid DESC LIMIT ?");
    q.bind(1, int64_t(limit));
    std::vector<std::pair<int64_t, std::string>> out;
    while (q.step())
        out.emplace_back(q.integer(0), q.text(1));
    return out;
}

} // namespace cx
