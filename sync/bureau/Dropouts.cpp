#include "bureau/Dropouts.h"

#include <algorithm>

namespace cx::bureau {

Json DropoutTally::toJson() const { return Json{{"open", open}, {"back", back}, {"unvisited", unvisited}}; }

Json DropoutReport::toJson() const
{
    Json towns = Json::object();
    for (const auto &[name, t] : townships)
        towns[name] = t.toJson();
    Json cases = Json::array();
    for (const auto &c : open)
        cases.push_back(Json{{"pupil", c.pupil},
                             {"name", c.name},
                             {"grade", c.grade},
                             {"school", c.school.code},
                             {"school_name", c.school.name},
                             {"township", c.school.township},
                             {"last_visit", c.lastVisit},
                             {"visits", c.visits},
                             {"days_since_visit", c.daysSinceVisit}});
    return Json{{"county", county.toJson()}, {"townships", towns}, {"open", cases}};
}

DropoutReport dropouts(RecordQuery &q, Day today)
{
    const auto schools = schoolsOf(q);
    auto schoolOf = [&](const std::string &code) {
        auto it = schools.find(code);
        return it != schools.end() ? it->second : SchoolInfo{code, code, "", "", "", ""};
    };
    // Visits about leaving school, per pupil: how many and the latest day.
    struct Visits {
        int n = 0;
        std::string last;
    };
    std::map<std::string, Visits> visits;
    RecordSelection about{"home_visits"};
    about.conditions.push_back({"reason", FieldCondition::Eq, "left_school"});
    for (const auto &v : q.list(about)) {
        const std::string pupil = textOf(v.fields, "pupil");
        if (pupil.empty() || v.deleted)
            continue;
        Visits &x = visits[pupil];
        ++x.n;
        x.last = std::max(x.last, textOf(v.fields, "date").substr(0, 10));
    }

    DropoutReport rep;
    for (const auto &[code, s] : schools)
        rep.townships[s.township]; // every township shows, also with nothing to report
    auto tally = [&](const std::string &school) -> DropoutTally & { return rep.townships[schoolOf(school).township]; };

    RecordSelection left{"pupils"};
    left.conditions.push_back({"status", FieldCondition::Eq, "left"});
    for (const auto &p : q.list(left)) {
        if (p.deleted)
            continue;
        DropoutCase c;
        c.pupil = p.id;
        c.name = textOf(p.fields, "name");
        c.grade = textOf(p.fields, "grade");
        c.school = schoolOf(p.school);
        if (auto it = visits.find(p.id); it != visits.end()) {
            c.visits = it->second.n;
            c.lastVisit = it->second.last;
            if (auto d = parseDay(c.lastVisit))
                c.daysSinceVisit = int((today - *d).count());
        }
        const bool unvisited = c.daysSinceVisit < 0 || c.daysSinceVisit > kDropoutVisitDays;
        for (DropoutTally *t : {&rep.county, &tally(p.school)}) {
            ++t->open;
            t->unvisited += unvisited ? 1 : 0;
        }
        rep.open.push_back(std::move(c));
    }
    // Closed: visited about leaving, and in school again.
    for (const auto &[pupil, v] : visits) {
        auto p = q.get("pupils", pupil);
        if (!p || p->deleted || textOf(p->fields, "status") != "in_school")
            continue;
        ++rep.county.back;
        ++tally(p->school).back;
    }
    std::stable_sort(rep.open.begin(), rep.open.end(), [](const DropoutCase &a, const DropoutCase &b) {
        auto key = [](const DropoutCase &c) { return c.daysSinceVisit < 0 ? 1 << 30 : c.daysSinceVisit; };
        if (key(a) != key(b))
            return key(a) > key(b);
        return a.school.code + a.name < b.school.code + b.name;
    });
    return rep;
}

} // namespace cx::bureau
