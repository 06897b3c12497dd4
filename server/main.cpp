// cunxiao-server: the command line. Parsing only; the work is in cunxiao_server_core.
#include "admin/Admin.h"
#include "admin/AccountAdmin.h"
#include "admin/AdminTime.h"
#include "admin/AuditLog.h"
#include "admin/DeviceList.h"
#include "admin/Export.h"
#include "auth/DeviceTokens.h"
#include "admin/BundleAdmin.h"
#include "admin/Demo.h"
#include "admin/XlsformAdmin.h"
#include "sync/BundleRoute.h"
#include "auth/Auth.h"
#include "http/ClientAddress.h"
#include "http/HttpServer.h"
#include "protocol/Errors.h"
#include "protocol/Version.h"
#include "qr/GreyPng.h"
#include "storage/PgConnection.h"
#include "storage/PgStore.h"
#include "storage/StorePool.h"
#include "sync/FormsValidator.h"

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <pthread.h>
#include <sys/resource.h>
#include <string>
#include <thread>
#include <vector>

using namespace cx;
using namespace cx::server;

namespace {

const char *kUsage = R"(usage: cunxiao-server COMMAND DATA_DIR|URI ...

  init DATA_DIR|URI
  admin DATA_DIR|URI add-school --id CODE --name NAME [--county NAME] [--township NAME]
  admin DATA_DIR|URI add-user --user NAME --role head|teacher|inspector|bureau --schools CODE[,CODE...] --password-stdin [--admin]
  admin DATA_DIR|URI revoke --user NAME
  admin DATA_DIR|URI enrol-code --user NAME [--days N] [--server URL] [--pin sha256//BASE64 | --tls-cert FILE] [--png FILE]
  admin DATA_DIR|URI revoke-codes --user NAME
  admin DATA_DIR|URI devices [--user NAME] [--json]
  admin DATA_DIR|URI revoke-device --device ID
  admin DATA_DIR|URI audit [--user NAME] [--record COLLECTION/ID] [--since DATE] [--json]
  admin DATA_DIR|URI bundle-in FILE --reply REPLY_FILE [--max-mb N]
  admin DATA_DIR|URI publish-form FILE
  admin DATA_DIR|URI import-xlsform FILE.xlsx [--id ID] [--out FORM.json] [--publish]
  admin DATA_DIR|URI export-xlsform FORM_ID --out FILE.xlsx
  import DATA_DIR|URI --school CODE FILE
  export DATA_DIR|URI COLLECTION [--school CODE] --format jsonl|csv|xlsx [--out FILE]
  export DATA_DIR|URI submissions --form FORM_ID [--school CODE] --format csv|xlsx [--out FILE]
  serve DATA_DIR|URI --listen HOST:PORT [--tls-cert FILE --tls-key FILE] [--token-days N]
  demo DATA_DIR|URI [--schools N] [--pupils N] [--forms DIR]

DATA_DIR: a county's embedded SQLite store (DATA_DIR/cunxiao.db, DATA_DIR/attachments).
URI: a province's PostgreSQL database, postgresql://USER[:PASSWORD]@HOST[:PORT]/DB, that
holds everything, attachments included, so any number of `serve` instances can share it.

Two shapes:
  One county, SQLite (the embedded default): one process,
    cunxiao-server serve DATA_DIR --listen 0.0.0.0:8443 --tls-cert FILE --tls-key FILE
  A province, PostgreSQL: `cunxiao-server init postgresql://...` once, then N identical
    instances, `cunxiao-server serve postgresql://... --listen 127.0.0.1:PORT --trusted-proxy 127.0.0.1`,
    one systemd unit each (packaging/server/cunxiao-server@.service), behind HAProxy
    (packaging/server/haproxy-cunxiao.cfg) or nginx (packaging/server/nginx-cunxiao.conf).
    See docs/server.md "A province: N instances behind HAProxy".
Run "cunxiao-server COMMAND --help" for one command. See docs/server.md.
)";

const std::map<std::string, std::string> kHelp = {
    {"init", "usage: cunxiao-server init DATA_DIR|URI\n"
             "Creates DATA_DIR (if needed) and its database DATA_DIR/cunxiao.db at the newest schema.\n"
             "On an existing data directory it only applies pending schema migrations.\n"
             "URI (postgresql://USER:PASSWORD@HOST:PORT/DB): creates the tables in that existing, empty\n"
             "database (or applies pending migrations); several instances may run it at once.\n"},
    {"add-school", "usage: cunxiao-server admin DATA_DIR|URI add-school --id CODE --name NAME [--county NAME] [--township NAME]\n"
                   "Adds a school (or renames it). CODE: 1-32 of A-Z a-z 0-9 _ -, e.g. the official code 530128101.\n"
                   "Also writes the school's record in collection \"schools\" (with its township if given).\n"},
    {"enrol-code", "usage: cunxiao-server admin DATA_DIR|URI enrol-code --user NAME [--days N] [--server URL]\n"
                   "                                       [--pin sha256//BASE64 | --tls-cert FILE] [--png FILE]\n"
                   "Issues a one-time enrolment code for the account (16 characters, shown grouped; valid N days,\n"
                   "default 7, at most 30) and prints it with the text of its QR code (cunxiao://enrol?server=...&pin=...\n"
                   "&user=...&code=...; never a password). --tls-cert: the pin is that certificate's public key. The code\n"
                   "enrols one phone (cunxiao-cli enroll --server URL --user NAME --code CODE, or the app's QR scan);\n"
                   "only its hash is stored. --png FILE (with --server): the QR code as a PNG to print or send. Audited.\n"},
    {"revoke-codes", "usage: cunxiao-server admin DATA_DIR|URI revoke-codes --user NAME\n"
                     "Withdraws the account's unused enrolment codes. Audited.\n"},
    {"add-user", "usage: cunxiao-server admin DATA_DIR|URI add-user --user NAME --role head|teacher|inspector|bureau\n"
                 "                                     --schools CODE[,CODE...] --password-stdin\n"
                 "Adds an account or replaces its role, schools and password. The password is the first line\n"
                 "of standard input (at least 6 characters); only its scrypt hash is stored.\n"
                 "head and teacher: exactly one school; inspector: the schools assigned; bureau: all schools\n"
                 "(--schools may be omitted). --admin (bureau only): a bureau administrator, who manages accounts and\n"
                 "schools from the app (POST /v1/admin); without it an existing account keeps what it had.\n"},
    {"revoke", "usage: cunxiao-server admin DATA_DIR|URI revoke --user NAME\n"
               "Revokes the account and every device enrolled with it, and orders those devices to wipe: their\n"
               "next request gets 401 \"device-revoked\" with \"wipe\": true and they erase their data. The account\n"
               "cannot enroll again (add-user refuses it). Audited.\n"},
    {"revoke-device", "usage: cunxiao-server admin DATA_DIR|URI revoke-device --device ID\n"
                      "Revokes one device (a lost phone; the account keeps its other devices) and orders it to wipe:\n"
                      "its next request gets 401 \"device-revoked\" with \"wipe\": true. IDs: see `devices`. Audited.\n"},
    {"devices", "usage: cunxiao-server admin DATA_DIR|URI devices [--user NAME] [--json]\n"
                "Lists enrolled devices (all, or one account's): user, device id, name, app version, created, last\n"
                "seen, last source address, state (active; revoked, wipe ordered; revoked, wiped) and when its token\n"
                "expires. Times are local. --json: a JSON array (times in ms since the epoch).\n"},
    {"audit", "usage: cunxiao-server admin DATA_DIR|URI audit [--user NAME] [--record COLLECTION/ID] [--since DATE] [--json]\n"
              "Reads the audit, oldest first: record writes (who changed which fields, from which device), sign-ins\n"
              "(success and failure, source address), accounts created and changed (role, schools), revocations,\n"
              "wipe orders and their delivery, token rotations, schools, form publications and exports.\n"
              "--user: what NAME did and what concerns NAME; --record: one record's history; --since: from DATE\n"
              "(YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time). --json: one JSON object per line. The audit is\n"
              "append-only: the database refuses to change or delete its rows.\n"},
    {"bundle-in", "usage: cunxiao-server admin DATA_DIR|URI bundle-in FILE --reply REPLY_FILE [--max-mb N]\n"
                  "Applies a device's bundle brought on a USB stick or SD card exactly as a sync, and writes the\n"
                  "reply bundle (acknowledgements and the records the device lacks, at most N MB, default 4),\n"
                  "sealed for that device only. A bundle delivered twice applies once (docs/bundles.md).\n"},
    {"publish-form", "usage: cunxiao-server admin DATA_DIR|URI publish-form FILE\n"
                     "Publishes a form definition (JSON object with \"id\") as record forms/<id>, scope \"*\",\n"
                     "fields {definition, version, title}. Every device receives it on its next sync.\n"},
    {"import-xlsform",
     "usage: cunxiao-server admin DATA_DIR|URI import-xlsform FILE.xlsx [--id ID] [--out FORM.json] [--publish]\n"
     "Converts an XLSForm workbook (.xlsx: sheets survey, choices, settings) into a form definition.\n"
     "Without --out and --publish it prints the JSON; --out writes it to FORM.json; --publish publishes\n"
     "it as publish-form does (the next version unless settings gives one). The id is --id, else\n"
     "settings form_id, else the file name. Every row Cunxiao cannot express is reported (sheet, row,\n"
     "column, in Chinese and English) and nothing is written. Old .xls files: save them as .xlsx.\n"
     "What maps to what: docs/forms.md, \"Forms from Excel (XLSForm)\".\n"},
    {"export-xlsform", "usage: cunxiao-server admin DATA_DIR|URI export-xlsform FORM_ID --out FILE.xlsx\n"
                       "Writes the published form FORM_ID as an XLSForm workbook, which import-xlsform reads back into\n"
                       "the same definition (Cunxiao's extra columns: docs/forms.md, \"Forms from Excel (XLSForm)\").\n"},
    {"import", "usage: cunxiao-server import DATA_DIR|URI --school CODE FILE\n"
               "Imports JSON Lines, one record per line: {\"collection\":\"pupils\",\"id\":\"...\",\"fields\":{...}}\n"
               "(a line without \"id\" gets a new UUIDv7). Every line is checked first; bad lines are reported\n"
               "as FILE:LINE: reason and then nothing is imported. Otherwise one transaction. FILE - reads stdin.\n"},
    {"export", "usage: cunxiao-server export DATA_DIR|URI COLLECTION [--school CODE] --format jsonl|csv|xlsx [--out FILE]\n"
               "       cunxiao-server export DATA_DIR|URI submissions --form FORM_ID [--school CODE] --format csv|xlsx\n"
               "                                   [--out FILE]\n"
               "Writes the live records of COLLECTION to standard output, or to FILE with --out. jsonl:\n"
               "{collection,id,school,fields} per line; csv: UTF-8, a header of id, school and the union of field\n"
               "names, RFC 4180 quoting; xlsx: the same table as one sheet (an .xlsx file to standard output when\n"
               "there is no --out). CSV text cells starting with = + - @ tab or CR get a leading '; XLSX text is\n"
               "always a string cell, never a formula.\n"
               "--form FORM_ID (collection submissions): one row per submission of that form (drafts left out):\n"
               "id, school, school name, status, period (a form with one), updated at, form version, corrects,\n"
               "then one column per answer in form order headed by its Chinese label (xlsx: English in row 2);\n"
               "options as their labels, signatures as \"已签\", photos as their file (SHA-256). Repeats: xlsx one\n"
               "sheet per repeat (submission id, school, row number, its fields); csv FILE.REPEAT.csv beside\n"
               "--out FILE (not written to standard output).\n"
               "Read page by page in one snapshot; xlsx in libxlsxwriter's constant-memory mode, so a 200,000-row\n"
               "export does not hold the table in memory. Every export is audited (who, what, format, rows).\n"},
    {"serve", "usage: cunxiao-server serve DATA_DIR|URI --listen HOST:PORT [--tls-cert FILE --tls-key FILE]\n"
              "           [--workers N] [--auth-workers N] [--io-threads N] [--queue-depth N] [--max-connections N]\n"
              "           [--header-timeout S] [--idle-timeout S] [--request-timeout S] [--min-body-rate B]\n"
              "           [--min-send-rate B] [--max-request-mb N] [--trusted-proxy ADDR[,ADDR]]\n"
              "           [--max-attachment-mb N] [--part-max-age-days N] [--token-days N] [--prefix-cache-mb N]\n"
              "Serves the sync protocol (POST /v1/enroll, POST /v1/sync, GET /v1/health, attachments). HTTPS\n"
              "(TLS 1.2 or newer) with both --tls-cert and --tls-key (PEM), else plain HTTP (clients accept it\n"
              "only on loopback). PORT 0 picks a free port. Prints \"cunxiao-server listening on URL\" once bound.\n"
              "Stops cleanly on SIGTERM or SIGINT. One log line per request on stderr.\n"
              "Connections (docs/server.md \"Connections\"): --io-threads run every socket (default 1, 2 on 4+ cores);\n"
              "--workers run syncs and attachments (default: the cores; --threads is the same); --auth-workers run\n"
              "sign-in (default 1, 2 on 4+ cores); --queue-depth requests wait per pool before 503 + Retry-After\n"
              "(default 64 per worker); --max-connections open at once (default 10000; more are closed at once).\n"
              "Deadlines: headers (and a new connection's TLS handshake) within --header-timeout (default 20 s);\n"
              "a keep-alive connection idle --idle-timeout (default 60 s) is closed; a request's body at least\n"
              "--min-body-rate bytes/s (default 500) after 10 s, the whole request within --request-timeout\n"
              "(default 600 s); replies at least --min-send-rate bytes/s (default 500) after 10 s.\n"
              "Limits: sync bodies --max-request-mb (default 64, on the wire and inflated), sign-in 4 KiB, upload\n"
              "chunks 1 MiB + 64 KiB, headers 8 KiB. --trusted-proxy: from these peers the source address is the\n"
              "last X-Forwarded-For hop.\n"
              "Unfinished attachment uploads untouched for N days (default 30) are removed at start and daily.\n"
              "Device tokens expire after --token-days (default 90) without use; any request a day or more after\n"
              "the last renewal renews it, so a device that syncs within that time never notices.\n"
              "--prefix-cache-mb (default 64): memory for the pages and pushes kept as zstd prefixes (wire\n"
              "encoding 3, docs/protocol.md); 0 turns prefix compression off.\n"
              "Attachments: DATA_DIR/attachments, or with a URI in the database (no local files at all), so\n"
              "several instances behind one load balancer share everything through PostgreSQL.\n"
              "Shapes (docs/server.md):\n"
              "  One county on SQLite (the embedded default): one process on DATA_DIR,\n"
              "    cunxiao-server serve DATA_DIR --listen 0.0.0.0:8443 --tls-cert FILE --tls-key FILE\n"
              "  A province on PostgreSQL: N identical instances on one database behind HAProxy or nginx\n"
              "  (no sticky sessions; health check GET /v1/health), one systemd unit per instance:\n"
              "    cunxiao-server serve postgresql://USER:PASSWORD@HOST/DB --listen 127.0.0.1:8781 \\\n"
              "        --trusted-proxy 127.0.0.1\n"
              "    examples: packaging/server/cunxiao-server@.service (systemctl enable --now\n"
              "    cunxiao-server@8781 cunxiao-server@8782), packaging/server/haproxy-cunxiao.cfg,\n"
              "    packaging/server/nginx-cunxiao.conf (installed under /usr/share/doc/cunxiao-server/examples/);\n"
              "    docs/server.md \"A province: N instances behind HAProxy\".\n"},
    {"demo",
     "usage: cunxiao-server demo DATA_DIR|URI [--schools N] [--pupils N] [--forms DIR]\n"
     "Initialises DATA_DIR (or the database URI) if needed and generates a demo county: N schools (default 20) in up to three\n"
     "townships, accounts of every role with known passwords (printed), N pupils per school (default 120),\n"
     "teachers, the form definitions in DIR (default: the source tree's forms/county) published, and two\n"
     "school years of enrolment returns (some late, some missing, some returned) for the bureau's pages.\n"},
};

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::vector<std::string> flags;

