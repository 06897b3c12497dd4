// cunxiao-linkemu: a userspace TCP proxy on loopback that emulates a slow,
// unreliable link (a 2G radio link to a village school) for tests and benchmarks.
//
// One thread, one ppoll() event loop. Per direction (up = client->server,
// down = server->client) the link is a single serializer shared by every
// connection (round robin), with a bandwidth in kbit/s and a one-way delay:
//
//   client --read--> pending --serialize at rate--> in flight --delay--> server
//
// Bytes are counted when they are delivered (written to the far socket); the
// faults (--cut-every, --stall-after) trigger on that count, exactly at the
// byte boundary. See docs/linkemu.md.
//
// Plain C++20 and POSIX; no Qt here.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <csignal>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int64_t kMs = 1'000'000;
constexpr int64_t kSec = 1'000'000'000;
constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
constexpr int UP = 0;
constexpr int DOWN = 1;

int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * kSec + ts.tv_nsec;
}

// ---------------------------------------------------------------- options

struct Options {
    uint16_t listenPort = 0;
    std::string targetHost;
    std::string targetPort;
    double kbps[2] = {0, 0};    // 0 = unlimited
    double delayMs[2] = {0, 0}; // one-way
    uint64_t cutEvery = 0;      // 0 = never
    uint64_t stallAfter = 0;
    double stallSeconds = 0; // 0 = no stall
    double refuseFor = 0;
    std::string statsFile;
    bool stdinControl = false;
    bool connectRtt = false;
    size_t buffer = 0;  // per connection and direction; 0 = auto
    size_t quantum = 0; // serialization unit; 0 = auto
    int sockbuf = 0;    // SO_RCVBUF/SO_SNDBUF; 0 = kernel default
    bool verbose = false;
};

[[noreturn]] void usage(int code)
{
    std::FILE *out = code == 0 ? stdout : stderr;
    std::fputs("usage: cunxiao-linkemu --target HOST:PORT [options]\n"
               "  --listen PORT            listen on 127.0.0.1:PORT (0 = any free port; default 0)\n"
               "  --target HOST:PORT       where each accepted connection is forwarded\n"
               "  --profile NAME           lan | village | village-cutting (flags override it)\n"
               "  --kbps N                 bandwidth both ways, kbit/s (0 = unlimited)\n"
               "  --up-kbps N, --down-kbps N\n"
               "  --delay-ms MS            one-way delay both ways (round trip = 2x)\n"
               "  --up-delay-ms MS, --down-delay-ms MS\n"
               "  --cut-every BYTES        reset all connections each time the link's total\n"
               "                           byte count (up+down) crosses a multiple of BYTES\n"
               "  --stall-after BYTES      once, after BYTES in total, forward nothing ...\n"
               "  --stall-seconds T        ... for T seconds\n"
               "  --refuse-for T           reset new connections during the first T seconds\n"
               "  --connect-rtt            model the TCP handshake: data of a new connection\n"
               "                           arrives one extra round trip later\n"
               "  --stats FILE             JSON counters, rewritten on change (<= 10/s) and at exit\n"
               "  --stdin-control          read commands from stdin (cut, refuse N, stall T,\n"
               "                           stats, quit); exit when stdin closes\n"
               "  --buffer BYTES           proxy buffer per connection and direction (default auto)\n"
               "  --quantum BYTES          serialization unit (default auto, ~10 ms of airtime)\n"
               "  --sockbuf BYTES          SO_RCVBUF/SO_SNDBUF of the proxy's sockets\n"
               "  --verbose                log events to stderr\n"
               "BYTES accept suffixes K (1024) and M (1048576), e.g. 50K.\n",
               out);
    std::exit(code);
}

[[noreturn]] void die(const std::string &msg)
{
    std::fprintf(stderr, "cunxiao-linkemu: %s\n", msg.c_str());
    std::exit(2);
}

double parseNumber(const std::string &flag, const std::string &v)
{
    char *end = nullptr;
    errno = 0;
    double d = std::strtod(v.c_str(), &end);
    if (v.empty() || errno || *end || !(d >= 0) || std::isinf(d))
        die("bad value for " + flag + ": '" + v + "'");
    return d;
}

uint64_t parseBytes(const std::string &flag, const std::string &v)
{
    char *end = nullptr;
    errno = 0;
    unsigned long long n = std::strtoull(v.c_str(), &end, 10);
    if (v.empty() || errno || end == v.c_str() || v[0] == '-')
        die("bad byte count for " + flag + ": '" + v + "'");
    std::string suffix(end);
    for (auto &c : suffix)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    if (suffix.empty() || suffix == "B")
        return n;
    if (suffix == "K" || suffix == "KB" || suffix == "KIB")
        return n * 1024ull;
    if (suffix == "M" || suffix == "MB" || suffix == "MIB")
        return n * 1024ull * 1024ull;
    die("bad byte count for " + flag + ": '" + v + "'");
}

