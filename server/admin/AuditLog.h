#pragma once
// The audit read back (`cunxiao-server admin DATA_DIR audit`): record writes,
// sign-ins and administrative events (accounts, revocations, wipe orders,
// token rotations, forms, exports) merged in time order, oldest first, as
// plain-language lines or JSON Lines. Read-only: nothing here changes a row.
#include "storage/Store.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cx::server {

struct AuditFilter {
    std::string user;           // its writes, sign-ins, and events it did or that are about it
    std::string collection, id; // one record's writes and events (no sign-ins)
    int64_t since = 0;          // ms; 0: from the start
};

struct AuditLine {
    int64_t at = 0;
    std::string kind; // record | sign-in | admin
    std::string text; // one line, plain language, without the time
    Json json;        // the same as an object (time included)
};

// Throws cx::Error(Invalid) for a --record that is not COLLECTION/ID.
AuditFilter auditFilter(const std::string &user, const std::string &record, int64_t since);
std::vector<AuditLine> readAudit(Store &store, const AuditFilter &filter);
// Text: "TIME  KIND  TEXT" per line; json: one object per line (JSON Lines).
void writeAudit(const std::vector<AuditLine> &lines, std::ostream &out, bool json);

} // namespace cx::server
