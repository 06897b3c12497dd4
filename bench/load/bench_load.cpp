// bench_load: what one cunxiao-server instance (or several behind a balancer)
// carries (issue 12, docs/server.md "Capacity"). One process, libcurl multi,
// simulates N devices of many schools doing the real mix of a morning peak:
// no-change syncs, 10-edit syncs, first downloads of a school, photo chunks,
// a share of them slow (40 kbit/s each way, as on 2G). Prints syncs/s, p50 and
// p99 of the fast devices per kind, errors, and the servers' RSS and CPU.
//
//   bench_load seed LOCATION --schools S --pupils P --devices N --out DEVICES.json
//       writes a county into the store (schools, one head per school, P pupils
//       each) and N devices (token hashes straight into the store: enrolling
//       40,000 phones through scrypt is not what is being measured), and the
//       devices' tokens and cursors to DEVICES.json.
//   bench_load run URL --devices DEVICES.json --ca CA.pem [--concurrent N]
//       [--slow-share F] [--seconds T] [--pids PID,PID] [--label TEXT] [--json FILE]
//       [--mix morning|no-change|edits|download|photo] [--health URL,URL]
//       --mix: the morning's mix (default) or one kind only, so that the
//       server CPU seconds per request of that kind can be read off.
//       --health: the instances' own URLs (default URL): their /v1/health
//       counters before and after give the prefix cache's hit rate and the
//       CPU the server spent compressing replies.
//
// Both raise their open-file limit to the hard limit (N = 5,000 needs more
// than the usual 1,024 descriptors).
//
// Load goes only to the URL given (loopback in make bench), for T seconds.
#include "admin/Admin.h"
#include "auth/Auth.h"
#include "protocol/Compression.h"
#include "protocol/Crypto.h"
#include "protocol/Messages.h"
#include "protocol/Uuid.h"
#include "sync/RecordWrites.h"

#include <curl/curl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace cx;
using Clock = std::chrono::steady_clock;

namespace {

struct Args {
    std::vector<std::string> pos;
    std::map<std::string, std::string> opt;
    std::string get(const std::string &k, const std::string &d = {}) const
    {
        auto it = opt.find(k);
        return it == opt.end() ? d : it->second;
    }
};

Args parse(int argc, char **argv)
{
    Args a;
    for (int i = 2; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0 && i + 1 < argc)
            a.opt[s] = argv[++i];
        else
            a.pos.push_back(s);
    }
    return a;
}

// ---- seed ------------------------------------------------------------------

int seed(const Args &a)
{
    const std::string location = a.pos.at(0);
    const int schools = std::stoi(a.get("--schools", "100"));
    const int pupils = std::stoi(a.get("--pupils", "50"));
    const int devices = std::stoi(a.get("--devices", "1000"));
    auto store = server::initDataDir(location);
    const std::string hash = hashPassword("bench-password");
    const int64_t now = wallClockMs();
    std::mt19937 rng(7);
    Json out = Json::array();
    {
        server::Transaction tx(*store);
        for (int s = 0; s < schools; ++s) {
            char code[16];
            std::snprintf(code, sizeof code, "L%04d", s);
            store->putSchool({code, std::string("负载测试学校 ") + code, "负载县"});
            store->putAccount(server::Account{std::string("head.") + code, "head", hash, false, {code}});
            for (int p = 0; p < pupils; ++p)
                server::serverPut(*store, "pupils", uuidV7(), code,
                                  Json{{"name", "学生" + std::to_string(p)},
                                       {"grade", 1 + p % 6},
                                       {"village", "村" + std::to_string(p % 9)},
                                       {"guardian", "家长" + std::to_string(p)},
                                       {"note", std::string(size_t(40 + rng() % 80), 'x')}},
                                  "bench", now);
        }
        tx.commit();
    }
    {
        server::Transaction tx(*store);
        for (int d = 0; d < devices; ++d) {
            char code[16];
            std::snprintf(code, sizeof code, "L%04d", d % schools);
            server::Device dev;
            dev.id = uuidV7();
            dev.user = std::string("head.") + code;
            const std::string token = randomToken(32);
            dev.tokenHash = sha256Hex(token);
            dev.name = "bench";
            dev.created = now;
            dev.lastSeen = now;
            const uint32_t node = store->insertDevice(dev);
            Json cursor = Json::object();
            for (const std::string &scope : {std::string(code), std::string(kCountyScope)})
                cursor[scope] = store->maxSeq(scope);
            out.push_back(Json{{"device", dev.id}, {"token", token}, {"school", code}, {"node", node}, {"cursor", cursor}});
        }
        tx.commit();
    }
    std::ofstream(a.get("--out", "devices.json")) << out.dump();
    std::printf("seeded %d schools x %d pupils, %d devices into %s\n", schools, pupils, devices, location.c_str());
    return 0;
}