void applyProfile(Options &o, const std::string &name)
{
    if (name == "lan") {
        o.kbps[UP] = o.kbps[DOWN] = 0;
        o.delayMs[UP] = o.delayMs[DOWN] = 0;
        o.cutEvery = 0;
    } else if (name == "village" || name == "village-cutting") {
        o.kbps[UP] = o.kbps[DOWN] = 40;
        o.delayMs[UP] = o.delayMs[DOWN] = 300;
        o.cutEvery = name == "village-cutting" ? 51200 : 0;
    } else {
        die("unknown profile '" + name + "' (lan, village, village-cutting)");
    }
}

Options parseArgs(int argc, char **argv)
{
    // Split "--flag=value" and "--flag value" into pairs first.
    std::vector<std::pair<std::string, std::string>> args;
    static const std::vector<std::string> booleans = {"--stdin-control", "--connect-rtt", "--verbose", "--help", "-h"};
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        std::string v;
        bool hasValue = false;
        if (auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            v = a.substr(eq + 1);
            a = a.substr(0, eq);
            hasValue = true;
        }
        if (std::find(booleans.begin(), booleans.end(), a) != booleans.end()) {
            args.emplace_back(a, v);
            continue;
        }
        if (!hasValue) {
            if (i + 1 >= argc)
                die("missing value for " + a);
            v = argv[++i];
        }
        args.emplace_back(a, v);
    }

    Options o;
    // The profile first, so that individual flags override it wherever they appear.
    for (auto &[k, v] : args)
        if (k == "--profile")
            applyProfile(o, v);

    for (auto &[k, v] : args) {
        if (k == "--help" || k == "-h")
            usage(0);
        else if (k == "--profile") {
        } else if (k == "--listen" || k == "--port") {
            double p = parseNumber(k, v);
            if (p > 65535 || p != std::floor(p))
                die("bad port " + v);
            o.listenPort = uint16_t(p);
        } else if (k == "--target") {
            auto colon = v.rfind(':');
            if (colon == std::string::npos || colon == 0 || colon + 1 == v.size())
                die("--target wants HOST:PORT");
            o.targetHost = v.substr(0, colon);
            o.targetPort = v.substr(colon + 1);
            if (o.targetHost.size() > 2 && o.targetHost.front() == '[' && o.targetHost.back() == ']')
                o.targetHost = o.targetHost.substr(1, o.targetHost.size() - 2);
        } else if (k == "--kbps")
            o.kbps[UP] = o.kbps[DOWN] = parseNumber(k, v);
        else if (k == "--up-kbps")
            o.kbps[UP] = parseNumber(k, v);
        else if (k == "--down-kbps")
            o.kbps[DOWN] = parseNumber(k, v);
        else if (k == "--delay-ms")
            o.delayMs[UP] = o.delayMs[DOWN] = parseNumber(k, v);
        else if (k == "--up-delay-ms")
            o.delayMs[UP] = parseNumber(k, v);
        else if (k == "--down-delay-ms")
            o.delayMs[DOWN] = parseNumber(k, v);
        else if (k == "--cut-every")
            o.cutEvery = parseBytes(k, v);
        else if (k == "--stall-after")
            o.stallAfter = parseBytes(k, v);
        else if (k == "--stall-seconds")
            o.stallSeconds = parseNumber(k, v);
        else if (k == "--refuse-for")
            o.refuseFor = parseNumber(k, v);
        else if (k == "--stats")
            o.statsFile = v;
        else if (k == "--stdin-control")
            o.stdinControl = true;
        else if (k == "--connect-rtt")
            o.connectRtt = true;
        else if (k == "--buffer")
            o.buffer = size_t(parseBytes(k, v));
        else if (k == "--quantum")
            o.quantum = size_t(parseBytes(k, v));
        else if (k == "--sockbuf")
            o.sockbuf = int(std::min<uint64_t>(parseBytes(k, v), 1u << 30));
        else if (k == "--verbose")
            o.verbose = true;
        else {
            std::fprintf(stderr, "cunxiao-linkemu: unknown option %s\n", k.c_str());
            usage(2);
        }
    }
    if (o.targetHost.empty())
        die("--target HOST:PORT is required");
    // Keep every duration within int64 nanoseconds (a year is plenty).
    constexpr double kMaxSeconds = 365.0 * 24 * 3600;
    o.stallSeconds = std::min(o.stallSeconds, kMaxSeconds);
    o.refuseFor = std::min(o.refuseFor, kMaxSeconds);
    for (int d : {UP, DOWN})
        o.delayMs[d] = std::min(o.delayMs[d], kMaxSeconds * 1000);
    return o;
}

// ---------------------------------------------------------------- buffers

