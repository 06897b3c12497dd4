#include "attachments/FileBlobStore.h"

#include "protocol/Crypto.h"
#include "protocol/Errors.h"

#include <fcntl.h>
#include <cctype>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace cx::server {

namespace fs = std::filesystem;

namespace {

class FileSource final : public BodySource
{
public:
    FileSource(const std::string &path, uint64_t size) : m_in(path, std::ios::binary), m_size(size) {}
    bool ok() const { return bool(m_in); }
    uint64_t size() const override { return m_size; }
    size_t read(uint64_t offset, char *buf, size_t len) override
    {
        m_in.clear();
        m_in.seekg(std::streamoff(offset));
        m_in.read(buf, std::streamsize(len));
        return size_t(m_in.gcount());
    }

private:
    std::ifstream m_in;
    uint64_t m_size;
};

} // namespace

FileBlobStore::FileBlobStore(std::string dir) : m_dir(std::move(dir))
{
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (ec)
        throw Error(ErrorKind::Invalid, "cannot create " + m_dir + ": " + ec.message());
}

std::mutex &FileBlobStore::stripe(const std::string &sha)
{
    size_t h = 0;
    for (size_t i = 0; i < sha.size() && i < 2; ++i)
        h = h * 16 + size_t(std::isdigit(static_cast<unsigned char>(sha[i])) ? sha[i] - '0' : (sha[i] | 0x20) - 'a' + 10);
    return m_stripes[h % m_stripes.size()];
}

BlobHeld FileBlobStore::heldLocked(const std::string &sha)
{
    BlobHeld h;
    std::error_code ec;
    const std::string final = m_dir + "/" + sha;
    if (uint64_t n = fs::file_size(final, ec); !ec) {
        h.complete = true;
        h.bytes = n;
        return h;
    }
    if (uint64_t n = fs::file_size(final + ".part", ec); !ec)
        h.bytes = n;
    return h;
}

BlobHeld FileBlobStore::held(const std::string &sha)
{
    std::lock_guard g(stripe(sha));
    return heldLocked(sha);
}

class FileBlobStore::FileWriter final : public BlobStore::Writer
{
public:
    FileWriter(FileBlobStore &owner, const std::string &sha)
        : m_owner(owner), m_lock(owner.stripe(sha)), m_sha(sha), m_final(owner.m_dir + "/" + sha), m_part(m_final + ".part")
    {}
    BlobHeld held() override { return m_owner.heldLocked(m_sha); }
    void discard() override
    {
        std::error_code ec;
        fs::remove(m_part, ec);
    }
    void append(const std::string &data) override
    {
        std::error_code ec;
        uint64_t have = fs::file_size(m_part, ec);
        if (ec)
            have = 0;
        int fd = ::open(m_part.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0640);
        if (fd < 0)
            throw Error(ErrorKind::Storage, "cannot open " + m_part);
        size_t done = 0;
        while (done < data.size()) {
            ssize_t n = ::write(fd, data.data() + done, data.size() - done);
            if (n <= 0) {
                ::close(fd);
                (void)::truncate(m_part.c_str(), off_t(have)); // never confirm half a chunk
                throw Error(ErrorKind::Storage, "cannot write " + m_part + " (disk full?)");
            }
            done += size_t(n);
        }
        const bool synced = ::fdatasync(fd) == 0; // confirmed means on disk
        ::close(fd);
        if (!synced) {
            (void)::truncate(m_part.c_str(), off_t(have));
            throw Error(ErrorKind::Storage, "cannot write " + m_part + " to disk");
        }
    }
    bool finish(const std::string &sha) override
    {
        Sha256Stream hash;
        streamFile(m_part, hash);
        if (hash.hex() != sha) {
            discard();
            return false;
        }
        fs::rename(m_part, m_final);
        return true;
    }
    void commit() override {} // every append is on disk already

private:
    FileBlobStore &m_owner;
    std::lock_guard<std::mutex> m_lock;
    std::string m_sha, m_final, m_part;
};

std::unique_ptr<BlobStore::Writer> FileBlobStore::write(const std::string &sha)
{
    return std::make_unique<FileWriter>(*this, sha);
}

std::shared_ptr<BodySource> FileBlobStore::openComplete(const std::string &sha)
{
    if (!isSha256Hex(sha))
        return nullptr;
    uint64_t size = 0;
    std::shared_ptr<FileSource> src;
    {
        std::lock_guard g(stripe(sha)); // not while it is being renamed into place
        std::error_code ec;
        const std::string path = m_dir + "/" + sha;
        size = fs::file_size(path, ec);
        if (ec)
            return nullptr;
        src = std::make_shared<FileSource>(path, size);
    }
    return src->ok() ? src : nullptr;
}

size_t FileBlobStore::removeStale(std::chrono::seconds maxAge)
{
    size_t removed = 0;
    std::error_code ec;
    const auto cutoff = fs::file_time_type::clock::now() - maxAge;
    for (const auto &entry : fs::directory_iterator(m_dir, ec)) {
        const fs::path &p = entry.path();
        const std::string sha = p.stem().string();
        if (p.extension() != ".part" || !isSha256Hex(sha) || !entry.is_regular_file(ec))
            continue;
        std::lock_guard g(stripe(sha)); // no upload appends to it while we look
        auto written = fs::last_write_time(p, ec);
        if (!ec && written < cutoff && fs::remove(p, ec))
            ++removed;
    }
    return removed;
}

} // namespace cx::server
