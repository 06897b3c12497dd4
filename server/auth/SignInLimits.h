#pragma once
// Limits on password guessing (docs/server.md, "Sign-in limits"): failed
// sign-ins are counted per account and per source address in the store, so
// every instance behind a balancer sees the same counts. After a few free
// failures each further one locks the key for twice as long as the last
// (1 s, 2 s, 4 s ... up to 15 min); a locked key is answered 429 with
// Retry-After at once, before any password is hashed. A key whose last
// failure is an hour old starts over; a successful sign-in clears its
// account's count (not its address's, or one good account would reset a
// guesser's). Carrier NAT puts many phones behind one address, so an address
// gets far more free failures than an account. Every attempt is audited.
#include "protocol/Errors.h"
#include "storage/Store.h"

#include <string>

namespace cx::server {

struct SignInPolicy {
    int freeAccountFailures = 5;
    int freeAddressFailures = 50;
    int64_t firstLockMs = 1000;
    int64_t maxLockMs = 15 * 60 * 1000;
    int64_t forgetAfterMs = 60 * 60 * 1000;
};

// Too many failures: come back after `retryAfterSec` (HTTP 429).
class TooManyAttempts : public Error
{
public:
    TooManyAttempts(const std::string &what, int retryAfterSec) : Error(ErrorKind::Unavailable, what), m_retryAfter(retryAfterSec)
    {}
    int retryAfterSec() const { return m_retryAfter; }

private:
    int m_retryAfter;
};

class SignInLimits
{
public:
    explicit SignInLimits(SignInPolicy p = {}) : m_p(p) {}
    // Throws TooManyAttempts (and audits "locked") if the account or the
    // address is locked now.
    void check(Store &store, const std::string &user, const std::string &source, const std::string &device, int64_t nowMs) const;
    // A wrong password: counts it on both keys and audits it.
    void failed(Store &store, const std::string &user, const std::string &source, const std::string &device, int64_t nowMs) const;
    // A good password: clears the account's count and audits it.
    void succeeded(Store &store, const std::string &user, const std::string &source, const std::string &device,
                   int64_t nowMs) const;

private:
    SignInThrottle bump(SignInThrottle t, int freeFailures, int64_t nowMs) const;
    SignInPolicy m_p;
};

} // namespace cx::server