// A FIFO of bytes: append at the back, consume from the front.
struct ByteQueue {
    std::vector<char> buf;
    size_t head = 0;
    size_t size() const { return buf.size() - head; }
    bool empty() const { return size() == 0; }
    const char *data() const { return buf.data() + head; }
    void append(const char *p, size_t n)
    {
        if (head > 0 && head >= buf.size() / 2) {
            buf.erase(buf.begin(), buf.begin() + std::ptrdiff_t(head));
            head = 0;
        }
        buf.insert(buf.end(), p, p + n);
    }
    void consume(size_t n)
    {
        head += n;
        if (head == buf.size()) {
            buf.clear();
            head = 0;
        }
    }
    void reset()
    {
        std::vector<char>().swap(buf);
        head = 0;
    }
};

// Serialized bytes travelling the link; deliverable from `due` on.
struct Chunk {
    int64_t due;
    std::vector<char> data;
    size_t off = 0;
};

// One direction of one connection.
struct Pipe {
    ByteQueue pending;          // read from the source, waiting for the serializer
    int64_t pendingSince = 0;   // when `pending` last became non-empty
    std::deque<Chunk> inflight; // serialized; propagating, or waiting for the socket
    size_t inflightBytes = 0;
    bool srcEof = false;    // the source sent FIN
    bool dstShut = false;   // we forwarded the FIN (shutdown SHUT_WR)
    bool wantWrite = false; // a deliverable chunk met EAGAIN; wait for POLLOUT
    size_t buffered() const { return pending.size() + inflightBytes; }
    void reset()
    {
        pending.reset();
        std::deque<Chunk>().swap(inflight);
        inflightBytes = 0;
    }
};

struct Conn {
    uint64_t id = 0;
    int cfd = -1; // client side (accepted)
    int sfd = -1; // server side (connected to the target)
    bool connecting = true;
    bool dead = false;
    bool hup[2] = {false, false}; // per fd (0 = cfd, 1 = sfd): stop polling it
    int64_t acceptedAt = 0;
    Pipe pipe[2];
    int src(int d) const { return d == UP ? cfd : sfd; }
    int dst(int d) const { return d == UP ? sfd : cfd; }
};

struct Link {
    double bytesPerSec = 0; // 0 = unlimited
    int64_t delay = 0;      // one-way, ns
    int64_t freeAt = 0;     // when the serializer finishes the chunk on air
    size_t quantum = 0;
    size_t rr = 0; // round-robin position
};

// ---------------------------------------------------------------- the emulator

class Emulator
{
public:
    explicit Emulator(Options o) : opt_(std::move(o)) {}
    int run();

private:
    // setup
    void resolveTarget();
    void openListener();
    // events
    void acceptAll(int64_t now);
    void onReadable(Conn &c, int d, int64_t now);
    void onConnectDone(Conn &c);
    void checkFdError(Conn &c, int which);
    void handleSignal();
    void handleStdin(int64_t now);
    void command(std::string_view line, int64_t now);
    // the link
    void pump(int64_t now);
    void serialize(int d, int64_t now);
    void deliver(Conn &c, int d, int64_t now);
    int64_t nextWakeup(int64_t now) const;
    // faults
    void cutAll(const char *why);
    void abortConn(Conn &c);
    void closeConn(Conn &c);
    void startStall(int64_t now, int64_t duration);
    // output
    std::string statsJson(int64_t now) const;
    void writeStats(int64_t now);
    void println(const std::string &s);
    void log(const char *fmt, ...) __attribute__((format(printf, 2, 3)));

    size_t activeCount() const
    {
        size_t n = 0;
        for (auto &c : conns_)
            n += !c->dead;
        return n;
    }

    Options opt_;
    sockaddr_storage target_{};
    socklen_t targetLen_ = 0;
    int listenFd_ = -1;
    int sigFd_ = -1;
    bool stdinOpen_ = false;
    std::string stdinBuf_;
    bool quit_ = false;

    Link link_[2];
    size_t bufferCap_[2] = {0, 0};
    std::vector<std::unique_ptr<Conn>> conns_;
    uint64_t nextId_ = 1;

    int64_t start_ = 0;
    int64_t refuseUntil_ = 0;
    int64_t stallUntil_ = 0;
    int64_t acceptPausedUntil_ = 0;
    bool stallArmed_ = false;

    // counters
    uint64_t bytes_[2] = {0, 0};
    uint64_t accepted_ = 0;
    uint64_t refused_ = 0;
    uint64_t cuts_ = 0;
    uint64_t connsCut_ = 0;
    uint64_t stalls_ = 0;
    uint64_t byteCuts_ = 0; // cuts triggered by --cut-every (sets the next boundary)
    std::vector<uint64_t> cutAt_;

    bool statsDirty_ = true;
    bool statsRefusing_ = false; // as last written
    bool statsStalling_ = false;
    int64_t statsWrittenAt_ = 0;

    std::vector<char> readBuf_ = std::vector<char>(65536);
};

