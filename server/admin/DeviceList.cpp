#include "admin/DeviceList.h"

#include "admin/AdminTime.h"
#include "auth/Auth.h"
#include "http/ErrorReply.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <vector>

namespace cx::server {

namespace {

std::string stateOf(const Device &d)
{
    if (!d.revoked)
        return "active";
    if (d.wipeSent)
        return "revoked, wiped (told " + formatLocalTime(d.wipeSent) + ")";
    return "revoked, wipe ordered (not yet told)";
}

std::string tokenOf(const Device &d, int64_t nowMs)
{
    if (d.tokenExpires == 0)
        return "no expiry yet (renewed at next use)";
    return (d.tokenExpires <= nowMs ? "expired " : "") + formatLocalTime(d.tokenExpires);
}

} // namespace

Json devicesJson(Store &store, const std::vector<Device> &devices)
{
    std::map<std::string, std::optional<Account>> accounts;
    Json list = Json::array();
    for (const auto &d : devices) {
        auto &acc = accounts[d.user];
        if (!acc)
            acc = store.account(d.user);
        Json health = d.health.empty() ? Json(nullptr) : Json::parse(d.health, nullptr, false);
        if (health.is_discarded())
            health = nullptr;
        list.push_back(Json{{"user", d.user},
                            {"role", acc ? acc->role : std::string()},
                            {"schools", acc ? Json(acc->schools) : Json::array()},
                            {"device", d.id},
                            {"node", d.node},
                            {"name", d.name},
                            {"app", d.appVersion},
                            {"created", d.created},
                            {"last_seen", d.lastSeen},
                            {"last_source", d.lastSource},
                            {"revoked", d.revoked},
                            {"wipe_ordered", d.revoked},
                            {"wipe_delivered", d.wipeSent ? Json(d.wipeSent) : Json(nullptr)},
                            {"token_expires", d.tokenExpires ? Json(d.tokenExpires) : Json(nullptr)},
                            {"health", health},
                            {"health_at", d.healthAt ? Json(d.healthAt) : Json(nullptr)}});
    }
    return list;
}

HttpReply routeDevices(Store &store, const std::string &authorization)
{
    try {
        const std::string prefix = "Bearer ";
        if (authorization.compare(0, prefix.size(), prefix) != 0)
            throw Error(ErrorKind::Auth, "missing device token (Authorization: Bearer ...)");
        const DeviceSession who = authenticate(store, authorization.substr(prefix.size()));
        if (who.role != "bureau")
            throw Error(ErrorKind::Forbidden, "only the bureau sees the county's devices");
        Json list;
        {
            Transaction tx(store, TxMode::Read);
            list = devicesJson(store, store.allDevices());
        }
        return HttpReply{200, Json{{"protocol", kProtocolVersion}, {"devices", list}}.dump(), true};
    } catch (...) {
        return replyFromException();
    }
}

size_t listDevices(Store &store, const std::string &user, bool json, std::ostream &out, int64_t nowMs)
{
    if (!user.empty() && !store.account(user))
        throw Error(ErrorKind::NotFound, "no account named " + user);
    const std::vector<Device> devices = user.empty() ? store.allDevices() : store.devicesOf(user);
    if (json) {
        out << devicesJson(store, devices).dump(2) << '\n';
        return devices.size();
    }
    std::vector<std::vector<std::string>> rows{
        {"USER", "DEVICE", "NAME", "APP", "CREATED", "LAST SEEN", "LAST SOURCE", "STATE", "TOKEN EXPIRES"}};
    auto orDash = [](const std::string &s) { return s.empty() ? std::string("-") : s; };
    for (const auto &d : devices)
        rows.push_back({d.user, d.id, orDash(d.name), orDash(d.appVersion), formatLocalTime(d.created),
                        formatLocalTime(d.lastSeen), orDash(d.lastSource), stateOf(d), tokenOf(d, nowMs)});
    std::vector<size_t> width(rows[0].size(), 0);
    for (const auto &r : rows)
        for (size_t i = 0; i < r.size(); ++i)
            width[i] = std::max(width[i], r[i].size());
    for (const auto &r : rows) {
        std::string line;
        for (size_t i = 0; i < r.size(); ++i)
            line += i + 1 < r.size() ? r[i] + std::string(width[i] - r[i].size() + 2, ' ') : r[i];
        out << line << '\n';
    }
    if (devices.empty())
        out << "(no devices" << (user.empty() ? std::string() : " of " + user) << ")\n";
    return devices.size();
}

} // namespace cx::server
