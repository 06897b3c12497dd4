#pragma once
// The device sync engine: the one object the CLI and the app talk to.
//
// STATES
//
// A record (records.state) is derived, never set: recompute() takes the last
// server state, replays every outbox entry of the record on top (Overlay.h)
// and names the first of these that holds (stateOf in Engine.cpp):
//   rejected   an outbox entry of the record is rejected; its reason is kept
//              and its values stay visible
//   conflict   the server state keeps values that lost a concurrent edit; a
//              person settles them with resolve()
//   pending    an outbox entry waits, not yet sent
//   sent       every waiting entry is sent and not yet acknowledged (a lost
//              reply leaves it so; the next cycle sends it again and the
//              server applies it once)
//   confirmed  none of these: the visible values are the server's
// It is recomputed by put(), remove(), resolve(), discardRejected(), by
// takeOutbox() for the records it marks sent, and by applyReply() for every
// record it acknowledges or receives. A record leaves the replica only by
// discardRejected() (never on the server and nothing else waits), when the
// account loses its school (dropLostSchools(), unless it has outbox entries),
// or by eraseAfterRevoke().
//
// An outbox entry (outbox.state; one per local change, numbered n):
//   from       to         by
//   -          pending    put(), remove(), resolve(); a put() while the
//                         record's last entry is still a pending put folds
//                         into that entry (same n) instead
//   pending    sent       takeOutbox(): the start of a cycle (sync(),
//                         syncOnce()) and bundleOut()
//   sent       -          applyReply(): acknowledged (n <= acked) and not
//                         rejected, from a sync reply or bundleIn()
//   sent       rejected   applyReply(): acknowledged with a rejection
//   rejected   -          put() of the record drops its rejected puts
//                         (their values are carried into the new change);
//                         discardRejected() drops every rejected entry
// A sent entry is sent again by every cycle until acknowledged.
//
// An attachment (attachments.state, Attachments.cpp; only files a record
// refers to are uploaded):
//   from               to         by
//   -                  pending    attach(), attachBytes() (a file already
//                                 held keeps its row)
//   pending            uploading  uploadAttachments(): the server lacks some
//                                 or all of it; the confirmed offset is saved
//                                 after every chunk (uploadOne())
//   pending/uploading  done       the server has it: the check says "have",
//                                 or the last chunk completed it
//   pending/uploading  refused    the check refuses it, a chunk is answered
//                                 413, or the server's copy failed its SHA-256
//                                 3 times (kMaxDamagedCopies)
//   any other          done       a bundle reply says the server has it
//   any                refused    a bundle reply refuses it (both bundleIn)
//   done/refused       -          no record here refers to it once the
//                                 account lost a school (dropLostSchools())
// A downloaded file (fetchAttachment()) has no row: "<sha256>.part" while it
// arrives, renamed to "<sha256>" once its SHA-256 matches.
//
// What always holds:
//   - a local change and its outbox entry are written in one transaction;
//   - visible values = last server state + every unacknowledged local change,
//     replayed in order, so no acknowledged or pending edit is ever hidden;
//   - a page of changes, the acknowledgements and the cursor advance together
//     in one transaction: a crash at any point repeats work, never loses it.
//
// A cycle: read the outbox and cursor (txn) -> POST /v1/sync (no lock held)
// -> apply acks, applied states and the page, advance cursors (txn). sync()
// repeats cycles while the server has more or the outbox has unsent changes,
// retrying network failures (engine/Retry.h).
//
// THREADS AND LOCKS
//
// m_mutex (recursive) guards the replica's connection and every transaction
// on it (held from BEGIN to COMMIT; one exception: bundleOut() checks the
// token without it), m_tuning, m_linkMetered, the setting of m_progress, and
// every change of m_clock (tick, observe, correct). The local calls (put,
// remove, resolve, discardRejected, get, list, conflicts, rejected, status,
// enrolled, attach, attachBytes, attachments, attachmentCounts, setTuning,
// tuning, setAttachmentsOnlyUnmetered, setLinkMetered) hold it for all their
// work on the replica and may come from any thread: the app's GUI thread and
// its models call them while a sync runs. attachmentPath() and
// readAttachment() read only files and take no lock. RecordQuery reads
// through connections of its own (RecordQuery.h), without m_mutex.
//
// The network calls (enroll, sync, syncOnce, uploadAttachments, relay,
// fetchBundleKey) hold m_mutex only for their transactions and meta reads,
// never while a request is on the wire. They use m_transport, m_lastReport,
// m_wireRatio, m_pushRatio, m_pageScale and m_pageCeiling without it, and read m_progress and the
// clock's offset without it (both change only on this thread or before it
// starts): they must come from one thread at a time (the app's sync worker,
// SyncController), and lastReport() and setProgressCallback() belong to that
// thread or to a time when no sync runs. bundleOut() and bundleIn() send
// nothing; they take m_mutex for each of their steps.
//
// fetchAttachment() may run on any thread, also during a sync: it holds
// m_fetchMutex (one download at a time; it guards m_fetchTransport and
// m_fetchServer) for the whole download, on its own connection, and m_mutex
// only to read the token and settings and to log a failure. Order: m_fetchMutex
// before m_mutex, never the other way.
//
// eraseAfterRevoke() (under m_mutex) drops m_transport and erases everything;
// the engine is not used afterwards.
#include "engine/Replica.h"
#include "engine/Transport.h"
#include "protocol/Messages.h"
#include "protocol/Version.h"

