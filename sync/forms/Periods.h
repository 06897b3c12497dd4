#pragma once
// Periods: the reporting periods a form declares (meta.period) and their due
// dates (meta.due), as plain civil dates. Shared by the school's Home page
// ("forms due this period"), the bureau's completeness report and review
// queue, cunxiao-cli and the demo county, so all of them count a period alike.
//
//   kind          key            first .. last
//   school_year   "2025-2026"    2025-09-01 .. 2026-08-31
//   term          "2025-autumn"  2025-09-01 .. 2026-01-31
//                 "2026-spring"  2026-02-01 .. 2026-08-31
//   month         "2025-09"      2025-09-01 .. 2025-09-30
//   "" (none)     ""             filled as things happen; never due
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cx::forms {

using Day = std::chrono::sys_days;

// "2025-09-01", or the date part of an ISO date-time ("2025-09-01T08:30:00").
std::optional<Day> parseDay(std::string_view iso);
std::string formatDay(Day d);
Day today(); // the local calendar day

struct Period {
    std::string kind;
    std::string key;
    Day first{}, last{};
    bool valid() const { return !key.empty(); }
    bool contains(Day d) const { return valid() && d >= first && d <= last; }
};

bool isPeriodKind(std::string_view kind);
// The period of `kind` holding `day` (invalid for an unknown or empty kind).
Period periodContaining(const std::string &kind, Day day);
// The period of `kind` a key names; nullopt when the key is not one.
std::optional<Period> periodNamed(const std::string &kind, const std::string &key);
Period previousPeriod(const Period &p);
// meta.due: "YYYY-MM-DD"; "MM-DD" = the first such day within the period;
// anything else = the period's last day.
Day dueDate(const std::string &due, const Period &p);

} // namespace cx::forms
