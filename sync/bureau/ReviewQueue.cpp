#include "bureau/ReviewQueue.h"

#include "engine/Engine.h"
#include "forms/Forms.h"
#include "protocol/Errors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace cx::bureau {

Json ReviewItem::toJson() const
{
    Json f = Json::array();
    for (const auto &x : fields)
        f.push_back(
            Json{{"name", x.name}, {"label", x.labelZh}, {"value", x.value}, {"previous", x.previous}, {"flagged", x.flagged}});
    Json c = Json::array();
    for (const auto &x : checks)
        c.push_back(Json{{"field", x.field}, {"code", x.code}, {"message", x.message}, {"message_en", x.messageEn}});
    return Json{{"id", ret.record.id},
                {"form", textOf(ret.record.fields, "form")},
                {"title", formTitle},
                {"school", school.toJson()},
                {"period", ret.period},
                {"status", ret.status},
                {"sent_on", ret.sentOn ? formatDay(*ret.sentOn) : std::string()},
                {"comment", textOf(ret.record.fields, "comment")},
                {"corrects", ret.corrects},
                {"previous", previous ? previous->record.id : std::string()},
                {"history", history},
                {"fields", f},
                {"checks", c}};
}

namespace {

// One form's parsed definition and returns, read once per queue.
struct FormReturns {
    FormInfo info;
    std::shared_ptr<forms::FormDefinition> definition; // null when it does not parse
    std::vector<Return> returns;
};

std::shared_ptr<forms::FormDefinition> parsed(const Json &definition)
{
    try {
        return std::make_shared<forms::FormDefinition>(forms::FormDefinition::parse(definition));
    } catch (const std::exception &) {
        return nullptr; // a definition this build cannot read: the answers are still shown
    }
}

std::optional<double> number(const Json &v)
{
    if (v.is_number())
        return v.get<double>();
    return std::nullopt;
}

std::string shown(const Json &v)
{
    if (v.is_null())
        return {};
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_array()) {
        bool rows = !v.empty() && v.front().is_object();
        if (rows)
            return std::to_string(v.size()) + " 行";
        std::string out;
        for (const auto &x : v)
            out += (out.empty() ? "" : "、") + shown(x);
        return out;
    }
    if (v.is_boolean())
        return v.get<bool>() ? "是" : "否";
    return v.dump();
}

std::string percent(double ratio)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.0f%%", ratio * 100);
    return buf;
}

ReviewItem makeItem(const FormReturns &fr, const Return &r, const std::map<std::string, SchoolInfo> &schools,
                    const ReviewOptions &o)
{
    ReviewItem item;
    item.ret = r;
    auto s = schools.find(r.record.school);
    item.school = s != schools.end() ? s->second : SchoolInfo{r.record.school, r.record.school, "", "", "", ""};
    item.formTitle = fr.info.titleZh;
    item.formTitleEn = fr.info.titleEn;

    // History: the chain of versions this one corrects.
    std::map<std::string, const Return *> byId;
    for (const auto &x : fr.returns)
        byId[x.record.id] = &x;
    for (std::string at = r.corrects; !at.empty() && item.history.size() < 100;) {
        item.history.insert(item.history.begin(), at);
        auto it = byId.find(at);
        at = it == byId.end() ? std::string() : it->second->corrects;
    }

    // The same school's latest version of the previous period.
    if (auto p = periodNamed(fr.info.periodKind, r.period)) {
        const std::string before = previousPeriod(*p).key;
        for (const auto &x : fr.returns)
            if (x.record.school == r.record.school && x.period == before && !x.superseded)
                item.previous = x;
    }

    const Json answers = r.record.fields.value("answers", Json::object());
    const Json earlier = item.previous ? item.previous->record.fields.value("answers", Json::object()) : Json::object();
    auto fieldRow = [&](const std::string &name, std::string zh, std::string en) {
        ReviewField f{name, std::move(zh), std::move(en), shown(answers.value(name, Json())), shown(earlier.value(name, Json())),
                      false};
        const auto now = number(answers.value(name, Json())), then = number(earlier.value(name, Json()));
        if (now && then) {
            const double diff = *now - *then;
            if (std::fabs(diff) > o.changeMin && std::fabs(diff) > o.changeRatio * std::fabs(*then)) {
                f.flagged = true;
                const std::string ratio = *then != 0 ? "（" + percent(diff / *then) + "）" : std::string();
                item.checks.push_back({name, "change", f.labelZh + "：上期 " + f.previous + "，本期 " + f.value + ratio,
                                       f.labelEn + ": " + f.previous + " last period, " + f.value + " now" + ratio});
            }
        }
        item.fields.push_back(std::move(f));
    };
    if (fr.definition) {
        for (const auto &field : fr.definition->fields()) {
            if (field.parent != -1 && fr.definition->field(field.parent).type != forms::FieldType::Group)
                continue; // inside a repeat: shown as the repeat's row count
            if (field.type == forms::FieldType::Note || field.type == forms::FieldType::Group)
                continue;
            fieldRow(field.name, field.label.zh(), field.label.en());
            if (field.type == forms::FieldType::DateTime) { // "2026-12-07 09:30 +08:00"
                auto &row = item.fields.back();
                row.value = forms::dateTimeShown(row.value);
                row.previous = forms::dateTimeShown(row.previous);
            }
            if (field.type == forms::FieldType::Photo || field.type == forms::FieldType::Signature) {
                // A file: say that it is there, not its reference.
                auto &row = item.fields.back();
                const bool sig = field.type == forms::FieldType::Signature;
                auto said = [&](const Json &v) -> std::string {
                    if (v.is_null() || (v.is_array() && v.empty()) || (v.is_string() && v.get<std::string>().empty()))
                        return {};
                    if (sig)
                        return "已签 / signed";
                    return std::to_string(v.is_array() ? v.size() : 1) + " 张照片 / photos";
                };
                row.value = said(answers.value(field.name, Json()));
                row.previous = said(earlier.value(field.name, Json()));
            }
        }
        for (const auto &issue : forms::validateSubmission(*fr.definition, answers))
            item.checks.push_back({issue.name, issue.code, issue.message, issue.messageEn});
    } else if (answers.is_object()) {
        for (const auto &[name, v] : answers.items())
            fieldRow(name, name, name);
    }
    return item;
}

