// The event-driven transport (Boost.Beast on Asio): the listener, one
// Session per connection, the worker pools. Every Beast and Asio include of
// the server is in this file, so only it pays their compile time.
//
// A connection's life (docs/server.md "Connections"):
//   accept (closed at once over --max-connections) -> TLS handshake ->
//   wait for a request's first byte (no read buffer held while idle) ->
//   headers (8 KiB at most, complete within --header-timeout) ->
//   route chosen; Content-Length over the route's limit: 413; a bearer route
//   is authenticated on a worker before any body byte is read (401: close) ->
//   body (the route's limit whatever the framing, at least --min-body-rate
//   after the grace, the whole request within --request-timeout) ->
//   the route on its pool (full queue: 503 + Retry-After) -> reply (at least
//   --min-send-rate; a streamed download one 64 KB piece in flight) ->
//   keep-alive (--idle-timeout) or close.
#include "http/Transport.h"

#include "attachments/AttachmentStore.h"
#include "http/BodyCodec.h"
#include "http/ClientAddress.h"
#include "http/TlsStream.h"
#include "http/ReplyMetrics.h"
#include "http/WorkerPool.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <openssl/ssl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

namespace cx::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr size_t kHeaderLimit = 8 * 1024;
constexpr size_t kReadBufferMax = 16 * 1024;
constexpr size_t kPieceBytes = 64 * 1024;
constexpr int kRetryAfterSec = 5;

// A reply ready for the wire: compressed on the worker, not on the I/O thread.
struct Wire {
    int status = 200;
    std::string body;
    std::string contentType = kContentType;
    bool zstd = false;
    int retryAfterSec = 0;
    bool close = false; // the request's body was not read: close after the reply
    std::vector<std::pair<std::string, std::string>> headers;
    std::shared_ptr<BodySource> stream; // set: `length` bytes from `first`, in pieces
    uint64_t first = 0, length = 0;
};

Wire toWire(HttpReply r, const RequestHead &head)
{
    Wire w;
    w.status = r.status;
    w.retryAfterSec = r.retryAfterSec;
    if (r.stream && r.status == 200) {
        const uint64_t size = r.stream->size();
        const ByteRange range = parseByteRange(head.range, size);
        w.headers.emplace_back("Accept-Ranges", "bytes");
        if (!range.satisfiable) {
            w.headers.emplace_back("Content-Range", "bytes */" + std::to_string(size));
            r = errorReply(416, "protocol", "the range is past the end of the file (" + std::to_string(size) + " bytes)");
            w.status = 416;
        } else {
            w.status = range.partial ? 206 : 200;
            if (range.partial)
                w.headers.emplace_back("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                                            std::to_string(range.first + range.length - 1) + "/" +
                                                            std::to_string(size));
            w.stream = std::move(r.stream);
            w.first = range.first;
            w.length = range.length;
            w.contentType = "application/octet-stream";
            return w;
        }
    }
    if (r.compress) {
        w.body = compressReply(r.body, r.prefix.get());
        w.zstd = true;
    } else {
        w.body = std::move(r.body);
    }
    return w;
}

Wire closing(HttpReply r)
{
    Wire w = toWire(std::move(r), RequestHead{});
    w.close = true;
    return w;
}

Wire busy(const char *what)
{
    HttpReply r = errorReply(503, "unavailable",
                             std::string("the server is busy (") + what + " queue full); retry in " +
                                 std::to_string(kRetryAfterSec) + " s");
    r.retryAfterSec = kRetryAfterSec;
    return toWire(std::move(r), RequestHead{});
}

} // namespace

struct Transport::Impl {
    HttpOptions opt;
    RouteTable routes;
    std::optional<asio::ssl::context> tls;
    std::unique_ptr<WorkerPool> workers, signIn;
    std::atomic<int> open{0};
    asio::io_context ioc; // after what sessions use: destroyed first
    tcp::acceptor acceptor{ioc};
    asio::steady_timer acceptRetry{ioc};
    bool bound = false;

