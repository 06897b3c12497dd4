#include "protocol/Version.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace cx {

std::string Version::toString() const
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx-%x", static_cast<unsigned long long>(hlc), node);
    return buf;
}

std::optional<Version> Version::parse(std::string_view s)
{
    if (s.size() < 18 || s.size() > 25 || s[16] != '-')
        return std::nullopt;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    Version v;
    for (size_t i = 0; i < 16; ++i) {
        int d = hex(s[i]);
        if (d < 0)
            return std::nullopt;
        v.hlc = (v.hlc << 4) | uint64_t(d);
    }
    if (s.size() - 17 > 8)
        return std::nullopt;
    for (size_t i = 17; i < s.size(); ++i) {
        int d = hex(s[i]);
        if (d < 0)
            return std::nullopt;
        v.node = (v.node << 4) | uint32_t(d);
    }
    return v;
}

uint64_t makeHlc(int64_t millis, uint32_t counter) { return (uint64_t(millis) << 16) | (counter & 0xffff); }

int64_t wallClockMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

HybridClock::HybridClock(uint32_t node, WallClock wall) : m_node(node), m_wall(wall ? std::move(wall) : WallClock(wallClockMs)) {}

int64_t HybridClock::physicalNow() const
{
    int64_t p = m_wall() + m_offsetMs;
    return p < 0 ? 0 : p;
}

Version HybridClock::tick()
{
    uint64_t phys = makeHlc(physicalNow(), 0);
    m_last = phys > m_last ? phys : m_last + 1;
    return Version{m_last, m_node};
}

void HybridClock::observe(uint64_t remoteHlc)
{
    uint64_t phys = makeHlc(physicalNow(), 0);
    uint64_t m = std::max({m_last, remoteHlc, phys});
    m_last = m;
}

void HybridClock::correct(int64_t serverTimeMs, int64_t localWallMs) { m_offsetMs = serverTimeMs - localWallMs; }

} // namespace cx
