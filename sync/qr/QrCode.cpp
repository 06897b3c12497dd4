#include "qr/QrCode.h"

#include "protocol/Errors.h"

#include <qrencode.h>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <memory>

namespace cx {

std::vector<std::vector<bool>> qrModules(const std::string &text)
{
    std::unique_ptr<QRcode, void (*)(QRcode *)> qr(
        QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char *>(text.data()), 0, QR_ECLEVEL_M), QRcode_free);
    if (!qr)
        throw Error(ErrorKind::Invalid, "the text is too long for a QR code (" + std::to_string(text.size()) + " bytes)");
    const int n = qr->width;
    std::vector<std::vector<bool>> out(static_cast<size_t>(n), std::vector<bool>(static_cast<size_t>(n)));
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            out[size_t(y)][size_t(x)] = qr->data[y * n + x] & 1;
    return out;
}

GreyImage encodeQr(const std::string &text, int scale)
{
    if (scale < 1)
        scale = 1;
    const auto modules = qrModules(text);
    const int n = int(modules.size()), margin = 4;
    GreyImage img;
    img.width = img.height = (n + 2 * margin) * scale;
    img.pixels.assign(size_t(img.width) * size_t(img.height), 255);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            if (modules[size_t(y)][size_t(x)])
                for (int dy = 0; dy < scale; ++dy)
                    for (int dx = 0; dx < scale; ++dx)
                        img.pixels[size_t((margin + y) * scale + dy) * size_t(img.width) + size_t((margin + x) * scale + dx)] = 0;
    return img;
}

std::optional<std::string> decodeQr(const GreyImage &image)
{
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() < size_t(image.width) * size_t(image.height))
        return std::nullopt;
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
    const ZXing::Result r = ZXing::ReadBarcode(view, hints);
    if (!r.isValid())
        return std::nullopt;
    return r.text();
}

} // namespace cx
