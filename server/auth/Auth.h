#pragma once
// Accounts, roles and device tokens. Passwords are kept as scrypt hashes and
// tokens as SHA-256 hashes: the server never stores a secret.
#include "protocol/Errors.h"
#include "protocol/Messages.h"
#include "storage/Store.h"

#include <string>
#include <vector>

namespace cx::server {

// Who is calling /v1/sync: the device behind the bearer token and its account.
struct DeviceSession {
    std::string device; // device id
    std::string user;
    std::string role; // head | teacher | inspector | bureau
    uint32_t node = 0;
    std::vector<std::string> schools; // the account's assigned schools
    int64_t tokenExpires = 0;         // ms; 0: not set yet (auth/DeviceTokens.h)
};

// A 401 that tells the device what to do (docs/protocol.md "Device tokens"):
// code "device-revoked" with wipe = true (the bureau revoked it: erase
// everything), or "token-expired" (sign in again). Other refusals stay Error(Auth).
class DeviceRefused : public Error
{
public:
    DeviceRefused(std::string code, bool wipe, const std::string &message)
        : Error(ErrorKind::Auth, message), m_code(std::move(code)), m_wipe(wipe)
    {}
    const std::string &code() const { return m_code; }
    bool wipe() const { return m_wipe; }

private:
    std::string m_code;
    bool m_wipe;
};

// Where a request comes from, for the audit and the bureau's device list.
struct ClientInfo {
    std::string source; // the source address (http/ClientAddress.h)
    std::string app;    // X-Cunxiao-App, or enroll's "app"
};

inline constexpr int kDefaultTokenDays = 90; // serve --token-days
inline constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

bool isValidRole(const std::string &role);
bool isValidUserName(const std::string &user); // 1-64 of [A-Za-z0-9_.@-]

// The scopes an account may read, sorted, "*" included: head, teacher and
// inspector read their assigned schools, bureau staff read every school.
std::vector<std::string> readScopes(Store &store, const std::string &role, const std::vector<std::string> &schools);
// Whether an account may write records of `school` ("*": bureau only).
bool mayWrite(const std::string &role, const std::vector<std::string> &schools, const std::string &school);

// Creates or updates an account (hashing the password). Throws cx::Error(Invalid).
void addUser(Store &store, const std::string &user, const std::string &role, const std::vector<std::string> &schools,
             const std::string &password, const std::string &actor = "admin", int64_t nowMs = 0);
// An existing account that is revoked stays revoked: add-user refuses it
// (cx::Error(Invalid)) rather than silently letting a lost phone's account in.
// Every new account and every change of role, schools or password is audited
// (Store::addAdminEvent) as done by `actor`.
// Revokes the account and all its devices, and orders those devices to wipe
// (audited); returns the number of devices revoked.
// Throws cx::Error(NotFound) for an unknown user.
int revokeUser(Store &store, const std::string &user, const std::string &actor = "admin", int64_t nowMs = 0);

// Checks user and password and issues a device token (a new device gets the
// next node; a device re-enrolling for the same account keeps its node and its
// counter). Throws cx::Error(Auth) with one message for an unknown user and a
// wrong password; cx::Error(Protocol) for a malformed device id.
// `source`: the caller's address, for the sign-in limits (auth/SignInLimits.h)
// and the audit; a locked account or address throws TooManyAttempts before the
// password is hashed.
// The token expires after tokenLifetimeMs (renewed by use: auth/DeviceTokens.h);
// the reply's tokenExpires says when. Any rotated token still waiting is dropped.
EnrollResponse enroll(Store &store, const EnrollRequest &req, int64_t nowMs, const std::string &source = {},
                      int64_t tokenLifetimeMs = kDefaultTokenDays * kDayMs);

// The stored form of an enrolment code (cx::normaliseEnrolCode's result):
// its SHA-256 hex, never the code (docs/security.md "Enrolment codes").
std::string enrolCodeHash(const std::string &normalisedCode);
// enroll() with req.code instead of req.password: the code must be the
// account's, unused, unrevoked and unexpired; it is used up in the enrolment's
// transaction, so two phones racing with one code enrol one. A bad code counts
// against the sign-in limits like a wrong password.

// Looks up the device by the SHA-256 of the bearer token (or of its rotated
// token waiting for its first use, which then becomes the token). Throws
// cx::Error(Auth) for an unknown token; DeviceRefused "device-revoked" for a
// revoked device or account (the first time, the wipe order's delivery is
// audited), "token-expired" for a token past its expiry.
DeviceSession authenticate(Store &store, const std::string &token, int64_t nowMs, const ClientInfo &client = {});
DeviceSession authenticate(Store &store, const std::string &token); // at the wall clock

} // namespace cx::server
