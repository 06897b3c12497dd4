#pragma once
// The sync endpoint as a pure function over the Store: no HTTP, no globals,
// time and storage injected, so a deterministic simulation can call it
// directly with many devices and injected crashes.
#include "auth/Auth.h"
#include "protocol/Messages.h"
#include "storage/Store.h"
#include "sync/Validator.h"

#include <cstdint>

namespace cx::server {

// Applies the request's new mutations in ONE write transaction of `store` (a
// failure rolls the whole push back, so a retry starts clean), then builds the
// reply in one read snapshot. Idempotent: mutations with n <= the device's last
// applied counter are skipped, and their records and remembered rejections are
// returned again, so a reply lost after the push committed costs nothing.
//
// Throws cx::Error(Auth) if the request's device is not the session's device
// or the device is unknown; cx::Error(Storage) on a storage failure.
SyncResponse handleSync(Store &store, const DeviceSession &who, const SyncRequest &req, int64_t nowMs,
                        const Validator &validator);

// The same with the default validator (accepts every record).
SyncResponse handleSync(Store &store, const DeviceSession &who, const SyncRequest &req, int64_t nowMs);

} // namespace cx::server
