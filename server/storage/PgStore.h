#pragma once
// The PostgreSQL implementation of Store (libpq): a province's server, shared
// by any number of stateless `serve` instances. One PgStore is one connection;
// statements are prepared once per connection. Numbered migrations in meta
// like SqliteStore's, applied under an advisory lock (several instances may
// run `init` at once). Writers: READ COMMITTED plus row locks (the device row,
// then school_clock rows of the schools written, in sorted order); readers:
// REPEATABLE READ READ ONLY snapshots. Seqs come from a sequence (gaps allowed),
// taken in blocks once the transaction holds its schools' locks. Inside a
// write transaction, records, their attachment references and audit rows are
// kept here and sent as three array statements before the next query that
// could read them and at COMMIT: about one round trip per written record
// (reading it) instead of five.
// See docs/server.md ("PostgreSQL") and docs/protocol.md ("Change order").
#include "storage/Store.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace cx::server {

class PgConnection;

// "postgresql://..." or "postgres://..." (libpq's URI syntax).
bool isPostgresUri(const std::string &location);

// Connects to the database and (create) applies pending migrations, or
// (!create) refuses a database that was never initialised. Throws
// cx::Error(Unavailable) when the server cannot be reached, cx::Error(Invalid)
// for a wrong password or a missing database, naming the problem.
std::unique_ptr<Store> openPostgresStore(const std::string &uri, bool create);

class PgStore final : public Store
{
public:
    // Connects and migrates (see openPostgresStore).
    PgStore(const std::string &uri, bool create);
    ~PgStore() override;

    static int latestSchemaVersion();
    // Statements sent to PostgreSQL on this store's connection (tests).
    uint64_t statements() const;

    void begin() override;
    void beginRead() override;
    void commit() override;
    void rollback() override;
    bool inTransaction() override;
    bool usable() override;

    int schemaVersion() override;
    std::optional<std::string> meta(const std::string &key) override;
    void setMeta(const std::string &key, const std::string &value) override;
    uint64_t nextSeq() override;
    uint64_t lastSeq() override;
    void lockSchools(const std::vector<std::string> &schools) override;
    uint64_t serverHlc(const std::string &school) override;
    void setServerHlc(const std::string &school, uint64_t hlc) override;

    void putSchool(const School &s) override;
    std::optional<School> school(const std::string &code) override;
    std::vector<School> schools() override;

    void putAccount(const Account &a) override;
    std::optional<Account> account(const std::string &user) override;
    std::vector<Account> accounts() override;
    void setAccountRevoked(const std::string &user, bool revoked) override;
    void setAccountAdmin(const std::string &user, bool admin) override;
    void insertEnrolCode(const EnrolCode &c) override;
    std::optional<EnrolCode> enrolCode(const std::string &hash) override;
    std::vector<EnrolCode> enrolCodesOf(const std::string &user) override;
    bool useEnrolCode(const std::string &hash, const std::string &device, int64_t at) override;
    int revokeEnrolCodesOf(const std::string &user) override;

    uint32_t insertDevice(const Device &d) override;
    std::optional<Device> device(const std::string &id) override;
    std::optional<Device> deviceByTokenHash(const std::string &hash) override;
    std::optional<Device> deviceForUpdate(const std::string &id) override;
    void setDeviceToken(const std::string &id, const std::string &tokenHash, const std::string &name, int64_t now) override;
    void setDeviceProgress(const std::string &id, uint64_t lastCounter, int64_t lastSeen) override;
    int revokeDevicesOf(const std::string &user) override;
    std::vector<Device> devicesOf(const std::string &user) override;
    std::vector<Device> allDevices() override;
    std::optional<Device> deviceByNextTokenHash(const std::string &hash) override;
    void setDeviceTokens(const std::string &id, const std::string &tokenHash, const std::string &nextTokenHash,
                         int64_t tokenExpires, int64_t tokenRenewed) override;
    void promoteNextToken(const std::string &id, const std::string &nextTokenHash) override;
    void setDeviceContact(const std::string &id, const std::string &lastSource, const std::string &appVersion,
                          int64_t tokenExpires, int64_t tokenRenewed) override;
    bool revokeDevice(const std::string &id) override;
    void setDeviceWipeSent(const std::string &id, int64_t at) override;
    void setDeviceHealth(const std::string &id, const std::string &health, int64_t at) override;

