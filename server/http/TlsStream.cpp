// TlsStream (TlsStream.h): the SSL object on the socket through a small BIO,
// one attempt of each operation, errors as asio reports them, deadlines.
#include "http/TlsStream.h"

#include "protocol/Errors.h"

#include <openssl/bio.h>

#include <cerrno>
#include <sys/socket.h>

namespace cx::server {

namespace {

// A socket BIO that never raises SIGPIPE (send with MSG_NOSIGNAL) and keeps
// nothing but the descriptor. The socket is non-blocking: EAGAIN is a retry.
int fdOf(BIO *b)
{
    return *static_cast<const int *>(BIO_get_data(b)); // TlsStream::Shared::fd
}

bool retryable(int err) { return err == EAGAIN || err == EWOULDBLOCK || err == EINTR; }

int bioWrite(BIO *b, const char *data, int len)
{
    BIO_clear_retry_flags(b);
    const ssize_t r = ::send(fdOf(b), data, size_t(len), MSG_NOSIGNAL);
    if (r < 0 && retryable(errno))
        BIO_set_retry_write(b);
    return int(r);
}

int bioRead(BIO *b, char *data, int len)
{
    BIO_clear_retry_flags(b);
    const ssize_t r = ::recv(fdOf(b), data, size_t(len), 0);
    if (r < 0 && retryable(errno))
        BIO_set_retry_read(b);
    if (r == 0)
        BIO_set_flags(b, BIO_FLAGS_IN_EOF); // OpenSSL asks BIO_eof() to tell a truncation
    return int(r);
}

long bioCtrl(BIO *b, int cmd, long, void *)
{
    switch (cmd) {
    case BIO_CTRL_FLUSH:
        return 1;
    case BIO_CTRL_EOF:
        return BIO_test_flags(b, BIO_FLAGS_IN_EOF) != 0;
    default:
        return 0;
    }
}

int bioCreate(BIO *b)
{
    BIO_set_init(b, 1);
    return 1;
}

const BIO_METHOD *socketMethod()
{
    static const BIO_METHOD *method = [] {
        BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR, "cunxiao socket");
        if (m == nullptr)
            return static_cast<BIO_METHOD *>(nullptr);
        BIO_meth_set_write(m, bioWrite);
        BIO_meth_set_read(m, bioRead);
        BIO_meth_set_ctrl(m, bioCtrl);
        BIO_meth_set_create(m, bioCreate);
        return m;
    }();
    return method;
}

} // namespace

TlsStream::TlsStream(socket_type socket, SSL_CTX *ctx) : m_s(std::make_shared<Shared>(std::move(socket)))
{
    error_code ec;
    m_s->socket.non_blocking(true, ec);
    const BIO_METHOD *method = socketMethod();
    BIO *bio = method ? BIO_new(method) : nullptr;
    m_ssl = bio ? SSL_new(ctx) : nullptr;
    if (m_ssl == nullptr || ec) {
        BIO_free(bio);
        SSL_free(m_ssl);
        throw Error(ErrorKind::Server, "cannot set up TLS for a connection (out of memory?)");
    }
    m_s->fd = m_s->socket.native_handle();
    BIO_set_data(bio, &m_s->fd);
    SSL_set_bio(m_ssl, bio, bio); // one BIO both ways: SSL_free frees it once
    SSL_set_accept_state(m_ssl);
}

TlsStream::~TlsStream()
{
    SSL_free(m_ssl);
    error_code ignored;
    m_s->socket.close(ignored); // now, not when a cancelled timer handler lets go of it
    try {
        m_s->timer.cancel();
    } catch (const std::exception &) { // nothing to cancel that matters any more
    }
}

void TlsStream::expires_at(Clock::time_point t)
{
    ++m_s->generation;
    m_s->deadline = t;
    m_s->timedOut = false;
    m_s->armed = false;
    m_s->timer.cancel();
}

void TlsStream::expires_never() { expires_at(Clock::time_point::max()); }

bool TlsStream::pastDeadline() const { return m_s->timedOut || Clock::now() >= m_s->deadline; }

// The timer runs only while an operation waits on the socket; at the deadline
// it cancels the wait, which then completes with beast::error::timeout.
void TlsStream::armTimer()
{
    if (m_s->armed || m_s->deadline == Clock::time_point::max())
        return;
    m_s->armed = true;
    m_s->timer.expires_at(m_s->deadline);
    m_s->timer.async_wait([s = m_s, generation = m_s->generation](error_code ec) {
        if (ec || generation != s->generation)
            return; // cancelled, or the deadline moved meanwhile
        s->timedOut = true;
        error_code ignored;
        s->socket.cancel(ignored);
    });
}

TlsStream::error_code TlsStream::waitError(error_code ec) const
{
    if (ec == boost::asio::error::operation_aborted && m_s->timedOut)
        return boost::beast::error::timeout;
    return ec;
}

TlsStream::error_code TlsStream::failure(int ret, int sslError) const
{
    namespace aerr = boost::asio::error;
    const int sysErr = errno;
    if (sslError == SSL_ERROR_ZERO_RETURN)
        return aerr::eof; // the peer's close_notify
    if (sslError == SSL_ERROR_SYSCALL) {
        const unsigned long e = ERR_get_error();
        ERR_clear_error();
        if (e != 0)
            return error_code(int(e), aerr::get_ssl_category());
        if (ret == 0 || sysErr == 0)
            return aerr::eof;
        return error_code(sysErr, boost::system::system_category());
    }
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING)
        return boost::asio::ssl::error::stream_truncated; // as asio::ssl reports it
    return error_code(int(e), aerr::get_ssl_category());
}

TlsStream::Step TlsStream::attempt(Kind kind, const void *data, size_t size, size_t &n, error_code &ec, bool &closeSent)
{
    ERR_clear_error(); // the queue is per thread: another connection's leftovers must not count here
    errno = 0;
    int ret = 0;
    switch (kind) {
    case Handshake:
        ret = SSL_do_handshake(m_ssl);
        if (ret == 1)
            return Step::Done;
        break;
    case Read:
        ret = SSL_read_ex(m_ssl, const_cast<void *>(data), size, &n);
        if (ret == 1)
            return Step::Done;
        break;
    case Write:
        ret = SSL_write_ex(m_ssl, data, size, &n);
        if (ret == 1)
            return Step::Done;
        break;
    case Shutdown:
        if (!closeSent) {
            ret = SSL_shutdown(m_ssl);
            if (ret == 1)
                return Step::Done; // both close_notify exchanged
            if (ret == 0) {
                closeSent = true;
                return attempt(kind, data, size, n, ec, closeSent);
            }
            break;
        }
        // Read and drop until the peer's close_notify (or EOF, error, deadline).
        for (;;) {
            char sink[1024];
            size_t got = 0;
            ERR_clear_error();
            ret = SSL_read_ex(m_ssl, sink, sizeof sink, &got);
            if (ret != 1)
                break;
        }
        if (const int e = SSL_get_error(m_ssl, ret); e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
            return e == SSL_ERROR_WANT_READ ? Step::WantRead : Step::WantWrite;
        ERR_clear_error();
        return Step::Done; // the peer closed in one way or another: the shutdown is over
    }
    const int e = SSL_get_error(m_ssl, ret);
    if (e == SSL_ERROR_WANT_READ)
        return Step::WantRead;
    if (e == SSL_ERROR_WANT_WRITE)
        return Step::WantWrite;
    ec = failure(ret, e);
    n = 0;
    return Step::Done;
}

} // namespace cx::server
