// Value: conversions, truthiness, and the date helpers behind the date functions.
#include "forms/Value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace cx::forms {

Value::Value(double d)
{
    if (std::isfinite(d))
        m_v = d == 0 ? 0.0 : d; // no negative zero
}

Value::Value(std::string s)
{
    if (!s.empty())
        m_v = std::move(s);
}

Value Value::list(List items)
{
    Value v;
    if (!items.empty())
        v.m_v = std::make_shared<const List>(std::move(items));
    return v;
}

const Value::List &Value::items() const
{
    static const List empty;
    if (auto p = std::get_if<std::shared_ptr<const List>>(&m_v))
        return **p;
    return empty;
}

bool Value::truthy() const
{
    switch (m_v.index()) {
    case 1:
        return boolean();
    case 2:
        return number() != 0;
    case 3: // non-empty text
    case 4:
        return true; // non-empty list
    default:
        return false;
    }
}

std::optional<double> Value::toNumber() const
{
    if (isNumber())
        return number();
    if (isBool())
        return boolean() ? 1.0 : 0.0;
    if (isString()) {
        const std::string &s = string();
        size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
        if (b == std::string::npos)
            return std::nullopt;
        const char *first = s.data() + b, *last = s.data() + e + 1;
        if (*first == '+')
            ++first;
        double d = 0;
        auto [p, ec] = std::from_chars(first, last, d);
        if (ec == std::errc() && p == last && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

std::string formatNumber(double d)
{
    if (std::fabs(d) < 1e15 && d == std::floor(d))
        return std::to_string(static_cast<long long>(d));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", d);
    return buf;
}

std::string Value::toString() const
{
    switch (m_v.index()) {
    case 1:
        return boolean() ? "true" : "false";
    case 2:
        return formatNumber(number());
    case 3:
        return string();
    case 4: {
        std::string out;
        for (const Value &v : items()) {
            if (!out.empty())
                out += ' ';
            out += v.toString();
        }
        return out;
    }
    default:
        return {};
    }
}

cx::Json Value::toJson() const
{
    switch (m_v.index()) {
    case 1:
        return boolean();
    case 2: {
        double d = number();
        if (std::fabs(d) < 9e15 && d == std::floor(d))
            return static_cast<long long>(d);
        return d;
    }
    case 3:
        return string();
    case 4: {
        cx::Json a = cx::Json::array();
        for (const Value &v : items())
            a.push_back(v.toJson());
        return a;
    }
    default:
        return nullptr;
    }
}

bool Value::operator==(const Value &o) const
{
    if (m_v.index() != o.m_v.index())
        return false;
    if (isList())
        return items() == o.items();
    return m_v == o.m_v;
}

// Howard Hinnant's days_from_civil / civil_from_days.
static long daysFromCivil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

static bool isLeap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<long> parseDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return std::nullopt;
    auto num = [&](size_t at, size_t n) -> long {
        long v = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9')
                return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    long y = num(0, 4), m = num(5, 2), d = num(8, 2);
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return std::nullopt;
    if (d > mdays[m - 1] + (m == 2 && isLeap(y) ? 1 : 0))
        return std::nullopt;
    return daysFromCivil(y, unsigned(m), unsigned(d));
}

std::string formatDate(long z)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
    return buf;
}

bool isValidTime(std::string_view s)
{
    if (s.size() != 5 && s.size() != 8)
        return false;
    auto two = [&](size_t at, int max) {
        if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9')
            return false;
        return (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
    };
    if (s[2] != ':' || !two(0, 23) || !two(3, 59))
        return false;
    return s.size() == 5 || (s[5] == ':' && two(6, 59));
}

std::optional<DateTime> parseDateTime(std::string_view s)
{
    if (s.size() < 17 || s[10] != 'T')
        return std::nullopt;
    auto day = parseDate(s.substr(0, 10));
    size_t timeLen = s.size() > 19 && s[16] == ':' ? 8 : 5;
    if (!day || !isValidTime(s.substr(11, timeLen)))
        return std::nullopt;
    std::string_view hms = s.substr(11, timeLen), zone = s.substr(11 + timeLen);
    auto two = [](std::string_view t, size_t at) { return (t[at] - '0') * 10 + (t[at + 1] - '0'); };
    DateTime t;
    t.days = *day;
    t.seconds = two(hms, 0) * 3600 + two(hms, 3) * 60 + (timeLen == 8 ? two(hms, 6) : 0);
    if (zone == "Z")
        return t;
    // +HH:MM from -12:00 to +14:00, as real zones are.
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !isValidTime(zone.substr(1)))
        return std::nullopt;
    int minutes = two(zone, 1) * 60 + two(zone, 4);
    t.offsetMinutes = zone[0] == '-' ? -minutes : minutes;
    if (t.offsetMinutes > 14 * 60 || t.offsetMinutes < -12 * 60)
        return std::nullopt;
    return t;
}

std::string formatDateTime(const DateTime &t)
{
    char buf[48];
    int off = t.offsetMinutes < 0 ? -t.offsetMinutes : t.offsetMinutes;
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", formatDate(t.days).c_str(), t.seconds / 3600,
                  t.seconds / 60 % 60, t.seconds % 60, t.offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

std::string dateTimeShown(const std::string &s)
{
    auto t = parseDateTime(s);
    if (!t)
        return s;
    std::string iso = formatDateTime(*t); // "2026-12-07T09:30:00+08:00"
    return iso.substr(0, 10) + " " + iso.substr(11, t->seconds % 60 ? 8 : 5) + " " + iso.substr(19);
}

std::string nowLocal()
{
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    DateTime t;
    t.days = daysFromCivil(tm.tm_year + 1900, unsigned(tm.tm_mon + 1), unsigned(tm.tm_mday));
    t.seconds = tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    t.offsetMinutes = int(tm.tm_gmtoff / 60);
    return formatDateTime(t);
}

long todayLocal()
{
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return daysFromCivil(tm.tm_year + 1900, unsigned(tm.tm_mon + 1), unsigned(tm.tm_mday));
}

} // namespace cx::forms
