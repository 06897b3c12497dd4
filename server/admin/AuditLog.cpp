#include "admin/AuditLog.h"

#include "admin/AdminTime.h"
#include "protocol/Errors.h"
#include "protocol/Record.h"

#include <algorithm>
#include <ostream>

namespace cx::server {

namespace {

std::string joined(const Json &list)
{
    std::string out;
    if (!list.is_array())
        return out;
    for (const auto &x : list) {
        if (!out.empty())
            out += ",";
        out += x.is_string() ? x.get<std::string>() : x.dump();
    }
    return out.empty() ? "none" : out;
}

std::string str(const Json &j, const char *key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

AuditLine recordLine(const AuditEntry &e)
{
    const std::string op = str(e.mutation, "op");
    std::vector<std::string> fields;
    if (auto f = e.mutation.find("f"); f != e.mutation.end() && f->is_object())
        for (auto it = f->begin(); it != f->end(); ++it)
            fields.push_back(it.key());
    std::string what = op == "delete" ? "deleted" : op == "resolve" ? "settled a conflict of" : "changed";
    std::string text = (e.user.empty() ? std::string("?") : e.user) + " " + what + " " + e.collection + "/" + e.id;
    const std::string school = str(e.mutation, "school");
    if (!school.empty())
        text += " (school " + school + ")";
    if (op != "delete" && !fields.empty()) {
        text += ": ";
        for (size_t i = 0; i < fields.size(); ++i)
            text += (i ? ", " : "") + fields[i];
    }
    text += e.device.empty() ? " on the server" : " from device " + e.device;
    Json j{{"kind", "record"}, {"user", e.user}, {"device", e.device}, {"collection", e.collection}, {"id", e.id},
           {"seq", e.seq},     {"op", op},       {"fields", fields},   {"mutation", e.mutation}};
    return AuditLine{e.at, "record", text, j};
}

AuditLine signInLine(const SignInEvent &e)
{
    std::string outcome = e.outcome == "ok" ? "signed in" : "failed to sign in (" + e.outcome + ")";
    std::string text = e.user + " " + outcome + " from " + (e.source.empty() ? "?" : e.source);
    if (!e.device.empty())
        text += " on device " + e.device;
    Json j{{"kind", "sign-in"}, {"user", e.user}, {"device", e.device}, {"source", e.source}, {"outcome", e.outcome}};
    return AuditLine{e.at, "sign-in", text, j};
}

AuditLine adminLine(const AdminEvent &e)
{
    const Json &d = e.detail;
    std::string t;
    if (e.action == "account-created") {
        t = e.actor + " created account " + e.subject + ": role " + str(d, "role") + ", schools " + joined(d["schools"]);
    } else if (e.action == "account-changed") {
        // Only what changed; "no change" when add-user repeated the same.
        std::vector<std::string> parts;
        if (str(d, "old_role") != str(d, "role"))
            parts.push_back("role " + str(d, "old_role") + " -> " + str(d, "role"));
        const std::string before = joined(d.value("old_schools", Json::array())), after = joined(d["schools"]);
        if (before != after)
            parts.push_back("schools " + before + " -> " + after);
        if (d.value("password_changed", false))
            parts.emplace_back("new password");
        t = e.actor + " changed account " + e.subject + ": ";
        for (size_t i = 0; i < parts.size(); ++i)
            t += (i ? ", " : "") + parts[i];
        if (parts.empty())
            t += "no change";
    } else if (e.action == "revoke") {
        t = e.actor + " revoked account " + e.subject + " and its device(s) " + joined(d["devices"]) + ", ordered to wipe";
    } else if (e.action == "revoke-device") {
        t = e.actor + " revoked " + e.subject + " of " + str(d, "user") + " (" + str(d, "device_name") + "), ordered to wipe";
    } else if (e.action == "wipe-delivered") {
        t = "the wipe order reached " + e.subject + " of " + e.actor;
    } else if (e.action == "token-rotated") {
        t = e.actor + " rotated the token of " + e.subject;
    } else if (e.action == "form-published") {
        t = e.actor + " published " + e.subject + " version " + d.value("version", Json(0)).dump();
    } else if (e.action == "school-added" || e.action == "school-changed") {
        t = e.actor + (e.action == "school-added" ? " added " : " changed ") + e.subject + " " + str(d, "name");
    } else if (e.action == "export") {
        const std::string school = str(d, "school");
        t = e.actor + " exported " + d.value("rows", Json(0)).dump() + " row(s) of " + e.subject + " (" +
            (school.empty() ? std::string("every school") : "school " + school) + ") as " + str(d, "format");
    } else {
        t = e.actor + " " + e.action + " " + e.subject + " " + d.dump();
    }
    if (!e.source.empty())
        t += " from " + e.source;
    Json j{{"kind", "admin"},      {"actor", e.actor}, {"action", e.action},
           {"subject", e.subject}, {"detail", d},      {"source", e.source}};
    return AuditLine{e.at, "admin", t, j};
}

bool concerns(const AdminEvent &e, const AuditFilter &f)
{
    if (!f.collection.empty() && e.subject != f.collection + "/" + f.id)
        return false;
    if (!f.user.empty() && e.actor != f.user && e.subject != f.user && str(e.detail, "user") != f.user)
        return false;
    return true;
}

} // namespace

AuditFilter auditFilter(const std::string &user, const std::string &record, int64_t since)
{
    AuditFilter f;
    f.user = user;
    f.since = since;
    if (!record.empty()) {
        const auto slash = record.find('/');
        if (slash == std::string::npos || !isValidName(record.substr(0, slash)) || !isValidRecordId(record.substr(slash + 1)))
            throw Error(ErrorKind::Invalid,
                        "--record wants COLLECTION/ID, e.g. pupils/0191aae1-a46a-71e2-82cc-2ce46014be3b, not \"" + record + "\"");
        f.collection = record.substr(0, slash);
        f.id = record.substr(slash + 1);
    }
    return f;
}

std::vector<AuditLine> readAudit(Store &store, const AuditFilter &f)
{
    std::vector<AuditLine> out;
    for (const auto &e : store.auditEntries(AuditQuery{f.since, f.user, f.collection, f.id}))
        out.push_back(recordLine(e));
    if (f.collection.empty())
        for (const auto &e : store.signInEvents(f.user))
            if (e.at >= f.since)
                out.push_back(signInLine(e));
    for (const auto &e : store.adminEvents(f.since))
        if (concerns(e, f))
            out.push_back(adminLine(e));
    std::stable_sort(out.begin(), out.end(), [](const AuditLine &a, const AuditLine &b) { return a.at < b.at; });
    return out;
}

void writeAudit(const std::vector<AuditLine> &lines, std::ostream &out, bool json)
{
    for (const auto &l : lines) {
        if (json) {
            Json j = l.json;
            j["at"] = l.at;
            j["time"] = formatLocalTime(l.at);
            out << j.dump() << '\n';
        } else {
            out << formatLocalTime(l.at) << "  " << l.kind << "  " << l.text << '\n';
        }
    }
}

} // namespace cx::server
