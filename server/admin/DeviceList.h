#pragma once
// The bureau's list of enrolled devices (`cunxiao-server admin DATA_DIR
// devices`): who, which phone, which app version, when and from where it was
// last seen, whether it is revoked (and told to wipe), when its token expires.
#include "http/HttpServer.h"
#include "storage/Store.h"

#include <iosfwd>
#include <string>

namespace cx::server {

// Every device, or those of `user` (cx::Error(NotFound) if no such account).
// Text: a table with a header; json: a JSON array of objects. Returns how many.
size_t listDevices(Store &store, const std::string &user, bool json, std::ostream &out, int64_t nowMs);

// The same list as JSON objects, each with the account's role and schools and
// what the device last reported of itself ("health", null if never): what
// `admin devices --json` prints and what POST /v1/devices gives a bureau device.
Json devicesJson(Store &store, const std::vector<Device> &devices);

// POST /v1/devices (docs/protocol.md "Device health"): the county's devices,
// for a bureau account only (403 for any other).
HttpReply routeDevices(Store &store, const std::string &authorization);

} // namespace cx::server
