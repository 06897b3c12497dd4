#pragma once
// What the person sees of one record: the last server state with every
// unacknowledged local change replayed on top, in order. Also the base
// versions a new local change must carry (never a rejected change's version:
// the server never applied those).
#include "engine/Replica.h"
#include "protocol/Record.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cx {

struct Overlay {
    Json fields = Json::object();
    std::map<std::string, Version> versions;     // visible values' versions
    std::map<std::string, Version> baseVersions; // what a new change builds on
    std::map<std::string, std::string> by;
    std::vector<Conflict> conflicts;
    bool deleted = false;
    bool anyPending = false, anySent = false, anyRejected = false;
    std::string rejectReason;
    Json rejectFields = Json::object();

    std::optional<Version> baseOf(const std::string &field) const;
};

Overlay computeOverlay(const std::optional<RecordState> &server, const std::vector<OutboxEntry> &outbox,
                       const std::string &localUser);

} // namespace cx
