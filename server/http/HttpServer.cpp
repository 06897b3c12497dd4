#include "http/HttpServer.h"

#include "attachments/AttachmentStore.h"

#include "auth/Auth.h"
#include "auth/SignInLimits.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"
#include "sync/SyncHandler.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

namespace cx::server {

namespace {

HttpReply errorReply(int status, const std::string &kind, const std::string &message)
{
    ErrorReply e;
    e.error = kind;
    e.message = message;
    return HttpReply{status, e.toJson().dump(), true};
}

} // namespace

HttpReply replyFromException()
{
    try {
        throw;
    } catch (const TooManyAttempts &e) {
        HttpReply r = errorReply(429, "too-many-attempts", e.what());
        r.retryAfterSec = e.retryAfterSec();
        return r;
    } catch (const cx::Error &e) {
        switch (e.kind()) {
        case ErrorKind::Auth: return errorReply(401, "auth", e.what());
        case ErrorKind::Version: return errorReply(426, "version", e.what());
        case ErrorKind::Forbidden: return errorReply(403, "forbidden", e.what());
        case ErrorKind::Unavailable: {
            HttpReply r = errorReply(503, "unavailable", e.what());
            r.retryAfterSec = 5;
            return r;
        }
        case ErrorKind::Protocol:
        case ErrorKind::Invalid:
        case ErrorKind::NotFound: return errorReply(400, "protocol", e.what());
        default:
            std::fprintf(stderr, "cunxiao-server: %s error: %s\n", errorKindName(e.kind()), e.what());
            return errorReply(500, "server", "internal server error; see the server log");
        }
    } catch (const Json::exception &e) {
        return errorReply(400, "protocol", std::string("malformed message: ") + e.what());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "cunxiao-server: internal error: %s\n", e.what());
        return errorReply(500, "server", "internal server error; see the server log");
    }
}

namespace {

std::string decodeBody(const std::string &encoding, const std::string &body)
{
    if (encoding == "zstd")
        return cx::decompress(body, kMaxBodyBytes);
    if (encoding.empty() || encoding == "identity")
        return body;
    throw Error(ErrorKind::Protocol, "unsupported Content-Encoding \"" + encoding + "\" (use zstd)");
}

std::string bearer(const std::string &authorization)
{
    const std::string prefix = "Bearer ";
    if (authorization.size() > prefix.size() && authorization.compare(0, prefix.size(), prefix) == 0)
        return authorization.substr(prefix.size());
    return {};
}

thread_local std::chrono::steady_clock::time_point t_started;

} // namespace

HttpReply routeHealth() { return HttpReply{200, Json{{"ok", true}, {"protocol", kProtocolVersion}}.dump(), false}; }

HttpReply routeEnroll(Store &store, const std::string &encoding, const std::string &body, int64_t nowMs,
                      const std::string &peer)
{
    try {
        EnrollRequest req = EnrollRequest::fromJson(parseJson(decodeBody(encoding, body), "enroll request"));
        return HttpReply{200, enroll(store, req, nowMs, peer).toJson().dump(), true};
    } catch (...) {
        return replyFromException();
    }
}

HttpReply routeSync(Store &store, const Validator &validator, const std::string &authorization,
                    const std::string &encoding, const std::string &body, int64_t nowMs)
{
    try {
        const std::string token = bearer(authorization);
        DeviceSession who = authenticate(store, token);
        SyncRequest req = SyncRequest::fromJson(parseJson(decodeBody(encoding, body), "sync request"));
        if (req.device != who.device)
            throw Error(ErrorKind::Auth, "request.device " + req.device + " does not match this token's device");
        return HttpReply{200, handleSync(store, who, req, nowMs, validator).toJson().dump(), true};
    } catch (...) {
        return replyFromException();
    }
}

HttpServer::HttpServer(StorePool &stores, const Validator &validator, HttpOptions options)
    : m_stores(stores), m_validator(validator), m_opt(std::move(options))
{
    if (!m_opt.tlsCert.empty() || !m_opt.tlsKey.empty()) {
        if (m_opt.tlsCert.empty() || m_opt.tlsKey.empty())
            throw Error(ErrorKind::Invalid, "--tls-cert and --tls-key go together");
        auto ssl = std::make_unique<httplib::SSLServer>(m_opt.tlsCert.c_str(), m_opt.tlsKey.c_str());
        if (!ssl->is_valid())
            throw Error(ErrorKind::Invalid, "cannot load the TLS certificate " + m_opt.tlsCert + " and key " + m_opt.tlsKey +
                                                " (PEM files, key matching the certificate)");
        m_server = std::move(ssl);
    } else {
        m_server = std::make_unique<httplib::Server>();
    }
    installRoutes();
}

