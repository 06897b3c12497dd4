#pragma once
// Store connections for the server's worker threads. One location (a data
// directory for the embedded SQLite store, or a postgresql:// URI) opens any
// number of connections; a request leases one, uses it on its thread, and
// gives it back. A connection that is broken (Store::usable() false, e.g.
// PostgreSQL restarted) or left inside a transaction is dropped, and the next
// lease opens a fresh one, so a database restart costs the requests in flight
// one retryable 503 and nothing else. Thread-safe.
#include "storage/Store.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cx::server {

class StorePool
{
public:
    using Opener = std::function<std::unique_ptr<Store>()>;
    // maxIdle: connections kept open between requests (about the worker count).
    explicit StorePool(Opener open, size_t maxIdle = 16);

    class Lease
    {
    public:
        Lease(StorePool &pool, std::unique_ptr<Store> s) : m_pool(&pool), m_store(std::move(s)) {}
        Lease(Lease &&o) noexcept : m_pool(o.m_pool), m_store(std::move(o.m_store)) {}
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        ~Lease()
        {
            if (m_store)
                m_pool->giveBack(std::move(m_store));
        }
        Store &operator*() const { return *m_store; }
        Store *operator->() const { return m_store.get(); }

    private:
        StorePool *m_pool;
        std::unique_ptr<Store> m_store;
    };

    // An idle connection, or a new one (throws what the opener throws:
    // cx::Error(Unavailable) when the database cannot be reached).
    Lease acquire();
    size_t idle();

private:
    void giveBack(std::unique_ptr<Store> s);

    Opener m_open;
    size_t m_maxIdle;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Store>> m_idle;
};

} // namespace cx::server
