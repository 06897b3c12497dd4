#include "cli/Commands.h"

#include "engine/Recovery.h"
#include "protocol/Errors.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace cx::cli {

[[noreturn]] void usage(const std::string &what) { throw Error(ErrorKind::Invalid, what + " (see --help)"); }

bool takeFlag(std::vector<std::string> &args, const std::string &flag)
{
    for (auto it = args.begin(); it != args.end(); ++it) {
        if (*it == flag) {
            args.erase(it);
            return true;
        }
    }
    return false;
}

std::string takeOption(std::vector<std::string> &args, const std::string &flag)
{
    for (auto it = args.begin(); it != args.end(); ++it) {
        if (*it == flag) {
            if (it + 1 == args.end())
                usage(flag + " needs a value");
            std::string v = *(it + 1);
            args.erase(it, it + 2);
            return v;
        }
    }
    return {};
}

forms::Day dayOption(std::vector<std::string> &args, const std::string &flag)
{
    const std::string v = takeOption(args, flag);
    if (v.empty())
        return forms::today();
    auto d = forms::parseDay(v);
    if (!d || v.size() != 10)
        usage(flag + " wants a day like 2026-12-15, not '" + v + "'");
    return *d;
}

namespace {

std::string humanBytes(uint64_t b)
{
    char buf[32];
    if (b < 10 * 1024)
        std::snprintf(buf, sizeof buf, "%llu B", (unsigned long long)b);
    else if (b < 10 * 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.1f KB", b / 1024.0);
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", b / (1024.0 * 1024.0));
    return buf;
}

std::string when(int64_t ms)
{
    if (ms <= 0)
        return "never";
    time_t t = time_t(ms / 1000);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", std::localtime(&t));
    return buf;
}
} // namespace

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Network:
        return Network;
    case ErrorKind::Tls:
        return Tls;
    case ErrorKind::Auth:
        return Auth;
    case ErrorKind::Invalid:
        return Usage;
    default:
        return Failed;
    }
}

// A value on the command line: JSON if it parses (numbers, true, null, objects),
// else the text itself. A number no double holds (1e999) is an error, not text.
Json parseValue(const std::string &field, const std::string &text)
{
    try {
        return Json::parse(text);
    } catch (const Json::parse_error &) {
        return Json(text);
    } catch (const Json::out_of_range &) {
        usage("field " + field + ": " + text +
              " is a number too large to store (to keep it as text, give it as a JSON string: '\"" + text + "\"')");
    }
}

int cmdPut(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    std::string school = takeOption(args, "--school");
    if (args.size() < 2)
        usage("put needs COLLECTION ID|- field=value ...");
    std::string collection = args[0], id = args[1] == "-" ? std::string() : args[1];
    Json fields = Json::object();
    for (size_t i = 2; i < args.size(); ++i) {
        auto eq = args[i].find('=');
        if (eq == std::string::npos || eq == 0)
            usage("\"" + args[i] + "\" is not field=value");
        fields[args[i].substr(0, eq)] = parseValue(args[i].substr(0, eq), args[i].substr(eq + 1));
    }
    if (fields.empty())
        usage("put needs at least one field=value");
    std::string made = e.put(collection, id, school, fields);
    if (id.empty())
        std::printf("%s\n", made.c_str());
    return Ok;
}

int cmdGet(Engine &e, const std::vector<std::string> &args)
{
    if (args.size() != 2)
        usage("get needs COLLECTION ID");
    auto r = e.get(args[0], args[1]);
    if (!r)
        throw Error(ErrorKind::NotFound, "no record " + args[0] + "/" + args[1]);
    std::printf("%s\n", r->toJson().dump(2).c_str());
    return Ok;
}

int cmdDelete(Engine &e, const std::vector<std::string> &args)
{
    if (args.size() != 2)
        usage("delete needs COLLECTION ID");
    e.remove(args[0], args[1]);
    return Ok;
}

