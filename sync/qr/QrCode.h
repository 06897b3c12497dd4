#pragma once
// QR codes as plain grey images, no Qt (docs/bureau.md "Accounts and
// enrolment"): encodeQr draws one with libqrencode (the bureau's "enrol a
// phone" code), decodeQr reads one with ZXing (the phone's camera frame, or
// a test's image made by encodeQr). The app converts to and from QImage
// (app/account/QrImages.h); everything that decodes goes through decodeQr.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cx {

// 8-bit grey, row by row, no padding: 0 black, 255 white.
struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;
};

// The QR code of `text` (8-bit mode, error correction M): `scale` pixels a
// module, a 4-module white margin. Throws cx::Error(Invalid) if the text
// does not fit a QR code.
GreyImage encodeQr(const std::string &text, int scale = 8);
// The modules alone (true: black), `size` x `size`, no margin.
std::vector<std::vector<bool>> qrModules(const std::string &text);

// The text of the first QR code found in the image; nullopt if none is
// readable (blurred, cut off, not a QR code).
std::optional<std::string> decodeQr(const GreyImage &image);

} // namespace cx
