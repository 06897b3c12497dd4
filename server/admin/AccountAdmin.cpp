#include "admin/AccountAdmin.h"
#include "admin/AuditLog.h"

#include "admin/Admin.h"
#include "auth/Auth.h"
#include "http/ErrorReply.h"
#include "protocol/Crypto.h"
#include "protocol/EnrolCode.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"
#include "protocol/Version.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace cx::server {

namespace {

Account needAccount(Store &store, const std::string &user)
{
    auto acc = store.account(user);
    if (!acc)
        throw Error(ErrorKind::NotFound, "no account named " + user);
    return *acc;
}

void audit(Store &store, int64_t nowMs, const std::string &actor, const char *action, const std::string &subject, Json detail,
           const std::string &source)
{
    store.addAdminEvent(AdminEvent{nowMs, actor, action, subject, std::move(detail), source});
}

std::string str(const Json &body, const char *key, bool required = true)
{
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        if (required)
            throw Error(ErrorKind::Invalid, std::string("admin: \"") + key + "\" is missing");
        return {};
    }
    if (!it->is_string())
        throw Error(ErrorKind::Invalid, std::string("admin: \"") + key + "\" is not a string");
    return it->get<std::string>();
}

// "schools": [codes] or "township": NAME (every school of it).
std::vector<std::string> schoolsFrom(Store &store, const Json &body)
{
    if (auto t = body.find("township"); t != body.end() && !t->is_null()) {
        const std::string township = str(body, "township");
        auto schools = schoolsOfTownship(store, township);
        if (schools.empty())
            throw Error(ErrorKind::Invalid, "admin: no school is in township \"" + township + "\"");
        return schools;
    }
    std::vector<std::string> out;
    auto s = body.find("schools");
    if (s == body.end() || s->is_null())
        return out;
    if (!s->is_array() || s->size() > 10000)
        throw Error(ErrorKind::Invalid, "admin: \"schools\" is not a list of school codes");
    for (const auto &c : *s) {
        if (!c.is_string())
            throw Error(ErrorKind::Invalid, "admin: \"schools\" is not a list of school codes");
        out.push_back(c.get<std::string>());
    }
    return out;
}

void checkSchools(Store &store, const std::string &role, const std::vector<std::string> &schools)
{
    if (role != "bureau" && schools.empty())
        throw Error(ErrorKind::Invalid, "a " + role + " account needs at least one school");
    if ((role == "head" || role == "teacher") && schools.size() != 1)
        throw Error(ErrorKind::Invalid, "a " + role + " account belongs to exactly one school");
    for (const auto &s : schools)
        if (!store.school(s))
            throw Error(ErrorKind::Invalid, "school " + s + " does not exist (add it first)");
}

} // namespace

