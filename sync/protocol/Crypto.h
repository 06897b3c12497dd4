#pragma once
// Thin wrappers over OpenSSL: hashes, randomness, password hashing (scrypt)
// and base64. Nothing here stores a secret; callers store only hashes.
#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace cx {

void randomBytes(unsigned char *out, size_t n);
std::string randomToken(size_t bytes = 32); // base64url, no padding

std::string sha256Hex(std::string_view data);
std::string sha256Raw(std::string_view data); // 32 raw bytes
uint64_t hash64(std::string_view data);       // first 8 bytes of SHA-256
bool isSha256Hex(std::string_view s);         // 64 lower-case hex digits (an attachment's name)

// SHA-256 fed piece by piece, for files never held whole in memory.
class Sha256Stream
{
public:
    Sha256Stream();
    void reset();
    void update(const char *data, size_t n);
    std::string hex(); // ends the digest

private:
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> m_ctx;
};

// Feeds the file to `hash` (and appends it to `copy` if given) in 64 KB
// pieces; returns its size. Throws cx::Error(NotFound | Storage).
uint64_t streamFile(const std::string &path, Sha256Stream &hash, std::ofstream *copy = nullptr);

std::string base64Encode(std::string_view raw, bool url = false);
std::string base64Decode(std::string_view text); // throws cx::Error on bad input

// scrypt (N=2^14, r=8, p=1) with a random 16-byte salt; the stored form is
// "scrypt$N$r$p$salt_b64$hash_b64". verifyPassword runs in constant time.
std::string hashPassword(std::string_view password);
bool verifyPassword(std::string_view password, std::string_view stored);

} // namespace cx
