#pragma once
// One libpq connection, shared by the PostgreSQL store and the PostgreSQL
// attachment blobs: connects with errors that name the problem (never the
// password), prepares each statement once per connection, runs it with text
// (or binary) parameters, and maps PostgreSQL's failures to cx::Error kinds:
//   - the server unreachable or gone, serialization failure (40001), deadlock
//     (40P01), insufficient resources (53xxx), shutdown (57P01-57P03) and
//     other connection failures (08xxx): ErrorKind::Unavailable (retry, 503);
//   - a wrong password or unknown role (28xxx), no such database (3D000):
//     ErrorKind::Invalid, "cannot connect to PostgreSQL at HOST:PORT/DB: ...";
//   - anything else: ErrorKind::Storage.
// Used by one thread at a time.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace cx::server {

// "HOST:PORT/DB" of a libpq URI, for messages (no user, no password).
std::string pgDescribe(const std::string &uri);
// The URI with its password (if any) replaced by "***", for messages.
std::string pgRedact(const std::string &uri);

// A query's result; rows and columns as text (or bytes for binary results).
class PgResult
{
public:
    explicit PgResult(pg_result *r) : m_r(r) {}
    PgResult(PgResult &&o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;
    ~PgResult();

    int rows() const;
    bool isNull(int row, int col) const;
    std::string text(int row, int col) const; // a binary result: the bytes
    int64_t i64(int row, int col) const;
    uint64_t u64(int row, int col) const { return static_cast<uint64_t>(i64(row, col)); }
    bool boolean(int row, int col) const; // 't' / 'f'
    uint64_t affected() const;            // rows changed by INSERT/UPDATE/DELETE

private:
    pg_result *m_r;
};

// A parameter: text, or null (nullopt). Binary parameters are bytea bytes.
using PgParam = std::optional<std::string>;

class PgConnection
{
public:
    // Connects; throws as described above.
    explicit PgConnection(const std::string &uri);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // A prepared statement, prepared on this connection the first time it is
    // used. binaryParams: bit i set = parameter i is binary (bytea).
    PgResult run(const char *sql, const std::vector<PgParam> &params = {}, uint32_t binaryParams = 0, bool binaryResult = false);
    // A statement without parameters, not prepared (BEGIN, DDL).
    PgResult exec(const std::string &sql);

    bool inTransaction() const;
    bool inFailedTransaction() const;
    // The connection is up (reads what the server sent since the last
    // request, so a server that went away is noticed before the next one).
    bool usable();
    const std::string &where() const { return m_where; }
    // Statements sent since connecting (each run/exec is one round trip;
    // preparing a statement the first time is one more): the store's tests
    // count what a push costs.
    uint64_t statements() const { return m_statements; }

private:
    [[noreturn]] void fail(pg_result *r, const std::string &what);
    PgResult check(pg_result *r, const std::string &what);

    pg_conn *m_conn = nullptr;
    bool m_broken = false; // the server said it is going away
    uint64_t m_statements = 0;
    std::string m_where;                           // HOST:PORT/DB
    std::map<std::string, std::string> m_prepared; // SQL text -> statement name
};

// Helpers for values that PostgreSQL keeps as bigint.
inline std::string pgInt(int64_t v) { return std::to_string(v); }
inline std::string pgU64(uint64_t v) { return std::to_string(static_cast<int64_t>(v)); } // mod 2^64, as signed

} // namespace cx::server
