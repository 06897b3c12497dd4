// Engine: local changes, reads and enrolment. The sync cycle is in EngineSync.cpp.
#include "engine/Engine.h"

#include "engine/CurlTransport.h"
#include "engine/Overlay.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"

#include <algorithm>

namespace cx {

SyncState syncStateFromName(const std::string &s)
{
    if (s == "pending")
        return SyncState::Pending;
    if (s == "sent")
        return SyncState::Sent;
    if (s == "rejected")
        return SyncState::Rejected;
    if (s == "conflict")
        return SyncState::Conflict;
    return SyncState::Confirmed;
}

const char *syncStateName(SyncState s)
{
    switch (s) {
    case SyncState::Pending:
        return "pending";
    case SyncState::Sent:
        return "sent";
    case SyncState::Confirmed:
        return "confirmed";
    case SyncState::Rejected:
        return "rejected";
    case SyncState::Conflict:
        return "conflict";
    }
    return "confirmed";
}

namespace {
SyncState stateOf(const Overlay &o)
{
    if (o.anyRejected)
        return SyncState::Rejected;
    if (!o.conflicts.empty())
        return SyncState::Conflict;
    if (o.anyPending)
        return SyncState::Pending;
    if (o.anySent)
        return SyncState::Sent;
    return SyncState::Confirmed;
}

// A change the server would refuse for its size is refused here, before it is
// saved, with the record and its biggest field named (the form keeps the text).
void checkMutationSize(const Mutation &m)
{
    const size_t bytes = m.fields.dump().size();
    if (bytes <= kMaxFieldsBytes)
        return;
    std::string biggest;
    size_t most = 0;
    for (auto it = m.fields.begin(); it != m.fields.end(); ++it) {
        const size_t n = it.value().dump().size();
        if (n > most)
            most = n, biggest = it.key();
    }
    throw Error(ErrorKind::Invalid, m.collection + "/" + m.id + ": the changes are " + std::to_string(bytes) +
                                        " bytes, more than the " + std::to_string(kMaxFieldsBytes / 1024) +
                                        " KiB a record change may hold (field \"" + biggest + "\": " + std::to_string(most) +
                                        " bytes); attach large content as a file");
}

void checkFields(const Json &fields)
{
    if (!fields.is_object())
        throw Error(ErrorKind::Invalid, "fields must be an object");
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!isValidName(it.key()))
            throw Error(ErrorKind::Invalid, "\"" + it.key() + "\" is not a field name (lower-case letters, digits, _)");
}
} // namespace

Json LocalRecord::toJson() const
{
    Json j;
    j["collection"] = collection;
    j["id"] = id;
    j["school"] = school;
    Json f = fields;
    f.erase(kDeletedField);
    j["fields"] = f;
    j["deleted"] = deleted;
    j["state"] = syncStateName(state);
    if (state == SyncState::Rejected) {
        j["reason"] = rejectReason;
        if (!rejectFields.empty())
            j["field_reasons"] = rejectFields;
    }
    if (!conflicts.empty()) {
        Json xs = Json::array();
        for (const auto &c : conflicts) {
            Json x;
            x["field"] = c.field;
            auto cur = fields.find(c.field);
            x["value"] = cur == fields.end() ? Json(nullptr) : *cur;
            auto v = versions.find(c.field);
            if (v != versions.end()) {
                x["version"] = v->second.toString();
                x["at"] = int64_t(v->second.millis());
            }
            auto b = by.find(c.field);
            x["by"] = b == by.end() ? "" : b->second;
            x["other"] =
                Json{{"value", c.value}, {"version", c.version.toString()}, {"at", int64_t(c.version.millis())}, {"by", c.by}};
            xs.push_back(x);
        }
        j["conflicts"] = xs;
    }
    j["seq"] = seq;
    return j;
}

