#pragma once
// LoopbackTransport: the engine's requests carried straight to the server's
// routes in the same process, no sockets, no threads: the same route table
// the Beast transport serves (HttpServer::routeTable()), with what a
// connection does around it (the body limit, authentication from the headers
// before the body, zstd both ways, Range for streamed downloads). Engine and
// server behaviour is then tested together in milliseconds, in the manner of
// Nextcloud's FakeFolder and Couchbase LiteCore's loopback tests. The
// real-process tests (tests/integration) stay for what only sockets show.
#include "engine/Transport.h"
#include "http/RouteTable.h"

#include <functional>
#include <optional>
#include <string>

namespace cxt {

class LoopbackTransport : public cx::Transport
{
public:
    // `link` sees every request before the server and may throw
    // cx::Error(Network) to drop it (a cut link); `afterServer` likewise after
    // the server handled it (a reply lost on the way back).
    using LinkFn = std::function<void(const cx::HttpRequest &)>;
    // `substitute` sees every request after `link`; a reply it returns goes to
    // the client instead of the server's (the server never sees the request):
    // a busy server's 429 or 503 with Retry-After, say.
    using ReplyFn = std::function<std::optional<cx::HttpReply>(const cx::HttpRequest &)>;
    explicit LoopbackTransport(cx::server::RouteTable routes, std::string peer = "127.0.0.1");

    cx::HttpReply post(const std::string &path, const std::string &body, const std::string &bearerToken) override;
    cx::HttpReply send(const cx::HttpRequest &r) override;

    void setLink(LinkFn before, LinkFn afterServer = {});
    void setSubstitute(ReplyFn substitute) { m_substitute = std::move(substitute); }
    int requests() const { return m_requests; }

private:
    cx::HttpReply toClient(cx::server::HttpReply r, const cx::HttpRequest &req, const cx::server::RequestHead &head);

    cx::server::RouteTable m_routes;
    std::string m_peer;
    LinkFn m_before, m_after;
    ReplyFn m_substitute;
    int m_requests = 0;
};

} // namespace cxt
