#include "sync/SyncHandler.h"

#include "protocol/Errors.h"
#include "protocol/Merge.h"
#include "sync/RecordWrites.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace cx::server {

namespace {

// Why a mutation cannot apply, or "" if it may.
std::string checkMutation(Store &store, const DeviceSession &who, const Mutation &m, const std::optional<RecordState> &existing)
{
    if (m.school != kCountyScope && !store.school(m.school))
        return "school " + m.school + " does not exist";
    if (!mayWrite(who.role, who.schools, m.school)) {
        if (m.school == kCountyScope)
            return "only bureau accounts may write county-wide (\"*\") records";
        return "school " + m.school + " is outside this account's scope";
    }
    // Form definitions and the school list are the bureau's: published by
    // bureau accounts and the admin commands only, whatever scope is claimed.
    if (who.role != "bureau" && (m.collection == "forms" || m.collection == "form_versions" || m.collection == "schools"))
        return "only the bureau publishes " + m.collection + "; a " + who.role + " account cannot change them";
    if (existing && existing->school != m.school)
        return m.collection + "/" + m.id + " belongs to school " + existing->school + "; a record cannot move to school " +
               m.school;
    size_t bytes = m.fields.dump().size();
    if (bytes > kMaxFieldsBytes)
        return "the fields are " + std::to_string(bytes) + " bytes; the limit is " + std::to_string(kMaxFieldsBytes);
    return {};
}

// Applies one new mutation; returns the rejection if it was refused.
std::optional<Rejection> applyOne(Store &store, const DeviceSession &who, const Mutation &in, int64_t nowMs,
                                  const Validator &validator)
{
    auto existing = store.record(in.collection, in.id);
    if (std::string why = checkMutation(store, who, in, existing); !why.empty())
        return Rejection{in.n, why, Json::object()};

    // A device clock far ahead must not win every conflict: clamp its version.
    Mutation m = in;
    const uint64_t limit = makeHlc(nowMs + kMaxClockLeadMs, 0);
    if (m.version.hlc > limit)
        m.version.hlc = std::max(limit, store.serverHlc(m.school) + 1); // distinct from earlier clamped writes
    serverObserve(store, m.school, m.version.hlc);

    RecordState rec;
    if (existing) {
        rec = *existing;
    } else {
        rec.collection = m.collection;
        rec.id = m.id;
        rec.school = m.school;
    }
    MergeOutcome out = applyMutation(rec, m, who.user);
    // A change that leaves the record deleted would keep none of its values (a
    // deleted record keeps only its tombstone): refused, so the person sees
    // what was not kept instead of losing it without a word. An edit made
    // without knowing of the deletion restores the record and is kept.
    if (m.op == Op::Put && rec.deleted() && !m.fields.empty() && !(m.fields.size() == 1 && m.fields.contains(kDeletedField)))
        return Rejection{m.n, "this record was deleted; the change was not kept (restore the record first to change it)",
                         Json::object()};
    if (auto r = validator.check(store, existing, rec, m, who)) {
        r->n = m.n;
        return r;
    }
    if (out.changed) {
        AuditEntry a;
        a.at = nowMs;
        a.user = who.user;
        a.device = who.device;
        a.mutation = m.toJson();
        storeChangedRecord(store, rec, existing ? existing->seq : 0, a);
    }
    return std::nullopt;
}

// The page of changes: whole records in seq order per scope until pageBytes.
// Forms are published county-wide ("*") but reach only the roles and schools
// their definition names; bureau staff see them all.
bool visibleTo(const RecordState &r, const DeviceSession &who)
{
    if (r.school != kCountyScope || who.role == "bureau")
        return true;
    if (r.collection != "forms" && r.collection != "form_versions")
        return true;
    auto d = r.fields.find("definition");
    if (d == r.fields.end() || !d->is_object())
        return true;
    if (auto roles = d->find("roles"); roles != d->end() && roles->is_array() && !roles->empty()) {
        if (std::find(roles->begin(), roles->end(), Json(who.role)) == roles->end())
            return false;
    }
    auto schools = d->find("schools");
    if (schools == d->end() || !schools->is_array())
        return true; // "*" or not said: every school
    for (const auto &mine : who.schools)
        if (std::find(schools->begin(), schools->end(), Json(mine)) != schools->end())
            return true;
    return false;
}

// The checksum of a scope as this account sees it.
uint64_t visibleSum(Store &store, const std::string &scope, const DeviceSession &who)
{
    uint64_t sum = store.scopeSum(scope);
    if (scope != kCountyScope || who.role == "bureau")
        return sum;
    for (const char *c : {"forms", "form_versions"})
        for (const auto &r : store.recordsOf(c, std::string(kCountyScope)))
            if (!visibleTo(r, who))
                sum -= scopeHash(r.collection, r.id, r.seq);
    return sum;
}

// `sent`: (collection, id, seq) of the records this reply already carries as
// pushed states (applied, acks): in wire encoding 2 the page leaves them out.
void buildPage(Store &store, const SyncRequest &req, SyncResponse &resp, const DeviceSession &who,
               const std::set<std::tuple<std::string, std::string, uint64_t>> &sent)
{
    constexpr size_t kBatch = 256;
    size_t bytes = 0;
    bool full = false;
    for (const auto &scope : resp.scopes) {
        auto c = req.cursor.find(scope);
        uint64_t cur = c == req.cursor.end() ? 0 : c->second;
        if (full) {
            resp.cursor[scope] = cur;
            if (store.maxSeq(scope) > cur)
                resp.more = true;
            continue;
        }
        for (;;) {
            auto batch = store.recordsAfter(scope, cur, kBatch);
            for (auto &r : batch) {
                if (!visibleTo(r, who) || sent.count({r.collection, r.id, r.seq})) {
                    cur = r.seq; // not for this account, or already in this reply: skipped
                    continue;
                }
                size_t size = r.toJson(resp.enc >= 2).dump().size(); // as it goes out
                if (!resp.changes.empty() && bytes + size > req.pageBytes) {
                    full = true;
                    break;
                }
                bytes += size;
                cur = r.seq;
                resp.changes.push_back(std::move(r));
            }
            if (full || batch.size() < kBatch)
                break;
        }
        resp.cursor[scope] = cur;
        if (full)
            resp.more = true;
        else
            resp.checksums[scope] = checksumHex(visibleSum(store, scope, who));
    }
    // Village links: when more is waiting, estimate it (records x this page's
    // mean record size) so the device can say how much a first download takes.
    if (resp.more && !resp.changes.empty()) {
        uint64_t left = 0;
        for (const auto &[scope, cur] : resp.cursor)
            left += store.countAfter(scope, cur);
        resp.remainingRecords = left;
        resp.remainingBytes = left * (bytes / resp.changes.size());
    }
}

// How often a sync that pushes nothing records the device's last contact.
constexpr int64_t kLastSeenEveryMs = 60 * 1000;

// The push, in one write transaction: the device row held (so a retry racing
// its original cannot apply a mutation twice), then the schools it writes
// (docs/protocol.md, "Change order"). Returns the device's acknowledged
// counter. A sync that pushes nothing new writes nothing but, at most once a
// minute, the device's last contact.
uint64_t applyPush(Store &store, const DeviceSession &who, const std::vector<const Mutation *> &order, int64_t nowMs,
                   const Validator &validator, const Json &health)
{
    auto seen = store.device(who.device);
    if (!seen)
        throw Error(ErrorKind::Auth, "unknown device " + who.device);
    const bool anyNew = !order.empty() && order.back()->n > seen->lastCounter;
    // What the device reported of itself (docs/protocol.md "Device health"): written when it changed.
    const std::string reported = health.is_object() && !health.empty() ? health.dump() : std::string();
    const bool healthNew = !reported.empty() && reported != seen->health;
    if (!anyNew && !healthNew && nowMs - seen->lastSeen < kLastSeenEveryMs)
        return seen->lastCounter;

    Transaction tx(store);
    auto dev = store.deviceForUpdate(who.device);
    if (!dev)
        throw Error(ErrorKind::Auth, "unknown device " + who.device);
    std::vector<std::string> schools;
    for (const Mutation *m : order)
        if (m->n > dev->lastCounter)
            schools.push_back(m->school);
    std::sort(schools.begin(), schools.end());
    schools.erase(std::unique(schools.begin(), schools.end()), schools.end());
    if (!schools.empty())
        store.lockSchools(schools);

    uint64_t last = dev->lastCounter;
    for (const Mutation *m : order) {
        if (m->n <= last)
            continue; // applied (or rejected) by an earlier attempt
        if (auto rej = applyOne(store, who, *m, nowMs, validator))
            store.putRejection(who.device, *rej);
        last = m->n;
    }
    store.setDeviceProgress(who.device, last, nowMs);
    if (healthNew)
        store.setDeviceHealth(who.device, reported, nowMs);
    tx.commit();
    return last;
}

} // namespace

