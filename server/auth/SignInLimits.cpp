#include "auth/SignInLimits.h"

#include <algorithm>

namespace cx::server {

namespace {
std::string accountKey(const std::string &user) { return "user:" + user; }
std::string addressKey(const std::string &source) { return "addr:" + source; }

void audit(Store &store, const std::string &user, const std::string &source, const std::string &device, int64_t nowMs,
           const char *outcome)
{
    store.addSignInEvent(SignInEvent{nowMs, user, device, source, outcome});
}
} // namespace

void SignInLimits::check(Store &store, const std::string &user, const std::string &source, const std::string &device,
                         int64_t nowMs) const
{
    int64_t until = store.signInThrottle(accountKey(user)).lockedUntil;
    const char *what = "this account";
    if (!source.empty()) {
        int64_t a = store.signInThrottle(addressKey(source)).lockedUntil;
        if (a > until) {
            until = a;
            what = "this address";
        }
    }
    if (until <= nowMs)
        return;
    audit(store, user, source, device, nowMs, "locked");
    const int seconds = int((until - nowMs + 999) / 1000);
    throw TooManyAttempts(
        std::string("too many wrong passwords from ") + what + "; try again in " + std::to_string(seconds) + " s", seconds);
}

SignInThrottle SignInLimits::bump(SignInThrottle t, int freeFailures, int64_t nowMs) const
{
    if (nowMs - t.lastFailure > m_p.forgetAfterMs)
        t = SignInThrottle{};
    t.failures++;
    t.lastFailure = nowMs;
    if (t.failures > freeFailures) {
        const int doublings = std::min(t.failures - freeFailures - 1, 30);
        const int64_t lock = std::min<int64_t>(m_p.maxLockMs, m_p.firstLockMs << doublings);
        t.lockedUntil = nowMs + lock;
    }
    return t;
}

void SignInLimits::failed(Store &store, const std::string &user, const std::string &source, const std::string &device,
                          int64_t nowMs) const
{
    store.setSignInThrottle(accountKey(user), bump(store.signInThrottle(accountKey(user)), m_p.freeAccountFailures, nowMs));
    if (!source.empty())
        store.setSignInThrottle(addressKey(source),
                                bump(store.signInThrottle(addressKey(source)), m_p.freeAddressFailures, nowMs));
    audit(store, user, source, device, nowMs, "wrong-password");
}

void SignInLimits::succeeded(Store &store, const std::string &user, const std::string &source, const std::string &device,
                             int64_t nowMs) const
{
    store.setSignInThrottle(accountKey(user), SignInThrottle{});
    audit(store, user, source, device, nowMs, "ok");
}

} // namespace cx::server
