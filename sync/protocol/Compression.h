#pragma once
// Body compression (zstd). Decompression refuses output past a limit, so a
// hostile or broken peer cannot make us allocate gigabytes.
#include <cstddef>
#include <string>
#include <string_view>

namespace cx {

constexpr size_t kMaxBodyBytes = 64u * 1024 * 1024;

// With the content checksum in the frame, so that damage is detected.
std::string compress(std::string_view data, int level = 6);
// Throws cx::Error(Protocol) on corrupt input (a frame whose content checksum
// does not match included) or output over maxBytes.
std::string decompress(std::string_view data, size_t maxBytes = kMaxBodyBytes);

} // namespace cx
