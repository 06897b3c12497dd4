#pragma once
// A fresh PostgreSQL database for one test fixture, when the environment names
// a server: CX_TEST_PG=postgresql://USER:PASSWORD@HOST:PORT/postgres (set by
// ctest for the *_pg tests; scripts/pg-test-cluster.sh starts that server).
// CREATE DATABASE cx_<random> at construction, DROP ... WITH (FORCE) at the
// end. Without CX_TEST_PG it does nothing and uri() is "" (the SQLite run).
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>

namespace cxt {

class TestDatabase
{
public:
    TestDatabase() : TestDatabase(std::getenv("CX_TEST_PG") ? std::getenv("CX_TEST_PG") : "") {}
    // On another server (base: its URI, "" for none).
    explicit TestDatabase(const std::string &base)
    {
        if (base.empty())
            return;
        m_base = base;
        std::random_device rd;
        std::mt19937_64 gen(rd());
        char name[32];
        std::snprintf(name, sizeof name, "cx_%016llx", static_cast<unsigned long long>(gen()));
        m_name = name;
        exec("CREATE DATABASE " + m_name);
        m_uri = withDatabase(m_base, m_name);
    }
    ~TestDatabase()
    {
        if (!m_name.empty()) {
            try {
                exec("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
            } catch (const std::exception &e) {
                std::fprintf(stderr, "TestDatabase: %s\n", e.what());
            }
        }
    }
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    static bool enabled()
    {
        const char *base = std::getenv("CX_TEST_PG");
        return base && *base;
    }
    const std::string &uri() const { return m_uri; } // "" without CX_TEST_PG
    const std::string &name() const { return m_name; }
    const std::string &base() const { return m_base; }

    // Runs SQL on the server's "postgres" database (or, with `here`, this one).
    void exec(const std::string &sql, bool here = false) const
    {
        PGconn *c = PQconnectdb((here ? m_uri : m_base).c_str());
        if (PQstatus(c) != CONNECTION_OK) {
            std::string msg = PQerrorMessage(c);
            PQfinish(c);
            throw std::runtime_error("CX_TEST_PG: " + msg);
        }
        PGresult *r = PQexec(c, sql.c_str());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        std::string msg = ok ? "" : PQresultErrorMessage(r);
        PQclear(r);
        PQfinish(c);
        if (!ok)
            throw std::runtime_error(sql + ": " + msg);
    }

    // postgresql://u:p@h:port/olddb?x -> postgresql://u:p@h:port/db?x
    static std::string withDatabase(const std::string &uri, const std::string &db)
    {
        const auto scheme = uri.find("://");
        const auto slash = uri.find('/', scheme == std::string::npos ? 0 : scheme + 3);
        const auto query = uri.find('?');
        const std::string head = slash == std::string::npos ? uri.substr(0, query) : uri.substr(0, slash);
        const std::string tail = query == std::string::npos ? "" : uri.substr(query);
        return head + "/" + db + tail;
    }

private:
    std::string m_base, m_name, m_uri;
};

} // namespace cxt
