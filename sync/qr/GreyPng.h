#pragma once
// GreyPng: a GreyImage (an encodeQr drawing) saved as an 8-bit greyscale PNG
// through libpng, for `cunxiao-server admin ... enrol-code --png FILE` (the
// bureau prints the enrolment QR code or sends it). No Qt: the server has none.
#include "qr/QrCode.h"

#include <string>

namespace cx {

// Writes `image` to `path` as `path`.part, then renames it, so a file at
// `path` is always a whole PNG. Throws cx::Error(Storage) naming the path and why.
void writeGreyPng(const GreyImage &image, const std::string &path);

} // namespace cx
