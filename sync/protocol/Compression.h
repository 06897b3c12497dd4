#pragma once
// Body compression (zstd). Decompression refuses output past a limit, so a
// hostile or broken peer cannot make us allocate gigabytes.
#include <cstddef>
#include <string>
#include <string_view>

namespace cx {

constexpr size_t kMaxBodyBytes = 64u * 1024 * 1024;

std::string compress(std::string_view data, int level = 6);
// Throws cx::Error(Protocol) on corrupt input or output over maxBytes.
std::string decompress(std::string_view data, size_t maxBytes = kMaxBodyBytes);

} // namespace cx