    bool has(const std::string &flag) const
    {
        return std::find(flags.begin(), flags.end(), flag) != flags.end() || options.count(flag);
    }
    std::string opt(const std::string &name, const std::string &def = {}) const
    {
        auto it = options.find(name);
        return it == options.end() ? def : it->second;
    }
    std::string need(const std::string &name) const
    {
        auto it = options.find(name);
        if (it == options.end() || it->second.empty())
            throw Error(ErrorKind::Invalid, "missing " + name);
        return it->second;
    }
};

const std::vector<std::string> kFlags = {"--help", "-h", "--password-stdin", "--publish", "--json", "--admin"};

Args parse(int argc, char **argv, int from, const std::vector<std::string> &known)
{
    Args a;
    for (int i = from; i < argc; ++i) {
        std::string s = argv[i];
        if (s.size() > 1 && s[0] == '-' && s != "-") {
            if (std::find(kFlags.begin(), kFlags.end(), s) != kFlags.end()) {
                a.flags.push_back(s);
                continue;
            }
            std::string value;
            if (auto eq = s.find('='); eq != std::string::npos) {
                value = s.substr(eq + 1);
                s = s.substr(0, eq);
            } else {
                if (i + 1 >= argc)
                    throw Error(ErrorKind::Invalid, s + " needs a value");
                value = argv[++i];
            }
            if (std::find(known.begin(), known.end(), s) == known.end())
                throw Error(ErrorKind::Invalid, "unknown option " + s);
            a.options[s] = value;
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

void expectPositional(const Args &a, size_t n, const char *what)
{
    if (a.positional.size() != n)
        throw Error(ErrorKind::Invalid, std::string("expected ") + what);
}

int toInt(const std::string &s, const std::string &name)
{
    try {
        size_t used = 0;
        int v = std::stoi(s, &used);
        if (used == s.size() && v >= 0)
            return v;
    } catch (...) {
    }
    throw Error(ErrorKind::Invalid, name + " must be a non-negative number, not \"" + s + "\"");
}

int cmdInit(const Args &a)
{
    expectPositional(a, 1, "DATA_DIR or URI");
    if (isPostgresUri(a.positional[0])) {
        auto store = initDataDir(a.positional[0]);
        std::cout << "PostgreSQL database " << pgDescribe(a.positional[0]) << " is up to date (schema " << store->schemaVersion()
                  << ")\n";
        return 0;
    }
    bool existed = std::filesystem::exists(databasePath(a.positional[0]));
    auto store = initDataDir(a.positional[0]);
    std::cout << (existed ? "data directory " : "initialised ") << a.positional[0] << (existed ? " is up to date" : "")
              << " (schema " << store->schemaVersion() << ")\n";
    return 0;
}

int cmdAdmin(int argc, char **argv)
{
    // admin DATA_DIR|URI SUBCOMMAND ...
    if (argc < 4 || std::string(argv[2]).rfind('-', 0) == 0) {
        if (argc >= 3 && (std::string(argv[2]) == "--help" || std::string(argv[2]) == "-h")) {
            for (auto k : {"add-school", "add-user", "revoke", "enrol-code", "revoke-codes", "revoke-device", "devices", "audit",
                           "bundle-in", "publish-form", "import-xlsform", "export-xlsform"})
                std::cout << kHelp.at(k) << '\n';
            return 0;
        }
        throw Error(ErrorKind::Invalid, "usage: cunxiao-server admin DATA_DIR|URI "
                                        "add-school|add-user|revoke|enrol-code|revoke-codes|revoke-device|devices|audit|publish-"
                                        "form|import-xlsform|export-xlsform ...");
    }
    const std::string dir = argv[2];
    const std::string sub = argv[3];
    if (!kHelp.count(sub) || sub == "init" || sub == "import" || sub == "export" || sub == "serve" || sub == "demo")
        throw Error(ErrorKind::Invalid, "unknown admin command \"" + sub +
                                            "\" (add-school, add-user, revoke, enrol-code, revoke-codes, revoke-device, devices, "
                                            "audit, publish-form, import-xlsform, export-xlsform)");
    Args a = parse(argc, argv, 4,
                   {"--id", "--name", "--county", "--user", "--role", "--schools", "--out", "--reply", "--max-mb", "--device",
                    "--record", "--since", "--township", "--days", "--server", "--pin", "--tls-cert", "--png"});
    if (a.has("--help") || a.has("-h")) {
        std::cout << kHelp.at(sub);
        return 0;
    }
    auto store = openDataDir(dir);
    if (sub == "add-school") {
        expectPositional(a, 0, "no arguments besides the options");
        addSchool(*store, a.need("--id"), a.need("--name"), a.opt("--county"), wallClockMs(), commandActor(),
                  a.opt("--township"));
        std::cout << "school " << a.need("--id") << " " << a.need("--name") << " added\n";
    } else if (sub == "add-user") {
        expectPositional(a, 0, "no arguments besides the options");
        if (!a.has("--password-stdin"))
            throw Error(ErrorKind::Invalid, "missing --password-stdin (the password is read from standard input)");
        std::string pw;
        if (!std::getline(std::cin, pw))
            throw Error(ErrorKind::Invalid, "no password on standard input");
        if (!pw.empty() && pw.back() == '\r')
            pw.pop_back();
        std::string role = a.need("--role");
        std::vector<std::string> schools = splitList(a.opt("--schools"));
        Transaction tx(*store);
        addUser(*store, a.need("--user"), role, schools, pw, commandActor(), wallClockMs());
        if (a.has("--admin"))
            setAdmin(*store, a.need("--user"), true, commandActor(), wallClockMs());
        tx.commit();
        std::cout << "account " << a.need("--user") << " (" << role << ") saved\n";
    } else if (sub == "revoke") {
        expectPositional(a, 0, "no arguments besides --user");
        Transaction tx(*store);
        int n = revokeUser(*store, a.need("--user"), commandActor(), wallClockMs());
        tx.commit();
        std::cout << "account " << a.need("--user") << " revoked with " << n
                  << " device(s); each is told to wipe its data at its next contact\n";
    } else if (sub == "enrol-code") {
        expectPositional(a, 0, "no arguments besides the options");
        if (a.has("--pin") && a.has("--tls-cert"))
            throw Error(ErrorKind::Invalid, "give --pin or --tls-cert, not both");
        const std::string pin = a.has("--tls-cert") ? certificatePin(a.need("--tls-cert")) : a.opt("--pin");
        const int days = a.has("--days") ? toInt(a.need("--days"), "--days") : kDefaultEnrolCodeDays;
        if (a.has("--png") && !a.has("--server")) // refused before a code is issued
            throw Error(ErrorKind::Invalid, "--png draws the QR code of the link, which needs --server URL");
        IssuedEnrolCode c = issueEnrolCode(*store, a.need("--user"), days, commandActor(), wallClockMs());
        std::cout << "enrolment code for " << c.user << ": " << c.code << " (valid until " << formatLocalTime(c.expires)
                  << ", one phone)\n";
        if (a.has("--server")) {
            const std::string text = enrolQrText(a.need("--server"), pin, c);
            std::cout << "QR text: " << text << "\n";
            if (a.has("--png")) {
                writeGreyPng(encodeQr(text, 8), a.need("--png"));
                std::cout << "QR code saved to " << a.need("--png") << "\n";
            }
        }
    } else if (sub == "revoke-codes") {
        expectPositional(a, 0, "no arguments besides --user");
        const int n = revokeEnrolCodes(*store, a.need("--user"), commandActor(), wallClockMs());
        std::cout << n << " unused enrolment code(s) of " << a.need("--user") << " withdrawn\n";
    } else if (sub == "revoke-device") {
        expectPositional(a, 0, "no arguments besides --device");
        const std::string id = a.need("--device");
        if (revokeOneDevice(*store, id, commandActor(), wallClockMs()))
            std::cout << "device " << id << " revoked; it is told to wipe its data at its next contact\n";
        else
            std::cout << "device " << id << " was already revoked (and told to wipe)\n";
    } else if (sub == "devices") {
        expectPositional(a, 0, "no arguments besides --user and --json");
        listDevices(*store, a.opt("--user"), a.has("--json"), std::cout, wallClockMs());
    } else if (sub == "audit") {
        expectPositional(a, 0, "no arguments besides --user, --record, --since and --json");
        const int64_t since = a.options.count("--since") ? parseLocalTime(a.opt("--since"), "--since") : 0;
        AuditFilter f = auditFilter(a.opt("--user"), a.opt("--record"), since);
        writeAudit(readAudit(*store, f), std::cout, a.has("--json"));
    } else if (sub == "bundle-in") {
        expectPositional(a, 1, "FILE (the bundle)");
        uint64_t maxMb = a.options.count("--max-mb") ? uint64_t(std::max(1, toInt(a.opt("--max-mb"), "--max-mb"))) : 4;
        bundleInCommand(*store, dir, a.positional[0], a.need("--reply"), maxMb * 1024 * 1024, std::cout, wallClockMs());
    } else if (sub == "publish-form") {
        expectPositional(a, 1, "FILE");
        std::ifstream f(a.positional[0]);
        if (!f)
            throw Error(ErrorKind::Invalid, "cannot read " + a.positional[0]);
        Json def;
        try {
            def = Json::parse(f);
        } catch (const Json::parse_error &e) {
            throw Error(ErrorKind::Invalid, a.positional[0] + ": not valid JSON (at byte " + std::to_string(e.byte) + ")");
        }
        int64_t v = publishForm(*store, def, wallClockMs(), commandActor());
        std::cout << "form " << def.value("id", "") << " published, version " << v << "\n";
    } else if (sub == "import-xlsform") {
        expectPositional(a, 1, "FILE.xlsx");
        XlsformImport x{a.positional[0], a.opt("--id"), a.opt("--out"), a.has("--publish")};
        importXlsformCommand(*store, x, std::cout, std::cerr, wallClockMs());
        if (!x.outFile.empty())
            std::cerr << "wrote " << x.outFile << "\n";
    } else if (sub == "export-xlsform") {
        expectPositional(a, 1, "FORM_ID");
        exportXlsformCommand(*store, a.positional[0], a.need("--out"));
        std::cout << "form " << a.positional[0] << " written to " << a.need("--out") << "\n";
    }
    return 0;
}

int cmdImport(const Args &a)
{
    expectPositional(a, 2, "DATA_DIR (or URI) and FILE");
    auto store = openDataDir(a.positional[0]);
    const std::string file = a.positional[1];
    const std::string school = a.need("--school");
    ImportResult r;
    auto t0 = std::chrono::steady_clock::now();
    if (file == "-") {
        r = importJsonLines(*store, school, std::cin, "<stdin>", wallClockMs());
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            throw Error(ErrorKind::Invalid, "cannot read " + file);
        r = importJsonLines(*store, school, in, file, wallClockMs());
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "imported " << r.lines << " record(s) into school " << school << " (" << r.changed << " changed) in " << ms
              << " ms\n";
    return 0;
}

int cmdExport(const Args &a)
{
    expectPositional(a, 2, "DATA_DIR (or URI) and COLLECTION");
    std::string format = a.need("--format");
    ExportRequest req;
    if (format == "jsonl")
        req.format = ExportFormat::JsonLines;
    else if (format == "csv")
        req.format = ExportFormat::Csv;
    else if (format == "xlsx")
        req.format = ExportFormat::Xlsx;
    else
        throw Error(ErrorKind::Invalid, "--format must be jsonl, csv or xlsx, not \"" + format + "\"");
    req.collection = a.positional[1];
    if (a.options.count("--school"))
        req.school = a.need("--school");
    if (a.options.count("--form"))
        req.form = a.need("--form");
    if (a.options.count("--out"))
        req.outFile = a.need("--out");
    req.actor = commandActor();
    req.nowMs = wallClockMs();
    auto store = openDataDir(a.positional[0]);
    // A second connection writes the audit while the export's read snapshot
    // stays open, so the rows audited are the rows written.
    auto auditStore = openDataDir(a.positional[0]);
    req.auditStore = auditStore.get();
    ExportResult r = exportData(*store, req, std::cout);
    std::cout.flush();
    for (const auto &n : r.notes)
        std::cerr << "cunxiao-server: " << n << "\n";
    if (!req.outFile.empty()) {
        std::cerr << "exported " << r.rows << " row(s) to";
        for (const auto &f : r.files)
            std::cerr << " " << f;
        std::cerr << "\n";
    }
    return std::cout ? 0 : 1;
}

// Every open connection is a file descriptor: take the hard limit (often
// 1024 soft, 1048576 hard on Debian) so that thousands of village phones fit.
void raiseOpenFileLimit()
{
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &lim) != 0)
            std::fprintf(stderr, "cunxiao-server: cannot raise the open file limit: %s\n", std::strerror(errno));
    }
}

int cmdServe(const Args &a)
{
    expectPositional(a, 1, "DATA_DIR or URI");
    auto store = openDataDir(a.positional[0]);
    std::string listen = a.need("--listen");
    HttpOptions opt;
    auto colon = listen.rfind(':');
    if (colon == std::string::npos)
        throw Error(ErrorKind::Invalid, "--listen wants HOST:PORT, e.g. 127.0.0.1:8443");
    opt.host = listen.substr(0, colon);
    if (opt.host.size() > 1 && opt.host.front() == '[' && opt.host.back() == ']')
        opt.host = opt.host.substr(1, opt.host.size() - 2);
    opt.port = toInt(listen.substr(colon + 1), "--listen PORT");
    if (opt.port > 65535)
        throw Error(ErrorKind::Invalid, "--listen PORT must be 0-65535");
    opt.tlsCert = a.opt("--tls-cert");
    opt.tlsKey = a.opt("--tls-key");
    // Connections (docs/server.md "Connections"): pools, deadlines, limits.
    auto positive = [&](const char *name, int &to) {
        if (a.options.count(name))
            to = std::max(1, toInt(a.opt(name), name));
    };
    positive("--threads", opt.threads);
    positive("--workers", opt.threads);
    positive("--auth-workers", opt.authThreads);
    positive("--io-threads", opt.ioThreads);
    positive("--queue-depth", opt.queueDepth);
    positive("--max-connections", opt.maxConnections);
    positive("--header-timeout", opt.headerTimeoutSec);
    positive("--idle-timeout", opt.idleTimeoutSec);
    positive("--request-timeout", opt.requestTimeoutSec);
    positive("--min-body-rate", opt.minBodyRate);
    positive("--min-send-rate", opt.minSendRate);
    if (a.options.count("--max-request-mb"))
        opt.maxRequestBytes = size_t(std::max(1, toInt(a.opt("--max-request-mb"), "--max-request-mb"))) * 1024 * 1024;
    if (a.options.count("--trusted-proxy"))
        opt.trustedProxies = parseProxyList(a.opt("--trusted-proxy"));
    raiseOpenFileLimit();
    // Attachments (docs/village.md): DATA_DIR/attachments, or with a URI the
    // database itself (AttachmentStore picks PgBlobStore; no folder is made).
    // Limit per file in MB (default 10).
    opt.attachmentsDir =
        isPostgresUri(a.positional[0]) ? a.positional[0] : (std::filesystem::path(a.positional[0]) / "attachments").string();
    if (a.options.count("--max-attachment-mb"))
        opt.maxAttachmentBytes = uint64_t(toInt(a.opt("--max-attachment-mb"), "--max-attachment-mb")) * 1024 * 1024;
    if (a.options.count("--part-max-age-days"))
        opt.partMaxAgeDays = std::max(1, toInt(a.opt("--part-max-age-days"), "--part-max-age-days"));
    if (a.options.count("--prefix-cache-mb")) {
        const int mb = toInt(a.opt("--prefix-cache-mb"), "--prefix-cache-mb");
        if (mb < 0 || mb > 65536)
            throw Error(ErrorKind::Invalid, "--prefix-cache-mb must be 0-65536 (MiB of bodies kept as prefixes; 0: none)");
        opt.prefixCacheBytes = size_t(mb) * 1024 * 1024;
    }
    if (a.options.count("--token-days")) {
        opt.tokenDays = toInt(a.opt("--token-days"), "--token-days");
        if (opt.tokenDays < 1 || opt.tokenDays > 3650)
            throw Error(ErrorKind::Invalid, "--token-days must be 1-3650 (days a device token lives without use)");
    }

    // Signals are taken by one thread that stops the server.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    // One connection per worker thread, opened on first use; `store` (opened
    // above, migrations applied) proves the location works before we bind.
    const std::string location = a.positional[0];
    const int workers = opt.threads > 0 ? opt.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    StorePool stores([location] { return openDataDir(location); }, size_t(workers + std::max(opt.authThreads, 2)) * 2);
    bundleKeys(*store); // made once per store, before several instances could race to make it (docs/bundles.md)
    store.reset();
    FormsValidator validator;
    HttpServer server(stores, validator, opt);
    server.bind();
    std::cout << "cunxiao-server listening on " << server.url() << std::endl;
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&set, &sig);
        std::fprintf(stderr, "cunxiao-server: %s, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
        server.stop();
    });
    bool ok = server.run();
    // NOLINTNEXTLINE(bugprone-bad-signal-to-kill-thread): SIGTERM is blocked and sigwait()ed by the waiter, not a kill
    pthread_kill(waiter.native_handle(), SIGTERM); // wakes the waiter if run() ended by itself
    waiter.join();
    return ok ? 0 : 1;
}