    Impl(const HttpOptions &o, RouteTable r);
    ~Impl() { stopPools(); }
    void stopPools()
    {
        if (workers)
            workers->stop();
        if (signIn)
            signIn->stop();
    }
    void accept();
    void onAccept(tcp::socket s);
    void log(const std::string &line) const
    {
        if (opt.log)
            std::fprintf(stderr, "%s\n", line.c_str());
    }
};

namespace {

std::chrono::seconds secs(int n) { return std::chrono::seconds(std::max(n, 1)); }

template <class Stream> class Session : public std::enable_shared_from_this<Session<Stream>>
{
public:
    template <class... A>
    Session(Transport::Impl &srv, tcp::socket s, A &&...a)
        : m_srv(srv), m_stream(std::move(s), std::forward<A>(a)...), m_timer(m_stream.get_executor())
    {
        ++m_srv.open;
        beast::error_code ec;
        auto ep = tcp().socket().remote_endpoint(ec);
        m_peerIp = ec ? std::string("?") : ep.address().to_string();
        if (ep.address().is_v6() && ep.address().to_v6().is_v4_mapped())
            m_peerIp = asio::ip::make_address_v4(asio::ip::v4_mapped, ep.address().to_v6()).to_string();
        tcp().socket().set_option(tcp::no_delay(true), ec);
        m_reqStart = Clock::now();
    }
    ~Session() { --m_srv.open; }

    void start()
    {
        if constexpr (kTls) {
            tcp().expires_at(m_reqStart + secs(m_srv.opt.headerTimeoutSec));
            m_stream.async_handshake([self = this->shared_from_this()](beast::error_code ec) {
                if (ec)
                    return self->abort(); // includes the timeout; nothing to log per failed handshake
                self->waitRequest();
            });
        } else {
            waitRequest();
        }
    }

private:
    static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;
    // The deadlines and the socket: tcp_stream's, or TlsStream's (the lowest layer).
    auto &tcp() { return beast::get_lowest_layer(m_stream); }

    // Between requests no read buffer is held: one byte is read into m_first,
    // and the buffer is made only once a request starts.
    void waitRequest()
    {
        if (m_buf.size() > 0)
            return readHeader(); // pipelined: the next request is already here
        const auto deadline =
            m_requests == 0 ? m_reqStart + secs(m_srv.opt.headerTimeoutSec) : Clock::now() + secs(m_srv.opt.idleTimeoutSec);
        tcp().expires_at(deadline);
        m_stream.async_read_some(asio::buffer(&m_first, 1), [self = this->shared_from_this()](beast::error_code ec, size_t n) {
            if (ec || n != 1)
                return self->abort(); // idle past the deadline, or the peer left
            if (self->m_requests > 0)
                self->m_reqStart = Clock::now();
            asio::buffer_copy(self->m_buf.prepare(1), asio::buffer(&self->m_first, 1));
            self->m_buf.commit(1);
            self->readHeader();
        });
    }

    Clock::time_point requestDeadline() const { return m_reqStart + secs(m_srv.opt.requestTimeoutSec); }

    void readHeader()
    {
        tcp().expires_at(std::min(m_reqStart + secs(m_srv.opt.headerTimeoutSec), requestDeadline()));
        x().hparser.emplace();
        x().hparser->header_limit(kHeaderLimit);
        x().hparser->body_limit(boost::none); // the route's limit is applied once it is known
        http::async_read_header(m_stream, m_buf, *x().hparser,
                                [self = this->shared_from_this()](beast::error_code ec, size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec == beast::error::timeout) {
            m_srv.log("- - 408 in=0 out=0 " + elapsedMs() + "ms " + m_peerIp + " (closed: headers not complete within " +
                      std::to_string(m_srv.opt.headerTimeoutSec) + " s)");
            return abort();
        }
        if (ec == http::error::header_limit)
            return reply(closing(errorReply(431, "protocol", "the request's headers exceed " + byteSize(kHeaderLimit))));
        if (ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
            ec == asio::ssl::error::stream_truncated)
            return abort();
        if (ec)
            return reply(closing(errorReply(400, "protocol", "malformed HTTP request: " + ec.message())));

        auto &req = x().hparser->get();
        ++m_requests;
        m_keepAlive = req.keep_alive();
        m_head = RequestHead{};
        m_head.method = std::string(req.method_string());
        const std::string target(req.target());
        const auto q = target.find('?');
        m_head.path = target.substr(0, q);
        m_head.query = q == std::string::npos ? std::string() : target.substr(q + 1);
        m_head.authorization = std::string(req[http::field::authorization]);
        m_head.contentEncoding = std::string(req[http::field::content_encoding]);
        m_head.range = std::string(req[http::field::range]);
        m_head.peer = clientAddress(m_peerIp, std::string(req["X-Forwarded-For"]), m_srv.opt.trustedProxies);
        m_head.app = std::string(req[kAppHeader]).substr(0, 128); // X-Cunxiao-App (docs/protocol.md)
        const bool hasBody = x().hparser->chunked() || (x().hparser->content_length() && *x().hparser->content_length() > 0);
        m_expectContinue = beast::iequals(req[http::field::expect], "100-continue");

        m_plan = m_srv.routes.plan(m_head);
        if (!m_plan.found) {
            HttpReply r = errorReply(404, "protocol", "no such endpoint: " + m_head.method + " " + m_head.path);
            return reply(hasBody ? closing(r) : toWire(r, m_head));
        }
        if (m_plan.inflate) {
            if (auto refused = refuseEncoding(m_head.contentEncoding))
                return reply(hasBody ? closing(*refused) : toWire(*refused, m_head));
        } else if (!m_head.contentEncoding.empty() && m_head.contentEncoding != "identity") {
            return reply(closing(
                errorReply(415, "protocol",
                           "unsupported Content-Encoding \"" + m_head.contentEncoding + "\" here: send the bytes as they are")));
        }
        if (m_head.contentEncoding == "identity")
            m_head.contentEncoding.clear();
        if (x().hparser->content_length() && *x().hparser->content_length() > m_plan.bodyLimit)
            return reply(closing(tooLarge(bodyName(), m_plan.bodyLimit)));
        if (!m_plan.bearer)
            return readBody();
        // Who is asking, from the headers alone: a worker looks the token up.
        auto self = this->shared_from_this();
        const bool taken = m_srv.workers->submit([self, head = m_head] {
            HttpReply r = self->m_srv.routes.authorize(head);
            std::optional<Wire> refused;
            if (r.status != 200)
                refused = closing(std::move(r));
            asio::post(self->m_stream.get_executor(), [self, refused = std::move(refused)]() mutable {
                if (refused)
                    return self->reply(std::move(*refused));
                self->readBody();
            });
        });
        if (!taken) {
            Wire w = busy("worker");
            w.close = true; // the body was not read
            reply(std::move(w));
        }
    }

    std::string bodyName() const
    {
        if (m_head.path == "/v1/enroll")
            return "a sign-in (POST /v1/enroll) body";
        if (m_head.path == "/v1/sync")
            return "a sync request body (--max-request-mb)";
        if (m_head.method == "PUT")
            return "an attachment chunk";
        return "a " + m_head.method + " " + m_head.path + " body";
    }

    void readBody()
    {
        if (x().hparser->is_done())
            return dispatch(std::string());
        if (m_expectContinue) {
            m_expectContinue = false;
            x().continue_.emplace(http::status::continue_, 11);
            tcp().expires_at(requestDeadline());
            return http::async_write(m_stream, *x().continue_, [self = this->shared_from_this()](beast::error_code ec, size_t) {
                self->x().continue_.reset();
                if (ec)
                    return self->abort();
                self->readBody();
            });
        }
        x().bparser.emplace(std::move(*x().hparser));
        x().hparser.reset();
        x().bparser->body_limit(m_plan.bodyLimit); // chunked bodies too, as they arrive
        m_bodyStart = Clock::now();
        m_bodyBytes = 0;
        readBodySome();
    }

    // The body must average --min-body-rate after the grace: the next byte is
    // due when the bytes so far would fall under that rate.
    void readBodySome()
    {
        const auto &o = m_srv.opt;
        const auto owed = std::chrono::milliseconds(int64_t(m_bodyBytes + 1) * 1000 / std::max(o.minBodyRate, 1));
        const auto due = m_bodyStart + std::max<Clock::duration>(secs(o.graceSec), owed);
        tcp().expires_at(std::min(due, requestDeadline()));
        http::async_read_some(m_stream, m_buf, *x().bparser,
                              [self = this->shared_from_this()](beast::error_code ec, size_t n) { self->onBody(ec, n); });
    }

    void onBody(beast::error_code ec, size_t n)
    {
        m_bodyBytes += n;
        if (ec == http::error::body_limit)
            return reply(closing(tooLarge(bodyName(), m_plan.bodyLimit)));
        if (ec == beast::error::timeout) {
            const bool whole = Clock::now() >= requestDeadline();
            logLine(408, m_bodyBytes, 0,
                    whole ? " (closed: request not complete within " + std::to_string(m_srv.opt.requestTimeoutSec) + " s)"
                          : " (closed: body slower than " + std::to_string(m_srv.opt.minBodyRate) + " B/s)");
            return abort();
        }
        if (ec)
            return abort();
        if (!x().bparser->is_done())
            return readBodySome();
        std::string body = std::move(x().bparser->get().body());
        x().bparser.reset();
        dispatch(std::move(body));
    }

    // The route on its pool; the reply comes back to this connection's strand.
    void dispatch(std::string body)
    {
        tcp().expires_never(); // the route's time is not the client's
        x().hparser.reset();
        m_inBytes = body.size();
        auto job = [self = this->shared_from_this(), head = m_head, plan = m_plan, body = std::move(body)]() mutable {
            Wire w;
            try {
                // A body compressed with a prefix (wire encoding 3) is decoded
                // by its route, which knows whose prefix it may be.
                if (plan.inflate && head.contentEncoding == "zstd" && cx::namedPrefix(body).empty()) {
                    body = inflateBounded(body, plan.bodyLimit);
                    head.contentEncoding.clear();
                }
                w = toWire(plan.run(head, body), head);
            } catch (const BodyTooLarge &) {
                w = toWire(tooLarge(self->bodyName(), plan.bodyLimit), head);
            } catch (...) {
                w = toWire(replyFromException(), head);
            }
            asio::post(self->m_stream.get_executor(), [self, w = std::move(w)]() mutable { self->reply(std::move(w)); });
        };
        if (m_plan.pool == RoutePool::Inline)
            return job();
        WorkerPool &pool = m_plan.pool == RoutePool::Auth ? *m_srv.signIn : *m_srv.workers;
        if (!pool.submit(std::move(job)))
            reply(busy(m_plan.pool == RoutePool::Auth ? "sign-in" : "worker"));
    }

    Clock::time_point sendDue(uint64_t bytes) const
    {
        const auto &o = m_srv.opt;
        return m_sendStart + secs(o.graceSec) + std::chrono::milliseconds(int64_t(bytes) * 1000 / std::max(o.minSendRate, 1));
    }

    void reply(Wire w)
    {
        x().hparser.reset();
        x().bparser.reset();
        m_wire = std::move(w);
        if (m_wire.close)
            m_keepAlive = false;
        m_sendStart = Clock::now();
        auto setHeaders = [this](auto &res) {
            res.set(http::field::content_type, m_wire.contentType);
            if (m_wire.zstd)
                res.set(http::field::content_encoding, kContentEncoding);
            if (m_wire.retryAfterSec > 0)
                res.set(http::field::retry_after, std::to_string(m_wire.retryAfterSec));
            for (const auto &[k, v] : m_wire.headers)
                res.set(k, v);
            res.keep_alive(m_keepAlive);
        };
        if (m_wire.stream) {
            x().streamHead.emplace(http::status(m_wire.status), 11);
            setHeaders(*x().streamHead);
            x().streamHead->content_length(m_wire.length);
            x().headSr.emplace(*x().streamHead);
            m_sent = 0;
            tcp().expires_at(sendDue(1024));
            return http::async_write_header(m_stream, *x().headSr,
                                            [self = this->shared_from_this()](beast::error_code ec, size_t) {
                                                if (ec)
                                                    return self->abort();
                                                self->nextPiece();
                                            });
        }
        x().res.emplace(http::status(m_wire.status), 11);
        setHeaders(*x().res);
        x().res->body() = std::move(m_wire.body);
        x().res->prepare_payload();
        x().resSr.emplace(*x().res);
        tcp().expires_at(sendDue(x().res->body().size() + 512));
        // The header goes in its own TLS record: a client whose connection is
        // cut mid-body has seen a reply begin (curl then reports the cut
        // instead of silently sending the request again).
        http::async_write_header(m_stream, *x().resSr, [self = this->shared_from_this()](beast::error_code ec, size_t) {
            if (ec)
                return self->abort();
            http::async_write(self->m_stream, *self->x().resSr, [self](beast::error_code ec, size_t) {
                const size_t out = self->x().res->body().size();
                self->x().resSr.reset();
                self->x().res.reset();
                if (ec)
                    return self->abort();
                self->finished(out);
            });
        });
    }

    // One piece in flight: read on a worker (a file today, PostgreSQL later),
    // written here; the next is read only once this one is sent.
    void nextPiece()
    {
        if (m_sent >= m_wire.length)
            return finished(m_sent);
        auto self = this->shared_from_this();
        const bool taken = m_srv.workers->submit([self] {
            auto piece =
                std::make_shared<std::string>(size_t(std::min<uint64_t>(kPieceBytes, self->m_wire.length - self->m_sent)), '\0');
            size_t n = 0;
            try {
                n = self->m_wire.stream->read(self->m_wire.first + self->m_sent, piece->data(), piece->size());
            } catch (const std::exception &e) {
                std::fprintf(stderr, "cunxiao-server: reading a download: %s\n", e.what());
            }
            piece->resize(n);
            asio::post(self->m_stream.get_executor(), [self, piece] { self->writePiece(piece); });
        });
        if (!taken) { // the workers are busy: try again shortly, the client waits
            m_timer.expires_after(std::chrono::milliseconds(50));
            m_timer.async_wait([self](beast::error_code ec) {
                if (!ec)
                    self->nextPiece();
            });
        }
    }

    void writePiece(const std::shared_ptr<std::string> &piece)
    {
        if (piece->empty()) {
            std::fprintf(stderr, "cunxiao-server: %s ended early at byte %llu: closing the connection\n", m_head.path.c_str(),
                         static_cast<unsigned long long>(m_wire.first) + m_sent);
            return abort();
        }
        tcp().expires_at(sendDue(m_sent + piece->size() + 1024));
        asio::async_write(
            m_stream, asio::buffer(*piece), [self = this->shared_from_this(), piece](beast::error_code ec, size_t n) {
                if (ec == beast::error::timeout)
                    self->logLine(self->m_wire.status, self->m_inBytes, self->m_sent,
                                  " (closed: reply slower than " + std::to_string(self->m_srv.opt.minSendRate) + " B/s)");
                if (ec)
                    return self->abort();
                self->m_sent += n;
                self->nextPiece();
            });
    }

    void finished(uint64_t out)
    {
        logLine(m_wire.status, m_inBytes, out, "");
        const bool keep = m_keepAlive;
        m_wire = Wire{};
        m_x.reset(); // an idle connection keeps no parser or reply
        m_inBytes = 0;
        if (!keep)
            return closeGracefully();
        if (m_buf.size() == 0)
            m_buf.shrink_to_fit(); // an idle connection keeps no read buffer
        waitRequest();
    }

    // The reply is out; give the peer a moment to read it before the socket
    // goes (closing with its unread body would reset the connection and could
    // discard the reply on its side). What it still sends is read and dropped,
    // 2 s at most.
    void closeGracefully()
    {
        tcp().expires_after(std::chrono::seconds(2));
        if constexpr (kTls) {
            m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->abort(); });
        } else {
            beast::error_code ec;
            tcp().socket().shutdown(tcp::socket::shutdown_send, ec);
            drain();
        }
    }

