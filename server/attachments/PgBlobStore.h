#pragma once
// Attachments in PostgreSQL (a province's instances share nothing but the
// database): attachment_files(sha256, size, complete, updated) says what is
// held, attachment_parts(sha256, offset, data) holds the bytes in rows of at
// most 256 KB. A write locks the file's row (SELECT ... FOR UPDATE, so two
// instances never append to one file at once) and commits before the offset
// is confirmed; the SHA-256 is computed one part at a time. Downloads read
// one part per BodySource::read() on a connection leased for that read.
// Its own small pool of connections; thread-safe.
#include "attachments/BlobStore.h"

#include <mutex>
#include <vector>

namespace cx::server {

class PgConnection;

constexpr size_t kPgPartBytes = 256 * 1024;

class PgBlobStore final : public BlobStore
{
public:
    explicit PgBlobStore(std::string uri); // connects once, so a bad URI fails here
    ~PgBlobStore() override;
    BlobHeld held(const std::string &sha256) override;
    std::unique_ptr<Writer> write(const std::string &sha256) override;
    std::shared_ptr<BodySource> openComplete(const std::string &sha256) override;
    size_t removeStale(std::chrono::seconds maxAge) override;

    // A leased connection, given back (if still usable) when destroyed.
    class Lease
    {
    public:
        Lease(PgBlobStore &owner, std::unique_ptr<PgConnection> c);
        Lease(Lease &&o) noexcept;
        ~Lease();
        PgConnection &operator*() const { return *m_conn; }
        PgConnection *operator->() const { return m_conn.get(); }

    private:
        PgBlobStore *m_owner;
        std::unique_ptr<PgConnection> m_conn;
    };
    Lease lease();

private:
    class PgWriter;
    void giveBack(std::unique_ptr<PgConnection> c);

    std::string m_uri;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<PgConnection>> m_idle;
};

} // namespace cx::server
