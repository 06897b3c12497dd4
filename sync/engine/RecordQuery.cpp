#include "engine/RecordQuery.h"

#include "protocol/Errors.h"

#include <sqlite3.h>

namespace cx {

// A prepared statement on the query's connection; failures name the SQL and the file.
struct RecordQuery::Stmt {
    RecordQuery &q;
    sqlite3_stmt *s = nullptr;
    Stmt(RecordQuery &owner, const std::string &sql) : q(owner)
    {
        if (sqlite3_prepare_v2(q.m_db, sql.c_str(), int(sql.size()), &s, nullptr) != SQLITE_OK)
            q.fail("in: " + sql.substr(0, 80));
    }
    ~Stmt() { sqlite3_finalize(s); }
    Stmt &bind(int i, const std::string &v)
    {
        sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt &bind(int i, int64_t v)
    {
        sqlite3_bind_int64(s, i, v);
        return *this;
    }
    bool step()
    {
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            q.fail(std::string("in: ") + sqlite3_sql(s));
        return false;
    }
    std::string text(int c) const
    {
        auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, c));
        return p ? std::string(p, size_t(sqlite3_column_bytes(s, c))) : std::string();
    }
    int64_t integer(int c) const { return sqlite3_column_int64(s, c); }
    bool isNull(int c) const { return sqlite3_column_type(s, c) == SQLITE_NULL; }
};

namespace {

// JSON path of a field; names are [a-z][a-z0-9_]* (checked), so quoting is enough.
std::string pathOf(const std::string &field) { return "$.\"" + field + "\""; }

// The field's value as text: booleans as true/false, missing or null as "".
std::string textOf(const std::string &path)
{
    return "(CASE json_type(r.fields, '" + path +
           "') WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
           "WHEN 'null' THEN '' ELSE coalesce(CAST(json_extract(r.fields, '" +
           path + "') AS TEXT), '') END)";
}

// Transaction for reading: one snapshot for a statement and the outbox reads after it.
struct ReadTxn {
    sqlite3 *db;
    bool open = false;
    explicit ReadTxn(sqlite3 *d) : db(d) { open = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK; }
    ~ReadTxn()
    {
        if (open)
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
};

void textKeyFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *key = static_cast<RecordQuery::TextKey *>(sqlite3_user_data(ctx));
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    std::string_view v(reinterpret_cast<const char *>(sqlite3_value_text(argv[0])), size_t(sqlite3_value_bytes(argv[0])));
    std::string k = (*key)(v);
    sqlite3_result_blob(ctx, k.data(), int(k.size()), SQLITE_TRANSIENT);
}

// kRecordColumns, qualified (the selection joins temp.sel), for readStoredRecord.
constexpr const char *kColumns = "r.collection, r.id, r.school, r.fields, r.deleted, r.server, r.state, r.updated";

} // namespace

