#pragma once
// RecordQuery: a read-only view of the replica for lists that must scale (a
// roster of 20,000 pupils): search, conditions and sort are done in SQL over
// the visible values the engine stores on each record, and rows are read a
// page at a time. It opens its OWN read-only connection to the replica file,
// so a reader never waits for the engine's mutex while a sync writes on the
// engine's connection (WAL lets readers and one writer run together).
//
// The rows it returns are the same LocalRecords Engine::get/list return (the
// same fields, state, conflicts and rejection), read from the same tables.
// One RecordQuery is one connection; its methods may be called from any
// thread, one at a time (an internal mutex serializes them).
#include "engine/Engine.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace cx {

// A condition on one field, compared as the field's text ("3", "true", "2025-09-01";
// a missing field or null is ""). Lt..Ge compare text (ISO dates compare as dates).
struct FieldCondition {
    enum Op { Eq, Ne, Lt, Le, Gt, Ge, NotEmpty };
    std::string field;
    Op op = Eq;
    std::string value;
};

struct RecordSelection {
    std::string collection;
    std::string search; // substring of the search fields, case-insensitive (ASCII)
    std::vector<std::string> searchFields = {"name", "code", "title"};
    std::vector<FieldCondition> conditions; // all must hold
    std::string sortField;                  // empty: by id
    bool descending = false;                // ties always by id, ascending
};

class RecordQuery
{
public:
    // Orders text values for sort (e.g. a collation key for Chinese names);
    // without one, text sorts by code point.
    using TextKey = std::function<std::string(std::string_view)>;

    // Opens dbPath read-only. Throws cx::Error(Storage) naming the file.
    // key: the replica's data key (Engine::key()).
    RecordQuery(const std::string &dbPath, const DataKey &key, TextKey textKey = {});
    ~RecordQuery();
    RecordQuery(const RecordQuery &) = delete;
    RecordQuery &operator=(const RecordQuery &) = delete;

    // Runs the selection and keeps the matching ids in order (a temporary
    // table on this connection; ids only). Returns how many match.
    size_t select(const RecordSelection &s);
    size_t selected();
    // Rows [offset, offset + limit) of the last select(). A record deleted
    // since is left out.
    std::vector<LocalRecord> rows(size_t offset, size_t limit);

    // One-off reads that do not touch the kept selection.
    size_t count(const RecordSelection &s);
    std::vector<LocalRecord> list(const RecordSelection &s, size_t limit = size_t(-1));
    std::optional<LocalRecord> get(const std::string &collection, const std::string &id);
    // Records of every collection in a sync state ("rejected", "conflict"), as
    // many as Engine::rejected() / conflicts() return.
    // With a collection, only that collection's.
    size_t countInState(const std::string &state, const std::string &collection = {});
    // The distinct non-empty text values of a field over a collection's live records.
    std::vector<std::string> distinct(const std::string &collection, const std::string &field);

    const std::string &path() const { return m_path; }

private:
    struct Stmt;
    std::string whereClause(const RecordSelection &s, std::vector<std::string> &binds) const;
    std::string orderClause(const RecordSelection &s) const;
    std::vector<LocalRecord> readRows(Stmt &q);
    LocalRecord toLocal(Stmt &q, const std::string &user);
    std::string user();
    [[noreturn]] void fail(const std::string &what) const;

    std::string m_path;
    sqlite3 *m_db = nullptr;
    std::unique_ptr<TextKey> m_textKey;
    std::mutex m_mutex;
    std::string m_selectedCollection;
    size_t m_selected = 0;
};

} // namespace cx
