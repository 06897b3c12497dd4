#include "protocol/Crypto.h"

#include "protocol/Errors.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstdio>
#include <fstream>
#include <vector>

namespace cx {

void randomBytes(unsigned char *out, size_t n)
{
    if (RAND_bytes(out, static_cast<int>(n)) != 1)
        throw Error(ErrorKind::Storage, "the system random number generator failed");
}

std::string randomToken(size_t bytes)
{
    std::string raw(bytes, '\0');
    randomBytes(reinterpret_cast<unsigned char *>(raw.data()), bytes);
    return base64Encode(raw, true);
}

std::string sha256Raw(std::string_view data)
{
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(data.data()), data.size(), md);
    return std::string(reinterpret_cast<char *>(md), sizeof md);
}

std::string sha256Hex(std::string_view data)
{
    std::string raw = sha256Raw(data);
    static const char *digits = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned char c : raw) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

uint64_t hash64(std::string_view data)
{
    std::string raw = sha256Raw(data);
    uint64_t h = 0;
    for (int i = 0; i < 8; ++i)
        h = (h << 8) | static_cast<unsigned char>(raw[i]);
    return h;
}

std::string base64Encode(std::string_view raw, bool url)
{
    std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()), reinterpret_cast<const unsigned char *>(raw.data()),
                            static_cast<int>(raw.size()));
    out.resize(n);
    if (url) {
        for (char &c : out) {
            if (c == '+')
                c = '-';
            else if (c == '/')
                c = '_';
        }
        while (!out.empty() && out.back() == '=')
            out.pop_back();
    }
    return out;
}

std::string base64Decode(std::string_view text)
{
    std::string in(text);
    for (char &c : in) {
        if (c == '-')
            c = '+';
        else if (c == '_')
            c = '/';
    }
    while (in.size() % 4)
        in.push_back('=');
    std::string out(3 * in.size() / 4 + 1, '\0');
    int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()), reinterpret_cast<const unsigned char *>(in.data()),
                            static_cast<int>(in.size()));
    if (n < 0)
        throw Error(ErrorKind::Invalid, "not valid base64");
    size_t pad = 0;
    for (size_t i = in.size(); i > 0 && in[i - 1] == '='; --i)
        ++pad;
    out.resize(size_t(n) - std::min<size_t>(pad, size_t(n)));
    return out;
}

namespace {
constexpr uint64_t kScryptN = 1 << 14;
constexpr uint64_t kScryptR = 8;
constexpr uint64_t kScryptP = 1;

std::string scrypt(std::string_view password, std::string_view salt, uint64_t N, uint64_t r, uint64_t p)
{
    std::string out(32, '\0');
    if (EVP_PBE_scrypt(password.data(), password.size(), reinterpret_cast<const unsigned char *>(salt.data()), salt.size(), N, r,
                       p, 64ull * 1024 * 1024, reinterpret_cast<unsigned char *>(out.data()), out.size()) != 1)
        throw Error(ErrorKind::Storage, "scrypt failed");
    return out;
}
} // namespace

std::string hashPassword(std::string_view password)
{
    std::string salt(16, '\0');
    randomBytes(reinterpret_cast<unsigned char *>(salt.data()), salt.size());
    std::string h = scrypt(password, salt, kScryptN, kScryptR, kScryptP);
    char head[64];
    std::snprintf(head, sizeof head, "scrypt$%llu$%llu$%llu$", (unsigned long long)kScryptN, (unsigned long long)kScryptR,
                  (unsigned long long)kScryptP);
    return head + base64Encode(salt) + "$" + base64Encode(h);
}

bool verifyPassword(std::string_view password, std::string_view stored)
{
    // scrypt$N$r$p$salt$hash
    std::vector<std::string> parts;
    std::string cur;
    for (char c : stored) {
        if (c == '$') {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    parts.push_back(cur);
    if (parts.size() != 6 || parts[0] != "scrypt")
        return false;
    try {
        uint64_t N = std::stoull(parts[1]), r = std::stoull(parts[2]), p = std::stoull(parts[3]);
        std::string salt = base64Decode(parts[4]);
        std::string want = base64Decode(parts[5]);
        std::string got = scrypt(password, salt, N, r, p);
        return got.size() == want.size() && CRYPTO_memcmp(got.data(), want.data(), got.size()) == 0;
    } catch (...) {
        return false;
    }
}

bool isSha256Hex(std::string_view s)
{
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Sha256Stream::Sha256Stream() : m_ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free) { reset(); }

void Sha256Stream::reset()
{
    if (!m_ctx || EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr) != 1)
        throw Error(ErrorKind::Storage, "cannot start a SHA-256 (OpenSSL)");
}

void Sha256Stream::update(const char *data, size_t n) { EVP_DigestUpdate(m_ctx.get(), data, n); }

std::string Sha256Stream::hex()
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_ctx.get(), md, &len);
    static const char *digits = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
        out.push_back(digits[md[i] >> 4]);
        out.push_back(digits[md[i] & 15]);
    }
    return out;
}

uint64_t streamFile(const std::string &path, Sha256Stream &hash, std::ofstream *copy)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "cannot read " + path);
    std::string buf(64 * 1024, '\0');
    uint64_t total = 0;
    while (in) {
        in.read(buf.data(), std::streamsize(buf.size()));
        const auto n = size_t(in.gcount());
        if (n == 0)
            break;
        hash.update(buf.data(), n);
        if (copy && !copy->write(buf.data(), std::streamsize(n)))
            throw Error(ErrorKind::Storage, "cannot copy " + path + " (disk full?)");
        total += n;
    }
    if (in.bad())
        throw Error(ErrorKind::Storage, "cannot read " + path + " to the end");
    return total;
}

} // namespace cx