Engine::Engine(const std::string &dbPath, const DataKey &key, TransportFactory factory, HybridClock::WallClock wall)
    : m_key(key), m_replica(dbPath, key), m_factory(std::move(factory)), m_clock(0, std::move(wall))
{
    if (!m_factory)
        m_factory = [](const TransportOptions &o) { return std::make_unique<CurlTransport>(o); };
    uint32_t node = uint32_t(std::stoul(m_replica.meta(MetaKey::Node).value_or("0")));
    m_clock.setNode(node);
    m_clock.restore(std::stoull(m_replica.meta(MetaKey::Hlc).value_or("0")),
                    std::stoll(m_replica.meta(MetaKey::ClockOffset).value_or("0")));
}

Engine::~Engine() = default;

void Engine::persistClock()
{
    m_replica.setMeta(MetaKey::Hlc, std::to_string(m_clock.last()));
    m_replica.setMeta(MetaKey::ClockOffset, std::to_string(m_clock.offsetMs()));
}

bool Engine::enrolled()
{
    std::lock_guard lock(m_mutex);
    return m_replica.meta(MetaKey::Token).has_value();
}

Transport &Engine::transport()
{
    if (!m_transport) {
        TransportOptions o;
        o.baseUrl = m_replica.meta(MetaKey::Server).value_or("");
        o.caFile = m_replica.meta(MetaKey::CaFile).value_or("");
        o.pin = m_replica.meta(MetaKey::Pin).value_or("");
        if (o.baseUrl.empty())
            throw Error(ErrorKind::Invalid, "this device is not enrolled: run enroll first");
        m_transport = m_factory(o);
    }
    return *m_transport;
}

LocalRecord localRecordOf(const StoredRecord &r, const std::function<std::vector<OutboxEntry>()> &outbox, const std::string &user)
{
    LocalRecord l;
    l.collection = r.collection;
    l.id = r.id;
    l.school = r.school;
    l.fields = r.fields;
    l.deleted = r.deleted;
    l.state = syncStateFromName(r.state);
    l.seq = r.server ? r.server->seq : 0;
    if (l.state == SyncState::Confirmed && r.server) {
        l.versions = r.server->versions;
        l.by = r.server->by;
        return l;
    }
    Overlay o = computeOverlay(r.server, outbox(), user);
    l.versions = o.versions;
    l.by = o.by;
    l.conflicts = o.conflicts;
    l.rejectReason = o.rejectReason;
    l.rejectFields = o.rejectFields;
    return l;
}

LocalRecord Engine::toLocal(const StoredRecord &r)
{
    const bool confirmed = r.state == syncStateName(SyncState::Confirmed) && r.server;
    return localRecordOf(
        r, [&] { return m_replica.outboxFor(r.collection, r.id); },
        confirmed ? std::string() : m_replica.meta(MetaKey::User).value_or(""));
}

void Engine::recompute(StoredRecord &r)
{
    Overlay o = computeOverlay(r.server, m_replica.outboxFor(r.collection, r.id), m_replica.meta(MetaKey::User).value_or(""));
    r.fields = o.fields;
    r.deleted = o.deleted;
    r.state = syncStateName(stateOf(o));
    r.updated = wallClockMs();
}

std::string Engine::defaultSchool(const std::string &collection, const std::string &id)
{
    Json schools = parseJson(m_replica.meta(MetaKey::Schools).value_or("[]"), "the account's schools");
    std::vector<std::string> own;
    for (const auto &s : schools)
        if (s.is_string() && s.get<std::string>() != kCountyScope)
            own.push_back(s.get<std::string>());
    if (own.size() == 1)
        return own[0];
    throw Error(ErrorKind::Invalid, "say which school " + collection + "/" + id + " belongs to (this account has " +
                                        std::to_string(own.size()) + " schools)");
}