void Emulator::log(const char *fmt, ...)
{
    if (!opt_.verbose)
        return;
    va_list ap;
    va_start(ap, fmt);
    std::fprintf(stderr, "linkemu %8.3f ", double(nowNs() - start_) / kSec);
    std::vfprintf(stderr, fmt, ap);
    std::fputc('\n', stderr);
    va_end(ap);
}

void Emulator::println(const std::string &s)
{
    std::string line = s + "\n";
    const char *p = line.data();
    size_t n = line.size();
    while (n > 0) {
        ssize_t w = ::write(STDOUT_FILENO, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return; // stdout gone: nothing to tell anyone
        }
        p += w;
        n -= size_t(w);
    }
}

void Emulator::resolveTarget()
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *res = nullptr;
    int rc = getaddrinfo(opt_.targetHost.c_str(), opt_.targetPort.c_str(), &hints, &res);
    if (rc != 0 || !res)
        die("cannot resolve target " + opt_.targetHost + ":" + opt_.targetPort + ": " + gai_strerror(rc));
    std::memcpy(&target_, res->ai_addr, res->ai_addrlen);
    targetLen_ = res->ai_addrlen;
    freeaddrinfo(res);
}

void setSockOpts(int fd, int sockbuf)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (sockbuf > 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sockbuf, sizeof sockbuf);
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sockbuf, sizeof sockbuf);
    }
}

void resetClose(int fd)
{
    if (fd < 0)
        return;
    linger l{1, 0}; // close() sends RST and drops whatever is queued
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

void Emulator::openListener()
{
    listenFd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listenFd_ < 0)
        die(std::string("socket: ") + std::strerror(errno));
    int one = 1;
    setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setSockOpts(listenFd_, opt_.sockbuf); // inherited by accepted sockets
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(opt_.listenPort);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listenFd_, reinterpret_cast<sockaddr *>(&a), sizeof a) < 0)
        die("bind 127.0.0.1:" + std::to_string(opt_.listenPort) + ": " + std::strerror(errno));
    if (listen(listenFd_, 256) < 0)
        die(std::string("listen: ") + std::strerror(errno));
    socklen_t len = sizeof a;
    getsockname(listenFd_, reinterpret_cast<sockaddr *>(&a), &len);
    opt_.listenPort = ntohs(a.sin_port);
}

