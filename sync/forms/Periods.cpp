#include "forms/Periods.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace cx::forms {

using namespace std::chrono;

namespace {

bool number(std::string_view s, int &out)
{
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

Day ymd(int y, unsigned m, unsigned d) { return sys_days(year(y) / month(m) / day(d)); }
Day lastOfMonth(int y, unsigned m) { return sys_days(year(y) / month(m) / std::chrono::last); }

Period make(const std::string &kind, std::string key, Day first, Day last) { return {kind, std::move(key), first, last}; }

Period schoolYear(int startYear)
{
    return make("school_year", std::to_string(startYear) + "-" + std::to_string(startYear + 1), ymd(startYear, 9, 1),
                ymd(startYear + 1, 8, 31));
}
Period autumn(int y) { return make("term", std::to_string(y) + "-autumn", ymd(y, 9, 1), ymd(y + 1, 1, 31)); }
Period spring(int y) { return make("term", std::to_string(y) + "-spring", ymd(y, 2, 1), ymd(y, 8, 31)); }
Period monthOf(int y, unsigned m)
{
    char key[16];
    std::snprintf(key, sizeof key, "%04d-%02u", y, m);
    return make("month", key, ymd(y, m, 1), lastOfMonth(y, m));
}

} // namespace

std::optional<Day> parseDay(std::string_view iso)
{
    int y, m, d;
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || !number(iso.substr(0, 4), y) || !number(iso.substr(5, 2), m) ||
        !number(iso.substr(8, 2), d))
        return std::nullopt;
    if (iso.size() > 10 && iso[10] != 'T' && iso[10] != ' ')
        return std::nullopt;
    const year_month_day v{year(y), month(unsigned(m)), day(unsigned(d))};
    if (!v.ok())
        return std::nullopt;
    return sys_days(v);
}

std::string formatDay(Day d)
{
    const year_month_day v(d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(v.year()), unsigned(v.month()), unsigned(v.day()));
    return buf;
}

Day today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return ymd(local.tm_year + 1900, unsigned(local.tm_mon + 1), unsigned(local.tm_mday));
}

bool isPeriodKind(std::string_view kind) { return kind == "school_year" || kind == "term" || kind == "month"; }

Period periodContaining(const std::string &kind, Day dayIn)
{
    const year_month_day v(dayIn);
    const int y = int(v.year());
    const unsigned m = unsigned(v.month());
    if (kind == "school_year")
        return schoolYear(m >= 9 ? y : y - 1);
    if (kind == "term") // autumn term September-January, spring term February-August
        return m >= 9 ? autumn(y) : m == 1 ? autumn(y - 1) : spring(y);
    if (kind == "month")
        return monthOf(y, m);
    return {};
}

std::optional<Period> periodNamed(const std::string &kind, const std::string &key)
{
    int a, b;
    if (kind == "school_year" && key.size() == 9 && key[4] == '-' && number(std::string_view(key).substr(0, 4), a) &&
        number(std::string_view(key).substr(5), b) && b == a + 1)
        return schoolYear(a);
    if (kind == "term" && key.size() > 5 && key[4] == '-' && number(std::string_view(key).substr(0, 4), a)) {
        if (key.substr(5) == "autumn")
            return autumn(a);
        if (key.substr(5) == "spring")
            return spring(a);
    }
    if (kind == "month" && key.size() == 7 && key[4] == '-' && number(std::string_view(key).substr(0, 4), a) &&
        number(std::string_view(key).substr(5), b) && b >= 1 && b <= 12)
        return monthOf(a, unsigned(b));
    return std::nullopt;
}

Period previousPeriod(const Period &p)
{
    if (!p.valid())
        return {};
    return periodContaining(p.kind, p.first - days(1));
}

Day dueDate(const std::string &due, const Period &p)
{
    if (auto full = parseDay(due); full && due.size() == 10)
        return *full;
    int m, d;
    if (due.size() == 5 && due[2] == '-' && number(std::string_view(due).substr(0, 2), m) &&
        number(std::string_view(due).substr(3), d) && p.valid()) {
        const int y = int(year_month_day(p.first).year());
        for (int candidate : {y, y + 1}) {
            const year_month_day v{year(candidate), month(unsigned(m)), day(unsigned(d))};
            if (v.ok() && sys_days(v) >= p.first)
                return sys_days(v);
        }
    }
    return p.last;
}

} // namespace cx::forms