#include <functional>
#include <string_view>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cx {

class SealedWriter;
class Sha256Stream;

enum class SyncState { Pending, Sent, Confirmed, Rejected, Conflict };
const char *syncStateName(SyncState s);
SyncState syncStateFromName(const std::string &name); // unknown names: Confirmed

struct LocalRecord {
    std::string collection, id, school;
    Json fields = Json::object();
    bool deleted = false;
    SyncState state = SyncState::Confirmed;
    std::string rejectReason;
    Json rejectFields = Json::object();
    std::vector<Conflict> conflicts;         // unsettled, as the person sees them
    std::map<std::string, Version> versions; // of the visible values
    std::map<std::string, std::string> by;   // who set each visible value
    uint64_t seq = 0;

    Json toJson() const;
};

// A stored record as the person sees it: confirmed records are their server
// state; any other gets the overlay of its outbox entries (read only then, by
// `outbox`), replayed for `user`. Shared by Engine and RecordQuery.
LocalRecord localRecordOf(const StoredRecord &r, const std::function<std::vector<OutboxEntry>()> &outbox,
                          const std::string &user);

struct SyncReport {
    int requests = 0;
    uint64_t bytesUp = 0, bytesDown = 0;
    int pushed = 0, pulled = 0, rejected = 0, conflicts = 0;
    bool complete = false; // nothing left to send or fetch
    int repairedScopes = 0;
    // Village links (docs/village.md):
    int retries = 0;               // network failures retried after a backoff
    int connections = 0;           // new connections opened (0 per request = reused)
    uint64_t remainingRecords = 0; // server's estimate of what is still to pull
    uint64_t remainingBytes = 0;   // ... on the wire (compressed), estimated
    int attachmentsSent = 0, attachmentsRefused = 0, attachmentsHeld = 0, attachmentsPending = 0;
    int attachmentsUnreferenced = 0; // kept here: no record refers to them (not sent)
    uint64_t attachmentBytes = 0;    // attachment payload confirmed by the server
    std::string attachmentError;     // the last attachment failure (records still synced)
    Json toJson() const;
};

// Knobs for bad links; defaults suit a 40 kbit/s, 600 ms link (docs/village.md).
struct SyncTuning {
    uint64_t pageWireBytes = 32 * 1024;      // target compressed page size (<= 64 KB lost per cut)
    uint64_t firstPageBytes = 192 * 1024;    // uncompressed page asked for before the ratio is known (~20 KB of records)
    uint64_t maxPageBytes = 2 * 1024 * 1024; // uncompressed page never above this
    double maxPageScale = 4;                 // pages and pushes grow to pageWireBytes x this on a link that holds
    // Pushes are sized like pages: about pageWireBytes compressed, from the
    // last push's compression ratio (firstPushBytes before it is known),
    // halved per consecutive failure, never above pushBytes (uncompressed).
    size_t pushBytes = 1024 * 1024;     // mutations per request, uncompressed, at most
    size_t firstPushBytes = 256 * 1024; // uncompressed push sent before the ratio is known
    int maxRetries = -1;                // consecutive network failures before sync() gives up;
                                        // -1: 8 with CurlTransport, 0 with an injected transport
    int backoffMs = 1000;               // first retry after ~this, doubling ...
    int backoffMaxMs = 30000;           // ... up to this; each jittered to 50-100 %
    size_t chunkBytes = 32 * 1024;      // attachment upload chunk
};

