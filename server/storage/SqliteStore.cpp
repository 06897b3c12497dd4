#include "storage/SqliteStore.h"

#include "protocol/Errors.h"

#include <sqlite3.h>

#include <filesystem>

namespace cx::server {

namespace {

// Numbered migrations: migration i (1-based) takes the schema from i-1 to i.
// Never edit one that has shipped; append a new one.
const char *const kMigrations[] = {
    // 1: the first schema.
    R"SQL(
CREATE TABLE schools(code TEXT PRIMARY KEY, name TEXT NOT NULL, county TEXT NOT NULL DEFAULT '');
CREATE TABLE accounts(user TEXT PRIMARY KEY, role TEXT NOT NULL, pw_hash TEXT NOT NULL,
                      revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE account_schools(user TEXT NOT NULL, school TEXT NOT NULL, PRIMARY KEY(user, school));
CREATE TABLE devices(device_id TEXT PRIMARY KEY, user TEXT NOT NULL, node INTEGER NOT NULL UNIQUE,
                     token_hash TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
                     last_counter INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0,
                     created INTEGER NOT NULL, last_seen INTEGER NOT NULL DEFAULT 0);
CREATE INDEX devices_token ON devices(token_hash);
CREATE INDEX devices_user ON devices(user);
CREATE TABLE records(collection TEXT NOT NULL, id TEXT NOT NULL, school TEXT NOT NULL,
                     seq INTEGER NOT NULL, state TEXT NOT NULL, PRIMARY KEY(collection, id));
CREATE INDEX records_school_seq ON records(school, seq);
CREATE TABLE rejections(device_id TEXT NOT NULL, n INTEGER NOT NULL, reason TEXT NOT NULL,
                        PRIMARY KEY(device_id, n));
CREATE TABLE scope_sums(school TEXT PRIMARY KEY, sum INTEGER NOT NULL);
CREATE TABLE audit(seq INTEGER NOT NULL, at INTEGER NOT NULL, user TEXT NOT NULL, device TEXT NOT NULL,
                   collection TEXT NOT NULL, id TEXT NOT NULL, mutation TEXT NOT NULL);
CREATE INDEX audit_record ON audit(collection, id);
INSERT INTO meta(key, value) VALUES('seq', '0');
INSERT INTO meta(key, value) VALUES('hlc', '0');
)SQL",
    // 2: who may download an attachment (docs/village.md): the schools whose
    // records refer to it, and its uploaders. Filled from the records already held.
    R"SQL(
CREATE TABLE attachment_refs(sha256 TEXT NOT NULL, school TEXT NOT NULL, PRIMARY KEY(sha256, school)) WITHOUT ROWID;
CREATE TABLE attachment_uploads(sha256 TEXT NOT NULL, user TEXT NOT NULL, PRIMARY KEY(sha256, user)) WITHOUT ROWID;
INSERT OR IGNORE INTO attachment_refs(sha256, school)
  SELECT DISTINCT json_extract(t.value, '$.sha256'), r.school
  FROM records r, json_tree(r.state) t
  WHERE t.type = 'object' AND json_type(t.value, '$.sha256') = 'text'
    AND length(json_extract(t.value, '$.sha256')) = 64;
)SQL",
    // 3: references per record, so a photo removed from a record (or a deleted
    // record) no longer opens it to the school. Filled from the records held.
    R"SQL(
CREATE TABLE record_attachment_refs(sha256 TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL,
                                    school TEXT NOT NULL, PRIMARY KEY(sha256, collection, id)) WITHOUT ROWID;
CREATE INDEX record_attachment_refs_record ON record_attachment_refs(collection, id);
INSERT OR IGNORE INTO record_attachment_refs(sha256, collection, id, school)
  SELECT DISTINCT json_extract(t.value, '$.sha256'), r.collection, r.id, r.school
  FROM records r, json_tree(r.state) t
  WHERE t.type = 'object' AND json_type(t.value, '$.sha256') = 'text'
    AND length(json_extract(t.value, '$.sha256')) = 64;
DROP TABLE attachment_refs;
)SQL",
    // 4: sign-in limits (per account and per source address) and the audit of
    // every sign-in attempt (auth/SignInLimits.h).
    R"SQL(
CREATE TABLE signin_throttle(key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure INTEGER NOT NULL,
                             locked_until INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE signin_audit(at INTEGER NOT NULL, user TEXT NOT NULL, device TEXT NOT NULL, source TEXT NOT NULL,
                          outcome TEXT NOT NULL);
CREATE INDEX signin_audit_user ON signin_audit(user, at);
)SQL",
    // 5 (issue 13): what the bureau sees of a device (app version, last source
    // address), its token's life (expiry, sliding renewal, a rotated token
    // waiting for its first use), when a revoked device was told to wipe; the
    // audit of administrative events; and every audit table append-only.
    R"SQL(
ALTER TABLE devices ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN last_source TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN token_expires INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN token_renewed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN next_token_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN wipe_sent INTEGER NOT NULL DEFAULT 0;
CREATE INDEX devices_next_token ON devices(next_token_hash) WHERE next_token_hash <> '';
CREATE TABLE admin_audit(at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL,
                         detail TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX admin_audit_at ON admin_audit(at);
CREATE INDEX audit_at ON audit(at);
CREATE TRIGGER audit_append_only_u BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER audit_append_only_d BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER signin_audit_append_only_u BEFORE UPDATE ON signin_audit BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER signin_audit_append_only_d BEFORE DELETE ON signin_audit BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER admin_audit_append_only_u BEFORE UPDATE ON admin_audit BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER admin_audit_append_only_d BEFORE DELETE ON admin_audit BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
)SQL",
    // 6 (issue 14): exports read a collection page by page in seq order
    // (Store::recordsOfPage), each page one index range.
    R"SQL(
CREATE INDEX records_collection_seq ON records(collection, seq);
)SQL",
    // 7 (issue 14): what each device reported of itself with its last sync,
    // for the bureau's device health page.
    R"SQL(