std::string Engine::put(const std::string &collection, const std::string &idIn, const std::string &schoolIn, const Json &fields)
{
    if (!isValidName(collection))
        throw Error(ErrorKind::Invalid, "\"" + collection + "\" is not a collection name");
    checkFields(fields);
    // Under the lock: the clock's offset is corrected by a sync on another thread.
    std::lock_guard lock(m_mutex);
    std::string id = idIn.empty() ? uuidV7(m_clock.physicalNow()) : idIn;
    if (!isValidRecordId(id))
        throw Error(ErrorKind::Invalid, "\"" + id + "\" is not a record id");

    Transaction t(m_replica.db());
    auto existing = m_replica.record(collection, id);
    std::string school = schoolIn;
    if (existing) {
        if (!school.empty() && school != existing->school)
            throw Error(ErrorKind::Invalid, collection + "/" + id + " belongs to school " + existing->school + ", not " + school);
        school = existing->school;
    } else if (school.empty()) {
        school = defaultSchool(collection, id);
    }
    if (!isValidSchoolCode(school))
        throw Error(ErrorKind::Invalid, "\"" + school + "\" is not a school code");

    std::vector<OutboxEntry> outbox = existing ? m_replica.outboxFor(collection, id) : std::vector<OutboxEntry>{};
    Overlay o = computeOverlay(existing ? existing->server : std::nullopt, outbox, m_replica.meta(MetaKey::User).value_or(""));
    if (existing && o.deleted)
        throw Error(ErrorKind::Invalid, collection + "/" + id + " has been deleted");

    Mutation m;
    m.collection = collection;
    m.id = id;
    m.school = school;
    m.op = Op::Put;
    // Values the server refused are carried into this change, so correcting one
    // field sends the whole corrected set again; nothing typed is dropped.
    for (const auto &e : outbox) {
        if (e.state != OutboxState::Rejected || e.mutation.op != Op::Put)
            continue;
        for (auto it = e.mutation.fields.begin(); it != e.mutation.fields.end(); ++it)
            m.fields[it.key()] = it.value();
    }
    for (auto it = fields.begin(); it != fields.end(); ++it)
        m.fields[it.key()] = it.value();
    // Nothing new: no mutation.
    bool changes = false;
    for (auto it = m.fields.begin(); it != m.fields.end(); ++it) {
        auto cur = o.fields.find(it.key());
        if (cur == o.fields.end() || *cur != it.value() || o.anyRejected)
            changes = true;
    }
    if (!changes && existing)
        return id;
    // Typing into a draft makes many small changes: while the last change of
    // this record has not been sent, fold the new values into it (nobody has
    // seen its version yet) instead of queueing another.
    if (!o.anyRejected && !outbox.empty() && outbox.back().state == OutboxState::Pending &&
        outbox.back().mutation.op == Op::Put) {
        Mutation prev = outbox.back().mutation;
        for (auto it = m.fields.begin(); it != m.fields.end(); ++it) {
            if (!prev.fields.contains(it.key()))
                prev.base[it.key()] = o.baseOf(it.key());
            prev.fields[it.key()] = it.value();
        }
        checkMutationSize(prev);
        prev.version = m_clock.tick();
        persistClock();
        m_replica.replacePendingOutbox(prev);
        StoredRecord r = *existing;
        recompute(r);
        m_replica.saveRecord(r);
        t.commit();
        return id;
    }
    for (auto it = m.fields.begin(); it != m.fields.end(); ++it)
        m.base[it.key()] = o.baseOf(it.key());
    if (auto d = o.baseOf(kDeletedField))
        m.base[kDeletedField] = d;
    checkMutationSize(m);
    m.version = m_clock.tick();
    persistClock();
    for (const auto &e : outbox)
        if (e.state == OutboxState::Rejected && e.mutation.op == Op::Put)
            m_replica.removeOutbox(e.mutation.n);
    m_replica.appendOutbox(m);

    StoredRecord r = existing.value_or(StoredRecord{collection, id, school});
    recompute(r);
    m_replica.saveRecord(r);
    t.commit();
    return id;
}