// ---- run -------------------------------------------------------------------

enum class Kind { NoChange, Edits, FirstDownload, Photo };
const char *kindName(Kind k)
{
    switch (k) {
    case Kind::NoChange:
        return "no-change sync";
    case Kind::Edits:
        return "10-edit sync";
    case Kind::FirstDownload:
        return "first download";
    case Kind::Photo:
        return "photo chunk 64 KB";
    }
    return "?";
}

struct Dev {
    std::string id, token, school;
    uint32_t node = 0;
    Json cursor;
    uint64_t n = 0;       // last mutation counter sent
    uint32_t counter = 0; // hlc logical counter
    bool slow = false;
    // the request in flight
    CURL *easy = nullptr;
    curl_slist *headers = nullptr;
    std::string body, reply;
    long status = 0;
    Kind kind = Kind::NoChange;
    Clock::time_point started, nextAt;
    Json downloadCursor; // first download in progress (pages)
    int pages = 0;
    // Wire encoding 3, as the device engine does: the last reply's text is
    // named in "prev" (the server may compress the next one against it), and
    // a push the server kept is the prefix of the next push.
    std::string sentPlain, lastReply, keptPush;
};

struct Stats {
    std::map<Kind, std::vector<double>> fastMs; // whole operation (all pages of a download)
    std::map<Kind, int> done;
    std::map<long, int> statuses;
    int errors = 0;
    int unfinished = 0; // still in flight 30 s after the window
    std::string firstError;
    uint64_t bytesUp = 0, bytesDown = 0;
};

size_t onBody(char *p, size_t s, size_t n, void *u)
{
    static_cast<std::string *>(u)->append(p, s * n);
    return s * n;
}

double pct(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}

struct ProcSample {
    long rssKb = 0;
    double cpuSec = 0;
};