struct AttachmentInfo {
    std::string sha256, type, path, state; // state: pending | uploading | done | refused
    uint64_t size = 0, offset = 0;         // offset: bytes the server confirmed
    std::string reason;                    // for refused
    bool referenced = true;                // a record refers to it (only then is it uploaded)
    bool sealed = true;                    // kept encrypted here (a relayed bundle is a plain file)
    Json reference() const;                // {"sha256":..,"size":N,"type":..} for a record field
    Json toJson() const;
};

struct BundleOutReport {
    std::string bundle;                                      // its id
    int mutations = 0, attachments = 0, attachmentsLeft = 0; // left: over the size limit, or records only
    uint64_t bytes = 0;
    Json toJson() const;
};

struct BundleInReport {
    std::string bundle;
    int applied = 0, rejected = 0, received = 0, attachments = 0, pages = 0;
    bool more = false;                                     // the server had more than the reply's size allowed
    bool stale = false;                                    // the device had synced since: acknowledgements and newer records only
    std::vector<std::pair<uint64_t, std::string>> reasons; // rejected: change number, reason
    Json toJson() const;
};

struct RelayReport {
    uint64_t bytesUp = 0, bytesDown = 0, replyBytes = 0;
    int requests = 0;
    Json toJson() const;
};

struct EngineStatus {
    bool enrolled = false;
    std::string server, user, role, device;
    std::vector<std::string> schools;
    int pending = 0, sent = 0, rejected = 0, conflicts = 0;
    int64_t lastSyncMs = 0;     // last cycle that reached the server
    int64_t lastCompleteMs = 0; // last time everything was confirmed
    Cursor cursor;
    std::vector<std::pair<int64_t, std::string>> recentErrors;
    Json toJson() const;
};

struct SyncProgress {
    int cycle = 0;
    uint64_t upNow = 0, upTotal = 0, downNow = 0, downTotal = 0;
    int pulled = 0;
    uint64_t remainingBytes = 0; // estimated wire bytes still to pull (0 = none/unknown)
    uint64_t remainingRecords = 0;
};

class Engine
{
public:
    using TransportFactory = std::function<std::unique_ptr<Transport>(const TransportOptions &)>;

    // Opens (creating if needed) the replica at dbPath, encrypted with `key`
    // (engine/Vault.h unwraps it; the replica and every attachment file are
    // unreadable without it). The factory makes the transport; the default is
    // CurlTransport.
    Engine(const std::string &dbPath, const DataKey &key, TransportFactory factory = {}, HybridClock::WallClock wall = {});
    ~Engine();

    // Signs this device in; stores the server, the device token and the account.
    void enroll(const TransportOptions &server, const std::string &user, const std::string &password,
                const std::string &deviceName = {});
    // The same with a one-time enrolment code the bureau gave instead of the
    // password (docs/protocol.md "Enrolment codes").
    void enrollByCode(const TransportOptions &server, const std::string &user, const std::string &code,
                      const std::string &deviceName = {});
    bool enrolled();

    // Local changes: each is one transaction with its outbox entry.
    // put: id empty = a new UUIDv7 (returned). school empty = the record's school,
    // or the account's only school.
    std::string put(const std::string &collection, const std::string &id, const std::string &school, const Json &fields);
    void remove(const std::string &collection, const std::string &id);
    // Settles every conflict on `field` with `value` (which may be either side's or another).
    void resolve(const std::string &collection, const std::string &id, const std::string &field, const Json &value);
    // Drops the rejected changes of a record (the person gave up on them).
    void discardRejected(const std::string &collection, const std::string &id);

    std::optional<LocalRecord> get(const std::string &collection, const std::string &id);
    std::vector<LocalRecord> list(const std::string &collection, bool includeDeleted = false);
    std::vector<LocalRecord> conflicts();
    std::vector<LocalRecord> rejected();
    EngineStatus status();

    // One request/reply. Throws cx::Error on failure (network, TLS, auth, protocol);
    // nothing is applied from a reply that fails to decode.
    SyncReport syncOnce();
    // Cycles until complete (or maxCycles). Throws like syncOnce; the report of
    // what completed before the failure is in lastReport().
    SyncReport sync(int maxCycles = 1000);
    const SyncReport &lastReport() const { return m_lastReport; }
    void setProgressCallback(std::function<void(const SyncProgress &)> fn);

