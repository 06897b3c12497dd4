#include "attachments/AttachmentStore.h"

#include "attachments/FileBlobStore.h"
#include "attachments/PgBlobStore.h"
#include "http/ErrorReply.h"
#include "storage/PgStore.h"

#include "auth/Auth.h"
#include "protocol/Compression.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace cx::server {

namespace {

std::string tooLarge(uint64_t size, uint64_t max)
{
    auto mb = [](uint64_t b) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", double(b) / (1024.0 * 1024.0));
        return std::string(buf);
    };
    return "the file is " + mb(size) + " MB (" + std::to_string(size) + " bytes); the bureau accepts at most " + mb(max) +
           " MB per attachment";
}

HttpReply jsonReply(int status, Json j)
{
    j["protocol"] = kProtocolVersion;
    return HttpReply{status, j.dump(), true};
}

std::string bearerOf(const std::string &authorization)
{
    const std::string prefix = "Bearer ";
    if (authorization.size() > prefix.size() && authorization.compare(0, prefix.size(), prefix) == 0)
        return authorization.substr(prefix.size());
    return {};
}

DeviceSession authorize(Store &store, const std::string &authorization)
{
    return authenticate(store, bearerOf(authorization)); // throws Error(Auth) for unknown or revoked devices
}

// Whether this account may download the file: it uploaded it, or a record it
// may read refers to it (bureau staff read every school).
bool mayDownload(Store &store, const DeviceSession &who, const std::string &sha)
{
    if (store.attachmentUploadedBy(sha, who.user))
        return true;
    const auto schools = store.attachmentSchools(sha);
    if (schools.empty())
        return false;
    const auto scopes = readScopes(store, who.role, who.schools);
    for (const auto &s : schools)
        if (std::binary_search(scopes.begin(), scopes.end(), s))
            return true;
    return false;
}

uint64_t toU64(const std::string &s, const char *name)
{
    if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorKind::Protocol, std::string(name) + " must be a number");
    return std::stoull(s);
}

} // namespace

AttachmentStore::AttachmentStore(const std::string &location, uint64_t maxBytes)
    : m_blobs(isPostgresUri(location) ? std::unique_ptr<BlobStore>(std::make_unique<PgBlobStore>(location))
                                      : std::unique_ptr<BlobStore>(std::make_unique<FileBlobStore>(location))),
      m_max(maxBytes)
{}

AttachmentStore::AttachmentStore(std::unique_ptr<BlobStore> blobs, uint64_t maxBytes) : m_blobs(std::move(blobs)), m_max(maxBytes)
{}

AttachmentStore::Status AttachmentStore::status(const std::string &sha, uint64_t size)
{
    Status s;
    const BlobHeld h = m_blobs->held(sha);
    if (h.complete) {
        s.state = "have";
        s.offset = h.bytes;
        return s;
    }
    if (size > m_max) {
        s.state = "refused";
        s.reason = tooLarge(size, m_max);
        return s;
    }
    if (h.bytes > 0 && h.bytes <= size) {
        s.state = "partial";
        s.offset = h.bytes;
    } else {
        s.state = "missing";
    }
    return s;
}

AttachmentStore::PutResult AttachmentStore::put(const std::string &sha, uint64_t offset, uint64_t size, const std::string &data)
{
    PutResult r;
    if (size > m_max && !m_blobs->held(sha).complete) {
        r.status = 413;
        r.message = tooLarge(size, m_max);
        return r;
    }
    auto w = m_blobs->write(sha); // this file's lock, until the answer is known
    const BlobHeld h = w->held();
    if (h.complete) {
        r.offset = h.bytes;
        r.complete = true;
        // Knowing the name is not holding the file: only all its bytes prove it.
        r.proven = offset == 0 && data.size() == h.bytes && sha256Hex(data) == sha;
        return r;
    }
    uint64_t have = h.bytes;
    if (have > size) { // a stale part from a different declared size
        w->discard();
        have = 0;
    }
    r.offset = have;
    if (offset != have) {
        if (have != h.bytes)
            w->commit(); // the stale part is gone
        r.status = 409;
        r.message = "the server holds " + std::to_string(have) + " bytes of this attachment; continue from there";
        return r;
    }
    if (offset + data.size() > size) {
        r.status = 400;
        r.message = "the chunk goes past the declared size " + std::to_string(size);
        return r;
    }
    if (!data.empty() || have == 0)
        w->append(data);
    r.offset = have + data.size();
    if (r.offset == size) {
        if (!w->finish(sha)) {
            w->commit(); // the discarded part
            r.status = 422;
            r.offset = 0;
            r.message = "the received file does not match its SHA-256; send it again";
            return r;
        }
        r.complete = true;
        r.proven = true; // the bytes assembled here matched the SHA-256
    }
    w->commit(); // confirmed means durable
    return r;
}

size_t AttachmentStore::removeStaleParts(std::chrono::seconds maxAge) { return m_blobs->removeStale(maxAge); }

