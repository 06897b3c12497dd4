#pragma once
// The device's data key: 32 random bytes that encrypt the replica (SQLCipher)
// and the attachment files (SealedFile). It lives only in memory, is wiped when
// dropped, and is kept on disk only wrapped (engine/Vault.h, docs/security.md).
// An empty key means "not encrypted": the unencrypted baseline of the
// benchmarks, and a replica made before encryption, read once to encrypt it.
#include <openssl/crypto.h>

#include <string>
#include <utility>

namespace cx {

class DataKey
{
public:
    static constexpr size_t kBytes = 32;

    DataKey() = default;
    explicit DataKey(std::string raw) : m_raw(std::move(raw)) {}
    DataKey(const DataKey &o) : m_raw(o.m_raw) {}
    DataKey(DataKey &&o) noexcept : m_raw(std::move(o.m_raw)) { o.wipe(); }
    DataKey &operator=(const DataKey &o)
    {
        if (this != &o) {
            wipe();
            m_raw = o.m_raw;
        }
        return *this;
    }
    DataKey &operator=(DataKey &&o) noexcept
    {
        if (this != &o) {
            wipe();
            m_raw = std::move(o.m_raw);
            o.wipe();
        }
        return *this;
    }
    ~DataKey() { wipe(); }

    static DataKey none() { return DataKey(); }
    static DataKey generate(); // from OpenSSL's CSPRNG (Vault.cpp)

    bool empty() const { return m_raw.empty(); }
    const std::string &raw() const { return m_raw; }
    // SQLCipher's raw-key form, x'<64 hex digits>', so it derives nothing more.
    std::string sqlcipherKey() const;

private:
    void wipe()
    {
        if (!m_raw.empty())
            OPENSSL_cleanse(m_raw.data(), m_raw.size());
        m_raw.clear();
    }
    std::string m_raw;
};

} // namespace cx
