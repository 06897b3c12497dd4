#include "storage/PgStore.h"

#include "protocol/Errors.h"
#include "storage/PgConnection.h"

#include <algorithm>

namespace cx::server {

namespace {

// Numbered migrations, as SqliteStore's: migration i (1-based) takes the
// schema from i-1 to i. Never edit one that has shipped; append a new one.
const char *const kMigrations[] = {
    // 1: the whole schema of SQLite migrations 1-3, in PostgreSQL's types, and
    // what SQLite keeps elsewhere: the seq and device nodes as sequences, the
    // server clock per school (its row is the school's writer lock), the
    // attachments' bytes (attachments/PgBlobStore.h).
    R"SQL(
CREATE TABLE schools(code text PRIMARY KEY, name text NOT NULL, county text NOT NULL DEFAULT '');
CREATE TABLE accounts("user" text PRIMARY KEY, role text NOT NULL, pw_hash text NOT NULL,
                      revoked boolean NOT NULL DEFAULT false);
CREATE TABLE account_schools("user" text NOT NULL, school text NOT NULL, PRIMARY KEY("user", school));
CREATE SEQUENCE device_nodes AS bigint MINVALUE 1;
CREATE TABLE devices(device_id text PRIMARY KEY, "user" text NOT NULL, node bigint NOT NULL UNIQUE,
                     token_hash text NOT NULL, name text NOT NULL DEFAULT '',
                     last_counter bigint NOT NULL DEFAULT 0, revoked boolean NOT NULL DEFAULT false,
                     created bigint NOT NULL, last_seen bigint NOT NULL DEFAULT 0);
CREATE INDEX devices_token ON devices(token_hash);
CREATE INDEX devices_user ON devices("user");
CREATE SEQUENCE record_seqs AS bigint MINVALUE 1;
CREATE TABLE records(collection text NOT NULL, id text NOT NULL, school text NOT NULL,
                     seq bigint NOT NULL, state text NOT NULL, PRIMARY KEY(collection, id));
CREATE INDEX records_school_seq ON records(school, seq);
CREATE TABLE school_clock(school text PRIMARY KEY, hlc bigint NOT NULL DEFAULT 0);
CREATE TABLE rejections(device_id text NOT NULL, n bigint NOT NULL, reason text NOT NULL,
                        PRIMARY KEY(device_id, n));
CREATE TABLE scope_sums(school text PRIMARY KEY, sum bigint NOT NULL);
CREATE TABLE audit(pos bigserial PRIMARY KEY, seq bigint NOT NULL, at bigint NOT NULL, "user" text NOT NULL,
                   device text NOT NULL, collection text NOT NULL, id text NOT NULL, mutation text NOT NULL);
CREATE INDEX audit_record ON audit(collection, id);
CREATE TABLE record_attachment_refs(sha256 text NOT NULL, collection text NOT NULL, id text NOT NULL,
                                    school text NOT NULL, PRIMARY KEY(sha256, collection, id));
CREATE INDEX record_attachment_refs_record ON record_attachment_refs(collection, id);
CREATE TABLE attachment_uploads(sha256 text NOT NULL, "user" text NOT NULL, PRIMARY KEY(sha256, "user"));
CREATE TABLE attachment_files(sha256 text PRIMARY KEY, size bigint NOT NULL DEFAULT 0,
                              complete boolean NOT NULL DEFAULT false, updated timestamptz NOT NULL DEFAULT now());
CREATE TABLE attachment_parts(sha256 text NOT NULL, "offset" bigint NOT NULL, data bytea NOT NULL,
                              PRIMARY KEY(sha256, "offset"));
ALTER TABLE attachment_parts ALTER COLUMN data SET STORAGE EXTERNAL;
INSERT INTO meta(key, value) VALUES('hlc', '0');
)SQL",
    // 2: sign-in limits and the audit of every sign-in (SQLite migration 4).
    R"SQL(
CREATE TABLE signin_throttle(key text PRIMARY KEY, failures integer NOT NULL, last_failure bigint NOT NULL,
                             locked_until bigint NOT NULL);
CREATE TABLE signin_audit(pos bigserial PRIMARY KEY, at bigint NOT NULL, "user" text NOT NULL, device text NOT NULL,
                          source text NOT NULL, outcome text NOT NULL);
CREATE INDEX signin_audit_user ON signin_audit("user", at);
)SQL",
    // 3 (issue 13; SQLite migration 5): devices' app version, last source
    // address, token expiry, sliding renewal, rotated token and wipe delivery;
    // the audit of administrative events; every audit table append-only (a
    // trigger refuses UPDATE, DELETE and TRUNCATE).
    R"SQL(
ALTER TABLE devices ADD COLUMN app_version text NOT NULL DEFAULT '',
                    ADD COLUMN last_source text NOT NULL DEFAULT '',
                    ADD COLUMN token_expires bigint NOT NULL DEFAULT 0,
                    ADD COLUMN token_renewed bigint NOT NULL DEFAULT 0,
                    ADD COLUMN next_token_hash text NOT NULL DEFAULT '',
                    ADD COLUMN wipe_sent bigint NOT NULL DEFAULT 0;
CREATE INDEX devices_next_token ON devices(next_token_hash) WHERE next_token_hash <> '';
CREATE TABLE admin_audit(pos bigserial PRIMARY KEY, at bigint NOT NULL, actor text NOT NULL, action text NOT NULL,
                         subject text NOT NULL, detail text NOT NULL, source text NOT NULL);
CREATE INDEX admin_audit_at ON admin_audit(at);
CREATE INDEX audit_at ON audit(at);
CREATE FUNCTION cunxiao_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit is append-only (% on % refused)', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION cunxiao_audit_append_only();
CREATE TRIGGER signin_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON signin_audit
  FOR EACH STATEMENT EXECUTE FUNCTION cunxiao_audit_append_only();
CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON admin_audit
  FOR EACH STATEMENT EXECUTE FUNCTION cunxiao_audit_append_only();
)SQL",
    // 4 (issue 14; SQLite migration 6): exports read a collection page by page
    // in seq order (Store::recordsOfPage).
    R"SQL(
