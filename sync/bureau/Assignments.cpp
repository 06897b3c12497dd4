#include "bureau/Assignments.h"

#include "engine/Engine.h"
#include "forms/Plans.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"

#include <algorithm>
#include <map>
#include <set>

namespace cx::bureau {

namespace {

RecordSelection all(const char *collection)
{
    RecordSelection s;
    s.collection = collection;
    return s;
}

std::string authorOf(const LocalRecord &r, const char *field)
{
    auto it = r.by.find(field);
    return it == r.by.end() ? std::string() : it->second;
}

int daysBetween(Day from, Day to) { return int((to - from).count()); }

// Names in a visit's "visitors" ("王建国, 李老师", "li.na、zhang.wei").
std::vector<std::string> namesIn(const std::string &visitors)
{
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty())
            out.push_back(cur);
        cur.clear();
    };
    for (size_t i = 0; i < visitors.size();) {
        bool sep = false;
        size_t len = 1;
        for (const char *s : {",", ";", " ", "\t", "，", "、", "；"}) {
            const std::string_view v(s);
            if (visitors.compare(i, v.size(), v) == 0) {
                sep = true;
                len = v.size();
                break;
            }
        }
        if (sep)
            flush();
        else
            cur.append(visitors, i, len);
        i += len;
    }
    flush();
    return out;
}

std::string trimmed(std::string s)
{
    s.erase(0, s.find_first_not_of(" \t\r\n"));
    s.erase(s.find_last_not_of(" \t\r\n") + 1);
    return s;
}

} // namespace

Json AssignmentRow::toJson() const
{
    return Json{{"id", id},
                {"school", school},
                {"school_name", schoolName},
                {"township", township},
                {"inspector", inspector},
                {"form", form},
                {"form_title", formTitle},
                {"note", note},
                {"due", due},
                {"assigned_on", assignedOn},
                {"state", state},
                {"inspection", inspection},
                {"done_on", doneOn},
                {"done_by", doneBy},
                {"report_inspectors", reportInspectors},
                {"report", report},
                {"done_note", doneNote},
                {"marked_by_hand", markedByHand},
                {"days_left", daysLeft}};
}

Json AssignmentTally::toJson() const
{
    return Json{{"planned", planned}, {"done", done}, {"overdue", overdue}, {"cancelled", cancelled}};
}

