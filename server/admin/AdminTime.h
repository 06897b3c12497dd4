#pragma once
// Times as the bureau reads and types them in the admin commands: local time
// with its UTC offset, and dates for --since.
#include <cstdint>
#include <string>

namespace cx::server {

// "2026-12-06 12:30:01 +0800" (local time); "-" for 0.
std::string formatLocalTime(int64_t ms);
// YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (also with a space), local time, to ms.
// Throws cx::Error(Invalid) naming the option and what it expects.
int64_t parseLocalTime(const std::string &text, const std::string &option);

} // namespace cx::server
