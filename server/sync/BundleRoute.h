#pragma once
// Sync bundles at the bureau (docs/bundles.md): a device's sealed push,
// brought on a USB stick (admin bundle-in) or by a relay (POST /v1/relay),
// is opened, authenticated with the device's bundle secret and run through
// handleSync exactly as an online sync; the reply (the acknowledgements and
// pages after the bundle's cursor, up to a size) is sealed for that device.
#include "attachments/AttachmentStore.h"
#include "auth/Auth.h"
#include "http/HttpServer.h"
#include "protocol/Messages.h"
#include "storage/Store.h"
#include "sync/Validator.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace cx::server {

// The server's bundle key pair and the master secret the devices' bundle
// secrets derive from, in the store's meta (so every instance sharing a
// database has the same); made on first use.
struct BundleKeys {
    std::string priv, pub, master; // raw 32 bytes each
};
BundleKeys bundleKeys(Store &store);
// HMAC-SHA256(master, "cunxiao bundle device v1 " + device): nothing per device is stored.
std::string deviceBundleSecret(const BundleKeys &keys, const std::string &device);
// Adds the server key and the device's secret to an enrolment reply.
void addBundleKeys(Store &store, EnrollResponse &r, const std::string &device);

struct BundleOutcome {
    std::string reply; // the sealed reply bundle
    std::string device, user, bundle;
    size_t mutations = 0, rejected = 0, changes = 0, pages = 0, attachments = 0;
    uint64_t acked = 0;
    bool more = false; // more pages than maxReplyBytes allowed
};

// Throws cx::Error naming what is wrong: Protocol "not a Cunxiao bundle",
// "truncated bundle", "damaged bundle"; Auth "foreign bundle" (a device this
// server does not know), "revoked device", "tampered bundle"; nothing is
// applied then. files may be null (attachments are then refused).
BundleOutcome handleBundle(Store &store, const Validator &validator, AttachmentStore *files, std::string_view bytes,
                           int64_t nowMs, uint64_t maxReplyBytes);

constexpr uint64_t kDefaultBundleReplyBytes = 4u * 1024 * 1024;
constexpr size_t kMaxRelayRequestBytes = 4096;

// POST /v1/relay {"protocol":1,"sha256":HEX,"size":N,"max_bytes":N}: the
// bundle uploaded before as an attachment by the relay (its own token);
// 200 {"protocol":1,"reply":BASE64}; 422 {"error":"bundle"} when refused.
HttpReply routeRelay(Store &store, const Validator &validator, AttachmentStore &files, const std::string &authorization,
                     const std::string &encoding, const std::string &body, int64_t nowMs);

// POST /v1/bundle-key (no body): {"protocol":1,"server_key":B64,"device_secret":B64}
// for the device behind the token: devices enrolled before bundles get
// theirs on their next sync.
HttpReply routeBundleKey(Store &store, const std::string &authorization);

} // namespace cx::server