int Emulator::run()
{
    start_ = nowNs();
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGUSR1);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    sigFd_ = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sigFd_ < 0)
        die(std::string("signalfd: ") + std::strerror(errno));

    for (int d : {UP, DOWN}) {
        Link &l = link_[d];
        l.bytesPerSec = opt_.kbps[d] * 1000.0 / 8.0;
        l.delay = int64_t(std::llround(opt_.delayMs[d] * kMs));
        if (opt_.quantum > 0)
            l.quantum = opt_.quantum;
        else if (l.bytesPerSec > 0)
            l.quantum = std::clamp<size_t>(size_t(l.bytesPerSec / 100.0), 64, 65536); // ~10 ms on air
        else
            l.quantum = 65536;
        if (opt_.buffer > 0) {
            bufferCap_[d] = opt_.buffer;
        } else if (l.bytesPerSec > 0) {
            // Enough to keep the link busy over the delay, and not much more:
            // a slow link must not hide megabytes inside the proxy.
            double bdp = l.bytesPerSec * (double(l.delay) / kSec + 0.1);
            bufferCap_[d] = std::max<size_t>(16384, size_t(2 * bdp) + 2 * l.quantum);
        } else {
            bufferCap_[d] = l.delay > 0 ? (4u << 20) : (256u << 10);
        }
    }
    refuseUntil_ = opt_.refuseFor > 0 ? start_ + int64_t(opt_.refuseFor * kSec) : 0;
    stallArmed_ = opt_.stallSeconds > 0;
    if (stallArmed_ && opt_.stallAfter == 0)
        startStall(start_, int64_t(opt_.stallSeconds * kSec));

    resolveTarget();
    openListener();
    stdinOpen_ = opt_.stdinControl;

    println("LISTENING 127.0.0.1:" + std::to_string(opt_.listenPort));
    log("forwarding to %s:%s; up %.1f kbit/s %.0f ms, down %.1f kbit/s %.0f ms, cut every %" PRIu64, opt_.targetHost.c_str(),
        opt_.targetPort.c_str(), opt_.kbps[UP], opt_.delayMs[UP], opt_.kbps[DOWN], opt_.delayMs[DOWN], opt_.cutEvery);
    writeStats(start_);

    // What each pollfd entry stands for.
    struct Slot {
        Conn *conn; // null: a special fd
        int which;  // conn: 0 = cfd, 1 = sfd; special: 0 = listen, 1 = signal, 2 = stdin
    };
    std::vector<pollfd> pfds;
    std::vector<Slot> slots;

    while (!quit_) {
        int64_t now = nowNs();
        pump(now);
        // Sweep finished connections.
        std::erase_if(conns_, [](const std::unique_ptr<Conn> &c) { return c->dead; });
        if ((now < refuseUntil_) != statsRefusing_ || (now < stallUntil_) != statsStalling_)
            statsDirty_ = true; // a window ended: the file says so
        if (statsDirty_ && now - statsWrittenAt_ >= 100 * kMs)
            writeStats(now);

        pfds.clear();
        slots.clear();
        if (now >= acceptPausedUntil_) {
            pfds.push_back({listenFd_, POLLIN, 0});
            slots.push_back({nullptr, 0});
        }
        pfds.push_back({sigFd_, POLLIN, 0});
        slots.push_back({nullptr, 1});
        if (stdinOpen_) {
            pfds.push_back({STDIN_FILENO, POLLIN, 0});
            slots.push_back({nullptr, 2});
        }
        for (auto &cp : conns_) {
            Conn &c = *cp;
            Pipe &up = c.pipe[UP];
            Pipe &down = c.pipe[DOWN];
            short ce = 0, se = 0;
            if (!up.srcEof && up.buffered() < bufferCap_[UP])
                ce |= POLLIN;
            if (down.wantWrite)
                ce |= POLLOUT;
            if (c.connecting) {
                se = POLLOUT;
            } else {
                if (!down.srcEof && down.buffered() < bufferCap_[DOWN])
                    se |= POLLIN;
                if (up.wantWrite)
                    se |= POLLOUT;
            }
            if (ce || !c.hup[0]) {
                pfds.push_back({c.cfd, ce, 0});
                slots.push_back({&c, 0});
            }
            if (se || !c.hup[1]) {
                pfds.push_back({c.sfd, se, 0});
                slots.push_back({&c, 1});
            }
        }

        int64_t wake = nextWakeup(now);
        if (statsDirty_)
            wake = std::min(wake, statsWrittenAt_ + 100 * kMs);
        if (now < acceptPausedUntil_)
            wake = std::min(wake, acceptPausedUntil_);
        if (now < refuseUntil_)
            wake = std::min(wake, refuseUntil_);
        timespec ts{};
        timespec *tsp = nullptr;
        if (wake != kNever) {
            int64_t dt = std::max<int64_t>(0, wake - now);
            ts.tv_sec = time_t(dt / kSec);
            ts.tv_nsec = long(dt % kSec);
            tsp = &ts;
        }
        int n = ppoll(pfds.data(), pfds.size(), tsp, nullptr);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die(std::string("ppoll: ") + std::strerror(errno));
        }
        if (n == 0)
            continue;
        now = nowNs();
        for (size_t i = 0; i < pfds.size(); ++i) {
            short re = pfds[i].revents;
            if (!re)
                continue;
            const Slot &s = slots[i];
            if (!s.conn) {
                if (s.which == 0)
                    acceptAll(now);
                else if (s.which == 1)
                    handleSignal();
                else
                    handleStdin(now);
                continue;
            }
            Conn &c = *s.conn;
            if (c.dead)
                continue;
            if (s.which == 1 && c.connecting) {
                onConnectDone(c);
                continue;
            }
            int d = s.which == 0 ? UP : DOWN;  // the pipe this fd feeds
            int od = s.which == 0 ? DOWN : UP; // the pipe this fd drains
            if (re & POLLOUT)
                c.pipe[od].wantWrite = false; // pump() will write
            if (re & (POLLIN | POLLRDHUP) || ((re & (POLLERR | POLLHUP)) && (pfds[i].events & POLLIN)))
                onReadable(c, d, now);
            else if (re & (POLLERR | POLLHUP))
                checkFdError(c, s.which);
        }
    }

    for (auto &c : conns_)
        if (!c->dead)
            closeConn(*c);
    conns_.clear();
    writeStats(nowNs());
    log("exit");
    return 0;
}

// ---------------------------------------------------------------- events

void Emulator::acceptAll(int64_t now)
{
    for (;;) {
        int fd = accept4(listenFd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                // Out of fds or memory: the backlog keeps them; retry shortly
                // instead of spinning on a readable listener.
                log("accept: %s", std::strerror(errno));
                acceptPausedUntil_ = now + 100 * kMs;
            }
            return;
        }
        if (now < refuseUntil_) {
            resetClose(fd);
            ++refused_;
            statsDirty_ = true;
            log("refused a connection");
            continue;
        }
        setSockOpts(fd, opt_.sockbuf);
        auto c = std::make_unique<Conn>();
        c->id = nextId_++;
        c->cfd = fd;
        c->acceptedAt = now;
        ++accepted_;
        statsDirty_ = true;
        c->sfd = socket(target_.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c->sfd < 0) {
            log("conn %" PRIu64 ": socket: %s", c->id, std::strerror(errno));
            resetClose(fd);
            continue;
        }
        setSockOpts(c->sfd, opt_.sockbuf);
        int rc = connect(c->sfd, reinterpret_cast<sockaddr *>(&target_), targetLen_);
        if (rc == 0) {
            c->connecting = false;
        } else if (errno != EINPROGRESS) {
            log("conn %" PRIu64 ": connect: %s", c->id, std::strerror(errno));
            abortConn(*c);
            continue;
        }
        log("conn %" PRIu64 " accepted", c->id);
        conns_.push_back(std::move(c));
    }
}

