#include "sync/FormsValidator.h"
#include "sync/PlanValidator.h"
#include "sync/ValidatorHelpers.h"

#include "forms/Forms.h"
#include "forms/Publication.h"
#include "protocol/Errors.h"

namespace cx::server {

namespace {
const auto &text = textField;

bool isLockedStatus(const std::string &s) { return s == "submitted" || s == "accepted" || s == "returned"; }
} // namespace

std::optional<Json> formDefinition(Store &store, const std::string &id, int64_t version)
{
    if (auto cur = store.record("forms", id)) {
        auto v = cur->fields.find("version");
        if (v != cur->fields.end() && v->is_number_integer() && v->get<int64_t>() == version &&
            cur->fields.contains("definition"))
            return cur->fields["definition"];
    }
    if (auto old = store.record("form_versions", id + ".v" + std::to_string(version)))
        if (old->fields.contains("definition"))
            return old->fields["definition"];
    return std::nullopt;
}

std::optional<Rejection> FormsValidator::check(Store &store, const std::optional<RecordState> &before, const RecordState &after,
                                               const Mutation &m, const DeviceSession &who) const
{
    if (m.collection == "forms" || m.collection == "form_versions")
        return checkForm(before, after, m);
    if (m.collection == "submissions")
        return checkSubmission(store, before, after, m, who);
    return checkPlan(store, before, after, m, who); // assignments, visit_targets, inspections
}

std::optional<Rejection> FormsValidator::checkForm(const std::optional<RecordState> &before, const RecordState &after,
                                                   const Mutation &m) const
{
    if (after.deleted())
        return std::nullopt;
    auto def = after.fields.find("definition");
    if (def == after.fields.end())
        return refuse("a form record needs its \"definition\"");
    try {
        forms::FormDefinition::parse(*def);
    } catch (const Error &e) {
        return refuse(std::string("the form definition is malformed; the previous version stays in use: ") + e.what());
    }
    // The version the record names, its definition's and (form_versions) its id's agree.
    const int64_t version = forms::publishedVersion(after.fields);
    const Json &defVersion = def->contains("version") ? (*def)["version"] : Json();
    if (!after.fields.contains("version") || !defVersion.is_number_integer() || defVersion.get<int64_t>() != version)
        return refuse("the form record's \"version\" (" + after.fields.value("version", Json()).dump() +
                      ") and its definition's version (" + defVersion.dump() + ") must be the same");
    const std::string formId = def->value("id", std::string());
    const std::string wantId = m.collection == "forms" ? formId : formId + ".v" + std::to_string(version);
    if (m.id != wantId)
        return refuse(m.collection + "/" + m.id + " holds version " + std::to_string(version) + " of form " + formId +
                      "; its id must be " + wantId);
    // A published version is never overwritten: judged on what the device
    // sent (a write that lost the merge would otherwise pass unseen).
    if (before && !before->deleted() && before->fields.contains("definition")) {
        const int64_t stored = forms::publishedVersion(before->fields);
        const Json &sentDef = m.fields.contains("definition") ? m.fields["definition"] : *def;
        const int64_t sentVersion = m.fields.contains("version") ? forms::publishedVersion(m.fields) : version;
        const bool same = before->fields["definition"] == sentDef;
        if (!same && (m.collection == "form_versions" || sentVersion <= stored))
            return refuse("the bureau has published version " + std::to_string(stored) + " of form " + formId +
                          " since; sync and publish again");
    }
    return std::nullopt;
}

std::optional<Rejection> FormsValidator::checkSubmission(Store &store, const std::optional<RecordState> &before,
                                                         const RecordState &after, const Mutation &m,
                                                         const DeviceSession &who) const
{
    const bool bureau = who.role == "bureau";
    const std::string was = before ? text(*before, "status") : std::string();
    const std::string now = text(after, "status");

    if (isLockedStatus(was)) {
        for (const char *content : {"answers", "form", "form_version", "corrects", "reason"})
            if (m.fields.contains(content))
                return refuse("this return was submitted and can no longer change; submit a correction instead");
        if (was == "accepted" && !bureau)
            return refuse("this return has been accepted by the bureau and is locked");
        if (m.fields.contains(kDeletedField) && !bureau)
            return refuse("a submitted return cannot be deleted");
        if (now != was) {
            if (!bureau)
                return refuse("only the bureau accepts or returns a submitted return");
            if (!(was == "submitted" && (now == "accepted" || now == "returned")))
                return refuse("a return cannot go from \"" + was + "\" to \"" + now + "\"");
            if (now == "returned" && text(after, "comment").empty())
                return refuse("say why the return goes back: a returned submission needs a comment",
                              Json{{"comment", "必填 / required"}});
        }
        return std::nullopt;
    }

    if ((now == "accepted" || now == "returned") && !bureau)
        return refuse("only the bureau accepts or returns a submitted return");
    if (now != "submitted")
        return std::nullopt; // drafts are the person's own work in progress

    const std::string form = text(after, "form");
    auto ver = after.fields.find("form_version");
    if (form.empty() || ver == after.fields.end() || !ver->is_number_integer())
        return refuse("a submission needs \"form\" and \"form_version\"");
    auto def = formDefinition(store, form, ver->get<int64_t>());
    if (!def)
        return refuse("unknown form " + form + " version " + std::to_string(ver->get<int64_t>()));
    forms::FormDefinition fd = forms::FormDefinition::parse(*def);
    if (!fd.isFor(who.role, after.school) && !bureau)
        return refuse("form " + form + " is not meant for a " + who.role + " of school " + after.school);

    const std::string corrects = text(after, "corrects");
    if (!corrects.empty()) {
        auto old = store.record("submissions", corrects);
        if (!old || old->school != after.school)
            return refuse("the submission this corrects (" + corrects + ") does not exist in school " + after.school);
        if (text(after, "reason").empty())
            return refuse("a correction needs a reason", Json{{"reason", "必填 / required"}});
    }

    forms::RecordSource source;
    const std::string school = after.school;
    source.find = [&store, school](const std::string &collection, const std::string &key,
                                   const std::string &value) -> std::optional<Json> {
        if (key == "id") {
            auto r = store.record(collection, value);
            if (r && r->school == school && !r->deleted())
                return r->fields;
            return std::nullopt;
        }
        for (const auto &r : store.recordsOf(collection, school))
            if (!r.deleted() && r.fields.contains(key) && r.fields[key].is_string() && r.fields[key] == value)
                return r.fields;
        return std::nullopt;
    };
    Json answers = after.fields.contains("answers") ? after.fields["answers"] : Json::object();
    auto issues = forms::validateSubmission(fd, answers, &source);
    if (issues.empty())
        return std::nullopt;
    Json perField = Json::object();
    for (const auto &i : issues) {
        std::string msg = i.message + (i.messageEn.empty() ? "" : " / " + i.messageEn);
        perField[i.field] = perField.contains(i.field) ? perField[i.field].get<std::string>() + "; " + msg : msg;
    }
    return refuse(std::to_string(issues.size()) + " answer" + (issues.size() == 1 ? "" : "s") + " break the rules of form " +
                      form,
                  perField);
}

} // namespace cx::server
