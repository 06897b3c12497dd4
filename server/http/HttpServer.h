#pragma once
// The HTTP(S) face of the server: routes of docs/protocol.md over cpp-httplib,
// zstd bodies both ways, JSON error replies. Each request leases its own store
// connection from the StorePool: no lock spans requests.
#include "storage/Store.h"
#include "storage/StorePool.h"
#include "sync/Validator.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace httplib {
class Server;
}

namespace cx::server {

class AttachmentStore;

struct HttpOptions {
    std::string host = "127.0.0.1";
    int port = 0;                              // 0: any free port
    std::string tlsCert;                       // both set: HTTPS
    std::string tlsKey;
    int threads = 8;
    int readTimeoutSec = 180;                  // a 40 kbit/s client needs long reads
    int writeTimeoutSec = 180;
    bool log = true;                           // one line per request on stderr
    // Attachments (docs/village.md): served when a directory is given.
    std::string attachmentsDir;                // DATA_DIR/attachments
    uint64_t maxAttachmentBytes = 10 * 1024 * 1024; // the bureau's limit per file
    int partMaxAgeDays = 30;                   // an upload's .part untouched this long is removed
};

// The bytes of a download that is streamed rather than held in memory (an
// attachment: a file, or chunks in PostgreSQL). read() fills at most `len`
// bytes from `offset` and returns how many (0: the source ended early; the
// transport then closes the connection). Called from one thread at a time.
class BodySource {
public:
    virtual ~BodySource() = default;
    virtual uint64_t size() const = 0;
    virtual size_t read(uint64_t offset, char *buf, size_t len) = 0;
};

// A reply as the routes produce it, before compression (testable without sockets).
struct HttpReply {
    int status = 200;
    std::string body;                          // uncompressed JSON
    bool compress = true;
    int retryAfterSec = 0;                     // > 0: a Retry-After header (429, 503)
    std::shared_ptr<BodySource> stream;        // set: the body is streamed from here (body unused)
};

// The routes as plain functions over one store connection: (content
// encoding, raw body[, bearer token]) -> reply. Thread-safe with one store per thread.
// `peer`: the source address (after a trusted proxy's X-Forwarded-For), for
// sign-in limits and the audit.
HttpReply routeEnroll(Store &store, const std::string &encoding, const std::string &body, int64_t nowMs,
                      const std::string &peer = {});
HttpReply routeSync(Store &store, const Validator &validator, const std::string &authorization,
                    const std::string &encoding, const std::string &body, int64_t nowMs);
HttpReply routeHealth();
// Maps the exception being handled to the error reply of docs/protocol.md.
HttpReply replyFromException();

class HttpServer {
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

private:
    void installRoutes();
    template <class F> HttpReply withStore(F &&route);
    void sweepStaleParts();

    std::shared_ptr<AttachmentStore> m_files;  // null without an attachments directory
    std::mutex m_sweepLock;
    std::condition_variable m_sweepWake;
    bool m_stopping = false;

    StorePool &m_stores;
    const Validator &m_validator;
    HttpOptions m_opt;
    std::unique_ptr<httplib::Server> m_server;
    int m_port = 0;
};

} // namespace cx::server
