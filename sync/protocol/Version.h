#pragma once
// Field versions and the hybrid logical clock (HLC) that makes them.
//
// A version is (hlc, node): hlc is 48 bits of milliseconds and 16 bits of
// counter; node is the small number the server gave the device at enrolment
// (0 is the server itself). Versions are totally ordered by (hlc, node): that
// order is the one deterministic rule that picks the winner of a conflict.
// Text form: 16 hex digits, '-', node in hex: "0190b2c3d4e50003-1f".
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cx {

struct Version {
    uint64_t hlc = 0;
    uint32_t node = 0;

    bool isNull() const { return hlc == 0 && node == 0; }
    uint64_t millis() const { return hlc >> 16; }
    std::string toString() const;
    static std::optional<Version> parse(std::string_view s);
    auto operator<=>(const Version &) const = default;
};

// Hybrid logical clock. The physical part is the wall clock corrected by the
// offset learnt from the server's time on every response, so a device whose
// clock is wrong by days still makes versions close to the bureau's time.
class HybridClock
{
public:
    using WallClock = std::function<int64_t()>; // milliseconds since the epoch

    explicit HybridClock(uint32_t node = 0, WallClock wall = {});

    void setNode(uint32_t node) { m_node = node; }
    uint32_t node() const { return m_node; }

    // The last hlc issued or observed; persisted so versions never go backwards.
    uint64_t last() const { return m_last; }
    void restore(uint64_t last, int64_t offsetMs)
    {
        m_last = last;
        m_offsetMs = offsetMs;
    }
    int64_t offsetMs() const { return m_offsetMs; }

    // A new version for a local write.
    Version tick();
    // Merge a version seen from elsewhere (keeps ours ahead of everything seen).
    void observe(uint64_t remoteHlc);
    // Learn the server's time: offset = server time - local wall time (half the
    // round trip already folded in by the caller).
    void correct(int64_t serverTimeMs, int64_t localWallMs);

    int64_t physicalNow() const;

private:
    uint32_t m_node;
    WallClock m_wall;
    uint64_t m_last = 0;
    int64_t m_offsetMs = 0;
};

uint64_t makeHlc(int64_t millis, uint32_t counter);
int64_t wallClockMs();

} // namespace cx
