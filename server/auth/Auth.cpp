#include "auth/Auth.h"

#include "auth/SignInLimits.h"
#include "protocol/Crypto.h"
#include "protocol/EnrolCode.h"
#include "protocol/Errors.h"
#include "protocol/Version.h"

#include <algorithm>

namespace cx::server {

bool isValidRole(const std::string &role)
{
    return role == "head" || role == "teacher" || role == "inspector" || role == "bureau";
}

bool isValidUserName(const std::string &user)
{
    if (user.empty() || user.size() > 64)
        return false;
    return std::all_of(user.begin(), user.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '@' ||
               c == '-';
    });
}

std::vector<std::string> readScopes(Store &store, const std::string &role, const std::vector<std::string> &schools)
{
    std::vector<std::string> out;
    if (role == "bureau") {
        for (const auto &s : store.schools())
            out.push_back(s.code);
    } else {
        out = schools;
    }
    out.emplace_back(kCountyScope);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool mayWrite(const std::string &role, const std::vector<std::string> &schools, const std::string &school)
{
    if (role == "bureau")
        return true;
    if (school == kCountyScope)
        return false;
    return std::find(schools.begin(), schools.end(), school) != schools.end();
}

void addUser(Store &store, const std::string &user, const std::string &role, const std::vector<std::string> &schools,
             const std::string &password, const std::string &actor, int64_t nowMs)
{
    if (!isValidUserName(user))
        throw Error(ErrorKind::Invalid, "user name \"" + user + "\" is not valid (1-64 of A-Z a-z 0-9 _ . @ -)");
    if (!isValidRole(role))
        throw Error(ErrorKind::Invalid, "role \"" + role + "\" is not one of head, teacher, inspector, bureau");
    if (password.size() < 6)
        throw Error(ErrorKind::Invalid, "password is too short (at least 6 characters)");
    if (role != "bureau" && schools.empty())
        throw Error(ErrorKind::Invalid, "a " + role + " account needs --schools");
    if ((role == "head" || role == "teacher") && schools.size() != 1)
        throw Error(ErrorKind::Invalid, "a " + role + " account belongs to exactly one school");
    if (auto old = store.account(user); old && old->revoked)
        throw Error(ErrorKind::Invalid, "account " + user + " is revoked and stays revoked; give the person a new user name");
    for (const auto &s : schools)
        if (!store.school(s))
            throw Error(ErrorKind::Invalid, "school " + s + " does not exist (add it with add-school)");
    Account a;
    a.user = user;
    a.role = role;
    a.pwHash = hashPassword(password);
    a.schools = schools;
    Transaction tx(store);
    const auto old = store.account(user);
    store.putAccount(a);
    AdminEvent e;
    e.at = nowMs ? nowMs : wallClockMs();
    e.actor = actor;
    e.subject = user;
    std::vector<std::string> sorted = schools;
    std::sort(sorted.begin(), sorted.end());
    e.detail = Json{{"role", role}, {"schools", sorted}};
    if (!old) {
        e.action = "account-created";
    } else {
        e.action = "account-changed";
        e.detail["old_role"] = old->role;
        e.detail["old_schools"] = old->schools;
        e.detail["password_changed"] = !verifyPassword(password, old->pwHash);
    }
    store.addAdminEvent(e);
    tx.commit();
}

int revokeUser(Store &store, const std::string &user, const std::string &actor, int64_t nowMs)
{
    if (!store.account(user))
        throw Error(ErrorKind::NotFound, "no account named " + user);
    Transaction tx(store);
    Json devices = Json::array();
    for (const auto &d : store.devicesOf(user))
        if (!d.revoked)
            devices.push_back(d.id);
    store.setAccountRevoked(user, true);
    int n = store.revokeDevicesOf(user);
    store.revokeEnrolCodesOf(user); // a code given out before cannot let a phone in
    store.addAdminEvent(
        AdminEvent{nowMs ? nowMs : wallClockMs(), actor, "revoke", user, Json{{"devices", devices}, {"wipe", true}}, ""});
    tx.commit();
    return n;
}

namespace {
const char *kBadLogin = "wrong user name or password";
const char *kBadCode = "wrong user name or enrolment code";
// Verified against when the user is unknown, so both cases take the same time.
const std::string &dummyHash()
{
    static const std::string h = hashPassword("cunxiao-not-a-password");
    return h;
}
} // namespace

EnrollResponse enroll(Store &store, const EnrollRequest &req, int64_t nowMs, const std::string &source, int64_t tokenLifetimeMs)
{
    if (!isValidRecordId(req.device))
        throw Error(ErrorKind::Protocol, "enroll.device: not a device id");
    static const SignInLimits limits;
    limits.check(store, req.user, source, req.device, nowMs);
    auto acc = store.account(req.user);
    std::string codeHash; // an enrolment code instead of the password: used up below
    if (!req.code.empty()) {
        // A code is checked like a password: a wrong, used, expired or revoked
        // one counts as a failed sign-in of the account and the address.
        const auto normalised = normaliseEnrolCode(req.code);
        const auto code = normalised ? store.enrolCode(enrolCodeHash(*normalised)) : std::nullopt;
        std::string why;
        if (!acc || !code || code->user != req.user)
            why = kBadCode;
        else if (code->revoked)
            why = "this enrolment code was withdrawn by the bureau; ask for a new one";
        else if (code->used)
            why = "this enrolment code was used already (each code enrols one phone); ask for a new one";
        else if (nowMs >= code->expires)
            why = "this enrolment code expired; ask the bureau for a new one";
        if (!why.empty()) {
            limits.failed(store, req.user, source, req.device, nowMs);
            throw Error(ErrorKind::Auth, why);
        }
        codeHash = code->hash;
    } else {
        bool ok = verifyPassword(req.password, acc ? acc->pwHash : dummyHash());
        if (!acc || !ok) {
            limits.failed(store, req.user, source, req.device, nowMs);
            throw Error(ErrorKind::Auth, kBadLogin);
        }
    }
    if (acc->revoked) {
        store.addSignInEvent(SignInEvent{nowMs, req.user, req.device, source, "revoked"});
        throw Error(ErrorKind::Auth, "account " + req.user + " is revoked");
    }
    limits.succeeded(store, req.user, source, req.device, nowMs);

    std::string token = randomToken(32);
    std::string hash = sha256Hex(token);
    uint32_t node = 0;
    const int64_t expires = nowMs + tokenLifetimeMs;
    Transaction tx(store);
    if (!codeHash.empty() && !store.useEnrolCode(codeHash, req.device, nowMs))
        throw Error(ErrorKind::Auth, "this enrolment code was used already (each code enrols one phone); ask for a new one");
    if (auto dev = store.device(req.device)) {
        if (dev->user != req.user)
            throw Error(ErrorKind::Auth, "device " + req.device + " is enrolled for another account; use a new device id");
        if (dev->revoked)
            throw Error(ErrorKind::Auth, "device " + req.device + " is revoked; use a new device id");
        store.setDeviceToken(req.device, hash, req.deviceName, nowMs);
        store.setDeviceTokens(req.device, hash, "", expires, nowMs);
        store.setDeviceContact(req.device, source, req.appVersion.empty() ? dev->appVersion : req.appVersion, expires, nowMs);
        node = dev->node;
    } else {
        Device d;
        d.id = req.device;
        d.user = req.user;
        d.tokenHash = hash;
        d.name = req.deviceName;
        d.created = nowMs;
        d.lastSeen = nowMs;
        d.appVersion = req.appVersion;
        d.lastSource = source;
        d.tokenExpires = expires;
        d.tokenRenewed = nowMs;
        node = store.insertDevice(d);
    }
    tx.commit();

    EnrollResponse r;
    r.token = token;
    r.node = node;
    r.user = acc->user;
    r.role = acc->role;
    r.schools = acc->role == "bureau" ? readScopes(store, acc->role, acc->schools) : acc->schools;
    if (acc->role == "bureau")
        std::erase(r.schools, std::string(kCountyScope));
    r.serverTime = nowMs;
    r.tokenExpires = expires;
    return r;
}

std::string enrolCodeHash(const std::string &normalisedCode) { return sha256Hex("cunxiao-enrol-code:" + normalisedCode); }

DeviceSession authenticate(Store &store, const std::string &token) { return authenticate(store, token, wallClockMs()); }

DeviceSession authenticate(Store &store, const std::string &token, int64_t nowMs, const ClientInfo &client)
{
    if (token.empty())
        throw Error(ErrorKind::Auth, "missing device token (Authorization: Bearer ...)");
    const std::string hash = sha256Hex(token);
    auto dev = store.deviceByTokenHash(hash);
    bool rotated = false;
    if (!dev) {
        dev = store.deviceByNextTokenHash(hash);
        rotated = dev.has_value();
    }
    if (!dev)
        throw Error(ErrorKind::Auth, "unknown device token; enroll again");
    auto acc = store.account(dev->user);
    if (dev->revoked || !acc || acc->revoked) {
        if (dev->wipeSent == 0) { // the first delivery of the wipe order, for the audit
            store.setDeviceWipeSent(dev->id, nowMs);
            store.addAdminEvent(AdminEvent{nowMs, dev->user, "wipe-delivered", "device " + dev->id,
                                           Json{{"device_name", dev->name}}, client.source});
        }
        throw DeviceRefused(kErrorDeviceRevoked, true, "this device was revoked by the bureau");
    }
    if (dev->tokenExpires != 0 && nowMs >= dev->tokenExpires)
        throw DeviceRefused(kErrorTokenExpired, false,
                            "this device's sign-in expired (" + std::to_string((nowMs - dev->tokenExpires) / kDayMs) +
                                " day(s) ago, unused for longer than the bureau allows); sign in again");
    if (rotated) // the rotated token's first use: the old one stops working
        store.promoteNextToken(dev->id, hash);
    return DeviceSession{dev->id, dev->user, acc->role, dev->node, acc->schools, dev->tokenExpires};
}

} // namespace cx::server
