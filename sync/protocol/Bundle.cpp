// Sync bundles: X25519 + HKDF-SHA256 + AES-256-GCM via OpenSSL EVP (Bundle.h).
#include "protocol/Bundle.h"

#include "protocol/Compression.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "protocol/Json.h"
#include "protocol/Messages.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>

#include <cstring>
#include <memory>

namespace cx {

namespace {

using PKey = std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY *)>;
using PCtx = std::unique_ptr<EVP_PKEY_CTX, void (*)(EVP_PKEY_CTX *)>;
using CCtx = std::unique_ptr<EVP_CIPHER_CTX, void (*)(EVP_CIPHER_CTX *)>;

[[noreturn]] void fail(const char *what) { throw Error(ErrorKind::Server, std::string("OpenSSL: ") + what + " failed"); }

const unsigned char *u(std::string_view s) { return reinterpret_cast<const unsigned char *>(s.data()); }

PKey privKey(const std::string &priv)
{
    if (priv.size() != 32)
        throw Error(ErrorKind::Protocol, "an X25519 private key has 32 bytes, not " + std::to_string(priv.size()));
    PKey k(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, u(priv), 32), EVP_PKEY_free);
    if (!k)
        fail("X25519 private key");
    return k;
}

std::string rawPublic(EVP_PKEY *k)
{
    std::string pub(32, '\0');
    size_t n = 32;
    if (EVP_PKEY_get_raw_public_key(k, reinterpret_cast<unsigned char *>(pub.data()), &n) != 1 || n != 32)
        fail("X25519 public key");
    return pub;
}

void putU32(std::string &out, uint32_t v)
{
    for (int i = 3; i >= 0; --i)
        out.push_back(char((v >> (8 * i)) & 0xff));
}

} // namespace

X25519Pair x25519Generate()
{
    PCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        fail("X25519 key generation");
    PKey k(raw, EVP_PKEY_free);
    X25519Pair p;
    p.priv.assign(32, '\0');
    size_t n = 32;
    if (EVP_PKEY_get_raw_private_key(k.get(), reinterpret_cast<unsigned char *>(p.priv.data()), &n) != 1)
        fail("X25519 private key");
    p.pub = rawPublic(k.get());
    return p;
}

std::string x25519PublicOf(const std::string &priv) { return rawPublic(privKey(priv).get()); }

std::string x25519Agree(const std::string &priv, const std::string &peerPub)
{
    if (peerPub.size() != 32)
        throw Error(ErrorKind::Protocol, "an X25519 public key has 32 bytes, not " + std::to_string(peerPub.size()));
    PKey mine = privKey(priv);
    PKey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, u(peerPub), 32), EVP_PKEY_free);
    if (!peer)
        throw Error(ErrorKind::Protocol, "not an X25519 public key");
    PCtx ctx(EVP_PKEY_CTX_new(mine.get(), nullptr), EVP_PKEY_CTX_free);
    std::string out(32, '\0');
    size_t n = 32;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &n) != 1 || n != 32)
        throw Error(ErrorKind::Protocol, "the X25519 key agreement failed (a low-order public key?)");
    return out;
}

std::string hkdfSha256(std::string_view ikm, std::string_view salt, std::string_view info, size_t len)
{
    PCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr), EVP_PKEY_CTX_free);
    std::string out(len, '\0');
    size_t n = len;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), u(salt), int(salt.size())) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), u(ikm), int(ikm.size())) != 1 ||
        EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), u(info), int(info.size())) != 1 ||
        EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &n) != 1 || n != len)
        fail("HKDF");
    return out;
}

std::string hmacSha256(std::string_view key, std::string_view data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()), u(data), data.size(), md, &n))
        fail("HMAC");
    return std::string(reinterpret_cast<char *>(md), n);
}

std::string aesGcmSeal(const std::string &key, const std::string &nonce, std::string_view aad, std::string_view plain)
{
    CCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    std::string out(plain.size() + 16, '\0');
    int n = 0, m = 0;
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    if (!ctx || key.size() != 32 || nonce.size() != 12 ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, u(key), u(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &n, u(aad), int(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), o, &n, u(plain), int(plain.size())) != 1 || EVP_EncryptFinal_ex(ctx.get(), o + n, &m) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, o + plain.size()) != 1)
        fail("AES-256-GCM encryption");
    return out;
}

bool aesGcmOpen(const std::string &key, const std::string &nonce, std::string_view aad, std::string_view sealed,
                std::string &plain)
{
    if (sealed.size() < 16 || key.size() != 32 || nonce.size() != 12)
        return false;
    const size_t len = sealed.size() - 16;
    CCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    plain.assign(len, '\0');
    std::string tag(sealed.substr(len));
    int n = 0, m = 0;
    auto *o = reinterpret_cast<unsigned char *>(plain.data());
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, u(key), u(nonce)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &n, u(aad), int(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), o, &n, u(sealed), int(len)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), o + n, &m) != 1) {
        plain.clear();
        return false;
    }
    return true;
}

