#pragma once
// The HTTP(S) face of the server: routes of docs/protocol.md, zstd bodies both
// ways, JSON error replies. The transport is event-driven (Boost.Beast on
// Asio, server/http/Connection.cpp): a few I/O threads hold every socket, a
// fixed pool of workers runs the routes that touch the store, sign-in runs on
// its own small pool, and every byte read before authentication is bounded
// (docs/server.md "Connections"). Each request leases its own store
// connection from the StorePool: no lock spans requests.
#include "http/ErrorReply.h"
#include "storage/Store.h"
#include "storage/StorePool.h"
#include "sync/PrefixCache.h"
#include "sync/Validator.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cx::server {

class AttachmentStore;
class Transport;
struct RouteTable;

struct HttpOptions {
    std::string host = "127.0.0.1";
    int port = 0;        // 0: any free port
    std::string tlsCert; // both set: HTTPS (TLS 1.2 or newer)
    std::string tlsKey;
    int threads = 0;            // workers running store routes; 0: the hardware's cores
    int ioThreads = 0;          // threads running the sockets; 0: 1 or 2 by cores
    int authThreads = 0;        // workers running sign-in (scrypt); 0: 1 or 2 by cores
    int queueDepth = 0;         // requests waiting per pool before 503; 0: 64 per worker
    int maxConnections = 10000; // over it, a new connection is closed at once
    // Deadlines (seconds; bytes per second), docs/server.md "Connections".
    int headerTimeoutSec = 20;   // TLS handshake or first byte -> headers complete
    int idleTimeoutSec = 60;     // a keep-alive connection waiting for its next request
    int requestTimeoutSec = 600; // first byte of a request -> its body complete
    int minBodyRate = 500;       // request body, averaged after graceSec
    int minSendRate = 500;       // response, averaged after graceSec
    int graceSec = 10;
    size_t maxRequestBytes = 64u * 1024 * 1024; // a sync body, on the wire and inflated
    std::vector<std::string> trustedProxies;    // peers whose last X-Forwarded-For hop is the source
    bool log = true;                            // one line per request on stderr
    // Attachments (docs/village.md): served when a directory is given.
    std::string attachmentsDir;                     // DATA_DIR/attachments
    uint64_t maxAttachmentBytes = 10 * 1024 * 1024; // the bureau's limit per file
    int partMaxAgeDays = 30;                        // an upload's .part untouched this long is removed
    int tokenDays = 90;                             // a device token's lifetime, renewed by use (serve --token-days)
    // Bodies kept as zstd prefixes for wire encoding 3 (sync/PrefixCache.h):
    // at most this many bytes in memory; 0 turns prefix compression off.
    size_t prefixCacheBytes = PrefixCache::kDefaultCapacityBytes;
};

// The bytes of a download that is streamed rather than held in memory (an
// attachment: a file, or chunks in PostgreSQL). read() fills at most `len`
// bytes from `offset` and returns how many (0: the source ended early; the
// transport then closes the connection). Called from one thread at a time.
class BodySource
{
public:
    virtual ~BodySource() = default;
    virtual uint64_t size() const = 0;
    virtual size_t read(uint64_t offset, char *buf, size_t len) = 0;
};

// A reply as the routes produce it, before compression (testable without sockets).
struct HttpReply {
    HttpReply() = default;
    // The positional form every handler uses: HttpReply{409, body, false}.
    HttpReply(int status, std::string body, bool compress = true, int retryAfterSec = 0)
        : status(status), body(std::move(body)), compress(compress), retryAfterSec(retryAfterSec)
    {}

    int status = 200;
    std::string body; // uncompressed JSON
    bool compress = true;
    int retryAfterSec = 0;              // > 0: a Retry-After header (429, 503)
    std::shared_ptr<BodySource> stream; // set: the body is streamed from here (body unused)
    // Set (wire encoding 3): `body` is compressed with this prefix
    // (compressWithPrefix), which the device named in its request.
    std::shared_ptr<const std::string> prefix;
};

