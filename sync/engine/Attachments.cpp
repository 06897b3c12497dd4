// Engine: attachments (photos, signatures), see docs/village.md.
//
// A file is content-addressed by SHA-256. attach() copies it into the folder
// "<db>.attachments/" next to the replica and queues it; a record field refers
// to it as {"sha256": "...", "size": N, "type": "image/jpeg"}. After the records
// of a sync, uploadAttachments() takes those a record refers to, asks the server which it lacks
// (POST /v1/attachments/check) and sends the rest in chunks
// (PUT /v1/attachments/{sha256}?offset=N&size=TOTAL), saving the offset the
// server confirmed after every chunk, so a cut costs at most one chunk.
// Files are hashed and copied in 64 KB pieces, never read whole into memory,
// and kept sealed with the device's data key (engine/SealedFile.h): the bytes
// sent are decrypted from the sealed copy a chunk at a time.
// Downloads (fetchAttachment) are in AttachmentDownload.cpp.
#include "engine/ReplyErrors.h"
#include "engine/Retry.h"
#include "engine/Attachments.h"
#include "engine/Engine.h"
#include "engine/SealedFile.h"

#include "protocol/Compression.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace cx {

namespace fs = std::filesystem;

namespace {

// One chunk of a sealed file (an upload request's body), in plain bytes.
std::string readChunk(const std::string &path, const DataKey &key, uint64_t offset, uint64_t length)
{
    SealedReader in(path, key);
    in.seek(offset);
    std::string out(length, '\0');
    out.resize(in.read(out.data(), size_t(length)));
    return out;
}

// Whether a complete sealed copy of `size` plain bytes is at `path`.
bool haveSealed(const std::string &path, const DataKey &key, uint64_t size)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return false;
    try {
        SealedReader r(path, key);
        return r.complete() && r.size() == size;
    } catch (const Error &) {
        return false;
    }
}

std::string guessType(const std::string &file)
{
    std::string ext = fs::path(file).extension().string();
    for (char &c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".jpg" || ext == ".jpeg")
        return "image/jpeg";
    if (ext == ".png")
        return "image/png";
    if (ext == ".webp")
        return "image/webp";
    if (ext == ".pdf")
        return "application/pdf";
    return "application/octet-stream";
}

Json replyJson(const HttpReply &reply)
{
    try {
        std::string text = reply.contentEncoding == "zstd" ? decompress(reply.body) : reply.body;
        return parseJson(text, "the attachment reply"); // the depth and size guards of every message
    } catch (const std::exception &) {
        return Json::object();
    }
}

AttachmentInfo readRow(Stmt &q)
{
    AttachmentInfo a;
    a.sha256 = q.text(0);
    a.size = uint64_t(q.integer(1));
    a.type = q.text(2);
    a.path = q.text(3);
    a.state = q.text(4);
    a.offset = uint64_t(q.integer(5));
    a.reason = q.text(6);
    a.referenced = q.integer(7) != 0;
    return a;
}

// Whether a record refers to the file: a record that is not deleted, as this
// device sees it (with its own edits), holds its reference (record_refs, kept
// by Replica::saveRecord). Only such files are uploaded: a photo picked for a
// page that was never saved, or removed before it was sent, stays on the phone.
// A sent or refused file counts as referenced.
#define CX_REFERENCED                                                                                                            \
    "CASE WHEN state IN ('pending','uploading') THEN"                                                                            \
    " EXISTS(SELECT 1 FROM record_refs WHERE record_refs.sha256 = attachments.sha256) ELSE 1 END"
constexpr const char *kReferenced = CX_REFERENCED;
constexpr const char *kColumns = "sha256, size, type, path, state, offset, reason, " CX_REFERENCED;
#undef CX_REFERENCED
constexpr int kMaxDamagedCopies = 3; // the server's copy failed its SHA-256 this often: give up

} // namespace

Json AttachmentInfo::reference() const { return Json{{"sha256", sha256}, {"size", size}, {"type", type}}; }

