#include "demo/DemoPlans.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>

namespace cx::demo {

namespace {

const char *const kInspectors[][2] = {{"zhou.min", "周敏"}, {"sun.li", "孙立"}, {"he.jie", "何杰"}};
const char *const kFindings[] = {"消防器材过期，限期更换", "食堂留样记录不全", "教室照明不足", "校舍墙体裂缝，需鉴定",
                                 "台账规范，无问题"};
const char *const kVisitReasons[] = {"routine", "left_behind", "dropout_risk", "routine"};

std::string day(forms::Day d) { return forms::formatDay(d); }
forms::Day plus(forms::Day d, int days) { return d + std::chrono::days(days); }

// Stable ids from the demo's parts: the same county every time.
std::string idOf(const char *kind, size_t a, size_t b)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "demo-%s-%02zu-%02zu", kind, a, b);
    return buf;
}

} // namespace

std::vector<DemoInspector> demoInspectors(const std::vector<DemoSchool> &schools)
{
    std::vector<DemoInspector> out;
    std::map<std::string, size_t> byTownship;
    for (const auto &s : schools) {
        auto it = byTownship.find(s.township);
        if (it == byTownship.end()) {
            if (out.size() >= std::size(kInspectors))
                continue;
            it = byTownship.emplace(s.township, out.size()).first;
            out.push_back({kInspectors[out.size()][0], kInspectors[out.size()][1], s.township, {}});
        }
        out[it->second].schools.push_back(s.code);
    }
    return out;
}

std::string demoTeacher(const std::vector<DemoSchool> &schools, size_t index)
{
    return index == 0 ? std::string("li.na") : "teacher." + schools[index].code;
}

std::string demoHead(const std::vector<DemoSchool> &schools, size_t index)
{
    return index == 0 ? std::string("zhang.wei") : "head." + schools[index].code;
}

std::vector<DemoRecord> demoPlans(const std::vector<DemoSchool> &schools, forms::Day today)
{
    std::vector<DemoRecord> out;
    std::map<std::string, std::string> names;
    for (const auto &s : schools)
        names[s.code] = s.name;
    const auto inspectors = demoInspectors(schools);
    for (size_t i = 0; i < inspectors.size(); ++i) {
        const auto &who = inspectors[i];
        for (size_t k = 0; k < who.schools.size(); ++k) {
            const std::string &school = who.schools[k];
            // Per township: the first half inspected, the rest planned over the
            // coming weeks; the first township's last school overdue.
            const bool done = k < (who.schools.size() + 1) / 2;
            const bool overdue = !done && i == 0 && k + 1 == who.schools.size();
            const int assigned = done ? -45 + int(k) * 3 : overdue ? -30 : -6;
            const int due = done ? -12 + int(k) : overdue ? -4 : 6 + int(k) * 4;
            const std::string id = idOf("assignment", i, k);
            Json a{{"school", school},
                   {"school_name", names[school]},
                   {"inspector", who.user},
                   {"due", day(plus(today, due))},
                   {"form", "school_inspection"},
                   {"assigned_on", day(plus(today, assigned))},
                   {"status", "planned"}};
            if (overdue)
                a["note"] = "重点检查校舍安全";
            out.push_back({"assignments", id, school, a, "chen.jun"});
            if (!done)
                continue;
            Json checklist = Json::object();
            for (const char *item : {"teaching", "safety", "hygiene", "canteen", "buildings", "records", "fees"})
                checklist[item] = Json{{"pass", (k + std::string(item).size()) % 5 != 0}};
            out.push_back({"inspections", idOf("inspection", i, k), school,
                           Json{{"assignment", id},
                                {"school_name", names[school]},
                                {"date", day(plus(today, due - 2))},
                                {"inspectors", who.name},
                                {"checklist", checklist},
                                {"problems", kFindings[(i + k) % std::size(kFindings)]},
                                {"deadline", day(plus(today, due + 28))},
                                {"status", "done"}},
                           who.user});
        }
    }

    // Targets: this month's home visits; visits so far, some met, some behind.
    const std::string month = day(today).substr(0, 7);
    const forms::Day first = *forms::parseDay(month + "-01");
    const int sofar = int((today - first).count()) + 1; // days of the month so far (visits share days early in a month)
    for (size_t s = 0; s < schools.size(); s += 2) {
        const std::string teacher = demoTeacher(schools, s);
        const int target = 4 + int(s % 3);
        out.push_back({"visit_targets", idOf("target", s, 0), schools[s].code,
                       Json{{"teacher", teacher}, {"count", target}, {"period", month}}, s == 0 ? "zhang.wei" : "chen.jun"});
        const int made = s % 4 == 0 ? target : int(s % 5);
        for (int v = 0; v < made; ++v)
            out.push_back({"home_visits", idOf("visit", s, size_t(v)), schools[s].code,
                           Json{{"date", day(plus(first, (v * 5) % sofar))},
                                {"visitors", teacher},
                                {"reason", kVisitReasons[v % 4]},
                                {"met", v % 2 ? "母亲" : "祖母"},
                                {"findings", "孩子按时上学，作业完成较好"},
                                {"outcome_back_at_school", true}},
                           teacher});
    }
    return out;
}

} // namespace cx::demo
