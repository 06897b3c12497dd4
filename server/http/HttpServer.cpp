#include "http/HttpServer.h"

#include "admin/AccountAdmin.h"
#include "admin/DeviceList.h"

#include "attachments/AttachmentStore.h"
#include "http/ErrorReply.h"
#include "http/ReplyMetrics.h"
#include "http/RouteTable.h"
#include "http/Transport.h"

#include "auth/Auth.h"
#include "auth/DeviceTokens.h"
#include "auth/SignInLimits.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"
#include "sync/BundleRoute.h"
#include "sync/SyncHandler.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

namespace cx::server {

std::string RequestHead::queryParam(const std::string &name) const
{
    size_t pos = 0;
    while (pos <= query.size()) {
        size_t end = query.find('&', pos);
        if (end == std::string::npos)
            end = query.size();
        const std::string kv = query.substr(pos, end - pos);
        const size_t eq = kv.find('=');
        if (kv.substr(0, eq) == name)
            return eq == std::string::npos ? std::string() : kv.substr(eq + 1); // numbers only here: no unescaping
        pos = end + 1;
    }
    return {};
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

} // namespace

HttpReply routeHealth() { return HttpReply{200, Json{{"ok", true}, {"protocol", kProtocolVersion}}.dump(), false}; }

HttpReply routeHealth(Store &store, const PrefixCache *prefixes)
{
    try {
        const int schema = store.schemaVersion(); // one query: the database answers
        Json j{{"ok", true}, {"protocol", kProtocolVersion}, {"schema", schema}};
        if (prefixes) {
            const auto p = prefixes->stats();
            j["prefix_cache"] = Json{{"entries", p.entries}, {"bytes", p.bytes}, {"hits", p.hits}, {"misses", p.misses}};
        }
        const ReplyMetrics m = replyMetrics();
        j["compression"] =
            Json{{"replies", m.replies}, {"bytes_in", m.bytesIn}, {"bytes_out", m.bytesOut}, {"cpu_ms", double(m.cpuNs) / 1e6}};
        return HttpReply{200, j.dump(), false};
    } catch (...) {
        return replyFromException();
    }
}

HttpReply routeEnroll(Store &store, const std::string &encoding, const std::string &body, int64_t nowMs, const std::string &peer,
                      const std::string &app, int64_t tokenLifetimeMs)
{
    try {
        EnrollRequest req = EnrollRequest::fromJson(parseJson(decodeBody(encoding, body), "enroll request"));
        if (req.appVersion.empty())
            req.appVersion = app;
        if (req.appVersion.size() > 128)
            req.appVersion.resize(128);
        EnrollResponse r = enroll(store, req, nowMs, peer, tokenLifetimeMs);
        addBundleKeys(store, r, req.device); // docs/bundles.md
        return HttpReply{200, r.toJson().dump(), true};
    } catch (...) {
        return replyFromException();
    }
}

HttpReply routeSync(Store &store, const Validator &validator, const std::string &authorization, const std::string &encoding,
                    const std::string &body, int64_t nowMs, PrefixCache *prefixes)
{
    try {
        const std::string token = bearer(authorization);
        DeviceSession who = authenticate(store, token, nowMs);
        std::string plain;
        if (const std::string named = encoding == "zstd" ? namedPrefix(body) : std::string(); !named.empty()) {
            // A push compressed against this device's previous push (wire encoding 3).
            auto prefix = prefixes ? prefixes->find(who.device, named) : nullptr;
            if (!prefix)
                return errorReply(409, kErrorPrefixUnknown,
                                  "this server does not hold the body " + named +
                                      " the request was compressed with: send it again without a prefix");
            plain = decompressWithPrefix(body, *prefix, kMaxBodyBytes);
        } else {
            plain = decodeBody(encoding, body);
        }
        SyncRequest req = SyncRequest::fromJson(parseJson(plain, "sync request"));
        if (req.device != who.device)
            throw Error(ErrorKind::Auth, "request.device " + req.device + " does not match this token's device");
        // One request is one write transaction holding its schools' locks:
        // bounded, so one device cannot hold a school for long. The engine
        // sends at most 5,000 mutations and 1 MiB of them a request (Engine::pushBudget).
        if (req.mutations.size() > kMaxMutationsPerRequest)
            return errorReply(413, "too-large",
                              "the sync request carries " + std::to_string(req.mutations.size()) + " mutations; the limit is " +
                                  std::to_string(kMaxMutationsPerRequest) + " a request: send them in several requests");
        // page_bytes is what the device would like; the server's reply stays
        // within kMaxPageBytes whatever it asks (a page is built in memory).
        req.pageBytes = std::clamp<uint64_t>(req.pageBytes, kMinPageBytes, kMaxPageBytes);
        SyncResponse resp = handleSync(store, who, req, nowMs, validator);
        resp.tokenExpires = who.tokenExpires; // optional, additive
        if (!prefixes || resp.enc < 3)
            return HttpReply{200, resp.toJson().dump(), true};
        // Wire encoding 3: keep a push for the device's next one, compress the
        // page against the device's last (when still held), keep the page.
        if (!req.mutations.empty())
            resp.kept = prefixes->put(who.device, std::move(plain));
        HttpReply reply{200, resp.toJson().dump(), true};
        if (!req.prev.empty())
            reply.prefix = prefixes->find(who.device, req.prev);
        prefixes->put(who.device, reply.body);
        return reply;
    } catch (...) {
        return replyFromException();
    }
}

HttpReply routeTokenRotate(Store &store, const std::string &authorization, int64_t nowMs, int64_t tokenLifetimeMs,
                           const std::string &peer)
{
    try {
        DeviceSession who = authenticate(store, bearer(authorization), nowMs, ClientInfo{peer, {}});
        return HttpReply{200, rotateToken(store, who, nowMs, tokenLifetimeMs, peer).toJson().dump(), true};
    } catch (...) {
        return replyFromException();
    }
}

HttpServer::HttpServer(StorePool &stores, const Validator &validator, HttpOptions options)
    : m_stores(stores), m_validator(validator), m_opt(std::move(options)),
      m_prefixes(m_opt.prefixCacheBytes > 0 ? std::make_unique<PrefixCache>(m_opt.prefixCacheBytes) : nullptr)
{
    if (!m_opt.tlsCert.empty() || !m_opt.tlsKey.empty()) {
        if (m_opt.tlsCert.empty() || m_opt.tlsKey.empty())
            throw Error(ErrorKind::Invalid, "--tls-cert and --tls-key go together");
        try {
            m_pin = certificatePin(m_opt.tlsCert); // for the enrolment QR codes (admin/AccountAdmin.h)
        } catch (const Error &) {
            // an unreadable certificate fails when TLS starts, with its own message
        }
    }
    if (!m_opt.attachmentsDir.empty())
        m_files = std::make_shared<AttachmentStore>(m_opt.attachmentsDir, m_opt.maxAttachmentBytes);
    m_transport = std::make_unique<Transport>(m_opt, routes());
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

namespace {

bool isAttachmentPath(const std::string &path, std::string &sha)
{
    const std::string prefix = "/v1/attachments/";
    if (path.size() != prefix.size() + 64 || path.compare(0, prefix.size(), prefix) != 0)
        return false;
    sha = path.substr(prefix.size());
    return std::all_of(sha.begin(), sha.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace

// The route table: which pool runs a route, and how many body bytes it may
// send before (and after) inflating. Sign-in is bounded at 4 KiB before anyone
// is known; the bearer routes are authenticated from their headers first.
RouteTable HttpServer::routes()
{
    RouteTable t;
    t.authorize = [this](const RequestHead &h) {
        return withStore([&](Store &st) {
            // throws Error(Auth) or DeviceRefused: 401; renews the token's expiry
            admitDevice(st, bearer(h.authorization), wallClockMs(), ClientInfo{h.peer, h.app}, tokenLifetimeMs());
            return HttpReply{200, {}, false};
        });
    };
    t.plan = [this](const RequestHead &h) {
        RoutePlan p;
        std::string sha;
        if (h.method == "GET" && h.path == "/v1/health") {
            p.found = true;
            // On a worker, through the store: a balancer's check fails (503)
            // while this instance cannot reach its database.
            p.pool = RoutePool::Store;
            p.run = [this](const RequestHead &, const std::string &) {
                return withStore([&](Store &st) { return routeHealth(st, m_prefixes.get()); });
            };
        } else if (h.method == "POST" && h.path == "/v1/enroll") {
            p.found = true;
            p.pool = RoutePool::Auth;
            p.bodyLimit = kMaxEnrollBytes;
            p.run = [this](const RequestHead &h, const std::string &body) {
                return withStore([&](Store &st) {
                    return routeEnroll(st, h.contentEncoding, body, wallClockMs(), h.peer, h.app, tokenLifetimeMs());
                });
            };
        } else if (h.method == "POST" && h.path == "/v1/sync") {
            p.found = true;
            p.bearer = true;
            p.bodyLimit = m_opt.maxRequestBytes;
            p.run = [this](const RequestHead &h, const std::string &body) {
                return withStore([&](Store &st) {
                    return routeSync(st, m_validator, h.authorization, h.contentEncoding, body, wallClockMs(), m_prefixes.get());
                });
            };
        } else if (m_files && h.method == "POST" && h.path == "/v1/attachments/check") {
            p.found = true;
            p.bearer = true;
            p.bodyLimit = kMaxAttachmentCheckBytes;
            p.run = [this, files = m_files](const RequestHead &h, const std::string &body) {
                return withStore(
                    [&](Store &st) { return routeAttachmentCheck(st, *files, h.authorization, h.contentEncoding, body); });
            };
        } else if (h.method == "POST" && h.path == "/v1/token/rotate") { // docs/protocol.md "Device tokens"
            p.found = true;
            p.bearer = true;
            p.bodyLimit = 1024;
            p.run = [this](const RequestHead &h, const std::string &) {
                return withStore(
                    [&](Store &st) { return routeTokenRotate(st, h.authorization, wallClockMs(), tokenLifetimeMs(), h.peer); });
            };
        } else if (h.method == "POST" && h.path == "/v1/devices") { // docs/protocol.md "Device health"
            p.found = true;
            p.bearer = true;
            p.bodyLimit = 1024;
            p.run = [this](const RequestHead &h, const std::string &) {
                return withStore([&](Store &st) { return routeDevices(st, h.authorization); });
            };
        } else if (h.method == "POST" && h.path == "/v1/admin") { // docs/protocol.md "Accounts (POST /v1/admin)"
            p.found = true;
            p.bearer = true;
            p.pool = RoutePool::Auth; // add-user and reset-password hash a password (scrypt)
            p.bodyLimit = kMaxAdminBytes;
            p.run = [this](const RequestHead &h, const std::string &body) {
                return withStore([&](Store &st) {
                    return routeAdmin(st, h.authorization, decodeBody(h.contentEncoding, body), wallClockMs(), h.peer, m_pin);
                });
            };
        } else if (h.method == "POST" && h.path == "/v1/bundle-key") { // docs/bundles.md
            p.found = true;
            p.bearer = true;
            p.bodyLimit = 1024;
            p.run = [this](const RequestHead &h, const std::string &) {
                return withStore([&](Store &st) { return routeBundleKey(st, h.authorization); });
            };
        } else if (m_files && h.method == "POST" && h.path == "/v1/relay") { // docs/bundles.md
            p.found = true;
            p.bearer = true;
            p.bodyLimit = kMaxRelayRequestBytes;
            p.run = [this, files = m_files](const RequestHead &h, const std::string &body) {
                return withStore([&](Store &st) {
                    return routeRelay(st, m_validator, *files, h.authorization, h.contentEncoding, body, wallClockMs());
                });
            };
        } else if (m_files && h.method == "PUT" && isAttachmentPath(h.path, sha)) {
            p.found = true;
            p.bearer = true;
            p.inflate = false; // raw bytes of the file
            p.bodyLimit = kMaxAttachmentChunkBytes;
            p.run = [this, files = m_files, sha](const RequestHead &h, const std::string &body) {
                return withStore([&](Store &st) {
                    return routeAttachmentPut(st, *files, h.authorization, sha, h.queryParam("offset"), h.queryParam("size"),
                                              body);
                });
            };
        } else if (m_files && h.method == "GET" && isAttachmentPath(h.path, sha)) {
            // 200 with reply.stream: the transport sends it in 64 KB pieces
            // (Range: 206 with Content-Range, 416 past the end).
            p.found = true;
            p.bearer = true;
            p.run = [this, files = m_files, sha](const RequestHead &h, const std::string &) {
                return withStore([&](Store &st) { return routeAttachmentGet(st, *files, h.authorization, sha); });
            };
        }
        return p;
    };
    return t;
}

RouteTable HttpServer::routeTable() { return routes(); }

int HttpServer::bind()
{
    m_port = m_transport->bind();
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
    bool ok = m_transport->run();
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
    m_transport->stop();
}

} // namespace cx::server