Json AttachmentInfo::toJson() const
{
    Json j{{"sha256", sha256}, {"size", size}, {"type", type}, {"state", state}, {"offset", offset}, {"path", path}};
    if (!reason.empty())
        j["reason"] = reason;
    j["referenced"] = referenced;
    return j;
}

AttachmentInfo Engine::attach(const std::string &file, const std::string &type)
{
    return keepAttachment(
        [&file](SealedWriter &out, Sha256Stream &hash) {
            std::ifstream in(file, std::ios::binary);
            if (!in)
                throw Error(ErrorKind::NotFound, "cannot read " + file);
            uint64_t size = 0;
            std::string buf(64 * 1024, '\0');
            while (in.read(buf.data(), std::streamsize(buf.size())) || in.gcount() > 0) {
                const size_t n = size_t(in.gcount());
                hash.update(buf.data(), n);
                out.write(std::string_view(buf.data(), n));
                size += n;
            }
            if (in.bad())
                throw Error(ErrorKind::Storage, "cannot read " + file);
            return size;
        },
        type.empty() ? guessType(file) : type);
}

AttachmentInfo Engine::attachBytes(std::string_view data, const std::string &type)
{
    return keepAttachment(
        [data](SealedWriter &out, Sha256Stream &hash) {
            hash.update(data.data(), data.size());
            out.write(data);
            return uint64_t(data.size());
        },
        type.empty() ? std::string("application/octet-stream") : type);
}

