#pragma once
// The wire messages. One POST /v1/sync per cycle carries the device's unsent
// mutations and its cursor; the reply acknowledges them and returns a page of
// changes. Bodies are JSON compressed with zstd. See docs/protocol.md.
#include "protocol/Json.h"
#include "protocol/Record.h"
#include "protocol/Version.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cx {

// Bumped on any incompatible change; both sides name both numbers on mismatch.
inline constexpr int kProtocolVersion = 1;
inline constexpr const char *kContentType = "application/json";
inline constexpr const char *kContentEncoding = "zstd";
// Wire encodings within protocol 1 (docs/protocol.md "Wire encoding"): 1, the
// first; 2, compact record states (RecordState::toJson(true)) and lean push
// acknowledgements (SyncResponse::acks); 3, prefix compression: a page or a
// push compressed with the previous body of the same sync as zstd prefix
// (SyncRequest::prev, SyncResponse::kept, compressWithPrefix). A device names
// the highest it reads in the request's "enc"; the server answers in the lower
// of that and its own. An old device sends none (1); an old server ignores it
// and answers in 1. 4: push acknowledgements in runs ([n, seq, count]) and
// compact mutations (SyncRequest::compact), sent to a server known to read 4.
inline constexpr int kWireEncoding = 4;
// The most push acknowledgements one reply may stand for (runs expanded): a
// reply cannot make a device allocate more than this.
inline constexpr size_t kMaxAcks = size_t(1) << 20;
// The error kind of a push compressed with a prefix the server no longer holds
// (restarted, another instance behind the balancer): nothing was applied; the
// device resends the same body without a prefix (docs/protocol.md).
inline constexpr const char *kErrorPrefixUnknown = "prefix-unknown";

enum class Op { Put, Delete, Resolve };
const char *opName(Op op);

// One local change, identified by (device, n). `base` holds, for each field it
// writes, the version the device had seen (null: the device saw no value), so
// the server can tell a sequential edit from a concurrent one.
struct Mutation {
    uint64_t n = 0;
    std::string collection;
    std::string id;
    std::string school;
    Op op = Op::Put;
    Json fields = Json::object();
    std::map<std::string, std::optional<Version>> base;
    Version version;
    std::vector<Version> settles; // Resolve: the conflict versions this settles

    Json toJson() const;
    static Mutation fromJson(const Json &j, const std::string &path = "mutation");
    // Wire encoding 4's compact form, written after `prev` (the mutation before
    // it in the request; null for the first): "n" left out when it is prev's
    // n + 1, "op" when put, "base" when empty, and the version as "dv", the
    // difference of its clock to prev's (left out when 1), when both have the
    // same node and it is later; the full "v" otherwise (docs/protocol.md).
    Json toCompactJson(const Mutation *prev) const;
    static Mutation fromCompactJson(const Json &j, const Mutation *prev, const std::string &path);
};

struct Rejection {
    uint64_t n = 0;
    std::string reason;
    Json fieldReasons = Json::object(); // field -> reason, for form checks

    Json toJson() const;
    static Rejection fromJson(const Json &j, const std::string &path);
};

using Cursor = std::map<std::string, uint64_t>; // school -> last seq seen

inline constexpr size_t kMaxHealthForms = 500; // health.forms entries a server keeps

struct SyncRequest {
    int protocol = kProtocolVersion;
    std::string device;
    Cursor cursor;
    std::vector<Mutation> mutations;
    uint64_t pageBytes = 48 * 1024; // the most change bytes (uncompressed) wanted back
    int enc = 1;                    // the highest wire encoding the device reads ("enc"; absent: 1)
    // Encoding 3: the prefixName of the last reply body (uncompressed) of this
    // sync, which the device holds: the server may compress this reply with it
    // if it still holds it too. "": none ("prev" absent).
    std::string prev;
    // Encoding 4: the mutations in their compact form (Mutation::toCompactJson,
    // "compact": true). Set only for a server known to read encoding 4: an
    // older one refuses the request (400), and the device sends it again whole.
    bool compact = false;
    // Optional: what the server cannot see of the device, sent with the first
    // request of a sync for the bureau's device health page (docs/protocol.md
    // "Device health"): pending, pending_photos, rejected, conflicts,
    // free_bytes, link, last_error, forms ({form id: version held}). An older
    // server ignores it.
    Json health;

    Json toJson() const;
    static SyncRequest fromJson(const Json &j);
};

