#pragma once
// TlsStream: the server's TLS stream, OpenSSL driven directly on the
// non-blocking socket (docs/server.md "Connections", memory per connection).
// It is what Beast needs of a stream (get_executor, async_read_some,
// async_write_some) plus the handshake, the shutdown and tcp_stream's
// deadlines (expires_at/after/never: an operation still waiting at the
// deadline completes with beast::error::timeout).
//
// Why not asio::ssl::stream: its engine keeps two 17 KB record buffers and an
// OpenSSL BIO pair (two more 17 KB buffers) for every stream, idle or not,
// about 66 KB a connection. Here OpenSSL reads and writes the socket itself
// through a small BIO (recv/send, MSG_NOSIGNAL); when it would block, the
// operation waits with socket.async_wait and tries again. With
// SSL_MODE_RELEASE_BUFFERS an idle connection holds only its SSL object.
// Included only by Connection.cpp (the one file that pays for Asio).
#include <boost/asio.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <chrono>
#include <memory>
#include <vector>

namespace cx::server {

class TlsStream
{
public:
    using executor_type = boost::asio::any_io_executor;
    using error_code = boost::system::error_code;
    using socket_type = boost::asio::ip::tcp::socket;
    using Clock = std::chrono::steady_clock;

    // Throws cx::Error(Server) when OpenSSL cannot make the SSL object.
    TlsStream(socket_type socket, SSL_CTX *ctx);
    ~TlsStream();
    TlsStream(const TlsStream &) = delete;
    TlsStream &operator=(const TlsStream &) = delete;

    executor_type get_executor() { return m_s->socket.get_executor(); }
    socket_type &socket() { return m_s->socket; }
    SSL *native_handle() { return m_ssl; }

    void expires_at(Clock::time_point t);
    void expires_after(Clock::duration d) { expires_at(Clock::now() + d); }
    void expires_never();

    template <class Token> auto async_handshake(Token &&token)
    {
        return start<void(error_code)>(Op<Handshake, boost::asio::const_buffer>(this, {}), std::forward<Token>(token));
    }
    // Sends close_notify, then reads and drops what the peer still sends until
    // its close_notify, its FIN or the deadline.
    template <class Token> auto async_shutdown(Token &&token)
    {
        return start<void(error_code)>(Op<Shutdown, boost::asio::const_buffer>(this, {}), std::forward<Token>(token));
    }
    template <class Buffers, class Token> auto async_read_some(const Buffers &b, Token &&token)
    {
        return start<void(error_code, size_t)>(Op<Read, Buffers>(this, b), std::forward<Token>(token));
    }
    template <class Buffers, class Token> auto async_write_some(const Buffers &b, Token &&token)
    {
        return start<void(error_code, size_t)>(Op<Write, Buffers>(this, b), std::forward<Token>(token));
    }

private:
    enum Kind { Handshake, Shutdown, Read, Write };
    enum class Step { Done, WantRead, WantWrite };

    // The socket and the deadline timer: shared with a pending timer handler,
    // which may run after the stream is gone.
    struct Shared {
        explicit Shared(socket_type s) : socket(std::move(s)), timer(socket.get_executor()) {}
        socket_type socket;
        int fd = -1; // the socket's descriptor, for the BIO
        boost::asio::steady_timer timer;
        Clock::time_point deadline = Clock::time_point::max();
        uint64_t generation = 0; // bumped by every expires_*: a stale expiry is ignored
        bool armed = false;      // the timer waits for the current deadline
        bool timedOut = false;
    };

    // One attempt of an operation: fills `ec` and `n` when it is done.
    Step attempt(Kind kind, const void *data, size_t size, size_t &n, error_code &ec, bool &closeSent);
    error_code failure(int ret, int sslError) const;
    error_code waitError(error_code ec) const;
    bool pastDeadline() const;
    void armTimer();

    template <class Signature, class Impl, class Token> auto start(Impl impl, Token &&token)
    {
        return boost::asio::async_compose<Token, Signature>(std::move(impl), token, m_s->socket);
    }

    template <Kind K, class Buffers> struct Op {
        Op(TlsStream *stream, const Buffers &b) : s(stream), buffers(b) {}
        TlsStream *s;
        Buffers buffers;
        std::vector<char> flat; // small pieces of a write, joined into one record
        bool waited = false, done = false, closeSent = false;
        error_code result;
        size_t n = 0;

        template <class Self> void operator()(Self &self, error_code ec = {})
        {
            if (done)
                return finish(self);
            if (ec) {
                result = s->waitError(ec);
                return finish(self);
            }
            const void *data = nullptr;
            size_t size = 0;
            if constexpr (K == Read) {
                for (auto it = boost::asio::buffer_sequence_begin(buffers); it != boost::asio::buffer_sequence_end(buffers); ++it)
                    if (boost::asio::mutable_buffer b(*it); b.size() > 0) {
                        data = b.data(), size = b.size();
                        break;
                    }
                if (size == 0)
                    return complete(self);
            } else if constexpr (K == Write) {
                if (flat.empty()) {
                    // Beast hands a header over in many small buffers: up to a
                    // record's worth of them goes out as one record.
                    constexpr size_t kJoin = 16 * 1024;
                    for (auto it = boost::asio::buffer_sequence_begin(buffers); it != boost::asio::buffer_sequence_end(buffers);
                         ++it) {
                        boost::asio::const_buffer b(*it);
                        if (b.size() == 0)
                            continue;
                        if (data == nullptr && b.size() >= kJoin) {
                            data = b.data(), size = b.size();
                            break;
                        }
                        const size_t take = std::min(b.size(), kJoin - flat.size());
                        flat.insert(flat.end(), static_cast<const char *>(b.data()), static_cast<const char *>(b.data()) + take);
                        if (flat.size() == kJoin)
                            break;
                    }
                }
                if (!flat.empty())
                    data = flat.data(), size = flat.size();
                if (size == 0)
                    return complete(self);
            }
            if (s->pastDeadline()) {
                result = boost::beast::error::timeout;
                return complete(self);
            }
            switch (s->attempt(K, data, size, n, result, closeSent)) {
            case Step::Done:
                return complete(self);
            case Step::WantRead:
                waited = true;
                s->armTimer();
                return s->m_s->socket.async_wait(socket_type::wait_read, std::move(self));
            case Step::WantWrite:
                waited = true;
                s->armTimer();
                return s->m_s->socket.async_wait(socket_type::wait_write, std::move(self));
            }
        }

        // Done on the first try: complete through the executor, never inline
        // in the initiating call.
        template <class Self> void complete(Self &self)
        {
            done = true;
            if (!waited)
                return boost::asio::post(s->m_s->socket.get_executor(), std::move(self));
            finish(self);
        }

        template <class Self> void finish(Self &self)
        {
            if constexpr (K == Read || K == Write)
                self.complete(result, result ? 0 : n);
            else
                self.complete(result);
        }
    };

    std::shared_ptr<Shared> m_s;
    SSL *m_ssl = nullptr;
};

} // namespace cx::server
