#include "http/ClientAddress.h"

#include "protocol/Errors.h"

#include <arpa/inet.h>

#include <algorithm>

namespace cx::server {

namespace {

std::string trim(const std::string &s)
{
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

bool isIp(const std::string &s)
{
    unsigned char buf[16];
    return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

} // namespace

std::string clientAddress(const std::string &peerIp, const std::string &forwardedFor,
                          const std::vector<std::string> &trustedProxies)
{
    if (forwardedFor.empty() || std::find(trustedProxies.begin(), trustedProxies.end(), peerIp) == trustedProxies.end())
        return peerIp;
    const auto comma = forwardedFor.rfind(',');
    std::string last = trim(comma == std::string::npos ? forwardedFor : forwardedFor.substr(comma + 1));
    return isIp(last) ? last : peerIp;
}

std::vector<std::string> parseProxyList(const std::string &list)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= list.size()) {
        size_t end = list.find(',', start);
        if (end == std::string::npos)
            end = list.size();
        std::string a = trim(list.substr(start, end - start));
        if (!a.empty()) {
            if (!isIp(a))
                throw Error(ErrorKind::Invalid, "--trusted-proxy wants IP addresses, not \"" + a + "\"");
            out.push_back(a);
        }
        start = end + 1;
    }
    return out;
}

} // namespace cx::server
