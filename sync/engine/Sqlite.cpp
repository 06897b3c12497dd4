#include "engine/Sqlite.h"

#include "engine/CipherSpeed.h"
#include "protocol/Errors.h"

namespace cx {

std::string cipherPragmas(const char *schema)
{
    const std::string s = std::string("PRAGMA ") + schema;
    return s + ".cipher_page_size = 8192;" + s + ".cipher_hmac_algorithm = HMAC_SHA256;";
}

int applyKey(sqlite3 *db, const DataKey &key, const char *schema)
{
    useFastPageCrypto();
    const std::string k = key.sqlcipherKey();
    int rc = sqlite3_key_v2(db, schema, k.data(), int(k.size()));
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, cipherPragmas(schema).c_str(), nullptr, nullptr, nullptr);
    return rc;
}

Db::Db(const std::string &path, const DataKey &key) : m_path(path)
{
    int rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open the local database " + path + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(ErrorKind::Storage, msg);
    }
    sqlite3_busy_timeout(m_db, 10000);
    sqlite3_extended_result_codes(m_db, 1);
    if (!key.empty()) {
        int krc = applyKey(m_db, key);
        // Reading the schema reads page 1: the key is right (or the file new).
        if (krc == SQLITE_OK)
            krc = sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
        if (krc != SQLITE_OK) {
            std::string msg = "cannot open the local database " + path + ": " +
                              ((krc & 0xff) == SQLITE_NOTADB ? std::string("it cannot be read with this device's key "
                                                                           "(damaged, or not this device's)")
                                                             : std::string(sqlite3_errmsg(m_db)));
            sqlite3_close(m_db);
            m_db = nullptr;
            throw Error(ErrorKind::Storage, msg);
        }
    }
}

Db::~Db()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Db::fail(int rc, std::string_view what) const
{
    int primary = rc & 0xff;
    std::string msg;
    if (primary == SQLITE_FULL)
        msg = "the disk is full: could not write the local database " + m_path;
    else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        msg = "the local database " + m_path + " is damaged (" + sqlite3_errstr(rc) + ")";
    else
        msg = "local database " + m_path + ": " + sqlite3_errmsg(m_db) + " (in: " + std::string(what.substr(0, 80)) + ")";
    throw Error(ErrorKind::Storage, msg);
}

void Db::exec(std::string_view sql)
{
    char *err = nullptr;
    std::string s(sql);
    int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (err)
        sqlite3_free(err);
    if (rc != SQLITE_OK)
        fail(rc, sql);
}

Stmt::Stmt(Db &db, std::string_view sql) : m_db(db), m_sql(sql)
{
    int rc = sqlite3_prepare_v3(db.handle(), m_sql.c_str(), int(m_sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc, sql);
}

Stmt::~Stmt() { sqlite3_finalize(m_stmt); }

Stmt &Stmt::bind(int i, std::string_view v)
{
    int rc = sqlite3_bind_text(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_db.fail(rc, m_sql);
    return *this;
}

Stmt &Stmt::bind(int i, int64_t v)
{
    int rc = sqlite3_bind_int64(m_stmt, i, v);
    if (rc != SQLITE_OK)
        m_db.fail(rc, m_sql);
    return *this;
}

Stmt &Stmt::bindNull(int i)
{
    sqlite3_bind_null(m_stmt, i);
    return *this;
}

Stmt &Stmt::bindOptional(int i, const std::optional<std::string> &v) { return v ? bind(i, std::string_view(*v)) : bindNull(i); }

bool Stmt::step()
{
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    m_db.fail(rc, m_sql);
}

void Stmt::run()
{
    while (step()) {
    }
    reset();
}

void Stmt::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int64_t Stmt::integer(int col) const { return sqlite3_column_int64(m_stmt, col); }

std::string Stmt::text(int col) const
{
    const unsigned char *p = sqlite3_column_text(m_stmt, col);
    return p ? std::string(reinterpret_cast<const char *>(p), size_t(sqlite3_column_bytes(m_stmt, col))) : std::string();
}

bool Stmt::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

Transaction::Transaction(Db &db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction()
{
    if (!m_done)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace cx