HttpServer::~HttpServer() = default;

// Runs a route on a leased store connection; a store that cannot be opened
// (PostgreSQL down) is a retryable 503.
template <class F> HttpReply HttpServer::withStore(F &&route)
{
    try {
        StorePool::Lease store = m_stores.acquire();
        return route(*store);
    } catch (...) {
        return replyFromException();
    }
}

void HttpServer::installRoutes()
{
    httplib::Server &s = *m_server;
    const int threads = m_opt.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    s.set_read_timeout(m_opt.readTimeoutSec, 0);
    s.set_write_timeout(m_opt.writeTimeoutSec, 0);
    s.set_keep_alive_timeout(30);
    s.set_keep_alive_max_count(1000);
    s.set_payload_max_length(kMaxBodyBytes);

    // We compress bodies ourselves (zstd); stop httplib from gzipping them again.
    s.set_pre_routing_handler([](const httplib::Request &req, httplib::Response &) {
        t_started = std::chrono::steady_clock::now();
        const_cast<httplib::Request &>(req).headers.erase("Accept-Encoding");
        return httplib::Server::HandlerResponse::Unhandled;
    });

    auto send = [](httplib::Response &res, const HttpReply &r) {
        res.status = r.status;
        if (r.retryAfterSec > 0)
            res.set_header("Retry-After", std::to_string(r.retryAfterSec));
        if (r.compress) {
            res.set_content(cx::compress(r.body), kContentType);
            res.set_header("Content-Encoding", kContentEncoding);
        } else {
            res.set_content(r.body, kContentType);
        }
    };

    s.Get("/v1/health", [send](const httplib::Request &, httplib::Response &res) { send(res, routeHealth()); });
    s.Post("/v1/enroll", [this, send](const httplib::Request &req, httplib::Response &res) {
        send(res, withStore([&](Store &st) {
                 return routeEnroll(st, req.get_header_value("Content-Encoding"), req.body, wallClockMs(), req.remote_addr);
             }));
    });
    s.Post("/v1/sync", [this, send](const httplib::Request &req, httplib::Response &res) {
        send(res, withStore([&](Store &st) {
                 return routeSync(st, m_validator, req.get_header_value("Authorization"),
                                  req.get_header_value("Content-Encoding"), req.body, wallClockMs());
             }));
    });
    // Attachments (docs/village.md): check, chunked resumable upload, download with Range.
    if (!m_opt.attachmentsDir.empty()) {
        auto files = m_files = std::make_shared<AttachmentStore>(m_opt.attachmentsDir, m_opt.maxAttachmentBytes);
        s.Post("/v1/attachments/check", [this, send, files](const httplib::Request &req, httplib::Response &res) {
            send(res, withStore([&](Store &st) {
                     return routeAttachmentCheck(st, *files, req.get_header_value("Authorization"),
                                                 req.get_header_value("Content-Encoding"), req.body);
                 }));
        });
        s.Put(R"(/v1/attachments/([0-9a-f]{64}))", [this, send, files](const httplib::Request &req, httplib::Response &res) {
            send(res, withStore([&](Store &st) {
                     return routeAttachmentPut(st, *files, req.get_header_value("Authorization"), req.matches[1],
                                               req.get_param_value("offset"), req.get_param_value("size"), req.body);
                 }));
        });
        // The file streams from disk in 64 KB pieces; a Range ("bytes=N-", the
        // device resuming a cut download) gets 206 with Content-Range.
        s.Get(R"(/v1/attachments/([0-9a-f]{64}))", [this, send, files](const httplib::Request &req, httplib::Response &res) {
            HttpReply r = withStore([&](Store &st) {
                return routeAttachmentGet(st, *files, req.get_header_value("Authorization"), req.matches[1]);
            });
            if (r.status != 200 || !r.stream)
                return send(res, r);
            std::shared_ptr<BodySource> in = r.stream;
            const uint64_t size = in->size();
            ByteRange range = parseByteRange(req.get_header_value("Range"), size);
            const_cast<httplib::Request &>(req).ranges.clear(); // ours, not httplib's
            res.set_header("Accept-Ranges", "bytes");
            if (!range.satisfiable) {
                res.set_header("Content-Range", "bytes */" + std::to_string(size));
                return send(res, errorReply(416, "protocol", "the range is past the end of the file (" +
                                                                 std::to_string(size) + " bytes)"));
            }
            res.status = range.partial ? 206 : 200;
            if (range.partial)
                res.set_header("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                                    std::to_string(range.first + range.length - 1) + "/" +
                                                    std::to_string(size));
            const uint64_t first = range.first;
            res.set_content_provider(size_t(range.length), "application/octet-stream",
                                     [in, first](size_t offset, size_t length, httplib::DataSink &sink) {
                                         std::string buf(std::min<size_t>(length, 64 * 1024), '\0');
                                         const size_t n = in->read(first + offset, buf.data(), buf.size());
                                         if (n == 0)
                                             return false; // the file shrank: end the connection
                                         return sink.write(buf.data(), n);
                                     });
        });
    }
    // Anything else: a JSON 404, compressed like every error body.
    s.set_error_handler([send](const httplib::Request &req, httplib::Response &res) {
        if (!res.body.empty())
            return;
        std::string kind = res.status == 404 ? "protocol" : res.status >= 500 ? "server" : "protocol";
        HttpReply r = errorReply(res.status, kind,
                                 res.status == 404 ? "no such endpoint: " + req.method + " " + req.path
                                                   : "HTTP error " + std::to_string(res.status));
        send(res, r);
    });
    s.set_exception_handler([send](const httplib::Request &, httplib::Response &res, std::exception_ptr ep) {
        HttpReply r;
        try {
            std::rethrow_exception(ep);
        } catch (...) {
            r = replyFromException();
        }
        send(res, r);
    });
    if (m_opt.log) {
        s.set_logger([](const httplib::Request &req, const httplib::Response &res) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t_started)
                          .count();
            std::fprintf(stderr, "%s %s %d in=%zu out=%zu %lldms\n", req.method.c_str(), req.path.c_str(), res.status,
                         req.body.size(), res.body.size(), static_cast<long long>(ms));
        });
    }
}

