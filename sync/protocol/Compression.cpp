#include "protocol/Compression.h"

#include "protocol/Crypto.h"
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
    if (bytes <= 2 * 1024 * 1024) // the largest page the engine asks for (SyncTuning::maxPageBytes)
        return 19;
    return 12; // a larger body (a client asking up to 8 MiB pages): ~70 MB/s, not ~2 MB/s and ~100 MB of tables
}

namespace {

std::string compressImpl(std::string_view data, int level, std::string_view prefix, bool withPrefix)
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
    if (withPrefix && ZSTD_isError(ZSTD_CCtx_refPrefix(cs.get(), prefix.data(), prefix.size())))
        throw Error(ErrorKind::Protocol, "compression failed: the prefix was refused");
    std::string out(ZSTD_compressBound(data.size()), '\0');
    size_t n = ZSTD_compress2(cs.get(), out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(n))
        throw Error(ErrorKind::Protocol, std::string("compression failed: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string decompressImpl(std::string_view data, size_t maxBytes, std::string_view prefix, bool withPrefix)
{
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream *)> ds(ZSTD_createDStream(), ZSTD_freeDStream);
    if (!ds)
        throw Error(ErrorKind::Protocol, "decompression failed: out of memory");
    ZSTD_initDStream(ds.get());
    if (withPrefix && ZSTD_isError(ZSTD_DCtx_refPrefix(ds.get(), prefix.data(), prefix.size())))
        throw Error(ErrorKind::Protocol, "decompression failed: the prefix was refused");
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

// The skippable frame naming a prefix: magic 0x184D2A5E, 4-byte length (both
// little-endian), then the name (32 ASCII hex digits).
constexpr uint32_t kPrefixMagic = 0x184D2A5E;
constexpr size_t kNameChars = 32;
constexpr size_t kFrameBytes = 8 + kNameChars;

void putLe32(std::string &out, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(char((v >> (8 * i)) & 0xff));
}

uint32_t le32(std::string_view s)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= uint32_t(static_cast<unsigned char>(s[size_t(i)])) << (8 * i);
    return v;
}

} // namespace

std::string compress(std::string_view data, int level) { return compressImpl(data, level, {}, false); }

std::string decompress(std::string_view data, size_t maxBytes) { return decompressImpl(data, maxBytes, {}, false); }

std::string prefixName(std::string_view body) { return sha256Hex(body).substr(0, kNameChars); }

std::string compressWithPrefix(std::string_view data, std::string_view prefix, int level)
{
    std::string out;
    putLe32(out, kPrefixMagic);
    putLe32(out, uint32_t(kNameChars));
    out += prefixName(prefix);
    out += compressImpl(data, level, prefix, true);
    return out;
}

std::string namedPrefix(std::string_view body)
{
    if (body.size() < kFrameBytes || le32(body) != kPrefixMagic || le32(body.substr(4)) != kNameChars)
        return {};
    return std::string(body.substr(8, kNameChars));
}

std::string decompressWithPrefix(std::string_view body, std::string_view prefix, size_t maxBytes)
{
    const std::string named = namedPrefix(body);
    if (named.empty())
        throw Error(ErrorKind::Protocol, "the body names no prefix");
    if (named != prefixName(prefix))
        throw Error(ErrorKind::Protocol,
                    "the body was compressed with prefix " + named + ", not the one held (" + prefixName(prefix) + ")");
    return decompressImpl(body.substr(kFrameBytes), maxBytes, prefix, true);
}

} // namespace cx
