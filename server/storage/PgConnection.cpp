#include "storage/PgConnection.h"

#include "protocol/Errors.h"

#include <libpq-fe.h>

#include <cerrno>
#include <cstdlib>
#include <sys/socket.h>
#include <cstring>

namespace cx::server {

namespace {

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

// libpq's "connection to server at "h", port p failed: FATAL:  reason" -> "reason".
std::string reasonOf(const std::string &libpqMessage)
{
    // One line per attempt (a host name with several addresses), each maybe
    // followed by a hint on a tab-indented line: the last attempt's line.
    std::string s = trimmed(libpqMessage);
    for (size_t at = 0, nl; at < libpqMessage.size(); at = nl + 1) {
        nl = libpqMessage.find('\n', at);
        if (nl == std::string::npos)
            nl = libpqMessage.size();
        const std::string line = libpqMessage.substr(at, nl - at);
        if (line.rfind("connection to server", 0) == 0)
            s = line;
    }
    if (auto nl = s.find('\n'); nl != std::string::npos)
        s = s.substr(0, nl);
    if (auto f = s.find(" failed: "); f != std::string::npos && s.rfind("connection to server", 0) == 0)
        s = s.substr(f + 9);
    for (const char *p : {"FATAL:  ", "ERROR:  "})
        if (s.rfind(p, 0) == 0)
            s = s.substr(std::strlen(p));
    return trimmed(s);
}

bool contains(const std::string &s, const char *part) { return s.find(part) != std::string::npos; }

} // namespace

std::string pgDescribe(const std::string &uri)
{
    char *err = nullptr;
    PQconninfoOption *opts = PQconninfoParse(uri.c_str(), &err);
    if (!opts) {
        std::string msg = err ? trimmed(err) : "not a PostgreSQL URI";
        PQfreemem(err);
        return "(" + msg + ")";
    }
    std::string host, port, db, user;
    for (PQconninfoOption *o = opts; o->keyword; ++o) {
        const std::string k = o->keyword, v = o->val ? o->val : "";
        if (k == "host")
            host = v;
        else if (k == "port")
            port = v;
        else if (k == "dbname")
            db = v;
        else if (k == "user")
            user = v;
    }
    PQconninfoFree(opts);
    if (host.empty())
        host = "localhost";
    if (port.empty())
        port = "5432";
    if (db.empty())
        db = user;
    return host + ":" + port + "/" + db;
}

std::string pgRedact(const std::string &uri)
{
    // postgresql://user:password@host... -> postgresql://user:***@host...
    std::string out = uri;
    const auto scheme = out.find("://");
    if (scheme != std::string::npos) {
        const auto at = out.find('@', scheme + 3);
        const auto slash = out.find('/', scheme + 3);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            const auto colon = out.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at)
                out.replace(colon + 1, at - colon - 1, "***");
        }
    }
    // ...?password=secret
    for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
        const auto end = out.find('&', p);
        out.replace(p + 9, (end == std::string::npos ? out.size() : end) - p - 9, "***");
    }
    return out;
}

PgResult::~PgResult()
{
    if (m_r)
        PQclear(m_r);
}

int PgResult::rows() const { return PQntuples(m_r); }
bool PgResult::isNull(int row, int col) const { return PQgetisnull(m_r, row, col) != 0; }
std::string PgResult::text(int row, int col) const
{
    return std::string(PQgetvalue(m_r, row, col), size_t(PQgetlength(m_r, row, col)));
}
int64_t PgResult::i64(int row, int col) const { return std::strtoll(PQgetvalue(m_r, row, col), nullptr, 10); }
bool PgResult::boolean(int row, int col) const { return PQgetvalue(m_r, row, col)[0] == 't'; }
uint64_t PgResult::affected() const
{
    const char *n = PQcmdTuples(m_r);
    return n && *n ? std::strtoull(n, nullptr, 10) : 0;
}

