#include "SlowCrowd.h"

#include <chrono>

namespace cxc {

SlowCrowd::SlowCrowd(int port, SSL_CTX *ctx, const std::string &token) : m_port(port), m_ctx(ctx), m_token(token) {}

SlowCrowd::~SlowCrowd()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

int SlowCrowd::open(int idle, int headers, int bodies)
{
    int ok = 0;
    auto add = [&](std::vector<RawClient> &to, const std::string &first) {
        RawClient c;
        if (!c.connect(m_port, m_ctx) || !c.send(first))
            return;
        std::lock_guard g(m_mutex);
        to.push_back(std::move(c));
        ++ok;
    };
    for (int i = 0; i < idle; ++i)
        add(m_idle, {});
    for (int i = 0; i < headers; ++i)
        add(m_headers, "POST /v1/sync HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    // 300 KB announced; the body comes a few bytes at a time.
    const std::string head = "POST /v1/sync HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m_token +
                             "\r\nContent-Type: application/json\r\nContent-Length: 300000\r\n\r\n{";
    for (int i = 0; i < bodies; ++i)
        add(m_bodies, head);
    return ok;
}

void SlowCrowd::startTrickling()
{
    m_thread = std::thread([this] {
        while (!m_stop) {
            {
                std::lock_guard g(m_mutex);
                for (auto &c : m_headers)
                    c.sendSome("a");
                for (auto &c : m_bodies)
                    c.sendSome("          ");
            }
            for (int i = 0; i < 5 && !m_stop; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
}

int SlowCrowd::closedCount()
{
    std::lock_guard g(m_mutex);
    int n = 0;
    for (auto *v : {&m_idle, &m_headers, &m_bodies})
        for (auto &c : *v)
            n += c.closedByPeer(0) ? 1 : 0;
    return n;
}

int SlowCrowd::size()
{
    std::lock_guard g(m_mutex);
    return int(m_idle.size() + m_headers.size() + m_bodies.size());
}

void SlowCrowd::clear()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard g(m_mutex);
    m_idle.clear();
    m_headers.clear();
    m_bodies.clear();
    m_stop = false;
}

} // namespace cxc