void Emulator::onConnectDone(Conn &c)
{
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(c.sfd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) {
        log("conn %" PRIu64 ": connect to target: %s", c.id, std::strerror(err));
        abortConn(c);
        return;
    }
    c.connecting = false;
}

void Emulator::checkFdError(Conn &c, int which)
{
    int fd = which == 0 ? c.cfd : c.sfd;
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) {
        log("conn %" PRIu64 ": %s side: %s", c.id, which == 0 ? "client" : "server", std::strerror(err));
        abortConn(c);
        return;
    }
    c.hup[which] = true; // both halves shut; writes will tell us if it matters
}

void Emulator::onReadable(Conn &c, int d, int64_t now)
{
    Pipe &p = c.pipe[d];
    if (p.srcEof)
        return;
    size_t room = bufferCap_[d] > p.buffered() ? bufferCap_[d] - p.buffered() : 0;
    if (room == 0)
        return;
    ssize_t r = recv(c.src(d), readBuf_.data(), std::min(room, readBuf_.size()), 0);
    if (r > 0) {
        if (p.pending.empty())
            p.pendingSince = now;
        p.pending.append(readBuf_.data(), size_t(r));
    } else if (r == 0) {
        p.srcEof = true;
        log("conn %" PRIu64 ": %s sent FIN", c.id, d == UP ? "client" : "server");
    } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        log("conn %" PRIu64 ": read from %s: %s", c.id, d == UP ? "client" : "server", std::strerror(errno));
        abortConn(c);
    }
}

void Emulator::handleSignal()
{
    signalfd_siginfo si{};
    while (read(sigFd_, &si, sizeof si) == ssize_t(sizeof si)) {
        if (si.ssi_signo == SIGUSR1)
            println(statsJson(nowNs()));
        else
            quit_ = true;
    }
}

void Emulator::handleStdin(int64_t now)
{
    // One read per wakeup: poll said it will not block, and stdin stays in
    // blocking mode (it may be shared with whoever started us).
    char buf[4096];
    ssize_t r = read(STDIN_FILENO, buf, sizeof buf);
    if (r > 0) {
        stdinBuf_.append(buf, size_t(r));
    } else if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        stdinOpen_ = false;
        quit_ = true; // --stdin-control: our controller went away
    }
    size_t nl;
    while ((nl = stdinBuf_.find('\n')) != std::string::npos) {
        std::string line = stdinBuf_.substr(0, nl);
        stdinBuf_.erase(0, nl + 1);
        command(line, now);
    }
}

void Emulator::command(std::string_view line, int64_t now)
{
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
        line.remove_suffix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front())))
        line.remove_prefix(1);
    if (line.empty())
        return;
    std::string cmd(line.substr(0, line.find(' ')));
    std::string arg;
    if (auto sp = line.find(' '); sp != std::string_view::npos) {
        arg = std::string(line.substr(sp + 1));
        arg.erase(0, arg.find_first_not_of(' '));
    }
    auto seconds = [&](double &out) {
        char *end = nullptr;
        out = std::strtod(arg.c_str(), &end);
        return !arg.empty() && *end == '\0' && out >= 0 && out < 1e7;
    };
    if (cmd == "cut") {
        size_t n = activeCount();
        cutAll("command");
        println("OK cut " + std::to_string(n));
    } else if (cmd == "refuse") {
        double s = 0;
        if (!seconds(s)) {
            println("ERR refuse wants seconds");
            return;
        }
        refuseUntil_ = s > 0 ? now + int64_t(s * kSec) : 0;
        statsDirty_ = true;
        println("OK refuse " + arg);
    } else if (cmd == "stall") {
        double s = 0;
        if (!seconds(s)) {
            println("ERR stall wants seconds");
            return;
        }
        if (s > 0) {
            startStall(now, int64_t(s * kSec));
        } else if (now < stallUntil_) {
            stallUntil_ = 0; // `stall 0` ends a stall in progress
            statsDirty_ = true;
            log("stall ended by command");
        }
        println("OK stall " + arg);
    } else if (cmd == "stats") {
        println(statsJson(now));
    } else if (cmd == "quit" || cmd == "exit") {
        println("OK quit");
        quit_ = true;
    } else {
        println("ERR unknown command '" + cmd + "' (cut, refuse N, stall T, stats, quit)");
    }
}

// ---------------------------------------------------------------- the link

