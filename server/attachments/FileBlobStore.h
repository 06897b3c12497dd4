#pragma once
// Attachments as files (a county's server): DATA_DIR/attachments/<sha256>,
// growing as "<sha256>.part" chunk by chunk, each chunk flushed to disk
// (fdatasync) before its offset is confirmed; renamed to "<sha256>" once its
// SHA-256 matches. One file at a time per stripe of a striped mutex (by the
// sha's first byte), so uploads of different files run in parallel.
#include "attachments/BlobStore.h"

#include <array>
#include <mutex>

namespace cx::server {

class FileBlobStore final : public BlobStore
{
public:
    explicit FileBlobStore(std::string dir); // creates dir
    BlobHeld held(const std::string &sha256) override;
    std::unique_ptr<Writer> write(const std::string &sha256) override;
    std::shared_ptr<BodySource> openComplete(const std::string &sha256) override;
    size_t removeStale(std::chrono::seconds maxAge) override;

    const std::string &dir() const { return m_dir; }

private:
    class FileWriter;
    std::mutex &stripe(const std::string &sha256);
    BlobHeld heldLocked(const std::string &sha256);

    std::string m_dir;
    std::array<std::mutex, 64> m_stripes;
};

} // namespace cx::server