ProcSample sample(int pid)
{
    ProcSample s;
    std::ifstream st("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(st, line))
        if (line.rfind("VmRSS:", 0) == 0)
            s.rssKb = std::stol(line.substr(6));
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string all((std::istreambuf_iterator<char>(stat)), {});
    auto close = all.rfind(')');
    if (close != std::string::npos) {
        std::istringstream rest(all.substr(close + 2));
        std::string f;
        std::vector<std::string> fields;
        while (rest >> f)
            fields.push_back(f);
        if (fields.size() > 13)
            s.cpuSec = double(std::stoll(fields[11]) + std::stoll(fields[12])) / double(sysconf(_SC_CLK_TCK));
    }
    return s;
}

class Runner
{
public:
    Runner(const Args &a) : m_url(a.pos.at(0)), m_ca(a.get("--ca"))
    {
        std::ifstream in(a.get("--devices", "devices.json"));
        Json list = Json::parse(in);
        size_t concurrent = std::stoul(a.get("--concurrent", std::to_string(list.size())));
        const double slowShare = std::stod(a.get("--slow-share", "0"));
        m_seconds = std::stod(a.get("--seconds", "20"));
        const std::string mix = a.get("--mix", "morning");
        if (mix == "no-change")
            m_only = Kind::NoChange;
        else if (mix == "edits")
            m_only = Kind::Edits;
        else if (mix == "download")
            m_only = Kind::FirstDownload;
        else if (mix == "photo")
            m_only = Kind::Photo;
        else if (mix != "morning")
            throw std::runtime_error("--mix " + mix + ": expected morning, no-change, edits, download or photo");
        for (size_t i = 0; i < std::min(concurrent, list.size()); ++i) {
            Dev d;
            d.id = list[i]["device"];
            d.token = list[i]["token"];
            d.school = list[i]["school"];
            d.node = list[i]["node"];
            d.cursor = list[i]["cursor"];
            d.slow = double(i % 100) < slowShare * 100.0;
            // Counters above any earlier run's (the server skips a counter it has seen).
            d.n = uint64_t(wallClockMs() / 1000) * 1000;
            m_devs.push_back(std::move(d));
        }
        m_multi = curl_multi_init();
        curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, 0L);
    }
    ~Runner() { curl_multi_cleanup(m_multi); }

    Stats run()
    {
        const auto t0 = Clock::now();
        const auto end = t0 + std::chrono::milliseconds(int64_t(m_seconds * 1000));
        std::uniform_int_distribution<int> spread(0, 2000);
        for (auto &d : m_devs)
            d.nextAt = t0 + std::chrono::milliseconds(spread(m_rng)); // the morning does not start at one instant
        size_t waiting = m_devs.size();
        // After the window, requests in flight get a grace period, then are dropped.
        const auto grace = end + std::chrono::seconds(30);
        m_end = end;
        while (Clock::now() < end || (m_inFlight > 0 && Clock::now() < grace)) {
            const auto now = Clock::now();
            if (now < end && waiting > 0) {
                for (auto &d : m_devs)
                    if (!d.easy && d.nextAt <= now) {
                        startNext(d);
                    }
            }
            int running = 0;
            curl_multi_perform(m_multi, &running);
            int left = 0;
            while (CURLMsg *msg = curl_multi_info_read(m_multi, &left)) {
                if (msg->msg != CURLMSG_DONE)
                    continue;
                Dev *d = nullptr;
                curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &d);
                finish(*d, msg->data.result, now < end);
            }
            curl_multi_poll(m_multi, nullptr, 0, 20, nullptr);
        }
        m_stats.s.unfinished = m_inFlight;
        m_stats.seconds = m_seconds;
        return m_stats.s;
    }
    double seconds() const { return m_stats.seconds; }

