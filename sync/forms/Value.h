#pragma once
// Value: what an expression computes: null, boolean, number, text or a list
// (select_many choices, a repeat column). Dates are ISO text ("2025-09-01").
#include "protocol/Json.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cx::forms {

class Value
{
public:
    using List = std::vector<Value>;

    Value() = default; // null
    Value(bool b) : m_v(b) {}
    Value(double d); // NaN and infinities become null
    Value(int i) : m_v(double(i)) {}
    Value(std::string s); // "" becomes null
    Value(const char *s) : Value(std::string(s)) {}
    static Value list(List items); // an empty list is null

    bool isNull() const { return m_v.index() == 0; }
    bool isBool() const { return m_v.index() == 1; }
    bool isNumber() const { return m_v.index() == 2; }
    bool isString() const { return m_v.index() == 3; }
    bool isList() const { return m_v.index() == 4; }

    bool boolean() const { return std::get<bool>(m_v); }
    double number() const { return std::get<double>(m_v); }
    const std::string &string() const { return std::get<std::string>(m_v); }
    const List &items() const; // empty for non-lists

    bool truthy() const;                    // null, false, 0 and "" are false
    std::optional<double> toNumber() const; // numbers, numeric text, booleans
    std::string toString() const;           // null is ""; lists join with spaces
    cx::Json toJson() const;

    bool operator==(const Value &o) const;

private:
    std::variant<std::monostate, bool, double, std::string, std::shared_ptr<const List>> m_v;
};

// Formats a number the way a person writes it: 3, 0.5, 99.9 (no trailing zeros).
std::string formatNumber(double d);

// Dates as day numbers (days since 1970-01-01), from and to "YYYY-MM-DD".
std::optional<long> parseDate(std::string_view s);
std::string formatDate(long days);
bool isValidTime(std::string_view s); // "HH:MM" or "HH:MM:SS"
long todayLocal();                    // the device's (or server's) local date

// A date-time as a datetime field stores it: ISO 8601 local date and time with
// its offset from UTC, "2026-12-07T09:30:00+08:00" ("Z" for UTC; seconds may be
// left out, fractions may not). `days` and `seconds` are the local date and time
// as written; `offsetMinutes` is east of UTC.
struct DateTime {
    long days = 0;
    int seconds = 0;
    int offsetMinutes = 0;
    long long utcSeconds() const { return (long long)days * 86400 + seconds - offsetMinutes * 60LL; }
};
std::optional<DateTime> parseDateTime(std::string_view s);
std::string formatDateTime(const DateTime &t); // always with seconds and "+HH:MM"
std::string nowLocal();                        // the device's (or server's) local date-time
// A date-time as a person reads it: "2026-12-07 09:30 +08:00" (seconds when not
// 0); text that is not a date-time is returned as it is.
std::string dateTimeShown(const std::string &s);

} // namespace cx::forms
