#pragma once
// The names the replica stores: an outbox entry's state (outbox.state), an
// attachment's state (attachments.state), and the keys of the meta table.
// Each is the text in the file, named once here so that code compares and
// writes a name the compiler checks instead of a string a typo breaks. The
// states' meaning and transitions are in Engine.h (STATES); a record's own
// state is SyncState (syncStateName/syncStateFromName, Engine.h).
// The schema's defaults and a few SQL filters spell the same texts in SQL.

namespace cx {

// outbox.state
struct OutboxState {
    static constexpr const char *Pending = "pending";
    static constexpr const char *Sent = "sent";
    static constexpr const char *Rejected = "rejected";
};

// attachments.state (AttachmentInfo::state)
struct AttachmentState {
    static constexpr const char *Pending = "pending";
    static constexpr const char *Uploading = "uploading";
    static constexpr const char *Done = "done";
    static constexpr const char *Refused = "refused";
};

// The meta table's keys (Replica::meta/setMeta). A Prefix is followed by a
// school code, a bundle id or a caller's key.
struct MetaKey {
    // the enrolment (enrollWith)
    static constexpr const char *Server = "server";
    static constexpr const char *CaFile = "ca_file";
    static constexpr const char *Pin = "pin";
    static constexpr const char *Token = "token";
    static constexpr const char *Device = "device";
    static constexpr const char *Node = "node";
    static constexpr const char *User = "user";
    static constexpr const char *Role = "role";
    static constexpr const char *Schools = "schools";
    // the clock and the outbox's next number
    static constexpr const char *Hlc = "hlc";
    static constexpr const char *ClockOffset = "clock_offset";
    static constexpr const char *NextN = "next_n";
    // syncs
    static constexpr const char *LastSync = "last_sync";
    static constexpr const char *LastComplete = "last_complete";
    static constexpr const char *HealthSent = "health_sent";
    static constexpr const char *ServerEnc = "server_enc"; // the wire encoding of the server's last sync reply
    static constexpr const char *RepairPrefix = "repair:";
    static constexpr const char *AttachmentsOnlyUnmetered = "attachments_only_unmetered";
    // bundles (Bundle.cpp)
    static constexpr const char *BundleServerKey = "bundle_server_key";
    static constexpr const char *BundleSecret = "bundle_secret";
    static constexpr const char *BundleKeyAsked = "bundle_key_asked";
    static constexpr const char *BundlePrefix = "bundle:";
    static constexpr const char *BundleDonePrefix = "bundle_done:";
    // lists kept for the bureau (Engine::keepDatedList; "<key>_at": when)
    static constexpr const char *Devices = "devices";
    static constexpr const char *AdminAccounts = "admin_accounts";
    static constexpr const char *AtSuffix = "_at";
    // values a device keeps for itself (Engine::localValue)
    static constexpr const char *LocalPrefix = "local:";
};

} // namespace cx
