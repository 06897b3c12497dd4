#pragma once
// Accounts and schools managed by a bureau administrator (issue 14.7,
// docs/bureau.md "Accounts and enrolment"): the operations behind both the
// command line (`admin ... enrol-code`, `add-user --admin`) and the app's
// route POST /v1/admin, which only an account with the admin flag may call.
// Every change is audited with the acting account as actor; a password set
// here never reaches the audit or a log, and an enrolment code is kept only
// as its hash (auth/Auth.h enrolCodeHash).
#include "http/HttpServer.h"
#include "storage/Store.h"

#include <string>
#include <vector>

namespace cx::server {

inline constexpr int kDefaultEnrolCodeDays = 7;
inline constexpr int kMaxEnrolCodeDays = 30;
inline constexpr size_t kMaxAdminBytes = 16 * 1024; // one admin request's body

// The schools whose "schools" record names this township (the demo county's
// and an imported county's school records carry one). Sorted; empty if none.
std::vector<std::string> schoolsOfTownship(Store &store, const std::string &township);

// Replaces the account's schools (head and teacher: exactly one; inspector:
// one or more; bureau: any). Audited "account-changed". Throws NotFound for
// an unknown account, Invalid for a bad school or a revoked account.
void assignSchools(Store &store, const std::string &user, const std::vector<std::string> &schools, const std::string &actor,
                   int64_t nowMs, const std::string &source = {});
// Sets a new password (at least 6 characters); the account's devices stay
// enrolled. Audited "password-reset" without the password.
void resetPassword(Store &store, const std::string &user, const std::string &password, const std::string &actor, int64_t nowMs,
                   const std::string &source = {});
// Makes a bureau account an administrator or not. Audited.
void setAdmin(Store &store, const std::string &user, bool admin, const std::string &actor, int64_t nowMs,
              const std::string &source = {});

struct IssuedEnrolCode {
    std::string user;
    std::string code;    // grouped, shown once: only its hash is kept
    int64_t expires = 0; // ms
};
// A new one-time code for an active account, valid `days` (1..30). Audited
// "enrol-code-issued" (with its expiry, never the code).
IssuedEnrolCode issueEnrolCode(Store &store, const std::string &user, int days, const std::string &actor, int64_t nowMs,
                               const std::string &source = {});
// Withdraws the account's unused codes; returns how many. Audited.
int revokeEnrolCodes(Store &store, const std::string &user, const std::string &actor, int64_t nowMs,
                     const std::string &source = {});

// The public-key pin of a PEM certificate file as devices check it
// ("sha256//" + base64 of the SHA-256 of its SubjectPublicKeyInfo; curl's
// CURLOPT_PINNEDPUBLICKEY form). Throws cx::Error(Invalid) if unreadable.
std::string certificatePin(const std::string &pemFile);

// The text of the QR code a phone scans (cx::enrolLinkText): server, pin,
// user, code; never a password.
std::string enrolQrText(const std::string &serverUrl, const std::string &pin, const IssuedEnrolCode &code);

// What the accounts page lists: every school {code, name, county, township}
// and every account {user, role, schools, admin, revoked, devices,
// last_seen, codes (unused, unexpired)}.
Json accountsOverview(Store &store, int64_t nowMs);

// POST /v1/admin (docs/protocol.md "Accounts (POST /v1/admin)"): {"op": list |
// add-school | add-user | assign | reset-password | set-admin | revoke |
// enrol-code | revoke-codes, ...}. A bureau administrator only (403 otherwise).
// `pin`: the server's own certificate pin, returned with an enrolment code so
// the administrator's device can put it in the QR code.
HttpReply routeAdmin(Store &store, const std::string &authorization, const std::string &body, int64_t nowMs,
                     const std::string &source, const std::string &pin = {});

} // namespace cx::server
