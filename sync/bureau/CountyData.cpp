#include "bureau/CountyData.h"

#include <algorithm>

namespace cx::bureau {

std::string textOf(const Json &fields, const char *name)
{
    if (!fields.is_object())
        return {};
    auto it = fields.find(name);
    if (it == fields.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    return it->dump();
}

Json SchoolInfo::toJson() const
{
    return Json{{"code", code}, {"name", name}, {"township", township}, {"kind", kind}, {"head", head}, {"phone", phone}};
}

std::map<std::string, SchoolInfo> schoolsOf(RecordQuery &q)
{
    RecordSelection all;
    all.collection = "schools";
    std::map<std::string, SchoolInfo> out;
    for (const auto &r : q.list(all)) {
        SchoolInfo s{textOf(r.fields, "code"), textOf(r.fields, "name"), textOf(r.fields, "township"),
                     textOf(r.fields, "kind"), textOf(r.fields, "head"), textOf(r.fields, "phone")};
        if (s.code.empty())
            s.code = r.school.empty() ? r.id : r.school;
        if (s.name.empty())
            s.name = s.code;
        out[s.code] = std::move(s);
    }
    return out;
}

namespace {

std::string localText(const Json &v, const char *lang)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_object()) {
        std::string t = textOf(v, lang);
        return t.empty() ? textOf(v, "zh") : t;
    }
    return {};
}

FormInfo toForm(const LocalRecord &r)
{
    FormInfo f;
    f.id = r.id;
    f.definition = r.fields.value("definition", Json::object());
    f.version = f.definition.value("version", 0);
    const Json title = f.definition.value("title", r.fields.value("title", Json()));
    f.titleZh = localText(title, "zh");
    f.titleEn = localText(title, "en");
    if (f.titleZh.empty())
        f.titleZh = f.id;
    if (f.titleEn.empty())
        f.titleEn = f.titleZh;
    const Json meta = f.definition.value("meta", Json::object());
    f.periodKind = textOf(meta, "period");
    f.due = textOf(meta, "due");
    f.periodField = textOf(meta, "period_field");
    const Json schools = f.definition.value("schools", Json("*"));
    if (schools.is_array()) {
        f.allSchools = false;
        for (const auto &s : schools)
            if (s.is_string())
                f.schools.insert(s.get<std::string>());
    }
    return f;
}

} // namespace

std::optional<FormInfo> formInfo(RecordQuery &q, const std::string &formId)
{
    auto r = q.get("forms", formId);
    if (!r || r->deleted)
        return std::nullopt;
    return toForm(*r);
}

std::vector<FormInfo> formsOf(RecordQuery &q)
{
    RecordSelection all;
    all.collection = "forms";
    std::vector<FormInfo> out;
    for (const auto &r : q.list(all))
        out.push_back(toForm(r));
    return out;
}

std::string periodOfReturn(const FormInfo &form, const LocalRecord &r)
{
    if (!form.periodic())
        return {};
    if (!form.periodField.empty()) {
        std::string named = textOf(r.fields.value("answers", Json::object()), form.periodField.c_str());
        if (periodNamed(form.periodKind, named))
            return named;
    }
    if (auto day = parseDay(textOf(r.fields, "updated_at")))
        return periodContaining(form.periodKind, *day).key;
    return {};
}

std::vector<Return> returnsOf(RecordQuery &q, const FormInfo &form)
{
    RecordSelection sel;
    sel.collection = "submissions";
    sel.conditions = {{"form", FieldCondition::Eq, form.id}};
    sel.sortField = "updated_at";
    std::vector<Return> out;
    std::set<std::string> corrected;
    for (auto &r : q.list(sel)) {
        const std::string status = textOf(r.fields, "status");
        if (status != "submitted" && status != "accepted" && status != "returned")
            continue;
        Return ret;
        ret.status = status;
        ret.period = periodOfReturn(form, r);
        ret.sentOn = parseDay(textOf(r.fields, "updated_at"));
        ret.corrects = textOf(r.fields, "corrects");
        if (!ret.corrects.empty())
            corrected.insert(ret.corrects);
        ret.record = std::move(r);
        out.push_back(std::move(ret));
    }
    for (auto &r : out)
        r.superseded = corrected.count(r.record.id) > 0;
    return out;
}

} // namespace cx::bureau