    // Village links (docs/village.md).
    void setTuning(const SyncTuning &t);
    SyncTuning tuning();
    // Copies the file into the attachments folder next to the database and
    // queues it for upload; returns its reference for a record field.
    AttachmentInfo attach(const std::string &file, const std::string &type = {});
    // The same for bytes in memory (a scaled photo, a drawn signature): sealed
    // straight into the folder, never written in the clear.
    AttachmentInfo attachBytes(std::string_view data, const std::string &type);
    std::vector<AttachmentInfo> attachments(); // every one, oldest first
    // How many are still to send (a record uses them), refused, or not used by
    // any record; counted in SQL, without listing every photo ever taken.
    struct AttachmentCounts {
        int waiting = 0, refused = 0, unreferenced = 0;
    };
    AttachmentCounts attachmentCounts();
    // "Photos only on unmetered": while both hold, attachment uploads wait.
    void setAttachmentsOnlyUnmetered(bool on); // stored in the replica
    void setLinkMetered(bool metered);         // the app tells what link it is on
    // Uploads waiting attachments now (sync() calls it after the records).
    void uploadAttachments(SyncReport &report);
    // The local complete copy of an attachment ("<db>.attachments/<sha256>"),
    // or "" when this device does not have it (yet).
    std::string attachmentPath(const std::string &sha256);
    // Downloads an attachment this device lacks (a photo another device took)
    // and returns its local path; returns at once if it is already here.
    // Resumes a cut download from the bytes already in "<sha256>.part"
    // (Range), retries network failures with the sync backoff, checks the
    // SHA-256 while receiving, and reports progress (downNow of downTotal)
    // through the progress callback. expectedSize (0 = unknown) is the size
    // the record's reference gives. Does not hold the engine's lock while
    // transferring: other calls (and sync) go on meanwhile. Throws cx::Error:
    // NotFound (not on the server, or this account may not see it), Protocol
    // (the copy received is damaged; removed), Network, Auth, Storage.
    std::string fetchAttachment(const std::string &sha256, uint64_t expectedSize = 0);

    // Sync bundles (docs/bundles.md), sync/engine/Bundle.cpp.
    // Writes the push the next sync would send (the whole outbox, its cursor)
    // and, unless recordsOnly, the attachments its records refer to, sealed
    // for the server; the changes stay unacknowledged until a reply or a sync.
    BundleOutReport bundleOut(const std::string &file, bool recordsOnly = false);
    // Applies a reply bundle exactly as a sync reply (refuses one made for
    // another device or already applied).
    BundleInReport bundleIn(const std::string &replyFile);
    // Relays someone's bundle to the server over this device's connection
    // (resumable upload) and writes the server's reply bundle.
    RelayReport relay(const std::string &bundleFile, const std::string &replyFile, uint64_t maxReplyBytes);
    // A device enrolled before bundles asks for its bundle key (sync() does,
    // once, after a complete sync). Returns false if the server has none.
    bool fetchBundleKey();

    // Device health (docs/protocol.md "Device health"), DeviceHealth.cpp.
    // What this device reports of itself with the first request of each sync:
    // pending changes and photos, refused, conflicts, free storage, link, last error.
    Json healthReport();
    // (bureau) Fetches the county's device list and keeps it in the replica;
    // false from a server older than device health. sync() does it after a
    // complete sync of a bureau account, at most every 5 minutes.
    bool fetchDevices();
    // The kept list and when it was fetched (ms; 0: never).
    std::pair<Json, int64_t> devices();
    void keepDevices(const Json &devices, int64_t atMs);

    // Values kept only on this device and never synced (the bureau's form
    // drafts, sync/bureau/FormDrafts.h), in the encrypted replica, so they
    // survive a restart; LocalValues.cpp. An empty value removes the key.
    std::optional<std::string> localValue(const std::string &key);
    void setLocalValue(const std::string &key, const std::string &value);
    // (bureau administrator) Accounts and schools, AccountAdmin.cpp:
    // one POST /v1/admin request ({"op": ...}, docs/protocol.md "Accounts");
    // the reply's JSON. A "list" reply is kept in the replica (the accounts
    // page works offline with the last list). Throws Error(Forbidden) for a
    // non-administrator, Error(Unavailable) from a server without the route.
    Json adminRequest(const Json &request);
    // The kept list ({"schools": [...], "accounts": [...]}) and when it was
    // fetched (ms; 0: never).
    std::pair<Json, int64_t> adminAccounts();
    void keepAdminAccounts(const Json &list, int64_t atMs);

