#pragma once
// The bureau's list of enrolled devices (`cunxiao-server admin DATA_DIR
// devices`): who, which phone, which app version, when and from where it was
// last seen, whether it is revoked (and told to wipe), when its token expires.
#include "storage/Store.h"

#include <iosfwd>
#include <string>

namespace cx::server {

// Every device, or those of `user` (cx::Error(NotFound) if no such account).
// Text: a table with a header; json: a JSON array of objects. Returns how many.
size_t listDevices(Store &store, const std::string &user, bool json, std::ostream &out, int64_t nowMs);

} // namespace cx::server
