#pragma once
// UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Devices
// make record ids offline with it; ids sort by creation time.
#include <cstdint>
#include <string>
#include <string_view>

namespace cx {

std::string uuidV7(int64_t unixMillis);
std::string uuidV7();
bool isUuid(std::string_view s);

} // namespace cx
