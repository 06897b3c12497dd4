#pragma once
// The device's one mapping from a server reply that is not a success to a
// typed cx::Error, used by the sync cycle, enrolment and the attachment
// transfers alike (docs/protocol.md, "Errors"). The reply's JSON is read with
// the same depth and size guards as every other message.
#include "engine/Transport.h"
#include "protocol/Errors.h"

#include <string>

namespace cx {

// The server asked the device to come back later (429 or 503 with
// Retry-After): a network-style wait, retried by the sync loop after at least
// `seconds`, never shown as a failure of the person's work.
class RetryLaterError : public Error
{
public:
    RetryLaterError(const std::string &what, int seconds) : Error(ErrorKind::Network, what), m_seconds(seconds) {}
    int seconds() const { return m_seconds; }

private:
    int m_seconds;
};

// The bureau revoked this device and ordered its data erased (401 with
// "device-revoked", docs/protocol.md). The engine erases the replica, its
// photos and its key, then rethrows this (Engine::eraseAfterRevoke).
class DeviceRevokedError : public Error
{
public:
    explicit DeviceRevokedError(const std::string &what) : Error(ErrorKind::Auth, what) {}
};

// The server's "message" from an error reply ("" if it has none or is unreadable).
std::string replyMessage(const HttpReply &reply);

// Throws the error for a reply whose status is not 2xx. `what` names the
// request ("the sync", "the attachment upload") for messages that need it.
//   401 -> Auth (DeviceRevokedError for "device-revoked"); 403 -> Forbidden; 426 -> Version (both protocol versions named);
//   400, 404, 413 -> Protocol; 429, 503 -> RetryLaterError (Network);
//   anything else -> Server.
[[noreturn]] void throwReplyError(const HttpReply &reply, const std::string &what);

} // namespace cx
