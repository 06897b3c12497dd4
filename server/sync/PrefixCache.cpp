#include "sync/PrefixCache.h"

#include "protocol/Compression.h"

namespace cx::server {

std::string PrefixCache::put(const std::string &device, std::string body)
{
    if (body.size() < kMinPrefixBytes || body.size() > kMaxPrefixBytes || body.size() > m_capacity)
        return {};
    const std::string name = prefixName(body);
    const std::string key = device + '/' + name;
    auto kept = std::make_shared<const std::string>(std::move(body));
    std::lock_guard lock(m_lock);
    if (auto it = m_index.find(key); it != m_index.end()) { // the same bytes again: only more recent
        m_lru.splice(m_lru.begin(), m_lru, it->second);
        return name;
    }
    m_bytes += kept->size();
    m_lru.push_front(Entry{key, std::move(kept)});
    m_index[key] = m_lru.begin();
    evictLocked();
    return name;
}

std::shared_ptr<const std::string> PrefixCache::find(const std::string &device, const std::string &name)
{
    std::lock_guard lock(m_lock);
    auto it = m_index.find(device + '/' + name);
    if (it == m_index.end()) {
        ++m_misses;
        return nullptr;
    }
    ++m_hits;
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    return it->second->body;
}

void PrefixCache::clear()
{
    std::lock_guard lock(m_lock);
    m_lru.clear();
    m_index.clear();
    m_bytes = 0;
}

PrefixCache::Stats PrefixCache::stats() const
{
    std::lock_guard lock(m_lock);
    return Stats{m_lru.size(), m_bytes, m_hits, m_misses};
}

void PrefixCache::evictLocked()
{
    while (m_bytes > m_capacity && !m_lru.empty()) {
        m_bytes -= m_lru.back().body->size();
        m_index.erase(m_lru.back().key);
        m_lru.pop_back();
    }
}

} // namespace cx::server