std::vector<AssignmentRow> assignmentRows(RecordQuery &q, const AssignmentFilter &f, Day today)
{
    const auto schools = schoolsOf(q);
    std::map<std::string, std::string> formTitles;
    for (const auto &form : formsOf(q))
        formTitles[form.id] = form.titleZh;

    std::vector<AssignmentRow> rows;
    std::set<std::string> bureauAccounts; // only the bureau writes assignments (PlanValidator)
    for (const auto &r : q.list(all("assignments"))) {
        if (r.rejectReason.empty()) // a refused write stays on its own device only
            for (const auto &[field, who] : r.by)
                bureauAccounts.insert(who);
        if (r.deleted)
            continue;
        AssignmentRow a;
        a.id = r.id;
        a.school = r.school;
        a.inspector = textOf(r.fields, "inspector");
        a.form = textOf(r.fields, "form");
        a.note = textOf(r.fields, "note");
        a.due = textOf(r.fields, "due");
        a.assignedOn = textOf(r.fields, "assigned_on");
        const std::string status = textOf(r.fields, "status");
        a.state = status == "cancelled" ? "cancelled" : status == "done" ? "done" : "planned";
        a.markedByHand = status == "done";
        if (a.markedByHand) {
            a.doneBy = authorOf(r, "status");
            a.doneOn = textOf(r.fields, "done_on");
            a.doneNote = textOf(r.fields, "done_note");
        }
        if (auto s = schools.find(a.school); s != schools.end()) {
            a.schoolName = s->second.name;
            a.township = s->second.township;
        } else {
            a.schoolName = textOf(r.fields, "school_name");
        }
        if (a.schoolName.empty())
            a.schoolName = a.school;
        auto t = formTitles.find(a.form);
        a.formTitle = t != formTitles.end() ? t->second : a.form;
        rows.push_back(std::move(a));
    }
    std::sort(rows.begin(), rows.end(), [](const AssignmentRow &x, const AssignmentRow &y) {
        return std::tie(x.due, x.school, x.id) < std::tie(y.due, y.school, y.id);
    });

    // Inspections done: those naming an assignment complete it; the others
    // complete the first-due open assignment of their school and inspector.
    std::map<std::string, AssignmentRow *> byId;
    for (auto &a : rows)
        byId[a.id] = &a;
    std::vector<LocalRecord> loose;
    for (auto &r : q.list(all("inspections"))) {
        if (r.deleted || textOf(r.fields, "status") != "done")
            continue;
        const std::string named = textOf(r.fields, "assignment");
        if (named.empty()) {
            loose.push_back(std::move(r));
            continue;
        }
        // Only the assignment's inspector or the bureau completes it; anyone
        // else of the school naming it completes nothing.
        const std::string who = authorOf(r, "status");
        auto it = byId.find(named);
        if (it != byId.end() && it->second->state == "planned" && it->second->school == r.school &&
            (who == it->second->inspector || bureauAccounts.count(who))) {
            it->second->state = "done";
            it->second->inspection = r.id;
            it->second->report = "inspection";
            it->second->doneBy = who;
            it->second->reportInspectors = textOf(r.fields, "inspectors");
            it->second->doneOn = textOf(r.fields, "date");
        }
    }
    // Inspection reports filed as the assignment's checklist form: a
    // submission of that form naming the assignment, submitted or accepted,
    // sent by its inspector or the bureau. A correction names the submission
    // it corrects and carries on its assignment.
    std::set<std::string> checklistForms;
    for (const auto &a : rows)
        if (a.state == "planned" && !a.form.empty())
            checklistForms.insert(a.form);
    for (const auto &form : checklistForms) {
        RecordSelection sel = all("submissions");
        sel.conditions.push_back({"form", FieldCondition::Eq, form});
        std::map<std::string, LocalRecord> subs;
        for (auto &r : q.list(sel))
            if (!r.deleted)
                subs.emplace(r.id, std::move(r));
        auto assignmentOf = [&](const LocalRecord &r) {
            const LocalRecord *at = &r;
            for (int hops = 0; at && hops < 16; ++hops) { // a chain of corrections, never a loop
                if (std::string named = textOf(at->fields, "assignment"); !named.empty())
                    return named;
                auto up = subs.find(textOf(at->fields, "corrects"));
                at = up != subs.end() ? &up->second : nullptr;
            }
            return std::string();
        };
        for (const auto &[id, r] : subs) {
            const std::string status = textOf(r.fields, "status");
            if (status != "submitted" && status != "accepted")
                continue;
            auto it = byId.find(assignmentOf(r));
            if (it == byId.end())
                continue;
            AssignmentRow &a = *it->second;
            const std::string who = authorOf(r, "status");
            if (a.state != "planned" || a.form != form || a.school != r.school ||
                (who != a.inspector && !bureauAccounts.count(who)))
                continue;
            a.state = "done";
            a.inspection = r.id;
            a.report = "submission";
            a.doneBy = who;
            a.reportInspectors = textOf(r.fields.value("answers", Json::object()), "inspectors");
            std::string day = textOf(r.fields.value("answers", Json::object()), "inspection_date").substr(0, 10);
            a.doneOn = parseDay(day) ? day : textOf(r.fields, "updated_at").substr(0, 10);
        }
    }

    std::sort(loose.begin(), loose.end(), [](const LocalRecord &x, const LocalRecord &y) {
        return std::make_pair(textOf(x.fields, "date"), x.id) < std::make_pair(textOf(y.fields, "date"), y.id);
    });
    for (const auto &r : loose) {
        const std::string when = textOf(r.fields, "date"), who = authorOf(r, "status");
        // The visit the bureau already marked done by hand that day, if any:
        // the same inspection does not complete a second one.
        bool matched = false;
        for (auto &a : rows)
            if (a.markedByHand && a.inspection.empty() && a.school == r.school && a.inspector == who && !when.empty() &&
                a.doneOn == when.substr(0, 10)) {
                a.inspection = r.id;
                a.report = "inspection";
                matched = true;
                break;
            }
        if (matched)
            continue;
        for (auto &a : rows)
            if (a.state == "planned" && a.school == r.school && a.inspector == who && !when.empty() &&
                when.substr(0, 10) >= a.assignedOn) {
                a.state = "done";
                a.inspection = r.id;
                a.report = "inspection";
                a.doneBy = who;
                a.reportInspectors = textOf(r.fields, "inspectors");
                a.doneOn = when.substr(0, 10);
                break;
            }
    }

    const std::string todayText = formatDay(today);
    std::vector<AssignmentRow> out;
    for (auto &a : rows) {
        if (auto d = parseDay(a.due))
            a.daysLeft = daysBetween(today, *d);
        if (a.state == "planned" && !a.due.empty() && a.due < todayText)
            a.state = "overdue";
        if (!f.inspector.empty() && a.inspector != f.inspector)
            continue;
        if (!f.township.empty() && a.township != f.township)
            continue;
        if (!f.school.empty() && a.school != f.school)
            continue;
        if (stateMatches(f.state, a.state))
            out.push_back(std::move(a));
    }
    // What needs the bureau first: overdue, then planned (due first), then
    // done (the latest first), then cancelled.
    auto rank = [](const std::string &st) { return st == "overdue" ? 0 : st == "planned" ? 1 : st == "done" ? 2 : 3; };
    std::stable_sort(out.begin(), out.end(), [&](const AssignmentRow &x, const AssignmentRow &y) {
        if (rank(x.state) != rank(y.state))
            return rank(x.state) < rank(y.state);
        return rank(x.state) >= 2 && x.due != y.due ? x.due > y.due : false;
    });
    return out;
}