RecordQuery::RecordQuery(const std::string &dbPath, const DataKey &key, TextKey textKey) : m_path(dbPath)
{
    int rc = sqlite3_open_v2(dbPath.c_str(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg =
            "cannot open the local database " + dbPath + " for reading: " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(ErrorKind::Storage, msg);
    }
    if (!key.empty()) {
        applyKey(m_db, key);
    }
    sqlite3_busy_timeout(m_db, 10000);
    sqlite3_extended_result_codes(m_db, 1);
    // The kept selection is ids only (about 50 bytes a row): memory, not a file.
    sqlite3_exec(m_db, "PRAGMA temp_store=MEMORY", nullptr, nullptr, nullptr);
    if (sqlite3_exec(m_db, "CREATE TEMP TABLE sel(n INTEGER PRIMARY KEY, id TEXT NOT NULL)", nullptr, nullptr, nullptr) !=
        SQLITE_OK)
        fail("creating the temporary selection");
    if (textKey) {
        m_textKey = std::make_unique<TextKey>(std::move(textKey));
        sqlite3_create_function_v2(m_db, "cx_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, m_textKey.get(), textKeyFunction,
                                   nullptr, nullptr, nullptr);
    }
}

RecordQuery::~RecordQuery()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

void RecordQuery::fail(const std::string &what) const
{
    int rc = sqlite3_extended_errcode(m_db);
    int primary = rc & 0xff;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        throw Error(ErrorKind::Storage, "the local database " + m_path + " is damaged (" + sqlite3_errstr(rc) + ")");
    throw Error(ErrorKind::Storage, "reading the local database " + m_path + ": " + sqlite3_errmsg(m_db) + " (" + what + ")");
}

std::string RecordQuery::whereClause(const RecordSelection &s, std::vector<std::string> &binds) const
{
    // ?1 is the collection.
    std::string w = "r.collection=?1 AND r.deleted=0";
    std::string needle;
    for (char c : s.search)
        needle += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    while (!needle.empty() && needle.back() == ' ')
        needle.pop_back();
    while (!needle.empty() && needle.front() == ' ')
        needle.erase(needle.begin());
    if (!needle.empty()) {
        std::string hay;
        for (const auto &f : s.searchFields) {
            if (!isValidName(f))
                continue;
            hay += (hay.empty() ? "" : " || ' ' || ") + std::string("coalesce(json_extract(r.fields, '") + pathOf(f) + "'), '')";
        }
        if (!hay.empty()) {
            binds.push_back(needle);
            w += " AND instr(lower(" + hay + "), ?" + std::to_string(binds.size() + 1) + ") > 0";
        }
    }
    for (const auto &c : s.conditions) {
        if (!isValidName(c.field))
            throw Error(ErrorKind::Invalid, "\"" + c.field + "\" is not a field name");
        const std::string t = textOf(pathOf(c.field));
        if (c.op == FieldCondition::NotEmpty) {
            w += " AND " + t + " <> ''";
            continue;
        }
        static const char *const ops[] = {"=", "<>", "<", "<=", ">", ">="};
        binds.push_back(c.value);
        w += " AND " + t + " " + ops[c.op] + " ?" + std::to_string(binds.size() + 1);
    }
    return w;
}

std::string RecordQuery::orderClause(const RecordSelection &s) const
{
    if (s.sortField.empty() || !isValidName(s.sortField))
        return " ORDER BY r.id";
    std::string v = "json_extract(r.fields, '" + pathOf(s.sortField) + "')";
    if (m_textKey)
        v = "cx_key(" + v + ")";
    return " ORDER BY " + v + (s.descending ? " DESC" : "") + ", r.id";
}

size_t RecordQuery::select(const RecordSelection &s)
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> binds;
    const std::string where = whereClause(s, binds);
    ReadTxn txn(m_db);
    if (sqlite3_exec(m_db, "DELETE FROM temp.sel", nullptr, nullptr, nullptr) != SQLITE_OK)
        fail("clearing the temporary selection");
    m_selected = 0;
    m_selectedCollection = s.collection;
    Stmt q(*this, "INSERT INTO temp.sel(id) SELECT r.id FROM main.records r WHERE " + where + orderClause(s));
    q.bind(1, s.collection);
    for (size_t i = 0; i < binds.size(); ++i)
        q.bind(int(i + 2), binds[i]);
    q.step();
    m_selected = size_t(sqlite3_changes(m_db));
    return m_selected;
}

size_t RecordQuery::selected()
{
    std::lock_guard lock(m_mutex);
    return m_selected;
}

std::string RecordQuery::user()
{
    Stmt q(*this, "SELECT value FROM main.meta WHERE key='user'");
    return q.step() ? q.text(0) : std::string();
}