OpenedFrame parseBundleFrame(std::string_view bytes)
{
    const size_t magic = std::strlen(kBundleMagic);
    if (bytes.size() < magic || bytes.substr(0, magic) != kBundleMagic)
        throw Error(ErrorKind::Protocol, "not a Cunxiao bundle (the file does not start with " + std::string(kBundleMagic) + ")");
    if (bytes.size() < magic + 4)
        throw Error(ErrorKind::Protocol, "truncated bundle: " + std::to_string(bytes.size()) + " bytes, the header is cut");
    uint32_t hlen = 0;
    for (int i = 0; i < 4; ++i)
        hlen = (hlen << 8) | uint8_t(bytes[magic + i]);
    if (hlen > 4096)
        throw Error(ErrorKind::Protocol, "not a Cunxiao bundle (a header of " + std::to_string(hlen) + " bytes)");
    if (bytes.size() < magic + 4 + hlen)
        throw Error(ErrorKind::Protocol, "truncated bundle: " + std::to_string(bytes.size()) + " bytes, the header is cut");
    OpenedFrame f;
    f.aad = std::string(bytes.substr(0, magic + 4 + hlen));
    Json h = parseJson(bytes.substr(magic + 4, hlen), "the bundle header");
    if (!h.is_object() || h.value("format", "") != "cunxiao-bundle")
        throw Error(ErrorKind::Protocol, "not a Cunxiao bundle (its header has no \"format\":\"cunxiao-bundle\")");
    if (h.value("v", 0) != kBundleVersion)
        throw Error(ErrorKind::Version, "bundle format version " + std::to_string(h.value("v", 0)) +
                                            "; this program reads version " + std::to_string(kBundleVersion));
    try {
        f.header.kind = h.at("kind").get<std::string>();
        f.header.device = h.at("device").get<std::string>();
        f.header.bundle = h.at("bundle").get<std::string>();
        f.header.eph = base64Decode(h.at("eph").get<std::string>());
        f.header.nonce = base64Decode(h.at("nonce").get<std::string>());
        f.header.size = h.at("size").get<uint64_t>();
    } catch (const Json::exception &e) {
        throw Error(ErrorKind::Protocol, std::string("the bundle header is malformed: ") + e.what());
    }
    if (f.header.kind != "push" && f.header.kind != "reply")
        throw Error(ErrorKind::Protocol, "the bundle header's kind \"" + f.header.kind + "\" is not push or reply");
    if (f.header.eph.size() != 32 || f.header.nonce.size() != 12)
        throw Error(ErrorKind::Protocol, "the bundle header's key or nonce has the wrong length");
    const uint64_t have = bytes.size() - f.aad.size();
    if (have < f.header.size)
        throw Error(ErrorKind::Protocol, "truncated bundle: " + std::to_string(bytes.size()) + " bytes, the header says " +
                                             std::to_string(f.aad.size() + f.header.size) + "; copy the whole file again");
    if (have > f.header.size)
        throw Error(ErrorKind::Protocol,
                    "damaged bundle: " + std::to_string(have - f.header.size) + " bytes more than its header says");
    f.sealed = std::string(bytes.substr(f.aad.size()));
    return f;
}

std::string bundleKey(const std::string &agreement, const std::string &deviceSecret, const BundleHeader &h,
                      const std::string &receiverPub)
{
    const std::string info = "cunxiao bundle v1 " + h.kind + " " + h.device + " " + h.bundle;
    return hkdfSha256(agreement + deviceSecret, h.eph + receiverPub, info);
}

std::string sealBundle(BundleHeader h, const std::string &receiverPub, const std::string &deviceSecret, std::string_view payload)
{
    X25519Pair eph = x25519Generate();
    h.eph = eph.pub;
    h.nonce.assign(12, '\0');
    randomBytes(reinterpret_cast<unsigned char *>(h.nonce.data()), 12);
    const std::string packed = compress(payload, 9);
    h.size = packed.size() + 16;
    const std::string head = Json{
        {"format", "cunxiao-bundle"},
        {"v", kBundleVersion},
        {"kind", h.kind},
        {"device", h.device},
        {"bundle", h.bundle},
        {"eph", base64Encode(h.eph)},
        {"nonce", base64Encode(h.nonce)},
        {"size", h.size}}.dump();
    std::string out = kBundleMagic;
    putU32(out, uint32_t(head.size()));
    out += head;
    const std::string key = bundleKey(x25519Agree(eph.priv, receiverPub), deviceSecret, h, receiverPub);
    out += aesGcmSeal(key, h.nonce, out, packed);
    return out;
}

std::string openBundle(const OpenedFrame &f, const std::string &receiverPriv, const std::string &deviceSecret)
{
    const std::string pub = x25519PublicOf(receiverPriv);
    const std::string key = bundleKey(x25519Agree(receiverPriv, f.header.eph), deviceSecret, f.header, pub);
    std::string packed;
    if (!aesGcmOpen(key, f.header.nonce, f.aad, f.sealed, packed))
        throw Error(ErrorKind::Auth, "tampered bundle: its seal does not match (changed on the way, or not made by device " +
                                         f.header.device + " for this " + (f.header.kind == "push" ? "server" : "device") + ")");
    return decompress(packed);
}

} // namespace cx
