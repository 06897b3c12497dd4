// bench_export: `cunxiao-server export` of a large collection (issue 14 point 6):
// time and peak RSS (the child's ru_maxrss from wait4) per format, beside the
// size of the data, so "200,000 rows do not need the whole table in memory"
// is a number. Run by scripts/bench.sh (`make bench`); prints, never asserts.
//
//   bench_export [--rows N] [--json FILE] [--keep DIR]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <spawn.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern char **environ;

namespace {

struct Result {
    int code = -1;
    double seconds = 0;
    long maxRssKb = 0;
};

Result run(const std::vector<std::string> &args, const std::string &stdoutFile = "/dev/null")
{
    std::vector<char *> argv;
    argv.reserve(args.size() + 1);
    for (const auto &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, stdoutFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    Result r;
    if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) {
        std::perror(argv[0]);
        return r;
    }
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.maxRssKb = ru.ru_maxrss;
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    long rows = 200000;
    std::string json, keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--rows"))
            rows = std::atol(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--json"))
            json = argv[i + 1];
        else if (!std::strcmp(argv[i], "--keep"))
            keep = argv[i + 1];
    }
    namespace fs = std::filesystem;
    const std::string exe = CX_SERVER_EXE;
    fs::path dir = keep.empty() ? fs::temp_directory_path() / ("cx-bench-export-" + std::to_string(getpid())) : fs::path(keep);
    fs::create_directories(dir);
    const std::string data = (dir / "data").string();
    const bool fresh = !fs::exists(dir / "data" / "cunxiao.db");
    if (fresh) {
        run({exe, "init", data});
        run({exe, "admin", data, "add-school", "--id", "5323010001", "--name", "龙泉镇中心学校"});
        const std::string lines = (dir / "pupils.jsonl").string();
        {
            std::ofstream f(lines);
            static const char *kVillages[] = {"大箐村", "松林村五组", "岔河村一组", "石门村"};
            for (long i = 0; i < rows; ++i)
                f << "{\"collection\":\"pupils\",\"id\":\"p" << i << "\",\"fields\":{\"name\":\"学生" << i
                  << "\",\"grade\":" << 1 + i % 6 << ",\"gender\":\"" << (i % 2 ? "男" : "女") << "\",\"village\":\""
                  << kVillages[i % 4] << "\",\"guardian_phone\":\"150" << (10000000 + i)
                  << "\",\"subsidies\":[\"免费教科书\",\"免学杂费\"],\"note\":\"=" << i << "+1\"}}\n";
        }
        Result imp = run({exe, "import", data, "--school", "5323010001", lines});
        std::printf("imported %ld pupils in %.1f s (peak RSS %ld MB)\n", rows, imp.seconds, imp.maxRssKb / 1024);
    }
    const auto dbBytes = fs::file_size(dir / "data" / "cunxiao.db");
    std::printf("== bench_export: %ld pupils, database %.0f MB\n", rows, double(dbBytes) / 1e6);
    std::printf("%-8s %10s %14s %14s\n", "format", "seconds", "peak RSS MB", "output MB");
    std::string out = "{";
    for (const char *format : {"jsonl", "csv", "xlsx"}) {
        const std::string file = (dir / (std::string("pupils.") + format)).string();
        Result r = run({exe, "export", data, "pupils", "--format", format, "--out", file});
        const double mb = fs::exists(file) ? double(fs::file_size(file)) / 1e6 : 0;
        std::printf("%-8s %10.2f %14.1f %14.1f%s\n", format, r.seconds, double(r.maxRssKb) / 1024, mb,
                    r.code == 0 ? "" : "  FAILED");
        char buf[256];
        std::snprintf(buf, sizeof buf, "%s\"%s\": {\"seconds\": %.3f, \"peak_rss_kb\": %ld, \"bytes\": %.0f}",
                      out.size() > 1 ? ", " : "", format, r.seconds, r.maxRssKb, mb * 1e6);
        out += buf;
    }
    out += ", \"rows\": " + std::to_string(rows) + "}";
    if (!json.empty())
        std::ofstream(json) << out << "\n";
    if (keep.empty())
        fs::remove_all(dir);
    return 0;
}
