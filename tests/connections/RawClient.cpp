#include "RawClient.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>

namespace cxc {

namespace {

using Clock = std::chrono::steady_clock;

int msLeft(Clock::time_point deadline)
{
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return int(std::max<long long>(ms, 0));
}

bool waitFd(int fd, short events, int ms)
{
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, ms) > 0;
}

} // namespace

SSL_CTX *clientContext(const std::string &caFile)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (!caFile.empty()) {
        SSL_CTX_load_verify_locations(ctx, caFile.c_str(), nullptr);
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    }
    return ctx;
}

long raiseOpenFiles()
{
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
    getrlimit(RLIMIT_NOFILE, &lim);
    return long(lim.rlim_cur);
}

std::string RawReply::header(const std::string &name) const
{
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

RawClient::RawClient(RawClient &&o) noexcept { *this = std::move(o); }

RawClient &RawClient::operator=(RawClient &&o) noexcept
{
    if (this != &o) {
        close();
        std::swap(m_fd, o.m_fd);
        std::swap(m_ssl, o.m_ssl);
        std::swap(m_closed, o.m_closed);
        std::swap(m_sendFailed, o.m_sendFailed);
        std::swap(m_in, o.m_in);
    }
    return *this;
}

RawClient::~RawClient() { close(); }

void RawClient::close()
{
    if (m_ssl)
        SSL_free(m_ssl);
    m_ssl = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool RawClient::connect(int port, SSL_CTX *ctx, int timeoutMs, SSL_SESSION *resume)
{
    close();
    m_closed = m_sendFailed = false;
    m_in.clear();
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return false;
    int one = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    fcntl(m_fd, F_SETFL, fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        if (errno != EINPROGRESS || !waitFd(m_fd, POLLOUT, msLeft(deadline)))
            return close(), false;
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0)
            return close(), false;
    }
    if (!ctx)
        return true;
    m_ssl = SSL_new(ctx);
    SSL_set_fd(m_ssl, m_fd);
    SSL_set_tlsext_host_name(m_ssl, "localhost");
    SSL_set1_host(m_ssl, "localhost");
    if (resume)
        SSL_set_session(m_ssl, resume);
    for (;;) {
        int r = SSL_connect(m_ssl);
        if (r == 1)
            return true;
        int e = SSL_get_error(m_ssl, r);
        short ev = e == SSL_ERROR_WANT_READ ? POLLIN : e == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
        if (!ev || !waitFd(m_fd, ev, msLeft(deadline))) {
            ERR_clear_error();
            return close(), false;
        }
    }
}

long RawClient::sendSome(const std::string &data)
{
    if (m_fd < 0 || m_sendFailed)
        return -1;
    if (data.empty())
        return 0;
    if (m_ssl) {
        size_t n = 0;
        int r = SSL_write_ex(m_ssl, data.data(), data.size(), &n);
        if (r == 1)
            return long(n);
        int e = SSL_get_error(m_ssl, r);
        ERR_clear_error();
        return e == SSL_ERROR_WANT_WRITE || e == SSL_ERROR_WANT_READ ? 0 : (m_sendFailed = true, -1);
    }
    ssize_t n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n >= 0)
        return long(n);
    return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : (m_sendFailed = true, -1); // what came back can still be read
}

bool RawClient::send(const std::string &data, int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    size_t done = 0;
    while (done < data.size()) {
        long n = sendSome(data.substr(done, 256 * 1024));
        if (n < 0)
            return false;
        done += size_t(n);
        if (n == 0 && !waitFd(m_fd, POLLOUT, std::min(msLeft(deadline), 100)) && msLeft(deadline) == 0)
            return false;
    }
    return true;
}

int RawClient::readAvailable()
{
    if (m_fd < 0 || m_closed)
        return -1;
    char buf[16384];
    int total = 0;
    for (;;) {
        if (m_ssl) {
            size_t n = 0;
            int r = SSL_read_ex(m_ssl, buf, sizeof buf, &n);
            if (r == 1) {
                m_in.append(buf, n);
                total += int(n);
                continue;
            }
            int e = SSL_get_error(m_ssl, r);
            ERR_clear_error();
            if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
                return total;
            m_closed = true; // close_notify, EOF or reset
            return total > 0 ? total : -1;
        }
        ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n > 0) {
            m_in.append(buf, size_t(n));
            total += int(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return total;
        m_closed = true;
        return total > 0 ? total : -1;
    }
}

bool RawClient::closedByPeer(int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        if (m_fd < 0 || m_closed)
            return true;
        if (readAvailable() < 0 || m_closed)
            return true;
        const int left = msLeft(deadline);
        if (left == 0)
            return false;
        waitFd(m_fd, POLLIN, left);
    }
}

std::optional<RawReply> RawClient::readReply(int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        const auto end = m_in.find("\r\n\r\n");
        if (end != std::string::npos) {
            RawReply r;
            const std::string head = m_in.substr(0, end);
            if (head.size() > 12)
                r.status = std::atoi(head.c_str() + 9);
            size_t pos = head.find("\r\n");
            while (pos != std::string::npos && pos < head.size()) {
                size_t next = head.find("\r\n", pos + 2);
                std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
                auto colon = line.find(':');
                if (colon != std::string::npos) {
                    std::string k = line.substr(0, colon);
                    std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
                    std::string v = line.substr(colon + 1);
                    v.erase(0, v.find_first_not_of(' '));
                    r.headers[k] = v;
                }
                pos = next;
            }
            const size_t length = size_t(std::atoll(r.header("content-length").c_str()));
            if (m_in.size() >= end + 4 + length) {
                if (r.status == 100) { // 100 Continue: the real reply follows
                    m_in.erase(0, end + 4);
                    continue;
                }
                r.body = m_in.substr(end + 4, length);
                m_in.erase(0, end + 4 + length);
                return r;
            }
        }
        if (m_closed)
            return std::nullopt;
        if (readAvailable() != 0)
            continue; // new bytes, or the close: parse what there is once more
        const int left = msLeft(deadline);
        if (left == 0)
            return std::nullopt;
        waitFd(m_fd, POLLIN, std::min(left, 200));
    }
}

std::string request(const std::string &method, const std::string &path, const std::map<std::string, std::string> &headers,
                    const std::string &body)
{
    std::string r = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n";
    bool hasLength = false;
    for (const auto &[k, v] : headers) {
        r += k + ": " + v + "\r\n";
        hasLength = hasLength || k == "Content-Length" || k == "Transfer-Encoding";
    }
    if (!hasLength && (!body.empty() || method == "POST" || method == "PUT"))
        r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

} // namespace cxc
