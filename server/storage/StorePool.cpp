#include "storage/StorePool.h"

namespace cx::server {

StorePool::StorePool(Opener open, size_t maxIdle) : m_open(std::move(open)), m_maxIdle(maxIdle) {}

StorePool::Lease StorePool::acquire()
{
    {
        std::lock_guard g(m_mutex);
        while (!m_idle.empty()) {
            std::unique_ptr<Store> s = std::move(m_idle.back());
            m_idle.pop_back();
            if (s->usable())
                return Lease(*this, std::move(s));
        }
    }
    return Lease(*this, m_open());
}

size_t StorePool::idle()
{
    std::lock_guard g(m_mutex);
    return m_idle.size();
}

void StorePool::giveBack(std::unique_ptr<Store> s)
{
    bool keep = false;
    try {
        if (s->inTransaction())
            s->rollback(); // a request that threw before its Transaction ended
        keep = s->usable() && !s->inTransaction();
    } catch (...) {
        keep = false;
    }
    std::lock_guard g(m_mutex);
    if (keep && m_idle.size() < m_maxIdle)
        m_idle.push_back(std::move(s));
    // otherwise closed here, outside any request
}

} // namespace cx::server
