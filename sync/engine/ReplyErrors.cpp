#include "engine/ReplyErrors.h"

#include "protocol/Compression.h"
#include "protocol/Json.h"
#include "protocol/Messages.h"

namespace cx {

namespace {
Json replyJson(const HttpReply &reply)
{
    try {
        std::string text = reply.contentEncoding == "zstd" ? decompress(reply.body) : reply.body;
        Json j = parseJson(text, "the server's error reply");
        return j.is_object() ? j : Json::object();
    } catch (const std::exception &) {
        return Json::object();
    }
}
} // namespace

std::string replyMessage(const HttpReply &reply)
{
    Json j = replyJson(reply);
    auto m = j.find("message");
    return m != j.end() && m->is_string() ? m->get<std::string>() : std::string();
}

void throwReplyError(const HttpReply &reply, const std::string &what)
{
    Json j = replyJson(reply);
    std::string message = j.value("message", std::string());
    if (reply.status == 426 && j.contains("server_protocol") && j["server_protocol"].is_number_integer())
        message = "the server speaks protocol " + std::to_string(j["server_protocol"].get<int>()) + ", this device speaks " +
                  std::to_string(kProtocolVersion) + (message.empty() ? "" : ": " + message);
    if (message.empty())
        message = "HTTP " + std::to_string(reply.status);
    switch (reply.status) {
    case 401: {
        const std::string code = j.value("error", std::string());
        if (code == "device-revoked")
            throw DeviceRevokedError("this device was revoked by the bureau; its local data has been erased");
        if (code == "token-expired")
            throw Error(ErrorKind::Auth, "this device's sign-in has expired (it had not synced for too long): sign in "
                                         "again with the password; nothing on the device is lost");
        throw Error(ErrorKind::Auth, "the server refused this device: " + message);
    }
    case 403:
        throw Error(ErrorKind::Forbidden, message);
    case 426:
        throw Error(ErrorKind::Version, message);
    case 400:
    case 404:
    case 413:
        throw Error(ErrorKind::Protocol, what + ": the server could not take the request: " + message);
    case 429:
    case 503: {
        const int wait = reply.retryAfterSec > 0 ? int(reply.retryAfterSec) : 5;
        throw RetryLaterError("the server asks to wait " + std::to_string(wait) + " s before " + what + ": " + message, wait);
    }
    default:
        throw Error(ErrorKind::Server, what + " failed (HTTP " + std::to_string(reply.status) + "): " + message);
    }
}

} // namespace cx