    std::optional<RecordState> record(const std::string &collection, const std::string &id) override;
    void putRecord(const RecordState &r) override;
    std::vector<RecordState> recordsAfter(const std::string &school, uint64_t after, size_t limit) override;
    uint64_t maxSeq(const std::string &school) override;
    uint64_t countAfter(const std::string &school, uint64_t after) override;
    std::vector<RecordState> recordsOf(const std::string &collection, const std::optional<std::string> &school) override;
    std::vector<RecordState> recordsOfPage(const std::string &collection, const std::optional<std::string> &school,
                                           uint64_t afterSeq, size_t limit) override;
    std::vector<RecordState> allRecordsOfSchool(const std::string &school) override;

    void putRejection(const std::string &device, const Rejection &r) override;
    std::vector<Rejection> rejections(const std::string &device, uint64_t fromN, uint64_t toN) override;

    uint64_t scopeSum(const std::string &school) override;
    void setScopeSum(const std::string &school, uint64_t sum) override;

    SignInThrottle signInThrottle(const std::string &key) override;
    void setSignInThrottle(const std::string &key, const SignInThrottle &t) override;
    void addSignInEvent(const SignInEvent &e) override;
    std::vector<SignInEvent> signInEvents(const std::string &user) override;

    void addAudit(const AuditEntry &e) override;
    std::vector<AuditEntry> auditOf(const std::string &collection, const std::string &id) override;
    std::vector<AuditEntry> auditEntries(const AuditQuery &q) override;
    void addAdminEvent(const AdminEvent &e) override;
    std::vector<AdminEvent> adminEvents(int64_t since) override;

    void setAttachmentRefs(const std::string &collection, const std::string &id, const std::string &school,
                           const std::vector<std::string> &sha256s) override;
    std::vector<std::string> attachmentSchools(const std::string &sha256) override;
    void addAttachmentUploader(const std::string &sha256, const std::string &user) override;
    bool attachmentUploadedBy(const std::string &sha256, const std::string &user) override;

private:
    void migrate(bool create, const std::string &uri);
    void flushSchoolRows();
    // The connection, after sending the writes kept since the last query
    // (every read of records, attachment references or the audit; record()
    // looks in the kept writes first).
    PgConnection &db();
    // The connection as it is, for reads of tables that are never kept
    // (see PgStore.cpp): no writes are sent first.
    PgConnection &direct();
    void flushWrites();
    void clearTransactionState();

    std::unique_ptr<PgConnection> m_db;
    // A school's clock and scope sum while this write transaction holds its
    // lock (lockSchools): nobody else can change them until COMMIT, so they
    // are read once, kept here, and written once at commit, instead of a
    // read and a write per record (two round trips each). Cleared at every
    // begin, commit and rollback.
    struct SchoolRow {
        uint64_t hlc = 0;
        std::optional<uint64_t> sum;
        bool hlcDirty = false, sumDirty = false;
    };
    std::map<std::string, SchoolRow> m_locked;

    // Seqs taken from the sequence and not used yet. Taken only after the
    // transaction holds the locks of the schools it writes, dropped when it
    // locks another one (docs/protocol.md, "Change order"), so a seq never
    // precedes its school's lock; unused ones are gaps.
    std::vector<uint64_t> m_seqs;
    size_t m_seqBlock = 1; // the next block's size (grows while a transaction writes)

    // Writes kept until the next query or COMMIT (only inside a transaction).
    using Key = std::pair<std::string, std::string>; // collection, id
    std::map<Key, RecordState> m_records;
    struct Refs {
        std::string school;
        std::vector<std::string> sha256s;
    };
    std::map<Key, Refs> m_refs;
    std::vector<AuditEntry> m_audit; // in order
};

} // namespace cx::server
