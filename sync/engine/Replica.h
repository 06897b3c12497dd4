#pragma once
// The device's local replica: one SQLite file per signed-in account (WAL),
// numbered schema migrations, and the tables the engine needs:
//   meta     key/value: device id, token, server, account, clock, counters
//   records  per record: the visible values (server state + local edits), the
//            last server state, its seq, the derived sync state
//   outbox   the device's mutations not yet acknowledged (or rejected)
//   scopes   per scope (school code or "*"): pull cursor and checksum sum
//   errors   recent errors the person can see
// It knows SQL, not sync rules: Engine decides, Replica stores.
#include "engine/Sqlite.h"
#include "engine/StoredNames.h"
#include "protocol/Messages.h"
#include "protocol/Record.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cx {

struct OutboxEntry {
    Mutation mutation;
    std::string state;  // pending | sent | rejected
    std::string reason; // for rejected
    Json fieldReasons = Json::object();
};

struct StoredRecord {
    StoredRecord() = default;
    StoredRecord(std::string c, std::string i, std::string s) // a record this device has not stored yet
        : collection(std::move(c)), id(std::move(i)), school(std::move(s))
    {}

    std::string collection, id, school;
    Json fields = Json::object();
    bool deleted = false;
    std::optional<RecordState> server;
    std::string state;
    int64_t updated = 0;
};

// A stored record from a row of kRecordColumns, and an outbox entry from a row
// of kOutboxColumns. Row is a statement on the engine's connection (cx::Stmt)
// or on RecordQuery's own: anything with text(), integer() and isNull().
inline constexpr const char *kRecordColumns = "collection, id, school, fields, deleted, server, state, updated";
inline constexpr const char *kOutboxColumns = "body, state, reason, field_reasons";

template <class Row> StoredRecord readStoredRecord(const Row &q)
{
    StoredRecord r;
    r.collection = q.text(0);
    r.id = q.text(1);
    r.school = q.text(2);
    r.fields = parseJson(q.text(3), "a stored record");
    r.deleted = q.integer(4) != 0;
    if (!q.isNull(5))
        r.server = RecordState::fromJson(parseJson(q.text(5), "a stored server state"), "stored");
    r.state = q.text(6);
    r.updated = q.integer(7);
    return r;
}

template <class Row> OutboxEntry readOutboxEntry(const Row &q)
{
    OutboxEntry e;
    e.mutation = Mutation::fromJson(parseJson(q.text(0), "an outbox entry"), "outbox");
    e.state = q.text(1);
    e.reason = q.text(2);
    if (!q.isNull(3))
        e.fieldReasons = parseJson(q.text(3), "an outbox entry");
    return e;
}

struct ScopeRow {
    std::string school;
    uint64_t cursor = 0;
    uint64_t sum = 0;
};

class Replica
{
public:
    static constexpr int kSchemaVersion = 3; // 2: attachments, 3: record_refs

    explicit Replica(const std::string &path, const DataKey &key = DataKey::none());

    Db &db() { return m_db; }
    int schemaVersion();

    std::optional<std::string> meta(const std::string &key);
    void setMeta(const std::string &key, const std::string &value);

    std::optional<StoredRecord> record(const std::string &collection, const std::string &id);
    void saveRecord(const StoredRecord &r); // and its attachment references (record_refs)
    void deleteRecord(const std::string &collection, const std::string &id);
    std::vector<StoredRecord> records(const std::string &collection, bool includeDeleted);
    std::vector<StoredRecord> recordsInState(const std::string &state);

    uint64_t appendOutbox(Mutation m);            // assigns n, returns it
    void replacePendingOutbox(const Mutation &m); // same n, still unsent
    std::vector<OutboxEntry> outboxFor(const std::string &collection, const std::string &id);
    // Up to maxBytes of changes (at least one), never more than
    // kMaxChangesPerPush (the server refuses over 10,000 in one request), and
    // no more edits of records the server holds than kMaxReplyStateBytes of
    // their states: the reply carries each such record whole (only a new
    // record comes back as [n, seq]), and a reply may inflate to 64 MiB at most.
    static constexpr size_t kMaxChangesPerPush = 5000;
    static constexpr size_t kMaxReplyStateBytes = 8u << 20;
    std::vector<OutboxEntry> outboxToSend(size_t maxBytes, size_t maxChanges = kMaxChangesPerPush,
                                          size_t maxReplyState = kMaxReplyStateBytes);
    void setOutboxState(uint64_t n, const std::string &state, const std::string &reason = {},
                        const Json &fieldReasons = Json::object());
    void removeOutbox(uint64_t n);
    std::vector<uint64_t> outboxUpTo(uint64_t n);
    int outboxCount(const std::string &state);

    std::vector<ScopeRow> scopes();
    void saveScope(const ScopeRow &s);

    void logError(const std::string &kind, const std::string &message);
    std::vector<std::pair<int64_t, std::string>> recentErrors(int limit);

private:
    void migrate();
    void saveRefs(const StoredRecord &r);

    Db m_db;
};

} // namespace cx
