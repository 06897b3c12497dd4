#include "protocol/Uuid.h"

#include "protocol/Crypto.h"
#include "protocol/Version.h"

#include <cstdio>

namespace cx {

std::string uuidV7(int64_t ms)
{
    unsigned char b[16];
    randomBytes(b, sizeof b);
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>((uint64_t(ms) >> (8 * (5 - i))) & 0xff);
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0f));
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3],
                  b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

std::string uuidV7() { return uuidV7(wallClockMs()); }

bool isUuid(std::string_view s)
{
    if (s.size() != 36)
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

} // namespace cx
