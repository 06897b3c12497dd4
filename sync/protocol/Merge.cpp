#include "protocol/Merge.h"

#include <algorithm>

namespace cx {

namespace {

std::optional<Version> currentVersion(const RecordState &rec, const std::string &field)
{
    auto it = rec.versions.find(field);
    if (it == rec.versions.end())
        return std::nullopt;
    return it->second;
}

std::optional<Version> baseOf(const Mutation &m, const std::string &field)
{
    auto it = m.base.find(field);
    if (it == m.base.end())
        return std::nullopt;
    return it->second;
}

Json valueOf(const RecordState &rec, const std::string &field)
{
    auto it = rec.fields.find(field);
    return it == rec.fields.end() ? Json(nullptr) : *it;
}

void addConflict(RecordState &rec, MergeOutcome &out, const std::string &field, Json value, Version v, std::string by)
{
    for (const auto &c : rec.conflicts)
        if (c.field == field && c.version == v)
            return; // already kept (a retried or replayed mutation)
    rec.conflicts.push_back(Conflict{field, std::move(value), v, std::move(by)});
    out.conflictedFields.push_back(field);
}

void setField(RecordState &rec, const std::string &field, const Json &value, Version v, const std::string &author)
{
    rec.fields[field] = value;
    rec.versions[field] = v;
    rec.by[field] = author;
}

// One field written by a mutation, with the concurrency rule.
void mergeField(RecordState &rec, MergeOutcome &out, const Mutation &m, const std::string &field, const Json &value,
                const std::string &author)
{
    std::optional<Version> base = baseOf(m, field);
    std::optional<Version> cur = currentVersion(rec, field);

    // The author saw these values (its base, and always its own earlier writes);
    // they no longer need settling.
    std::erase_if(rec.conflicts, [&](const Conflict &c) {
        return c.field == field && ((base && c.version == *base) || (m.version.node != 0 && c.version.node == m.version.node));
    });
    if (cur && *cur == m.version)
        return; // this very write is already applied

    // A device always sees its own earlier writes (they are in its outbox), even
    // when the server clamped their version because the device clock ran ahead.
    bool ownEarlierWrite = cur && m.version.node != 0 && cur->node == m.version.node;
    if (!cur || cur == base || ownEarlierWrite) {
        setField(rec, field, value, m.version, author);
        out.changed = true;
        return;
    }
    // Concurrent with whatever set `cur`.
    if (valueOf(rec, field) == value) {
        if (m.version > *cur) {
            rec.versions[field] = m.version;
            rec.by[field] = author;
        }
        out.changed = true;
        return;
    }
    if (m.version > *cur) {
        // A resolve that names the current version among those it settles has
        // settled it: keeping it as a conflict would bring back what the person
        // just settled (and a replay of the same resolve would then drop it).
        bool settled = m.op == Op::Resolve && std::find(m.settles.begin(), m.settles.end(), *cur) != m.settles.end();
        if (!settled)
            addConflict(rec, out, field, valueOf(rec, field), *cur, rec.by.count(field) ? rec.by[field] : std::string());
        setField(rec, field, value, m.version, author);
    } else {
        addConflict(rec, out, field, value, m.version, author);
    }
    out.changed = true;
}

bool recordIsDeletedOnServer(const RecordState &rec)
{
    auto it = rec.fields.find(kDeletedField);
    return it != rec.fields.end() && *it == true;
}

} // namespace

MergeOutcome applyMutation(RecordState &rec, const Mutation &m, const std::string &author)
{
    MergeOutcome out;

    if (m.op == Op::Resolve) {
        size_t before = rec.conflicts.size();
        std::erase_if(rec.conflicts, [&](const Conflict &c) {
            return m.fields.contains(c.field) && std::find(m.settles.begin(), m.settles.end(), c.version) != m.settles.end();
        });
        out.changed = before != rec.conflicts.size();
    }

    if (m.op == Op::Delete) {
        // Every field the deleter did not see at its current version is an edit it raced.
        bool raced = false;
        for (const auto &[field, ver] : rec.versions) {
            if (field == kDeletedField)
                continue;
            if (baseOf(m, field) != ver) {
                raced = true;
                break;
            }
        }
        if (recordIsDeletedOnServer(rec) && !rec.hasConflict(kDeletedField)) {
            return out; // already deleted
        }
        if (raced) {
            addConflict(rec, out, kDeletedField, true, m.version, author);
            out.changed = true;
        } else {
            mergeField(rec, out, m, kDeletedField, true, author);
        }
        rec.sortConflicts();
        return out;
    }

    // Put or Resolve.
    bool editsDeleted = recordIsDeletedOnServer(rec) && !m.fields.contains(kDeletedField);
    if (editsDeleted) {
        auto cur = currentVersion(rec, kDeletedField);
        if (cur && baseOf(m, kDeletedField) != cur) {
            // The author did not see the deletion: keep the record visible and
            // the deletion as a conflict. This edit keeps the record, so
            // "_deleted": false is its value, under its version and author.
            // (Giving it the deletion's version, or any other, made the value
            // and its conflict share a version: a later resolve or delete then
            // settled the one in place of the other, or an equal "keep" with an
            // older clock left no trace.)
            addConflict(rec, out, kDeletedField, true, *cur, rec.by.count(kDeletedField) ? rec.by[kDeletedField] : std::string());
            setField(rec, kDeletedField, false, m.version, author);
            out.changed = true;
        }
    }
    for (auto it = m.fields.begin(); it != m.fields.end(); ++it)
        mergeField(rec, out, m, it.key(), it.value(), author);
    rec.sortConflicts();
    return out;
}

} // namespace cx
