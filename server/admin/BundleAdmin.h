#pragma once
// cunxiao-server admin DATA_DIR|URI bundle-in FILE --reply REPLY_FILE [--max-mb N]
// (docs/bundles.md): a bundle brought to the bureau on a USB stick.
#include "storage/Store.h"

#include <cstdint>
#include <iosfwd>
#include <string>

namespace cx::server {

// Applies the bundle like a sync (the forms validator, attachments into
// the location's attachment store), writes the reply bundle, prints a receipt.
void bundleInCommand(Store &store, const std::string &location, const std::string &file, const std::string &replyFile,
                     uint64_t maxReplyBytes, std::ostream &out, int64_t nowMs);

} // namespace cx::server
