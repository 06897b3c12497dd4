#pragma once
// Body compression (zstd). Decompression refuses output past a limit, so a
// hostile or broken peer cannot make us allocate gigabytes.
#include <cstddef>
#include <string>
#include <string_view>

namespace cx {

constexpr size_t kMaxBodyBytes = 64u * 1024 * 1024;

// The zstd level for a body of `bytes` (docs/village.md "At the information
// limit"): a page or a push of tens of KB is what a village link waits for
// (40 kbit/s: 1 KB = 0.2 s), so it gets level 19 (~2 MB/s here, ~130 ms for
// a 300 KB page, 3-4 % smaller than level 18 and 10 % smaller than 12); a
// small body gets a fast level, where the level makes little difference; a
// body over 2 MiB (more than the engine asks for) gets level 12, so that no
// client can make a server worker spend seconds on one reply.
int compressionLevelFor(size_t bytes);
inline constexpr int kAutoLevel = 0;

// With the content checksum in the frame, so that damage is detected.
// kAutoLevel picks compressionLevelFor(data.size()).
std::string compress(std::string_view data, int level = kAutoLevel);
// Throws cx::Error(Protocol) on corrupt input (a frame whose content checksum
// does not match included) or output over maxBytes.
std::string decompress(std::string_view data, size_t maxBytes = kMaxBodyBytes);

// Prefix compression (wire encoding 3, docs/protocol.md "Wire encoding"): a
// body compressed with an earlier body of the same sync as zstd's prefix
// (ZSTD_CCtx_refPrefix), so a page refers back to the one before as if both
// were one stream. Such a body starts with a zstd skippable frame naming the
// prefix (prefixName of its bytes); a decoder without the prefix reads it as
// corrupt, never as other values (the content checksum), and the name lets
// the receiver check it holds that prefix before decoding.
inline constexpr size_t kMinPrefixBytes = 2 * 1024;        // smaller bodies are not kept as prefixes
inline constexpr size_t kMaxPrefixBytes = 2 * 1024 * 1024; // nor larger ones (the largest page the engine asks for)
// The name of a prefix: the first 128 bits of its SHA-256, 32 hex digits.
std::string prefixName(std::string_view body);
// The skippable frame naming `prefix`, then `data` compressed with it.
std::string compressWithPrefix(std::string_view data, std::string_view prefix, int level = kAutoLevel);
// The prefix a body names (its leading skippable frame), or "" when it names none.
std::string namedPrefix(std::string_view body);
// Decodes a body made by compressWithPrefix with `prefix`. Throws
// cx::Error(Protocol) when it names another prefix, or as decompress().
std::string decompressWithPrefix(std::string_view body, std::string_view prefix, size_t maxBytes = kMaxBodyBytes);

} // namespace cx
