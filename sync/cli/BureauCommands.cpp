// The bureau's commands (docs/bureau.md): completeness, the review queue,
// accept and return. They read the replica through the same code as the app's
// bureau pages (sync/bureau), so a script and the page always agree.
#include "cli/Commands.h"

#include "bureau/Completeness.h"
#include "bureau/Devices.h"
#include "bureau/ReviewQueue.h"
#include "bureau/Dropouts.h"
#include "bureau/Statistics.h"
#include "engine/RecordQuery.h"
#include "protocol/Version.h"

#include <cstdio>

namespace cx::cli {

namespace {

const char *stateText(const std::string &s)
{
    if (s == "on_time")
        return "按时 on time";
    if (s == "late")
        return "迟报 late";
    if (s == "missing")
        return "未报 missing";
    return "未到期 due";
}

void printTally(const char *what, const bureau::Tally &t)
{
    std::printf("%-12s expected %d  submitted %d (%.0f%%)  on time %d (%.0f%%)  late %d  missing %d  due %d  accepted %d  "
                "returned %d\n",
                what, t.expected, t.submitted, t.rate() * 100, t.onTime, t.onTimeRate() * 100, t.late, t.missing, t.due,
                t.accepted, t.returned);
}

} // namespace

int cmdCompleteness(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    const std::string period = takeOption(args, "--period");
    const std::string grid = takeOption(args, "--grid");
    const bureau::Day day = dayOption(args);
    if (args.size() != 1)
        usage("completeness takes FORM [--period P] [--grid N] [--as-of DAY] [--json]");
    RecordQuery q(db, e.key());
    if (!grid.empty()) {
        int n = 0;
        try {
            n = std::stoi(grid);
        } catch (...) {
        }
        if (n < 1 || n > 60)
            usage("--grid wants a number of periods from 1 to 60");
        const auto g = bureau::completenessGrid(q, args[0], n, day);
        if (json) {
            Json periods = Json::array(), rows = Json::array();
            for (const auto &p : g.periods)
                periods.push_back(p.key);
            for (size_t i = 0; i < g.schools.size(); ++i)
                rows.push_back(Json{{"school", g.schools[i].toJson()}, {"states", g.states[i]}});
            std::printf("%s\n", Json{{"form", g.form.id}, {"periods", periods}, {"schools", rows}}.dump().c_str());
            return Ok;
        }
        std::printf("%-12s %-24s", "code", "school");
        for (const auto &p : g.periods)
            std::printf(" %-12s", p.key.c_str());
        std::printf("\n");
        for (size_t i = 0; i < g.schools.size(); ++i) {
            std::printf("%-12s %-24s", g.schools[i].code.c_str(), g.schools[i].name.c_str());
            for (const auto &s : g.states[i])
                std::printf(" %-12s", s.c_str());
            std::printf("\n");
        }
        return Ok;
    }
    const auto rep = bureau::completeness(q, args[0], period, day);
    if (json) {
        std::printf("%s\n", rep.toJson().dump().c_str());
        return Ok;
    }
    std::printf("%s (%s), %s, due %s\n", rep.form.titleZh.c_str(), rep.form.id.c_str(), rep.period.key.c_str(),
                rep.dueOn.c_str());
    printTally("county", rep.county);
    for (const auto &[t, tally] : rep.townships)
        printTally(t.empty() ? "-" : t.c_str(), tally);
    for (const auto &c : rep.schools)
        std::printf("  %-12s %-30s %-10s %-16s %-10s %s\n", c.school.code.c_str(), c.school.name.c_str(),
                    c.school.township.c_str(), stateText(c.state), c.status.c_str(), c.sentOn.c_str());
    return Ok;
}

int cmdReview(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    bureau::ReviewFilter f;
    f.form = takeOption(args, "--form");
    f.period = takeOption(args, "--period");
    f.township = takeOption(args, "--township");
    f.school = takeOption(args, "--school");
    if (std::string s = takeOption(args, "--status"); !s.empty())
        f.status = s;
    if (f.status != "submitted" && f.status != "accepted" && f.status != "returned" && f.status != "all")
        usage("--status is submitted, accepted, returned or all");
    if (!args.empty())
        usage("review takes [--form F] [--period P] [--township T] [--school CODE] [--status S] [--json]");
    RecordQuery q(db, e.key());
    for (const auto &item : bureau::reviewQueue(q, f)) {
        if (json) {
            std::printf("%s\n", item.toJson().dump().c_str());
            continue;
        }
        std::printf("%s  %-10s %-28s %-20s %-10s %s%s\n", item.ret.record.id.c_str(), item.ret.period.c_str(),
                    item.school.name.c_str(), item.formTitle.c_str(), item.ret.status.c_str(), item.checks.empty() ? "" : "⚑ ",
                    item.history.empty() ? "" : "(correction)");
        for (const auto &c : item.checks)
            std::printf("    ⚑ %s\n", c.message.c_str());
    }
    return Ok;
}

int cmdStatistics(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    const std::string period = takeOption(args, "--period");
    const bureau::Day day = dayOption(args);
    if (args.size() != 1)
        usage("statistics takes FORM [--period P] [--as-of DAY] [--json]");
    RecordQuery q(db, e.key());
    const auto rep = bureau::statistics(q, args[0], period, day);
    if (json) {
        std::printf("%s\n", rep.toJson().dump().c_str());
        return Ok;
    }
    std::printf("%s (%s), %s: %d returns\n", rep.form.titleZh.c_str(), rep.form.id.c_str(), rep.period.key.c_str(), rep.returns);
    std::printf("%-36s %12s", "", "county");
    for (const auto &t : rep.townships)
        std::printf(" %12s", t.c_str());
    std::printf("\n");
    for (const auto &f : rep.fields) {
        std::printf("%-36s %12.6g", f.labelZh.c_str(), f.county);
        for (const auto &t : rep.townships)
            std::printf(" %12.6g", f.townships.at(t));
        std::printf("\n");
    }
    for (const auto &c : rep.choices) {
        std::printf("%s:", c.labelZh.c_str());
        for (const auto &o : c.options)
            std::printf("  %s %d", o.labelZh.c_str(), o.count);
        std::printf("\n");
    }
    return Ok;
}

int cmdDropouts(Engine &e, const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    const bureau::Day day = dayOption(args);
    if (!args.empty())
        usage("dropouts takes [--as-of DAY] [--json]");
    RecordQuery q(db, e.key());
    const auto rep = bureau::dropouts(q, day);
    if (json) {
        std::printf("%s\n", rep.toJson().dump().c_str());
        return Ok;
    }
    std::printf("%-20s %6s %6s %10s\n", "", "open", "back", "unvisited");
    for (const auto &[name, t] : rep.townships)
        std::printf("%-20s %6d %6d %10d\n", name.c_str(), t.open, t.back, t.unvisited);
    std::printf("%-20s %6d %6d %10d\n", "county", rep.county.open, rep.county.back, rep.county.unvisited);
    for (const auto &c : rep.open)
        std::printf("  %s  %-12s %-24s %s\n", c.pupil.c_str(), c.name.c_str(), c.school.name.c_str(),
                    c.lastVisit.empty() ? "never visited" : ("last visit " + c.lastVisit).c_str());
    return Ok;
}

int cmdDevices(Engine &e, const std::string &, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    const bool refresh = takeFlag(args, "--refresh");
    const bool attentionOnly = takeFlag(args, "--attention");
    const std::string staleText = takeOption(args, "--stale-days");
    int staleDays = 14;
    if (!staleText.empty()) {
        try {
            staleDays = std::stoi(staleText);
        } catch (...) {
            staleDays = -1;
        }
        if (staleDays < 1)
            usage("--stale-days wants a number of days (1 or more)");
    }
    if (!args.empty())
        usage("devices takes [--refresh] [--attention] [--stale-days N] [--json]");
    if (refresh && !e.fetchDevices())
        throw Error(ErrorKind::NotFound, "this server does not report devices (it is older than device health)");
    const auto [list, at] = e.devices();
    if (!at)
        throw Error(ErrorKind::NotFound, "no device list here yet: a bureau account gets it when it syncs (or use --refresh)");
    const int64_t now = wallClockMs();
    for (const auto &row : bureau::deviceRows(list)) {
        const auto why = row.attention(now, staleDays);
        if (attentionOnly && why.empty())
            continue;
        if (json) {
            std::printf("%s\n", row.toJson(now, staleDays).dump().c_str());
            continue;
        }
        std::string schools;
        for (const auto &s : row.schools)
            schools += (schools.empty() ? "" : ",") + s;
        std::string flags;
        for (const auto &w : why)
            flags += " [" + w + "]";
        std::printf("%-14s %-9s %-12s %-14s %-14s last sync %s  pending %llu, photos %llu, refused %llu, conflicts %llu%s\n",
                    row.user.c_str(), row.role.c_str(), schools.empty() ? "*" : schools.c_str(), row.name.c_str(),
                    row.app.c_str(),
                    row.lastSeenMs ? (std::to_string(int64_t(row.daysSinceSync(now))) + " days ago").c_str() : "never",
                    (unsigned long long)row.pending, (unsigned long long)row.pendingPhotos, (unsigned long long)row.rejected,
                    (unsigned long long)row.conflicts, flags.c_str());
    }
    if (!json)
        std::printf("(list from %lld minutes ago)\n", (long long)((now - at) / 60000));
    return Ok;
}

int cmdAccept(Engine &e, const std::string &, const std::vector<std::string> &args)
{
    if (args.empty())
        usage("accept needs one or more submission ids");
    for (const auto &id : args) {
        bureau::acceptReturn(e, id);
        std::printf("accepted %s\n", id.c_str());
    }
    return Ok;
}

int cmdReturn(Engine &e, const std::string &, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const std::string comment = takeOption(args, "--comment");
    if (args.size() != 1 || comment.empty())
        usage("return takes ID --comment TEXT (the school head reads the comment)");
    bureau::sendBack(e, args[0], comment);
    std::printf("returned %s\n", args[0].c_str());
    return Ok;
}

} // namespace cx::cli