std::string defaultFormsDir(const char *argv0)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::canonical("/proc/self/exe", ec);
    if (!ec) {
        fs::path shared = exe.parent_path().parent_path() / "share" / "cunxiao" / "forms" / "county";
        if (fs::is_directory(shared))
            return shared.string();
    }
#ifdef CUNXIAO_SOURCE_DIR
    fs::path src = fs::path(CUNXIAO_SOURCE_DIR) / "forms" / "county";
    if (fs::is_directory(src))
        return src.string();
#endif
    (void)argv0;
    return {};
}

int cmdDemo(const Args &a, const char *argv0)
{
    expectPositional(a, 1, "DATA_DIR or URI");
    DemoOptions opt;
    if (a.options.count("--schools"))
        opt.schools = toInt(a.opt("--schools"), "--schools");
    if (a.options.count("--pupils"))
        opt.pupils = toInt(a.opt("--pupils"), "--pupils");
    if (opt.schools < 1 || opt.schools > 200)
        throw Error(ErrorKind::Invalid, "--schools must be 1-200");
    opt.formsDir = a.options.count("--forms") ? a.opt("--forms") : defaultFormsDir(argv0);
    if (a.options.count("--forms") && !std::filesystem::is_directory(opt.formsDir))
        throw Error(ErrorKind::Invalid, "--forms " + opt.formsDir + " is not a directory");
    auto store = initDataDir(a.positional[0]);
    generateDemo(*store, opt, wallClockMs(), std::cout);
    return 0;
}

