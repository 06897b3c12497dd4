#pragma once
// The merge rule: how the server applies one mutation to a record's state.
//
// For each field the mutation writes, with `base` the version the device had
// seen and `cur` the version the server holds:
//   - cur == base (or the server has no version, or the current value is this
//     same device's earlier write): a sequential edit; it applies.
//   - otherwise the edits were concurrent. If both wrote the same value there is
//     nothing to settle. Else the higher version (hlc, node) wins, on every
//     replica and in any arrival order, and the other value is kept as a
//     conflict for a person to settle.
// A conflict whose version is the mutation's base was seen by its author and is
// superseded. A Resolve mutation first removes the conflicts it settles.
// Deletion is the field "_deleted": a delete that did not see every field's
// current version, or an edit that did not see the deletion, keeps the record
// visible with the deletion as a conflict (edits beat deletes until settled).
// Such an edit writes "_deleted": false under its own version and author; a
// value and a conflict of the same field never share a version.
#include "protocol/Messages.h"
#include "protocol/Record.h"

#include <string>
#include <vector>

namespace cx {

struct MergeOutcome {
    bool changed = false;
    std::vector<std::string> conflictedFields; // fields that gained a conflict
};

MergeOutcome applyMutation(RecordState &rec, const Mutation &m, const std::string &author);

} // namespace cx
