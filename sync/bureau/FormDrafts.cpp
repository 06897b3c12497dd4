#include "bureau/FormDrafts.h"

#include "engine/Engine.h"
#include "forms/FormDefinition.h"
#include "forms/Publication.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"
#include "protocol/Record.h"
#include "xlsform/Import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace cx::bureau {

namespace {
constexpr const char *kDraftsKey = "form_drafts";

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

Json allDrafts(Engine &e)
{
    const auto text = e.localValue(kDraftsKey);
    Json j = text ? Json::parse(*text, nullptr, false) : Json::object();
    return j.is_object() ? j : Json::object();
}

void saveAll(Engine &e, const Json &all) { e.setLocalValue(kDraftsKey, all.empty() ? std::string() : all.dump()); }

Json withoutVersion(Json def)
{
    if (def.is_object())
        def.erase("version");
    return def;
}

// name -> the field's own properties (its nested fields left out), in form order.
void collectFields(const Json &fields, std::vector<std::pair<std::string, Json>> &out)
{
    if (!fields.is_array())
        return;
    for (const auto &f : fields) {
        if (!f.is_object())
            continue;
        Json own = f;
        own.erase("fields");
        out.emplace_back(f.value("name", std::string()), own);
        if (auto n = f.find("fields"); n != f.end())
            collectFields(*n, out);
    }
}

std::vector<std::pair<std::string, Json>> fieldsOf(const Json &def)
{
    std::vector<std::pair<std::string, Json>> out;
    if (auto pages = def.find("pages"); pages != def.end() && pages->is_array())
        for (const auto &p : *pages)
            if (p.is_object() && p.contains("fields"))
                collectFields(p["fields"], out);
    if (auto fields = def.find("fields"); fields != def.end())
        collectFields(*fields, out);
    return out;
}

const char *stateOf(Engine &e, const std::string &collection, const std::string &id, std::string *reason = nullptr)
{
    auto r = e.get(collection, id);
    if (!r)
        return "none";
    if (reason)
        *reason = r->rejectReason;
    return syncStateName(r->state);
}
} // namespace

ImportedForm readFormFile(const std::string &path)
{
    const std::string name = std::filesystem::path(path).filename().string();
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    ImportedForm out;
    if (ext == ".xlsx") {
        xlsform::ImportOptions options;
        options.fileName = path;
        xlsform::ImportResult r = xlsform::importXlsform(path, options); // XlsformError names sheet, row, column
        out.definition = std::move(r.definition);
        out.notes = std::move(r.notes);
        return out;
    }
    using Why = FormDraftError::Why;
    if (ext == ".xls")
        throw FormDraftError(Why::OldXls, ErrorKind::Invalid, name, 0,
                             name + ": an old Excel 97-2003 (.xls) file: save it as .xlsx in Excel and import that");
    if (ext != ".json")
        throw FormDraftError(Why::NotAForm, ErrorKind::Invalid, name, 0,
                             name + ": only a form definition (.json) or an XLSForm workbook (.xlsx) can be imported");
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw Error(ErrorKind::Invalid, name + ": cannot be read");
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string text = ss.str();
    try {
        out.definition = parseJson(text, name.c_str()); // names the file, and where it breaks
    } catch (const Error &e) {
        throw Error(ErrorKind::Invalid, e.what()); // a person's file, not the protocol
    }
    try {
        Json checked = out.definition;
        if (checked.is_object() && !checked.contains("version"))
            checked["version"] = 1;
        forms::FormDefinition::parse(checked);
    } catch (const Error &e) {
        throw Error(ErrorKind::Invalid, name + ": " + e.what());
    }
    return out;
}

Json FormDraft::toJson() const
{
    return Json{{"id", formId},   {"definition", definition},    {"source", source},  {"imported_at", importedAtMs},
                {"notes", notes}, {"published_as", publishedAs}, {"refused", refused}};
}

FormDraft FormDraft::fromJson(const Json &j)
{
    FormDraft d;
    d.formId = j.value("id", std::string());
    d.definition = j.value("definition", Json::object());
    d.source = j.value("source", std::string());
    d.importedAtMs = j.value("imported_at", int64_t(0));
    d.notes = j.value("notes", std::vector<std::string>());
    d.publishedAs = j.value("published_as", int64_t(0));
    d.refused = j.value("refused", std::string());
    return d;
}

