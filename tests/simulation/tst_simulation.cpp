// Runs the deterministic simulation for a range of seeds. A failing seed is
// printed with its violations and the steps that led there, and replays
// exactly: tst_simulation --seed N --steps S --trace
//
// A range (--seeds A-B) also fails unless every kind of fault was injected at
// least once over it: a fault that never fires tests nothing. (One --seed is a
// replay, not a test of the fault mix, and is not held to that.)
#include "FaultVfs.h"
#include "SimWorld.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char **argv)
{
    uint64_t first = 1, last = 50;
    int steps = 160;
    bool trace = false, oneSeed = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--seeds" && i + 1 < argc) {
            std::string r = argv[++i];
            auto dash = r.find('-');
            first = std::stoull(r.substr(0, dash));
            last = dash == std::string::npos ? first : std::stoull(r.substr(dash + 1));
        } else if (a == "--seed" && i + 1 < argc) {
            first = last = std::stoull(argv[++i]);
            oneSeed = true;
        } else if (a == "--steps" && i + 1 < argc) {
            steps = std::stoi(argv[++i]);
        } else if (a == "--trace") {
            trace = true;
        } else {
            std::fprintf(stderr, "usage: tst_simulation [--seeds A-B | --seed N] [--steps S] [--trace]\n");
            return 2;
        }
    }
    fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    fs::path root = base / ("cx-sim-" + std::to_string(::getpid()));
    fs::create_directories(root);
    sim::World::makeTemplate((root / "template").string());

    int passed = 0, failed = 0;
    // Every fault the simulation injects (docs/testing.md), and the failed
    // syncs they cause.
    const std::vector<std::string> kinds = {
        "server restarts",        "device restarts",          "dropped requests", "dropped replies",   "duplicated requests",
        "stale replays",          "truncated replies",        "garbled replies",  "offline stretches", "clocks hours off",
        "creates out of scope",   "edits the bureau refuses", "failed syncs",     "bundles lost",      "bundles delivered twice",
        "bundle replies applied", "bundle replies refused"};
    std::map<std::string, long> totals;
    for (uint64_t seed = first; seed <= last; ++seed) {
        fs::path dir = root / ("seed-" + std::to_string(seed));
        std::vector<std::string> violations;
        std::vector<std::string> steps_;
        {
            sim::World w((root / "template").string(), dir.string(), seed);
            try {
                w.run(steps);
                w.quiesce();
                violations = w.check();
            } catch (const std::exception &e) {
                violations.push_back(std::string("the simulation itself threw: ") + e.what());
            }
            for (const std::string &k : kinds)
                totals[k] += w.stats(k);
            steps_ = w.trace();
        }
        if (violations.empty()) {
            ++passed;
            fs::remove_all(dir);
            continue;
        }
        ++failed;
        std::printf("FAIL seed %llu (replay: tst_simulation --seed %llu --steps %d --trace)\n", (unsigned long long)seed,
                    (unsigned long long)seed, steps);
        for (const auto &v : violations)
            std::printf("  violation: %s\n", v.c_str());
        size_t from = trace ? 0 : (steps_.size() > 30 ? steps_.size() - 30 : 0);
        for (size_t i = from; i < steps_.size(); ++i)
            std::printf("    %s\n", steps_[i].c_str());
        std::printf("  files kept in %s\n", dir.c_str());
    }
    std::printf("faults injected over seeds %llu-%llu:", (unsigned long long)first, (unsigned long long)last);
    for (const auto &[k, n] : totals)
        std::printf(" %s %ld;", k.c_str(), n);
    std::printf("\n%d passed, %d failed\n", passed, failed);
    int neverFired = 0;
    for (const auto &[k, n] : totals)
        if (n == 0 && !oneSeed) {
            ++neverFired;
            std::printf("FAIL: no %s over seeds %llu-%llu: that fault was not tested (more seeds, or raise its "
                        "probability in Faults)\n",
                        k.c_str(), (unsigned long long)first, (unsigned long long)last);
        }
    if (failed == 0)
        fs::remove_all(root);
    return failed == 0 && neverFired == 0 ? 0 : 1;
}
