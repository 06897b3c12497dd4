#pragma once
// Attachments at the bureau (docs/village.md): files named by their SHA-256,
// their bytes in a BlobStore (attachments/BlobStore.h): DATA_DIR/attachments/
// (FileBlobStore) or PostgreSQL (PgBlobStore). An upload grows chunk by chunk;
// each chunk is durable before its offset is confirmed, and the file is
// complete only once its SHA-256 matches its name. Thread-safe; uploads of
// different files run in parallel (the blob store locks per file).
// A file is served only to an account that may see a record referring to it
// (Store::attachmentSchools against the account's read scopes) or that
// uploaded it; to anyone else it does not exist (404). The ".part" of an
// upload abandoned for longer than the bureau allows is removed.
#include "attachments/BlobStore.h"
#include "http/HttpServer.h"
#include "storage/Store.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace cx::server {

constexpr uint64_t kDefaultMaxAttachmentBytes = 10 * 1024 * 1024;

class AttachmentStore
{
public:
    // location: a directory (FileBlobStore, created if needed) or a
    // postgresql:// URI (PgBlobStore: the server's own database).
    AttachmentStore(const std::string &location, uint64_t maxBytes = kDefaultMaxAttachmentBytes);
    AttachmentStore(std::unique_ptr<BlobStore> blobs, uint64_t maxBytes = kDefaultMaxAttachmentBytes);

    struct Status {
        std::string state;   // have | partial | missing | refused
        uint64_t offset = 0; // bytes held (partial)
        std::string reason;  // refused
    };
    Status status(const std::string &sha256, uint64_t size);

    struct PutResult {
        int status = 200;    // 200, 409 offset differs, 413 too large, 422 content does not match, 400 bad request
        uint64_t offset = 0; // confirmed bytes after the call
        bool complete = false;
        // This call proved the caller holds the whole file: its bytes were
        // assembled and matched the SHA-256 now, or (the file already held) it
        // sent all of them in this one chunk and they match. Only a proven
        // upload makes its account an uploader (who may download it); a PUT to
        // a file the server already has, with nothing or a part, proves nothing.
        bool proven = false;
        std::string message;
    };
    PutResult put(const std::string &sha256, uint64_t offset, uint64_t size, const std::string &data);

    // A complete attachment's bytes, streamed; null if there is none.
    std::shared_ptr<BodySource> openComplete(const std::string &sha256);
    uint64_t maxBytes() const { return m_max; }
    // Removes every unfinished upload not written to for longer than maxAge
    // (uploads nobody will finish); returns how many.
    size_t removeStaleParts(std::chrono::seconds maxAge);

private:
    std::unique_ptr<BlobStore> m_blobs;
    uint64_t m_max;
};

constexpr int kDefaultPartMaxAgeDays = 30;

// A Range header ("bytes=N-", "bytes=N-M", "bytes=-N") against a file of `size`.
// No header, or one this server does not split (several ranges), is the whole
// file (partial = false). satisfiable = false: answer 416.
struct ByteRange {
    uint64_t first = 0, length = 0;
    bool partial = false;
    bool satisfiable = true;
};
ByteRange parseByteRange(const std::string &header, uint64_t size);

// The routes as plain functions (authorization checked against the store, like /v1/sync).
HttpReply routeAttachmentCheck(Store &store, AttachmentStore &files, const std::string &authorization,
                               const std::string &encoding, const std::string &body);
HttpReply routeAttachmentPut(Store &store, AttachmentStore &files, const std::string &authorization, const std::string &sha256,
                             const std::string &offset, const std::string &size, const std::string &body);
// 200 with the file as reply.stream, or an error reply: 404 both for a file
// the server lacks and for one this account may not see.
HttpReply routeAttachmentGet(Store &store, AttachmentStore &files, const std::string &authorization, const std::string &sha256);

} // namespace cx::server