int cmdDiscard(Engine &e, const std::vector<std::string> &args)
{
    if (args.size() != 2)
        usage("discard needs COLLECTION ID");
    e.discardRejected(args[0], args[1]);
    return Ok;
}

int cmdList(Engine &e, const std::vector<std::string> &args)
{
    if (args.size() != 1)
        usage("list needs COLLECTION");
    for (const auto &r : e.list(args[0]))
        std::printf("%s\n", r.toJson().dump().c_str());
    return Ok;
}

int cmdSync(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    bool json = takeFlag(args, "--json");
    // Bad-link knobs (docs/village.md); tests and benchmarks shorten them.
    bool progress = takeFlag(args, "--progress");
    SyncTuning t = e.tuning();
    auto num = [&](const char *flag, auto &field, uint64_t scale) {
        std::string v = takeOption(args, flag);
        if (v.empty())
            return;
        try {
            field = std::decay_t<decltype(field)>(std::stoull(v) * scale);
        } catch (...) {
            usage(std::string(flag) + " wants a number");
        }
    };
    num("--retries", t.maxRetries, 1);
    num("--backoff-ms", t.backoffMs, 1);
    num("--backoff-max-ms", t.backoffMaxMs, 1);
    num("--page-kb", t.pageWireBytes, 1024);
    num("--push-bytes", t.pushBytes, 1);
    num("--chunk-kb", t.chunkBytes, 1024);
    e.setTuning(t);
    // What link this is (the app knows; here the person says). Photos wait only
    // when the "photos only on unmetered" setting is on and the link is metered.
    const bool metered = takeFlag(args, "--metered"), unmetered = takeFlag(args, "--unmetered");
    if (metered && unmetered)
        usage("sync takes --metered or --unmetered, not both");
    e.setLinkMetered(!unmetered);
    if (progress)
        e.setProgressCallback([](const SyncProgress &p) {
            if (p.upTotal && !p.cycle) // attachment upload progress
                return;
            if (p.remainingRecords)
                std::fprintf(stderr, "cycle %d: pulled %d; about %s (%llu records) still to download\n", p.cycle, p.pulled,
                             humanBytes(p.remainingBytes).c_str(), static_cast<unsigned long long>(p.remainingRecords));
        });
    if (!args.empty())
        usage("sync takes --json, --progress, --metered, --unmetered, --retries N, --backoff-ms N, --backoff-max-ms N, "
              "--page-kb N, --push-bytes N, --chunk-kb N");
    SyncReport r;
    try {
        r = e.sync();
    } catch (const Error &err) {
        if (json)
            std::printf("%s\n",
                        Json{{"error", errorKindName(err.kind())}, {"message", err.what()}, {"report", e.lastReport().toJson()}}
                            .dump()
                            .c_str());
        throw;
    }
    if (json) {
        std::printf("%s\n", r.toJson().dump().c_str());
    } else {
        std::printf("synced: %d request%s, %s up, %s down; pushed %d, pulled %d, rejected %d, conflicts %d\n", r.requests,
                    r.requests == 1 ? "" : "s", humanBytes(r.bytesUp).c_str(), humanBytes(r.bytesDown).c_str(), r.pushed,
                    r.pulled, r.rejected, r.conflicts);
        if (r.retries)
            std::printf("network failures retried: %d\n", r.retries);
        if (r.attachmentsSent || r.attachmentsRefused || r.attachmentsHeld || r.attachmentsPending)
            std::printf("attachments: %d sent, %d refused, %d waiting%s\n", r.attachmentsSent, r.attachmentsRefused,
                        r.attachmentsPending, r.attachmentsHeld ? " (held until an unmetered link)" : "");
        if (r.attachmentsUnreferenced)
            std::printf("attachments no record refers to (kept here, not sent): %d\n", r.attachmentsUnreferenced);
        if (!r.attachmentError.empty())
            std::printf("attachments failed (records are synced): %s\n", r.attachmentError.c_str());
    }
    if (r.rejected > 0) {
        std::fprintf(stderr, "cunxiao-cli: the server rejected %d change%s; see `cunxiao-cli rejected`\n", r.rejected,
                     r.rejected == 1 ? "" : "s");
        return Rejected;
    }
    return Ok;
}

