#pragma once
// Attachments on the device (docs/village.md). The Engine methods live in
// Attachments.cpp (attach, upload) and AttachmentDownload.cpp (fetch);
// AttachmentInfo and SyncTuning are declared in Engine.h. These helpers are
// shared by the two.
#include "engine/Transport.h"

#include <openssl/evp.h>

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

namespace cx {

// 64 lower-case hex digits.
bool isSha256Hex(const std::string &s);

// SHA-256 fed piece by piece (OpenSSL EVP).
class Sha256Stream {
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

// The cx::Error for a failed attachment request (401 Auth, 403 Forbidden, 426
// Version, 400/404 Protocol, else Server), with the server's message.
[[noreturn]] void throwAttachmentReply(const HttpReply &reply, const std::string &what);

} // namespace cx