bool stateMatches(const std::string &filter, const std::string &state)
{
    if (filter == "all")
        return true;
    if (filter.empty())
        return state != "cancelled";
    if (filter == "open")
        return state == "planned" || state == "overdue";
    return state == filter;
}

AssignmentTally tallyOf(const std::vector<AssignmentRow> &rows)
{
    AssignmentTally t;
    for (const auto &a : rows)
        (a.state == "done" ? t.done : a.state == "overdue" ? t.overdue : a.state == "cancelled" ? t.cancelled : t.planned)++;
    return t;
}

std::string planInspection(Engine &e, RecordQuery &, const NewAssignment &in, Day today)
{
    const std::string school = trimmed(in.school), inspector = trimmed(in.inspector), form = trimmed(in.form);
    Json fields{{"school", school}, {"inspector", inspector},          {"due", trimmed(in.due)},
                {"form", form},     {"assigned_on", formatDay(today)}, {"status", "planned"}};
    if (!trimmed(in.note).empty())
        fields["note"] = trimmed(in.note);
    if (std::string why = forms::assignmentProblem(fields); !why.empty())
        throw Error(ErrorKind::Invalid, why);
    if (fields["due"].get<std::string>() < formatDay(today))
        throw Error(ErrorKind::Invalid, "the due date " + fields["due"].get<std::string>() + " has already passed");
    auto s = e.get("schools", school);
    if (!s || s->deleted)
        throw Error(ErrorKind::Invalid, "there is no school " + school + " in this county");
    fields["school_name"] = textOf(s->fields, "name");
    auto f = e.get("forms", form);
    if (!f || f->deleted)
        throw Error(ErrorKind::Invalid, "there is no form " + form + " to use as the checklist");
    return e.put("assignments", "", school, fields);
}

namespace {
// The assignment as assignmentRows sees it on `today`; throws unless it is open.
LocalRecord openAssignment(Engine &e, RecordQuery &q, const std::string &id, Day today, const char *action)
{
    auto r = e.get("assignments", id);
    if (!r || r->deleted)
        throw Error(ErrorKind::NotFound, "no assignment '" + id + "' in this replica");
    AssignmentFilter every;
    every.state = "all";
    for (const auto &a : assignmentRows(q, every, today)) {
        if (a.id != id)
            continue;
        if (a.state == "planned" || a.state == "overdue")
            return *r;
        std::string why = "assignment '" + id + "' is already " + a.state;
        if (a.state == "done")
            why += a.markedByHand ? " (marked done by hand" + (a.doneOn.empty() ? "" : " on " + a.doneOn) + ")"
                                  : " (inspection " + a.inspection + " on " + a.doneOn + ")";
        throw Error(ErrorKind::Invalid, why + "; only a planned or overdue one can be " + action);
    }
    return *r; // written here and not yet readable: open
}
} // namespace

void cancelAssignment(Engine &e, RecordQuery &q, const std::string &id, Day today)
{
    const LocalRecord r = openAssignment(e, q, id, today, "cancelled");
    e.put("assignments", id, r.school, Json{{"status", "cancelled"}});
}

void markAssignmentDone(Engine &e, RecordQuery &q, const std::string &id, const std::string &note, Day today)
{
    const LocalRecord r = openAssignment(e, q, id, today, "marked done");
    Json fields{{"status", "done"}, {"done_on", formatDay(today)}};
    if (!trimmed(note).empty())
        fields["done_note"] = trimmed(note); // the planner's "note" stays
    e.put("assignments", id, r.school, fields);
}

Json TargetRow::toJson() const
{
    return Json{{"id", id},
                {"school", school},
                {"school_name", schoolName},
                {"teacher", teacher},
                {"teacher_name", teacherName},
                {"period", period},
                {"first", first},
                {"last", last},
                {"target", target},
                {"done", done},
                {"met", met()},
                {"over", over},
                {"refused", refused},
                {"note", note}};
}

