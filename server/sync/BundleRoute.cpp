#include "sync/BundleRoute.h"

#include "protocol/Bundle.h"
#include "protocol/Compression.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "sync/SyncHandler.h"

namespace cx::server {

BundleKeys bundleKeys(Store &store)
{
    auto load = [&](BundleKeys &k) {
        auto priv = store.meta("bundle_key");
        auto master = store.meta("bundle_master");
        if (!priv || !master)
            return false;
        k.priv = base64Decode(*priv);
        k.master = base64Decode(*master);
        k.pub = x25519PublicOf(k.priv);
        return true;
    };
    BundleKeys k;
    if (load(k))
        return k;
    Transaction tx(store);
    if (load(k)) // made meanwhile
        return k;
    X25519Pair p = x25519Generate();
    k.priv = p.priv;
    k.pub = p.pub;
    k.master.assign(32, '\0');
    randomBytes(reinterpret_cast<unsigned char *>(k.master.data()), 32);
    store.setMeta("bundle_key", base64Encode(k.priv));
    store.setMeta("bundle_master", base64Encode(k.master));
    tx.commit();
    return k;
}

std::string deviceBundleSecret(const BundleKeys &keys, const std::string &device)
{
    return hmacSha256(keys.master, "cunxiao bundle device v1 " + device);
}

void addBundleKeys(Store &store, EnrollResponse &r, const std::string &device)
{
    BundleKeys k = bundleKeys(store);
    r.bundleKey = k.pub;
    r.bundleSecret = deviceBundleSecret(k, device);
}

namespace {

// A page's compressed size, to keep the reply within what the carrier chose.
size_t packedSize(const Json &j) { return compress(j.dump(), 3).size(); }

} // namespace

BundleOutcome handleBundle(Store &store, const Validator &validator, AttachmentStore *files, std::string_view bytes,
                           int64_t nowMs, uint64_t maxReplyBytes)
{
    OpenedFrame f = parseBundleFrame(bytes);
    if (f.header.kind != "push")
        throw Error(ErrorKind::Invalid, "this is a reply bundle: take it back to its device (cunxiao-cli bundle-in)");
    auto dev = store.device(f.header.device);
    if (!dev)
        throw Error(ErrorKind::Auth, "foreign bundle: device " + f.header.device + " is not enrolled at this server");
    if (dev->revoked)
        throw Error(ErrorKind::Auth,
                    "revoked device: device " + f.header.device + " (" + dev->user + ") has been revoked; its bundle is refused");
    auto acc = store.account(dev->user);
    if (!acc || acc->revoked)
        throw Error(ErrorKind::Auth, "revoked device: account " + dev->user + " is revoked; its bundle is refused");
    const BundleKeys keys = bundleKeys(store);
    const std::string secret = deviceBundleSecret(keys, dev->id);
    Json p = parseJson(openBundle(f, keys.priv, secret), "the bundle");
    if (p.value("device", "") != dev->id || p.value("bundle", "") != f.header.bundle)
        throw Error(ErrorKind::Auth, "tampered bundle: its contents name another device or bundle");
    SyncRequest req = SyncRequest::fromJson(p.at("request"));
    req.enc = 1; // a bundle's reply is applied from the bundle's note of its changes: whole states only
    if (req.device != dev->id)
        throw Error(ErrorKind::Auth, "tampered bundle: its request is for device " + req.device);
    const std::string replyKey = base64Decode(p.at("reply_key").get<std::string>());
    DeviceSession who{dev->id, dev->user, acc->role, dev->node, acc->schools};

    BundleOutcome out;
    out.device = dev->id;
    out.user = dev->user;
    out.bundle = f.header.bundle;
    out.mutations = req.mutations.size();

    // Attachments first, as an upload would put them: checked against their name.
    Json atts = Json::array();
    for (const auto &a : p.value("attachments", Json::array())) {
        const std::string sha = a.value("sha256", "");
        Json st{{"sha256", sha}};
        std::string data = base64Decode(a.value("data", ""));
        if (!isSha256Hex(sha) || sha256Hex(data) != sha) {
            st["state"] = "refused";
            st["reason"] = "its bytes do not match its SHA-256";
        } else if (!files) {
            st["state"] = "missing";
        } else {
            auto r = files->status(sha, data.size());
            if (r.state == "refused") {
                st["state"] = "refused";
                st["reason"] = r.reason;
            } else {
                if (r.state != "have") {
                    auto put = files->put(sha, 0, data.size(), data);
                    if (put.status == 409) // a partial copy: start again from it
                        put = files->put(sha, put.offset, data.size(), data.substr(put.offset));
                    if (!put.complete) {
                        st["state"] = put.status == 413 ? "refused" : "missing";
                        st["reason"] = put.message;
                        atts.push_back(st);
                        continue;
                    }
                }
                store.addAttachmentUploader(sha, who.user);
                st["state"] = "have";
                out.attachments++;
            }
        }
        atts.push_back(st);
    }

    // The same handler as an online sync, then further pages while they fit.
    Json replies = Json::array();
    size_t used = 0;
    SyncResponse resp = handleSync(store, who, req, nowMs, validator);
    out.acked = resp.acked;
    out.rejected = resp.rejected.size();
    for (;;) {
        Json j = resp.toJson();
        used += packedSize(j);
        out.changes += resp.changes.size();
        out.pages++;
        out.more = resp.more;
        replies.push_back(std::move(j));
        if (!resp.more || used >= maxReplyBytes)
            break;
        SyncRequest next;
        next.device = dev->id;
        next.cursor = resp.cursor;
        next.pageBytes = std::min<uint64_t>(256 * 1024, std::max<uint64_t>(4096, (maxReplyBytes - used) * 4));
        SyncResponse page = handleSync(store, who, next, nowMs, validator);
        if (!page.changes.empty() && used + packedSize(page.toJson()) > maxReplyBytes && out.pages > 0) {
            out.more = true;
            break;
        }
        resp = std::move(page);
    }
    Json payload{{"bundle", out.bundle}, {"device", out.device}, {"created", nowMs}, {"replies", replies}, {"attachments", atts}};
    BundleHeader h;
    h.kind = "reply";
    h.device = dev->id;
    h.bundle = out.bundle;
    out.reply = sealBundle(h, replyKey, secret, payload.dump());
    return out;
}

HttpReply routeBundleKey(Store &store, const std::string &authorization)
{
    try {
        const std::string prefix = "Bearer ";
        if (authorization.compare(0, prefix.size(), prefix) != 0)
            throw Error(ErrorKind::Auth, "missing device token (Authorization: Bearer ...)");
        DeviceSession who = authenticate(store, authorization.substr(prefix.size()));
        BundleKeys k = bundleKeys(store);
        return HttpReply{200,
                         Json{{"protocol", kProtocolVersion},
                              {"server_key", base64Encode(k.pub)},
                              {"device_secret", base64Encode(deviceBundleSecret(k, who.device))}}
                             .dump(),
                         true};
    } catch (...) {
        return replyFromException();
    }
}

HttpReply routeRelay(Store &store, const Validator &validator, AttachmentStore &files, const std::string &authorization,
                     const std::string &encoding, const std::string &body, int64_t nowMs)
{
    try {
        const std::string prefix = "Bearer ";
        if (authorization.compare(0, prefix.size(), prefix) != 0)
            throw Error(ErrorKind::Auth, "missing device token (Authorization: Bearer ...)");
        authenticate(store, authorization.substr(prefix.size())); // the relay's own account; its scope does not matter
        const std::string text = encoding == "zstd" ? decompress(body, kMaxRelayRequestBytes) : body;
        Json req = parseJson(text, "relay request");
        const std::string sha = req.at("sha256").get<std::string>();
        const uint64_t maxBytes =
            std::clamp<uint64_t>(req.value("max_bytes", kDefaultBundleReplyBytes), 64 * 1024, 64u * 1024 * 1024);
        auto src = isSha256Hex(sha) ? files.openComplete(sha) : nullptr;
        if (!src)
            return errorReply(404, "not-found", "the bundle " + sha + " has not been uploaded (completely) yet");
        std::string bytes(src->size(), '\0');
        for (uint64_t off = 0; off < bytes.size();) {
            size_t n = src->read(off, bytes.data() + off, bytes.size() - off);
            if (n == 0)
                throw Error(ErrorKind::Storage, "the uploaded bundle " + sha + " ended early");
            off += n;
        }
        BundleOutcome out;
        try {
            out = handleBundle(store, validator, &files, bytes, nowMs, maxBytes);
        } catch (const Error &e) {
            if (e.kind() == ErrorKind::Storage || e.kind() == ErrorKind::Unavailable || e.kind() == ErrorKind::Server)
                throw;
            return errorReply(422, "bundle", e.what());
        }
        return HttpReply{200, Json{{"protocol", kProtocolVersion}, {"reply", base64Encode(out.reply)}}.dump(), true};
    } catch (...) {
        return replyFromException();
    }
}

} // namespace cx::server
