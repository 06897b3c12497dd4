#include "engine/Overlay.h"

#include <algorithm>

namespace cx {

std::optional<Version> Overlay::baseOf(const std::string &field) const
{
    auto it = baseVersions.find(field);
    if (it == baseVersions.end())
        return std::nullopt;
    return it->second;
}

Overlay computeOverlay(const std::optional<RecordState> &server, const std::vector<OutboxEntry> &outbox,
                       const std::string &localUser)
{
    Overlay o;
    if (server) {
        o.fields = server->fields;
        o.versions = server->versions;
        o.baseVersions = server->versions;
        o.by = server->by;
        o.conflicts = server->conflicts;
    }
    for (const auto &e : outbox) {
        const Mutation &m = e.mutation;
        bool rejected = e.state == OutboxState::Rejected;
        if (rejected) {
            o.anyRejected = true;
            o.rejectReason = e.reason;
            o.rejectFields = e.fieldReasons;
        } else if (e.state == OutboxState::Sent) {
            o.anySent = true;
        } else {
            o.anyPending = true;
        }
        if (m.op == Op::Resolve) {
            std::erase_if(o.conflicts, [&](const Conflict &c) {
                return m.fields.contains(c.field) && std::find(m.settles.begin(), m.settles.end(), c.version) != m.settles.end();
            });
        }
        for (auto it = m.fields.begin(); it != m.fields.end(); ++it) {
            o.fields[it.key()] = it.value();
            o.versions[it.key()] = m.version;
            o.by[it.key()] = localUser;
            if (!rejected)
                o.baseVersions[it.key()] = m.version;
        }
    }
    auto d = o.fields.find(kDeletedField);
    bool deletionConflict =
        std::any_of(o.conflicts.begin(), o.conflicts.end(), [](const Conflict &c) { return c.field == kDeletedField; });
    o.deleted = d != o.fields.end() && *d == true && !deletionConflict;
    return o;
}

} // namespace cx
