// The bureau's inspection assignments and a head's home-visit targets
// (docs/bureau.md, "Assignments and targets"): list them with their state and
// progress, plan one, cancel or mark one done, set a target. Same code as the
// app's assignments page and the phones' Home (sync/bureau/Assignments.h).
#include "cli/Commands.h"

#include "bureau/Assignments.h"
#include "bureau/Progress.h"
#include "engine/RecordQuery.h"

#include <cstdio>

namespace cx::cli {

namespace {

const char *stateText(const std::string &s)
{
    if (s == "done")
        return "已完成 done";
    if (s == "overdue")
        return "已逾期 overdue";
    if (s == "cancelled")
        return "已取消 cancelled";
    return "待督导 planned";
}

// Takes each option (its flag, the field its value goes to) out of args, in order.
void takeOptions(std::vector<std::string> &args, std::initializer_list<std::pair<const char *, std::string *>> options)
{
    for (const auto &[flag, field] : options)
        *field = takeOption(args, flag);
}

} // namespace

int cmdAssignments(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    bureau::AssignmentFilter f;
    f.state = takeOption(args, "--state");
    f.inspector = takeOption(args, "--inspector");
    f.township = takeOption(args, "--township");
    f.school = takeOption(args, "--school");
    const bureau::Day day = dayOption(args, "--as-of");
    if (!args.empty())
        usage("assignments takes [--state planned|done|overdue|cancelled|all] [--inspector U] [--township T] "
              "[--school CODE] [--as-of DAY] [--json]");
    if (!f.state.empty() && f.state != "planned" && f.state != "done" && f.state != "overdue" && f.state != "cancelled" &&
        f.state != "open" && f.state != "all")
        usage("--state is planned, done, overdue, open, cancelled or all, not '" + f.state + "'");
    RecordQuery q(db, e.key());
    const auto rows = bureau::assignmentRows(q, f, day);
    const auto t = bureau::tallyOf(rows);
    if (json) {
        Json list = Json::array();
        for (const auto &r : rows)
            list.push_back(r.toJson());
        std::printf("%s\n",
                    Json{{"as_of", bureau::formatDay(day)}, {"counts", t.toJson()}, {"assignments", list}}.dump().c_str());
        return Ok;
    }
    for (const auto &r : rows)
        std::printf("%-10s %-16s %-12s %-24s %-14s %-16s %s%s\n", r.due.c_str(), stateText(r.state), r.school.c_str(),
                    r.schoolName.c_str(), r.inspector.c_str(), r.form.c_str(), r.id.c_str(),
                    r.inspection.empty() ? ""
                                         : ("  " + r.report + " " + r.inspection + " " + r.doneOn +
                                            (r.doneBy.empty() ? std::string() : " by " + r.doneBy))
                                               .c_str());
    std::printf("planned %d  done %d  overdue %d  cancelled %d\n", t.planned, t.done, t.overdue, t.cancelled);
    return Ok;
}

int cmdAssign(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    bureau::NewAssignment a;
    takeOptions(
        args,
        {{"--school", &a.school}, {"--inspector", &a.inspector}, {"--due", &a.due}, {"--form", &a.form}, {"--note", &a.note}});
    const bool cancel = takeFlag(args, "--cancel"), done = takeFlag(args, "--done");
    if (cancel || done) {
        if (args.size() != 1)
            usage("assign --cancel ID or assign --done ID [--note TEXT]");
        RecordQuery q(db, e.key());
        if (cancel)
            bureau::cancelAssignment(e, q, args[0], bureau::today());
        else
            bureau::markAssignmentDone(e, q, args[0], a.note, bureau::today());
        std::printf("%s %s\n", cancel ? "cancelled" : "marked done", args[0].c_str());
        return Ok;
    }
    if (!args.empty() || a.school.empty() || a.inspector.empty() || a.due.empty() || a.form.empty())
        usage("assign takes --school CODE --inspector USER --due DAY --form FORM_ID [--note TEXT] "
              "(or --cancel ID, --done ID)");
    RecordQuery q(db, e.key());
    std::printf("%s\n", bureau::planInspection(e, q, a, bureau::today()).c_str());
    return Ok;
}

int cmdVisitTargets(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    const std::string school = takeOption(args, "--school"), teacher = takeOption(args, "--teacher");
    const bureau::Day day = dayOption(args, "--as-of");
    if (!args.empty())
        usage("visit-targets takes [--school CODE] [--teacher USER] [--as-of DAY] [--json]");
    RecordQuery q(db, e.key());
    for (const auto &t : bureau::visitTargetRows(q, day, school, teacher)) {
        if (json)
            std::printf("%s\n", t.toJson().dump().c_str());
        else
            std::printf("%-12s %-14s %-12s %3d / %-3d %s%s\n", t.school.c_str(), t.teacher.c_str(), t.period.c_str(), t.done,
                        t.target, t.met() ? "met" : "", t.over ? " (ended)" : "");
    }
    return Ok;
}

int cmdVisitTarget(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    bureau::NewTarget t;
    takeOptions(args, {{"--school", &t.school},
                       {"--teacher", &t.teacher},
                       {"--name", &t.teacherName},
                       {"--period", &t.period},
                       {"--note", &t.note}});
    const std::string count = takeOption(args, "--count");
    if (!args.empty() || t.school.empty() || t.teacher.empty() || count.empty())
        usage("visit-target takes --school CODE --teacher USER --count N [--period 2026-12|2026-autumn|2026-2027] "
              "[--name NAME] [--note TEXT]");
    try {
        size_t used = 0;
        t.count = std::stoi(count, &used);
        if (used != count.size())
            t.count = 0;
    } catch (...) {
        t.count = 0;
    }
    if (t.count < 1)
        usage("--count wants a number of visits (1 or more), not '" + count + "'");
    if (t.period.empty())
        t.period = bureau::formatDay(bureau::today()).substr(0, 7); // this month
    RecordQuery q(db, e.key());
    std::printf("%s\n", bureau::setVisitTarget(e, q, t).c_str());
    return Ok;
}

int cmdProgress(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    const std::string key = takeOption(args, "--period");
    const bureau::Day day = dayOption(args, "--as-of");
    if (!args.empty())
        usage("progress takes [--period 2026-12|2026-autumn|2026-2027] [--as-of DAY] [--json]");
    const bureau::Period period = bureau::progressPeriod(key, day);
    RecordQuery q(db, e.key());
    const auto rep = bureau::progress(q, period, day);
    if (json) {
        std::printf("%s\n", rep.toJson().dump().c_str());
        return Ok;
    }
    auto line = [](const std::string &name, const bureau::PlanTally &t, bool visits) {
        if (visits)
            std::printf("  %-24s %4d / %-4d targets met %d of %d\n", name.c_str(), t.done, t.planned, t.met, t.targets);
        else
            std::printf("  %-24s %4d / %-4d overdue %d\n", name.c_str(), t.done, t.planned, t.overdue);
    };
    std::printf("%s (%s .. %s)\n督导 inspections done / planned\n", period.key.c_str(), bureau::formatDay(period.first).c_str(),
                bureau::formatDay(period.last).c_str());
    line("全县 county", rep.inspections, false);
    for (const auto &t : rep.townships)
        line(t, rep.inspectionsByTownship.at(t), false);
    for (const auto &i : rep.inspectors)
        line(i.inspector, i.tally, false);
    std::printf("家访 home visits done / target\n");
    line("全县 county", rep.visits, true);
    for (const auto &t : rep.townships)
        line(t, rep.visitsByTownship.at(t), true);
    for (const auto &t : rep.teachers)
        line(t.school + " " + t.teacher, t.tally, true);
    return Ok;
}

} // namespace cx::cli