void Engine::remove(const std::string &collection, const std::string &id)
{
    std::lock_guard lock(m_mutex);
    Transaction t(m_replica.db());
    auto existing = m_replica.record(collection, id);
    if (!existing)
        throw Error(ErrorKind::NotFound, "no record " + collection + "/" + id);
    Overlay o = computeOverlay(existing->server, m_replica.outboxFor(collection, id), m_replica.meta(MetaKey::User).value_or(""));
    if (o.deleted)
        return;
    Mutation m;
    m.collection = collection;
    m.id = id;
    m.school = existing->school;
    m.op = Op::Delete;
    m.fields = Json{{kDeletedField, true}};
    for (const auto &[field, v] : o.baseVersions)
        m.base[field] = v;
    if (!m.base.count(kDeletedField))
        m.base[kDeletedField] = std::nullopt;
    m.version = m_clock.tick();
    persistClock();
    m_replica.appendOutbox(m);
    recompute(*existing);
    m_replica.saveRecord(*existing);
    t.commit();
}

void Engine::resolve(const std::string &collection, const std::string &id, const std::string &field, const Json &value)
{
    std::lock_guard lock(m_mutex);
    Transaction t(m_replica.db());
    auto existing = m_replica.record(collection, id);
    if (!existing)
        throw Error(ErrorKind::NotFound, "no record " + collection + "/" + id);
    Overlay o = computeOverlay(existing->server, m_replica.outboxFor(collection, id), m_replica.meta(MetaKey::User).value_or(""));
    Mutation m;
    m.collection = collection;
    m.id = id;
    m.school = existing->school;
    m.op = Op::Resolve;
    for (const auto &c : o.conflicts)
        if (c.field == field)
            m.settles.push_back(c.version);
    if (m.settles.empty())
        throw Error(ErrorKind::Invalid, collection + "/" + id + " has no conflict on \"" + field + "\"");
    m.fields = Json{{field, value}};
    m.base[field] = o.baseOf(field);
    m.version = m_clock.tick();
    persistClock();
    m_replica.appendOutbox(m);
    recompute(*existing);
    m_replica.saveRecord(*existing);
    t.commit();
}

void Engine::discardRejected(const std::string &collection, const std::string &id)
{
    std::lock_guard lock(m_mutex);
    Transaction t(m_replica.db());
    auto existing = m_replica.record(collection, id);
    if (!existing)
        throw Error(ErrorKind::NotFound, "no record " + collection + "/" + id);
    for (const auto &e : m_replica.outboxFor(collection, id))
        if (e.state == OutboxState::Rejected)
            m_replica.removeOutbox(e.mutation.n);
    if (!existing->server && m_replica.outboxFor(collection, id).empty()) {
        // Never reached the bureau and nothing else waits: the record goes.
        m_replica.deleteRecord(collection, id);
    } else {
        recompute(*existing);
        m_replica.saveRecord(*existing);
    }
    t.commit();
}

std::optional<LocalRecord> Engine::get(const std::string &collection, const std::string &id)
{
    std::lock_guard lock(m_mutex);
    auto r = m_replica.record(collection, id);
    if (!r)
        return std::nullopt;
    return toLocal(*r);
}

std::vector<LocalRecord> Engine::toLocal(const std::vector<StoredRecord> &rs)
{
    std::vector<LocalRecord> out;
    out.reserve(rs.size());
    for (const auto &r : rs)
        out.push_back(toLocal(r));
    return out;
}

std::vector<LocalRecord> Engine::list(const std::string &collection, bool includeDeleted)
{
    std::lock_guard lock(m_mutex);
    return toLocal(m_replica.records(collection, includeDeleted));
}

std::vector<LocalRecord> Engine::conflicts()
{
    std::lock_guard lock(m_mutex);
    return toLocal(m_replica.recordsInState(syncStateName(SyncState::Conflict)));
}

std::vector<LocalRecord> Engine::rejected()
{
    std::lock_guard lock(m_mutex);
    return toLocal(m_replica.recordsInState(syncStateName(SyncState::Rejected)));
}

} // namespace cx
