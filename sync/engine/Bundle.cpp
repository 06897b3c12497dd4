// Engine: sync bundles for a USB stick or SD card, and relaying them
// (docs/bundles.md). A bundle is the push request the next sync would send;
// its reply is applied with the sync cycle's own applyReply.
#include "engine/Engine.h"
#include "engine/SealedFile.h"
#include "engine/ReplyErrors.h"
#include "engine/Retry.h"

#include "protocol/Bundle.h"
#include "protocol/Compression.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cx {

namespace {

constexpr size_t kBundlePushBytes = 16u * 1024 * 1024;         // mutations (uncompressed): all of a month and more
constexpr uint64_t kBundleAttachmentBytes = 24u * 1024 * 1024; // photos per bundle (base64 inside the payload)

std::string readWhole(const std::string &path, const char *what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Invalid, std::string("cannot read ") + what + " " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeWhole(const std::string &path, const std::string &bytes)
{
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(ErrorKind::Storage, "cannot write " + path);
        out.write(bytes.data(), std::streamsize(bytes.size()));
        out.flush();
        if (!out)
            throw Error(ErrorKind::Storage, "cannot write " + path + " (disk full?)");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        throw Error(ErrorKind::Storage, "cannot write " + path + ": " + ec.message());
}

} // namespace

Json BundleOutReport::toJson() const
{
    return Json{{"bundle", bundle},
                {"mutations", mutations},
                {"attachments", attachments},
                {"attachments_left", attachmentsLeft},
                {"bytes", bytes}};
}

Json BundleInReport::toJson() const
{
    Json r = Json::array();
    for (const auto &[n, why] : reasons)
        r.push_back(Json{{"n", n}, {"reason", why}});
    return Json{{"bundle", bundle}, {"applied", applied},   {"rejected", rejected},
                {"reasons", r},     {"received", received}, {"attachments", attachments},
                {"pages", pages},   {"more", more},         {"stale", stale}};
}

Json RelayReport::toJson() const
{
    return Json{{"requests", requests}, {"bytes_up", bytesUp}, {"bytes_down", bytesDown}, {"reply_bytes", replyBytes}};
}

BundleOutReport Engine::bundleOut(const std::string &file, bool recordsOnly)
{
    std::string serverKey, secret, device;
    {
        std::lock_guard lock(m_mutex);
        serverKey = base64Decode(m_replica.meta(MetaKey::BundleServerKey).value_or(""));
        secret = base64Decode(m_replica.meta(MetaKey::BundleSecret).value_or(""));
        device = m_replica.meta(MetaKey::Device).value_or("");
    }
    if (!m_replica.meta(MetaKey::Token))
        throw Error(ErrorKind::Invalid, "this device is not enrolled: run enroll first");
    if (serverKey.size() != 32 || secret.size() != 32)
        throw Error(ErrorKind::Invalid, "this device has no bundle key from its server yet: enroll again while online "
                                        "(a server older than bundles does not give one)");

    // The push the next sync would send: the same function, the whole outbox.
    SyncRequest req = takeOutbox(kBundlePushBytes, SIZE_MAX, SIZE_MAX); // no count or reply limit: its reply comes by hand
    // Full record states in the reply: it is applied later from this bundle's
    // note of (n, collection, id) alone, which cannot rebuild a lean ack.
    req.enc = 1;
    req.pageBytes = 256 * 1024;
    BundleOutReport rep;
    rep.bundle = uuidV7();
    rep.mutations = int(req.mutations.size());
    X25519Pair replyKey = x25519Generate();

    Json atts = Json::array();
    uint64_t budget = kBundleAttachmentBytes;
    for (const auto &a : attachments()) {
        if (!a.referenced || (a.state != AttachmentState::Pending && a.state != AttachmentState::Uploading))
            continue;
        if (recordsOnly || a.size > budget) {
            rep.attachmentsLeft++;
            continue;
        }
        std::string data = readSealedFile(a.path, m_key);
        if (sha256Hex(data) != a.sha256)
            throw Error(ErrorKind::Storage, "the attachment " + a.path + " is damaged (its SHA-256 differs)");
        budget -= a.size;
        atts.push_back(Json{{"sha256", a.sha256}, {"size", a.size}, {"type", a.type}, {"data", base64Encode(data)}});
        rep.attachments++;
    }
    const int64_t now = wallClockMs();
    Json payload{{"bundle", rep.bundle},    {"device", device},   {"created", now}, {"reply_key", base64Encode(replyKey.pub)},
                 {"request", req.toJson()}, {"attachments", atts}};

    // What the reply will need: its key, the cursor the pages start from,
    // the changes it acknowledges. Kept until a reply is applied.
    Json pushed = Json::array();
    for (const auto &m : req.mutations)
        pushed.push_back(Json::array({m.n, m.collection, m.id}));
    Json cursor = Json::object();
    for (const auto &[k, v] : req.cursor)
        cursor[k] = v;
    {
        std::lock_guard lock(m_mutex);
        m_replica.setMeta(
            MetaKey::BundlePrefix + rep.bundle,
            Json{{"priv", base64Encode(replyKey.priv)}, {"cursor", cursor}, {"mutations", pushed}, {"created", now}}.dump());
    }
    BundleHeader h;
    h.kind = "push";
    h.device = device;
    h.bundle = rep.bundle;
    const std::string bytes = sealBundle(h, serverKey, secret, payload.dump());
    writeWhole(file, bytes);
    rep.bytes = bytes.size();
    return rep;
}

BundleInReport Engine::bundleIn(const std::string &replyFile)
{
    const std::string bytes = readWhole(replyFile, "the reply bundle");
    OpenedFrame f = parseBundleFrame(bytes);
    if (f.header.kind != "reply")
        throw Error(ErrorKind::Invalid, "this is a device's bundle, not a reply: deliver it to the server "
                                        "(cunxiao-cli relay, or cunxiao-server admin bundle-in)");
    std::string device, secret;
    std::optional<std::string> saved, done;
    {
        std::lock_guard lock(m_mutex);
        device = m_replica.meta(MetaKey::Device).value_or("");
        secret = base64Decode(m_replica.meta(MetaKey::BundleSecret).value_or(""));
        saved = m_replica.meta(MetaKey::BundlePrefix + f.header.bundle);
        done = m_replica.meta(MetaKey::BundleDonePrefix + f.header.bundle);
    }
    if (f.header.device != device)
        throw Error(ErrorKind::Invalid, "wrong device: this reply is for device " + f.header.device +
                                            ", this database is device " + device + "; nothing was applied");
    if (done)
        throw Error(ErrorKind::Invalid, "replayed reply: the reply to bundle " + f.header.bundle +
                                            " was already applied here; nothing was applied again");
    if (!saved)
        throw Error(ErrorKind::Invalid,
                    "unknown bundle: bundle " + f.header.bundle + " was not made by this database; nothing was applied");
    Json mine = parseJson(*saved, "the saved bundle");
    Json payload = parseJson(openBundle(f, base64Decode(mine.at("priv").get<std::string>()), secret), "the reply bundle");
    if (payload.value("bundle", "") != f.header.bundle || payload.value("device", "") != device)
        throw Error(ErrorKind::Auth, "tampered reply: its contents name another bundle or device; nothing was applied");

    std::vector<SyncResponse> replies;
    for (const auto &r : payload.at("replies"))
        replies.push_back(SyncResponse::fromJson(r)); // decode everything before applying anything
    for (const auto &r : replies) {
        checkAcked(r);
        if (!r.acks.empty())
            throw Error(ErrorKind::Protocol, "the reply acknowledges changes by their seq only, which a bundle cannot "
                                             "apply; nothing was applied");
    }

    BundleInReport rep;
    rep.bundle = f.header.bundle;
    SyncRequest req;
    req.device = device;
    for (const auto &m : mine.at("mutations")) {
        Mutation x;
        x.n = m.at(0).get<uint64_t>();
        x.collection = m.at(1).get<std::string>();
        x.id = m.at(2).get<std::string>();
        req.mutations.push_back(std::move(x));
    }
    for (auto it = mine.at("cursor").begin(); it != mine.at("cursor").end(); ++it)
        req.cursor[it.key()] = it.value().get<uint64_t>();
    std::map<uint64_t, std::string> mineRejected;
    SyncReport total;
    for (const auto &resp : replies) {
        // A page fits only if it starts where this device stands (no sync or
        // other reply moved the cursor since): else only the acknowledgements
        // and the records newer than those held are taken.
        bool fits = true;
        {
            std::lock_guard lock(m_mutex);
            std::map<std::string, uint64_t> now;
            for (const auto &row : m_replica.scopes())
                now[row.school] = row.cursor;
            for (const auto &[k, v] : req.cursor)
                if ((now.count(k) ? now[k] : 0) != v)
                    fits = false;
        }
        rep.stale = rep.stale || !fits;
        for (const auto &r : resp.rejected)
            for (const auto &m : req.mutations)
                if (m.n == r.n)
                    mineRejected[r.n] = r.reason;
        bool more = false;
        applyReply(req, resp, nullptr, total, more, fits);
        rep.pages++;
        rep.more = resp.more;
        req.mutations.clear();
        req.cursor = resp.cursor;
    }
    rep.applied = total.pushed;
    rep.rejected = int(mineRejected.size());
    for (const auto &[n, why] : mineRejected)
        rep.reasons.push_back({n, why});
    rep.received = total.pulled;

    std::lock_guard lock(m_mutex);
    Transaction t(m_replica.db());
    for (const auto &a : payload.value("attachments", Json::array())) {
        const std::string st = a.value("state", "");
        if (st == "have") {
            Stmt q(m_replica.db(),
                   "UPDATE attachments SET state='done', offset=size, updated=? WHERE sha256=? AND state<>'done'");
            q.bind(1, wallClockMs()).bind(2, a.value("sha256", "")).run();
            rep.attachments++;
        } else if (st == "refused") {
            Stmt q(m_replica.db(), "UPDATE attachments SET state='refused', reason=?, updated=? WHERE sha256=?");
            q.bind(1, a.value("reason", std::string("refused by the server")))
                .bind(2, wallClockMs())
                .bind(3, a.value("sha256", ""))
                .run();
        }
    }
    m_replica.setMeta(MetaKey::BundleDonePrefix + f.header.bundle, std::to_string(wallClockMs()));
    m_replica.db().exec("DELETE FROM meta WHERE key='bundle:" + f.header.bundle + "'");
    t.commit();
    return rep;
}

RelayReport Engine::relay(const std::string &bundleFile, const std::string &replyFile, uint64_t maxReplyBytes)
{
    const std::string bytes = readWhole(bundleFile, "the bundle");
    OpenedFrame f = parseBundleFrame(bytes); // refuses a file that is not a bundle before sending anything
    if (f.header.kind != "push")
        throw Error(ErrorKind::Invalid, "this is a reply bundle: take it back to its device (cunxiao-cli bundle-in)");
    std::string token;
    {
        std::lock_guard lock(m_mutex);
        token = m_replica.meta(MetaKey::Token).value_or("");
    }
    if (token.empty())
        throw Error(ErrorKind::Invalid, "this device is not enrolled: run enroll first");

    RelayReport rep;
    AttachmentInfo a;
    a.sha256 = sha256Hex(bytes);
    a.size = bytes.size();
    a.path = bundleFile;
    a.sealed = false; // someone's bundle, sealed for the server already: sent as it is
    a.type = "application/octet-stream";
    a.state = AttachmentState::Uploading;
    SyncReport up;
    Retry retry(*this);
    for (;;) {
        try {
            // The bundle's bytes go up like an attachment: resumable, from the offset the server holds.
            HttpRequest check;
            check.path = "/v1/attachments/check";
            check.body = compress(
                Json{{"protocol", kProtocolVersion}, {"attachments", Json::array({Json{{"sha256", a.sha256}, {"size", a.size}}})}}
                    .dump());
            check.bearerToken = token;
            Transport &tr = transport();
            tr.setProgress({});
            HttpReply cr = tr.send(check);
            up.requests++;
            up.bytesUp += cr.bytesUp;
            up.bytesDown += cr.bytesDown;
            if (cr.status != 200)
                throwReplyError(cr, "the bundle upload");
            Json cj = parseJson(cr.contentEncoding == "zstd" ? decompress(cr.body) : cr.body, "the check reply");
            Json st = cj.value("attachments", Json::array()).empty() ? Json::object() : cj["attachments"][0];
            const std::string state = st.value("state", "");
            if (state == "refused")
                throw Error(ErrorKind::Invalid, "the server refuses the bundle's upload: " + st.value("reason", std::string()));
            if (state != "have") {
                a.offset = st.value("offset", uint64_t(0));
                uploadOne(a, token, up);
                if (a.state == AttachmentState::Refused)
                    throw Error(ErrorKind::Invalid, "the server refuses the bundle's upload: " + a.reason);
            }
            HttpRequest deliver;
            deliver.path = "/v1/relay";
            deliver.body = compress(
                Json{{"protocol", kProtocolVersion}, {"sha256", a.sha256}, {"size", a.size}, {"max_bytes", maxReplyBytes}}
                    .dump());
            deliver.bearerToken = token;
            HttpReply dr = tr.send(deliver);
            up.requests++;
            up.bytesUp += dr.bytesUp;
            up.bytesDown += dr.bytesDown;
            if (dr.status == 422)
                throw Error(ErrorKind::Invalid, "the server refused the bundle: " + replyMessage(dr));
            if (dr.status != 200)
                throwReplyError(dr, "the bundle delivery");
            Json dj = parseJson(dr.contentEncoding == "zstd" ? decompress(dr.body) : dr.body, "the relay reply");
            const std::string reply = base64Decode(dj.at("reply").get<std::string>());
            writeWhole(replyFile, reply);
            rep.replyBytes = reply.size();
            break;
        } catch (const Error &e) {
            if (!retry.again(e))
                throw;
            retry.wait(e);
        }
    }
    rep.requests = up.requests;
    rep.bytesUp = up.bytesUp;
    rep.bytesDown = up.bytesDown;
    return rep;
}

bool Engine::fetchBundleKey()
{
    const auto reply = askServer("/v1/bundle-key", "the bundle key");
    if (!reply)
        return false; // a server older than bundles
    const Json &j = *reply;
    const std::string key = base64Decode(j.at("server_key").get<std::string>());
    const std::string secret = base64Decode(j.at("device_secret").get<std::string>());
    if (key.size() != 32 || secret.size() != 32)
        throw Error(ErrorKind::Protocol, "the bundle key has the wrong length");
    std::lock_guard lock(m_mutex);
    Transaction t(m_replica.db());
    m_replica.setMeta(MetaKey::BundleServerKey, base64Encode(key));
    m_replica.setMeta(MetaKey::BundleSecret, base64Encode(secret));
    t.commit();
    return true;
}

} // namespace cx