    void drain()
    {
        m_buf.clear();
        m_buf.shrink_to_fit();
        if (!m_drain)
            m_drain = std::make_unique<std::array<char, 4096>>();
        m_stream.async_read_some(asio::buffer(*m_drain), [self = this->shared_from_this()](beast::error_code ec, size_t) {
            if (ec)
                return self->abort();
            self->drain();
        });
    }

    void abort()
    {
        m_timer.cancel();
        beast::error_code ec;
        tcp().socket().close(ec);
    }

    std::string elapsedMs() const
    {
        return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_reqStart).count());
    }

    void logLine(int status, uint64_t in, uint64_t out, const std::string &note)
    {
        if (!m_srv.opt.log)
            return;
        std::fprintf(stderr, "%s %s %d in=%llu out=%llu %sms %s%s\n", m_head.method.c_str(), m_head.path.c_str(), status,
                     static_cast<unsigned long long>(in), static_cast<unsigned long long>(out), elapsedMs().c_str(),
                     m_head.peer.empty() ? m_peerIp.c_str() : m_head.peer.c_str(), note.c_str());
    }

    Transport::Impl &m_srv;
    Stream m_stream;
    asio::steady_timer m_timer;
    beast::flat_buffer m_buf{kReadBufferMax};
    char m_first = 0;
    std::string m_peerIp;
    // What one request needs, about 2 KB: made when a request starts, freed
    // when its reply is out, so an idle connection does not hold it.
    struct Exchange {
        std::optional<http::request_parser<http::empty_body>> hparser;
        std::optional<http::request_parser<http::string_body>> bparser;
        std::optional<http::response<http::empty_body>> continue_;
        std::optional<http::response<http::string_body>> res;
        std::optional<http::response_serializer<http::string_body>> resSr;
        std::optional<http::response<http::empty_body>> streamHead;
        std::optional<http::response_serializer<http::empty_body>> headSr;
    };
    std::unique_ptr<Exchange> m_x;
    Exchange &x()
    {
        if (!m_x)
            m_x = std::make_unique<Exchange>();
        return *m_x;
    }
    RequestHead m_head;
    RoutePlan m_plan;
    Wire m_wire;
    bool m_keepAlive = true;
    bool m_expectContinue = false;
    uint64_t m_requests = 0;
    uint64_t m_bodyBytes = 0, m_inBytes = 0, m_sent = 0;
    Clock::time_point m_reqStart, m_bodyStart, m_sendStart;
    std::unique_ptr<std::array<char, 4096>> m_drain; // only while a closed connection is drained
};

} // namespace