CREATE INDEX records_collection_seq ON records(collection, seq);
)SQL",
    // 5 (issue 14; SQLite migration 7): what each device reported of itself
    // with its last sync, for the bureau's device health page.
    R"SQL(
ALTER TABLE devices ADD COLUMN health text NOT NULL DEFAULT '',
                    ADD COLUMN health_at bigint NOT NULL DEFAULT 0;
)SQL",
    // 6 (issue 14; SQLite migration 8): bureau administrators, and one-time
    // enrolment codes kept only as hashes (admin/AccountAdmin.h).
    R"SQL(
ALTER TABLE accounts ADD COLUMN admin boolean NOT NULL DEFAULT false;
CREATE TABLE enrol_codes(hash text PRIMARY KEY, "user" text NOT NULL, created bigint NOT NULL,
                         expires bigint NOT NULL, used bigint NOT NULL DEFAULT 0,
                         used_by text NOT NULL DEFAULT '', revoked boolean NOT NULL DEFAULT false,
                         created_by text NOT NULL DEFAULT '');
CREATE INDEX enrol_codes_user ON enrol_codes("user", created);
)SQL",
};

constexpr int kLatest = int(sizeof kMigrations / sizeof kMigrations[0]);

// Records kept before they are sent (PgStore::flushWrites): large enough that
// the round trip is spread over many records, small enough to bound memory.
constexpr size_t kMaxKeptRecords = 500;

// pg_advisory_xact_lock key of the migrations ("cunxiao" in ASCII).
constexpr const char *kMigrationLock = "SELECT pg_advisory_xact_lock(27981213145948527)";

RecordState recordFrom(const PgResult &r, int row)
{
    RecordState s = RecordState::fromJson(Json::parse(r.text(row, 0)), "stored record");
    s.seq = r.u64(row, 1);
    return s;
}

#define CX_DEVICE_COLS                                                                                                           \
    "device_id, \"user\", node, token_hash, name, last_counter, revoked, created, last_seen, app_version, "                      \
    "last_source, token_expires, token_renewed, next_token_hash, wipe_sent"
// What deviceFrom reads: the columns an enrolment writes, and the reported health.
#define CX_DEVICE_READ_COLS CX_DEVICE_COLS ", health, health_at"

Device deviceFrom(const PgResult &r, int row)
{
    Device d;
    d.id = r.text(row, 0);
    d.user = r.text(row, 1);
    d.node = uint32_t(r.i64(row, 2));
    d.tokenHash = r.text(row, 3);
    d.name = r.text(row, 4);
    d.lastCounter = r.u64(row, 5);
    d.revoked = r.boolean(row, 6);
    d.created = r.i64(row, 7);
    d.lastSeen = r.i64(row, 8);
    d.appVersion = r.text(row, 9);
    d.lastSource = r.text(row, 10);
    d.tokenExpires = r.i64(row, 11);
    d.tokenRenewed = r.i64(row, 12);
    d.nextTokenHash = r.text(row, 13);
    d.wipeSent = r.i64(row, 14);
    d.health = r.text(row, 15);
    d.healthAt = r.i64(row, 16);
    return d;
}

std::optional<Device> oneDevice(const PgResult &r) { return r.rows() ? std::optional<Device>(deviceFrom(r, 0)) : std::nullopt; }

const char *boolText(bool b) { return b ? "true" : "false"; }

} // namespace

