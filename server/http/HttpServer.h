#pragma once
// The HTTP(S) face of the server: routes of docs/protocol.md over cpp-httplib,
// zstd bodies both ways, JSON error replies, one mutex around the store.
#include "storage/Store.h"
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

// A reply as the routes produce it, before compression (testable without sockets).
struct HttpReply {
    int status = 200;
    std::string body;                          // uncompressed JSON
    bool compress = true;
};

// The routes as plain functions: (content encoding, raw body[, bearer token]) -> reply.
HttpReply routeEnroll(Store &store, std::mutex &lock, const std::string &encoding, const std::string &body, int64_t nowMs);
HttpReply routeSync(Store &store, std::mutex &lock, const Validator &validator, const std::string &authorization,
                    const std::string &encoding, const std::string &body, int64_t nowMs);
HttpReply routeHealth();

class HttpServer {
public:
    HttpServer(Store &store, const Validator &validator, HttpOptions options);
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
    void sweepStaleParts();

    std::shared_ptr<AttachmentStore> m_files;  // null without an attachments directory
    std::mutex m_sweepLock;
    std::condition_variable m_sweepWake;
    bool m_stopping = false;

    Store &m_store;
    const Validator &m_validator;
    HttpOptions m_opt;
    std::unique_ptr<httplib::Server> m_server;
    std::mutex m_lock;
    int m_port = 0;
};

} // namespace cx::server
