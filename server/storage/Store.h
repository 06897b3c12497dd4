#pragma once
// The bureau's storage, behind an interface so that SQLite (embedded, the
// default) and PostgreSQL (a province) are interchangeable. Every method runs
// inside the caller's transaction when one is open (see Transaction below).
//
// One Store is one database connection, used by one thread at a time; the
// server keeps a StorePool of them (storage/StorePool.h). Concurrency rules
// (docs/protocol.md, "Change order"):
//   - a write transaction (begin) that changes records of a school first calls
//     lockSchools with every school it will write: writers of one school are
//     serialised from before they read until they commit, so a school's seqs
//     commit in increasing order and a reader that saw seq N has seen every
//     seq below N of that school. Writers of different schools run in parallel
//     (PostgreSQL; SQLite has one writer at a time anyway);
//   - a read transaction (beginRead) sees one consistent snapshot, so a page and
//     the checksums sent with it agree.
#include "protocol/Json.h"
#include "protocol/Messages.h"
#include "protocol/Record.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cx::server {

struct School {
    std::string code;
    std::string name;
    std::string county;
};

// Roles: "head", "teacher", "inspector", "bureau".
struct Account {
    std::string user;
    std::string role;
    std::string pwHash; // cx::hashPassword form, never the password
    bool revoked = false;
    std::vector<std::string> schools; // assigned schools (bureau: may be empty)
    // Migration 8 / PostgreSQL 6: a bureau administrator may manage accounts
    // and schools from the app (POST /v1/admin, admin/AccountAdmin.h).
    bool admin = false;
};

// A one-time enrolment code (migration 8 / PostgreSQL 6; admin/AccountAdmin.h):
// only its SHA-256 is kept; single use, expiring, revocable.
struct EnrolCode {
    std::string hash; // SHA-256 hex of the normalised code
    std::string user;
    int64_t created = 0; // ms
    int64_t expires = 0; // ms
    int64_t used = 0;    // ms it enrolled a device; 0: not yet
    std::string usedBy;  // the device it enrolled
    bool revoked = false;
    std::string createdBy; // the acting account
};

struct Device {
    std::string id; // the device's UUIDv7
    std::string user;
    uint32_t node = 0;     // >= 1; 0 is the server
    std::string tokenHash; // SHA-256 hex of the token
    std::string name;
    uint64_t lastCounter = 0; // last applied mutation n
    bool revoked = false;     // revoked devices are also ordered to wipe (issue 13)
    int64_t created = 0;
    int64_t lastSeen = 0;
    // Issue 13 (migration 5 / PostgreSQL 3): what the bureau sees of a device,
    // and its token's life (auth/DeviceTokens.h).
    std::string appVersion;    // last X-Cunxiao-App (or enroll "app") it sent
    std::string lastSource;    // last source address
    int64_t tokenExpires = 0;  // ms; 0: not set yet (enrolled before tokens expired)
    int64_t tokenRenewed = 0;  // ms of the last sliding renewal
    std::string nextTokenHash; // a rotated token not used yet ("": none)
    int64_t wipeSent = 0;      // ms the revoked device was first told to wipe; 0: not yet
    // Migration 7 / PostgreSQL 5: what the device reported of itself with its
    // last sync (JSON: pending, pending_photos, rejected, conflicts,
    // free_bytes, link, last_error; docs/protocol.md "Device health").
    std::string health;
    int64_t healthAt = 0;
};

struct AuditEntry {   // NOLINT(bugprone-exception-escape): false positive inside nlohmann::json's noexcept move
    uint64_t seq = 0; // the record's seq after the write
    int64_t at = 0;
    std::string user;
    std::string device; // "" for server-side writes (admin, import)
    std::string collection;
    std::string id;
    Json mutation;
};

// One administrative event for the audit (issue 13.7): accounts, roles,
// school assignments, revocations, wipe orders, token rotations, form
// publications, exports. Append-only, like every audit table.
struct AdminEvent {
    int64_t at = 0;
    std::string actor;   // "admin (OS user)" for commands, an account for routes
    std::string action;  // account-created, account-changed, revoke, revoke-device, ...
    std::string subject; // what it is about: an account, "device ID", "forms/ID", a collection
    Json detail = Json::object();
    std::string source; // the source address for routes; "" for commands
};

// Which record writes to read back (the audit reader, admin/AuditLog.h).
struct AuditQuery {
    int64_t since = 0;          // ms; 0: from the start
    std::string user;           // "": any
    std::string collection, id; // "": any record
};

// Failed sign-ins of one key ("user:NAME" or "addr:IP"), shared by every
// instance through the store (auth/SignInLimits.h).
struct SignInThrottle {
    int failures = 0;
    int64_t lastFailure = 0; // ms
    int64_t lockedUntil = 0; // ms; 0: not locked
};

// One sign-in attempt, for the audit: who, from where, and how it ended.
struct SignInEvent {
    int64_t at = 0;
    std::string user; // as typed
    std::string device;
    std::string source;  // the source address
    std::string outcome; // ok | wrong-password | locked | revoked | refused
};

