#pragma once
// A crowd of slow village connections against one server, as issue 12
// measured them: idle TLS keep-alive connections, connections trickling their
// headers a byte at a time, and connections trickling a body. A thread sends
// the trickles every half second until the crowd is destroyed.
#include "RawClient.h"

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cxc {

class SlowCrowd
{
public:
    // `token`: a live device's bearer token, for the body tricklers (they get
    // past authentication and then send their body slowly).
    SlowCrowd(int port, SSL_CTX *ctx, const std::string &token);
    ~SlowCrowd();
    // Opens n more of each kind; returns how many connected.
    int open(int idle, int headers, int bodies);
    void startTrickling();
    // How many of the crowd the server has closed.
    int closedCount();
    int size();
    void clear();

private:
    int m_port;
    SSL_CTX *m_ctx;
    std::string m_token;
    std::mutex m_mutex;
    std::vector<RawClient> m_idle, m_headers, m_bodies;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace cxc
