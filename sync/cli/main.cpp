// cunxiao-cli: the command-line client of the Cunxiao sync engine.
#include "cli/Commands.h"
#include "protocol/Errors.h"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>

namespace {
const char *kUsage =
    R"(usage: cunxiao-cli --db FILE COMMAND [ARGS]

  enroll URL --user NAME --password-stdin [--device-pin-stdin] [--ca FILE] [--pin sha256//BASE64]
         [--device-name NAME]      the device PIN (6+ digits) comes from CUNXIAO_DEVICE_PIN, or from
                                   the line after the password with --device-pin-stdin
  enroll --server URL --user NAME --code CODE [--pin sha256//BASE64] ...   a one-time enrolment code
         from the bureau instead of the password (cunxiao-server admin DATA_DIR enrol-code)
  enroll --link 'cunxiao://enrol?...'   the text of the bureau's QR code (server, pin, user, code)
  change-pin [--new-pin-stdin] the new PIN from CUNXIAO_NEW_PIN (or the next line of stdin)
  put COLLECTION ID|- [--school CODE] field=value ...   '-' makes a new id and prints it;
                                                        a value is JSON if it parses, else a string
  get COLLECTION ID            the record as JSON, with its sync state
  delete COLLECTION ID
  discard COLLECTION ID        give up the changes the server rejected on a record
  list COLLECTION              JSON Lines
  sync [--json] [--progress]   requests, bytes up/down, pushed, pulled, rejected, conflicts
       [--retries N] [--backoff-ms N] [--page-kb N] [--push-bytes N] [--chunk-kb N]
       [--metered | --unmetered]   the link (default metered): see photos-only-unmetered
  status [--json]              pending count, last sync, cursor
  conflicts [--json]
  resolve COLLECTION ID FIELD --take local|remote|VALUE
  rejected [--json]            records the server refused, with reasons
  attach FILE [--type MIME]    keep a photo; prints {"sha256","size","type"} for a field (sent once a record refers to it)
  attachments [--json]         each attachment: pending, uploading (offset), done, refused (reason)
  fetch-attachment SHA256 [--size N] [--out FILE] [--json] [--progress] [--retries N]
                               download an attachment another device took (resumes after a
                               cut, checks its SHA-256); prints its local path
  photos-only-unmetered on|off hold photo uploads while the link is metered (stored)
  bundle-out FILE [--records-only] [--json]
                               everything this device has to send (and its cursor), sealed for
                               the server, for a USB stick or SD card (docs/bundles.md)
  relay FILE --reply REPLY_FILE [--max-mb N] [--json]
                               deliver someone's bundle over this device's link; writes the reply
  bundle-in REPLY_FILE [--json] apply the server's reply to a bundle made here; prints a receipt
  completeness FORM [--period P] [--grid N] [--as-of DAY] [--json]
                               (bureau) which schools sent a form's return in a period: on time,
                               late, missing, per township and for the county (docs/bureau.md)
  review [--form F] [--period P] [--township T] [--school CODE] [--status submitted|accepted|returned|all] [--json]
                               (bureau) returns waiting for review, with last period's values and
                               the checks that flag them
  statistics FORM [--period P] [--as-of DAY] [--json]
                               (bureau) what the returns add up to: county and township totals,
                               rates recomputed over the totals, choices counted, the trend
  dropouts [--as-of DAY] [--json]
                               (bureau) dropout cases: open, back at school, not visited for
                               30 days, per township; the open cases, longest unvisited first
  devices [--refresh] [--attention] [--stale-days N] [--json]
                               (bureau) the county's devices: last sync, what each has not sent,
                               refused changes, conflicts, free storage (the list a bureau
                               account fetches when it syncs; --refresh asks now)
  accept ID...                 (bureau) accept returns (locks them); sent at the next sync
  return ID --comment TEXT     (bureau) send a return back to its school with a comment
  assignments [--state planned|done|overdue|cancelled|all] [--inspector U] [--township T] [--school CODE] [--as-of DAY] [--json]
                               (bureau) planned inspections: planned, done (an inspection of it
                               was saved), overdue; counts
  assign --school CODE --inspector USER --due DAY --form FORM_ID [--note TEXT]
                               (bureau) plan an inspection; prints its id (--cancel ID, --done ID)
  visit-targets [--school CODE] [--teacher USER] [--as-of DAY] [--json]
                               home-visit targets with the visits done in their period
  progress [--period 2026-12|2026-autumn|2026-2027] [--as-of DAY] [--json]
                               (bureau) inspections and home visits done vs planned in a period
                               (this term by default): county, townships, inspectors, teachers
  visit-target --school CODE --teacher USER --count N [--period P] [--name NAME]
                               (head, bureau) a teacher's home-visit target for a month, term or
                               school year (this month by default)
  forms [--json]               (bureau) the county's forms: version, who they reach, the draft
                               waiting, and how many devices hold which version
  publish-form FILE [--draft]  (bureau) a form definition (.json) or XLSForm (.xlsx) becomes the
                               next version, sent at the next sync (--draft: only keep the draft)
  recover                      salvage a damaged database: keeps unsent changes, moves it aside

The device's data (the database, its photos, its token) is encrypted; every
command but enroll unlocks it with CUNXIAO_DEVICE_PIN, or with CUNXIAO_PASSWORD
(the account password; needed after 5 wrong PINs, then set a new PIN with
change-pin). docs/security.md.

Exit status: 0 ok, 1 failed, 2 usage, 3 network, 4 TLS, 5 authentication,
6 the server rejected changes.
)";
}

int main(int argc, char **argv)
{
    using namespace cx::cli;
    std::string db;
    std::vector<std::string> rest;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--db" && i + 1 < argc)
            db = argv[++i];
        else if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return Ok;
        } else
            rest.emplace_back(a);
    }
    if (db.empty() || rest.empty()) {
        std::fputs(kUsage, stderr);
        return Usage;
    }
    std::string command = rest.front();
    std::vector<std::string> args(rest.begin() + 1, rest.end());
    static const std::map<std::string, int (*)(cx::Engine &, const std::vector<std::string> &)> commands = {
        {"put", cmdPut},
        {"get", cmdGet},
        {"delete", cmdDelete},
        {"discard", cmdDiscard},
        {"list", cmdList},
        {"sync", cmdSync},
        {"status", cmdStatus},
        {"conflicts", cmdConflicts},
        {"resolve", cmdResolve},
        {"rejected", cmdRejected},
        {"attach", cmdAttach},
        {"attachments", cmdAttachments},
        {"fetch-attachment", cmdFetchAttachment},
        {"photos-only-unmetered", cmdPhotosOnlyUnmetered},
        {"bundle-out", cmdBundleOut},
        {"bundle-in", cmdBundleIn},
        {"relay", cmdRelay},
    };
    static const std::map<std::string, int (*)(const std::string &, const std::vector<std::string> &)> keyCommands = {
        {"enroll", cmdEnroll}, {"change-pin", cmdChangePin}, {"recover", cmdRecover}};
    if (auto k = keyCommands.find(command); k != keyCommands.end()) {
        try {
            return k->second(db, args);
        } catch (const cx::Error &e) {
            std::fprintf(stderr, "cunxiao-cli: %s\n", e.what());
            return exitCodeFor(e.kind());
        } catch (const std::exception &e) {
            std::fprintf(stderr, "cunxiao-cli: %s\n", e.what());
            return Failed;
        }
    }
    static const std::map<std::string, int (*)(cx::Engine &, const std::string &, const std::vector<std::string> &)>
        replicaCommands = {{"completeness", cmdCompleteness},
                           {"review", cmdReview},
                           {"statistics", cmdStatistics},
                           {"dropouts", cmdDropouts},
                           {"devices", cmdDevices},
                           {"accept", cmdAccept},
                           {"return", cmdReturn},
                           {"assignments", cmdAssignments},
                           {"assign", cmdAssign},
                           {"visit-targets", cmdVisitTargets},
                           {"progress", cmdProgress},
                           {"visit-target", cmdVisitTarget},
                           {"forms", cmdForms},
                           {"publish-form", cmdPublishForm}};
    auto it = commands.find(command);
    auto rc = replicaCommands.find(command);
    if (it == commands.end() && rc == replicaCommands.end()) {
        std::fprintf(stderr, "cunxiao-cli: unknown command \"%s\" (see --help)\n", command.c_str());
        return Usage;
    }
    try {
        cx::Engine engine(db, unlockDevice(db));
        return it != commands.end() ? it->second(engine, args) : rc->second(engine, db, args);
    } catch (const cx::Error &e) {
        std::string what = e.what();
        if (e.kind() == cx::ErrorKind::Storage && what.find("damaged") != std::string::npos)
            what += "; to recover what can be read: cunxiao-cli --db " + db + " recover";
        std::fprintf(stderr, "cunxiao-cli: %s\n", what.c_str());
        return exitCodeFor(e.kind());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "cunxiao-cli: %s\n", e.what());
        return Failed;
    }
}