class Store
{
public:
    virtual ~Store() = default;

    // Transactions. begin() starts a write transaction (SQLite: BEGIN IMMEDIATE,
    // the database's one write lock; PostgreSQL: READ COMMITTED plus the row
    // locks of lockSchools). beginRead() starts a read-only snapshot (SQLite:
    // a deferred transaction; PostgreSQL: REPEATABLE READ READ ONLY).
    virtual void begin() = 0;
    virtual void beginRead() { begin(); }
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool inTransaction() = 0;
    // Whether the connection can serve another request (PostgreSQL: the
    // connection is up). A pool drops one that is not.
    virtual bool usable() { return true; }

    // meta: schema version, last assigned seq, server hlc.
    virtual int schemaVersion() = 0;
    virtual std::optional<std::string> meta(const std::string &key) = 0;
    virtual void setMeta(const std::string &key, const std::string &value) = 0;
    virtual uint64_t nextSeq() = 0; // unique, increasing; call inside a write transaction
    virtual uint64_t lastSeq() = 0; // the highest seq handed out or reserved (PgStore takes blocks; gaps allowed)

    // Serialises this transaction with every other writer of these schools
    // ("*" included) until it ends. Call before reading what will be written.
    // Taken in sorted order, so two writers never deadlock. Default: nothing
    // (a store with one writer at a time).
    virtual void lockSchools(const std::vector<std::string> &schools) { (void)schools; }

    // The server's hybrid logical clock as seen by writes of `school` (never
    // below any version written there). Default: one clock in meta "hlc".
    virtual uint64_t serverHlc(const std::string &school)
    {
        (void)school;
        auto v = meta("hlc");
        return v ? std::stoull(*v) : 0;
    }
    virtual void setServerHlc(const std::string &school, uint64_t hlc)
    {
        (void)school;
        setMeta("hlc", std::to_string(hlc));
    }

    // Schools.
    virtual void putSchool(const School &s) = 0; // insert or update
    virtual std::optional<School> school(const std::string &code) = 0;
    virtual std::vector<School> schools() = 0; // sorted by code

    // Accounts.
    virtual void putAccount(const Account &a) = 0; // insert or replace, with its schools
    virtual std::optional<Account> account(const std::string &user) = 0;
    virtual std::vector<Account> accounts() = 0;
    virtual void setAccountRevoked(const std::string &user, bool revoked) = 0;
    // Enrolment codes (admin/AccountAdmin.h).
    virtual void setAccountAdmin(const std::string &user, bool admin) = 0;
    virtual void insertEnrolCode(const EnrolCode &c) = 0;
    virtual std::optional<EnrolCode> enrolCode(const std::string &hash) = 0;
    virtual std::vector<EnrolCode> enrolCodesOf(const std::string &user) = 0; // newest first
    // Marks an unused, unrevoked code used; false if it was used or revoked
    // already (two phones racing for one code: only one wins).
    virtual bool useEnrolCode(const std::string &hash, const std::string &device, int64_t at) = 0;
    virtual int revokeEnrolCodesOf(const std::string &user) = 0; // the unused ones; returns how many

    // Devices.
    virtual uint32_t insertDevice(const Device &d) = 0; // assigns and returns the next free node
    virtual std::optional<Device> device(const std::string &id) = 0;
    virtual std::optional<Device> deviceByTokenHash(const std::string &hash) = 0;
    // device(id), and in a write transaction held against every other writer
    // of this device until it ends (PostgreSQL: SELECT ... FOR UPDATE), so two
    // requests of one device (a retry racing its original on another instance)
    // never apply the same mutations twice. Default: device(id).
    virtual std::optional<Device> deviceForUpdate(const std::string &id) { return device(id); }
    virtual void setDeviceToken(const std::string &id, const std::string &tokenHash, const std::string &name, int64_t now) = 0;
    virtual void setDeviceProgress(const std::string &id, uint64_t lastCounter, int64_t lastSeen) = 0;
    virtual int revokeDevicesOf(const std::string &user) = 0; // returns how many were active
    virtual std::vector<Device> devicesOf(const std::string &user) = 0;
    virtual std::vector<Device> allDevices() = 0; // by user, then node
    // Issue 13: a rotated token waiting for its first use.
    virtual std::optional<Device> deviceByNextTokenHash(const std::string &hash) = 0;
    // The token columns: current and waiting hash, expiry and last renewal.
    virtual void setDeviceTokens(const std::string &id, const std::string &tokenHash, const std::string &nextTokenHash,
                                 int64_t tokenExpires, int64_t tokenRenewed) = 0;
    // The rotated token was used: it becomes the token (if it still waits).
    virtual void promoteNextToken(const std::string &id, const std::string &nextTokenHash) = 0;
    // What the bureau sees of the device's last contact, and the sliding expiry.
    virtual void setDeviceContact(const std::string &id, const std::string &lastSource, const std::string &appVersion,
                                  int64_t tokenExpires, int64_t tokenRenewed) = 0;
    virtual bool revokeDevice(const std::string &id) = 0; // true if it was active
    virtual void setDeviceWipeSent(const std::string &id, int64_t at) = 0;
    virtual void setDeviceHealth(const std::string &id, const std::string &health, int64_t at) = 0;

