#include "protocol/Compression.h"

#include "protocol/Errors.h"

#include <zstd.h>

#include <memory>

namespace cx {

int compressionLevelFor(size_t bytes)
{
    if (bytes < 4 * 1024)
        return 6;
    if (bytes < 32 * 1024)
        return 15;
    if (bytes <= 2 * 1024 * 1024)   // the largest page the engine asks for (SyncTuning::maxPageBytes)
        return 19;
    return 12;   // a larger body (a client asking up to 8 MiB pages): ~70 MB/s, not ~2 MB/s and ~100 MB of tables
}

std::string compress(std::string_view data, int level)
{
    if (level == kAutoLevel)
        level = compressionLevelFor(data.size());
    // Every frame carries the checksum of its content (XXH64, 4 bytes), which
    // decompress() verifies: a body damaged on the way is refused instead of
    // being decoded into values nobody wrote. zstd alone often decodes a
    // changed literal byte without noticing.
    std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> cs(ZSTD_createCCtx(), ZSTD_freeCCtx);
    if (!cs)
        throw Error(ErrorKind::Protocol, "compression failed: out of memory");
    ZSTD_CCtx_setParameter(cs.get(), ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(cs.get(), ZSTD_c_checksumFlag, 1);
    std::string out(ZSTD_compressBound(data.size()), '\0');
    size_t n = ZSTD_compress2(cs.get(), out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(n))
        throw Error(ErrorKind::Protocol, std::string("compression failed: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string decompress(std::string_view data, size_t maxBytes)
{
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream *)> ds(ZSTD_createDStream(), ZSTD_freeDStream);
    ZSTD_initDStream(ds.get());
    std::string out;
    ZSTD_inBuffer in{data.data(), data.size(), 0};
    char buf[65536];
    size_t ret = 1;
    while (in.pos < in.size) {
        ZSTD_outBuffer o{buf, sizeof buf, 0};
        ret = ZSTD_decompressStream(ds.get(), &o, &in);
        if (ZSTD_isError(ret))
            throw Error(ErrorKind::Protocol, std::string("corrupt compressed body: ") + ZSTD_getErrorName(ret));
        out.append(buf, o.pos);
        if (out.size() > maxBytes)
            throw Error(ErrorKind::Protocol, "compressed body expands past " + std::to_string(maxBytes) + " bytes");
        if (o.pos == 0 && in.pos < in.size && ret != 0)
            continue;
    }
    // Flush whatever is still buffered.
    while (ret != 0) {
        ZSTD_outBuffer o{buf, sizeof buf, 0};
        ret = ZSTD_decompressStream(ds.get(), &o, &in);
        if (ZSTD_isError(ret))
            throw Error(ErrorKind::Protocol, std::string("corrupt compressed body: ") + ZSTD_getErrorName(ret));
        if (o.pos == 0)
            break;
        out.append(buf, o.pos);
        if (out.size() > maxBytes)
            throw Error(ErrorKind::Protocol, "compressed body expands past " + std::to_string(maxBytes) + " bytes");
    }
    if (ret != 0)
        throw Error(ErrorKind::Protocol, "truncated compressed body");
    return out;
}

} // namespace cx
