#include "forms/Plans.h"

namespace cx::forms {

namespace {

std::string text(const Json &f, const char *name)
{
    auto it = f.find(name);
    return it != f.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool blank(const std::string &s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::optional<Day> strictDay(const std::string &s)
{
    if (s.size() != 10)
        return std::nullopt;
    return parseDay(s);
}

} // namespace

std::optional<Period> targetPeriod(const std::string &key)
{
    for (const char *kind : {"month", "term", "school_year"})
        if (auto p = periodNamed(kind, key))
            return p;
    return std::nullopt;
}

std::string assignmentProblem(const Json &f)
{
    if (!f.is_object())
        return "an assignment's fields must be an object";
    if (blank(text(f, "school")))
        return "an assignment needs the school to inspect (\"school\": its code)";
    if (blank(text(f, "inspector")))
        return "an assignment needs the inspector (\"inspector\": the account name)";
    if (blank(text(f, "form")))
        return "an assignment needs the checklist form (\"form\": the form's id)";
    const std::string due = text(f, "due");
    const auto dueDay = strictDay(due);
    if (!dueDay)
        return "the due date \"" + due + "\" is not a day like 2026-12-31";
    const std::string on = text(f, "assigned_on");
    const auto onDay = strictDay(on);
    if (!onDay)
        return "the day it was planned (\"assigned_on\") \"" + on + "\" is not a day like 2026-12-01";
    if (*dueDay < *onDay)
        return "the due date " + due + " is before the day the inspection was planned (" + on + ")";
    const std::string status = text(f, "status");
    if (status != "planned" && status != "done" && status != "cancelled")
        return "an assignment's status is planned, done or cancelled, not \"" + status + "\"";
    return {};
}

std::string visitTargetProblem(const Json &f)
{
    if (!f.is_object())
        return "a target's fields must be an object";
    if (blank(text(f, "teacher")))
        return "a home-visit target needs the teacher (\"teacher\": the account name)";
    auto c = f.find("count");
    if (c == f.end() || !c->is_number_integer() || c->get<int64_t>() < 1 || c->get<int64_t>() > 500)
        return "a home-visit target needs a number of visits from 1 to 500 (\"count\")";
    const std::string period = text(f, "period");
    if (!targetPeriod(period))
        return "the period \"" + period + "\" is not a month (2026-12), a term (2026-autumn) or a school year (2026-2027)";
    return {};
}

} // namespace cx::forms
