// cunxiao-cli bundle-out, bundle-in, relay: sync bundles on a USB stick or SD
// card (docs/bundles.md, docs/cli.md).
#include "cli/Commands.h"

#include <cstdio>
#include <string>

namespace cx::cli {

namespace {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::set<std::string> flags;
};

Args parseArgs(const std::vector<std::string> &in, const std::set<std::string> &withValue, const std::set<std::string> &flags,
               const char *usageLine)
{
    Args a;
    for (size_t i = 0; i < in.size(); ++i) {
        if (withValue.count(in[i])) {
            if (i + 1 >= in.size())
                throw Error(ErrorKind::Invalid, "usage: " + std::string(usageLine) + " (" + in[i] + " needs a value)");
            a.options[in[i]] = in[i + 1];
            ++i;
        } else if (flags.count(in[i])) {
            a.flags.insert(in[i]);
        } else if (in[i].rfind("--", 0) == 0) {
            throw Error(ErrorKind::Invalid, "usage: " + std::string(usageLine) + " (unknown option " + in[i] + ")");
        } else {
            a.positional.push_back(in[i]);
        }
    }
    return a;
}

std::string size(uint64_t b)
{
    char buf[32];
    if (b < 10 * 1024)
        std::snprintf(buf, sizeof buf, "%llu B", (unsigned long long)b);
    else
        std::snprintf(buf, sizeof buf, "%.1f KB", b / 1024.0);
    return buf;
}

} // namespace

int cmdBundleOut(Engine &e, const std::vector<std::string> &args)
{
    const char *line = "bundle-out FILE [--records-only] [--json]";
    Args a = parseArgs(args, {}, {"--records-only", "--json"}, line);
    if (a.positional.size() != 1)
        throw Error(ErrorKind::Invalid, std::string("usage: ") + line);
    BundleOutReport r = e.bundleOut(a.positional[0], a.flags.count("--records-only") > 0);
    if (a.flags.count("--json")) {
        std::printf("%s\n", r.toJson().dump().c_str());
    } else {
        std::printf("bundle %s written to %s: %d change(s), %d attachment(s), %s\n", r.bundle.c_str(), a.positional[0].c_str(),
                    r.mutations, r.attachments, size(r.bytes).c_str());
        if (r.attachmentsLeft)
            std::printf("%d attachment(s) not in this bundle (records only, or too large): they go with a sync\n",
                        r.attachmentsLeft);
    }
    return Ok;
}

int cmdBundleIn(Engine &e, const std::vector<std::string> &args)
{
    const char *line = "bundle-in REPLY_FILE [--json]";
    Args a = parseArgs(args, {}, {"--json"}, line);
    if (a.positional.size() != 1)
        throw Error(ErrorKind::Invalid, std::string("usage: ") + line);
    BundleInReport r = e.bundleIn(a.positional[0]);
    if (a.flags.count("--json")) {
        std::printf("%s\n", r.toJson().dump().c_str());
    } else {
        std::printf("reply to bundle %s: applied %d, rejected %d, received %d record(s), %d attachment(s) confirmed\n",
                    r.bundle.c_str(), r.applied, r.rejected, r.received, r.attachments);
        for (const auto &[n, why] : r.reasons)
            std::printf("  rejected change %llu: %s\n", (unsigned long long)n, why.c_str());
        if (r.more)
            std::printf("the server has more for this device: sync, or send another bundle\n");
    }
    return r.rejected ? Rejected : Ok;
}

int cmdRelay(Engine &e, const std::vector<std::string> &args)
{
    const char *line = "relay FILE --reply REPLY_FILE [--max-mb N] [--json]";
    Args a = parseArgs(args, {"--reply", "--max-mb"}, {"--json"}, line);
    if (a.positional.size() != 1 || !a.options.count("--reply"))
        throw Error(ErrorKind::Invalid, std::string("usage: ") + line);
    uint64_t maxMb = 4;
    if (a.options.count("--max-mb")) {
        try {
            maxMb = std::stoull(a.options["--max-mb"]);
        } catch (...) {
            throw Error(ErrorKind::Invalid, "--max-mb wants a number of megabytes");
        }
    }
    RelayReport r = e.relay(a.positional[0], a.options["--reply"], maxMb * 1024 * 1024);
    if (a.flags.count("--json"))
        std::printf("%s\n", r.toJson().dump().c_str());
    else
        std::printf("delivered %s; reply written to %s (%s)\n", a.positional[0].c_str(), a.options["--reply"].c_str(),
                    size(r.replyBytes).c_str());
    return Ok;
}

} // namespace cx::cli
