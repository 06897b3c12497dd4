#pragma once
// Typed errors shared by the engine, the server and the tools. Each carries a
// kind that callers (the CLI, the app) map to plain-language messages.
#include <stdexcept>
#include <string>

namespace cx {

enum class ErrorKind {
    Network,  // server unreachable, connection cut, timed out
    Tls,      // certificate refused, pin mismatch
    Auth,     // wrong password, revoked or unknown device
    Protocol, // malformed or incompatible message
    Version,  // incompatible protocol version (names both)
    Server,   // server-side failure (5xx)
    Storage,  // local database problem (full disk, corrupt file)
    Invalid,  // bad input from the person or a file
    NotFound,
    Forbidden,   // outside the account's scope
    Unavailable, // busy or down for a moment (a database restarting, too many
                 // attempts): try again later, nothing was changed
};

const char *errorKindName(ErrorKind k);

class Error : public std::runtime_error
{
public:
    Error(ErrorKind kind, const std::string &what) : std::runtime_error(what), m_kind(kind) {}
    ErrorKind kind() const { return m_kind; }

private:
    ErrorKind m_kind;
};

inline const char *errorKindName(ErrorKind k)
{
    switch (k) {
    case ErrorKind::Network:
        return "network";
    case ErrorKind::Tls:
        return "tls";
    case ErrorKind::Auth:
        return "auth";
    case ErrorKind::Protocol:
        return "protocol";
    case ErrorKind::Version:
        return "version";
    case ErrorKind::Server:
        return "server";
    case ErrorKind::Storage:
        return "storage";
    case ErrorKind::Invalid:
        return "invalid";
    case ErrorKind::NotFound:
        return "not-found";
    case ErrorKind::Forbidden:
        return "forbidden";
    case ErrorKind::Unavailable:
        return "unavailable";
    }
    return "unknown";
}

// A malformed message: "PATH: WHAT" (e.g. "records[3].fields: not an object").
[[noreturn]] inline void throwProtocolError(const std::string &path, const std::string &what)
{
    throw Error(ErrorKind::Protocol, path + ": " + what);
}

} // namespace cx