private:
    Kind pick()
    {
        if (m_only)
            return *m_only;
        int r = std::uniform_int_distribution<int>(0, 99)(m_rng);
        if (r < 70)
            return Kind::NoChange;
        if (r < 90)
            return Kind::Edits;
        if (r < 95)
            return Kind::FirstDownload;
        return Kind::Photo;
    }

    void startNext(Dev &d)
    {
        d.kind = pick();
        d.started = Clock::now();
        d.pages = 0;
        if (d.kind == Kind::FirstDownload)
            d.downloadCursor = Json::object();
        send(d);
    }

    void send(Dev &d)
    {
        std::string path = "/v1/sync";
        std::string ctype = "application/json";
        bool zstd = true;
        if (d.kind == Kind::Photo) {
            std::string bytes(64 * 1024, '\0');
            for (auto &c : bytes)
                c = char(m_rng());
            const std::string sha = sha256Hex(bytes);
            path = "/v1/attachments/" + sha + "?offset=0&size=" + std::to_string(bytes.size());
            d.body = std::move(bytes);
            ctype = "application/octet-stream";
            zstd = false;
        } else {
            SyncRequest req;
            req.device = d.id;
            req.pageBytes = 64 * 1024;
            const Json &cur = d.kind == Kind::FirstDownload ? d.downloadCursor : d.cursor;
            for (auto it = cur.begin(); it != cur.end(); ++it)
                req.cursor[it.key()] = it.value().get<uint64_t>();
            if (d.kind == Kind::Edits) {
                const int64_t ms = wallClockMs();
                for (int i = 0; i < 10; ++i) {
                    Mutation m;
                    m.n = ++d.n;
                    m.collection = "home_visits";
                    m.id = uuidV7();
                    m.school = d.school;
                    m.fields = Json{{"pupil", "学生" + std::to_string(i)}, {"note", "家访记录：家长在家，学生作业完成良好。"}};
                    m.version = Version{makeHlc(ms, ++d.counter), d.node};
                    for (auto f = m.fields.begin(); f != m.fields.end(); ++f)
                        m.base[f.key()] = std::nullopt;
                    req.mutations.push_back(std::move(m));
                }
            }
            req.enc = kWireEncoding; // as the current app: prefixes (encoding 3)
            req.prev = d.lastReply.empty() ? std::string() : prefixName(d.lastReply);
            d.sentPlain = req.toJson().dump();
            d.body =
                d.keptPush.empty() || req.mutations.empty() ? compress(d.sentPlain) : compressWithPrefix(d.sentPlain, d.keptPush);
        }
        d.reply.clear();
        CURL *e = curl_easy_init();
        d.easy = e;
        d.headers = curl_slist_append(nullptr, ("Content-Type: " + ctype).c_str());
        if (zstd)
            d.headers = curl_slist_append(d.headers, "Content-Encoding: zstd");
        d.headers = curl_slist_append(d.headers, "Accept-Encoding: zstd");
        d.headers = curl_slist_append(d.headers, "Expect:");
        d.headers = curl_slist_append(d.headers, ("Authorization: Bearer " + d.token).c_str());
        curl_easy_setopt(e, CURLOPT_URL, (m_url + path).c_str());
        if (d.kind == Kind::Photo)
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "PUT");
        curl_easy_setopt(e, CURLOPT_POST, 1L);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, d.body.data());
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(d.body.size()));
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, d.headers);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, onBody);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &d.reply);
        curl_easy_setopt(e, CURLOPT_PRIVATE, &d);
        curl_easy_setopt(e, CURLOPT_TIMEOUT, 300L);
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        if (!m_ca.empty())
            curl_easy_setopt(e, CURLOPT_CAINFO, m_ca.c_str());
        if (d.slow) { // 40 kbit/s each way
            curl_easy_setopt(e, CURLOPT_MAX_SEND_SPEED_LARGE, curl_off_t(5000));
            curl_easy_setopt(e, CURLOPT_MAX_RECV_SPEED_LARGE, curl_off_t(5000));
        }
        curl_multi_add_handle(m_multi, e);
        ++m_inFlight;
    }

    void finish(Dev &d, CURLcode rc, bool goOn)
    {
        long status = 0;
        curl_easy_getinfo(d.easy, CURLINFO_RESPONSE_CODE, &status);
        curl_off_t up = 0, down = 0;
        curl_easy_getinfo(d.easy, CURLINFO_SIZE_UPLOAD_T, &up);
        curl_easy_getinfo(d.easy, CURLINFO_SIZE_DOWNLOAD_T, &down);
        m_stats.s.bytesUp += uint64_t(up);
        m_stats.s.bytesDown += uint64_t(down);
        curl_multi_remove_handle(m_multi, d.easy);
        curl_easy_cleanup(d.easy);
        curl_slist_free_all(d.headers);
        d.easy = nullptr;
        d.headers = nullptr;
        --m_inFlight;
        m_stats.s.statuses[rc == CURLE_OK ? status : -long(rc)]++;
        bool ok = rc == CURLE_OK && status == 200;
        bool more = false;
        if (ok && d.kind != Kind::Photo) {
            try {
                const std::string named = namedPrefix(d.reply);
                std::string text = named.empty() ? decompress(d.reply) : decompressWithPrefix(d.reply, d.lastReply);
                SyncResponse r = SyncResponse::fromJson(parseJson(text, "reply"));
                if (!r.kept.empty() && r.kept == prefixName(d.sentPlain))
                    d.keptPush = std::move(d.sentPlain);
                d.lastReply = std::move(text);
                Json &cur = d.kind == Kind::FirstDownload ? d.downloadCursor : d.cursor;
                for (const auto &[scope, seq] : r.cursor)
                    cur[scope] = seq;
                more = r.more;
                if (d.kind == Kind::Edits && r.acked != d.n)
                    throw std::runtime_error("acked " + std::to_string(r.acked) + ", sent up to " + std::to_string(d.n));
            } catch (const std::exception &e) {
                ok = false;
                if (m_stats.s.firstError.empty())
                    m_stats.s.firstError = e.what();
            }
        }
        if (!ok) {
            d.keptPush.clear(); // 409 prefix-unknown (or anything else): start again without prefixes
            d.lastReply.clear();
            m_stats.s.errors++;
            if (m_stats.s.firstError.empty()) {
                std::string said = d.reply;
                try {
                    said = decompress(d.reply); // error replies are zstd too
                } catch (const std::exception &) {
                }
                m_stats.s.firstError =
                    "HTTP " + std::to_string(status) + " curl " + curl_easy_strerror(rc) + " " + said.substr(0, 200);
            }
        }
        if (ok && more && goOn) { // the next page of a first download
            ++d.pages;
            send(d);
            return;
        }
        if (ok && Clock::now() <= m_end) { // what finished inside the window counts
            m_stats.s.done[d.kind]++;
            if (!d.slow)
                m_stats.s.fastMs[d.kind].push_back(std::chrono::duration<double, std::milli>(Clock::now() - d.started).count());
        }
        // Think time: a phone does something else before its next sync.
        d.nextAt = Clock::now() + std::chrono::milliseconds(std::uniform_int_distribution<int>(200, 2000)(m_rng));
    }

    std::string m_url, m_ca;
    std::optional<Kind> m_only; // --mix of one kind
    double m_seconds = 20;
    std::vector<Dev> m_devs;
    CURLM *m_multi = nullptr;
    int m_inFlight = 0;
    Clock::time_point m_end;
    std::mt19937 m_rng{42};
    struct {
        Stats s;
        double seconds = 0;
    } m_stats;
};