std::vector<TargetRow> visitTargetRows(RecordQuery &q, Day today, const std::string &school, const std::string &teacher)
{
    const auto schools = schoolsOf(q);
    std::vector<TargetRow> rows;
    std::string first = "9999", last;
    for (const auto &r : q.list(all("visit_targets"))) {
        if (r.deleted || (!school.empty() && r.school != school))
            continue;
        TargetRow t;
        t.id = r.id;
        t.school = r.school;
        t.teacher = textOf(r.fields, "teacher");
        if (!teacher.empty() && t.teacher != teacher)
            continue;
        t.teacherName = textOf(r.fields, "teacher_name");
        t.period = textOf(r.fields, "period");
        t.note = textOf(r.fields, "note");
        t.refused = r.rejectReason;
        auto c = r.fields.find("count");
        t.target = c != r.fields.end() && c->is_number_integer() ? c->get<int>() : 0;
        auto p = forms::targetPeriod(t.period);
        if (!p)
            continue; // the server refuses these; one written offline waits for its answer
        t.first = formatDay(p->first);
        t.last = formatDay(p->last);
        t.over = p->last < today;
        auto s = schools.find(t.school);
        t.schoolName = s != schools.end() ? s->second.name : t.school;
        first = std::min(first, t.first);
        last = std::max(last, t.last);
        rows.push_back(std::move(t));
    }
    if (!rows.empty()) {
        RecordSelection visits = all("home_visits");
        visits.conditions = {{"date", FieldCondition::Ge, first}, {"date", FieldCondition::Le, last + "T99"}};
        for (const auto &v : q.list(visits)) {
            if (v.deleted)
                continue;
            const std::string day = textOf(v.fields, "date").substr(0, 10);
            const std::string author = authorOf(v, "date");
            const auto names = namesIn(textOf(v.fields, "visitors"));
            for (auto &t : rows) {
                if (t.school != v.school || day < t.first || day > t.last)
                    continue;
                const bool named =
                    std::find(names.begin(), names.end(), t.teacher) != names.end() ||
                    (!t.teacherName.empty() && std::find(names.begin(), names.end(), t.teacherName) != names.end());
                if (author == t.teacher || named)
                    ++t.done;
            }
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TargetRow &a, const TargetRow &b) {
        return std::make_tuple(a.over, a.school, a.teacher, b.first) < std::make_tuple(b.over, b.school, b.teacher, a.first);
    });
    return rows;
}

std::string setVisitTarget(Engine &e, RecordQuery &q, const NewTarget &in)
{
    const std::string school = trimmed(in.school), teacher = trimmed(in.teacher), period = trimmed(in.period);
    Json fields{{"teacher", teacher}, {"count", in.count}, {"period", period}};
    if (!trimmed(in.teacherName).empty())
        fields["teacher_name"] = trimmed(in.teacherName);
    if (!trimmed(in.note).empty())
        fields["note"] = trimmed(in.note);
    if (std::string why = forms::visitTargetProblem(fields); !why.empty())
        throw Error(ErrorKind::Invalid, why);
    if (school.empty())
        throw Error(ErrorKind::Invalid, "a home-visit target needs the school (its code)");
    // The same teacher and period: an edit of that target (one written
    // before ids were derived keeps its id).
    for (const auto &r : q.list(all("visit_targets")))
        if (!r.deleted && r.school == school && textOf(r.fields, "teacher") == teacher && textOf(r.fields, "period") == period)
            return e.put("visit_targets", r.id, school, fields);
    return e.put("visit_targets", targetId(school, teacher, period), school, fields);
}

std::vector<TeacherChoice> teacherChoices(RecordQuery &q, const std::string &school)
{
    std::map<std::string, std::string> named; // account -> name ("" while unknown)
    std::set<std::string> notTeachers;        // those who plan (the bureau) or are sent to inspect
    for (const auto &r : q.list(all("assignments"))) {
        for (const auto &[field, who] : r.by)
            notTeachers.insert(who);
        notTeachers.insert(textOf(r.fields, "inspector"));
    }
    for (const auto &r : q.list(all("visit_targets")))
        if (!r.deleted && r.school == school && r.rejectReason.empty())
            if (const std::string t = textOf(r.fields, "teacher"); !t.empty()) {
                std::string &name = named[t];
                if (name.empty())
                    name = textOf(r.fields, "teacher_name");
            }
    for (const auto &r : q.list(all("home_visits")))
        if (!r.deleted && r.school == school && r.rejectReason.empty())
            if (const std::string who = authorOf(r, "date"); !who.empty() && !notTeachers.count(who))
                named.emplace(who, std::string());
    std::vector<TeacherChoice> out;
    for (auto &[account, name] : named)
        out.push_back({account, name});
    return out;
}

std::string targetId(const std::string &school, const std::string &teacher, const std::string &period)
{
    std::string h = sha256Hex("visit_target\n" + school + "\n" + teacher + "\n" + period).substr(0, 32);
    h[12] = '8';                                                 // version 8: custom
    h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3]; // RFC 9562 variant
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

} // namespace cx::bureau
