#pragma once
// Accounts, roles and device tokens. Passwords are kept as scrypt hashes and
// tokens as SHA-256 hashes: the server never stores a secret.
#include "protocol/Messages.h"
#include "storage/Store.h"

#include <string>
#include <vector>

namespace cx::server {

// Who is calling /v1/sync: the device behind the bearer token and its account.
struct DeviceSession {
    std::string device;                        // device id
    std::string user;
    std::string role;                          // head | teacher | inspector | bureau
    uint32_t node = 0;
    std::vector<std::string> schools;          // the account's assigned schools
};

bool isValidRole(const std::string &role);
bool isValidUserName(const std::string &user); // 1-64 of [A-Za-z0-9_.@-]

// The scopes an account may read, sorted, "*" included: head, teacher and
// inspector read their assigned schools, bureau staff read every school.
std::vector<std::string> readScopes(Store &store, const std::string &role, const std::vector<std::string> &schools);
// Whether an account may write records of `school` ("*": bureau only).
bool mayWrite(const std::string &role, const std::vector<std::string> &schools, const std::string &school);

// Creates or updates an account (hashing the password). Throws cx::Error(Invalid).
void addUser(Store &store, const std::string &user, const std::string &role, const std::vector<std::string> &schools,
             const std::string &password);
// An existing account that is revoked stays revoked: add-user refuses it
// (cx::Error(Invalid)) rather than silently letting a lost phone's account in.
// Revokes the account and all its devices; returns the number of devices revoked.
// Throws cx::Error(NotFound) for an unknown user.
int revokeUser(Store &store, const std::string &user);

// Checks user and password and issues a device token (a new device gets the
// next node; a device re-enrolling for the same account keeps its node and its
// counter). Throws cx::Error(Auth) with one message for an unknown user and a
// wrong password; cx::Error(Protocol) for a malformed device id.
// `source`: the caller's address, for the sign-in limits (auth/SignInLimits.h)
// and the audit; a locked account or address throws TooManyAttempts before the
// password is hashed.
EnrollResponse enroll(Store &store, const EnrollRequest &req, int64_t nowMs, const std::string &source = {});

// Looks up the device by the SHA-256 of the bearer token. Throws cx::Error(Auth)
// for an unknown or revoked token or a revoked account.
DeviceSession authenticate(Store &store, const std::string &token);

} // namespace cx::server