SyncResponse handleSync(Store &store, const DeviceSession &who, const SyncRequest &req, int64_t nowMs)
{
    static const AcceptAll accept;
    return handleSync(store, who, req, nowMs, accept);
}

SyncResponse handleSync(Store &store, const DeviceSession &who, const SyncRequest &req, int64_t nowMs, const Validator &validator)
{
    if (req.device != who.device)
        throw Error(ErrorKind::Auth, "request.device " + req.device + " does not match this token's device");

    std::vector<const Mutation *> order;
    for (const auto &m : req.mutations)
        order.push_back(&m);
    std::stable_sort(order.begin(), order.end(), [](const Mutation *a, const Mutation *b) { return a->n < b->n; });

    SyncResponse resp;
    resp.serverTime = nowMs;
    resp.acked = applyPush(store, who, order, nowMs, validator, req.health);

    // The answer, from one snapshot (taken after the push committed, so it
    // holds the push): rejections, touched records, the page, the checksums.
    Transaction tx(store, TxMode::Read);
    resp.scopes = readScopes(store, who.role, who.schools);
    if (!order.empty())
        resp.rejected = store.rejections(who.device, order.front()->n, order.back()->n);

    // The server state of every record this request touched, retries included,
    // as long as the account may read it. In wire encoding 2 a record whose
    // state is exactly what this request wrote is acknowledged by (n, seq):
    // the device rebuilds the same state from its own mutations.
    resp.enc = std::min(req.enc, kWireEncoding);
    resp.acksBy = who.user;
    std::set<uint64_t> refused;
    for (const auto &r : resp.rejected)
        refused.insert(r.n);
    std::map<std::pair<std::string, std::string>, std::vector<const Mutation *>> byRecord;
    for (const Mutation *m : order)
        if (!refused.count(m->n))
            byRecord[{m->collection, m->id}].push_back(m);
    std::set<std::pair<std::string, std::string>> seen;
    std::set<std::tuple<std::string, std::string, uint64_t>> sent; // left out of the page (encoding 2)
    for (const Mutation *m : order) {
        if (!seen.insert({m->collection, m->id}).second)
            continue;
        auto rec = store.record(m->collection, m->id);
        if (!rec || !std::binary_search(resp.scopes.begin(), resp.scopes.end(), rec->school))
            continue;
        if (resp.enc >= 2) {
            sent.insert({rec->collection, rec->id, rec->seq});
            const auto &pushed = byRecord[{m->collection, m->id}];
            if (auto mine = stateFromPush(pushed, who.user, rec->seq); mine && *mine == *rec) {
                resp.acks.push_back({pushed.back()->n, rec->seq});
                continue;
            }
        }
        resp.applied.push_back(std::move(*rec));
    }

    buildPage(store, req, resp, who, sent);
    tx.commit();
    return resp;
}

} // namespace cx::server