    // Records (the RecordState, keyed by (collection, id)).
    virtual std::optional<RecordState> record(const std::string &collection, const std::string &id) = 0;
    virtual void putRecord(const RecordState &r) = 0; // insert or replace
    // Records of a school with seq > after, by seq, at most `limit`.
    virtual std::vector<RecordState> recordsAfter(const std::string &school, uint64_t after, size_t limit) = 0;
    virtual uint64_t maxSeq(const std::string &school) = 0;
    // How many records of a school have seq > after (the remaining-download
    // estimate of docs/village.md). Default: unknown (0).
    virtual uint64_t countAfter(const std::string &school, uint64_t after)
    {
        (void)school;
        (void)after;
        return 0;
    }
    // All records of a collection (optionally one school), by seq; deleted ones too.
    virtual std::vector<RecordState> recordsOf(const std::string &collection, const std::optional<std::string> &school) = 0;
    // One page of recordsOf: the records with seq > afterSeq, by seq, at most
    // `limit` (deleted ones too). Exports read a collection page by page inside
    // one read transaction, so 200,000 records never sit in memory at once
    // (index records_collection_seq). Default: filters recordsOf.
    virtual std::vector<RecordState> recordsOfPage(const std::string &collection, const std::optional<std::string> &school,
                                                   uint64_t afterSeq, size_t limit)
    {
        std::vector<RecordState> out;
        for (auto &r : recordsOf(collection, school))
            if (r.seq > afterSeq && out.size() < limit)
                out.push_back(std::move(r));
        return out;
    }
    // Every (collection, id, seq) of a school: recomputing a checksum from scratch.
    virtual std::vector<RecordState> allRecordsOfSchool(const std::string &school) = 0;

    // Rejections, remembered so that a retried push gets the same answer.
    virtual void putRejection(const std::string &device, const Rejection &r) = 0;
    virtual std::vector<Rejection> rejections(const std::string &device, uint64_t fromN, uint64_t toN) = 0;

    // Per-scope checksum sums (mod 2^64).
    virtual uint64_t scopeSum(const std::string &school) = 0;
    virtual void setScopeSum(const std::string &school, uint64_t sum) = 0;

    // Sign-in limits and their audit (append-only).
    virtual SignInThrottle signInThrottle(const std::string &key) = 0;
    virtual void setSignInThrottle(const std::string &key, const SignInThrottle &t) = 0; // failures 0: forget
    virtual void addSignInEvent(const SignInEvent &e) = 0;
    virtual std::vector<SignInEvent> signInEvents(const std::string &user) = 0; // oldest first; "" every user

    // Audit: who changed what.
    virtual void addAudit(const AuditEntry &e) = 0;
    virtual std::vector<AuditEntry> auditOf(const std::string &collection, const std::string &id) = 0;
    virtual std::vector<AuditEntry> auditEntries(const AuditQuery &q) = 0; // oldest first
    virtual void addAdminEvent(const AdminEvent &e) = 0;
    virtual std::vector<AdminEvent> adminEvents(int64_t since) = 0; // oldest first

    // Attachments (docs/village.md): which records (and so which schools) refer
    // to a file now, kept by storeChangedRecord in the write's transaction (a
    // record's references replace its previous ones; a deleted record has
    // none), and who uploaded it. GET /v1/attachments/{sha256} serves only to those.
    virtual void setAttachmentRefs(const std::string &collection, const std::string &id, const std::string &school,
                                   const std::vector<std::string> &sha256s) = 0;
    virtual std::vector<std::string> attachmentSchools(const std::string &sha256) = 0; // sorted
    virtual void addAttachmentUploader(const std::string &sha256, const std::string &user) = 0;
    virtual bool attachmentUploadedBy(const std::string &sha256, const std::string &user) = 0;
};

// RAII transaction: rolls back unless commit() was called. Inside an open
// transaction it joins it (the outer one commits or rolls back).
enum class TxMode { Write, Read };

class Transaction
{
public:
    explicit Transaction(Store &s, TxMode mode = TxMode::Write) : m_store(s), m_outer(s.inTransaction())
    {
        if (!m_outer) {
            if (mode == TxMode::Read)
                m_store.beginRead();
            else
                m_store.begin();
        }
    }
    ~Transaction()
    {
        if (!m_done && !m_outer) {
            try {
                m_store.rollback();
            } catch (...) {
            }
        }
    }
    void commit()
    {
        if (!m_outer)
            m_store.commit();
        m_done = true;
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

private:
    Store &m_store;
    bool m_outer;
    bool m_done = false;
};

} // namespace cx::server