AttachmentInfo Engine::keepAttachment(const std::function<uint64_t(SealedWriter &, Sha256Stream &)> &copy,
                                      const std::string &type)
{
    // Sealed into the folder under a temporary name while hashing (a photo is
    // never held whole in memory), then renamed to its SHA-256.
    fs::path dir = m_replica.db().path() + ".attachments";
    fs::create_directories(dir);
    const std::string tmp = (dir / ("incoming-" + uuidV7() + ".tmp")).string();
    AttachmentInfo a;
    Sha256Stream hash;
    try {
        SealedWriter out(tmp, m_key);
        a.size = copy(out, hash);
        out.finish();
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
    a.sha256 = hash.hex();
    a.type = type;
    a.path = (dir / a.sha256).string();
    std::error_code ec;
    if (haveSealed(a.path, m_key, a.size))
        fs::remove(tmp, ec); // the same content is already here
    else
        fs::rename(tmp, a.path);
    std::lock_guard lock(m_mutex);
    Stmt q(m_replica.db(), "INSERT INTO attachments(sha256, size, type, path, state, offset, created, updated) "
                           "VALUES(?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT(sha256) DO NOTHING");
    int64_t now = wallClockMs();
    q.bind(1, a.sha256).bind(2, int64_t(a.size)).bind(3, a.type).bind(4, a.path).bind(5, now).bind(6, now).run();
    Stmt r(m_replica.db(), std::string("SELECT ") + kColumns + " FROM attachments WHERE sha256=?");
    r.bind(1, a.sha256);
    if (r.step())
        return readRow(r);
    return a;
}

std::vector<AttachmentInfo> Engine::attachments()
{
    std::lock_guard lock(m_mutex);
    std::vector<AttachmentInfo> out;
    Stmt q(m_replica.db(), std::string("SELECT ") + kColumns + " FROM attachments ORDER BY created, sha256");
    while (q.step())
        out.push_back(readRow(q));
    return out;
}

Engine::AttachmentCounts Engine::attachmentCounts()
{
    std::lock_guard lock(m_mutex);
    Stmt q(m_replica.db(),
           std::string("SELECT state, ") + kReferenced + ", count(*) FROM attachments WHERE state <> 'done' GROUP BY 1, 2");
    AttachmentCounts c;
    while (q.step()) {
        const std::string state = q.text(0);
        const int n = int(q.integer(2));
        if (state == AttachmentState::Refused)
            c.refused += n;
        else if (q.integer(1) == 0)
            c.unreferenced += n;
        else
            c.waiting += n;
    }
    return c;
}

void Engine::setAttachmentsOnlyUnmetered(bool on)
{
    std::lock_guard lock(m_mutex);
    m_replica.setMeta(MetaKey::AttachmentsOnlyUnmetered, on ? "1" : "0");
}

void Engine::setLinkMetered(bool metered)
{
    std::lock_guard lock(m_mutex);
    m_linkMetered = metered;
}

namespace {
void saveProgress(Db &db, const AttachmentInfo &a, int failuresDelta = 0)
{
    Stmt q(db, "UPDATE attachments SET state=?, offset=?, reason=?, failures=failures+?, updated=? WHERE sha256=?");
    q.bind(1, a.state)
        .bind(2, int64_t(a.offset))
        .bind(3, a.reason)
        .bind(4, int64_t(failuresDelta))
        .bind(5, wallClockMs())
        .bind(6, a.sha256)
        .run();
}
} // namespace

void Engine::uploadAttachments(SyncReport &report)
{
    std::string token;
    std::vector<AttachmentInfo> todo;
    {
        std::lock_guard lock(m_mutex);
        token = m_replica.meta(MetaKey::Token).value_or("");
        Stmt q(m_replica.db(), std::string("SELECT ") + kColumns +
                                   " FROM attachments WHERE state IN ('pending','uploading') ORDER BY created, sha256");
        while (q.step()) {
            AttachmentInfo a = readRow(q);
            if (a.referenced)
                todo.push_back(std::move(a));
            else
                report.attachmentsUnreferenced++;
        }
        if (!todo.empty() && m_replica.meta(MetaKey::AttachmentsOnlyUnmetered).value_or("0") == "1" && m_linkMetered) {
            report.attachmentsHeld = int(todo.size());
            report.attachmentsPending = int(todo.size());
            return; // held until an unmetered link
        }
    }
    if (todo.empty() || token.empty())
        return;

    Retry retry(*this);
    for (;;) {
        try {
            // Which does the server lack, and how much of each has it?
            Json ask = Json::array();
            for (const auto &a : todo)
                ask.push_back(Json{{"sha256", a.sha256}, {"size", a.size}});
            HttpRequest req;
            req.path = "/v1/attachments/check";
            req.body = compress(Json{{"protocol", kProtocolVersion}, {"attachments", ask}}.dump());
            req.bearerToken = token;
            Transport &tr = transport();
            tr.setProgress({});
            HttpReply reply = tr.send(req);
            report.requests++;
            report.bytesUp += reply.bytesUp;
            report.bytesDown += reply.bytesDown;
            report.connections += int(reply.newConnections);
            if (reply.status != 200)
                throwReplyError(reply, "the attachment check");
            Json j = replyJson(reply);
            std::map<std::string, Json> answers;
            for (const auto &x : j.value("attachments", Json::array()))
                answers[x.value("sha256", std::string())] = x;
            for (auto &a : todo) {
                if (a.state == AttachmentState::Done || a.state == AttachmentState::Refused)
                    continue;
                auto it = answers.find(a.sha256);
                if (it == answers.end())
                    throw Error(ErrorKind::Protocol, "the server did not answer for attachment " + a.sha256);
                std::string st = it->second.value("state", std::string());
                if (st == "have") {
                    a.state = AttachmentState::Done;
                    a.offset = a.size;
                    report.attachmentsSent++;
                } else if (st == "refused") {
                    a.state = AttachmentState::Refused;
                    a.reason = it->second.value("reason", std::string("refused by the server"));
                    report.attachmentsRefused++;
                } else {
                    a.offset = it->second.value("offset", uint64_t(0));
                    a.state = AttachmentState::Uploading;
                }
                {
                    std::lock_guard lock(m_mutex);
                    saveProgress(m_replica.db(), a);
                }
                if (a.state == AttachmentState::Uploading) {
                    uploadOne(a, token, report);
                    retry.progressed(); // a later cut starts a fresh backoff
                }
            }
            break;
        } catch (const Error &e) {
            if (!retry.again(e)) {
                std::lock_guard lock(m_mutex);
                m_replica.logError(errorKindName(e.kind()), std::string("attachments: ") + e.what());
                throw;
            }
            report.retries++;
            retry.wait(e);
        }
    }
    for (const auto &a : todo)
        if (a.state == AttachmentState::Pending || a.state == AttachmentState::Uploading)
            report.attachmentsPending++;
}

void Engine::uploadOne(AttachmentInfo &a, const std::string &token, SyncReport &report)
{
    const size_t chunk = std::max<size_t>(1024, tuning().chunkBytes);
    Transport &tr = transport();
    if (m_progress) {
        auto cb = m_progress;
        const uint64_t *base = &a.offset;
        uint64_t total = a.size;
        tr.setProgress([cb, base, total](uint64_t un, uint64_t, uint64_t, uint64_t) {
            SyncProgress p;
            p.upNow = *base + un;
            p.upTotal = total;
            cb(p);
        });
    }
    struct ClearProgress { // the callback points into `a`: never leave it behind
        Transport &t;
        ~ClearProgress() { t.setProgress({}); }
    } clearProgress{tr};
    int conflicts = 0;
    while (a.offset < a.size || a.size == 0) {
        HttpRequest req;
        req.method = "PUT";
        req.path = "/v1/attachments/" + a.sha256 + "?offset=" + std::to_string(a.offset) + "&size=" + std::to_string(a.size);
        req.body = readChunk(a.path, a.sealed ? m_key : DataKey::none(), a.offset, std::min<uint64_t>(chunk, a.size - a.offset));
        req.contentType = a.type.empty() ? "application/octet-stream" : a.type;
        req.contentEncoding.clear(); // photos do not compress
        req.bearerToken = token;
        HttpReply reply = tr.send(req);
        report.requests++;
        report.bytesUp += reply.bytesUp;
        report.bytesDown += reply.bytesDown;
        report.connections += int(reply.newConnections);
        Json j = replyJson(reply);
        std::lock_guard lock(m_mutex);
        if (reply.status == 200) {
            uint64_t confirmed = j.value("offset", a.offset);
            report.attachmentBytes += confirmed > a.offset ? confirmed - a.offset : 0;
            a.offset = confirmed;
            if (j.value("complete", false)) {
                a.state = AttachmentState::Done;
                a.offset = a.size;
                report.attachmentsSent++;
                saveProgress(m_replica.db(), a);
                break;
            }
            saveProgress(m_replica.db(), a);
        } else if (reply.status == 409 && j.contains("offset") && ++conflicts < 5) {
            a.offset = j.value("offset", uint64_t(0)); // the server's copy is elsewhere: continue from there
            saveProgress(m_replica.db(), a);
        } else if (reply.status == 413) {
            a.state = AttachmentState::Refused;
            a.reason = j.value("message", std::string("the file is larger than the server allows"));
            report.attachmentsRefused++;
            saveProgress(m_replica.db(), a);
            break;
        } else if (reply.status == 422) {
            // The server's assembled copy failed its SHA-256: start over, a few times at most.
            Stmt q(m_replica.db(), "SELECT failures FROM attachments WHERE sha256=?");
            q.bind(1, a.sha256);
            int failed = q.step() ? int(q.integer(0)) + 1 : 1;
            a.offset = 0;
            if (failed >= kMaxDamagedCopies) {
                a.state = AttachmentState::Refused;
                a.reason = "the server received a damaged copy " + std::to_string(failed) + " times; not retrying";
                report.attachmentsRefused++;
            }
            saveProgress(m_replica.db(), a, 1);
            if (a.state == AttachmentState::Refused)
                break;
        } else {
            throwReplyError(reply, "the attachment upload");
        }
    }
}

} // namespace cx
