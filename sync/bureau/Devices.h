#pragma once
// Devices: the county's device list as the bureau reads it (the list the
// engine fetched and keeps: Engine::devices()), one row a device with what it
// last reported of itself, and what deserves attention: a device not synced
// for N days, one holding changes the server refused, conflicts, nearly full.
// The app's device page and `cunxiao-cli devices` both use it.
#include "protocol/Json.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cx::bureau {

struct DeviceRow {
    std::string device, user, role, name, app;
    std::vector<std::string> schools;
    bool revoked = false;
    int64_t lastSeenMs = 0;
    bool reported = false; // has it sent its health yet
    uint64_t pending = 0, pendingPhotos = 0, rejected = 0, conflicts = 0, freeBytes = 0;
    bool freeKnown = false;
    std::string link, lastError;
    std::map<std::string, int64_t> forms; // form id -> the version this device holds
    bool formsKnown = false;              // it reported its forms (an older app does not)
    double daysSinceSync(int64_t nowMs) const { return lastSeenMs ? double(nowMs - lastSeenMs) / 86400000.0 : 1e9; }
    // Why the bureau should look at it ("" = nothing): stale, refused, conflicts, storage.
    std::vector<std::string> attention(int64_t nowMs, int staleDays) const;
    Json toJson(int64_t nowMs, int staleDays) const;
};

// Rows from the list (the server's JSON), revoked devices last, then the
// longest silent first. Entries that are not objects are skipped.
std::vector<DeviceRow> deviceRows(const Json &list);

} // namespace cx::bureau
