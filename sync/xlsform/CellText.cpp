// CellText: number formats and Excel's serial dates (1900 system with its
// phantom 29 February 1900, or the 1904 system).
#include "xlsform/CellText.h"

#include "xlsform/XmlTree.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cx::xlsform {

NumberKind formatKind(const std::string &code)
{
    bool date = false, time = false;
    bool quoted = false;
    if (code.size() == 7 && (code[0] | 0x20) == 'g' && (code.substr(1) == "eneral" || code.substr(1) == "ENERAL"))
        return NumberKind::Number;
    for (size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (quoted)
            continue;
        if (c == '\\' || c == '_' || c == '*') { // escaped or padding character
            ++i;
            continue;
        }
        if (c == '[') { // [Red], [$-804]; but [h] and [mm] are elapsed time
            size_t e = code.find(']', i);
            std::string in = code.substr(i + 1, e == std::string::npos ? std::string::npos : e - i - 1);
            if (!in.empty() && (in[0] == 'h' || in[0] == 'H' || in[0] == 'm' || in[0] == 's'))
                time = true;
            i = e == std::string::npos ? code.size() : e;
            continue;
        }
        char l = char(c | 0x20);
        if (l == 'y' || l == 'd')
            date = true;
        else if (l == 'h' || l == 's')
            time = true;
        else if (l == 'm')
            date = date || !time; // m after h is minutes; otherwise month
    }
    if (date && time)
        return NumberKind::DateTime;
    return date ? NumberKind::Date : time ? NumberKind::Time : NumberKind::Number;
}

void NumberFormats::read(const XmlNode &styleSheet)
{
    std::vector<std::pair<int, NumberKind>> custom;
    if (const XmlNode *fmts = styleSheet.child("numFmts"))
        for (const auto &f : fmts->children)
            if (f.attribute("numFmtId") && f.attribute("formatCode"))
                custom.emplace_back(std::atoi(f.attribute("numFmtId")->c_str()), formatKind(*f.attribute("formatCode")));
    auto builtIn = [](int id) {
        if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
            return NumberKind::Date; // 27-36 and 50-58: the Chinese, Japanese and Korean date formats
        if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47))
            return NumberKind::Time;
        return id == 22 ? NumberKind::DateTime : NumberKind::Number;
    };
    if (const XmlNode *xfs = styleSheet.child("cellXfs"))
        for (const auto &xf : xfs->children) {
            if (xf.name != "xf")
                continue;
            int id = xf.attribute("numFmtId") ? std::atoi(xf.attribute("numFmtId")->c_str()) : 0;
            NumberKind k = builtIn(id);
            for (const auto &[cid, ck] : custom)
                if (cid == id)
                    k = ck;
            styles.push_back(k);
        }
}

NumberKind NumberFormats::kindOf(int style) const
{
    return style >= 0 && size_t(style) < styles.size() ? styles[size_t(style)] : NumberKind::Number;
}

namespace {

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
void civil(long z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = unsigned(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = long(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(yy + (m <= 2));
}

std::string plainNumber(double v)
{
    if (std::floor(v) == v && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

} // namespace

std::string numberText(const std::string &stored, NumberKind kind, bool date1904)
{
    char *end = nullptr;
    double v = std::strtod(stored.c_str(), &end);
    if (end == stored.c_str() || !std::isfinite(v))
        return stored;
    if (kind == NumberKind::Number || v < 0 || v > 2958465) // 9999-12-31
        return plainNumber(v);
    long seconds = std::lround((v - std::floor(v)) * 86400.0);
    long days = long(std::floor(v));
    if (seconds >= 86400) {
        seconds -= 86400;
        ++days;
    }
    char date[32] = {}, time[32] = {};
    // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 February 1900 that
    // never was, so from day 61 on day 25569 is 1970-01-01.
    long unix = date1904 ? days - 24107 : days >= 61 ? days - 25569 : days - 25568;
    int y;
    unsigned m, d;
    civil(unix, y, m, d);
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", y, m, d);
    if (seconds % 60)
        std::snprintf(time, sizeof time, "%02ld:%02ld:%02ld", seconds / 3600, seconds / 60 % 60, seconds % 60);
    else
        std::snprintf(time, sizeof time, "%02ld:%02ld", seconds / 3600, seconds / 60 % 60);
    if (kind == NumberKind::Time)
        return time;
    if (kind == NumberKind::Date && seconds == 0)
        return date;
    return std::string(date) + "T" + time;
}

} // namespace cx::xlsform