void Emulator::pump(int64_t now)
{
    for (int d : {UP, DOWN})
        serialize(d, now);
    for (auto &cp : conns_) {
        Conn &c = *cp;
        if (c.dead)
            continue;
        for (int d : {UP, DOWN})
            if (!c.dead)
                deliver(c, d, now);
        if (!c.dead && c.pipe[UP].dstShut && c.pipe[DOWN].dstShut)
            closeConn(c); // both FINs forwarded: a clean end
    }
}

// Move pending bytes onto the link: the serializer of direction d sends one
// quantum at a time, round robin over the connections, each quantum taking
// size/rate on air; it then arrives `delay` later.
void Emulator::serialize(int d, int64_t now)
{
    if (now < stallUntil_)
        return;
    Link &l = link_[d];
    auto handshakeFloor = [&](const Conn &c) -> int64_t {
        if (!opt_.connectRtt)
            return 0;
        int64_t rtt = link_[UP].delay + link_[DOWN].delay;
        return c.acceptedAt + rtt + (d == UP ? link_[UP].delay : link_[UP].delay + link_[DOWN].delay);
    };
    if (l.bytesPerSec <= 0) {
        for (auto &cp : conns_) {
            Conn &c = *cp;
            Pipe &p = c.pipe[d];
            if (c.dead || p.pending.empty())
                continue;
            Chunk ch;
            ch.due = std::max(now + l.delay, handshakeFloor(c));
            ch.data.assign(p.pending.data(), p.pending.data() + p.pending.size());
            p.inflightBytes += ch.data.size();
            p.pending.consume(p.pending.size());
            p.inflight.push_back(std::move(ch));
        }
        return;
    }
    const size_t n = conns_.size();
    while (l.freeAt <= now && n > 0) {
        Conn *pick = nullptr;
        for (size_t k = 0; k < n; ++k) {
            Conn &c = *conns_[(l.rr + k) % n];
            if (!c.dead && !c.pipe[d].pending.empty()) {
                pick = &c;
                l.rr = (l.rr + k + 1) % n;
                break;
            }
        }
        if (!pick)
            break;
        Pipe &p = pick->pipe[d];
        size_t take = std::min(p.pending.size(), l.quantum);
        // The serializer started when it was free and the data was there (and
        // not during a stall); catching up on a late wakeup keeps the average
        // rate exact without bursts beyond the wakeup lateness.
        int64_t begin = std::max({l.freeAt, p.pendingSince, stallUntil_});
        int64_t onAir = int64_t(std::llround(double(take) * double(kSec) / l.bytesPerSec));
        l.freeAt = begin + onAir;
        Chunk ch;
        ch.due = std::max(l.freeAt + l.delay, handshakeFloor(*pick));
        ch.data.assign(p.pending.data(), p.pending.data() + take);
        p.pending.consume(take);
        if (!p.pending.empty())
            p.pendingSince = std::max(p.pendingSince, l.freeAt);
        p.inflightBytes += take;
        p.inflight.push_back(std::move(ch));
    }
}

void Emulator::deliver(Conn &c, int d, int64_t now)
{
    Pipe &p = c.pipe[d];
    if (c.connecting || p.wantWrite)
        return;
    while (!p.inflight.empty() && p.inflight.front().due <= now && now >= stallUntil_) {
        Chunk &ch = p.inflight.front();
        size_t want = ch.data.size() - ch.off;
        // Stop exactly at the next fault boundary.
        uint64_t total = bytes_[UP] + bytes_[DOWN];
        uint64_t limit = std::numeric_limits<uint64_t>::max();
        if (opt_.cutEvery > 0)
            limit = std::min(limit, opt_.cutEvery * (byteCuts_ + 1) - total);
        if (stallArmed_ && opt_.stallAfter > total)
            limit = std::min(limit, opt_.stallAfter - total);
        size_t n = size_t(std::min<uint64_t>(want, limit));
        ssize_t w = send(c.dst(d), ch.data.data() + ch.off, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                p.wantWrite = true;
                return;
            }
            if (errno == EINTR)
                continue;
            log("conn %" PRIu64 ": write to %s: %s", c.id, d == UP ? "server" : "client", std::strerror(errno));
            abortConn(c);
            return;
        }
        ch.off += size_t(w);
        p.inflightBytes -= size_t(w);
        bytes_[d] += uint64_t(w);
        statsDirty_ = true;
        if (ch.off == ch.data.size())
            p.inflight.pop_front();
        total += uint64_t(w);
        if (opt_.cutEvery > 0 && total >= opt_.cutEvery * (byteCuts_ + 1)) {
            ++byteCuts_;
            cutAll("cut-every");
            return;
        }
        if (stallArmed_ && total >= opt_.stallAfter) {
            startStall(now, int64_t(opt_.stallSeconds * kSec));
            return;
        }
        if (size_t(w) < n) {
            p.wantWrite = true;
            return;
        }
    }
    if (p.srcEof && !p.dstShut && p.buffered() == 0) {
        shutdown(c.dst(d), SHUT_WR);
        p.dstShut = true;
        log("conn %" PRIu64 ": FIN forwarded to %s", c.id, d == UP ? "server" : "client");
    }
}