std::vector<FormDraft> formDrafts(Engine &e)
{
    std::vector<FormDraft> out;
    const Json all = allDrafts(e);
    for (auto it = all.begin(); it != all.end(); ++it)
        if (it->is_object())
            out.push_back(FormDraft::fromJson(*it));
    return out;
}

std::optional<FormDraft> formDraft(Engine &e, const std::string &formId)
{
    const Json all = allDrafts(e);
    if (auto it = all.find(formId); it != all.end() && it->is_object())
        return FormDraft::fromJson(*it);
    return std::nullopt;
}

FormDraft keepDraft(Engine &e, const ImportedForm &form, const std::string &source, int64_t nowMs)
{
    FormDraft d;
    d.definition = form.definition;
    d.formId = form.definition.is_object() ? form.definition.value("id", std::string()) : std::string();
    if (!isValidRecordId(d.formId))
        throw Error(ErrorKind::Invalid, "the form definition needs an \"id\" (1-64 of A-Z a-z 0-9 _ . : -)");
    if (auto old = formDraft(e, d.formId); old && draftState(e, *old) == "sending")
        throw FormDraftError(FormDraftError::Why::Sending, ErrorKind::Invalid, d.formId, old->publishedAs,
                             "version " + std::to_string(old->publishedAs) + " of " + d.formId +
                                 " is waiting to be sent; sync first, then import the next version");
    d.source = std::filesystem::path(source).filename().string();
    d.importedAtMs = nowMs;
    d.notes = form.notes;
    Json all = allDrafts(e);
    all[d.formId] = d.toJson();
    saveAll(e, all);
    return d;
}

void dropDraft(Engine &e, const std::string &formId)
{
    if (auto d = formDraft(e, formId); d && draftState(e, *d) == "sending")
        throw FormDraftError(FormDraftError::Why::Sending, ErrorKind::Invalid, formId, d->publishedAs,
                             "version " + std::to_string(d->publishedAs) + " of " + formId +
                                 " is waiting to be sent; the draft stays until the server has answered");
    Json all = allDrafts(e);
    all.erase(formId);
    saveAll(e, all);
}

std::vector<FieldChange> diffDefinitions(const Json &before, const Json &after)
{
    const auto was = fieldsOf(before), now = fieldsOf(after);
    std::map<std::string, const Json *> wasByName, nowByName;
    for (const auto &[n, f] : was)
        wasByName[n] = &f;
    for (const auto &[n, f] : now)
        nowByName[n] = &f;
    std::vector<FieldChange> out;
    for (const auto &[n, f] : now) {
        auto w = wasByName.find(n);
        if (w == wasByName.end()) {
            out.push_back({n, "added", {}});
            continue;
        }
        FieldChange c{n, "changed", {}};
        for (auto it = f.begin(); it != f.end(); ++it)
            if (!w->second->contains(it.key()) || (*w->second)[it.key()] != *it)
                c.what.push_back(it.key());
        for (auto it = w->second->begin(); it != w->second->end(); ++it)
            if (!f.contains(it.key()))
                c.what.push_back(it.key());
        if (!c.what.empty())
            out.push_back(std::move(c));
    }
    for (const auto &[n, f] : was)
        if (!nowByName.count(n))
            out.push_back({n, "removed", {}});
    return out;
}

std::optional<Json> publishedForm(Engine &e, const std::string &formId)
{
    auto d = formDraft(e, formId);
    const int64_t own = d && d->refused.empty() ? d->publishedAs : 0; // this device's publish on its way
    if (auto r = e.get("forms", formId); r && !r->deleted && r->fields.contains("definition")) {
        if (r->state == SyncState::Confirmed)
            return r->fields;
        // Not confirmed: unless it is this device's own publish on its way (or
        // refused), it is the form as this device has it (an offline demo).
        if (r->state != SyncState::Rejected && forms::publishedVersion(r->fields) != own)
            return r->fields;
    }
    // The current record carries this device's own publish: the newest kept
    // version before it (confirmed by the server, or as this device has it).
    std::optional<Json> best;
    int64_t bestVersion = 0;
    for (const auto &r : e.list("form_versions"))
        if (r.state != SyncState::Rejected && r.id.rfind(formId + ".v", 0) == 0 && r.fields.contains("definition")) {
            const int64_t v = forms::publishedVersion(r.fields);
            if (v > bestVersion && (!own || v < own)) {
                bestVersion = v;
                best = r.fields;
            }
        }
    return best;
}

