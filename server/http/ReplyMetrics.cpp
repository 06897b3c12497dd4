#include "http/ReplyMetrics.h"

#include "protocol/Compression.h"

#include <atomic>
#include <ctime>

namespace cx::server {

namespace {

std::atomic<uint64_t> g_replies{0}, g_in{0}, g_out{0}, g_cpuNs{0};

uint64_t threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return uint64_t(t.tv_sec) * 1000000000u + uint64_t(t.tv_nsec);
}

} // namespace

std::string compressReply(const std::string &body, const std::string *prefix)
{
    const uint64_t t0 = threadCpuNs();
    std::string out = prefix ? cx::compressWithPrefix(body, *prefix) : cx::compress(body);
    g_cpuNs.fetch_add(threadCpuNs() - t0, std::memory_order_relaxed);
    g_replies.fetch_add(1, std::memory_order_relaxed);
    g_in.fetch_add(body.size(), std::memory_order_relaxed);
    g_out.fetch_add(out.size(), std::memory_order_relaxed);
    return out;
}

ReplyMetrics replyMetrics()
{
    return ReplyMetrics{g_replies.load(std::memory_order_relaxed), g_in.load(std::memory_order_relaxed),
                        g_out.load(std::memory_order_relaxed), g_cpuNs.load(std::memory_order_relaxed)};
}

} // namespace cx::server