int64_t Emulator::nextWakeup(int64_t now) const
{
    if (now < stallUntil_)
        return stallUntil_;
    int64_t t = kNever;
    bool pending[2] = {false, false};
    for (auto &cp : conns_) {
        const Conn &c = *cp;
        if (c.dead)
            continue;
        for (int d : {UP, DOWN}) {
            const Pipe &p = c.pipe[d];
            if (!p.pending.empty())
                pending[d] = true;
            if (!p.inflight.empty() && p.inflight.front().due > now)
                t = std::min(t, p.inflight.front().due);
        }
    }
    for (int d : {UP, DOWN})
        if (pending[d] && link_[d].freeAt > now)
            t = std::min(t, link_[d].freeAt);
    return t;
}

// ---------------------------------------------------------------- faults

void Emulator::abortConn(Conn &c)
{
    if (c.dead)
        return;
    resetClose(c.cfd);
    resetClose(c.sfd);
    c.cfd = c.sfd = -1;
    c.dead = true;
    c.pipe[UP].reset();
    c.pipe[DOWN].reset();
    statsDirty_ = true;
}

void Emulator::closeConn(Conn &c)
{
    if (c.dead)
        return;
    ::close(c.cfd);
    ::close(c.sfd);
    c.cfd = c.sfd = -1;
    c.dead = true;
    c.pipe[UP].reset();
    c.pipe[DOWN].reset();
    statsDirty_ = true;
    log("conn %" PRIu64 " closed", c.id);
}

void Emulator::cutAll(const char *why)
{
    size_t n = 0;
    for (auto &c : conns_) {
        if (!c->dead) {
            abortConn(*c);
            ++n;
        }
    }
    ++cuts_;
    connsCut_ += n;
    cutAt_.push_back(bytes_[UP] + bytes_[DOWN]);
    statsDirty_ = true;
    log("cut (%s): %zu connection(s) reset at %" PRIu64 " bytes", why, n, bytes_[UP] + bytes_[DOWN]);
}

void Emulator::startStall(int64_t now, int64_t duration)
{
    stallArmed_ = false; // --stall-after fires once
    stallUntil_ = std::max(stallUntil_, now + duration);
    ++stalls_;
    statsDirty_ = true;
    log("stall for %.3f s", double(duration) / kSec);
}

// ---------------------------------------------------------------- output

std::string Emulator::statsJson(int64_t now) const
{
    std::string s = "{";
    auto num = [&](const char *k, uint64_t v) {
        if (s.size() > 1)
            s += ',';
        s += '"';
        s += k;
        s += "\":";
        s += std::to_string(v);
    };
    auto boolean = [&](const char *k, bool v) {
        s += ",\"";
        s += k;
        s += "\":";
        s += v ? "true" : "false";
    };
    num("bytes_up", bytes_[UP]);
    num("bytes_down", bytes_[DOWN]);
    num("bytes_total", bytes_[UP] + bytes_[DOWN]);
    num("connections_accepted", accepted_);
    num("connections_active", activeCount());
    num("connections_refused", refused_);
    num("cuts", cuts_);
    num("connections_cut", connsCut_);
    num("stalls", stalls_);
    boolean("stalling", now < stallUntil_);
    boolean("refusing", now < refuseUntil_);
    s += ",\"cut_at_bytes\":[";
    // Bounded: the last 1000 cuts are plenty for any test.
    size_t from = cutAt_.size() > 1000 ? cutAt_.size() - 1000 : 0;
    for (size_t i = from; i < cutAt_.size(); ++i) {
        if (i > from)
            s += ',';
        s += std::to_string(cutAt_[i]);
    }
    s += "]";
    num("uptime_ms", uint64_t((now - start_) / kMs));
    s += "}";
    return s;
}

void Emulator::writeStats(int64_t now)
{
    statsDirty_ = false;
    statsWrittenAt_ = now;
    statsRefusing_ = now < refuseUntil_;
    statsStalling_ = now < stallUntil_;
    if (opt_.statsFile.empty())
        return;
    // Write a temporary file and rename it, so a reader never sees half a file.
    std::string tmp = opt_.statsFile + ".tmp";
    std::FILE *f = std::fopen(tmp.c_str(), "w");
    if (!f) {
        log("cannot write %s: %s", tmp.c_str(), std::strerror(errno));
        return;
    }
    std::string json = statsJson(now) + "\n";
    bool ok = std::fwrite(json.data(), 1, json.size(), f) == json.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok || std::rename(tmp.c_str(), opt_.statsFile.c_str()) != 0)
        log("cannot write %s: %s", opt_.statsFile.c_str(), std::strerror(errno));
}

} // namespace

int main(int argc, char **argv)
{
    Emulator emu(parseArgs(argc, argv));
    return emu.run();
}
