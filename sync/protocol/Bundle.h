#pragma once
// Sync bundles (docs/bundles.md): the push request of a sync and its reply,
// sealed so that they can travel on a USB stick or SD card, or through any
// enrolled computer (a relay), and be read and trusted only by their ends.
//
// A file: "CXBUNDLE" | u32 big-endian header length | header JSON | sealed body.
// The header says only what routing needs: {"format":"cunxiao-bundle","v":1,
// "kind":"push"|"reply","device":ID,"bundle":ID,"eph":B64,"nonce":B64,"size":N}.
// The body is AES-256-GCM (its 16-byte tag last) over the zstd-compressed
// payload, with the magic and the header bytes as associated data, so a
// changed header fails like a changed body. The key is HKDF-SHA256 over an
// X25519 agreement (an ephemeral key of the sender with the receiver's key)
// followed by the device's bundle secret, with the device and bundle ids in
// the info: only the server can open a push, only a device that knows its
// secret can make one, and only the device that made the bundle can open
// its reply.
#include <cstdint>
#include <string>
#include <string_view>

namespace cx {

inline constexpr int kBundleVersion = 1;
inline constexpr const char *kBundleMagic = "CXBUNDLE";

// X25519 with OpenSSL EVP: 32-byte raw keys.
struct X25519Pair {
    std::string priv, pub;
};
X25519Pair x25519Generate();
std::string x25519PublicOf(const std::string &priv);
std::string x25519Agree(const std::string &priv, const std::string &peerPub); // throws cx::Error(Protocol) on a bad key

std::string hkdfSha256(std::string_view ikm, std::string_view salt, std::string_view info, size_t len = 32);
std::string hmacSha256(std::string_view key, std::string_view data);

// AES-256-GCM: ciphertext with the tag appended; open returns false if the tag fails.
std::string aesGcmSeal(const std::string &key, const std::string &nonce, std::string_view aad, std::string_view plain);
bool aesGcmOpen(const std::string &key, const std::string &nonce, std::string_view aad, std::string_view sealed,
                std::string &plain);

struct BundleHeader {
    std::string kind; // push | reply
    std::string device;
    std::string bundle; // the bundle id (a reply: the push it answers)
    std::string eph;    // sender's ephemeral X25519 public key (raw)
    std::string nonce;  // 12 bytes
    uint64_t size = 0;  // sealed body bytes
};

struct OpenedFrame {
    BundleHeader header;
    std::string aad; // magic + length + header bytes
    std::string sealed;
};

// Parses the frame. Throws cx::Error(Protocol) saying "not a Cunxiao bundle",
// "truncated" (with the byte counts) or which header field is wrong.
OpenedFrame parseBundleFrame(std::string_view bytes);

// The key of a push (sender: device with eph, receiver: server) or of a reply
// (sender: server with eph, receiver: the device's per-bundle key).
std::string bundleKey(const std::string &agreement, const std::string &deviceSecret, const BundleHeader &h,
                      const std::string &receiverPub);

// Compresses and seals `payload` (JSON text) for `receiverPub`; h.kind, device
// and bundle set by the caller, the rest filled here.
std::string sealBundle(BundleHeader h, const std::string &receiverPub, const std::string &deviceSecret, std::string_view payload);
// Opens a frame with the receiver's private key; returns the payload JSON
// text. Throws cx::Error(Auth) "tampered" when the seal fails.
std::string openBundle(const OpenedFrame &f, const std::string &receiverPriv, const std::string &deviceSecret);

} // namespace cx
