#pragma once
// Where the bytes of attachments live, behind one interface so that a county's
// server keeps files in DATA_DIR/attachments (FileBlobStore.h) and a
// province's instances keep them in PostgreSQL (PgBlobStore.h), sharing
// nothing but the database. AttachmentStore (the policy: sizes, offsets,
// answers) is written against it. The contract of every implementation:
//   - one file is written by one Writer at a time (across instances too);
//     writers of different files run in parallel;
//   - append() is durable when commit() returns, and only then is its offset
//     confirmed to the device; a write that fails confirms nothing;
//   - finish() hashes what was received (streaming, never the whole file in
//     memory); only a matching SHA-256 makes the file complete, else it is
//     discarded;
//   - an upload resumes from the confirmed offset on any instance;
//   - incomplete files untouched for longer than maxAge are removed.
// Thread-safe.
#include "http/HttpServer.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace cx::server {

// What is held of one file.
struct BlobHeld {
    bool complete = false;
    uint64_t bytes = 0; // complete: the file's size; else the bytes received (0: nothing)
};

class BlobStore
{
public:
    virtual ~BlobStore() = default;

    virtual BlobHeld held(const std::string &sha256) = 0;

    // A write on one file, holding its lock until destroyed. Nothing is kept
    // unless commit() is called (PostgreSQL: one transaction).
    class Writer
    {
    public:
        virtual ~Writer() = default;
        virtual BlobHeld held() = 0;
        virtual void discard() = 0;                       // drops what was received
        virtual void append(const std::string &data) = 0; // after what is held; "" starts an empty file
        // Hashes what was received: complete if it is `sha256`, else discarded.
        virtual bool finish(const std::string &sha256) = 0;
        virtual void commit() = 0;
    };
    virtual std::unique_ptr<Writer> write(const std::string &sha256) = 0;

    // A complete file's bytes, streamed; null if there is none.
    virtual std::shared_ptr<BodySource> openComplete(const std::string &sha256) = 0;
    // Removes incomplete files not written to for longer than maxAge; returns how many.
    virtual size_t removeStale(std::chrono::seconds maxAge) = 0;
};

} // namespace cx::server