bool isPostgresUri(const std::string &location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> openPostgresStore(const std::string &uri, bool create) { return std::make_unique<PgStore>(uri, create); }

PgStore::PgStore(const std::string &uri, bool create) : m_db(std::make_unique<PgConnection>(uri))
{
    m_db->exec("SET client_min_messages = warning");
    migrate(create, uri);
}

PgStore::~PgStore() = default;

int PgStore::latestSchemaVersion() { return kLatest; }

uint64_t PgStore::statements() const { return m_db->statements(); }

void PgStore::migrate(bool create, const std::string &uri)
{
    auto versionNow = [this] {
        auto t = m_db->run("SELECT to_regclass('meta') IS NOT NULL");
        if (!t.boolean(0, 0))
            return 0;
        auto v = m_db->run("SELECT value FROM meta WHERE key = 'schema_version'");
        return v.rows() ? std::stoi(v.text(0, 0)) : 0;
    };
    int v = versionNow();
    if (v == kLatest)
        return; // every connection of a running server: one query
    if (v == 0 && !create)
        throw Error(ErrorKind::Invalid, "the PostgreSQL database " + m_db->where() +
                                            " is not a Cunxiao database yet (run: cunxiao-server init " + pgRedact(uri) + ")");
    // One transaction under an advisory lock: instances running `init` (or
    // starting) at once apply each migration exactly once.
    m_db->exec("BEGIN");
    try {
        m_db->exec(kMigrationLock);
        m_db->exec("CREATE TABLE IF NOT EXISTS meta(key text PRIMARY KEY, value text NOT NULL)");
        v = versionNow();
        if (v > kLatest)
            throw Error(ErrorKind::Storage, "PostgreSQL at " + m_db->where() + ": schema version " + std::to_string(v) +
                                                " was written by a newer cunxiao-server (this one knows up to " +
                                                std::to_string(kLatest) + ")");
        for (int i = v; i < kLatest; ++i) {
            m_db->exec(kMigrations[i]);
            m_db->run("INSERT INTO meta(key, value) VALUES('schema_version', $1) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      {std::to_string(i + 1)});
        }
        m_db->exec("COMMIT");
    } catch (...) {
        if (m_db->inTransaction()) {
            try {
                m_db->exec("ROLLBACK");
            } catch (...) {
            }
        }
        throw;
    }
}

void PgStore::clearTransactionState()
{
    m_locked.clear();
    m_seqs.clear();
    m_seqBlock = 1;
    m_records.clear();
    m_refs.clear();
    m_audit.clear();
}

void PgStore::begin()
{
    clearTransactionState();
    m_db->exec("BEGIN ISOLATION LEVEL READ COMMITTED");
}
void PgStore::beginRead()
{
    clearTransactionState();
    m_db->exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}
void PgStore::commit()
{
    flushWrites(); // these throw: the caller's Transaction rolls back
    flushSchoolRows();
    clearTransactionState();
    m_db->exec("COMMIT");
}
void PgStore::rollback()
{
    clearTransactionState();
    if (m_db->inTransaction())
        m_db->exec("ROLLBACK");
}

// Reads of tables the kept writes never touch (meta, schools, accounts,
// enrolment codes, devices, rejections, sign-in limits, scope sums): nothing
// to send first, so a push's look-up of each mutation's school and account
// does not send the writes kept so far one record at a time.
PgConnection &PgStore::direct() { return *m_db; }

PgConnection &PgStore::db()
{
    if (!m_records.empty() || !m_refs.empty() || !m_audit.empty())
        flushWrites();
    return *m_db;
}

namespace {

// A PostgreSQL array literal of quoted elements ({"a","b"}), for
// unnest($1::text[]) and unnest($1::bigint[]).
class PgArray
{
public:
    void add(const std::string &v)
    {
        m_s += m_s.size() > 1 ? ",\"" : "\"";
        for (char c : v) {
            if (c == '"' || c == '\\')
                m_s += '\\';
            m_s += c;
        }
        m_s += '"';
    }
    std::string done() const { return m_s + "}"; }

private:
    std::string m_s = "{";
};

} // namespace

// Three statements (four when records refer to attachments) for everything
// the transaction wrote since the last query, whatever the number of records.
void PgStore::flushWrites()
{
    auto records = std::move(m_records);
    auto refs = std::move(m_refs);
    auto audit = std::move(m_audit);
    m_records.clear();
    m_refs.clear();
    m_audit.clear();
    if (!records.empty()) {
        PgArray c, i, sc, sq, st;
        for (const auto &[key, r] : records) {
            c.add(r.collection);
            i.add(r.id);
            sc.add(r.school);
            sq.add(pgU64(r.seq));
            st.add(r.toJson().dump());
        }
        m_db->run("INSERT INTO records(collection, id, school, seq, state) "
                  "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) "
                  "ON CONFLICT(collection, id) DO UPDATE SET school = excluded.school, seq = excluded.seq, "
                  "state = excluded.state",
                  {c.done(), i.done(), sc.done(), sq.done(), st.done()});
    }
    if (!refs.empty()) {
        PgArray c, i, rs, rc, ri, rsc;
        for (const auto &[key, r] : refs) {
            c.add(key.first);
            i.add(key.second);
            for (const auto &sha : r.sha256s) {
                rs.add(sha);
                rc.add(key.first);
                ri.add(key.second);
                rsc.add(r.school);
            }
        }
        m_db->run("DELETE FROM record_attachment_refs r USING unnest($1::text[], $2::text[]) AS k(collection, id) "
                  "WHERE r.collection = k.collection AND r.id = k.id",
                  {c.done(), i.done()});
        if (rs.done() != "{}")
            m_db->run("INSERT INTO record_attachment_refs(sha256, collection, id, school) "
                      "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING",
                      {rs.done(), rc.done(), ri.done(), rsc.done()});
    }
    if (!audit.empty()) {
        PgArray sq, at, u, d, c, i, m;
        for (const auto &e : audit) {
            sq.add(pgU64(e.seq));
            at.add(pgInt(e.at));
            u.add(e.user);
            d.add(e.device);
            c.add(e.collection);
            i.add(e.id);
            m.add(e.mutation.dump());
        }
        // In the order written: pos (bigserial) follows the rows' order.
        m_db->run("INSERT INTO audit(seq, at, \"user\", device, collection, id, mutation) "
                  "SELECT s, a, u, d, c, i, m FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], "
                  "$5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS x(s, a, u, d, c, i, m, o) ORDER BY o",
                  {sq.done(), at.done(), u.done(), d.done(), c.done(), i.done(), m.done()});
    }
}

void PgStore::flushSchoolRows()
{
    for (auto &[school, row] : m_locked) {
        if (row.hlcDirty)
            m_db->run("UPDATE school_clock SET hlc = $2 WHERE school = $1", {school, pgU64(row.hlc)});
        if (row.sumDirty)
            m_db->run("INSERT INTO scope_sums(school, sum) VALUES($1, $2) "
                      "ON CONFLICT(school) DO UPDATE SET sum = excluded.sum",
                      {school, pgU64(*row.sum)});
        row.hlcDirty = row.sumDirty = false;
    }
}
bool PgStore::inTransaction() { return m_db->inTransaction(); }
bool PgStore::usable() { return m_db->usable(); }

int PgStore::schemaVersion()
{
    auto v = meta("schema_version");
    return v ? std::stoi(*v) : 0;
}

std::optional<std::string> PgStore::meta(const std::string &key)
{
    auto r = direct().run("SELECT value FROM meta WHERE key = $1", {key});
    return r.rows() ? std::optional<std::string>(r.text(0, 0)) : std::nullopt;
}

void PgStore::setMeta(const std::string &key, const std::string &value)
{
    db().run("INSERT INTO meta(key, value) VALUES($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", {key, value});
}

// A sequence: no row every writer updates; a rolled-back write leaves a gap.
// Inside a transaction, taken in growing blocks (1, 16, 256) after the
// schools' locks (see m_seqs): a 10-edit push takes two round trips for its
// seqs, an import of 10,000 lines about forty.
uint64_t PgStore::nextSeq()
{
    if (!m_db->inTransaction())
        return m_db->run("SELECT nextval('record_seqs')").u64(0, 0);
    if (m_seqs.empty()) {
        auto r = m_db->run("SELECT nextval('record_seqs') FROM generate_series(1, $1::int)", {std::to_string(m_seqBlock)});
        for (int i = 0; i < r.rows(); ++i)
            m_seqs.push_back(r.u64(i, 0));
        std::sort(m_seqs.begin(), m_seqs.end(), std::greater<>()); // the smallest last
        m_seqBlock = std::min<size_t>(m_seqBlock * 16, 256);
    }
    const uint64_t seq = m_seqs.back();
    m_seqs.pop_back();
    return seq;
}

uint64_t PgStore::lastSeq()
{
    auto r = db().run("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM record_seqs");
    return r.u64(0, 0);
}

// One row per school, locked in sorted order (so two writers never deadlock)
// until the transaction ends: a school's writers commit one after another,
// and so its seqs commit in increasing order (docs/protocol.md, "Change order").
void PgStore::lockSchools(const std::vector<std::string> &schools)
{
    std::vector<std::string> sorted = schools;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (const auto &s : sorted) {
        if (m_locked.count(s))
            continue;   // held since earlier in this transaction
        m_seqs.clear(); // taken before this lock: not for this school's records
        db().run("INSERT INTO school_clock(school, hlc) VALUES($1, 0) ON CONFLICT(school) DO NOTHING", {s});
        auto r = db().run("SELECT hlc FROM school_clock WHERE school = $1 FOR UPDATE", {s});
        if (m_db->inTransaction()) // outside one, the lock ended with the statement
            m_locked[s].hlc = r.rows() ? r.u64(0, 0) : 0;
    }
}

uint64_t PgStore::serverHlc(const std::string &school)
{
    if (auto it = m_locked.find(school); it != m_locked.end())
        return it->second.hlc;
    auto r = db().run("SELECT hlc FROM school_clock WHERE school = $1", {school});
    return r.rows() ? r.u64(0, 0) : 0;
}

void PgStore::setServerHlc(const std::string &school, uint64_t hlc)
{
    if (auto it = m_locked.find(school); it != m_locked.end()) {
        it->second.hlc = hlc;
        it->second.hlcDirty = true;
        return;
    }
    db().run("INSERT INTO school_clock(school, hlc) VALUES($1, $2) "
             "ON CONFLICT(school) DO UPDATE SET hlc = excluded.hlc",
             {school, pgU64(hlc)});
}

void PgStore::putSchool(const School &s)
{
    db().run("INSERT INTO schools(code, name, county) VALUES($1, $2, $3) "
             "ON CONFLICT(code) DO UPDATE SET name = excluded.name, county = excluded.county",
             {s.code, s.name, s.county});
}

std::optional<School> PgStore::school(const std::string &code)
{
    auto r = direct().run("SELECT code, name, county FROM schools WHERE code = $1", {code});
    if (!r.rows())
        return std::nullopt;
    return School{r.text(0, 0), r.text(0, 1), r.text(0, 2)};
}

std::vector<School> PgStore::schools()
{
    auto r = direct().run("SELECT code, name, county FROM schools ORDER BY code COLLATE \"C\"");
    std::vector<School> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(School{r.text(i, 0), r.text(i, 1), r.text(i, 2)});
    return out;
}

void PgStore::putAccount(const Account &a)
{
    Transaction tx(*this);
    db().run("INSERT INTO accounts(\"user\", role, pw_hash, revoked) VALUES($1, $2, $3, $4) "
             "ON CONFLICT(\"user\") DO UPDATE SET role = excluded.role, pw_hash = excluded.pw_hash, "
             "revoked = excluded.revoked",
             {a.user, a.role, a.pwHash, std::string(boolText(a.revoked))});
    db().run("DELETE FROM account_schools WHERE \"user\" = $1", {a.user});
    for (const auto &school : a.schools)
        db().run("INSERT INTO account_schools(\"user\", school) VALUES($1, $2) ON CONFLICT DO NOTHING", {a.user, school});
    tx.commit();
}

std::optional<Account> PgStore::account(const std::string &user)
{
    auto r = direct().run("SELECT \"user\", role, pw_hash, revoked, admin FROM accounts WHERE \"user\" = $1", {user});
    if (!r.rows())
        return std::nullopt;
    Account a{r.text(0, 0), r.text(0, 1), r.text(0, 2), r.boolean(0, 3), {}, r.boolean(0, 4)};
    auto s = direct().run("SELECT school FROM account_schools WHERE \"user\" = $1 ORDER BY school COLLATE \"C\"", {user});
    for (int i = 0; i < s.rows(); ++i)
        a.schools.push_back(s.text(i, 0));
    return a;
}

std::vector<Account> PgStore::accounts()
{
    auto r = direct().run("SELECT \"user\" FROM accounts ORDER BY \"user\" COLLATE \"C\"");
    std::vector<Account> out;
    for (int i = 0; i < r.rows(); ++i)
        if (auto a = account(r.text(i, 0)))
            out.push_back(std::move(*a));
    return out;
}

void PgStore::setAccountRevoked(const std::string &user, bool revoked)
{
    db().run("UPDATE accounts SET revoked = $1 WHERE \"user\" = $2", {std::string(boolText(revoked)), user});
}

void PgStore::setAccountAdmin(const std::string &user, bool admin)
{
    db().run("UPDATE accounts SET admin = $1 WHERE \"user\" = $2", {std::string(boolText(admin)), user});
}

void PgStore::insertEnrolCode(const EnrolCode &c)
{
    db().run("INSERT INTO enrol_codes(hash, \"user\", created, expires, used, used_by, revoked, created_by) "
             "VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
             {c.hash, c.user, pgInt(c.created), pgInt(c.expires), pgInt(c.used), c.usedBy, std::string(boolText(c.revoked)),
              c.createdBy});
}

namespace {
constexpr const char *kEnrolCodeColumns =
    "SELECT hash, \"user\", created, expires, used, used_by, revoked, created_by FROM enrol_codes ";
EnrolCode enrolCodeFrom(const PgResult &r, int i)
{
    return EnrolCode{r.text(i, 0), r.text(i, 1), r.i64(i, 2),     r.i64(i, 3),
                     r.i64(i, 4),  r.text(i, 5), r.boolean(i, 6), r.text(i, 7)};
}
} // namespace

std::optional<EnrolCode> PgStore::enrolCode(const std::string &hash)
{
    auto r = direct().run((std::string(kEnrolCodeColumns) + "WHERE hash = $1").c_str(), {hash});
    if (!r.rows())
        return std::nullopt;
    return enrolCodeFrom(r, 0);
}

std::vector<EnrolCode> PgStore::enrolCodesOf(const std::string &user)
{
    auto r = direct().run((std::string(kEnrolCodeColumns) + "WHERE \"user\" = $1 ORDER BY created DESC").c_str(), {user});
    std::vector<EnrolCode> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(enrolCodeFrom(r, i));
    return out;
}

bool PgStore::useEnrolCode(const std::string &hash, const std::string &device, int64_t at)
{
    return db().run("UPDATE enrol_codes SET used = $1, used_by = $2 WHERE hash = $3 AND used = 0 AND NOT revoked",
                    {pgInt(at), device, hash})
               .affected() > 0;
}

int PgStore::revokeEnrolCodesOf(const std::string &user)
{
    return int(
        db().run("UPDATE enrol_codes SET revoked = true WHERE \"user\" = $1 AND used = 0 AND NOT revoked", {user}).affected());
}

// The node from a sequence: two instances enrolling at once never share one.
uint32_t PgStore::insertDevice(const Device &d)
{
    auto r = db().run("INSERT INTO devices(" CX_DEVICE_COLS ") "
                      "VALUES($1, $2, nextval('device_nodes'), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
                      "RETURNING node",
                      {d.id, d.user, d.tokenHash, d.name, pgU64(d.lastCounter), std::string(boolText(d.revoked)),
                       pgInt(d.created), pgInt(d.lastSeen), d.appVersion, d.lastSource, pgInt(d.tokenExpires),
                       pgInt(d.tokenRenewed), d.nextTokenHash, pgInt(d.wipeSent)});
    return uint32_t(r.i64(0, 0));
}

std::optional<Device> PgStore::device(const std::string &id)
{
    return oneDevice(direct().run("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE device_id = $1", {id}));
}

std::optional<Device> PgStore::deviceByTokenHash(const std::string &hash)
{
    return oneDevice(direct().run("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE token_hash = $1", {hash}));
}

std::optional<Device> PgStore::deviceForUpdate(const std::string &id)
{
    return oneDevice(direct().run("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE device_id = $1 FOR UPDATE", {id}));
}

void PgStore::setDeviceToken(const std::string &id, const std::string &tokenHash, const std::string &name, int64_t now)
{
    db().run("UPDATE devices SET token_hash = $1, name = $2, last_seen = $3 WHERE device_id = $4",
             {tokenHash, name, pgInt(now), id});
}

void PgStore::setDeviceProgress(const std::string &id, uint64_t lastCounter, int64_t lastSeen)
{
    db().run("UPDATE devices SET last_counter = $1, last_seen = $2 WHERE device_id = $3",
             {pgU64(lastCounter), pgInt(lastSeen), id});
}

int PgStore::revokeDevicesOf(const std::string &user)
{
    return int(db().run("UPDATE devices SET revoked = true WHERE \"user\" = $1 AND NOT revoked", {user}).affected());
}

std::vector<Device> PgStore::devicesOf(const std::string &user)
{
    auto r = direct().run("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE \"user\" = $1 ORDER BY node", {user});
    std::vector<Device> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(deviceFrom(r, i));
    return out;
}

std::vector<Device> PgStore::allDevices()
{
    auto r = direct().run("SELECT " CX_DEVICE_READ_COLS " FROM devices ORDER BY \"user\" COLLATE \"C\", node");
    std::vector<Device> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(deviceFrom(r, i));
    return out;
}

std::optional<Device> PgStore::deviceByNextTokenHash(const std::string &hash)
{
    if (hash.empty())
        return std::nullopt;
    return oneDevice(
        direct().run("SELECT " CX_DEVICE_READ_COLS " FROM devices WHERE next_token_hash = $1 AND next_token_hash <> ''", {hash}));
}

void PgStore::setDeviceTokens(const std::string &id, const std::string &tokenHash, const std::string &nextTokenHash,
                              int64_t tokenExpires, int64_t tokenRenewed)
{
    db().run("UPDATE devices SET token_hash = $1, next_token_hash = $2, token_expires = $3, token_renewed = $4 "
             "WHERE device_id = $5",
             {tokenHash, nextTokenHash, pgInt(tokenExpires), pgInt(tokenRenewed), id});
}

void PgStore::promoteNextToken(const std::string &id, const std::string &nextTokenHash)
{
    db().run("UPDATE devices SET token_hash = next_token_hash, next_token_hash = '' "
             "WHERE device_id = $1 AND next_token_hash = $2 AND next_token_hash <> ''",
             {id, nextTokenHash});
}

void PgStore::setDeviceContact(const std::string &id, const std::string &lastSource, const std::string &appVersion,
                               int64_t tokenExpires, int64_t tokenRenewed)
{
    db().run("UPDATE devices SET last_source = $1, app_version = $2, token_expires = $3, token_renewed = $4 "
             "WHERE device_id = $5",
             {lastSource, appVersion, pgInt(tokenExpires), pgInt(tokenRenewed), id});
}

bool PgStore::revokeDevice(const std::string &id)
{
    return db().run("UPDATE devices SET revoked = true WHERE device_id = $1 AND NOT revoked", {id}).affected() > 0;
}

void PgStore::setDeviceHealth(const std::string &id, const std::string &health, int64_t at)
{
    db().run("UPDATE devices SET health = $1, health_at = $2 WHERE device_id = $3", {health, pgInt(at), id});
}

void PgStore::setDeviceWipeSent(const std::string &id, int64_t at)
{
    db().run("UPDATE devices SET wipe_sent = $1 WHERE device_id = $2 AND wipe_sent = 0", {pgInt(at), id});
}

std::optional<RecordState> PgStore::record(const std::string &collection, const std::string &id)
{
    // A record written in this transaction and not sent yet; any other is
    // unchanged by what is kept, so it is read without sending that first.
    if (auto it = m_records.find({collection, id}); it != m_records.end())
        return it->second;
    auto r = m_db->run("SELECT state, seq FROM records WHERE collection = $1 AND id = $2", {collection, id});
    return r.rows() ? std::optional<RecordState>(recordFrom(r, 0)) : std::nullopt;
}

void PgStore::putRecord(const RecordState &r)
{
    if (m_db->inTransaction()) {
        m_records[{r.collection, r.id}] = r; // sent before the next query or at COMMIT
        if (m_records.size() >= kMaxKeptRecords)
            flushWrites(); // an import of a million lines holds a bounded batch, not all of them
        return;
    }
    db().run("INSERT INTO records(collection, id, school, seq, state) VALUES($1, $2, $3, $4, $5) "
             "ON CONFLICT(collection, id) DO UPDATE SET school = excluded.school, seq = excluded.seq, "
             "state = excluded.state",
             {r.collection, r.id, r.school, pgU64(r.seq), r.toJson().dump()});
}

std::vector<RecordState> PgStore::recordsAfter(const std::string &school, uint64_t after, size_t limit)
{
    auto r = db().run("SELECT state, seq FROM records WHERE school = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                      {school, pgU64(after), std::to_string(limit)});
    std::vector<RecordState> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(recordFrom(r, i));
    return out;
}

uint64_t PgStore::maxSeq(const std::string &school)
{
    return db().run("SELECT COALESCE(MAX(seq), 0) FROM records WHERE school = $1", {school}).u64(0, 0);
}

uint64_t PgStore::countAfter(const std::string &school, uint64_t after)
{
    return db().run("SELECT COUNT(*) FROM records WHERE school = $1 AND seq > $2", {school, pgU64(after)}).u64(0, 0);
}

std::vector<RecordState> PgStore::recordsOf(const std::string &collection, const std::optional<std::string> &school)
{
    auto r = school ? db().run("SELECT state, seq FROM records WHERE collection = $1 AND school = $2 ORDER BY seq",
                               {collection, *school})
                    : db().run("SELECT state, seq FROM records WHERE collection = $1 ORDER BY seq", {collection});
    std::vector<RecordState> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(recordFrom(r, i));
    return out;
}

std::vector<RecordState> PgStore::recordsOfPage(const std::string &collection, const std::optional<std::string> &school,
                                                uint64_t afterSeq, size_t limit)
{
    auto r = school ? db().run("SELECT state, seq FROM records WHERE collection = $1 AND school = $2 AND seq > $3 "
                               "ORDER BY seq LIMIT $4",
                               {collection, *school, pgU64(afterSeq), std::to_string(limit)})
                    : db().run("SELECT state, seq FROM records WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                               {collection, pgU64(afterSeq), std::to_string(limit)});
    std::vector<RecordState> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(recordFrom(r, i));
    return out;
}

std::vector<RecordState> PgStore::allRecordsOfSchool(const std::string &school)
{
    auto r = db().run("SELECT collection, id, seq FROM records WHERE school = $1 ORDER BY seq", {school});
    std::vector<RecordState> out;
    for (int i = 0; i < r.rows(); ++i) {
        RecordState s;
        s.collection = r.text(i, 0);
        s.id = r.text(i, 1);
        s.school = school;
        s.seq = r.u64(i, 2);
        out.push_back(std::move(s));
    }
    return out;
}

void PgStore::putRejection(const std::string &device, const Rejection &r)
{
    db().run("INSERT INTO rejections(device_id, n, reason) VALUES($1, $2, $3) "
             "ON CONFLICT(device_id, n) DO UPDATE SET reason = excluded.reason",
             {device, pgU64(r.n), r.toJson().dump()});
}

std::vector<Rejection> PgStore::rejections(const std::string &device, uint64_t fromN, uint64_t toN)
{
    auto r = direct().run("SELECT reason FROM rejections WHERE device_id = $1 AND n >= $2 AND n <= $3 ORDER BY n",
                          {device, pgU64(fromN), pgU64(toN)});
    std::vector<Rejection> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(Rejection::fromJson(Json::parse(r.text(i, 0)), "stored rejection"));
    return out;
}

// Sums are mod 2^64: kept as the signed bigint of the same bits.
uint64_t PgStore::scopeSum(const std::string &school)
{
    auto it = m_locked.find(school);
    if (it != m_locked.end() && it->second.sum)
        return *it->second.sum;
    auto r = direct().run("SELECT sum FROM scope_sums WHERE school = $1", {school});
    const uint64_t sum = r.rows() ? r.u64(0, 0) : 0;
    if (it != m_locked.end())
        it->second.sum = sum;
    return sum;
}

void PgStore::setScopeSum(const std::string &school, uint64_t sum)
{
    if (auto it = m_locked.find(school); it != m_locked.end()) {
        it->second.sum = sum;
        it->second.sumDirty = true;
        return;
    }
    db().run("INSERT INTO scope_sums(school, sum) VALUES($1, $2) ON CONFLICT(school) DO UPDATE SET sum = excluded.sum",
             {school, pgU64(sum)});
}

SignInThrottle PgStore::signInThrottle(const std::string &key)
{
    auto r = direct().run("SELECT failures, last_failure, locked_until FROM signin_throttle WHERE key = $1", {key});
    if (!r.rows())
        return {};
    return SignInThrottle{int(r.i64(0, 0)), r.i64(0, 1), r.i64(0, 2)};
}

void PgStore::setSignInThrottle(const std::string &key, const SignInThrottle &t)
{
    if (t.failures <= 0) {
        db().run("DELETE FROM signin_throttle WHERE key = $1", {key});
        return;
    }
    db().run("INSERT INTO signin_throttle(key, failures, last_failure, locked_until) VALUES($1, $2, $3, $4) "
             "ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, "
             "locked_until = excluded.locked_until",
             {key, pgInt(t.failures), pgInt(t.lastFailure), pgInt(t.lockedUntil)});
}

void PgStore::addSignInEvent(const SignInEvent &e)
{
    db().run("INSERT INTO signin_audit(at, \"user\", device, source, outcome) VALUES($1, $2, $3, $4, $5)",
             {pgInt(e.at), e.user, e.device, e.source, e.outcome});
}

std::vector<SignInEvent> PgStore::signInEvents(const std::string &user)
{
    auto r = direct().run("SELECT at, \"user\", device, source, outcome FROM signin_audit WHERE $1 = '' OR \"user\" = $1 "
                          "ORDER BY pos",
                          {user});
    std::vector<SignInEvent> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(SignInEvent{r.i64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)});
    return out;
}

void PgStore::addAudit(const AuditEntry &e)
{
    if (m_db->inTransaction()) {
        m_audit.push_back(e);
        return;
    }
    db().run("INSERT INTO audit(seq, at, \"user\", device, collection, id, mutation) VALUES($1, $2, $3, $4, $5, $6, $7)",
             {pgU64(e.seq), pgInt(e.at), e.user, e.device, e.collection, e.id, e.mutation.dump()});
}

std::vector<AuditEntry> PgStore::auditOf(const std::string &collection, const std::string &id)
{
    auto r = db().run("SELECT seq, at, \"user\", device, collection, id, mutation FROM audit "
                      "WHERE collection = $1 AND id = $2 ORDER BY pos",
                      {collection, id});
    std::vector<AuditEntry> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(AuditEntry{r.u64(i, 0), r.i64(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                                 Json::parse(r.text(i, 6))});
    return out;
}

std::vector<AuditEntry> PgStore::auditEntries(const AuditQuery &q)
{
    auto r = db().run("SELECT seq, at, \"user\", device, collection, id, mutation FROM audit "
                      "WHERE at >= $1 AND ($2 = '' OR \"user\" = $2) AND ($3 = '' OR (collection = $3 AND id = $4)) "
                      "ORDER BY pos",
                      {pgInt(q.since), q.user, q.collection, q.id});
    std::vector<AuditEntry> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(AuditEntry{r.u64(i, 0), r.i64(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                                 Json::parse(r.text(i, 6))});
    return out;
}

void PgStore::addAdminEvent(const AdminEvent &e)
{
    db().run("INSERT INTO admin_audit(at, actor, action, subject, detail, source) VALUES($1, $2, $3, $4, $5, $6)",
             {pgInt(e.at), e.actor, e.action, e.subject, e.detail.dump(), e.source});
}

std::vector<AdminEvent> PgStore::adminEvents(int64_t since)
{
    auto r = db().run("SELECT at, actor, action, subject, detail, source FROM admin_audit WHERE at >= $1 ORDER BY pos",
                      {pgInt(since)});
    std::vector<AdminEvent> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(AdminEvent{r.i64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), Json::parse(r.text(i, 4)), r.text(i, 5)});
    return out;
}

void PgStore::setAttachmentRefs(const std::string &collection, const std::string &id, const std::string &school,
                                const std::vector<std::string> &sha256s)
{
    if (m_db->inTransaction()) {
        m_refs[{collection, id}] = Refs{school, sha256s};
        return;
    }
    db().run("DELETE FROM record_attachment_refs WHERE collection = $1 AND id = $2", {collection, id});
    for (const auto &sha : sha256s)
        db().run("INSERT INTO record_attachment_refs(sha256, collection, id, school) VALUES($1, $2, $3, $4) "
                 "ON CONFLICT DO NOTHING",
                 {sha, collection, id, school});
}

std::vector<std::string> PgStore::attachmentSchools(const std::string &sha256)
{
    auto r = db().run("SELECT DISTINCT school COLLATE \"C\" FROM record_attachment_refs WHERE sha256 = $1 "
                      "ORDER BY 1",
                      {sha256});
    std::vector<std::string> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

void PgStore::addAttachmentUploader(const std::string &sha256, const std::string &user)
{
    db().run("INSERT INTO attachment_uploads(sha256, \"user\") VALUES($1, $2) ON CONFLICT DO NOTHING", {sha256, user});
}

bool PgStore::attachmentUploadedBy(const std::string &sha256, const std::string &user)
{
    return db().run("SELECT 1 FROM attachment_uploads WHERE sha256 = $1 AND \"user\" = $2", {sha256, user}).rows() > 0;
}

} // namespace cx::server
