#pragma once
// The one path by which a record changes on the server, for sync and admin
// writes alike: a new global seq, the scope checksum kept incrementally, and
// an audit entry saying who changed what. Call inside a transaction.
#include "protocol/Messages.h"
#include "storage/Store.h"

#include <optional>
#include <string>
#include <vector>

namespace cx::server {

inline constexpr int64_t kMaxClockLeadMs = 60 * 1000; // versions at most this far ahead of the server

// A deleted record (RecordState::deleted: no deletion conflict pending) keeps
// only what sync needs: collection, id, school, seq and "_deleted" with its
// version and author. Every other field, version, author and conflict is
// dropped, so no personal value outlives its deletion in the records table or
// on the devices that receive the tombstone (issue 13). An edit that raced the
// deletion and arrives later brings back only the fields it wrote.
void clearTombstone(RecordState &rec);

// Stores `rec` (already merged; a tombstone cleared by clearTombstone) under a new seq; `oldSeq` is its previous seq
// (0: the record is new). Sets rec.seq. The attachments the record's values
// refer to are visible to the record's school, those it no longer refers to
// not through it (Store::setAttachmentRefs).
void storeChangedRecord(Store &store, RecordState &rec, uint64_t oldSeq, const AuditEntry &audit);

// The server's own hybrid clock as seen by writes of `school`
// (Store::serverHlc): a new node-0 version for an admin write, and observing
// versions written by devices. Call with the school locked.
Version serverTick(Store &store, const std::string &school, int64_t nowMs);
void serverObserve(Store &store, const std::string &school, uint64_t hlc);

// An admin write (import, demo, publish-form, bureau correction from the
// command line): merges `fields` as a sequential edit with a node-0 version
// through cx::applyMutation. Locks the school (Store::lockSchools). Returns
// the record's state afterwards; *changed (when given) says whether it
// wrote a new version.
// Throws cx::Error(Invalid) if the record exists in another school.
RecordState serverPut(Store &store, const std::string &collection, const std::string &id, const std::string &school,
                      const Json &fields, const std::string &author, int64_t nowMs, bool *changed = nullptr);

// The checksum sum of a scope computed from scratch (for checks and tests).
uint64_t recomputeScopeSum(Store &store, const std::string &school);

} // namespace cx::server