// The instances' /v1/health counters, summed (docs/server.md "Capacity").
struct ServerCounters {
    double hits = 0, misses = 0, replies = 0, bytesIn = 0, bytesOut = 0, compressMs = 0;
    bool ok = true;
};

ServerCounters readCounters(const std::vector<std::string> &urls, const std::string &ca)
{
    ServerCounters c;
    for (const auto &url : urls) {
        std::string body;
        CURL *e = curl_easy_init();
        curl_easy_setopt(e, CURLOPT_URL, (url + "/v1/health").c_str());
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, onBody);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &body);
        curl_easy_setopt(e, CURLOPT_TIMEOUT, 30L);
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        if (!ca.empty())
            curl_easy_setopt(e, CURLOPT_CAINFO, ca.c_str());
        const CURLcode rc = curl_easy_perform(e);
        curl_easy_cleanup(e);
        try {
            if (rc != CURLE_OK)
                throw std::runtime_error(curl_easy_strerror(rc));
            const Json j = Json::parse(body);
            const Json p = j.value("prefix_cache", Json::object()), z = j.value("compression", Json::object());
            c.hits += p.value("hits", 0.0);
            c.misses += p.value("misses", 0.0);
            c.replies += z.value("replies", 0.0);
            c.bytesIn += z.value("bytes_in", 0.0);
            c.bytesOut += z.value("bytes_out", 0.0);
            c.compressMs += z.value("cpu_ms", 0.0);
        } catch (const std::exception &ex) {
            std::fprintf(stderr, "bench_load: %s/v1/health: %s\n", url.c_str(), ex.what());
            c.ok = false;
        }
    }
    return c;
}

