#pragma once
// How the engine reaches the server: one request, one reply. CurlTransport is
// the real one (HTTPS through libcurl + OpenSSL); the deterministic simulation
// plugs an in-process one behind the same interface.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace cx {

struct HttpReply {
    long status = 0;
    std::string body; // as received (still compressed)
    std::string contentEncoding;
    uint64_t bytesUp = 0;     // request line, headers and body
    uint64_t bytesDown = 0;   // status line, headers and body
    long newConnections = 0;  // connections opened for this request (0 = reused)
    std::string contentRange; // the Content-Range header of a 206 reply ("bytes N-M/T")
    long retryAfterSec = 0;   // the Retry-After header (seconds) of a 429 or 503
};

struct TransportOptions {
    std::string baseUrl; // https://host:port (http:// only for loopback)
    std::string caFile;  // verify against this CA bundle instead of the system store
    std::string pin;     // "sha256//BASE64" public-key pin, optional
    long connectTimeoutSec = 30;
    long lowSpeedBytesPerSec = 8; // a transfer slower than this ...
    long lowSpeedSeconds = 60;    // ... for this long is dead; progress never times out
};

// Any request (attachments need PUT/GET with raw bodies and headers; added for
// docs/village.md). `post` is the sync protocol's case of it.
struct HttpRequest {
    std::string method = "POST"; // POST | PUT | GET
    std::string path;
    std::string body;
    std::string contentType = "application/json";
    std::string contentEncoding = "zstd"; // "" = none
    std::string bearerToken;
    std::string range; // "bytes=N-" for GET, optional
    // Streaming a large reply (attachment downloads): when set, the body of a
    // 2xx reply goes here as it arrives, never into HttpReply::body (an error
    // body still does). `status` is the reply's (200, or 206 for a Range).
    // Returning false aborts the transfer with cx::Error(Storage).
    std::function<bool(long status, const char *data, size_t n)> sink;
};

// Progress of the current transfer: bytes sent of total, bytes received of total (0 = unknown).
using ProgressFn = std::function<void(uint64_t upNow, uint64_t upTotal, uint64_t downNow, uint64_t downTotal)>;

class Transport
{
public:
    virtual ~Transport() = default;
    // Throws cx::Error(Network | Tls) when no HTTP reply arrived.
    virtual HttpReply post(const std::string &path, const std::string &body, const std::string &bearerToken) = 0;
    // The general request. The default handles only what post() can do, so a
    // transport that implements post() alone keeps working (without attachments).
    virtual HttpReply send(const HttpRequest &r)
    {
        if (r.method != "POST" || r.contentType != "application/json" || r.contentEncoding != "zstd")
            throw std::runtime_error("this transport supports only POST of compressed JSON");
        return post(r.path, r.body, r.bearerToken);
    }
    virtual void setProgress(ProgressFn fn) { m_progress = std::move(fn); }

protected:
    ProgressFn m_progress;
};

// Throws cx::Error(Invalid) unless the URL is https://, or http:// to a loopback host.
void checkServerUrl(const std::string &url);

} // namespace cx
