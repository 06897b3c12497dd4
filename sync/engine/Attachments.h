#pragma once
// Attachments on the device (docs/village.md). The Engine methods live in
// Attachments.cpp; AttachmentInfo and SyncTuning are declared in Engine.h.
#include <string>

namespace cx {

// 64 lower-case hex digits.
bool isSha256Hex(const std::string &s);

} // namespace cx
