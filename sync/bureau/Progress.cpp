#include "bureau/Progress.h"

#include "bureau/Assignments.h"
#include "forms/Plans.h"
#include "protocol/Errors.h"

#include <algorithm>
#include <tuple>

namespace cx::bureau {

Json PlanTally::toJson() const
{
    return Json{{"planned", planned}, {"done", done}, {"overdue", overdue}, {"met", met}, {"targets", targets}};
}

Json ProgressReport::toJson() const
{
    auto towns = [](const std::map<std::string, PlanTally> &m) {
        Json out = Json::object();
        for (const auto &[name, t] : m)
            out[name] = t.toJson();
        return out;
    };
    Json insp = Json::array(), teach = Json::array();
    for (const auto &i : inspectors)
        insp.push_back(Json{{"inspector", i.inspector}, {"township", i.township}, {"tally", i.tally.toJson()}});
    for (const auto &t : teachers)
        teach.push_back(Json{{"teacher", t.teacher},
                             {"teacher_name", t.teacherName},
                             {"school", t.school},
                             {"school_name", t.schoolName},
                             {"township", t.township},
                             {"tally", t.tally.toJson()}});
    return Json{{"period", period.key},
                {"first", formatDay(period.first)},
                {"last", formatDay(period.last)},
                {"inspections",
                 Json{{"county", inspections.toJson()}, {"townships", towns(inspectionsByTownship)}, {"inspectors", insp}}},
                {"home_visits", Json{{"county", visits.toJson()}, {"townships", towns(visitsByTownship)}, {"teachers", teach}}}};
}

Period progressPeriod(const std::string &key, Day today)
{
    if (key.empty())
        return periodContaining("term", today);
    if (auto p = forms::targetPeriod(key))
        return *p;
    throw Error(ErrorKind::Invalid,
                "the period \"" + key + "\" is not a month (2026-12), a term (2026-autumn) or a school year (2026-2027)");
}

ProgressReport progress(RecordQuery &q, const Period &period, Day today)
{
    ProgressReport rep;
    rep.period = period;
    const auto schools = schoolsOf(q);
    for (const auto &[code, s] : schools) {
        rep.inspectionsByTownship[s.township]; // every township shows, also with nothing planned
        rep.visitsByTownship[s.township];
    }
    for (const auto &[name, t] : rep.inspectionsByTownship)
        rep.townships.push_back(name);

    // Inspections due in the period.
    const std::string first = formatDay(period.first), last = formatDay(period.last);
    std::map<std::string, InspectorProgress> inspectors;
    std::map<std::string, std::map<std::string, int>> inspectorTowns;    // inspector -> township -> assignments
    for (const auto &a : assignmentRows(q, AssignmentFilter{}, today)) { // all but cancelled
        if (a.due < first || a.due > last)
            continue;
        InspectorProgress &who = inspectors[a.inspector];
        who.inspector = a.inspector;
        ++inspectorTowns[a.inspector][a.township];
        for (PlanTally *t : {&rep.inspections, &rep.inspectionsByTownship[a.township], &who.tally}) {
            ++t->planned;
            t->done += a.state == "done" ? 1 : 0;
            t->overdue += a.state == "overdue" ? 1 : 0;
        }
    }
    for (auto &[user, who] : inspectors) {
        const auto &towns = inspectorTowns[user];
        who.township =
            std::max_element(towns.begin(), towns.end(), [](const auto &x, const auto &y) { return x.second < y.second; })->first;
        rep.inspectors.push_back(who);
    }

    // Home-visit targets overlapping the period.
    std::map<std::tuple<std::string, std::string, std::string>, TeacherProgress> teachers; // township, school, teacher
    for (const auto &t : visitTargetRows(q, today)) {
        if (t.last < first || t.first > last)
            continue;
        auto s = schools.find(t.school);
        const std::string township = s != schools.end() ? s->second.township : std::string();
        TeacherProgress &who = teachers[{township, t.school, t.teacher}];
        who.teacher = t.teacher;
        if (!t.teacherName.empty())
            who.teacherName = t.teacherName;
        who.school = t.school;
        who.schoolName = t.schoolName;
        who.township = township;
        for (PlanTally *x : {&rep.visits, &rep.visitsByTownship[township], &who.tally}) {
            x->planned += t.target;
            x->done += std::min(t.done, t.target);
            ++x->targets;
            x->met += t.met() ? 1 : 0;
        }
    }
    for (auto &[key, who] : teachers)
        rep.teachers.push_back(std::move(who));
    return rep;
}

} // namespace cx::bureau
