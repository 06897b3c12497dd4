#include "bureau/FormsOverview.h"

#include "bureau/FormDrafts.h"
#include "engine/Engine.h"
#include "forms/Publication.h"

#include <algorithm>
#include <map>

namespace cx::bureau {

namespace {
std::string localText(const Json &t, const char *lang)
{
    if (t.is_string())
        return t.get<std::string>();
    if (t.is_object()) {
        if (auto it = t.find(lang); it != t.end() && it->is_string())
            return it->get<std::string>();
        for (const auto &v : t)
            if (v.is_string())
                return v.get<std::string>();
    }
    return {};
}

std::vector<std::string> strings(const Json &def, const char *key)
{
    std::vector<std::string> out;
    if (auto it = def.find(key); it != def.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_string())
                out.push_back(v.get<std::string>());
    return out;
}

void describe(FormOverview &f, const Json &def)
{
    const Json title = def.value("title", Json(f.id));
    f.titleZh = localText(title, "zh");
    f.titleEn = localText(title, "en");
    if (f.titleZh.empty())
        f.titleZh = f.id;
    if (f.titleEn.empty())
        f.titleEn = f.titleZh;
    f.roles = strings(def, "roles");
    f.schools = strings(def, "schools");
}

bool reaches(const FormOverview &f, const DeviceRow &d)
{
    if (!f.roles.empty() && std::find(f.roles.begin(), f.roles.end(), d.role) == f.roles.end())
        return false;
    if (f.schools.empty() || d.role == "bureau")
        return true;
    for (const auto &s : d.schools)
        if (std::find(f.schools.begin(), f.schools.end(), s) != f.schools.end())
            return true;
    return false;
}
} // namespace

Json FormOverview::toJson() const
{
    Json held = Json::array();
    for (const auto &h : this->held)
        held.push_back({{"version", h.version},
                        {"devices", h.devices},
                        {"oldest_sync", h.oldestSyncMs ? Json(h.oldestSyncMs) : Json(nullptr)}});
    return Json{{"id", id},
                {"title", titleZh},
                {"title_en", titleEn},
                {"version", version},
                {"roles", roles},
                {"schools", schools.empty() ? Json("*") : Json(schools)},
                {"draft", draft.empty() ? Json(nullptr) : Json(draft)},
                {"draft_version", draftVersion},
                {"refused", refused},
                {"devices", held},
                {"not_reported", notReported}};
}

void countVersions(FormOverview &form, const std::vector<DeviceRow> &rows)
{
    std::map<int64_t, VersionHeld, std::greater<>> byVersion;
    form.notReported = 0;
    for (const auto &d : rows) {
        if (d.revoked)
            continue;
        if (!d.formsKnown) {
            form.notReported += reaches(form, d);
            continue;
        }
        auto it = d.forms.find(form.id);
        if (it == d.forms.end())
            continue; // the form does not reach it, or it has not synced since the form was published
        VersionHeld &h = byVersion[it->second];
        h.version = it->second;
        h.devices++;
        if (d.lastSeenMs && (!h.oldestSyncMs || d.lastSeenMs < h.oldestSyncMs))
            h.oldestSyncMs = d.lastSeenMs;
    }
    form.held.clear();
    for (const auto &[v, h] : byVersion)
        form.held.push_back(h);
}

std::vector<FormOverview> formsOverview(Engine &e, const Json &devices)
{
    std::map<std::string, FormOverview> byId;
    for (const auto &r : e.list("forms")) {
        const auto published = publishedForm(e, r.id);
        if (!published)
            continue;
        FormOverview f;
        f.id = r.id;
        f.version = forms::publishedVersion(*published);
        describe(f, published->value("definition", Json::object()));
        byId[f.id] = std::move(f);
    }
    for (const auto &d : formDrafts(e)) {
        auto [it, fresh] = byId.try_emplace(d.formId);
        FormOverview &f = it->second;
        if (fresh) {
            f.id = d.formId;
            describe(f, d.definition);
        }
        f.draft = draftState(e, d);
        f.refused = d.refused;
        f.draftVersion = d.publishedAs;
    }
    const auto rows = deviceRows(devices);
    std::vector<FormOverview> out;
    for (auto &[id, f] : byId) {
        countVersions(f, rows);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace cx::bureau