LocalRecord RecordQuery::toLocal(Stmt &q, const std::string &user)
{
    const StoredRecord r = readStoredRecord(q);
    return localRecordOf(
        r,
        [&] {
            std::vector<OutboxEntry> outbox;
            Stmt o(*this, std::string("SELECT ") + kOutboxColumns + " FROM main.outbox WHERE collection=?1 AND id=?2 ORDER BY n");
            o.bind(1, r.collection).bind(2, r.id);
            while (o.step())
                outbox.push_back(readOutboxEntry(o));
            return outbox;
        },
        user);
}

std::vector<LocalRecord> RecordQuery::readRows(Stmt &q)
{
    std::vector<LocalRecord> out;
    std::optional<std::string> who;
    while (q.step()) {
        if (!who && q.text(6) != "confirmed")
            who = user();
        out.push_back(toLocal(q, who.value_or(std::string())));
    }
    return out;
}

std::vector<LocalRecord> RecordQuery::rows(size_t offset, size_t limit)
{
    std::lock_guard lock(m_mutex);
    if (limit == 0 || offset >= m_selected)
        return {};
    ReadTxn txn(m_db);
    Stmt q(*this, std::string("SELECT ") + kColumns +
                      " FROM temp.sel s JOIN main.records r ON r.collection=?1 AND r.id=s.id"
                      " WHERE s.n > ?2 AND s.n <= ?3 ORDER BY s.n");
    q.bind(1, m_selectedCollection).bind(2, int64_t(offset)).bind(3, int64_t(offset + std::min(limit, m_selected)));
    return readRows(q);
}

size_t RecordQuery::count(const RecordSelection &s)
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> binds;
    Stmt q(*this, "SELECT count(*) FROM main.records r WHERE " + whereClause(s, binds));
    q.bind(1, s.collection);
    for (size_t i = 0; i < binds.size(); ++i)
        q.bind(int(i + 2), binds[i]);
    q.step();
    return size_t(q.integer(0));
}

std::vector<LocalRecord> RecordQuery::list(const RecordSelection &s, size_t limit)
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> binds;
    const std::string where = whereClause(s, binds);
    ReadTxn txn(m_db);
    Stmt q(*this, std::string("SELECT ") + kColumns + " FROM main.records r WHERE " + where + orderClause(s) + " LIMIT ?" +
                      std::to_string(binds.size() + 2));
    q.bind(1, s.collection);
    for (size_t i = 0; i < binds.size(); ++i)
        q.bind(int(i + 2), binds[i]);
    q.bind(int(binds.size() + 2), limit > size_t(INT64_MAX) ? int64_t(-1) : int64_t(limit));
    return readRows(q);
}

std::optional<LocalRecord> RecordQuery::get(const std::string &collection, const std::string &id)
{
    std::lock_guard lock(m_mutex);
    ReadTxn txn(m_db);
    Stmt q(*this, std::string("SELECT ") + kColumns + " FROM main.records r WHERE r.collection=?1 AND r.id=?2");
    q.bind(1, collection).bind(2, id);
    auto rs = readRows(q);
    if (rs.empty())
        return std::nullopt;
    return std::move(rs.front());
}

size_t RecordQuery::countInState(const std::string &state, const std::string &collection)
{
    std::lock_guard lock(m_mutex);
    Stmt q(*this, collection.empty() ? "SELECT count(*) FROM main.records WHERE state=?1"
                                     : "SELECT count(*) FROM main.records WHERE state=?1 AND collection=?2");
    q.bind(1, state);
    if (!collection.empty())
        q.bind(2, collection);
    q.step();
    return size_t(q.integer(0));
}

std::vector<std::string> RecordQuery::distinct(const std::string &collection, const std::string &field)
{
    std::lock_guard lock(m_mutex);
    if (!isValidName(field))
        throw Error(ErrorKind::Invalid, "\"" + field + "\" is not a field name");
    const std::string t = textOf(pathOf(field));
    Stmt q(*this, "SELECT DISTINCT " + t + " AS v FROM main.records r WHERE r.collection=?1 AND r.deleted=0 AND v <> ''");
    q.bind(1, collection);
    std::vector<std::string> out;
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

} // namespace cx