PgConnection::PgConnection(const std::string &uri) : m_where(pgDescribe(uri))
{
    // Our defaults first; the URI's own settings override them.
    const char *keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char *values[] = {"10", "cunxiao-server", uri.c_str(), nullptr};
    m_conn = PQconnectdbParams(keys, values, 1);
    if (!m_conn)
        throw Error(ErrorKind::Unavailable, "cannot connect to PostgreSQL at " + m_where + ": out of memory");
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string reason = reasonOf(PQerrorMessage(m_conn));
        PQfinish(m_conn);
        m_conn = nullptr;
        const std::string msg = "cannot connect to PostgreSQL at " + m_where + ": " + reason;
        // Wrong settings stay wrong however often we retry: say so at start.
        if (contains(reason, "password authentication failed") || contains(reason, "no password supplied") ||
            contains(reason, "does not exist") || contains(reason, "no pg_hba.conf entry") ||
            contains(reason, "authentication failed") || contains(reason, "invalid URI") ||
            contains(reason, "invalid connection option") || contains(reason, "missing \"=\"") ||
            contains(reason, "could not translate host name"))
            throw Error(ErrorKind::Invalid, msg);
        throw Error(ErrorKind::Unavailable, msg + " (is the database server running?)");
    }
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

void PgConnection::fail(pg_result *r, const std::string &what)
{
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state ? state : "";
    std::string reason = r && PQresultErrorMessage(r)[0] ? PQresultErrorMessage(r) : PQerrorMessage(m_conn);
    reason = reasonOf(reason);
    if (r)
        PQclear(r);
    const bool lost = PQstatus(m_conn) != CONNECTION_OK;
    // The server is going away (or gone): never use this connection again.
    if (lost || code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0)
        m_broken = true;
    const std::string msg =
        "PostgreSQL at " + m_where + ": " + reason + (code.empty() ? "" : " [" + code + "]") + " (in: " + what + ")";
    // Transient: the request is rolled back whole and the device retries.
    if (lost || code == "40001" || code == "40P01" || code.rfind("53", 0) == 0 || code.rfind("08", 0) == 0 || code == "57P01" ||
        code == "57P02" || code == "57P03" || code == "55P03")
        throw Error(ErrorKind::Unavailable, msg + "; try again");
    if (code.rfind("28", 0) == 0 || code == "3D000")
        throw Error(ErrorKind::Invalid, msg);
    throw Error(ErrorKind::Storage, msg);
}

PgResult PgConnection::check(pg_result *r, const std::string &what)
{
    if (!r)
        fail(nullptr, what);
    const auto st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        fail(r, what);
    return PgResult(r);
}

PgResult PgConnection::exec(const std::string &sql)
{
    ++m_statements;
    return check(PQexec(m_conn, sql.c_str()), sql.substr(0, 120));
}

PgResult PgConnection::run(const char *sql, const std::vector<PgParam> &params, uint32_t binaryParams, bool binaryResult)
{
    ++m_statements;
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        ++m_statements;
        const std::string name = "cx" + std::to_string(m_prepared.size() + 1);
        check(PQprepare(m_conn, name.c_str(), sql, int(params.size()), nullptr), sql);
        it = m_prepared.emplace(sql, name).first;
    }
    std::vector<const char *> values(params.size());
    std::vector<int> lengths(params.size()), formats(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
        values[i] = params[i] ? params[i]->data() : nullptr;
        lengths[i] = params[i] ? int(params[i]->size()) : 0;
        formats[i] = (binaryParams >> i) & 1u;
    }
    return check(PQexecPrepared(m_conn, it->second.c_str(), int(params.size()), values.data(), lengths.data(), formats.data(),
                                binaryResult ? 1 : 0),
                 sql);
}

bool PgConnection::inTransaction() const
{
    const auto t = PQtransactionStatus(m_conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

bool PgConnection::inFailedTransaction() const { return PQtransactionStatus(m_conn) == PQTRANS_INERROR; }

bool PgConnection::usable()
{
    if (m_broken || PQstatus(m_conn) != CONNECTION_OK)
        return false;
    // An idle connection: whatever arrived is a notice or the server's goodbye
    // (FATAL 57P01 and end of file after a restart).
    if (!PQconsumeInput(m_conn))
        return false;
    while (PGnotify *n = PQnotifies(m_conn))
        PQfreemem(n);
    // Closed by the server (a restart) but not yet noticed by libpq.
    char byte;
    const ssize_t n = ::recv(PQsocket(m_conn), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
        return false;
    return PQstatus(m_conn) == CONNECTION_OK && !inFailedTransaction();
}

} // namespace cx::server