// Limits of one /v1/sync request (docs/protocol.md "Sync"): more mutations is a
// 413; page_bytes is clamped into [kMinPageBytes, kMaxPageBytes].
constexpr size_t kMaxMutationsPerRequest = 10000;
constexpr uint64_t kMinPageBytes = 4 * 1024;
constexpr uint64_t kMaxPageBytes = 8 * 1024 * 1024;

// The routes as plain functions over one store connection: (content
// encoding, raw body[, bearer token]) -> reply. Thread-safe with one store per thread.
// `peer`: the source address (after a trusted proxy's X-Forwarded-For), for
// sign-in limits and the audit.
// `app`: the X-Cunxiao-App header, used when the request has no "app".
HttpReply routeEnroll(Store &store, const std::string &encoding, const std::string &body, int64_t nowMs,
                      const std::string &peer = {}, const std::string &app = {},
                      int64_t tokenLifetimeMs = 90LL * 24 * 60 * 60 * 1000);
// `prefixes` (optional): the bodies kept for wire encoding 3. With it, a body
// that names a prefix (still "zstd", compressWithPrefix) is decoded here,
// after authentication, against the device's own kept body, or answered 409
// "prefix-unknown" when it is no longer held; the reply is compressed with the
// request's "prev" when held, and a push or page worth it is kept.
HttpReply routeSync(Store &store, const Validator &validator, const std::string &authorization, const std::string &encoding,
                    const std::string &body, int64_t nowMs, PrefixCache *prefixes = nullptr);
// POST /v1/token/rotate (docs/protocol.md "Device tokens").
HttpReply routeTokenRotate(Store &store, const std::string &authorization, int64_t nowMs, int64_t tokenLifetimeMs,
                           const std::string &peer = {});
HttpReply routeHealth();
// The same after one query through `store`: 503 while the database is unreachable.
// Also this process's counters since it started, for benchmarks and monitoring:
// "prefix_cache" {entries, bytes, hits, misses} (when `prefixes` is given) and
// "compression" {replies, bytes_in, bytes_out, cpu_ms} (http/ReplyMetrics.h).
HttpReply routeHealth(Store &store, const PrefixCache *prefixes = nullptr);
// Error replies (replyFromException, errorReply): http/ErrorReply.h.

class HttpServer
{
public:
    HttpServer(StorePool &stores, const Validator &validator, HttpOptions options);
    ~HttpServer();

    // Binds the socket; returns the port. Throws cx::Error(Invalid) on failure
    // (address in use, unreadable certificate).
    int bind();
    // "https://HOST:PORT" or "http://HOST:PORT" (after bind).
    std::string url() const;
    // Serves until stop(). Returns false if the server failed. With
    // attachments, removes stale upload parts at start and then daily.
    bool run();
    void stop();
    // The routes as the transport sees them: for an in-process caller that
    // carries requests without sockets (tests/loopback, LoopbackTransport).
    RouteTable routeTable();
    // The bodies kept as prefixes (null when HttpOptions::prefixCacheBytes is 0).
    PrefixCache *prefixCache() { return m_prefixes.get(); }

private:
    RouteTable routes();
    template <class F> HttpReply withStore(F &&route);
    int64_t tokenLifetimeMs() const { return int64_t(m_opt.tokenDays) * 24 * 60 * 60 * 1000; }
    void sweepStaleParts();

    std::shared_ptr<AttachmentStore> m_files; // null without an attachments directory
    std::string m_pin;                        // the TLS certificate's public-key pin ("" without TLS)
    std::mutex m_sweepLock;
    std::condition_variable m_sweepWake;
    bool m_stopping = false;

    StorePool &m_stores;
    const Validator &m_validator;
    HttpOptions m_opt;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<PrefixCache> m_prefixes;
    int m_port = 0;
};

} // namespace cx::server