ALTER TABLE devices ADD COLUMN health TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN health_at INTEGER NOT NULL DEFAULT 0;
)SQL",
    // 8 (issue 14): bureau administrators, and one-time enrolment codes kept
    // only as hashes (admin/AccountAdmin.h).
    R"SQL(
ALTER TABLE accounts ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
CREATE TABLE enrol_codes(hash TEXT PRIMARY KEY, user TEXT NOT NULL, created INTEGER NOT NULL,
                         expires INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0,
                         used_by TEXT NOT NULL DEFAULT '', revoked INTEGER NOT NULL DEFAULT 0,
                         created_by TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
CREATE INDEX enrol_codes_user ON enrol_codes(user, created);
)SQL",
};

constexpr int kLatest = int(sizeof kMigrations / sizeof kMigrations[0]);

} // namespace

// A cached prepared statement; reset on every use.
class SqliteStore::Stmt
{
public:
    Stmt(SqliteStore &owner, sqlite3_stmt *s) : m_owner(owner), m_s(s) {}
    ~Stmt() { sqlite3_finalize(m_s); }

    Stmt &reset()
    {
        sqlite3_reset(m_s);
        sqlite3_clear_bindings(m_s);
        m_i = 0;
        return *this;
    }
    Stmt &bind(const std::string &v)
    {
        sqlite3_bind_text(m_s, ++m_i, v.data(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt &bind(const char *v) { return bind(std::string(v)); }
    Stmt &bind(int64_t v)
    {
        sqlite3_bind_int64(m_s, ++m_i, v);
        return *this;
    }
    Stmt &bindU(uint64_t v) { return bind(static_cast<int64_t>(v)); }
    // true while a row is available.
    bool step()
    {
        int rc = sqlite3_step(m_s);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        m_owner.fail(sqlite3_sql(m_s));
    }
    void run()
    {
        while (step()) {
        }
    }
    std::string text(int col)
    {
        const unsigned char *t = sqlite3_column_text(m_s, col);
        return t ? std::string(reinterpret_cast<const char *>(t), size_t(sqlite3_column_bytes(m_s, col))) : std::string();
    }
    int64_t i64(int col) { return sqlite3_column_int64(m_s, col); }
    uint64_t u64(int col) { return static_cast<uint64_t>(i64(col)); }
    bool isNull(int col) { return sqlite3_column_type(m_s, col) == SQLITE_NULL; }
    // Ends a read early, so no statement holds a read snapshot open.
    template <class T> T done(T value)
    {
        sqlite3_reset(m_s);
        return value;
    }

private:
    SqliteStore &m_owner;
    sqlite3_stmt *m_s;
    int m_i = 0;
};

SqliteStore::SqliteStore(const std::string &path, bool create) : m_path(path)
{
    if (!create && !std::filesystem::exists(path))
        throw Error(ErrorKind::Storage, path + ": no such database");
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        std::string msg = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(ErrorKind::Storage, path + ": " + msg);
    }
    sqlite3_busy_timeout(m_db, 10000);
    try {
        exec("PRAGMA journal_mode=WAL");
        // FULL: a commit is on disk (the WAL synced) before the device is told
        // "acked"; NORMAL may lose the last commits on power loss (docs/server.md).
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
    } catch (...) {
        m_stmts.clear();
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

SqliteStore::~SqliteStore()
{
    m_stmts.clear();
    if (m_db)
        sqlite3_close(m_db);
}

int SqliteStore::latestSchemaVersion() { return kLatest; }

int SqliteStore::synchronousLevel()
{
    auto &s = prepare("PRAGMA synchronous");
    return s.step() ? s.done(int(s.i64(0))) : -1;
}

void SqliteStore::fail(const std::string &what)
{
    const int code = sqlite3_errcode(m_db) & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) // another writer held the database past the busy timeout
        throw Error(ErrorKind::Unavailable, m_path + ": the database is busy; try again (in: " + what + ")");
    throw Error(ErrorKind::Storage, m_path + ": " + sqlite3_errmsg(m_db) + " (in: " + what + ")");
}

void SqliteStore::exec(const char *sql)
{
    char *err = nullptr;
    if (int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err); rc != SQLITE_OK) {
        std::string msg = err ? err : "error";
        sqlite3_free(err);
        if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            throw Error(ErrorKind::Unavailable, m_path + ": the database is busy; try again (" + msg + ")");
        throw Error(ErrorKind::Storage, m_path + ": " + msg);
    }
}

SqliteStore::Stmt &SqliteStore::prepare(const char *sql)
{
    auto it = m_stmts.find(sql);
    if (it != m_stmts.end())
        return it->second->reset();
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
        fail(sql);
    auto &slot = m_stmts[sql];
    slot = std::make_unique<Stmt>(*this, s);
    return *slot;
}

void SqliteStore::migrate()
{
    exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    int v = schemaVersion();
    if (v > kLatest)
        throw Error(ErrorKind::Storage, m_path + ": schema version " + std::to_string(v) +
                                            " was written by a newer cunxiao-server (this one knows up to " +
                                            std::to_string(kLatest) + ")");
    for (int i = v; i < kLatest; ++i) {
        exec("BEGIN IMMEDIATE");
        try {
            exec(kMigrations[i]);
            prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)").bind(std::to_string(i + 1)).run();
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

void SqliteStore::begin() { exec("BEGIN IMMEDIATE"); }
// WAL: a deferred transaction reads one snapshot beside the one writer.
void SqliteStore::beginRead() { exec("BEGIN DEFERRED"); }
void SqliteStore::commit() { exec("COMMIT"); }
void SqliteStore::rollback()
{
    if (!sqlite3_get_autocommit(m_db))
        exec("ROLLBACK");
}

bool SqliteStore::inTransaction() { return !sqlite3_get_autocommit(m_db); }

int SqliteStore::schemaVersion()
{
    auto v = meta("schema_version");
    return v ? std::stoi(*v) : 0;
}

std::optional<std::string> SqliteStore::meta(const std::string &key)
{
    auto &s = prepare("SELECT value FROM meta WHERE key = ?").bind(key);
    if (s.step())
        return s.done(std::optional<std::string>(s.text(0)));
    return std::nullopt;
}

void SqliteStore::setMeta(const std::string &key, const std::string &value)
{
    prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .run();
}

uint64_t SqliteStore::lastSeq()
{
    auto v = meta("seq");
    return v ? std::stoull(*v) : 0;
}

uint64_t SqliteStore::nextSeq()
{
    uint64_t s = lastSeq() + 1;
    setMeta("seq", std::to_string(s));
    return s;
}

void SqliteStore::putSchool(const School &s)
{
    prepare("INSERT INTO schools(code, name, county) VALUES(?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name, county = excluded.county")
        .bind(s.code)
        .bind(s.name)
        .bind(s.county)
        .run();
}

std::optional<School> SqliteStore::school(const std::string &code)
{
    auto &s = prepare("SELECT code, name, county FROM schools WHERE code = ?").bind(code);
    if (s.step())
        return s.done(std::optional<School>(School{s.text(0), s.text(1), s.text(2)}));
    return std::nullopt;
}

std::vector<School> SqliteStore::schools()
{
    std::vector<School> out;
    auto &s = prepare("SELECT code, name, county FROM schools ORDER BY code");
    while (s.step())
        out.push_back(School{s.text(0), s.text(1), s.text(2)});
    return out;
}

void SqliteStore::putAccount(const Account &a)
{
    prepare("INSERT INTO accounts(user, role, pw_hash, revoked) VALUES(?, ?, ?, ?) "
            "ON CONFLICT(user) DO UPDATE SET role = excluded.role, pw_hash = excluded.pw_hash, revoked = excluded.revoked")
        .bind(a.user)
        .bind(a.role)
        .bind(a.pwHash)
        .bind(int64_t(a.revoked))
        .run();
    prepare("DELETE FROM account_schools WHERE user = ?").bind(a.user).run();
    for (const auto &school : a.schools)
        prepare("INSERT OR IGNORE INTO account_schools(user, school) VALUES(?, ?)").bind(a.user).bind(school).run();
}

std::optional<Account> SqliteStore::account(const std::string &user)
{
    auto &s = prepare("SELECT user, role, pw_hash, revoked, admin FROM accounts WHERE user = ?").bind(user);
    if (!s.step())
        return std::nullopt;
    Account a = s.done(Account{s.text(0), s.text(1), s.text(2), s.i64(3) != 0, {}, s.i64(4) != 0});
    auto &q = prepare("SELECT school FROM account_schools WHERE user = ? ORDER BY school").bind(user);
    while (q.step())
        a.schools.push_back(q.text(0));
    return a;
}

std::vector<Account> SqliteStore::accounts()
{
    std::vector<std::string> users;
    auto &s = prepare("SELECT user FROM accounts ORDER BY user");
    while (s.step())
        users.push_back(s.text(0));
    std::vector<Account> out;
    out.reserve(users.size());
    for (const auto &u : users)
        out.push_back(*account(u));
    return out;
}

void SqliteStore::setAccountRevoked(const std::string &user, bool revoked)
{
    prepare("UPDATE accounts SET revoked = ? WHERE user = ?").bind(int64_t(revoked)).bind(user).run();
}

void SqliteStore::setAccountAdmin(const std::string &user, bool admin)
{
    prepare("UPDATE accounts SET admin = ? WHERE user = ?").bind(int64_t(admin)).bind(user).run();
}

void SqliteStore::insertEnrolCode(const EnrolCode &c)
{
    prepare("INSERT INTO enrol_codes(hash, user, created, expires, used, used_by, revoked, created_by) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(c.hash)
        .bind(c.user)
        .bind(c.created)
        .bind(c.expires)
        .bind(c.used)
        .bind(c.usedBy)
        .bind(int64_t(c.revoked))
        .bind(c.createdBy)
        .run();
}

namespace {
constexpr const char *kEnrolCodeColumns =
    "SELECT hash, user, created, expires, used, used_by, revoked, created_by FROM enrol_codes ";
EnrolCode enrolCodeFrom(SqliteStore::Stmt &s)
{
    return EnrolCode{s.text(0), s.text(1), s.i64(2), s.i64(3), s.i64(4), s.text(5), s.i64(6) != 0, s.text(7)};
}
} // namespace

std::optional<EnrolCode> SqliteStore::enrolCode(const std::string &hash)
{
    auto &s = prepare((std::string(kEnrolCodeColumns) + "WHERE hash = ?").c_str()).bind(hash);
    if (!s.step())
        return std::nullopt;
    return s.done(enrolCodeFrom(s));
}

std::vector<EnrolCode> SqliteStore::enrolCodesOf(const std::string &user)
{
    std::vector<EnrolCode> out;
    auto &s = prepare((std::string(kEnrolCodeColumns) + "WHERE user = ? ORDER BY created DESC").c_str()).bind(user);
    while (s.step())
        out.push_back(enrolCodeFrom(s));
    return out;
}

bool SqliteStore::useEnrolCode(const std::string &hash, const std::string &device, int64_t at)
{
    prepare("UPDATE enrol_codes SET used = ?, used_by = ? WHERE hash = ? AND used = 0 AND revoked = 0")
        .bind(at)
        .bind(device)
        .bind(hash)
        .run();
    return sqlite3_changes(m_db) > 0;
}

int SqliteStore::revokeEnrolCodesOf(const std::string &user)
{
    prepare("UPDATE enrol_codes SET revoked = 1 WHERE user = ? AND used = 0 AND revoked = 0").bind(user).run();
    return sqlite3_changes(m_db);
}

namespace {
Device deviceFrom(SqliteStore::Stmt &s)
{
    Device d;
    d.id = s.text(0);
    d.user = s.text(1);
    d.node = uint32_t(s.i64(2));
    d.tokenHash = s.text(3);
    d.name = s.text(4);
    d.lastCounter = s.u64(5);
    d.revoked = s.i64(6) != 0;
    d.created = s.i64(7);
    d.lastSeen = s.i64(8);
    d.appVersion = s.text(9);
    d.lastSource = s.text(10);
    d.tokenExpires = s.i64(11);
    d.tokenRenewed = s.i64(12);
    d.nextTokenHash = s.text(13);
    d.wipeSent = s.i64(14);
    d.health = s.text(15);
    d.healthAt = s.i64(16);
    return d;
}
#define CX_DEVICE_COLS                                                                                                           \
    "device_id, user, node, token_hash, name, last_counter, revoked, created, last_seen, app_version, last_source, "             \
    "token_expires, token_renewed, next_token_hash, wipe_sent"
// What deviceFrom reads: the columns an enrolment writes, and the reported health.
#define CX_DEVICE_READ_COLS CX_DEVICE_COLS ", health, health_at"
} // namespace

uint32_t SqliteStore::insertDevice(const Device &d)
{
    auto &m = prepare("SELECT COALESCE(MAX(node), 0) FROM devices");
    m.step();
    uint32_t node = m.done(uint32_t(m.i64(0) + 1));
    prepare("INSERT INTO devices(" CX_DEVICE_COLS ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(d.id)
        .bind(d.user)
        .bind(int64_t(node))
        .bind(d.tokenHash)
        .bind(d.name)
        .bindU(d.lastCounter)
        .bind(int64_t(d.revoked))
        .bind(d.created)
        .bind(d.lastSeen)
        .bind(d.appVersion)
        .bind(d.lastSource)
        .bind(d.tokenExpires)
        .bind(d.tokenRenewed)
        .bind(d.nextTokenHash)
        .bind(d.wipeSent)
        .run();
    return node;
}

std::optional<Device> SqliteStore::device(const std::string &id)
{
    auto &s = prepare("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE device_id = ?").bind(id);
    if (s.step())
        return s.done(std::optional<Device>(deviceFrom(s)));
    return std::nullopt;
}

std::optional<Device> SqliteStore::deviceByTokenHash(const std::string &hash)
{
    auto &s = prepare("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE token_hash = ?").bind(hash);
    if (s.step())
        return s.done(std::optional<Device>(deviceFrom(s)));
    return std::nullopt;
}

void SqliteStore::setDeviceToken(const std::string &id, const std::string &tokenHash, const std::string &name, int64_t now)
{
    prepare("UPDATE devices SET token_hash = ?, name = ?, last_seen = ? WHERE device_id = ?")
        .bind(tokenHash)
        .bind(name)
        .bind(now)
        .bind(id)
        .run();
}

void SqliteStore::setDeviceProgress(const std::string &id, uint64_t lastCounter, int64_t lastSeen)
{
    prepare("UPDATE devices SET last_counter = ?, last_seen = ? WHERE device_id = ?")
        .bindU(lastCounter)
        .bind(lastSeen)
        .bind(id)
        .run();
}

int SqliteStore::revokeDevicesOf(const std::string &user)
{
    auto &c = prepare("SELECT COUNT(*) FROM devices WHERE user = ? AND revoked = 0").bind(user);
    c.step();
    int n = c.done(int(c.i64(0)));
    prepare("UPDATE devices SET revoked = 1 WHERE user = ?").bind(user).run();
    return n;
}

std::vector<Device> SqliteStore::devicesOf(const std::string &user)
{
    std::vector<Device> out;
    auto &s = prepare("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE user = ? ORDER BY node").bind(user);
    while (s.step())
        out.push_back(deviceFrom(s));
    return out;
}

std::vector<Device> SqliteStore::allDevices()
{
    std::vector<Device> out;
    auto &s = prepare("SELECT " CX_DEVICE_READ_COLS " FROM devices ORDER BY user, node");
    while (s.step())
        out.push_back(deviceFrom(s));
    return out;
}

std::optional<Device> SqliteStore::deviceByNextTokenHash(const std::string &hash)
{
    if (hash.empty())
        return std::nullopt;
    auto &s =
        prepare("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE next_token_hash = ? AND next_token_hash <> ''").bind(hash);
    if (s.step())
        return s.done(std::optional<Device>(deviceFrom(s)));
    return std::nullopt;
}

void SqliteStore::setDeviceTokens(const std::string &id, const std::string &tokenHash, const std::string &nextTokenHash,
                                  int64_t tokenExpires, int64_t tokenRenewed)
{
    prepare("UPDATE devices SET token_hash = ?, next_token_hash = ?, token_expires = ?, token_renewed = ? "
            "WHERE device_id = ?")
        .bind(tokenHash)
        .bind(nextTokenHash)
        .bind(tokenExpires)
        .bind(tokenRenewed)
        .bind(id)
        .run();
}

void SqliteStore::promoteNextToken(const std::string &id, const std::string &nextTokenHash)
{
    prepare("UPDATE devices SET token_hash = next_token_hash, next_token_hash = '' "
            "WHERE device_id = ? AND next_token_hash = ? AND next_token_hash <> ''")
        .bind(id)
        .bind(nextTokenHash)
        .run();
}

void SqliteStore::setDeviceContact(const std::string &id, const std::string &lastSource, const std::string &appVersion,
                                   int64_t tokenExpires, int64_t tokenRenewed)
{
    prepare("UPDATE devices SET last_source = ?, app_version = ?, token_expires = ?, token_renewed = ? WHERE device_id = ?")
        .bind(lastSource)
        .bind(appVersion)
        .bind(tokenExpires)
        .bind(tokenRenewed)
        .bind(id)
        .run();
}

bool SqliteStore::revokeDevice(const std::string &id)
{
    prepare("UPDATE devices SET revoked = 1 WHERE device_id = ? AND revoked = 0").bind(id).run();
    return sqlite3_changes(m_db) > 0;
}

void SqliteStore::setDeviceHealth(const std::string &id, const std::string &health, int64_t at)
{
    prepare("UPDATE devices SET health = ?, health_at = ? WHERE device_id = ?").bind(health).bind(at).bind(id).run();
}

void SqliteStore::setDeviceWipeSent(const std::string &id, int64_t at)
{
    prepare("UPDATE devices SET wipe_sent = ? WHERE device_id = ? AND wipe_sent = 0").bind(at).bind(id).run();
}

namespace {
RecordState recordFrom(SqliteStore::Stmt &s, int stateCol, int seqCol, const std::string &path)
{
    RecordState r = RecordState::fromJson(Json::parse(s.text(stateCol)), path);
    r.seq = s.u64(seqCol);
    return r;
}
} // namespace

std::optional<RecordState> SqliteStore::record(const std::string &collection, const std::string &id)
{
    auto &s = prepare("SELECT state, seq FROM records WHERE collection = ? AND id = ?").bind(collection).bind(id);
    if (s.step())
        return s.done(std::optional<RecordState>(recordFrom(s, 0, 1, "stored record")));
    return std::nullopt;
}

void SqliteStore::putRecord(const RecordState &r)
{
    prepare("INSERT INTO records(collection, id, school, seq, state) VALUES(?, ?, ?, ?, ?) "
            "ON CONFLICT(collection, id) DO UPDATE SET school = excluded.school, seq = excluded.seq, state = excluded.state")
        .bind(r.collection)
        .bind(r.id)
        .bind(r.school)
        .bindU(r.seq)
        .bind(r.toJson().dump())
        .run();
}

std::vector<RecordState> SqliteStore::recordsAfter(const std::string &school, uint64_t after, size_t limit)
{
    std::vector<RecordState> out;
    auto &s = prepare("SELECT state, seq FROM records WHERE school = ? AND seq > ? ORDER BY seq LIMIT ?")
                  .bind(school)
                  .bindU(after)
                  .bind(int64_t(limit));
    while (s.step())
        out.push_back(recordFrom(s, 0, 1, "stored record"));
    return out;
}

uint64_t SqliteStore::maxSeq(const std::string &school)
{
    auto &s = prepare("SELECT COALESCE(MAX(seq), 0) FROM records WHERE school = ?").bind(school);
    s.step();
    return s.done(s.u64(0));
}

uint64_t SqliteStore::countAfter(const std::string &school, uint64_t after)
{
    auto &s = prepare("SELECT COUNT(*) FROM records WHERE school = ? AND seq > ?").bind(school).bindU(after);
    s.step();
    return s.done(s.u64(0));
}

std::vector<RecordState> SqliteStore::recordsOf(const std::string &collection, const std::optional<std::string> &school)
{
    std::vector<RecordState> out;
    if (school) {
        auto &s = prepare("SELECT state, seq FROM records WHERE collection = ? AND school = ? ORDER BY seq")
                      .bind(collection)
                      .bind(*school);
        while (s.step())
            out.push_back(recordFrom(s, 0, 1, "stored record"));
    } else {
        auto &s = prepare("SELECT state, seq FROM records WHERE collection = ? ORDER BY seq").bind(collection);
        while (s.step())
            out.push_back(recordFrom(s, 0, 1, "stored record"));
    }
    return out;
}

std::vector<RecordState> SqliteStore::recordsOfPage(const std::string &collection, const std::optional<std::string> &school,
                                                    uint64_t afterSeq, size_t limit)
{
    std::vector<RecordState> out;
    if (school) {
        auto &s = prepare("SELECT state, seq FROM records WHERE collection = ? AND school = ? AND seq > ? "
                          "ORDER BY seq LIMIT ?")
                      .bind(collection)
                      .bind(*school)
                      .bindU(afterSeq)
                      .bind(int64_t(limit));
        while (s.step())
            out.push_back(recordFrom(s, 0, 1, "stored record"));
    } else {
        auto &s = prepare("SELECT state, seq FROM records WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?")
                      .bind(collection)
                      .bindU(afterSeq)
                      .bind(int64_t(limit));
        while (s.step())
            out.push_back(recordFrom(s, 0, 1, "stored record"));
    }
    return out;
}

std::vector<RecordState> SqliteStore::allRecordsOfSchool(const std::string &school)
{
    std::vector<RecordState> out;
    auto &s = prepare("SELECT collection, id, seq FROM records WHERE school = ? ORDER BY seq").bind(school);
    while (s.step()) {
        RecordState r;
        r.collection = s.text(0);
        r.id = s.text(1);
        r.school = school;
        r.seq = s.u64(2);
        out.push_back(std::move(r));
    }
    return out;
}

void SqliteStore::putRejection(const std::string &device, const Rejection &r)
{
    prepare("INSERT OR REPLACE INTO rejections(device_id, n, reason) VALUES(?, ?, ?)")
        .bind(device)
        .bindU(r.n)
        .bind(r.toJson().dump())
        .run();
}

std::vector<Rejection> SqliteStore::rejections(const std::string &device, uint64_t fromN, uint64_t toN)
{
    std::vector<Rejection> out;
    auto &s = prepare("SELECT reason FROM rejections WHERE device_id = ? AND n >= ? AND n <= ? ORDER BY n")
                  .bind(device)
                  .bindU(fromN)
                  .bindU(toN);
    while (s.step())
        out.push_back(Rejection::fromJson(Json::parse(s.text(0)), "stored rejection"));
    return out;
}

uint64_t SqliteStore::scopeSum(const std::string &school)
{
    auto &s = prepare("SELECT sum FROM scope_sums WHERE school = ?").bind(school);
    return s.step() ? s.done(s.u64(0)) : 0;
}

void SqliteStore::setScopeSum(const std::string &school, uint64_t sum)
{
    prepare("INSERT INTO scope_sums(school, sum) VALUES(?, ?) ON CONFLICT(school) DO UPDATE SET sum = excluded.sum")
        .bind(school)
        .bindU(sum)
        .run();
}

SignInThrottle SqliteStore::signInThrottle(const std::string &key)
{
    auto &s = prepare("SELECT failures, last_failure, locked_until FROM signin_throttle WHERE key = ?").bind(key);
    if (s.step())
        return s.done(SignInThrottle{int(s.i64(0)), s.i64(1), s.i64(2)});
    return {};
}

void SqliteStore::setSignInThrottle(const std::string &key, const SignInThrottle &t)
{
    if (t.failures <= 0) {
        prepare("DELETE FROM signin_throttle WHERE key = ?").bind(key).run();
        return;
    }
    prepare("INSERT INTO signin_throttle(key, failures, last_failure, locked_until) VALUES(?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, "
            "locked_until = excluded.locked_until")
        .bind(key)
        .bind(int64_t(t.failures))
        .bind(t.lastFailure)
        .bind(t.lockedUntil)
        .run();
}

void SqliteStore::addSignInEvent(const SignInEvent &e)
{
    prepare("INSERT INTO signin_audit(at, user, device, source, outcome) VALUES(?, ?, ?, ?, ?)")
        .bind(e.at)
        .bind(e.user)
        .bind(e.device)
        .bind(e.source)
        .bind(e.outcome)
        .run();
}

std::vector<SignInEvent> SqliteStore::signInEvents(const std::string &user)
{
    std::vector<SignInEvent> out;
    auto &s = prepare("SELECT at, user, device, source, outcome FROM signin_audit WHERE ? = '' OR user = ? "
                      "ORDER BY rowid")
                  .bind(user)
                  .bind(user);
    while (s.step())
        out.push_back(SignInEvent{s.i64(0), s.text(1), s.text(2), s.text(3), s.text(4)});
    return out;
}

void SqliteStore::addAudit(const AuditEntry &e)
{
    prepare("INSERT INTO audit(seq, at, user, device, collection, id, mutation) VALUES(?, ?, ?, ?, ?, ?, ?)")
        .bindU(e.seq)
        .bind(e.at)
        .bind(e.user)
        .bind(e.device)
        .bind(e.collection)
        .bind(e.id)
        .bind(e.mutation.dump())
        .run();
}

std::vector<AuditEntry> SqliteStore::auditOf(const std::string &collection, const std::string &id)
{
    std::vector<AuditEntry> out;
    auto &s = prepare("SELECT seq, at, user, device, collection, id, mutation FROM audit "
                      "WHERE collection = ? AND id = ? ORDER BY rowid")
                  .bind(collection)
                  .bind(id);
    while (s.step())
        out.push_back(AuditEntry{s.u64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.text(5), Json::parse(s.text(6))});
    return out;
}

std::vector<AuditEntry> SqliteStore::auditEntries(const AuditQuery &q)
{
    std::vector<AuditEntry> out;
    auto &s = prepare("SELECT seq, at, user, device, collection, id, mutation FROM audit "
                      "WHERE at >= ? AND (? = '' OR user = ?) AND (? = '' OR (collection = ? AND id = ?)) ORDER BY rowid")
                  .bind(q.since)
                  .bind(q.user)
                  .bind(q.user)
                  .bind(q.collection)
                  .bind(q.collection)
                  .bind(q.id);
    while (s.step())
        out.push_back(AuditEntry{s.u64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.text(5), Json::parse(s.text(6))});
    return out;
}

void SqliteStore::addAdminEvent(const AdminEvent &e)
{
    prepare("INSERT INTO admin_audit(at, actor, action, subject, detail, source) VALUES(?, ?, ?, ?, ?, ?)")
        .bind(e.at)
        .bind(e.actor)
        .bind(e.action)
        .bind(e.subject)
        .bind(e.detail.dump())
        .bind(e.source)
        .run();
}

std::vector<AdminEvent> SqliteStore::adminEvents(int64_t since)
{
    std::vector<AdminEvent> out;
    auto &s =
        prepare("SELECT at, actor, action, subject, detail, source FROM admin_audit WHERE at >= ? ORDER BY rowid").bind(since);
    while (s.step())
        out.push_back(AdminEvent{s.i64(0), s.text(1), s.text(2), s.text(3), Json::parse(s.text(4)), s.text(5)});
    return out;
}

void SqliteStore::setAttachmentRefs(const std::string &collection, const std::string &id, const std::string &school,
                                    const std::vector<std::string> &sha256s)
{
    prepare("DELETE FROM record_attachment_refs WHERE collection = ? AND id = ?").bind(collection).bind(id).run();
    for (const auto &sha : sha256s)
        prepare("INSERT OR IGNORE INTO record_attachment_refs(sha256, collection, id, school) VALUES(?, ?, ?, ?)")
            .bind(sha)
            .bind(collection)
            .bind(id)
            .bind(school)
            .run();
}

std::vector<std::string> SqliteStore::attachmentSchools(const std::string &sha256)
{
    std::vector<std::string> out;
    auto &s = prepare("SELECT DISTINCT school FROM record_attachment_refs WHERE sha256 = ? ORDER BY school").bind(sha256);
    while (s.step())
        out.push_back(s.text(0));
    return out;
}

void SqliteStore::addAttachmentUploader(const std::string &sha256, const std::string &user)
{
    prepare("INSERT OR IGNORE INTO attachment_uploads(sha256, user) VALUES(?, ?)").bind(sha256).bind(user).run();
}

bool SqliteStore::attachmentUploadedBy(const std::string &sha256, const std::string &user)
{
    auto &s = prepare("SELECT 1 FROM attachment_uploads WHERE sha256 = ? AND user = ?").bind(sha256).bind(user);
    return s.step() ? s.done(true) : false;
}

} // namespace cx::server
