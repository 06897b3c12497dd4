// Engine: downloading another device's attachment, see docs/village.md.
//
// A record refers to a SHA-256 this device lacks (the head's signature on an
// inspection, a teacher's home-visit photo): fetchAttachment() asks
// GET /v1/attachments/{sha256} into "<sha256>.part", resumes with
// "Range: bytes=N-" after a cut, hashes the bytes as they arrive and renames the
// part to "<sha256>" only when its SHA-256 matches. Both are sealed with the
// data key as they are written (engine/SealedFile.h): what arrived survives a
// cut encrypted, in records of at most 16 KB. It runs on its own
// connection, without the engine's lock, so the UI thread and a sync go on.
#include "engine/ReplyErrors.h"
#include "engine/Retry.h"
#include "engine/Attachments.h"
#include "engine/Engine.h"
#include "engine/SealedFile.h"

#include "protocol/Errors.h"

#include <filesystem>
#include <fstream>
#include <optional>

namespace cx {

namespace fs = std::filesystem;

std::string Engine::attachmentPath(const std::string &sha256)
{
    if (!isSha256Hex(sha256))
        return {};
    fs::path p = fs::path(m_replica.db().path() + ".attachments") / sha256;
    std::error_code ec;
    return fs::is_regular_file(p, ec) ? p.string() : std::string();
}

std::string Engine::readAttachment(const std::string &sha256)
{
    const std::string path = attachmentPath(sha256);
    if (path.empty())
        throw Error(ErrorKind::NotFound, "attachment " + sha256 + " is not on this device");
    return readSealedFile(path, m_key);
}

std::string Engine::fetchAttachment(const std::string &sha256, uint64_t expectedSize)
{
    if (!isSha256Hex(sha256))
        throw Error(ErrorKind::Invalid, "\"" + sha256 + "\" is not an attachment reference (64 lower-case hex digits)");
    if (std::string have = attachmentPath(sha256); !have.empty())
        return have;
    std::lock_guard fetching(m_fetchMutex); // one download at a time; never m_mutex while transferring
    if (std::string have = attachmentPath(sha256); !have.empty())
        return have; // another thread fetched it meanwhile
    try {
        return downloadOne(sha256, expectedSize);
    } catch (const DeviceRevokedError &) {
        m_fetchTransport.reset();
        eraseAfterRevoke();
        throw;
    }
}

// Called with m_fetchMutex held.
std::string Engine::downloadOne(const std::string &sha, uint64_t expectedSize)
{
    std::string token, server;
    TransportOptions options;
    std::function<void(const SyncProgress &)> progress;
    SyncTuning tun;
    {
        std::lock_guard lock(m_mutex);
        token = m_replica.meta(MetaKey::Token).value_or("");
        options.baseUrl = m_replica.meta(MetaKey::Server).value_or("");
        options.caFile = m_replica.meta(MetaKey::CaFile).value_or("");
        options.pin = m_replica.meta(MetaKey::Pin).value_or("");
        progress = m_progress;
        tun = m_tuning;
    }
    if (token.empty() || options.baseUrl.empty())
        throw Error(ErrorKind::Invalid, "this device is not enrolled: run enroll first");
    if (!m_fetchTransport || m_fetchServer != options.baseUrl) {
        m_fetchTransport = m_factory(options);
        m_fetchServer = options.baseUrl;
    }
    Transport &tr = *m_fetchTransport;
    Retry retry(*this, Retry::RetryAfter::Ignore, Retry::limit(tun, tr)); // the limit of when it began

    const fs::path dir = m_replica.db().path() + ".attachments";
    fs::create_directories(dir);
    const std::string finalPath = (dir / sha).string(), part = finalPath + ".part";
    auto fail = [&](ErrorKind kind, const std::string &message) {
        std::lock_guard lock(m_mutex);
        m_replica.logError(errorKindName(kind), "attachment download: " + message);
        return Error(kind, message);
    };

    bool fromScratch = false; // a resumed copy that failed its check is fetched once more from zero
    for (;;) {
        std::error_code ec;
        // What is already here counts towards the SHA-256 (local disk: cheap next to the link).
        Sha256Stream hash;
        std::optional<SealedWriter> out;
        try {
            out.emplace(part, m_key, true, &hash);
            if (expectedSize && out->size() > expectedSize) {
                out.reset();
                fs::remove(part, ec);
                hash.reset();
                out.emplace(part, m_key);
            }
        } catch (const Error &e) {
            throw fail(ErrorKind::Storage, e.what());
        }
        const uint64_t offset = out->size();
        uint64_t base = offset, received = offset;
        std::string errorBody; // a refusal's body is not the file
        bool first = true;

        HttpRequest req;
        req.method = "GET";
        req.path = "/v1/attachments/" + sha;
        req.contentEncoding.clear();
        req.bearerToken = token;
        if (offset > 0)
            req.range = "bytes=" + std::to_string(offset) + "-";
        req.sink = [&](long status, const char *data, size_t n) {
            if (status != 200 && status != 206) {
                if (errorBody.size() < 64 * 1024)
                    errorBody.append(data, n);
                return true;
            }
            try {
                if (first) {
                    first = false;
                    if (status == 200 && received > 0) { // the whole file came instead of the rest: start over
                        out.reset();
                        out.emplace(part, m_key);
                        hash.reset();
                        base = received = 0;
                    }
                }
                out->write(std::string_view(data, n));
            } catch (const Error &) {
                return false;
            }
            hash.update(data, n);
            received += n;
            return true;
        };
        if (progress) {
            tr.setProgress([&](uint64_t, uint64_t, uint64_t, uint64_t downTotal) {
                SyncProgress p;
                p.downNow = received;
                p.downTotal = expectedSize ? expectedSize : downTotal ? base + downTotal : 0;
                progress(p);
            });
        } else {
            tr.setProgress({});
        }
        struct ClearProgress { // the callback points into this frame
            Transport &t;
            ~ClearProgress() { t.setProgress({}); }
        } clearProgress{tr};

        HttpReply reply;
        try {
            reply = tr.send(req);
        } catch (const Error &e) {
            out.reset(); // what arrived stays sealed in the .part: the next attempt resumes from it
            if (!retry.again(e))
                throw fail(e.kind(), e.what());
            retry.wait(e);
            continue;
        }
        try {
            out->flush();
        } catch (const Error &e) {
            throw fail(ErrorKind::Storage, e.what());
        }
        if (reply.body.empty() && !errorBody.empty())
            reply.body = errorBody;
        if (reply.status == 404)
            throw fail(ErrorKind::NotFound, "attachment " + sha +
                                                " is not on the server, or this account may not see it (a photo reaches "
                                                "the server only after the device that took it has synced)");
        // 416 for "bytes=N-": the part is already as long as the server's file
        // (a stop before the rename) or longer (not this file); the check decides.
        const bool rangePastEnd = reply.status == 416 && offset > 0;
        if (!rangePastEnd && reply.status != 200 && reply.status != 206)
            throwReplyError(reply, "the download of attachment " + sha);
        const std::string got = hash.hex();
        if (got != sha) {
            out.reset();
            fs::remove(part, ec);
            if (offset > 0 && !fromScratch) { // a resumed copy: once more from zero
                fromScratch = true;
                continue;
            }
            throw fail(ErrorKind::Protocol, "the downloaded copy of attachment " + sha + " is damaged (its SHA-256 is " + got +
                                                "); it was removed, try again");
        }
        try {
            out->finish();
        } catch (const Error &e) {
            throw fail(ErrorKind::Storage, e.what());
        }
        out.reset();
        fs::rename(part, finalPath);
        if (progress) {
            SyncProgress p;
            p.downNow = p.downTotal = received;
            progress(p);
        }
        return finalPath;
    }
}

} // namespace cx
