#pragma once
// A raw HTTP/1.1 client over TCP or TLS (OpenSSL), non-blocking, for the
// connection tests and bench/server: thousands of slow connections held open,
// headers and bodies sent a few bytes at a time, replies read by hand, and
// whether the server closed the connection.
#include <openssl/ssl.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace cxc {

// A client context that trusts caFile (the fixture's CA); null caFile: no verification.
SSL_CTX *clientContext(const std::string &caFile);
// Raises this process's open file limit to its hard limit; returns the new soft limit.
long raiseOpenFiles();

struct RawReply {
    int status = 0;
    std::map<std::string, std::string> headers; // names lower-cased
    std::string body;                           // as received (maybe zstd)
    std::string header(const std::string &name) const;
};

class RawClient
{
public:
    RawClient() = default;
    RawClient(RawClient &&o) noexcept;
    RawClient &operator=(RawClient &&o) noexcept;
    ~RawClient();

    // Connects to 127.0.0.1:port (TLS when ctx is set, handshake done;
    // offering `resume`, a session of an earlier connection, when set).
    bool connect(int port, SSL_CTX *ctx, int timeoutMs = 20000, SSL_SESSION *resume = nullptr);
    SSL *ssl() const { return m_ssl; } // null over plain TCP
    // Sends all of data within timeoutMs; false when the connection failed or stalled.
    bool send(const std::string &data, int timeoutMs = 20000);
    // Sends what the socket takes now without waiting; returns bytes sent, -1 on a dead connection.
    long sendSome(const std::string &data);
    // A complete reply (Content-Length framed) within timeoutMs.
    std::optional<RawReply> readReply(int timeoutMs);
    // True once the server closed the connection (EOF, reset, close_notify),
    // waiting up to timeoutMs; data that arrives meanwhile is kept for readReply.
    bool closedByPeer(int timeoutMs);
    bool isOpen() const { return m_fd >= 0 && !m_closed; }
    void close();
    int fd() const { return m_fd; }

private:
    // Reads what is there: > 0 bytes, 0 nothing yet, -1 closed.
    int readAvailable();
    int m_fd = -1;
    SSL *m_ssl = nullptr;
    bool m_closed = false; // the server's side ended (read EOF, reset, close_notify)
    bool m_sendFailed = false;
    std::string m_in;
};

// A whole request as text.
std::string request(const std::string &method, const std::string &path, const std::map<std::string, std::string> &headers,
                    const std::string &body = {});

} // namespace cxc
