#include "TestKey.h"
#include "SimWorld.h"

#include "FaultVfs.h"

#include "auth/Auth.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "sync/BundleRoute.h"
#include "sync/Validator.h"

#include <filesystem>
#include <fstream>
#include <ranges>
#include <sstream>
#include <set>

namespace fs = std::filesystem;
using cx::Error;
using cx::ErrorKind;
using cx::Json;

namespace sim {

const std::vector<DeviceSpec> &deviceSpecs()
{
    static const std::vector<DeviceSpec> specs = {
        {"head1", "head", "S1"}, {"teacher1", "teacher", "S1"},        {"head1", "head", "S1"},
        {"head2", "head", "S2"}, {"inspector1", "inspector", "S1,S2"}, {"bureau1", "bureau", ""},
    };
    return specs;
}

const std::vector<std::string> &collections()
{
    static const std::vector<std::string> c = {"pupils", "home_visits"};
    return c;
}

namespace {
constexpr int64_t kStart = 1'764'000'000'000;
// The bureau refuses grade "bad": rejections of records that already exist.
class SimValidator final : public cx::server::Validator
{
public:
    std::optional<cx::Rejection> check(cx::server::Store &, const std::optional<cx::RecordState> &, const cx::RecordState &,
                                       const cx::Mutation &m, const cx::server::DeviceSession &) const override
    {
        if (m.fields.contains("grade") && m.fields["grade"] == "bad")
            return cx::Rejection{0, "grade \"bad\" is not allowed", Json{{"grade", "not allowed"}}};
        return std::nullopt;
    }
};
const SimValidator g_accept;

std::vector<std::string> split(const std::string &s)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ',') {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

// The simulated link of one device.
class SimTransport : public cx::Transport
{
public:
    SimTransport(World &w, size_t device) : m_world(w), m_device(device) {}
    cx::HttpReply post(const std::string &path, const std::string &body, const std::string &token) override
    {
        return m_world.deliver(m_device, path, body, token);
    }

private:
    World &m_world;
    size_t m_device;
};
} // namespace

void World::makeTemplate(const std::string &dir)
{
    faultvfs::install();
    fs::create_directories(dir);
    {
        World w(std::string(), dir, 1, Faults::none());
        w.m_store->setMeta("county", "模拟县");
        w.m_store->putSchool({"S1", "红旗村完小", "模拟县"});
        w.m_store->putSchool({"S2", "石门教学点", "模拟县"});
        std::set<std::string> made;
        for (const auto &s : deviceSpecs()) {
            if (made.insert(s.user).second)
                cx::server::addUser(*w.m_store, s.user, s.role, split(s.schools), "pw-" + s.user);
        }
        for (size_t i = 0; i < deviceSpecs().size(); ++i) {
            cx::TransportOptions o;
            o.baseUrl = "http://127.0.0.1:1";
            w.m_devs[i]->engine->enroll(o, deviceSpecs()[i].user, "pw-" + deviceSpecs()[i].user, "sim");
        }
    }
}

World::World(const std::string &templateDir, const std::string &workDir, uint64_t seed, Faults faults)
    : m_dir(workDir), m_rng(seed), m_faults(faults), m_now(kStart)
{
    faultvfs::install();
    fs::create_directories(m_dir);
    if (!templateDir.empty())
        for (const auto &e : fs::directory_iterator(templateDir))
            fs::copy_file(e.path(), fs::path(m_dir) / e.path().filename(), fs::copy_options::overwrite_existing);
    openServer();
    for (size_t i = 0; i < deviceSpecs().size(); ++i) {
        auto d = std::make_unique<Dev>();
        d->path = m_dir + "/dev" + std::to_string(i) + ".db";
        // Most clocks are a little off; now and then one is hours ahead or behind.
        d->skew = std::uniform_int_distribution<int64_t>(-600'000, 600'000)(m_rng);
        if (roll() < 0.2) {
            d->skew += (roll() < 0.5 ? 1 : -1) * 3 * 3'600'000;
            m_stats["clocks hours off"]++;
        }
        m_devs.push_back(std::move(d));
        openDevice(i);
        m_devs[i]->lastN = std::stoull(m_devs[i]->engine->replica().meta("next_n").value_or("1")) - 1;
    }
}

World::~World()
{
    faultvfs::disarm();
    m_devs.clear();
    m_store.reset();
}

void World::openServer() { m_store = std::make_unique<cx::server::SqliteStore>(m_dir + "/server.db"); }

void World::openDevice(size_t i)
{
    Dev &d = *m_devs[i];
    d.engine = std::make_unique<cx::Engine>(
        d.path, testKey(), [this, i](const cx::TransportOptions &) { return std::make_unique<SimTransport>(*this, i); },
        [this, i] { return m_now + m_devs[i]->skew; });
    // Simulated time: the simulation itself decides when a device tries again.
    cx::SyncTuning t = d.engine->tuning();
    t.maxRetries = 0;
    d.engine->setTuning(t);
}

void World::crashDevice(size_t i)
{
    // Still armed: the dying process writes nothing more while it closes.
    m_devs[i]->engine.reset();
    faultvfs::disarm();
    openDevice(i);
    m_stats["device restarts"]++;
    note("  device " + std::to_string(i) + " crashed and restarted");
}

void World::note(const std::string &line)
{
    m_trace.push_back(line);
    if (m_trace.size() > 400)
        m_trace.erase(m_trace.begin(), m_trace.begin() + 100);
}

int World::stats(const std::string &what) const
{
    auto it = m_stats.find(what);
    return it == m_stats.end() ? 0 : it->second;
}

cx::HttpReply World::serveOnce(size_t device, const std::string &path, const std::string &body, const std::string &token)
{
    bool crash = m_faults.serverCrash > 0 && roll() < m_faults.serverCrash && !faultvfs::fired();
    if (crash)
        faultvfs::arm(m_dir + "/server.db", int(pick(40)));
    cx::server::HttpReply r;
    if (path == "/v1/enroll")
        r = cx::server::routeEnroll(*m_store, "zstd", body, m_now);
    else
        r = cx::server::routeSync(*m_store, g_accept, "Bearer " + token, "zstd", body, m_now);
    if (crash) {
        bool fired = faultvfs::fired();
        if (fired) {
            m_store.reset();
            faultvfs::disarm();
            openServer();
            m_stats["server restarts"]++;
            note("  server crashed and restarted");
            throw Error(ErrorKind::Network, "connection reset (server crashed)");
        }
        faultvfs::disarm();
    }
    if (r.status == 500)
        m_violations.push_back("server failed without a crash: " + r.body);
    cx::HttpReply out;
    out.status = r.status;
    out.body = r.compress ? cx::compress(r.body) : r.body;
    out.contentEncoding = r.compress ? "zstd" : "";
    out.bytesUp = body.size();
    out.bytesDown = out.body.size();
    (void)device;
    return out;
}

cx::HttpReply World::deliver(size_t device, const std::string &path, const std::string &body, const std::string &token)
{
    Dev &d = *m_devs[device];
    m_now += 50 + int64_t(pick(400));
    if (!d.online)
        throw Error(ErrorKind::Network, "no network");
    if (roll() < m_faults.dropRequest) {
        m_stats["dropped requests"]++;
        throw Error(ErrorKind::Network, "connection cut before the request arrived");
    }
    if (!d.pastRequests.empty() && roll() < m_faults.staleReplay) {
        // An old copy of an earlier request arrives late; its reply goes nowhere.
        m_stats["stale replays"]++;
        try {
            serveOnce(device, path, d.pastRequests[pick(d.pastRequests.size())], token);
        } catch (const Error &) {
        }
    }
    d.pastRequests.push_back(body);
    if (d.pastRequests.size() > 20)
        d.pastRequests.erase(d.pastRequests.begin());
    cx::HttpReply reply = serveOnce(device, path, body, token);
    if (roll() < m_faults.duplicate) {
        m_stats["duplicated requests"]++;
        reply = serveOnce(device, path, body, token);
    }
    if (roll() < m_faults.dropReply) {
        m_stats["dropped replies"]++;
        throw Error(ErrorKind::Network, "connection cut before the reply arrived");
    }
    if (!reply.body.empty() && roll() < m_faults.truncate) {
        m_stats["truncated replies"]++;
        reply.body.resize(pick(reply.body.size()));
    } else if (!reply.body.empty() && roll() < m_faults.garble) {
        m_stats["garbled replies"]++;
        reply.body[pick(reply.body.size())] ^= 0x5a;
    }
    return reply;
}

void World::recordLedger(size_t d, const std::string &collection, const std::string &id, bool expectRejected, bool isDelete)
{
    auto out = m_devs[d]->engine->replica().outboxFor(collection, id);
    // What the bureau will refuse follows from the change as it will be sent.
    if (!out.empty()) {
        const cx::Mutation &last = out.back().mutation;
        bool bad = last.fields.contains("grade") && last.fields["grade"] == "bad";
        expectRejected = bad || m_foreign.count(collection + "/" + id) > 0;
    }
    if (!out.empty() && out.back().mutation.n <= m_devs[d]->lastN) {
        // Folded into this record's still unsent change (or nothing changed).
        for (auto &e : std::views::reverse(m_ledger))
            if (e.device == d && e.n == out.back().mutation.n) {
                e.expectRejected = expectRejected;
                break;
            }
        return;
    }
    if (out.empty() || out.back().mutation.n <= m_devs[d]->lastN)
        return; // the change changed nothing: no mutation
    uint64_t n = out.back().mutation.n;
    m_devs[d]->lastN = n;
    m_ledger.push_back(LedgerEntry{d, m_devs[d]->engine->status().device, n, collection, id, expectRejected, isDelete});
}

void World::step(int stepNo)
{
    m_now += int64_t(pick(5000));
    size_t di = pick(m_devs.size());
    Dev &d = *m_devs[di];
    const DeviceSpec &spec = deviceSpecs()[di];
    std::string who = "step " + std::to_string(stepNo) + " dev" + std::to_string(di) + " ";
    auto value = [&] { return "v" + std::to_string(stepNo) + "d" + std::to_string(di); };
    static const std::vector<std::string> fieldNames = {"name", "grade", "village", "guardian", "note"};

    bool crashArmed = m_faults.deviceCrash > 0 && roll() < m_faults.deviceCrash;
    if (crashArmed)
        faultvfs::arm(d.path, int(pick(12)));
    double r = roll();
    try {
        if (r < 0.22) {
            std::vector<std::string> schools = split(spec.schools);
            if (spec.role == "bureau")
                schools = {"S1", "S2"};
            std::string school = schools[pick(schools.size())];
            bool outOfScope = roll() < m_faults.outOfScope && spec.role != "bureau";
            if (outOfScope)
                school = school == "S1" ? "S2" : "S1";
            std::string c = collections()[pick(collections().size())];
            std::string id = "r" + std::to_string(++m_nextId);
            Json f = Json::object();
            for (size_t k = 0, n = 1 + pick(3); k < n; ++k)
                f[fieldNames[pick(fieldNames.size())]] = value();
            note(who + "create " + c + "/" + id + " in " + school + " " + f.dump());
            d.engine->put(c, id, school, f);
            const std::vector<std::string> own = split(spec.schools);
            bool foreign = std::find(own.begin(), own.end(), school) == own.end() && spec.role != "bureau";
            if (foreign) {
                m_foreign.insert(c + "/" + id);
                m_stats["creates out of scope"]++;
            }
            recordLedger(di, c, id, foreign, false);
        } else if (r < 0.60) {
            std::string c = collections()[pick(collections().size())];
            auto list = d.engine->list(c);
            std::erase_if(list, [](const cx::LocalRecord &x) { return x.state == cx::SyncState::Rejected; });
            if (list.empty())
                return;
            const auto &rec = list[pick(list.size())];
            Json f = Json::object();
            for (size_t k = 0, n = 1 + pick(2); k < n; ++k)
                f[fieldNames[pick(fieldNames.size())]] = roll() < 0.2 ? Json("same") : Json(value());
            bool bad = roll() < m_faults.outOfScope * 2;
            if (bad) {
                f["grade"] = "bad";
                m_stats["edits the bureau refuses"]++;
            }
            note(who + "edit " + c + "/" + rec.id + " " + f.dump());
            d.engine->put(c, rec.id, "", f);
            recordLedger(di, c, rec.id, bad || m_foreign.count(c + "/" + rec.id) > 0, false);
        } else if (r < 0.65) {
            std::string c = collections()[pick(collections().size())];
            auto list = d.engine->list(c);
            std::erase_if(list, [](const cx::LocalRecord &x) { return x.state == cx::SyncState::Rejected; });
            if (list.empty())
                return;
            const auto &rec = list[pick(list.size())];
            note(who + "delete " + c + "/" + rec.id);
            d.engine->remove(c, rec.id);
            recordLedger(di, c, rec.id, m_foreign.count(c + "/" + rec.id) > 0, true);
        } else if (r < 0.72) {
            auto list = d.engine->conflicts();
            if (list.empty())
                return;
            const auto &rec = list[pick(list.size())];
            const auto &c = rec.conflicts[pick(rec.conflicts.size())];
            Json v;
            double t = roll();
            if (c.field == cx::kDeletedField)
                v = roll() < 0.5;
            else
                v = t < 0.4 ? c.value : t < 0.8 ? rec.fields.value(c.field, Json()) : Json(value());
            note(who + "resolve " + rec.collection + "/" + rec.id + " " + c.field + " = " + v.dump());
            d.engine->resolve(rec.collection, rec.id, c.field, v);
            recordLedger(di, rec.collection, rec.id, false, false);
        } else if (r < 0.88) {
            note(who + "sync");
            auto rep = d.engine->sync(20);
            note("  pushed " + std::to_string(rep.pushed) + " pulled " + std::to_string(rep.pulled));
        } else if (r < 0.93) {
            bundleStep(who);
        } else {
            d.online = !d.online;
            if (!d.online)
                m_stats["offline stretches"]++;
            note(who + (d.online ? "back online" : "goes offline"));
        }
    } catch (const Error &e) {
        if (faultvfs::fired()) {
            crashDevice(di);
            return;
        }
        note("  error: " + std::string(e.what()));
        if (e.kind() == ErrorKind::Storage || e.kind() == ErrorKind::Server)
            m_violations.push_back(who + "unexpected " + cx::errorKindName(e.kind()) + " error: " + e.what());
        if (e.kind() == ErrorKind::Network || e.kind() == ErrorKind::Protocol)
            m_stats["failed syncs"]++;
    }
    if (crashArmed)
        faultvfs::disarm();
}

// Bundles as another transport: made on a device (online or not), carried to
// the bureau days later or lost or delivered twice, their replies applied
// late, twice, or never. The same handler as a sync; nothing may be lost or doubled.
void World::bundleStep(const std::string &who)
{
    auto readAll = [](const std::string &path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    };
    const double b = roll();
    if (b < 0.4 || (m_bundles.empty() && m_replies.empty())) {
        size_t di = std::stoul(who.substr(who.find(" dev") + 4));
        const std::string path = m_dir + "/bundle" + std::to_string(++m_bundleNo) + ".cxb";
        note(who + "bundle-out " + path.substr(m_dir.size() + 1));
        auto rep = m_devs[di]->engine->bundleOut(path);
        note("  " + std::to_string(rep.mutations) + " change(s)");
        m_bundles.emplace_back(di, path);
        m_stats["bundles made"]++;
    } else if (b < 0.75 && !m_bundles.empty()) {
        const size_t k = pick(m_bundles.size());
        const auto [dev, path] = m_bundles[k];
        m_now += int64_t(pick(3)) * 86'400'000; // carried for a few days
        if (roll() < 0.2) {
            note(who + "loses the bundle of dev" + std::to_string(dev));
            m_bundles.erase(m_bundles.begin() + long(k));
            m_stats["bundles lost"]++;
            return;
        }
        const std::string reply = path + "-r" + std::to_string(++m_bundleNo);
        const uint64_t maxBytes = 4096 + pick(64 * 1024);
        note(who + "delivers the bundle of dev" + std::to_string(dev) + " (reply at most " + std::to_string(maxBytes) + " B)");
        auto out = cx::server::handleBundle(*m_store, g_accept, nullptr, readAll(path), m_now, maxBytes);
        note("  acked " + std::to_string(out.acked) + ", " + std::to_string(out.changes) + " record(s) in " +
             std::to_string(out.pages) + " page(s)");
        std::ofstream(reply, std::ios::binary) << out.reply;
        m_replies.emplace_back(dev, reply);
        m_stats["bundles delivered"]++;
        if (roll() < 0.7)
            m_bundles.erase(m_bundles.begin() + long(k));
        else
            m_stats["bundles delivered twice"]++; // kept: delivered again later
    } else if (!m_replies.empty()) {
        const size_t k = pick(m_replies.size());
        const auto [dev, path] = m_replies[k];
        note(who + "applies a reply on dev" + std::to_string(dev));
        try {
            auto rep = m_devs[dev]->engine->bundleIn(path);
            note("  applied " + std::to_string(rep.applied) + " rejected " + std::to_string(rep.rejected) + " received " +
                 std::to_string(rep.received) + (rep.stale ? " (stale)" : ""));
            m_stats["bundle replies applied"]++;
        } catch (const Error &e) {
            if (e.kind() != ErrorKind::Invalid)
                throw;
            note("  refused: " + std::string(e.what()));
            m_stats["bundle replies refused"]++;
        }
        if (roll() < 0.7)
            m_replies.erase(m_replies.begin() + long(k));
    }
}

void World::run(int steps)
{
    for (int i = 0; i < steps; ++i)
        step(i);
}

void World::quiesce()
{
    faultvfs::disarm();
    m_faults = Faults::none();
    for (auto &d : m_devs)
        d->online = true;
    auto round = [&] {
        bool work = false;
        for (size_t i = 0; i < m_devs.size(); ++i) {
            m_now += 1000;
            try {
                auto rep = m_devs[i]->engine->sync(200);
                if (rep.pushed || rep.pulled || !rep.complete || rep.rejected)
                    work = true;
            } catch (const Error &e) {
                m_violations.push_back("quiet sync of dev" + std::to_string(i) + " failed: " + e.what());
                return false;
            }
        }
        return work;
    };
    int rounds = 0;
    while (round() && ++rounds < 20) {
    }
    if (rounds >= 20)
        m_violations.emplace_back("replicas did not settle in 20 rounds");
    // The person gives up on changes the bureau refused (outside their scope).
    for (auto &d : m_devs)
        for (const auto &r : d->engine->rejected())
            d->engine->discardRejected(r.collection, r.id);
    round();
}

} // namespace sim
