#pragma once
// A small RAII layer over the SQLite C API: a connection, prepared statements,
// and transactions. Every failure becomes a cx::Error(Storage) that says what
// failed and where (the SQL and the file), with "disk full" called out.
#include "engine/DataKey.h"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cx {

class Db;

// Keys a connection to an encrypted replica (SQLCipher) with the data key and
// the page settings every connection to it must share (docs/security.md:
// 16 KB pages, so a record read or written costs a quarter of the page
// operations of SQLite's 4 KB default). Returns the SQLite result code.
int applyKey(sqlite3 *db, const DataKey &key, const char *schema = "main");
// The same for a database ATTACHed under `schema` with ATTACH ... KEY.
std::string cipherPragmas(const char *schema);

class Stmt
{
public:
    Stmt(Db &db, std::string_view sql);
    ~Stmt();
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    Stmt &bind(int i, std::string_view v);
    Stmt &bind(int i, int64_t v);
    Stmt &bindNull(int i);
    Stmt &bindOptional(int i, const std::optional<std::string> &v);

    bool step(); // true while a row is available
    void run();  // step to completion, reset
    void reset();

    int64_t integer(int col) const;
    std::string text(int col) const;
    bool isNull(int col) const;

private:
    Db &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    std::string m_sql;
};

class Db
{
public:
    // With a key, the file is encrypted (SQLCipher) and the key is checked at
    // once: a wrong key or a damaged file is an Error(Storage) here, not later.
    explicit Db(const std::string &path, const DataKey &key = DataKey::none());
    ~Db();
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    void exec(std::string_view sql);
    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }
    [[noreturn]] void fail(int rc, std::string_view what) const;

    bool inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

private:
    sqlite3 *m_db = nullptr;
    std::string m_path;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() was reached.
class Transaction
{
public:
    explicit Transaction(Db &db);
    ~Transaction();
    void commit();

private:
    Db &m_db;
    bool m_done = false;
};

} // namespace cx
