#include "qr/GreyPng.h"

#include "protocol/Errors.h"

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <png.h>

namespace cx {

namespace {

struct PngFailure {
    std::string why;
};

void onError(png_structp png, png_const_charp message)
{
    static_cast<PngFailure *>(png_get_error_ptr(png))->why = message;
    png_longjmp(png, 1);
}

void onWarning(png_structp, png_const_charp) {}

// False with `why` set; libpng's errors come back through longjmp, so this
// function holds no object with a destructor.
bool writeFile(const GreyImage &image, std::FILE *f, PngFailure &failure)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, onError, onWarning);
    if (!png) {
        failure.why = "out of memory";
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : nullptr);
        if (failure.why.empty())
            failure.why = "out of memory";
        return false;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, png_uint_32(image.width), png_uint_32(image.height), 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < image.height; ++y)
        png_write_row(png, image.pixels.data() + size_t(y) * size_t(image.width));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

void writeGreyPng(const GreyImage &image, const std::string &path)
{
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() != size_t(image.width) * size_t(image.height))
        throw Error(ErrorKind::Invalid, "not an image to save as " + path);
    const std::string part = path + ".part";
    std::FILE *f = std::fopen(part.c_str(), "wb");
    if (!f)
        throw Error(ErrorKind::Storage, "cannot write " + path + ": " + std::strerror(errno));
    PngFailure failure;
    bool ok = writeFile(image, f, failure);
    if (std::fflush(f) != 0 && ok) {
        ok = false;
        failure.why = std::strerror(errno);
    }
    if (std::fclose(f) != 0 && ok) {
        ok = false;
        failure.why = std::strerror(errno);
    }
    if (ok && std::rename(part.c_str(), path.c_str()) != 0) {
        ok = false;
        failure.why = std::strerror(errno);
    }
    if (!ok) {
        std::remove(part.c_str());
        throw Error(ErrorKind::Storage, "cannot write " + path + ": " + failure.why);
    }
}

} // namespace cx
