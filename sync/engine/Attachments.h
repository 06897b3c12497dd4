#pragma once
// Attachments on the device (docs/village.md). The Engine methods live in
// Attachments.cpp (attach, upload) and AttachmentDownload.cpp (fetch);
// AttachmentInfo and SyncTuning are declared in Engine.h. This helper is
// shared by the two.
#include "engine/Transport.h"
#include "protocol/Crypto.h" // Sha256Stream, streamFile, isSha256Hex

#include <string>

namespace cx {

// The cx::Error for a failed attachment request (401 Auth, 403 Forbidden, 426
// Version, 400/404 Protocol, else Server), with the server's message.

} // namespace cx
