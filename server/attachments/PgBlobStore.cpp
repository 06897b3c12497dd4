#include "attachments/PgBlobStore.h"

#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "storage/PgConnection.h"

#include <algorithm>
#include <cstring>

namespace cx::server {

namespace {

constexpr size_t kMaxIdle = 8;

// A complete file's bytes, one part (<= 256 KB) fetched at a time and kept
// for the reads that follow it (the transport asks for 64 KB at a time). Each
// fetch leases a connection for that query only, so a download at 40 kbit/s
// holds no database connection between its reads.
class PgBlobSource final : public BodySource
{
public:
    PgBlobSource(PgBlobStore &store, std::string sha, uint64_t size) : m_store(store), m_sha(std::move(sha)), m_size(size) {}
    uint64_t size() const override { return m_size; }
    size_t read(uint64_t offset, char *buf, size_t len) override
    {
        if (offset >= m_size)
            return 0;
        if (offset < m_partOffset || offset >= m_partOffset + m_part.size()) {
            auto c = m_store.lease();
            auto r = c->run("SELECT \"offset\", data FROM attachment_parts WHERE sha256 = $1 AND \"offset\" <= $2 "
                            "ORDER BY \"offset\" DESC LIMIT 1",
                            {m_sha, pgU64(offset)}, 0, true);
            if (!r.rows())
                return 0;
            const std::string be = r.text(0, 0); // int8, binary: big-endian
            m_partOffset = 0;
            for (unsigned char b : be)
                m_partOffset = m_partOffset << 8 | b;
            m_part = r.text(0, 1);
            if (offset >= m_partOffset + m_part.size())
                return 0; // a gap: the file is not what it claims
        }
        const size_t from = size_t(offset - m_partOffset);
        const size_t n = std::min(len, m_part.size() - from);
        std::memcpy(buf, m_part.data() + from, n);
        return n;
    }

private:
    PgBlobStore &m_store;
    std::string m_sha;
    uint64_t m_size;
    uint64_t m_partOffset = 0;
    std::string m_part;
};

} // namespace

PgBlobStore::Lease::Lease(PgBlobStore &owner, std::unique_ptr<PgConnection> c) : m_owner(&owner), m_conn(std::move(c)) {}
PgBlobStore::Lease::Lease(Lease &&o) noexcept : m_owner(o.m_owner), m_conn(std::move(o.m_conn)) {}
PgBlobStore::Lease::~Lease()
{
    if (m_conn)
        m_owner->giveBack(std::move(m_conn));
}

PgBlobStore::PgBlobStore(std::string uri) : m_uri(std::move(uri)) { lease(); }
PgBlobStore::~PgBlobStore() = default;

PgBlobStore::Lease PgBlobStore::lease()
{
    {
        std::lock_guard g(m_mutex);
        while (!m_idle.empty()) {
            auto c = std::move(m_idle.back());
            m_idle.pop_back();
            if (c->usable())
                return Lease(*this, std::move(c));
        }
    }
    return Lease(*this, std::make_unique<PgConnection>(m_uri));
}

void PgBlobStore::giveBack(std::unique_ptr<PgConnection> c)
{
    bool keep = false;
    try {
        if (c->inTransaction())
            c->exec("ROLLBACK");
        keep = c->usable() && !c->inTransaction();
    } catch (...) {
    }
    std::lock_guard g(m_mutex);
    if (keep && m_idle.size() < kMaxIdle)
        m_idle.push_back(std::move(c));
}

BlobHeld PgBlobStore::held(const std::string &sha)
{
    auto c = lease();
    auto r = c->run("SELECT size, complete FROM attachment_files WHERE sha256 = $1", {sha});
    BlobHeld h;
    if (r.rows()) {
        h.bytes = r.u64(0, 0);
        h.complete = r.boolean(0, 1);
    }
    return h;
}

// One transaction with the file's row locked: another instance writing the
// same file waits here, then sees what this one committed.
class PgBlobStore::PgWriter final : public BlobStore::Writer
{
public:
    PgWriter(PgBlobStore &owner, const std::string &sha) : m_conn(owner.lease()), m_sha(sha)
    {
        m_conn->exec("BEGIN ISOLATION LEVEL READ COMMITTED");
        m_conn->run("INSERT INTO attachment_files(sha256) VALUES($1) ON CONFLICT(sha256) DO NOTHING", {m_sha});
        auto r = m_conn->run("SELECT size, complete FROM attachment_files WHERE sha256 = $1 FOR UPDATE", {m_sha});
        m_held.bytes = r.u64(0, 0);
        m_held.complete = r.boolean(0, 1);
    }
    ~PgWriter() override
    {
        if (m_conn->inTransaction()) {
            try {
                m_conn->exec("ROLLBACK");
            } catch (...) {
            }
        }
    }
    BlobHeld held() override { return m_held; }
    void discard() override
    {
        m_conn->run("DELETE FROM attachment_parts WHERE sha256 = $1", {m_sha});
        m_conn->run("UPDATE attachment_files SET size = 0, complete = false, updated = now() WHERE sha256 = $1", {m_sha});
        m_held = {};
    }
    void append(const std::string &data) override
    {
        uint64_t at = m_held.bytes;
        for (size_t from = 0; from < data.size(); from += kPgPartBytes) {
            const std::string piece = data.substr(from, kPgPartBytes);
            m_conn->run("INSERT INTO attachment_parts(sha256, \"offset\", data) VALUES($1, $2, $3)", {m_sha, pgU64(at), piece},
                        1u << 2);
            at += piece.size();
        }
        m_conn->run("UPDATE attachment_files SET size = $2, updated = now() WHERE sha256 = $1", {m_sha, pgU64(at)});
        m_held.bytes = at;
    }
    bool finish(const std::string &sha) override
    {
        Sha256Stream hash;
        uint64_t at = 0;
        while (at < m_held.bytes) {
            auto r = m_conn->run("SELECT data FROM attachment_parts WHERE sha256 = $1 AND \"offset\" = $2", {m_sha, pgU64(at)}, 0,
                                 true);
            if (!r.rows())
                break; // a gap: cannot match
            const std::string part = r.text(0, 0);
            if (part.empty())
                break;
            hash.update(part.data(), part.size());
            at += part.size();
        }
        if (at != m_held.bytes || hash.hex() != sha) {
            discard();
            return false;
        }
        m_conn->run("UPDATE attachment_files SET complete = true, updated = now() WHERE sha256 = $1", {m_sha});
        m_held.complete = true;
        return true;
    }
    // The chunk is durable (synchronous_commit) when this returns.
    void commit() override { m_conn->exec("COMMIT"); }

private:
    PgBlobStore::Lease m_conn;
    std::string m_sha;
    BlobHeld m_held;
};

std::unique_ptr<BlobStore::Writer> PgBlobStore::write(const std::string &sha) { return std::make_unique<PgWriter>(*this, sha); }

std::shared_ptr<BodySource> PgBlobStore::openComplete(const std::string &sha)
{
    BlobHeld h = held(sha);
    if (!h.complete)
        return nullptr;
    return std::make_shared<PgBlobSource>(*this, sha, h.bytes);
}

size_t PgBlobStore::removeStale(std::chrono::seconds maxAge)
{
    auto c = lease();
    c->exec("BEGIN");
    // SKIP LOCKED: an upload being written now is not stale.
    auto r = c->run("SELECT sha256 FROM attachment_files WHERE NOT complete AND updated < now() - make_interval(secs => $1) "
                    "FOR UPDATE SKIP LOCKED",
                    {std::to_string(maxAge.count())});
    for (int i = 0; i < r.rows(); ++i) {
        c->run("DELETE FROM attachment_parts WHERE sha256 = $1", {r.text(i, 0)});
        c->run("DELETE FROM attachment_files WHERE sha256 = $1", {r.text(i, 0)});
    }
    c->exec("COMMIT");
    return size_t(r.rows());
}

} // namespace cx::server
