#pragma once
// The bodies a server keeps as zstd prefixes for wire encoding 3
// (docs/protocol.md "Wire encoding"): the reply pages it sent and the pushes
// it received, each keyed by the device and the body's prefixName, so a
// device's next page or push of the same sync can be compressed against the
// previous one. A bounded LRU in memory: at most `capacityBytes` of bodies
// (64 MiB by default), each between kMinPrefixBytes and kMaxPrefixBytes; the
// least recently used go first. Only the device that the body came from or
// went to can name it, so a device can never decode against, or learn the
// size of matches with, another device's data. A miss (evicted, restarted,
// another instance behind a balancer) only costs the prefix: a page goes
// without one, a push is answered "prefix-unknown" and resent without one.
// Thread-safe.
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cx::server {

class PrefixCache
{
public:
    static constexpr size_t kDefaultCapacityBytes = 64u * 1024 * 1024;
    explicit PrefixCache(size_t capacityBytes = kDefaultCapacityBytes) : m_capacity(capacityBytes) {}

    // Keeps `body` under (device, prefixName(body)) and returns that name, or
    // "" when the body is too small or too large to be kept.
    std::string put(const std::string &device, std::string body);
    // The body kept under (device, name), or null; a hit makes it the most recent.
    std::shared_ptr<const std::string> find(const std::string &device, const std::string &name);
    void clear();

    struct Stats {
        size_t entries = 0, bytes = 0;
        uint64_t hits = 0, misses = 0;
    };
    Stats stats() const;

private:
    struct Entry {
        std::string key;
        std::shared_ptr<const std::string> body;
    };
    void evictLocked();

    const size_t m_capacity;
    mutable std::mutex m_lock;
    std::list<Entry> m_lru; // most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
    size_t m_bytes = 0;
    uint64_t m_hits = 0, m_misses = 0;
};

} // namespace cx::server