int cmdStatus(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    bool json = takeFlag(args, "--json");
    auto s = e.status();
    if (json) {
        std::printf("%s\n", s.toJson().dump().c_str());
        return Ok;
    }
    std::printf("account:   %s (%s) on %s\n", s.enrolled ? s.user.c_str() : "(not enrolled)", s.role.c_str(), s.server.c_str());
    std::printf("pending:   %d waiting to send, %d sent and unconfirmed\n", s.pending, s.sent);
    std::printf("rejected:  %d   conflicts: %d\n", s.rejected, s.conflicts);
    std::printf("last sync: %s   everything confirmed: %s\n", when(s.lastSyncMs).c_str(), when(s.lastCompleteMs).c_str());
    std::string cur;
    for (const auto &[k, v] : s.cursor)
        cur += (cur.empty() ? "" : ", ") + k + "@" + std::to_string(v);
    std::printf("cursor:    %s\n", cur.empty() ? "(nothing pulled yet)" : cur.c_str());
    if (!s.recentErrors.empty())
        std::printf("last error: %s: %s\n", when(s.recentErrors.front().first).c_str(), s.recentErrors.front().second.c_str());
    return Ok;
}

int cmdConflicts(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    bool json = takeFlag(args, "--json");
    auto list = e.conflicts();
    if (json) {
        Json out = Json::array();
        for (const auto &r : list)
            out.push_back(r.toJson());
        std::printf("%s\n", out.dump().c_str());
        return Ok;
    }
    if (list.empty())
        std::printf("no conflicts\n");
    for (const auto &r : list) {
        Json j = r.toJson();
        for (const auto &c : j["conflicts"])
            std::printf("%s/%s %s: kept %s (by %s) | other %s (by %s)\n", r.collection.c_str(), r.id.c_str(),
                        c["field"].get<std::string>().c_str(), c["value"].dump().c_str(), c["by"].get<std::string>().c_str(),
                        c["other"]["value"].dump().c_str(), c["other"]["by"].get<std::string>().c_str());
    }
    return Ok;
}

int cmdResolve(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    std::string take = takeOption(args, "--take");
    if (args.size() != 3 || take.empty())
        usage("resolve needs COLLECTION ID FIELD --take local|remote|VALUE");
    auto r = e.get(args[0], args[1]);
    if (!r)
        throw Error(ErrorKind::NotFound, "no record " + args[0] + "/" + args[1]);
    const std::string &field = args[2];
    const Conflict *other = nullptr;
    for (const auto &c : r->conflicts)
        if (c.field == field && (!other || other->version < c.version))
            other = &c;
    if (!other)
        throw Error(ErrorKind::Invalid, args[0] + "/" + args[1] + " has no conflict on \"" + field + "\"");
    auto cur = r->fields.find(field);
    Json kept = cur == r->fields.end() ? Json(nullptr) : *cur;
    auto keptVersion = r->versions.count(field) ? r->versions.at(field) : Version{};
    uint32_t me = e.clock().node();
    Json value;
    if (take == "local" || take == "remote") {
        // "local" is the value this device wrote, if either side is its own; else the kept one.
        bool otherIsMine = other->version.node == me && keptVersion.node != me;
        bool wantOther = (take == "local") == otherIsMine;
        value = wantOther ? other->value : kept;
    } else {
        value = parseValue(field, take);
    }
    e.resolve(args[0], args[1], field, value);
    return Ok;
}

int cmdRejected(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    bool json = takeFlag(args, "--json");
    for (const auto &r : e.rejected()) {
        if (json)
            std::printf("%s\n", r.toJson().dump().c_str());
        else
            std::printf("%s/%s: %s\n", r.collection.c_str(), r.id.c_str(), r.rejectReason.c_str());
    }
    return Ok;
}

} // namespace cx::cli

