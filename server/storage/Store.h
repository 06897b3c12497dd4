#pragma once
// The bureau's storage, behind an interface so that SQLite (embedded, the
// default) and PostgreSQL (production, later) are interchangeable. Every
// method runs inside the caller's transaction when one is open; the sync
// handler opens exactly one per request (see Transaction below).
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
    std::string pwHash;                        // cx::hashPassword form, never the password
    bool revoked = false;
    std::vector<std::string> schools;          // assigned schools (bureau: may be empty)
};

struct Device {
    std::string id;                            // the device's UUIDv7
    std::string user;
    uint32_t node = 0;                         // >= 1; 0 is the server
    std::string tokenHash;                     // SHA-256 hex of the token
    std::string name;
    uint64_t lastCounter = 0;                  // last applied mutation n
    bool revoked = false;
    int64_t created = 0;
    int64_t lastSeen = 0;
};

struct AuditEntry {
    uint64_t seq = 0;                          // the record's seq after the write
    int64_t at = 0;
    std::string user;
    std::string device;                        // "" for server-side writes (admin, import)
    std::string collection;
    std::string id;
    Json mutation;
};

class Store {
public:
    virtual ~Store() = default;

    // Transactions. begin() takes the write lock at once (SQLite: BEGIN IMMEDIATE).
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool inTransaction() = 0;

    // meta: schema version, last assigned seq, server hlc.
    virtual int schemaVersion() = 0;
    virtual std::optional<std::string> meta(const std::string &key) = 0;
    virtual void setMeta(const std::string &key, const std::string &value) = 0;
    virtual uint64_t nextSeq() = 0;            // one global counter; call inside a transaction
    virtual uint64_t lastSeq() = 0;

    // Schools.
    virtual void putSchool(const School &s) = 0; // insert or update
    virtual std::optional<School> school(const std::string &code) = 0;
    virtual std::vector<School> schools() = 0;  // sorted by code

    // Accounts.
    virtual void putAccount(const Account &a) = 0; // insert or replace, with its schools
    virtual std::optional<Account> account(const std::string &user) = 0;
    virtual std::vector<Account> accounts() = 0;
    virtual void setAccountRevoked(const std::string &user, bool revoked) = 0;

    // Devices.
    virtual uint32_t insertDevice(const Device &d) = 0; // assigns and returns the next free node
    virtual std::optional<Device> device(const std::string &id) = 0;
    virtual std::optional<Device> deviceByTokenHash(const std::string &hash) = 0;
    virtual void setDeviceToken(const std::string &id, const std::string &tokenHash, const std::string &name,
                                int64_t now) = 0;
    virtual void setDeviceProgress(const std::string &id, uint64_t lastCounter, int64_t lastSeen) = 0;
    virtual int revokeDevicesOf(const std::string &user) = 0; // returns how many were active
    virtual std::vector<Device> devicesOf(const std::string &user) = 0;

    // Records (the RecordState, keyed by (collection, id)).
    virtual std::optional<RecordState> record(const std::string &collection, const std::string &id) = 0;
    virtual void putRecord(const RecordState &r) = 0; // insert or replace
    // Records of a school with seq > after, by seq, at most `limit`.
    virtual std::vector<RecordState> recordsAfter(const std::string &school, uint64_t after, size_t limit) = 0;
    virtual uint64_t maxSeq(const std::string &school) = 0;
    // How many records of a school have seq > after (the remaining-download
    // estimate of docs/village.md). Default: unknown (0).
    virtual uint64_t countAfter(const std::string &school, uint64_t after) { (void)school; (void)after; return 0; }
    // All records of a collection (optionally one school), by seq; deleted ones too.
    virtual std::vector<RecordState> recordsOf(const std::string &collection,
                                               const std::optional<std::string> &school) = 0;
    // Every (collection, id, seq) of a school: recomputing a checksum from scratch.
    virtual std::vector<RecordState> allRecordsOfSchool(const std::string &school) = 0;

    // Rejections, remembered so that a retried push gets the same answer.
    virtual void putRejection(const std::string &device, const Rejection &r) = 0;
    virtual std::vector<Rejection> rejections(const std::string &device, uint64_t fromN, uint64_t toN) = 0;

    // Per-scope checksum sums (mod 2^64).
    virtual uint64_t scopeSum(const std::string &school) = 0;
    virtual void setScopeSum(const std::string &school, uint64_t sum) = 0;

    // Audit: who changed what.
    virtual void addAudit(const AuditEntry &e) = 0;
    virtual std::vector<AuditEntry> auditOf(const std::string &collection, const std::string &id) = 0;

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
class Transaction {
public:
    explicit Transaction(Store &s) : m_store(s), m_outer(s.inTransaction())
    {
        if (!m_outer)
            m_store.begin();
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
