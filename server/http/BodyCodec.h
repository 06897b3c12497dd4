#pragma once
// Request bodies as they arrive: identity or zstd, inflated under a limit
// while inflating (a 1 MB body that would inflate to 1 GB stops at the
// limit). Any other Content-Encoding (gzip, deflate, br) is refused, never
// inflated.
#include "http/HttpServer.h"

#include <cstddef>
#include <optional>
#include <string>

namespace cx::server {

// The 415 reply for an encoding this server does not take, or nothing when
// `encoding` is "", "identity" or "zstd".
std::optional<HttpReply> refuseEncoding(const std::string &encoding);
// The 413 reply naming the limit (`what`: "a sync request body").
HttpReply tooLarge(const std::string &what, size_t limit);
// zstd -> the inflated bytes. Throws cx::Error(Protocol) when corrupt, and
// BodyTooLarge as soon as the output passes `limit`.
struct BodyTooLarge {
};
std::string inflateBounded(const std::string &body, size_t limit);
// "64 MiB", "4 KiB", "1088 KiB".
std::string byteSize(size_t n);

} // namespace cx::server