std::string draftState(Engine &e, const FormDraft &d)
{
    if (!d.refused.empty())
        return "refused";
    if (!d.publishedAs)
        return "draft";
    return "sending";
}

int64_t publishDraft(Engine &e, const std::string &formId)
{
    auto d = formDraft(e, formId);
    if (!d)
        throw FormDraftError(FormDraftError::Why::NoDraft, ErrorKind::NotFound, formId, 0,
                             "there is no draft of form " + formId + " on this device (import one first)");
    if (draftState(e, *d) == "sending")
        throw FormDraftError(FormDraftError::Why::Sending, ErrorKind::Invalid, formId, d->publishedAs,
                             "version " + std::to_string(d->publishedAs) + " of " + formId +
                                 " is already published here and waits for the next sync");
    const std::optional<Json> publishedFields = publishedForm(e, formId);
    if (publishedFields) {
        const int64_t v = forms::publishedVersion(*publishedFields);
        if (withoutVersion((*publishedFields)["definition"]) == withoutVersion(d->definition))
            throw FormDraftError(FormDraftError::Why::Unchanged, ErrorKind::Invalid, formId, v,
                                 "the draft of " + formId + " is the same as the published version " + std::to_string(v) +
                                     "; nothing to publish");
    }
    // version = the published one + 1, written into the definition: a device
    // opens a form with the version its definition names.
    Json def = d->definition;
    def["version"] = (publishedFields ? forms::publishedVersion(*publishedFields) : 0) + 1;
    const forms::Publication p = forms::shapePublication(def, publishedFields);
    e.put("forms", p.formId, kCountyScope, p.fields);
    e.put("form_versions", p.versionId(), kCountyScope, p.fields);
    d->definition = def;
    d->publishedAs = p.version;
    d->refused.clear();
    Json all = allDrafts(e);
    all[formId] = d->toJson();
    saveAll(e, all);
    return p.version;
}

int settleDrafts(Engine &e)
{
    int changed = 0;
    Json all = allDrafts(e);
    for (auto &d : formDrafts(e)) {
        if (!d.publishedAs || !d.refused.empty())
            continue;
        const std::string versionId = d.formId + ".v" + std::to_string(d.publishedAs);
        std::string why, whyVersion;
        const std::string form = stateOf(e, "forms", d.formId, &why);
        const std::string kept = stateOf(e, "form_versions", versionId, &whyVersion);
        if (form == "rejected" || kept == "rejected") {
            d.refused = !why.empty() ? why : whyVersion;
            d.publishedAs = 0;
            if (form == "rejected")
                e.discardRejected("forms", d.formId);
            if (kept == "rejected")
                e.discardRejected("form_versions", versionId);
            all[d.formId] = d.toJson();
            ++changed;
        } else if (form != "pending" && form != "sent") {
            // Settled one way or another: confirmed at the published-as version
            // is done; any other version (a conflict lost, a discard, another
            // device's publish) means this publish did not stand.
            auto r = e.get("forms", d.formId);
            const int64_t now = r && !r->deleted ? forms::publishedVersion(r->fields) : 0;
            if (now == d.publishedAs) {
                if (form == "confirmed" && kept == "confirmed") {
                    all.erase(d.formId);
                    ++changed;
                }
                continue;
            }
            d.refused = "superseded by v" + std::to_string(now);
            d.publishedAs = 0;
            all[d.formId] = d.toJson();
            ++changed;
        }
    }
    if (changed)
        saveAll(e, all);
    return changed;
}

} // namespace cx::bureau