std::vector<std::string> schoolsOfTownship(Store &store, const std::string &township)
{
    std::vector<std::string> out;
    for (const auto &r : store.recordsOf("schools", std::nullopt)) {
        if (r.deleted())
            continue;
        auto t = r.fields.find("township");
        if (t != r.fields.end() && t->is_string() && *t == township)
            out.push_back(r.id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void assignSchools(Store &store, const std::string &user, const std::vector<std::string> &schoolsIn, const std::string &actor,
                   int64_t nowMs, const std::string &source)
{
    Transaction tx(store);
    Account acc = needAccount(store, user);
    if (acc.revoked)
        throw Error(ErrorKind::Invalid, "account " + user + " is revoked");
    std::vector<std::string> schools = schoolsIn;
    std::sort(schools.begin(), schools.end());
    schools.erase(std::unique(schools.begin(), schools.end()), schools.end());
    checkSchools(store, acc.role, schools);
    const std::vector<std::string> old = acc.schools;
    acc.schools = schools;
    store.putAccount(acc);
    audit(
        store, nowMs, actor, "account-changed", user,
        Json{{"role", acc.role}, {"schools", schools}, {"old_role", acc.role}, {"old_schools", old}, {"password_changed", false}},
        source);
    tx.commit();
}

void resetPassword(Store &store, const std::string &user, const std::string &password, const std::string &actor, int64_t nowMs,
                   const std::string &source)
{
    if (password.size() < 6)
        throw Error(ErrorKind::Invalid, "password is too short (at least 6 characters)");
    Transaction tx(store);
    Account acc = needAccount(store, user);
    if (acc.revoked)
        throw Error(ErrorKind::Invalid, "account " + user + " is revoked and stays revoked");
    acc.pwHash = hashPassword(password);
    store.putAccount(acc);
    audit(store, nowMs, actor, "password-reset", user, Json::object(), source);
    tx.commit();
}

void setAdmin(Store &store, const std::string &user, bool admin, const std::string &actor, int64_t nowMs,
              const std::string &source)
{
    Transaction tx(store);
    Account acc = needAccount(store, user);
    if (admin && acc.role != "bureau")
        throw Error(ErrorKind::Invalid, "only a bureau account can be an administrator (" + user + " is " + acc.role + ")");
    store.setAccountAdmin(user, admin);
    audit(store, nowMs, actor, admin ? "admin-granted" : "admin-withdrawn", user, Json::object(), source);
    tx.commit();
}

IssuedEnrolCode issueEnrolCode(Store &store, const std::string &user, int days, const std::string &actor, int64_t nowMs,
                               const std::string &source)
{
    if (days < 1 || days > kMaxEnrolCodeDays)
        throw Error(ErrorKind::Invalid,
                    "an enrolment code lives 1 to " + std::to_string(kMaxEnrolCodeDays) + " days, not " + std::to_string(days));
    Transaction tx(store);
    Account acc = needAccount(store, user);
    if (acc.revoked)
        throw Error(ErrorKind::Invalid, "account " + user + " is revoked; it cannot enrol a phone");
    IssuedEnrolCode out{user, newEnrolCode(), nowMs + days * kDayMs};
    EnrolCode c;
    c.hash = enrolCodeHash(*normaliseEnrolCode(out.code));
    c.user = user;
    c.created = nowMs;
    c.expires = out.expires;
    c.createdBy = actor;
    store.insertEnrolCode(c);
    audit(store, nowMs, actor, "enrol-code-issued", user, Json{{"expires", out.expires}}, source);
    tx.commit();
    return out;
}

int revokeEnrolCodes(Store &store, const std::string &user, const std::string &actor, int64_t nowMs, const std::string &source)
{
    Transaction tx(store);
    needAccount(store, user);
    const int n = store.revokeEnrolCodesOf(user);
    audit(store, nowMs, actor, "enrol-codes-revoked", user, Json{{"codes", n}}, source);
    tx.commit();
    return n;
}

std::string certificatePin(const std::string &pemFile)
{
    FILE *f = std::fopen(pemFile.c_str(), "rb");
    if (!f)
        throw Error(ErrorKind::Invalid, "cannot read the certificate " + pemFile);
    X509 *cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    if (!cert)
        throw Error(ErrorKind::Invalid, pemFile + " is not a PEM certificate");
    unsigned char *der = nullptr;
    const int n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
    X509_free(cert);
    if (n <= 0)
        throw Error(ErrorKind::Invalid, pemFile + ": cannot read its public key");
    std::string spki(reinterpret_cast<const char *>(der), size_t(n));
    OPENSSL_free(der);
    return "sha256//" + base64Encode(sha256Raw(spki));
}

std::string enrolQrText(const std::string &serverUrl, const std::string &pin, const IssuedEnrolCode &code)
{
    return enrolLinkText(EnrolLink{serverUrl, pin, code.user, code.code});
}

Json accountsOverview(Store &store, int64_t nowMs)
{
    Transaction tx(store, TxMode::Read);
    Json schools = Json::array();
    std::map<std::string, std::string> township;
    for (const auto &r : store.recordsOf("schools", std::nullopt)) {
        auto t = r.fields.find("township");
        if (!r.deleted() && t != r.fields.end() && t->is_string())
            township[r.id] = t->get<std::string>();
    }
    for (const auto &s : store.schools())
        schools.push_back(Json{{"code", s.code}, {"name", s.name}, {"county", s.county}, {"township", township[s.code]}});
    Json accounts = Json::array();
    for (const auto &a : store.accounts()) {
        int devices = 0;
        int64_t lastSeen = 0;
        for (const auto &d : store.devicesOf(a.user)) {
            if (d.revoked)
                continue;
            ++devices;
            lastSeen = std::max(lastSeen, d.lastSeen);
        }
        int codes = 0;
        for (const auto &c : store.enrolCodesOf(a.user))
            codes += !c.used && !c.revoked && c.expires > nowMs;
        accounts.push_back(Json{{"user", a.user},
                                {"role", a.role},
                                {"schools", a.schools},
                                {"admin", a.admin},
                                {"revoked", a.revoked},
                                {"devices", devices},
                                {"last_seen", lastSeen ? Json(lastSeen) : Json(nullptr)},
                                {"codes", codes}});
    }
    return Json{{"schools", schools}, {"accounts", accounts}};
}

HttpReply routeAdmin(Store &store, const std::string &authorization, const std::string &bodyText, int64_t nowMs,
                     const std::string &source, const std::string &pin)
{
    try {
        const std::string prefix = "Bearer ";
        if (authorization.compare(0, prefix.size(), prefix) != 0)
            throw Error(ErrorKind::Auth, "missing device token (Authorization: Bearer ...)");
        const DeviceSession who = authenticate(store, authorization.substr(prefix.size()), nowMs);
        const auto acc = store.account(who.user);
        if (who.role != "bureau" || !acc || !acc->admin)
            throw Error(ErrorKind::Forbidden, "only a bureau administrator manages accounts and schools (" + who.user +
                                                  " is not one; an administrator runs: cunxiao-server admin DATA_DIR "
                                                  "add-user --user " +
                                                  who.user + " ... --admin)");
        const Json body = parseJson(bodyText, "admin request");
        if (!body.is_object())
            throw Error(ErrorKind::Protocol, "admin request: not a JSON object");
        const std::string op = str(body, "op");
        const std::string &actor = who.user;
        Json reply{{"protocol", kProtocolVersion}, {"op", op}};
        if (op == "list") {
            reply.update(accountsOverview(store, nowMs));
        } else if (op == "add-school") {
            const std::string code = str(body, "code");
            std::string county = str(body, "county", false);
            if (county.empty()) // the county of the schools already there
                for (const auto &s : store.schools())
                    if (!s.county.empty()) {
                        county = s.county;
                        break;
                    }
            addSchool(store, code, str(body, "name"), county, nowMs, actor, str(body, "township", false));
        } else if (op == "add-user") {
            const std::string user = str(body, "user");
            const std::string role = str(body, "role");
            if (store.account(user))
                throw Error(ErrorKind::Invalid, "an account named " + user +
                                                    " exists already (change it with assign "
                                                    "or reset-password)");
            Transaction tx(store);
            addUser(store, user, role, schoolsFrom(store, body), str(body, "password"), actor, nowMs);
            if (body.value("admin", false))
                setAdmin(store, user, true, actor, nowMs, source);
            tx.commit();
        } else if (op == "assign") {
            assignSchools(store, str(body, "user"), schoolsFrom(store, body), actor, nowMs, source);
        } else if (op == "reset-password") {
            resetPassword(store, str(body, "user"), str(body, "password"), actor, nowMs, source);
        } else if (op == "set-admin") {
            const std::string user = str(body, "user");
            if (user == who.user && !body.value("admin", false))
                throw Error(ErrorKind::Invalid, "you cannot withdraw your own administrator rights");
            setAdmin(store, user, body.value("admin", false), actor, nowMs, source);
        } else if (op == "revoke") {
            const std::string user = str(body, "user");
            if (user == who.user)
                throw Error(ErrorKind::Invalid, "you cannot revoke your own account from its own device");
            reply["devices_revoked"] = revokeUser(store, user, actor, nowMs);
        } else if (op == "enrol-code") {
            const int days = body.value("days", kDefaultEnrolCodeDays);
            IssuedEnrolCode c = issueEnrolCode(store, str(body, "user"), days, actor, nowMs, source);
            reply["user"] = c.user;
            reply["code"] = c.code;
            reply["expires"] = c.expires;
            reply["pin"] = pin;
        } else if (op == "revoke-codes") {
            reply["codes_revoked"] = revokeEnrolCodes(store, str(body, "user"), actor, nowMs, source);
        } else if (op == "history") {
            // One record's history from the audit: who changed which fields to
            // what, when, from which device (the bureau's record history view).
            Json entries = Json::array();
            for (const auto &line : readAudit(store, auditFilter("", str(body, "collection") + "/" + str(body, "id"), 0))) {
                Json e = line.json;
                e["at"] = line.at;
                e["text"] = line.text;
                entries.push_back(std::move(e));
            }
            reply["entries"] = std::move(entries);
        } else {
            throw Error(ErrorKind::Invalid, "admin: unknown op \"" + op +
                                                "\" (list, add-school, add-user, assign, reset-password, set-admin, "
                                                "revoke, enrol-code, revoke-codes, history)");
        }
        return HttpReply{200, reply.dump(), true};
    } catch (const Json::exception &) {
        return errorReply(400, "protocol", "admin: a field has the wrong type (days: a number, admin: true or false)");
    } catch (...) {
        return replyFromException();
    }
}

} // namespace cx::server
