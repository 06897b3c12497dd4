#include "auth/DeviceTokens.h"

#include "protocol/Crypto.h"
#include "protocol/Errors.h"

namespace cx::server {

DeviceSession admitDevice(Store &store, const std::string &token, int64_t nowMs, const ClientInfo &client, int64_t lifetimeMs)
{
    DeviceSession who = authenticate(store, token, nowMs, client);
    auto dev = store.device(who.device);
    if (!dev)
        throw Error(ErrorKind::Auth, "unknown device token; enroll again");
    const bool renew = lifetimeMs > 0 && (dev->tokenExpires == 0 || nowMs - dev->tokenRenewed >= kDayMs);
    const bool moved = !client.source.empty() && client.source != dev->lastSource;
    const bool updated = !client.app.empty() && client.app != dev->appVersion;
    if (!renew && !moved && !updated)
        return who;
    const int64_t expires = renew ? nowMs + lifetimeMs : dev->tokenExpires;
    store.setDeviceContact(dev->id, moved ? client.source : dev->lastSource, updated ? client.app : dev->appVersion, expires,
                           renew ? nowMs : dev->tokenRenewed);
    who.tokenExpires = expires;
    return who;
}

TokenRotateResponse rotateToken(Store &store, const DeviceSession &who, int64_t nowMs, int64_t lifetimeMs,
                                const std::string &source)
{
    TokenRotateResponse r;
    r.token = randomToken(32);
    r.tokenExpires = nowMs + lifetimeMs;
    Transaction tx(store);
    auto dev = store.deviceForUpdate(who.device);
    if (!dev)
        throw Error(ErrorKind::Auth, "unknown device token; enroll again");
    store.setDeviceTokens(dev->id, dev->tokenHash, sha256Hex(r.token), r.tokenExpires, nowMs);
    store.addAdminEvent(
        AdminEvent{nowMs, who.user, "token-rotated", "device " + who.device, Json{{"token_expires", r.tokenExpires}}, source});
    tx.commit();
    return r;
}

bool revokeOneDevice(Store &store, const std::string &deviceId, const std::string &actor, int64_t nowMs)
{
    Transaction tx(store);
    auto dev = store.device(deviceId);
    if (!dev)
        throw Error(ErrorKind::NotFound, "no device " + deviceId + " (list them with: admin DATA_DIR devices)");
    const bool changed = store.revokeDevice(deviceId);
    if (changed)
        store.addAdminEvent(AdminEvent{nowMs, actor, "revoke-device", "device " + deviceId,
                                       Json{{"user", dev->user}, {"device_name", dev->name}, {"wipe", true}}, ""});
    tx.commit();
    return changed;
}

} // namespace cx::server
