#pragma once
// Retrying the engine's network calls (docs/village.md): the one policy behind
// sync(), the attachment uploads, fetchAttachment() and relay().
//
// Only a network failure (ErrorKind::Network: a cut, a timeout, a 429/503
// RetryLaterError) is retried, and at most maxRetries in a row
// (SyncTuning::maxRetries; -1: 8 with CurlTransport, 0 with an injected
// transport, which keeps its own time). Any other failure, or one too many,
// is the caller's to throw. Before each retry the caller sleeps in wait():
// exponential backoff with jitter (failure 1 waits 50-100 % of
// SyncTuning::backoffMs, each next one twice as long up to backoffMaxMs) or,
// for a caller that honours it, at least what a 429/503 asked in Retry-After
// (capped at backoffMaxMs: a call never sleeps long; the next call tries
// again). A caller that got somewhere (a cycle committed, a file uploaded)
// calls progressed(): its next failure starts from the first backoff again.
// The tuning is read at each failure: the app may change it during a sync.
//
//   Retry retry(*this);
//   for (;;) {
//       try { attempt(); break; }
//       catch (const Error &e) { if (!retry.again(e)) throw; retry.wait(e); }
//   }
#include "engine/Engine.h"
#include "protocol/Errors.h"

namespace cx {

class Engine::Retry
{
public:
    enum class RetryAfter { Ignore, Honour }; // whether a 429/503's Retry-After sets the wait
    // maxRetries < 0: the engine's limit, read at each failure.
    explicit Retry(Engine &engine, RetryAfter retryAfter = RetryAfter::Ignore, int maxRetries = -1);

    // The limit SyncTuning::maxRetries gives on this transport (-1: automatic).
    static int limit(const SyncTuning &tuning, Transport &transport);
    // Counts a failed attempt; true: retry it (after wait()), false: give up and throw.
    bool again(const Error &e);
    // Sleeps before the next attempt.
    void wait(const Error &e);
    void progressed() { m_failures = 0; }
    // A 429/503 (RetryLaterError): the server is busy, the link did not cut.
    static bool serverBusy(const Error &e);

private:
    void backoff();

    Engine &m_engine;
    RetryAfter m_retryAfter;
    int m_maxRetries;
    int m_failures = 0; // consecutive, since the last progress
};

} // namespace cx