Transport::Impl::Impl(const HttpOptions &o, RouteTable r) : opt(o), routes(std::move(r))
{
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    if (opt.threads <= 0)
        opt.threads = int(hw);
    if (opt.ioThreads <= 0)
        opt.ioThreads = hw >= 4 ? 2 : 1;
    if (opt.authThreads <= 0)
        opt.authThreads = hw >= 4 ? 2 : 1;
    if (opt.queueDepth <= 0)
        opt.queueDepth = 64 * opt.threads;
    if (!opt.tlsCert.empty()) {
        tls.emplace(asio::ssl::context::tls_server);
        tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
                         asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
        SSL_CTX_set_min_proto_version(tls->native_handle(), TLS1_2_VERSION);
        // OpenSSL frees a connection's record buffers while it is idle.
        // TlsStream (TlsStream.h) writes what it can and tries again with the
        // same bytes; renegotiation (TLS 1.2) is refused.
        SSL_CTX_set_mode(tls->native_handle(),
                         SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
        SSL_CTX_set_options(tls->native_handle(), SSL_OP_NO_RENEGOTIATION);
        try {
            tls->use_certificate_chain_file(opt.tlsCert);
            tls->use_private_key_file(opt.tlsKey, asio::ssl::context::pem);
        } catch (const boost::system::system_error &) {
            throw Error(ErrorKind::Invalid, "cannot load the TLS certificate " + opt.tlsCert + " and key " + opt.tlsKey +
                                                " (PEM files, key matching the certificate)");
        }
    }
}

void Transport::Impl::accept()
{
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket s) {
        if (ec == asio::error::operation_aborted)
            return;
        if (ec) { // out of file descriptors: wait a little rather than spin
            acceptRetry.expires_after(std::chrono::milliseconds(100));
            return acceptRetry.async_wait([this](beast::error_code e) {
                if (!e)
                    accept();
            });
        }
        onAccept(std::move(s));
        accept();
    });
}

