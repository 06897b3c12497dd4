#include "LoopbackTransport.h"

#include "attachments/AttachmentStore.h"
#include "http/BodyCodec.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"

#include <algorithm>

namespace cxt {

using cx::server::HttpReply;
using cx::server::RequestHead;

LoopbackTransport::LoopbackTransport(cx::server::RouteTable routes, std::string peer)
    : m_routes(std::move(routes)), m_peer(std::move(peer))
{}

void LoopbackTransport::setLink(LinkFn before, LinkFn afterServer)
{
    m_before = std::move(before);
    m_after = std::move(afterServer);
}

cx::HttpReply LoopbackTransport::post(const std::string &path, const std::string &body, const std::string &bearerToken)
{
    cx::HttpRequest r;
    r.path = path;
    r.body = body;
    r.bearerToken = bearerToken;
    return send(r);
}

cx::HttpReply LoopbackTransport::send(const cx::HttpRequest &req)
{
    ++m_requests;
    if (m_before)
        m_before(req);
    if (m_substitute) {
        if (std::optional<cx::HttpReply> instead = m_substitute(req)) {
            instead->bytesUp = req.body.size() + req.path.size() + 64;
            instead->bytesDown = instead->body.size() + 64;
            return *instead;
        }
    }
    RequestHead head;
    head.method = req.method;
    const size_t q = req.path.find('?');
    head.path = req.path.substr(0, q);
    head.query = q == std::string::npos ? std::string() : req.path.substr(q + 1);
    head.authorization = req.bearerToken.empty() ? std::string() : "Bearer " + req.bearerToken;
    head.contentEncoding = req.contentEncoding == "identity" ? std::string() : req.contentEncoding;
    head.range = req.range;
    head.peer = m_peer;

    HttpReply reply = [&]() -> HttpReply {
        const cx::server::RoutePlan plan = m_routes.plan(head);
        if (!plan.found)
            return cx::server::errorReply(404, "not_found", "no route " + head.method + " " + head.path);
        if (plan.inflate) {
            if (auto refused = cx::server::refuseEncoding(head.contentEncoding))
                return *refused;
        } else if (!head.contentEncoding.empty()) {
            return cx::server::errorReply(415, "protocol", "unsupported Content-Encoding \"" + head.contentEncoding + "\"");
        }
        if (req.body.size() > plan.bodyLimit)
            return cx::server::tooLarge("the request body", plan.bodyLimit);
        if (plan.bearer) {
            HttpReply who = m_routes.authorize(head);
            if (who.status != 200)
                return who;
        }
        std::string body = req.body;
        try {
            if (plan.inflate && head.contentEncoding == "zstd" && cx::namedPrefix(body).empty()) {
                body = cx::server::inflateBounded(body, plan.bodyLimit);
                head.contentEncoding.clear();
            }
            return plan.run(head, body);
        } catch (const cx::server::BodyTooLarge &) {
            return cx::server::tooLarge("the request body", plan.bodyLimit);
        } catch (...) {
            return cx::server::replyFromException();
        }
    }();
    cx::HttpReply out = toClient(std::move(reply), req, head);
    if (m_after)
        m_after(req);
    return out;
}

cx::HttpReply LoopbackTransport::toClient(HttpReply r, const cx::HttpRequest &req, const RequestHead &head)
{
    cx::HttpReply out;
    out.status = r.status;
    out.retryAfterSec = r.retryAfterSec;
    out.bytesUp = req.body.size() + req.path.size() + 64;
    if (r.stream && r.status == 200) {
        const uint64_t size = r.stream->size();
        const cx::server::ByteRange range = cx::server::parseByteRange(head.range, size);
        if (!range.satisfiable) {
            r = cx::server::errorReply(416, "protocol", "the range is past the end of the file");
            out.status = 416;
            out.contentRange = "bytes */" + std::to_string(size);
        } else {
            out.status = range.partial ? 206 : 200;
            if (range.partial)
                out.contentRange = "bytes " + std::to_string(range.first) + "-" + std::to_string(range.first + range.length - 1) +
                                   "/" + std::to_string(size);
            std::string piece(64 * 1024, '\0');
            for (uint64_t at = range.first, left = range.length; left > 0;) {
                const size_t n = r.stream->read(at, piece.data(), size_t(std::min<uint64_t>(left, piece.size())));
                if (n == 0)
                    throw cx::Error(cx::ErrorKind::Network, "the download ended early (connection closed)");
                if (req.sink) {
                    if (!req.sink(out.status, piece.data(), n))
                        throw cx::Error(cx::ErrorKind::Storage, "the download was aborted by its sink");
                } else {
                    out.body.append(piece.data(), n);
                }
                out.bytesDown += n;
                at += n;
                left -= n;
            }
            return out;
        }
    }
    if (r.compress) {
        out.body = r.prefix ? cx::compressWithPrefix(r.body, *r.prefix) : cx::compress(r.body);
        out.contentEncoding = "zstd";
    } else {
        out.body = std::move(r.body);
    }
    out.bytesDown = out.body.size() + 64;
    return out;
}

} // namespace cxt