ByteRange parseByteRange(const std::string &header, uint64_t size)
{
    ByteRange r;
    r.length = size;
    const std::string prefix = "bytes=";
    if (header.compare(0, prefix.size(), prefix) != 0 || header.find(',') != std::string::npos)
        return r; // absent, another unit, or several ranges: the whole file
    const std::string spec = header.substr(prefix.size());
    const auto dash = spec.find('-');
    auto num = [](const std::string &t, uint64_t &v) {
        if (t.empty() || t.size() > 19 || t.find_first_not_of("0123456789") != std::string::npos)
            return false;
        v = std::stoull(t);
        return true;
    };
    uint64_t a = 0, b = 0;
    if (dash == std::string::npos)
        return r;
    const std::string from = spec.substr(0, dash), to = spec.substr(dash + 1);
    if (from.empty()) { // the last N bytes
        if (!num(to, b))
            return r;
        if (b == 0 || size == 0) {
            r.satisfiable = false;
            return r;
        }
        b = std::min(b, size);
        r.first = size - b;
        r.length = b;
        r.partial = true;
        return r;
    }
    if (!num(from, a) || (!to.empty() && (!num(to, b) || b < a)))
        return r;
    if (a >= size) {
        r.satisfiable = false;
        return r;
    }
    const uint64_t last = to.empty() ? size - 1 : std::min(b, size - 1);
    r.first = a;
    r.length = last - a + 1;
    r.partial = true;
    return r;
}

std::shared_ptr<BodySource> AttachmentStore::openComplete(const std::string &sha)
{
    return isSha256Hex(sha) ? m_blobs->openComplete(sha) : nullptr;
}

HttpReply routeAttachmentCheck(Store &store, AttachmentStore &files, const std::string &authorization,
                               const std::string &encoding, const std::string &body)
{
    try {
        authorize(store, authorization);
        std::string text = encoding == "zstd" ? cx::decompress(body, kMaxBodyBytes) : body;
        Json req = parseJson(text, "attachment check");
        if (req.value("protocol", 0) != kProtocolVersion)
            return errorReply(426, "version", "the server speaks protocol " + std::to_string(kProtocolVersion));
        const Json &list = req.at("attachments");
        if (!list.is_array() || list.size() > 10000)
            throw Error(ErrorKind::Protocol, "attachments must be an array of at most 10000");
        Json out = Json::array();
        for (const auto &x : list) {
            std::string sha = x.at("sha256").get<std::string>();
            uint64_t size = x.at("size").get<uint64_t>();
            if (!isSha256Hex(sha))
                throw Error(ErrorKind::Protocol, "\"" + sha + "\" is not a SHA-256 in lower-case hex");
            auto st = files.status(sha, size);
            Json a{{"sha256", sha}, {"state", st.state}, {"offset", st.offset}};
            if (!st.reason.empty())
                a["reason"] = st.reason;
            out.push_back(a);
        }
        return jsonReply(200, Json{{"attachments", out}, {"max_bytes", files.maxBytes()}});
    } catch (...) {
        return replyFromException("attachments");
    }
}

HttpReply routeAttachmentPut(Store &store, AttachmentStore &files, const std::string &authorization, const std::string &sha,
                             const std::string &offset, const std::string &size, const std::string &body)
{
    try {
        const DeviceSession who = authorize(store, authorization);
        if (!isSha256Hex(sha))
            throw Error(ErrorKind::Protocol, "\"" + sha + "\" is not a SHA-256 in lower-case hex");
        auto r = files.put(sha, toU64(offset, "offset"), toU64(size, "size"), body);
        if (r.status == 200) {
            // The uploader may download it again (before any record refers to
            // it), but only after a hash-verified upload of its own: an empty or
            // partial PUT to a file the server holds grants nothing (issue 13).
            if (r.proven)
                store.addAttachmentUploader(sha, who.user);
            return jsonReply(200, Json{{"offset", r.offset}, {"complete", r.complete}});
        }
        const char *kind = r.status == 413 ? "too-large" : "protocol";
        return errorReply(r.status, kind, r.message, Json{{"offset", r.offset}});
    } catch (...) {
        return replyFromException("attachments");
    }
}

HttpReply routeAttachmentGet(Store &store, AttachmentStore &files, const std::string &authorization, const std::string &sha)
{
    try {
        const DeviceSession who = authorize(store, authorization);
        // Not held, or not for this account: the same answer, so nobody learns
        // which photos another school has.
        if (!isSha256Hex(sha) || !mayDownload(store, who, sha))
            return errorReply(404, "not-found", "no attachment " + sha + " for this account");
        HttpReply r{200, {}, false};
        r.stream = files.openComplete(sha);
        if (!r.stream)
            return errorReply(404, "not-found", "no attachment " + sha + " for this account");
        return r;
    } catch (...) {
        return replyFromException("attachments");
    }
}

} // namespace cx::server
