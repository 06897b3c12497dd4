// Fuzz target: the protocol decoder, as both sides run it on a body from the
// network: zstd decompression (when the input starts with the zstd magic),
// parseJson, then every message decoder. A message that decodes must survive
// a round trip (toJson -> fromJson gives the same record states).
// Nothing may crash; every refusal must be a cx::Error.
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"
#include "protocol/Record.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {
void check(bool ok)
{
    if (!ok)
        std::abort();
}

template <typename F> void tryDecode(F f)
{
    try {
        f();
    } catch (const cx::Error &) {
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view in(reinterpret_cast<const char *>(data), size);
    std::string text;
    if (size >= 4 && uint8_t(in[0]) == 0x28 && uint8_t(in[1]) == 0xb5 && uint8_t(in[2]) == 0x2f && uint8_t(in[3]) == 0xfd) {
        try {
            // A smaller limit than the wire's 64 MiB keeps the fuzzer fast; the
            // limit check itself is the same code.
            text = cx::decompress(in, 4u << 20);
        } catch (const cx::Error &) {
            return 0;
        }
    } else {
        text.assign(in);
    }
    cx::Json j;
    try {
        j = cx::parseJson(text, "fuzz input");
    } catch (const cx::Error &) {
        return 0;
    }
    tryDecode([&] {
        cx::SyncResponse r = cx::SyncResponse::fromJson(j);
        cx::SyncResponse again = cx::SyncResponse::fromJson(r.toJson());
        check(again.applied == r.applied && again.changes == r.changes && again.cursor == r.cursor && again.acked == r.acked &&
              again.more == r.more && again.checksums == r.checksums);
    });
    tryDecode([&] {
        cx::SyncRequest r = cx::SyncRequest::fromJson(j);
        cx::SyncRequest again = cx::SyncRequest::fromJson(r.toJson());
        check(again.mutations.size() == r.mutations.size() && again.cursor == r.cursor);
    });
    tryDecode([&] { cx::EnrollRequest::fromJson(j); });
    tryDecode([&] { cx::EnrollResponse::fromJson(j); });
    tryDecode([&] {
        cx::Mutation m = cx::Mutation::fromJson(j);
        cx::Mutation again = cx::Mutation::fromJson(m.toJson());
        check(again.toJson() == m.toJson());
    });
    tryDecode([&] {
        cx::RecordState r = cx::RecordState::fromJson(j);
        check(cx::RecordState::fromJson(r.toJson()) == r);
    });
    // Arrays of messages (the shapes inside a reply).
    if (j.is_array())
        for (const auto &e : j) {
            tryDecode([&] { cx::RecordState::fromJson(e); });
            tryDecode([&] { cx::Mutation::fromJson(e); });
        }
    return 0;
}