struct SyncResponse {
    int protocol = kProtocolVersion;
    int64_t serverTime = 0; // ms since the epoch
    uint64_t acked = 0;     // last applied mutation counter of this device
    std::vector<Rejection> rejected;
    std::vector<RecordState> applied; // server state of the records just pushed
    // Wire encoding 2: a pushed record whose server state is exactly what this
    // request wrote (stateFromPush) is acknowledged by its last mutation's n
    // and its seq instead of in `applied`; the device already holds the rest.
    // Encoding 4 writes consecutive ones (n and seq each one more) as one run
    // [n, seq, count]; fromJson expands runs, so `acks` is always one per record.
    struct PushAck {
        uint64_t n = 0, seq = 0;
        bool operator==(const PushAck &) const = default;
    };
    std::vector<PushAck> acks;
    std::string acksBy; // the author those states carry (this account)
    int enc = 1;        // the encoding toJson writes ("enc"; absent: 1)
    // Encoding 3: the prefixName of this request's body (uncompressed), which
    // the server keeps: the device's next push of this sync may be compressed
    // with it. "": not kept ("kept" absent).
    std::string kept;
    std::vector<RecordState> changes; // the page
    Cursor cursor;
    bool more = false;
    std::map<std::string, std::string> checksums; // per scope, for scopes fully pulled
    std::vector<std::string> scopes;              // schools this account may see now
    // Optional (added for village links, docs/village.md): when `more`, the
    // server's estimate of what is still to come after this page, so a device
    // can tell the person before a large first download. 0 = not given.
    uint64_t remainingRecords = 0;
    uint64_t remainingBytes = 0; // uncompressed JSON bytes, estimated
    // Optional (issue 13, docs/protocol.md "Device tokens"): when this device's
    // token expires, ms since the epoch (renewed by use). 0 = not given.
    int64_t tokenExpires = 0;

    Json toJson() const;
    static SyncResponse fromJson(const Json &j);
};

struct EnrollRequest {
    int protocol = kProtocolVersion;
    std::string user;
    std::string password;
    std::string device; // the device's UUIDv7
    std::string deviceName;
    std::string appVersion; // optional "app": e.g. "cunxiao-android 1.4.2" (also X-Cunxiao-App)
    // Optional "code" (docs/protocol.md "Enrolment codes"): a one-time
    // enrolment code instead of the password; exactly one of the two is sent.
    // Last, so the brace initialisers that name the fields above keep their meaning.
    std::string code;

    Json toJson() const;
    static EnrollRequest fromJson(const Json &j);
};

struct EnrollResponse {
    int protocol = kProtocolVersion;
    std::string token;
    uint32_t node = 0; // the device's number in versions
    std::string user;
    std::string role;
    std::vector<std::string> schools;
    int64_t serverTime = 0;
    // Optional (docs/bundles.md): the server's X25519 bundle key and this
    // device's bundle secret (raw bytes; base64 on the wire). Empty: none given.
    std::string bundleKey, bundleSecret;
    int64_t tokenExpires = 0; // optional "token_expires" (ms since the epoch); 0 = not given

    Json toJson() const;
    static EnrollResponse fromJson(const Json &j);
};

// POST /v1/token/rotate reply: a new token for this device. The old one keeps
// working until the new one is first used (docs/protocol.md "Device tokens").
struct TokenRotateResponse {
    int protocol = kProtocolVersion;
    std::string token;
    int64_t tokenExpires = 0; // ms since the epoch

    Json toJson() const;
    static TokenRotateResponse fromJson(const Json &j);
};

// The server state a record has when the only writes it holds are `pushed`
// (one record's Put mutations of one request, rejected ones left out, any
// order), each by `by`: the fields in counter order, each with the version of
// the mutation that wrote it last, no conflicts. Empty optional if `pushed` is
// empty or holds anything but a put. Both sides compute it: the server to
// decide whether an ack may be lean, the device to rebuild the state.
std::optional<RecordState> stateFromPush(std::vector<const Mutation *> pushed, const std::string &by, uint64_t seq);

// The device's side of lean acks: turns each of resp.acks into the record
// state it stands for (from req's mutations) and appends it to resp.applied.
// Throws cx::Error(Protocol) for an ack of a change req did not carry.
void expandAcks(const SyncRequest &req, SyncResponse &resp);

// The header a device may send on every request to name its app and version
// (shown to the bureau by `cunxiao-server admin DATA_DIR devices`).
inline constexpr const char *kAppHeader = "X-Cunxiao-App";
// Error kinds of a 401 that tell the device what to do (docs/protocol.md):
// "device-revoked" comes with "wipe": true (erase replica, attachments, token
// and key); "token-expired": sign in again (enroll). Any other 401 is "auth".
inline constexpr const char *kErrorDeviceRevoked = "device-revoked";
inline constexpr const char *kErrorTokenExpired = "token-expired";

// Error body of any non-2xx reply: {"error": kind, "message": text, ...}.
struct ErrorReply {
    std::string error;
    std::string message;
    int serverProtocol = kProtocolVersion;
    bool wipe = false; // "wipe": true (only with "device-revoked"); absent when false

    Json toJson() const;
    static ErrorReply fromJson(const Json &j); // lenient: missing fields stay empty
};

// The deepest nesting of arrays and objects a message may have. nlohmann::json
// parses any depth, but copies and dumps recurse: a few MB of "[[[[..." (a few
// hundred bytes compressed) would overflow the stack of whoever copies it.
inline constexpr int kMaxJsonDepth = 256;
// The most a mutation's fields may hold (their JSON): the server refuses a
// larger one, and the device refuses to save it (naming the biggest field).
inline constexpr size_t kMaxFieldsBytes = 256 * 1024;
// The nesting depth of JSON text (arrays and objects, outside strings), counted
// without parsing; stops at `limit`.
int jsonDepth(std::string_view text, int limit = kMaxJsonDepth + 1);

// Parses JSON text, throwing cx::Error(Protocol) with the byte offset on failure,
// or if it nests deeper than kMaxJsonDepth.
Json parseJson(std::string_view text, const char *what);

} // namespace cx
