#include "admin/AdminTime.h"

#include "protocol/Errors.h"

#include <cstdio>
#include <ctime>

namespace cx::server {

std::string formatLocalTime(int64_t ms)
{
    if (ms == 0)
        return "-";
    const time_t t = time_t(ms / 1000);
    tm local{};
    localtime_r(&t, &local);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %z", &local);
    return buf;
}

int64_t parseLocalTime(const std::string &text, const std::string &option)
{
    tm t{};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char sep = 0;
    int used = 0;
    bool ok = false;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) == 3 && size_t(used) == text.size()) {
        ok = true;
    } else if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &used) == 6 &&
               (sep == 'T' || sep == ' ')) {
        int more = 0;
        ok = size_t(used) == text.size() ||
             (std::sscanf(text.c_str() + used, ":%2d%n", &s, &more) == 1 && size_t(used) + size_t(more) == text.size());
    }
    if (ok)
        ok = mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
    if (!ok)
        throw Error(ErrorKind::Invalid,
                    option + " wants a date YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (local time), not \"" + text + "\"");
    t.tm_year = y - 1900;
    t.tm_mon = mo - 1;
    t.tm_mday = d;
    t.tm_hour = h;
    t.tm_min = mi;
    t.tm_sec = s;
    t.tm_isdst = -1;
    const time_t when = mktime(&t);
    if (when == time_t(-1))
        throw Error(ErrorKind::Invalid, option + ": " + text + " is not a time this machine can represent");
    return int64_t(when) * 1000;
}

} // namespace cx::server