int run(const Args &a)
{
    std::vector<std::string> healthUrls;
    {
        std::stringstream hs(a.get("--health", a.pos.at(0)));
        for (std::string u; std::getline(hs, u, ',');)
            if (!u.empty())
                healthUrls.push_back(u);
    }
    const ServerCounters c0 = readCounters(healthUrls, a.get("--ca"));
    std::vector<int> pids;
    std::stringstream ps(a.get("--pids"));
    for (std::string p; std::getline(ps, p, ',');)
        if (!p.empty())
            pids.push_back(std::stoi(p));
    std::vector<ProcSample> before;
    before.reserve(pids.size());
    for (int p : pids)
        before.push_back(sample(p));
    Runner r(a);
    long peakRss = 0;
    Stats s = r.run();
    const ServerCounters c1 = readCounters(healthUrls, a.get("--ca"));
    double cpu = 0;
    for (size_t i = 0; i < pids.size(); ++i) {
        ProcSample now = sample(pids[i]);
        cpu += now.cpuSec - before[i].cpuSec;
        peakRss += now.rssKb;
    }
    int syncs = 0, requests = 0;
    for (auto &[k, n] : s.done) {
        requests += n;
        if (k != Kind::Photo)
            syncs += n;
    }
    const std::string label = a.get("--label", "");
    std::printf("%-34s syncs/s %7.1f  errors %d  unfinished %d", label.c_str(), double(syncs) / r.seconds(), s.errors,
                s.unfinished);
    std::printf("  server RSS %6.1f MB  CPU %5.0f %%\n", double(peakRss) / 1024.0, 100.0 * cpu / r.seconds());
    // Per finished request (a first download counts once, all its pages
    // included); with --mix of one kind, the server's cost of that kind.
    const double cpuPerRequestMs = requests ? 1000.0 * cpu / requests : 0;
    const double hits = c1.hits - c0.hits, misses = c1.misses - c0.misses, replies = c1.replies - c0.replies;
    const double zIn = c1.bytesIn - c0.bytesIn, zOut = c1.bytesOut - c0.bytesOut, zMs = c1.compressMs - c0.compressMs;
    std::printf("    server CPU per request %.2f ms", cpuPerRequestMs);
    if (c0.ok && c1.ok) {
        std::printf("; compression %.0f replies, %.2f ms CPU each (%.1f %% of the server's CPU), %.1f MB -> %.1f MB", replies,
                    replies ? zMs / replies : 0.0, cpu > 0 ? 100.0 * zMs / 1000.0 / cpu : 0.0, zIn / 1e6, zOut / 1e6);
        std::printf("; prefix cache %.0f hits, %.0f misses (%.0f %%)", hits, misses,
                    hits + misses > 0 ? 100.0 * hits / (hits + misses) : 0.0);
    }
    std::printf("\n");
    Json j{{"label", label},
           {"syncs_per_s", double(syncs) / r.seconds()},
           {"errors", s.errors},
           {"unfinished", s.unfinished},
           {"server_rss_mb", double(peakRss) / 1024.0},
           {"server_cpu_pct", 100.0 * cpu / r.seconds()},
           {"mix", a.get("--mix", "morning")},
           {"server_cpu_ms_per_request", cpuPerRequestMs},
           {"compressed_replies", replies},
           {"compress_cpu_ms", zMs},
           {"compress_bytes_in", zIn},
           {"compress_bytes_out", zOut},
           {"prefix_hits", hits},
           {"prefix_misses", misses},
           {"bytes_up", s.bytesUp},
           {"bytes_down", s.bytesDown}};
    for (Kind k : {Kind::NoChange, Kind::Edits, Kind::FirstDownload, Kind::Photo}) {
        auto &v = s.fastMs[k];
        std::printf("    %-20s done %6d  fast p50 %8.1f ms  p99 %8.1f ms\n", kindName(k), s.done[k], pct(v, 0.5), pct(v, 0.99));
        j[kindName(k)] = Json{{"done", s.done[k]}, {"p50_ms", pct(v, 0.5)}, {"p99_ms", pct(v, 0.99)}};
    }
    if (s.errors)
        std::printf("    first error: %s\n", s.firstError.c_str());
    if (!a.get("--json").empty()) {
        std::ofstream(a.get("--json"), std::ios::app) << j.dump() << "\n";
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_load seed LOCATION ... | bench_load run URL ... (see the source's header)\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim); // if refused, curl reports the sockets it could not open
    }
    try {
        Args a = parse(argc, argv);
        const std::string cmd = argv[1];
        return cmd == "seed" ? seed(a) : run(a);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_load: %s\n", e.what());
        return 1;
    }
}
