#pragma once
// The server's one mapping from a failure to its HTTP reply (docs/protocol.md
// "Errors"; tests/server/tst_errors.cpp checks the table there against
// errorStatus()). Every route, the attachment routes included, answers a
// failure through replyFromException(); a route that refuses something itself
// (413, 416, 422, ...) builds its body with errorReply(). Every error body is
// {"error": KIND, "message": TEXT, "server_protocol": 1}, compressed like
// every body.
#include "protocol/Errors.h"
#include "protocol/Json.h"

#include <string>

namespace cx::server {

struct HttpReply; // http/HttpServer.h

// The status and "error" text of a cx::Error of this kind. Failures of the
// server itself (network, tls, server, storage) are 500 "server": their
// message goes to the server log, not to the device.
struct ErrorStatus {
    int status;
    const char *error;
};
ErrorStatus errorStatus(ErrorKind kind);

// Maps the exception being handled (call it only inside a catch block) to its
// reply: a DeviceRefused is 401 with its own kind ("device-revoked",
// "token-expired"; docs/protocol.md "Device tokens"), TooManyAttempts 429 with
// its Retry-After, a cx::Error as errorStatus() says (503 with Retry-After: 5),
// malformed JSON 400 "protocol", anything else 500 "server". `where` prefixes
// the server log line of a 500 ("attachments").
HttpReply replyFromException(const char *where = nullptr);

// {"error": kind, "message": message, "server_protocol": 1} plus the fields of
// `extra` (e.g. "offset" of an attachment upload's 409).
HttpReply errorReply(int status, const std::string &kind, const std::string &message, const Json &extra = Json::object());

} // namespace cx::server