int HttpServer::bind()
{
    if (m_opt.port == 0)
        m_port = m_server->bind_to_any_port(m_opt.host);
    else
        m_port = m_server->bind_to_port(m_opt.host, m_opt.port) ? m_opt.port : -1;
    if (m_port <= 0)
        throw Error(ErrorKind::Invalid, "cannot listen on " + m_opt.host + ":" + std::to_string(m_opt.port) +
                                            " (address in use or not available)");
    return m_port;
}

std::string HttpServer::url() const
{
    std::string host = m_opt.host.find(':') != std::string::npos ? "[" + m_opt.host + "]" : m_opt.host;
    return std::string(m_opt.tlsCert.empty() ? "http" : "https") + "://" + host + ":" + std::to_string(m_port);
}

bool HttpServer::run()
{
    std::thread sweeper;
    if (m_files)
        sweeper = std::thread([this] { sweepStaleParts(); });
    bool ok = m_server->listen_after_bind();
    {
        std::lock_guard g(m_sweepLock);
        m_stopping = true;
    }
    m_sweepWake.notify_all();
    if (sweeper.joinable())
        sweeper.join();
    return ok;
}

// Uploads abandoned for partMaxAgeDays: at start, then once a day.
void HttpServer::sweepStaleParts()
{
    const auto maxAge = std::chrono::hours(24) * std::max(1, m_opt.partMaxAgeDays);
    std::unique_lock l(m_sweepLock);
    while (!m_stopping) {
        l.unlock();
        try {
            if (size_t n = m_files->removeStaleParts(std::chrono::duration_cast<std::chrono::seconds>(maxAge)))
                std::fprintf(stderr, "cunxiao-server: removed %zu unfinished attachment upload%s older than %d days\n", n,
                             n == 1 ? "" : "s", m_opt.partMaxAgeDays);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "cunxiao-server: cleaning unfinished uploads: %s\n", e.what());
        }
        l.lock();
        m_sweepWake.wait_for(l, std::chrono::hours(24), [this] { return m_stopping; });
    }
}

void HttpServer::stop()
{
    {
        std::lock_guard g(m_sweepLock);
        m_stopping = true;
    }
    m_sweepWake.notify_all();
    m_server->stop();
}

} // namespace cx::server
