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

} // namespace cx
