#include "http/ErrorReply.h"

#include "http/HttpServer.h"

#include "auth/Auth.h"
#include "auth/SignInLimits.h"
#include "protocol/Messages.h"

#include <cstdio>

namespace cx::server {

ErrorStatus errorStatus(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Auth:
        return {401, "auth"};
    case ErrorKind::Version:
        return {426, "version"};
    case ErrorKind::Forbidden:
        return {403, "forbidden"};
    case ErrorKind::Unavailable:
        return {503, "unavailable"};
    case ErrorKind::Protocol:
    case ErrorKind::Invalid:
    case ErrorKind::NotFound:
        return {400, "protocol"};
    case ErrorKind::Network:
    case ErrorKind::Tls:
    case ErrorKind::Server:
    case ErrorKind::Storage:
        break;
    }
    return {500, "server"};
}

HttpReply errorReply(int status, const std::string &kind, const std::string &message, const Json &extra)
{
    ErrorReply e;
    e.error = kind;
    e.message = message;
    Json body = extra.is_object() ? extra : Json::object();
    const Json fields = e.toJson();
    for (const auto &[key, value] : fields.items())
        body[key] = value;
    return HttpReply{status, body.dump(), true};
}

namespace {

HttpReply internalError(const char *where, const char *kind, const char *what)
{
    if (where)
        std::fprintf(stderr, "cunxiao-server: %s: %s error: %s\n", where, kind, what);
    else
        std::fprintf(stderr, "cunxiao-server: %s error: %s\n", kind, what);
    return errorReply(500, "server", "internal server error; see the server log");
}

} // namespace

HttpReply replyFromException(const char *where)
{
    try {
        throw;
    } catch (const DeviceRefused &e) { // docs/protocol.md "Device tokens": the device acts on the kind
        ErrorReply r;
        r.error = e.code();
        r.message = e.what();
        r.wipe = e.wipe();
        return HttpReply{401, r.toJson().dump(), true};
    } catch (const TooManyAttempts &e) {
        HttpReply r = errorReply(429, "too-many-attempts", e.what());
        r.retryAfterSec = e.retryAfterSec();
        return r;
    } catch (const cx::Error &e) {
        const ErrorStatus s = errorStatus(e.kind());
        if (s.status == 500)
            return internalError(where, errorKindName(e.kind()), e.what());
        HttpReply r = errorReply(s.status, s.error, e.what());
        if (s.status == 503)
            r.retryAfterSec = 5;
        return r;
    } catch (const Json::exception &e) {
        return errorReply(400, "protocol", std::string("malformed message: ") + e.what());
    } catch (const std::exception &e) {
        return internalError(where, "internal", e.what());
    }
}

} // namespace cx::server
