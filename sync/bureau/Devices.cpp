#include "bureau/Devices.h"

#include <algorithm>

namespace cx::bureau {

namespace {
constexpr uint64_t kLowStorage = 200ull << 20; // under 200 MB free: photos will soon fail

std::string str(const Json &o, const char *k)
{
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}
uint64_t u64(const Json &o, const char *k)
{
    auto it = o.find(k);
    return it != o.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
}
} // namespace

std::vector<std::string> DeviceRow::attention(int64_t nowMs, int staleDays) const
{
    std::vector<std::string> why;
    if (revoked)
        return why;
    if (daysSinceSync(nowMs) >= staleDays)
        why.push_back("stale");
    if (rejected)
        why.push_back("rejected");
    if (conflicts)
        why.push_back("conflicts");
    if (freeKnown && freeBytes < kLowStorage)
        why.push_back("storage");
    return why;
}

Json DeviceRow::toJson(int64_t nowMs, int staleDays) const
{
    return Json{{"device", device},
                {"user", user},
                {"role", role},
                {"schools", schools},
                {"name", name},
                {"app", app},
                {"revoked", revoked},
                {"last_seen", lastSeenMs},
                {"days_since_sync", lastSeenMs ? Json(int64_t(daysSinceSync(nowMs))) : Json(nullptr)},
                {"reported", reported},
                {"pending", pending},
                {"pending_photos", pendingPhotos},
                {"rejected", rejected},
                {"conflicts", conflicts},
                {"free_bytes", freeKnown ? Json(freeBytes) : Json(nullptr)},
                {"link", link},
                {"last_error", lastError},
                {"forms", formsKnown ? Json(forms) : Json(nullptr)},
                {"attention", attention(nowMs, staleDays)}};
}

std::vector<DeviceRow> deviceRows(const Json &list)
{
    std::vector<DeviceRow> out;
    if (!list.is_array())
        return out;
    for (const auto &d : list) {
        if (!d.is_object())
            continue;
        DeviceRow r;
        r.device = str(d, "device");
        r.user = str(d, "user");
        r.role = str(d, "role");
        r.name = str(d, "name");
        r.app = str(d, "app");
        if (auto s = d.find("schools"); s != d.end() && s->is_array())
            for (const auto &x : *s)
                if (x.is_string())
                    r.schools.push_back(x.get<std::string>());
        r.revoked = d.value("revoked", false);
        if (auto s = d.find("last_seen"); s != d.end() && s->is_number_integer())
            r.lastSeenMs = s->get<int64_t>();
        if (auto h = d.find("health"); h != d.end() && h->is_object()) {
            r.reported = true;
            r.pending = u64(*h, "pending");
            r.pendingPhotos = u64(*h, "pending_photos");
            r.rejected = u64(*h, "rejected");
            r.conflicts = u64(*h, "conflicts");
            r.freeKnown = h->contains("free_bytes");
            r.freeBytes = u64(*h, "free_bytes");
            r.link = str(*h, "link");
            r.lastError = str(*h, "last_error");
            if (auto f = h->find("forms"); f != h->end() && f->is_object()) {
                r.formsKnown = true;
                for (auto it = f->begin(); it != f->end(); ++it)
                    if (it->is_number_integer())
                        r.forms[it.key()] = it->get<int64_t>();
            }
        }
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const DeviceRow &a, const DeviceRow &b) {
        if (a.revoked != b.revoked)
            return !a.revoked;
        return a.lastSeenMs < b.lastSeenMs;
    });
    return out;
}

} // namespace cx::bureau
