#pragma once
// One-time enrolment codes and the link a bureau shows as a QR code
// (docs/protocol.md "Enrolment codes", docs/security.md). A code is 16
// characters of Crockford's base32 (80 random bits), shown grouped as
// K7Q2-MP9X-3ZTD-8HWA; typed codes are forgiving (lower case, spaces, dashes,
// O for 0, I and L for 1). The link carries the server, its public-key pin,
// the account and the code, never a password:
//   cunxiao://enrol?server=https%3A%2F%2Fhost%3A8443&pin=sha256%2F%2F...&user=li.ming&code=K7Q2-MP9X-3ZTD-8HWA
// Shared by the server (issuing, checking) and the device (reading a QR code).
#include <optional>
#include <string>

namespace cx {

inline constexpr size_t kEnrolCodeChars = 16;

// A new random code, grouped (K7Q2-MP9X-3ZTD-8HWA).
std::string newEnrolCode();
// The code as stored and compared: upper case, no separators, O->0, I/L->1.
// nullopt if it is not 16 characters of the alphabet.
std::optional<std::string> normaliseEnrolCode(const std::string &typed);
// Groups a normalised code in fours with dashes.
std::string groupEnrolCode(const std::string &normalised);

struct EnrolLink {
    std::string server; // https://host:port
    std::string pin;    // "sha256//BASE64" or ""
    std::string user;
    std::string code; // as shown (grouped)
};

std::string enrolLinkText(const EnrolLink &link);
// Reads a cunxiao://enrol link; throws cx::Error(Invalid) naming what is
// wrong (not such a link, no server, no user, a malformed code).
EnrolLink parseEnrolLink(const std::string &text);

} // namespace cx