    // The bureau revoked this device (DeviceRevokedError): every table emptied,
    // then the replica, its photos and its key file erased (engine/Vault.h).
    // The engine must not be used afterwards; sync(), syncOnce() and
    // fetchAttachment() call it before rethrowing.
    void eraseAfterRevoke();

    Replica &replica() { return m_replica; }
    // The data key, for the read-only connections over the same replica
    // (RecordQuery) and for reading attachment files (readAttachment).
    const DataKey &key() const { return m_key; }
    // The plain bytes of an attachment this device holds (to show a photo);
    // throws Error(NotFound) if it is not here, Error(Storage) if damaged.
    std::string readAttachment(const std::string &sha256);
    HybridClock &clock() { return m_clock; }

private:
    struct Impl;
    // POST `path` with an empty body under this device's token, on the sync
    // connection; the reply's JSON, or nullopt when the server has no such
    // route (404: older than it). Other failures throw, naming `what`.
    std::optional<Json> askServer(const char *path, const char *what, const Json &body = Json::object());
    // A JSON list fetched from the server and kept in the replica's meta under
    // `key`, with when it was fetched under `key` + "_at" (LocalValues.cpp):
    // the device list and the administrator's accounts.
    void keepDatedList(const std::string &key, const Json &list, int64_t atMs);
    // The kept list and when it was fetched (ms; 0: never); `empty` if none.
    std::pair<Json, int64_t> datedList(const std::string &key, const Json &empty);
    void enrollWith(const TransportOptions &server, const std::string &user, const std::string &password, const std::string &code,
                    const std::string &deviceName);
    LocalRecord toLocal(const StoredRecord &r);
    std::vector<LocalRecord> toLocal(const std::vector<StoredRecord> &rs);
    void recompute(StoredRecord &r);
    std::string defaultSchool(const std::string &collection, const std::string &id);
    void applyServerState(const RecordState &s, std::map<std::string, ScopeRow> &scopes, int *pulled);
    void persistClock();
    void refreshDevicesAfterSync();
    std::vector<std::string> dropLostSchools(const std::vector<std::string> &now, std::map<std::string, ScopeRow> &scopes);
    Transport &transport();
    SyncReport cycle(SyncReport &total, bool &more);
    SyncRequest takeOutbox(size_t pushBytes, size_t maxChanges = Replica::kMaxChangesPerPush,
                           size_t maxReplyState = Replica::kMaxReplyStateBytes);
    size_t pushBudget(); // uncompressed bytes of mutations for the next request
    void checkAcked(const SyncResponse &resp);
    void applyReply(const SyncRequest &req, const SyncResponse &resp, const int64_t *timing, SyncReport &total, bool &more,
                    bool pageFits);
    class Retry; // engine/Retry.h: the one retry policy of network calls
    AttachmentInfo keepAttachment(const std::function<uint64_t(SealedWriter &, Sha256Stream &)> &copy, const std::string &type);
    void uploadOne(AttachmentInfo &a, const std::string &token, SyncReport &report);
    std::string downloadOne(const std::string &sha256, uint64_t expectedSize);

    DataKey m_key;
    Replica m_replica;
    TransportFactory m_factory;
    HybridClock m_clock;
    std::unique_ptr<Transport> m_transport;
    std::recursive_mutex m_mutex;
    SyncReport m_lastReport;
    std::function<void(const SyncProgress &)> m_progress;
    SyncTuning m_tuning;
    double m_wireRatio = 0; // compressed / uncompressed of the last page (0 = unknown)
    // Pages and pushes of pageWireBytes x m_pageScale (docs/village.md): the
    // scale doubles after each cycle that got through, up to m_pageCeiling;
    // a failed cycle halves it and lowers the ceiling to it for this sync.
    double m_pageScale = 1, m_pageCeiling = 4;
    double m_pushRatio = 0; // compressed / uncompressed of the last push (0 = unknown)
    // Wire encoding 3 (docs/protocol.md "Wire encoding"), for this sync only:
    // the last reply body received (uncompressed), named in the next request
    // as the prefix the server may compress its reply with; the last push the
    // server said it kept, the prefix the next push is compressed with.
    std::string m_lastPage, m_lastPush;
    bool m_linkMetered = true;
    bool m_reportHealth = false; // the next request of this sync carries healthReport()
    // Downloads use their own connection so that they never wait for, or
    // disturb, a sync running on another thread; one download at a time.
    std::mutex m_fetchMutex;
    std::unique_ptr<Transport> m_fetchTransport;
    std::string m_fetchServer; // the server m_fetchTransport talks to
};

} // namespace cx
