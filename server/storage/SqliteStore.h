#pragma once
// The embedded SQLite implementation of Store: one file, WAL, numbered schema
// migrations recorded in the meta table, prepared statements only (cached).
// One connection, used by one thread at a time; the server opens one per
// worker (StorePool). WAL: readers run beside the one writer; a writer waits
// up to 10 s for the write lock (then cx::Error(Unavailable): retry).
#include "storage/Store.h"

#include <map>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace cx::server {

class SqliteStore final : public Store
{
public:
    // Opens (creating if `create`) and migrates to the newest schema. Throws
    // cx::Error(Storage) naming the file and the problem.
    explicit SqliteStore(const std::string &path, bool create = true);
    ~SqliteStore() override;

    static int latestSchemaVersion();
    // PRAGMA synchronous of this connection (2 = FULL: a commit is on disk
    // before it returns, so an acknowledged write survives a power cut).
    int synchronousLevel();

    void begin() override;
    void beginRead() override;
    void commit() override;
    void rollback() override;
    bool inTransaction() override;

    int schemaVersion() override;
    std::optional<std::string> meta(const std::string &key) override;
    void setMeta(const std::string &key, const std::string &value) override;
    uint64_t nextSeq() override;
    uint64_t lastSeq() override;

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

    class Stmt;

private:
    Stmt &prepare(const char *sql);
    void exec(const char *sql);
    void migrate();
    [[noreturn]] void fail(const std::string &what);

    sqlite3 *m_db = nullptr;
    std::string m_path;
    std::map<std::string, std::unique_ptr<Stmt>> m_stmts; // keyed by the SQL text
};

} // namespace cx::server