namespace cx::cli {

// attach FILE [--type MIME]: copies the file next to the database, queues it,
// prints the reference to put into a record field (docs/village.md).
int cmdAttach(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    std::string type = takeOption(args, "--type");
    if (args.size() != 1)
        usage("attach FILE [--type MIME]");
    AttachmentInfo a = e.attach(args[0], type);
    std::printf("%s\n", a.reference().dump().c_str());
    return Ok;
}

// attachments [--json]: each attachment's state.
int cmdAttachments(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    bool json = takeFlag(args, "--json");
    if (!args.empty())
        usage("attachments takes only --json");
    auto list = e.attachments();
    if (json) {
        Json out = Json::array();
        for (const auto &a : list)
            out.push_back(a.toJson());
        std::printf("%s\n", out.dump().c_str());
        return Ok;
    }
    for (const auto &a : list) {
        std::printf("%s  %s  %s", a.sha256.substr(0, 12).c_str(), humanBytes(a.size).c_str(), a.state.c_str());
        if (a.state == "uploading")
            std::printf(" (%s sent)", humanBytes(a.offset).c_str());
        if (a.state == "refused")
            std::printf(": %s", a.reason.c_str());
        if (!a.referenced)
            std::printf(" (no record refers to it: not sent)");
        std::printf("\n");
    }
    return Ok;
}

// photos-only-unmetered on|off: the setting (kept in the database) that holds
// attachment uploads while the link is metered (sync --metered, the default).
int cmdPhotosOnlyUnmetered(Engine &e, const std::vector<std::string> &args)
{
    if (args.size() != 1 || (args[0] != "on" && args[0] != "off"))
        usage("photos-only-unmetered on|off");
    e.setAttachmentsOnlyUnmetered(args[0] == "on");
    return Ok;
}

// fetch-attachment SHA256 [--size N] [--out FILE] [--json] [--progress] [--retries N]
// [--backoff-ms N] [--backoff-max-ms N]: downloads an attachment another device
// took (resuming a cut download) and prints its local path.
int cmdFetchAttachment(Engine &e, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json"), progress = takeFlag(args, "--progress");
    const std::string out = takeOption(args, "--out");
    uint64_t size = 0;
    SyncTuning t = e.tuning();
    auto num = [&](const char *flag, auto &field) {
        std::string v = takeOption(args, flag);
        if (v.empty())
            return;
        try {
            field = std::decay_t<decltype(field)>(std::stoull(v));
        } catch (...) {
            usage(std::string(flag) + " wants a number");
        }
    };
    num("--size", size);
    num("--retries", t.maxRetries);
    num("--backoff-ms", t.backoffMs);
    num("--backoff-max-ms", t.backoffMaxMs);
    if (args.size() != 1)
        usage("fetch-attachment SHA256 [--size N] [--out FILE] [--json] [--progress] [--retries N] [--backoff-ms N] "
              "[--backoff-max-ms N]");
    e.setTuning(t);
    if (progress)
        e.setProgressCallback([](const SyncProgress &p) {
            if (p.downTotal)
                std::fprintf(stderr, "downloaded %s of %s\n", humanBytes(p.downNow).c_str(), humanBytes(p.downTotal).c_str());
        });
    const std::string path = e.fetchAttachment(args[0], size);
    std::string where = path;
    if (!out.empty()) {
        // The copy kept here is sealed; --out writes the plain file where asked.
        const std::string plain = e.readAttachment(args[0]);
        std::ofstream o(out, std::ios::binary | std::ios::trunc);
        o.write(plain.data(), std::streamsize(plain.size()));
        o.flush();
        if (!o)
            throw Error(ErrorKind::Storage, "cannot write the attachment to " + out);
        where = out;
    }
    std::error_code ec;
    const uint64_t bytes = out.empty() ? e.readAttachment(args[0]).size() : std::filesystem::file_size(where, ec);
    if (json)
        std::printf("%s\n", Json{{"sha256", args[0]}, {"path", where}, {"size", bytes}}.dump().c_str());
    else
        std::printf("%s\n", where.c_str());
    return Ok;
}

} // namespace cx::cli