int run(int argc, char **argv)
{
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" || std::string(argv[1]) == "help") {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string cmd = argv[1];
    if (cmd == "admin")
        return cmdAdmin(argc, argv);
    static const std::map<std::string, std::vector<std::string>> known = {
        {"init", {}},
        {"import", {"--school"}},
        {"export", {"--school", "--format", "--form", "--out"}},
        {"serve", {"--listen",        "--tls-cert",          "--tls-key",
                   "--threads",       "--max-attachment-mb", "--part-max-age-days",
                   "--workers",       "--auth-workers",      "--io-threads",
                   "--queue-depth",   "--max-connections",   "--header-timeout",
                   "--idle-timeout",  "--request-timeout",   "--min-body-rate",
                   "--min-send-rate", "--max-request-mb",    "--trusted-proxy",
                   "--token-days",    "--prefix-cache-mb"}},
        {"demo", {"--schools", "--pupils", "--forms"}},
    };
    auto k = known.find(cmd);
    if (k == known.end())
        throw Error(ErrorKind::Invalid, "unknown command \"" + cmd + "\" (run cunxiao-server --help)");
    Args a = parse(argc, argv, 2, k->second);
    if (a.has("--help") || a.has("-h")) {
        std::cout << kHelp.at(cmd);
        return 0;
    }
    if (cmd == "init")
        return cmdInit(a);
    if (cmd == "import")
        return cmdImport(a);
    if (cmd == "export")
        return cmdExport(a);
    if (cmd == "serve")
        return cmdServe(a);
    return cmdDemo(a, argv[0]);
}

} // namespace

int main(int argc, char **argv)
{
    try {
        return run(argc, argv);
    } catch (const cx::Error &e) {
        std::cerr << "cunxiao-server: " << e.what() << std::endl;
        return 1;
    } catch (const std::exception &e) {
        std::cerr << "cunxiao-server: " << e.what() << std::endl;
        return 1;
    }
}