std::vector<FormReturns> reviewedForms(RecordQuery &q, const std::string &only)
{
    std::vector<FormReturns> out;
    for (auto &f : formsOf(q)) {
        if (!only.empty() ? f.id != only : textOf(f.definition.value("meta", Json::object()), "workflow") != "review")
            continue;
        FormReturns fr{f, parsed(f.definition), {}};
        fr.returns = returnsOf(q, f);
        out.push_back(std::move(fr));
    }
    return out;
}

} // namespace

std::vector<ReviewItem> reviewQueue(RecordQuery &q, const ReviewFilter &f, const ReviewOptions &o)
{
    const auto schools = schoolsOf(q);
    std::vector<ReviewItem> out;
    for (const auto &fr : reviewedForms(q, f.form)) {
        for (const auto &r : fr.returns) {
            if (r.superseded || (f.status != "all" && r.status != f.status) || (!f.period.empty() && r.period != f.period) ||
                (!f.school.empty() && r.record.school != f.school))
                continue;
            auto s = schools.find(r.record.school);
            if (!f.township.empty() && (s == schools.end() || s->second.township != f.township))
                continue;
            out.push_back(makeItem(fr, r, schools, o));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ReviewItem &a, const ReviewItem &b) {
        return textOf(a.ret.record.fields, "updated_at") > textOf(b.ret.record.fields, "updated_at");
    });
    return out;
}

std::optional<ReviewItem> reviewItem(RecordQuery &q, const std::string &submissionId, const ReviewOptions &o)
{
    auto rec = q.get("submissions", submissionId);
    if (!rec || rec->deleted)
        return std::nullopt;
    const auto schools = schoolsOf(q);
    for (const auto &fr : reviewedForms(q, textOf(rec->fields, "form")))
        for (const auto &r : fr.returns)
            if (r.record.id == submissionId)
                return makeItem(fr, r, schools, o);
    return std::nullopt;
}

namespace {

void review(Engine &e, const std::string &id, Json fields)
{
    auto rec = e.get("submissions", id);
    if (!rec || rec->deleted)
        throw Error(ErrorKind::NotFound, "no return '" + id + "' in this replica");
    const std::string status = textOf(rec->fields, "status");
    if (status != "submitted")
        throw Error(ErrorKind::Invalid,
                    "return '" + id + "' is " + (status.empty() ? "without a status" : status) + ", not waiting for review");
    fields["reviewed_at"] = formatDay(today());
    e.put("submissions", id, rec->school, fields);
}

} // namespace

void acceptReturn(Engine &e, const std::string &submissionId)
{
    review(e, submissionId, Json{{"status", "accepted"}, {"comment", nullptr}});
}

void sendBack(Engine &e, const std::string &submissionId, const std::string &comment)
{
    std::string trimmed = comment;
    trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
    if (trimmed.empty())
        throw Error(ErrorKind::Invalid, "say why the return goes back: a comment is needed");
    review(e, submissionId, Json{{"status", "returned"}, {"comment", comment}});
}

} // namespace cx::bureau
