#include "sync/RecordWrites.h"

#include "protocol/Errors.h"
#include "protocol/Merge.h"

#include <algorithm>

namespace cx::server {

void clearTombstone(RecordState &rec)
{
    if (!rec.deleted())
        return;
    const Json deleted = rec.fields.value(kDeletedField, Json(true));
    rec.fields = Json::object();
    rec.fields[kDeletedField] = deleted;
    std::erase_if(rec.versions, [](const auto &kv) { return kv.first != kDeletedField; });
    std::erase_if(rec.by, [](const auto &kv) { return kv.first != kDeletedField; });
    rec.conflicts.clear();
}

void storeChangedRecord(Store &store, RecordState &rec, uint64_t oldSeq, const AuditEntry &audit)
{
    clearTombstone(rec); // a deleted pupil's name, ID number, photos: gone from the record
    uint64_t sum = store.scopeSum(rec.school);
    if (oldSeq != 0)
        sum -= scopeHash(rec.collection, rec.id, oldSeq);
    rec.seq = store.nextSeq();
    sum += scopeHash(rec.collection, rec.id, rec.seq);
    store.setScopeSum(rec.school, sum);
    store.putRecord(rec);
    // Who may download the files it refers to: kept in the same transaction.
    // Its current values and any conflicting ones; a deleted record refers to nothing.
    std::vector<std::string> refs;
    if (!rec.deleted()) {
        collectAttachmentRefs(rec.fields, refs);
        for (const auto &c : rec.conflicts)
            collectAttachmentRefs(c.value, refs);
    }
    store.setAttachmentRefs(rec.collection, rec.id, rec.school, refs);
    AuditEntry e = audit;
    e.seq = rec.seq;
    e.collection = rec.collection;
    e.id = rec.id;
    store.addAudit(e);
}

Version serverTick(Store &store, const std::string &school, int64_t nowMs)
{
    uint64_t next = std::max(store.serverHlc(school) + 1, makeHlc(nowMs, 0));
    store.setServerHlc(school, next);
    return Version{next, 0};
}

void serverObserve(Store &store, const std::string &school, uint64_t hlc)
{
    if (hlc > store.serverHlc(school))
        store.setServerHlc(school, hlc);
}

RecordState serverPut(Store &store, const std::string &collection, const std::string &id, const std::string &school,
                      const Json &fields, const std::string &author, int64_t nowMs, bool *changed)
{
    if (changed)
        *changed = false;
    store.lockSchools({school});
    auto existing = store.record(collection, id);
    if (existing && existing->school != school)
        throw Error(ErrorKind::Invalid, collection + "/" + id + " belongs to school " + existing->school + ", not " + school);
    RecordState rec;
    if (existing) {
        rec = *existing;
    } else {
        rec.collection = collection;
        rec.id = id;
        rec.school = school;
    }
    Mutation m;
    m.collection = collection;
    m.id = id;
    m.school = school;
    m.op = Op::Put;
    // Only what differs: importing the same file twice changes nothing.
    m.fields = Json::object();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        auto cur = rec.fields.find(it.key());
        if (!existing || cur == rec.fields.end() || *cur != it.value() || rec.hasConflict(it.key()))
            m.fields[it.key()] = it.value();
    }
    if (existing && m.fields.empty())
        return rec;
    for (auto it = m.fields.begin(); it != m.fields.end(); ++it) {
        auto v = rec.versions.find(it.key());
        m.base[it.key()] = v == rec.versions.end() ? std::nullopt : std::optional<Version>(v->second);
    }
    if (auto d = rec.versions.find(kDeletedField); d != rec.versions.end() && !fields.contains(kDeletedField))
        m.base[kDeletedField] = d->second;
    m.version = serverTick(store, school, nowMs);
    uint64_t oldSeq = existing ? existing->seq : 0;
    MergeOutcome out = applyMutation(rec, m, author);
    if (out.changed) {
        AuditEntry a;
        a.at = nowMs;
        a.user = author;
        a.mutation = m.toJson();
        storeChangedRecord(store, rec, oldSeq, a);
        if (changed)
            *changed = true;
    }
    return rec;
}

uint64_t recomputeScopeSum(Store &store, const std::string &school)
{
    uint64_t sum = 0;
    for (const auto &r : store.allRecordsOfSchool(school))
        sum += scopeHash(r.collection, r.id, r.seq);
    return sum;
}

} // namespace cx::server
