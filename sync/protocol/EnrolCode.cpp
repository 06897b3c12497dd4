#include "protocol/EnrolCode.h"

#include "protocol/Crypto.h"
#include "protocol/Errors.h"

#include <cctype>
#include <map>

namespace cx {

namespace {

constexpr const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base32

std::string percentEncode(const std::string &s)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string percentDecode(const std::string &s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit((unsigned char)s[i + 1]) && std::isxdigit((unsigned char)s[i + 2])) {
            out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else if (s[i] == '+') {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

} // namespace

std::string newEnrolCode()
{
    unsigned char bytes[kEnrolCodeChars];
    randomBytes(bytes, sizeof bytes);
    std::string code;
    for (unsigned char b : bytes)
        code += kAlphabet[b & 31]; // 256 is a multiple of 32: no bias
    return groupEnrolCode(code);
}

std::optional<std::string> normaliseEnrolCode(const std::string &typed)
{
    std::string out;
    for (unsigned char c : typed) {
        if (c == '-' || c == ' ' || c == '\t')
            continue;
        c = char(std::toupper(c));
        if (c == 'O')
            c = '0';
        else if (c == 'I' || c == 'L')
            c = '1';
        bool ok = false;
        for (const char *a = kAlphabet; *a; ++a)
            ok = ok || *a == char(c);
        if (!ok)
            return std::nullopt;
        out += char(c);
    }
    if (out.size() != kEnrolCodeChars)
        return std::nullopt;
    return out;
}

std::string groupEnrolCode(const std::string &normalised)
{
    std::string out;
    for (size_t i = 0; i < normalised.size(); ++i) {
        if (i && i % 4 == 0)
            out += '-';
        out += normalised[i];
    }
    return out;
}

std::string enrolLinkText(const EnrolLink &l)
{
    std::string t = "cunxiao://enrol?server=" + percentEncode(l.server);
    if (!l.pin.empty())
        t += "&pin=" + percentEncode(l.pin);
    return t + "&user=" + percentEncode(l.user) + "&code=" + percentEncode(l.code);
}

EnrolLink parseEnrolLink(const std::string &text)
{
    const std::string prefix = "cunxiao://enrol?";
    if (text.compare(0, prefix.size(), prefix) != 0)
        throw Error(ErrorKind::Invalid, "not a Cunxiao enrolment code (it does not start with cunxiao://enrol?)");
    std::map<std::string, std::string> q;
    size_t pos = prefix.size();
    while (pos <= text.size()) {
        size_t end = text.find('&', pos);
        if (end == std::string::npos)
            end = text.size();
        const std::string kv = text.substr(pos, end - pos);
        const size_t eq = kv.find('=');
        if (eq != std::string::npos)
            q[kv.substr(0, eq)] = percentDecode(kv.substr(eq + 1));
        pos = end + 1;
    }
    EnrolLink l{q["server"], q["pin"], q["user"], q["code"]};
    if (l.server.compare(0, 8, "https://") != 0 && l.server.compare(0, 7, "http://") != 0)
        throw Error(ErrorKind::Invalid, "the enrolment code has no server address (server=https://...)");
    if (l.user.empty())
        throw Error(ErrorKind::Invalid, "the enrolment code names no account (user=...)");
    auto code = normaliseEnrolCode(l.code);
    if (!code)
        throw Error(ErrorKind::Invalid, "the enrolment code's code is not 16 letters and digits");
    l.code = groupEnrolCode(*code);
    return l;
}

} // namespace cx
