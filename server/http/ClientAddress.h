#pragma once
// The source address of a request: the peer's IP, or, when the peer is one
// of the trusted proxies (HAProxy, nginx in front), the last hop of its
// X-Forwarded-For (the address that proxy saw). A client cannot spoof it by
// sending its own X-Forwarded-For: the proxy appends, and only the last hop is
// taken, only from a trusted peer.
#include <string>
#include <vector>

namespace cx::server {

std::string clientAddress(const std::string &peerIp, const std::string &forwardedFor,
                          const std::vector<std::string> &trustedProxies);
// "10.0.0.2,10.0.0.3" -> the list; throws cx::Error(Invalid) on an entry that is not an IP address.
std::vector<std::string> parseProxyList(const std::string &list);

} // namespace cx::server
