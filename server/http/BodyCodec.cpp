#include "http/BodyCodec.h"

#include "protocol/Errors.h"

#include <zstd.h>

#include <memory>

namespace cx::server {

std::optional<HttpReply> refuseEncoding(const std::string &encoding)
{
    if (encoding.empty() || encoding == "identity" || encoding == "zstd")
        return std::nullopt;
    return errorReply(415, "protocol",
                      "unsupported Content-Encoding \"" + encoding +
                          "\": this server takes zstd or none, and never inflates others");
}

std::string byteSize(size_t n)
{
    if (n % (1024 * 1024) == 0)
        return std::to_string(n / (1024 * 1024)) + " MiB";
    if (n % 1024 == 0)
        return std::to_string(n / 1024) + " KiB";
    return std::to_string(n) + " bytes";
}

HttpReply tooLarge(const std::string &what, size_t limit)
{
    return errorReply(413, "too-large",
                      what + " may be at most " + byteSize(limit) + " (" + std::to_string(limit) +
                          " bytes), on the wire and after decompression");
}

std::string inflateBounded(const std::string &body, size_t limit)
{
    // A frame that says how big it is, and is too big, is refused unread.
    const unsigned long long declared = ZSTD_getFrameContentSize(body.data(), body.size());
    if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR && declared > limit)
        throw BodyTooLarge{};
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream *)> ds(ZSTD_createDStream(), ZSTD_freeDStream);
    ZSTD_initDStream(ds.get());
    std::string out;
    ZSTD_inBuffer in{body.data(), body.size(), 0};
    char buf[16384];
    size_t ret = 1;
    for (;;) {
        ZSTD_outBuffer o{buf, sizeof buf, 0};
        ret = ZSTD_decompressStream(ds.get(), &o, &in);
        if (ZSTD_isError(ret))
            throw Error(ErrorKind::Protocol, std::string("corrupt compressed body: ") + ZSTD_getErrorName(ret));
        if (out.size() + o.pos > limit)
            throw BodyTooLarge{};
        out.append(buf, o.pos);
        if (in.pos == in.size && o.pos < sizeof buf)
            break; // all input taken and the decoder has nothing more to flush
    }
    if (ret != 0)
        throw Error(ErrorKind::Protocol, "truncated compressed body");
    return out;
}

} // namespace cx::server
