#pragma once
// What the server spends compressing its replies, counted process-wide for
// `GET /v1/health` (docs/server.md "Capacity"): how many replies were
// compressed, the bytes before and after, and the thread CPU time it took.
// compressReply() is what the transport calls for every zstd reply; the
// counters are relaxed atomics (a few nanoseconds next to the compression).
#include <cstdint>
#include <string>

namespace cx::server {

struct ReplyMetrics {
    uint64_t replies = 0, bytesIn = 0, bytesOut = 0, cpuNs = 0;
};

// Compresses `body` (with the prefix dictionary when there is one, wire
// encoding 3) and counts it.
std::string compressReply(const std::string &body, const std::string *prefix);

ReplyMetrics replyMetrics();

} // namespace cx::server