void Transport::Impl::onAccept(tcp::socket s)
{
    if (open.load() >= opt.maxConnections) {
        beast::error_code ec;
        s.close(ec);
        return;
    }
    if (tls) {
        try {
            std::make_shared<Session<TlsStream>>(*this, std::move(s), tls->native_handle())->start();
        } catch (const std::exception &e) { // no SSL object: this connection only is closed
            log(std::string("cunxiao-server: ") + e.what());
        }
    } else {
        std::make_shared<Session<beast::tcp_stream>>(*this, std::move(s))->start();
    }
}

Transport::Transport(const HttpOptions &options, RouteTable routes) : m_impl(std::make_unique<Impl>(options, std::move(routes)))
{}

Transport::~Transport() = default;

int Transport::bind()
{
    Impl &d = *m_impl;
    beast::error_code ec;
    auto addr = asio::ip::make_address(d.opt.host, ec);
    if (ec && (d.opt.host == "localhost" || d.opt.host.empty()))
        addr = asio::ip::make_address("127.0.0.1"), ec = {};
    if (ec)
        throw Error(ErrorKind::Invalid,
                    "cannot listen on " + d.opt.host + ":" + std::to_string(d.opt.port) + " (not an IP address)");
    tcp::endpoint ep(addr, uint16_t(d.opt.port));
    d.acceptor.open(ep.protocol(), ec);
    if (!ec)
        d.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d.acceptor.bind(ep, ec);
    if (!ec)
        d.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw Error(ErrorKind::Invalid, "cannot listen on " + d.opt.host + ":" + std::to_string(d.opt.port) +
                                            " (address in use or not available: " + ec.message() + ")");
    d.bound = true;
    return d.acceptor.local_endpoint().port();
}

bool Transport::run()
{
    Impl &d = *m_impl;
    if (!d.bound)
        return false;
    d.workers = std::make_unique<WorkerPool>("store", size_t(d.opt.threads), size_t(d.opt.queueDepth));
    d.signIn = std::make_unique<WorkerPool>("sign-in", size_t(d.opt.authThreads), size_t(d.opt.queueDepth));
    d.accept();
    std::vector<std::thread> io;
    for (int i = 1; i < d.opt.ioThreads; ++i)
        io.emplace_back([&d] { d.ioc.run(); });
    d.ioc.run();
    for (auto &t : io)
        t.join();
    d.stopPools();
    return true;
}

void Transport::stop() { m_impl->ioc.stop(); }

} // namespace cx::server
