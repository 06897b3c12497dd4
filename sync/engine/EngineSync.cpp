// Engine: enrolment, status and the sync cycle (see the states in Engine.h).
#include "engine/Engine.h"
#include "engine/Vault.h"

#include "engine/Overlay.h"
#include "engine/ReplyErrors.h"
#include "engine/Retry.h"
#include "protocol/Compression.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"

#include <algorithm>
#include <filesystem>
#include <chrono>
#include <set>

namespace cx {

namespace {
// Push and page sizes are in SyncTuning (Engine.h): tests and the app set them.

// `prefix`: the body a reply compressed with a prefix (wire encoding 3) may
// name; a reply naming another, or any when there is none, is refused.
std::string bodyText(const HttpReply &reply, const char *what, const std::string &prefix = {})
{
    std::string text = reply.body;
    if (reply.contentEncoding == "zstd" && !namedPrefix(reply.body).empty()) {
        if (prefix.empty())
            throw Error(ErrorKind::Protocol, std::string(what) + " is compressed with a body this device does not hold");
        text = decompressWithPrefix(reply.body, prefix);
    } else if (reply.contentEncoding == "zstd") {
        text = decompress(reply.body);
    } else if (!reply.contentEncoding.empty() && reply.contentEncoding != "identity") {
        throw Error(ErrorKind::Protocol, std::string(what) + " has an unknown encoding \"" + reply.contentEncoding + "\"");
    }
    return text;
}

// The error kind of a reply that is not a success ("" if unreadable).
std::string errorKindOf(const HttpReply &reply)
{
    try {
        return ErrorReply::fromJson(parseJson(bodyText(reply, "the error reply"), "the error reply")).error;
    } catch (const std::exception &) {
        return {};
    }
}

Json decodeBody(const HttpReply &reply, const char *what, size_t *plainSize = nullptr)
{
    std::string text = reply.body;
    if (reply.contentEncoding == "zstd")
        text = decompress(reply.body);
    else if (!reply.contentEncoding.empty() && reply.contentEncoding != "identity")
        throw Error(ErrorKind::Protocol, std::string(what) + " has an unknown encoding \"" + reply.contentEncoding + "\"");
    if (plainSize)
        *plainSize = text.size();
    return parseJson(text, what);
}

} // namespace

Json SyncReport::toJson() const
{
    return Json{{"requests", requests},
                {"bytes_up", bytesUp},
                {"bytes_down", bytesDown},
                {"pushed", pushed},
                {"pulled", pulled},
                {"rejected", rejected},
                {"conflicts", conflicts},
                {"complete", complete},
                {"repaired_scopes", repairedScopes},
                {"retries", retries},
                {"connections", connections},
                {"remaining_records", remainingRecords},
                {"remaining_bytes", remainingBytes},
                {"attachments", Json{{"sent", attachmentsSent},
                                     {"bytes", attachmentBytes},
                                     {"refused", attachmentsRefused},
                                     {"held", attachmentsHeld},
                                     {"pending", attachmentsPending},
                                     {"unreferenced", attachmentsUnreferenced},
                                     {"error", attachmentError}}}};
}

void Engine::setTuning(const SyncTuning &t)
{
    std::lock_guard lock(m_mutex);
    m_tuning = t;
}

SyncTuning Engine::tuning()
{
    std::lock_guard lock(m_mutex);
    return m_tuning;
}

Json EngineStatus::toJson() const
{
    Json j{{"enrolled", enrolled},
           {"server", server},
           {"user", user},
           {"role", role},
           {"device", device},
           {"schools", schools},
           {"pending", pending},
           {"sent", sent},
           {"rejected", rejected},
           {"conflicts", conflicts},
           {"last_sync", lastSyncMs},
           {"last_complete", lastCompleteMs}};
    j["cursor"] = Json::object();
    for (const auto &[k, v] : cursor)
        j["cursor"][k] = v;
    Json errs = Json::array();
    for (const auto &[at, msg] : recentErrors)
        errs.push_back(Json{{"at", at}, {"message", msg}});
    j["recent_errors"] = errs;
    return j;
}

void Engine::setProgressCallback(std::function<void(const SyncProgress &)> fn)
{
    std::lock_guard lock(m_mutex);
    m_progress = std::move(fn);
}

void Engine::enroll(const TransportOptions &server, const std::string &user, const std::string &password,
                    const std::string &deviceName)
{
    enrollWith(server, user, password, {}, deviceName);
}

void Engine::enrollByCode(const TransportOptions &server, const std::string &user, const std::string &code,
                          const std::string &deviceName)
{
    enrollWith(server, user, {}, code, deviceName);
}

void Engine::enrollWith(const TransportOptions &server, const std::string &user, const std::string &password,
                        const std::string &code, const std::string &deviceName)
{
    checkServerUrl(server.baseUrl);
    std::string device;
    {
        std::lock_guard lock(m_mutex);
        auto owner = m_replica.meta(MetaKey::User);
        if (owner && *owner != user)
            throw Error(ErrorKind::Invalid, "this database belongs to " + *owner + "; use another database file for " + user);
        device = m_replica.meta(MetaKey::Device).value_or("");
        if (device.empty()) {
            device = uuidV7();
            m_replica.setMeta(MetaKey::Device, device);
        }
    }
    EnrollRequest req;
    req.user = user;
    req.password = password;
    req.code = code;
    req.device = device;
    req.deviceName = deviceName;
    auto t = m_factory(server);
    int64_t t0 = m_clock.physicalNow() - m_clock.offsetMs();
    HttpReply reply = t->post("/v1/enroll", compress(req.toJson().dump()), "");
    int64_t t1 = m_clock.physicalNow() - m_clock.offsetMs();
    if (reply.status != 200)
        throwReplyError(reply, "signing in");
    EnrollResponse resp = EnrollResponse::fromJson(decodeBody(reply, "the enrolment reply"));

    std::lock_guard lock(m_mutex);
    Transaction tx(m_replica.db());
    m_clock.setNode(resp.node);
    m_clock.correct(resp.serverTime + (t1 - t0) / 2, t1);
    m_replica.setMeta(MetaKey::Server, server.baseUrl);
    m_replica.setMeta(MetaKey::CaFile, server.caFile);
    m_replica.setMeta(MetaKey::Pin, server.pin);
    m_replica.setMeta(MetaKey::Token, resp.token);
    m_replica.setMeta(MetaKey::Node, std::to_string(resp.node));
    m_replica.setMeta(MetaKey::User, resp.user);
    m_replica.setMeta(MetaKey::Role, resp.role);
    m_replica.setMeta(MetaKey::Schools, Json(resp.schools).dump());
    if (!resp.bundleKey.empty()) { // docs/bundles.md
        m_replica.setMeta(MetaKey::BundleServerKey, base64Encode(resp.bundleKey));
        m_replica.setMeta(MetaKey::BundleSecret, base64Encode(resp.bundleSecret));
    }
    persistClock();
    tx.commit();
    m_transport = std::move(t); // keep the warm connection
}

EngineStatus Engine::status()
{
    std::lock_guard lock(m_mutex);
    EngineStatus s;
    s.enrolled = m_replica.meta(MetaKey::Token).has_value();
    s.server = m_replica.meta(MetaKey::Server).value_or("");
    s.user = m_replica.meta(MetaKey::User).value_or("");
    s.role = m_replica.meta(MetaKey::Role).value_or("");
    s.device = m_replica.meta(MetaKey::Device).value_or("");
    for (const auto &x : parseJson(m_replica.meta(MetaKey::Schools).value_or("[]"), "schools"))
        s.schools.push_back(x.get<std::string>());
    s.pending = m_replica.outboxCount(OutboxState::Pending);
    s.sent = m_replica.outboxCount(OutboxState::Sent);
    s.rejected = int(m_replica.recordsInState(syncStateName(SyncState::Rejected)).size());
    s.conflicts = int(m_replica.recordsInState(syncStateName(SyncState::Conflict)).size());
    s.lastSyncMs = std::stoll(m_replica.meta(MetaKey::LastSync).value_or("0"));
    s.lastCompleteMs = std::stoll(m_replica.meta(MetaKey::LastComplete).value_or("0"));
    for (const auto &row : m_replica.scopes())
        s.cursor[row.school] = row.cursor;
    s.recentErrors = m_replica.recentErrors(10);
    return s;
}

void Engine::applyServerState(const RecordState &s, std::map<std::string, ScopeRow> &scopes, int *pulled)
{
    auto existing = m_replica.record(s.collection, s.id);
    uint64_t oldSeq = existing && existing->server ? existing->server->seq : 0;
    bool repairing = m_replica.meta(MetaKey::RepairPrefix + s.school).has_value();
    if (oldSeq >= s.seq && !repairing)
        return; // we already hold this state or a newer one
    if (existing && existing->school != s.school && oldSeq) {
        ScopeRow &old = scopes[existing->school];
        old.school = existing->school;
        old.sum -= scopeHash(s.collection, s.id, oldSeq);
    } else if (oldSeq && !repairing) {
        scopes[s.school].sum -= scopeHash(s.collection, s.id, oldSeq);
    }
    ScopeRow &row = scopes[s.school];
    row.school = s.school;
    row.sum += scopeHash(s.collection, s.id, s.seq);
    for (const auto &[f, v] : s.versions)
        m_clock.observe(v.hlc);
    StoredRecord r = existing.value_or(StoredRecord{s.collection, s.id, s.school});
    r.school = s.school;
    r.server = s;
    recompute(r);
    m_replica.saveRecord(r);
    if (pulled)
        ++*pulled;
}

void Engine::eraseAfterRevoke()
{
    std::lock_guard lock(m_mutex);
    m_transport.reset();
    // Empty every table first (what the open connection still reaches is
    // nothing), then the files and the key file go.
    try {
        Transaction t(m_replica.db());
        for (const char *table : {"records", "outbox", "scopes", "meta", "errors", "attachments", "record_refs"})
            m_replica.db().exec(std::string("DELETE FROM ") + table);
        t.commit();
        m_replica.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const Error &) {
        // Erasing the files below is what counts.
    }
    Vault::erase(m_replica.db().path());
}

SyncReport Engine::syncOnce()
{
    SyncReport report;
    bool more = false;
    m_pageScale = 1; // one cycle at the nominal size, as a sync starts
    m_lastPage.clear();
    m_lastPush.clear();
    m_pageCeiling = std::max(1.0, tuning().maxPageScale);
    try {
        cycle(report, more);
    } catch (const DeviceRevokedError &) {
        eraseAfterRevoke();
        throw;
    }
    report.complete = !more;
    m_lastReport = report;
    return report;
}

SyncReport Engine::sync(int maxCycles)
{
    SyncReport total;
    m_lastReport = total;
    m_reportHealth = true;
    // Network failures are retried with backoff (docs/village.md): each cycle
    // commits its page and cursor, so a retry resumes where the cut came.
    // The server busy (429/503): wait what it asks, at least the backoff.
    Retry retry(*this, Retry::RetryAfter::Honour);
    m_pageScale = 1;    // each sync starts at the nominal size: the link may be another one
    m_lastPage.clear(); // prefixes are of one sync (wire encoding 3)
    m_lastPush.clear();
    m_pageCeiling = std::max(1.0, tuning().maxPageScale);
    for (int i = 0; i < maxCycles;) {
        bool more = false;
        try {
            cycle(total, more);
        } catch (const DeviceRevokedError &) {
            m_lastReport = total;
            eraseAfterRevoke();
            throw;
        } catch (const Error &e) {
            m_lastReport = total;
            if (!retry.again(e))
                throw;
            total.retries++;
            if (!Retry::serverBusy(e)) { // a page that is cut gets smaller, and stays so for this sync
                m_pageCeiling = std::max(1.0 / 16, m_pageScale / 2);
                m_pageScale = m_pageCeiling;
            }
            retry.wait(e);
            continue;
        }
        retry.progressed();
        m_pageScale = std::min(m_pageScale * 2, m_pageCeiling); // the link holds: larger pages, fewer round trips
        ++i;
        m_lastReport = total;
        if (!more) {
            total.complete = true;
            break;
        }
    }
    // Devices enrolled before bundles: their key, once (docs/bundles.md); an
    // older server or a failure here never fails the sync.
    if (total.complete) {
        bool ask = false;
        {
            std::lock_guard lock(m_mutex);
            const int64_t asked = std::stoll(m_replica.meta(MetaKey::BundleKeyAsked).value_or("0"));
            ask = !m_replica.meta(MetaKey::BundleSecret) && wallClockMs() - asked > 24 * 3600 * 1000LL;
            if (ask)
                m_replica.setMeta(MetaKey::BundleKeyAsked, std::to_string(wallClockMs())); // at most daily from an older server
        }
        try {
            if (ask)
                fetchBundleKey();
        } catch (const std::exception &) {
        }
        refreshDevicesAfterSync(); // a bureau account's device list, at most every 5 minutes
    }
    // Records first; attachments after. Their failure never fails the record sync.
    if (total.complete) {
        try {
            uploadAttachments(total);
        } catch (const DeviceRevokedError &) {
            eraseAfterRevoke();
            throw;
        } catch (const std::exception &e) {
            total.attachmentError = e.what();
        }
    }
    m_lastReport = total;
    return total;
}

// Phase 1 of a cycle (and of a bundle, docs/bundles.md), in one transaction:
// up to pushBytes of unacknowledged mutations (pending ones marked sent, so a
// later edit never folds into a change already on its way) and the cursors.
SyncRequest Engine::takeOutbox(size_t pushBytes, size_t maxChanges, size_t maxReplyState)
{
    SyncRequest req;
    req.enc = kWireEncoding;
    std::lock_guard lock(m_mutex);
    if (!m_replica.meta(MetaKey::Token))
        throw Error(ErrorKind::Invalid, "this device is not enrolled: run enroll first");
    req.device = m_replica.meta(MetaKey::Device).value_or("");
    // Pages sized by wire bytes: from the last page's compression ratio,
    // aim at pageWireBytes compressed, halved per consecutive failure.
    {
        uint64_t page = uint64_t(double(m_tuning.firstPageBytes) * std::min(m_pageScale, 1.0));
        if (m_wireRatio > 0)
            page = uint64_t(double(m_tuning.pageWireBytes) * m_pageScale / m_wireRatio);
        req.pageBytes = std::clamp<uint64_t>(page, 4096, std::max<uint64_t>(4096, m_tuning.maxPageBytes));
    }
    Transaction t(m_replica.db());
    std::set<std::pair<std::string, std::string>> touched;
    for (auto &e : m_replica.outboxToSend(pushBytes, maxChanges, maxReplyState)) {
        if (e.state == OutboxState::Pending) {
            m_replica.setOutboxState(e.mutation.n, OutboxState::Sent);
            touched.insert({e.mutation.collection, e.mutation.id});
        }
        req.mutations.push_back(std::move(e.mutation));
    }
    for (const auto &[c, id] : touched) {
        auto r = m_replica.record(c, id);
        if (r) {
            recompute(*r);
            m_replica.saveRecord(*r);
        }
    }
    for (const auto &row : m_replica.scopes())
        req.cursor[row.school] = row.cursor;
    t.commit();
    if (m_reportHealth) { // once a sync: what only the device knows (docs/protocol.md "Device health")
        m_reportHealth = false;
        Json h = healthReport();
        if (h.dump() != m_replica.meta(MetaKey::HealthSent).value_or("")) // unchanged since the server got it: not resent
            req.health = std::move(h);
    }
    return req;
}

Json Engine::healthReport()
{
    std::lock_guard lock(m_mutex);
    const EngineStatus st = status();
    uint64_t photos = 0;
    for (const auto &a : attachments())
        photos += a.referenced && (a.state == AttachmentState::Pending || a.state == AttachmentState::Uploading);
    // Called once the request holds its changes (marked sent): "pending" is
    // what is still on the device beyond this request.
    Json h{{"pending", uint64_t(st.pending)},
           {"pending_photos", photos},
           {"rejected", uint64_t(st.rejected)},
           {"conflicts", uint64_t(st.conflicts)},
           {"link", m_linkMetered ? "metered" : "unmetered"}};
    std::error_code ec;
    const auto space = std::filesystem::space(std::filesystem::path(m_replica.db().path()).parent_path(), ec);
    if (!ec)
        h["free_bytes"] =
            uint64_t(space.available) / (100ull << 20) * (100ull << 20); // to 100 MB: a steady report is not rewritten
    if (!st.recentErrors.empty())
        h["last_error"] = st.recentErrors.front().second;
    // The version of each form the server gave this device (not a publish of
    // its own still waiting to be confirmed): the bureau sees who has which.
    Json forms = Json::object();
    for (const auto &r : m_replica.records("forms", false))
        if (r.server && !r.server->deleted())
            if (auto v = r.server->fields.find("version"); v != r.server->fields.end() && v->is_number_unsigned())
                forms[r.id] = v->get<uint64_t>();
    h["forms"] = std::move(forms); // also when empty: a device that holds none is not an old app
    return h;
}

size_t Engine::pushBudget()
{
    const SyncTuning t = tuning(); // under m_mutex: setTuning may come from another thread
    size_t push = size_t(double(t.firstPushBytes) * std::min(m_pageScale, 1.0));
    if (m_pushRatio > 0)
        push = size_t(double(t.pageWireBytes) * m_pageScale / m_pushRatio);
    push = std::max<size_t>(4096, push);
    return std::min(t.pushBytes, push); // outboxToSend takes one change even over the budget
}

SyncReport Engine::cycle(SyncReport &total, bool &more)
{
    SyncRequest req = takeOutbox(pushBudget());
    int serverEnc = 1;
    const std::string token = [&] {
        std::lock_guard lock(m_mutex);
        serverEnc = std::stoi(m_replica.meta(MetaKey::ServerEnc).value_or("1"));
        return m_replica.meta(MetaKey::Token).value_or("");
    }();
    // Wire encoding 4: compact mutations, to a server whose last reply said it reads them.
    req.compact = serverEnc >= 4 && !req.mutations.empty();

    // Wire encoding 3: the reply may be compressed against the last page, a
    // push against the last push the server kept (docs/protocol.md).
    if (!m_lastPage.empty())
        req.prev = prefixName(m_lastPage);
    std::string plainBody = req.toJson().dump();
    bool withPrefix = !m_lastPush.empty() && !req.mutations.empty();
    std::string body = withPrefix ? compressWithPrefix(plainBody, m_lastPush) : compress(plainBody);
    if (!req.mutations.empty() && plainBody.size() > 4096) // sizes the next push
        m_pushRatio = double(body.size()) / double(plainBody.size());
    Transport &tr = transport();
    if (m_progress) {
        int cycleNo = total.requests + 1;
        int pulledSoFar = total.pulled;
        auto cb = m_progress;
        tr.setProgress([cb, cycleNo, pulledSoFar](uint64_t un, uint64_t ut, uint64_t dn, uint64_t dt) {
            cb(SyncProgress{cycleNo, un, ut, dn, dt, pulledSoFar});
        });
    } else {
        tr.setProgress({}); // a callback removed since the last cycle must not linger
    }
    int64_t t0 = m_clock.physicalNow() - m_clock.offsetMs();
    HttpReply reply;
    try {
        reply = tr.post("/v1/sync", body, token);
        if (withPrefix && reply.status == 409 && errorKindOf(reply) == kErrorPrefixUnknown) {
            // The server no longer holds the push this one was compressed
            // against (restarted, another instance): it applied nothing; the
            // same changes go again without a prefix.
            total.requests++;
            total.bytesUp += reply.bytesUp;
            total.bytesDown += reply.bytesDown;
            total.connections += int(reply.newConnections);
            m_lastPush.clear();
            withPrefix = false;
            body = compress(plainBody);
            reply = tr.post("/v1/sync", body, token);
        }
        if (req.compact && reply.status == 400 && errorKindOf(reply) == "protocol") {
            // A server that no longer reads encoding 4 (an older one restored
            // or behind the same address): nothing was applied; the same
            // changes go again in their whole form.
            total.requests++;
            total.bytesUp += reply.bytesUp;
            total.bytesDown += reply.bytesDown;
            total.connections += int(reply.newConnections);
            {
                std::lock_guard lock(m_mutex);
                m_replica.setMeta(MetaKey::ServerEnc, "1");
            }
            req.compact = false;
            plainBody = req.toJson().dump();
            m_lastPush.clear();
            withPrefix = false;
            body = compress(plainBody);
            reply = tr.post("/v1/sync", body, token);
        }
    } catch (const Error &e) {
        std::lock_guard lock(m_mutex);
        m_replica.logError(errorKindName(e.kind()), e.what());
        throw;
    }
    int64_t t1 = m_clock.physicalNow() - m_clock.offsetMs();
    total.requests++;
    total.bytesUp += reply.bytesUp;
    total.bytesDown += reply.bytesDown;
    total.connections += int(reply.newConnections);

    SyncResponse resp;
    try {
        if (reply.status != 200)
            throwReplyError(reply, "the sync");
        std::string text = bodyText(reply, "the server's reply", m_lastPage);
        const size_t plain = text.size();
        resp = SyncResponse::fromJson(parseJson(text, "the server's reply"));
        // Wire encoding 3: this reply is the next one's prefix, and the push
        // the server kept is the next push's.
        if (resp.enc >= 3 && plain >= kMinPrefixBytes && plain <= kMaxPrefixBytes)
            m_lastPage = std::move(text);
        else
            m_lastPage.clear();
        if (resp.enc < 3)
            m_lastPush.clear();
        else if (!resp.kept.empty() && resp.kept == prefixName(plainBody))
            m_lastPush = plainBody;
        if (resp.enc != serverEnc) { // what the next sync's pushes may use (encoding 4: compact mutations)
            std::lock_guard lock(m_mutex);
            m_replica.setMeta(MetaKey::ServerEnc, std::to_string(resp.enc));
        }
        expandAcks(req, resp); // lean acknowledgements (wire encoding 2) into the states they stand for
        // Wire/plain ratio of a reply with a page: sizes the next page, scales the estimate.
        if (!resp.changes.empty() && plain > 4096)
            m_wireRatio = double(reply.body.size()) / double(plain);
        total.remainingRecords = resp.more ? resp.remainingRecords : 0;
        total.remainingBytes = resp.more ? uint64_t(double(resp.remainingBytes) * (m_wireRatio > 0 ? m_wireRatio : 1.0)) : 0;
        checkAcked(resp);
    } catch (const Error &e) {
        std::lock_guard lock(m_mutex);
        m_replica.logError(errorKindName(e.kind()), e.what());
        throw;
    }

    const int64_t timing[2] = {t0, t1};
    applyReply(req, resp, timing, total, more, true);
    if (!req.health.empty()) { // the server has it: the same report is not sent again
        std::lock_guard lock(m_mutex);
        m_replica.setMeta(MetaKey::HealthSent, req.health.dump());
    }
    if (m_progress) { // after each cycle: what is still to come (before a large first download too)
        SyncProgress p;
        p.cycle = total.requests;
        p.pulled = total.pulled;
        p.remainingBytes = total.remainingBytes;
        p.remainingRecords = total.remainingRecords;
        m_progress(p);
    }
    return total;
}

void Engine::checkAcked(const SyncResponse &resp)
{
    std::lock_guard lock(m_mutex);
    uint64_t lastMade = std::stoull(m_replica.meta(MetaKey::NextN).value_or("1")) - 1;
    if (resp.acked > lastMade)
        throw Error(ErrorKind::Protocol, "the server acknowledges change " + std::to_string(resp.acked) +
                                             " but this device has made only " + std::to_string(lastMade));
}

// Phase 3 of a cycle (and of a bundle reply), in one transaction: the clock
// (timing = {t0, t1} of the request; null for a bundle, whose server time is
// old), acknowledgements and rejections of req's mutations, the pushed
// records' server states and the page (each only if newer), then, when
// pageFits (the page starts at this device's cursor), the cursors and the
// checksums.
void Engine::applyReply(const SyncRequest &req, const SyncResponse &resp, const int64_t *timing, SyncReport &total, bool &more,
                        bool pageFits)
{
    std::lock_guard lock(m_mutex);
    Transaction t(m_replica.db());
    if (timing)
        m_clock.correct(resp.serverTime + (timing[1] - timing[0]) / 2, timing[1]);

    std::map<uint64_t, const Rejection *> rejections;
    for (const auto &r : resp.rejected)
        rejections[r.n] = &r;
    std::set<std::pair<std::string, std::string>> touched;
    for (const auto &m : req.mutations) {
        if (m.n > resp.acked)
            continue;
        touched.insert({m.collection, m.id});
        auto it = rejections.find(m.n);
        if (it != rejections.end()) {
            m_replica.setOutboxState(m.n, OutboxState::Rejected, it->second->reason, it->second->fieldReasons);
            total.rejected++;
        } else {
            m_replica.removeOutbox(m.n);
            total.pushed++;
        }
    }

    std::map<std::string, ScopeRow> scopes;
    for (const auto &row : m_replica.scopes())
        scopes[row.school] = row;
    for (const auto &s : resp.applied) {
        applyServerState(s, scopes, nullptr);
    }
    for (const auto &s : resp.changes) {
        applyServerState(s, scopes, &total.pulled);
    }
    // Records whose changes were just acknowledged or rejected: their state
    // changes even when the server sent no newer version of them.
    for (const auto &[c, id] : touched) {
        if (auto r = m_replica.record(c, id)) {
            recompute(*r);
            m_replica.saveRecord(*r);
        }
    }
    for (const auto &[school, seq] : resp.cursor) {
        if (!pageFits)
            break;
        scopes[school].school = school;
        scopes[school].cursor = seq;
    }
    bool repaired = false;
    for (const auto &[school, hex] : pageFits ? resp.checksums : std::map<std::string, std::string>{}) {
        ScopeRow &row = scopes[school];
        row.school = school;
        bool wasRepairing = m_replica.meta(MetaKey::RepairPrefix + school).has_value();
        if (checksumHex(row.sum) == hex) {
            if (wasRepairing)
                m_replica.db().exec("DELETE FROM meta WHERE key='repair:" + school + "'");
            continue;
        }
        if (wasRepairing) {
            m_replica.logError("integrity", "scope " + school + " still differs from the server after a repair");
            m_replica.db().exec("DELETE FROM meta WHERE key='repair:" + school + "'");
            continue;
        }
        // Re-pull this scope only; the outbox and every other scope stay as they are.
        m_replica.setMeta(MetaKey::RepairPrefix + school, "1");
        row.cursor = 0;
        row.sum = 0;
        repaired = true;
        total.repairedScopes++;
    }
    std::vector<std::string> dropFiles;
    if (!resp.scopes.empty())
        dropFiles = dropLostSchools(resp.scopes, scopes);
    for (const auto &[school, row] : scopes)
        m_replica.saveScope(row);
    if (!resp.scopes.empty())
        m_replica.setMeta(MetaKey::Schools, Json(resp.scopes).dump());
    m_replica.setMeta(MetaKey::LastSync, std::to_string(wallClockMs()));
    persistClock();

    bool outboxLeft = m_replica.outboxCount(OutboxState::Pending) + m_replica.outboxCount(OutboxState::Sent) > 0;
    more = resp.more || repaired || (outboxLeft && !req.mutations.empty());
    total.conflicts = int(m_replica.recordsInState(syncStateName(SyncState::Conflict)).size());
    if (!more && !outboxLeft)
        m_replica.setMeta(MetaKey::LastComplete, std::to_string(wallClockMs()));
    t.commit();
    // Photos of a school this account lost go once the records are gone for good.
    for (const auto &f : dropFiles) {
        std::error_code ec;
        std::filesystem::remove(f, ec);
    }
}

// Schools the account may no longer see (a teacher moved, a supervisor's
// township changed): their records and scope rows are dropped from the replica
// in the reply's transaction, except records with this device's own unsent or
// refused changes (the outbox), which stay visible and are still sent; the
// server refuses them with a reason the person sees. Returns the photo files
// no remaining record or unsent photo needs (removed after the commit).
std::vector<std::string> Engine::dropLostSchools(const std::vector<std::string> &now, std::map<std::string, ScopeRow> &scopes)
{
    // "*" is the county scope (forms) every account has; schools are named.
    std::set<std::string> keep(now.begin(), now.end());
    std::set<std::string> had;
    for (const auto &x : parseJson(m_replica.meta(MetaKey::Schools).value_or("[]"), "schools"))
        if (x.is_string())
            had.insert(x.get<std::string>());
    for (const auto &[school, row] : scopes)
        had.insert(school);
    std::vector<std::string> files;
    bool dropped = false;
    for (const auto &school : had) {
        if (keep.count(school) || school == "*")
            continue;
        Stmt q(m_replica.db(), "SELECT collection, id FROM records WHERE school=? AND NOT EXISTS("
                               "SELECT 1 FROM outbox o WHERE o.collection=records.collection AND o.id=records.id)");
        q.bind(1, school);
        std::vector<std::pair<std::string, std::string>> gone;
        while (q.step())
            gone.emplace_back(q.text(0), q.text(1));
        for (const auto &[c, id] : gone)
            m_replica.deleteRecord(c, id);
        Stmt s(m_replica.db(), "DELETE FROM scopes WHERE school=?");
        s.bind(1, school).run();
        scopes.erase(school);
        m_replica.logError("scope", "this account no longer sees school " + school + ": " + std::to_string(gone.size()) +
                                        " record(s) removed from this device");
        dropped = true;
    }
    if (!dropped)
        return files;
    // Photos: those this device has sent or fetched that no record here refers to any more.
    Stmt a(m_replica.db(), "SELECT sha256, path FROM attachments WHERE state IN ('done','refused') AND NOT EXISTS("
                           "SELECT 1 FROM record_refs r WHERE r.sha256=attachments.sha256)");
    std::vector<std::string> shas;
    while (a.step()) {
        shas.push_back(a.text(0));
        files.push_back(a.text(1));
    }
    for (const auto &sha : shas) {
        Stmt d(m_replica.db(), "DELETE FROM attachments WHERE sha256=?");
        d.bind(1, sha).run();
    }
    const std::filesystem::path dir = m_replica.db().path() + ".attachments";
    std::error_code ec;
    for (const auto &e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (!isSha256Hex(name))
            continue;
        Stmt used(m_replica.db(), "SELECT EXISTS(SELECT 1 FROM record_refs WHERE sha256=?1) OR "
                                  "EXISTS(SELECT 1 FROM attachments WHERE sha256=?1)");
        used.bind(1, name);
        if (used.step() && used.integer(0) == 0)
            files.push_back(e.path().string()); // a photo fetched from another device
    }
    return files;
}

} // namespace cx
