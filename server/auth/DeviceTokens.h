#pragma once
// The life of a device's token (issue 13, docs/protocol.md "Device tokens"):
// admission of every authenticated request (sliding expiry, last source
// address and app version), rotation, and the bureau's revoke of one device
// with its wipe order.
#include "auth/Auth.h"
#include "storage/Store.h"

#include <string>

namespace cx::server {

// Every authenticated request, before its body is read: authenticate(), then
// when the token's last renewal is at least a day old (or it never had an
// expiry) its expiry moves to now + lifetimeMs, and the device's last source
// address and app version are kept when they changed. A device that syncs
// within its lifetime never sees its token expire. Writes nothing otherwise.
DeviceSession admitDevice(Store &store, const std::string &token, int64_t nowMs, const ClientInfo &client, int64_t lifetimeMs);

// A new token for this device (POST /v1/token/rotate): it waits beside the
// current one, which keeps working until the new one is first used (a lost
// reply cannot lock the device out; a second rotation replaces a token that
// never arrived). The expiry moves to now + lifetimeMs. Audited.
TokenRotateResponse rotateToken(Store &store, const DeviceSession &who, int64_t nowMs, int64_t lifetimeMs,
                                const std::string &source);

// Revokes one device and orders it to wipe (its next request gets 401
// "device-revoked", "wipe": true). Audited. Throws cx::Error(NotFound) for an
// unknown device. Returns false if it was revoked already.
bool revokeOneDevice(Store &store, const std::string &deviceId, const std::string &actor, int64_t nowMs);

} // namespace cx::server
