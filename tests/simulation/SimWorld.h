#pragma once
// The deterministic simulation: the real engine (several devices, each with
// its own SQLite file) and the real server logic (SqliteStore + the HTTP
// routes as plain functions) in one process, joined by a simulated network
// that drops, duplicates, replays stale requests and truncates replies, with
// crashes of a device or the server between database writes (FaultVfs) and
// restarts from what is on disk. Everything is driven by one seeded RNG and a
// simulated clock, so a seed replays exactly.
#include "engine/Engine.h"
#include "http/HttpServer.h"
#include "storage/SqliteStore.h"

#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace sim {

struct DeviceSpec {
    std::string user, role, schools; // schools comma-separated
};
const std::vector<DeviceSpec> &deviceSpecs();
const std::vector<std::string> &collections();

// One change a device made and saw committed locally (put/remove/resolve returned).
struct LedgerEntry {
    size_t device;
    std::string deviceId;
    uint64_t n;
    std::string collection, id;
    bool expectRejected;
    bool isDelete;
};

struct Faults {
    double dropRequest = 0.05, dropReply = 0.08, duplicate = 0.05, staleReplay = 0.05, truncate = 0.03, garble = 0.01,
           serverCrash = 0.04, deviceCrash = 0.04, outOfScope = 0.02;
    static Faults none() { return Faults{0, 0, 0, 0, 0, 0, 0, 0, 0}; }
};

class World
{
public:
    // Builds a fresh bureau with enrolled devices in `dir` (slow: scrypt); the
    // runs copy it.
    static void makeTemplate(const std::string &dir);

    World(const std::string &templateDir, const std::string &workDir, uint64_t seed, Faults faults = {});
    ~World();

    void run(int steps);
    void quiesce();                   // no faults, all online, sync until quiet
    std::vector<std::string> check(); // invariant violations (empty = all held)
    const std::vector<std::string> &trace() const { return m_trace; }
    int stats(const std::string &what) const;

    // Used by the simulated transport.
    cx::HttpReply deliver(size_t device, const std::string &path, const std::string &body, const std::string &token);

private:
    struct Dev {
        std::string path;
        std::unique_ptr<cx::Engine> engine;
        bool online = true;
        int64_t skew = 0;
        std::vector<std::string> pastRequests;
        uint64_t lastN = 0;
    };
    void openServer();
    void openDevice(size_t i);
    void crashDevice(size_t i);
    void step(int stepNo);
    void note(const std::string &line);
    void recordLedger(size_t d, const std::string &collection, const std::string &id, bool expectRejected, bool isDelete);
    cx::HttpReply serveOnce(size_t device, const std::string &path, const std::string &body, const std::string &token);
    double roll() { return std::uniform_real_distribution<double>(0, 1)(m_rng); }
    size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(m_rng); }

    std::string m_dir;
    std::mt19937_64 m_rng;
    Faults m_faults;
    int64_t m_now;
    std::unique_ptr<cx::server::SqliteStore> m_store;
    std::vector<std::unique_ptr<Dev>> m_devs;
    std::vector<LedgerEntry> m_ledger;
    std::vector<std::string> m_trace;
    std::vector<std::string> m_violations;
    std::map<std::string, int> m_stats;
    int m_nextId = 0;
    std::set<std::string> m_foreign; // records created outside their author's scope
    // Sync bundles (docs/bundles.md) on their way: (device, file).
    std::vector<std::pair<size_t, std::string>> m_bundles, m_replies;
    int m_bundleNo = 0;
    void bundleStep(const std::string &who);
};

} // namespace sim
