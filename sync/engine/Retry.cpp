#include "engine/Retry.h"

#include "engine/CurlTransport.h"
#include "engine/ReplyErrors.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

namespace cx {

Engine::Retry::Retry(Engine &engine, RetryAfter retryAfter, int maxRetries)
    : m_engine(engine), m_retryAfter(retryAfter), m_maxRetries(maxRetries)
{}

int Engine::Retry::limit(const SyncTuning &tuning, Transport &transport)
{
    if (tuning.maxRetries >= 0)
        return tuning.maxRetries;
    return dynamic_cast<CurlTransport *>(&transport) ? 8 : 0;
}

bool Engine::Retry::again(const Error &e)
{
    if (e.kind() != ErrorKind::Network)
        return false;
    ++m_failures;
    const int max = m_maxRetries >= 0 ? m_maxRetries : limit(m_engine.tuning(), m_engine.transport());
    return m_failures <= max;
}

bool Engine::Retry::serverBusy(const Error &e) { return dynamic_cast<const RetryLaterError *>(&e) != nullptr; }

void Engine::Retry::wait(const Error &e)
{
    const auto *later = dynamic_cast<const RetryLaterError *>(&e);
    if (!later || m_retryAfter == RetryAfter::Ignore)
        return backoff();
    // The server asked for `seconds`: wait that (capped at the longest
    // backoff), or the backoff if that is longer.
    const int64_t askedMs = std::min<int64_t>(int64_t(later->seconds()) * 1000, m_engine.tuning().backoffMaxMs);
    const auto t0 = std::chrono::steady_clock::now();
    backoff();
    const auto slept = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    if (slept < askedMs)
        std::this_thread::sleep_for(std::chrono::milliseconds(askedMs - slept));
}

// Exponential backoff with jitter: failure 1 waits 50-100 % of backoffMs, then doubling, capped.
void Engine::Retry::backoff()
{
    const SyncTuning t = m_engine.tuning();
    double ms = t.backoffMs;
    for (int i = 1; i < m_failures && ms < t.backoffMaxMs; ++i)
        ms *= 2;
    ms = std::min<double>(ms, t.backoffMaxMs);
    static thread_local std::mt19937 rng{std::random_device{}()};
    ms *= std::uniform_real_distribution<double>(0.5, 1.0)(rng);
    std::this_thread::sleep_for(std::chrono::milliseconds(int64_t(ms)));
}

} // namespace cx
