// The bureau's view of the county's devices (docs/protocol.md "Device
// health", docs/bureau.md): the list the server keeps (who, which phone,
// app version, last sync, and what each device reported of itself), fetched
// after a bureau account's sync and kept in the replica, so the page works
// offline with the last list and says how old it is.
#include "engine/Engine.h"
#include "engine/ReplyErrors.h"
#include "protocol/Compression.h"
#include "protocol/Errors.h"

namespace cx {

namespace {
constexpr int64_t kDevicesEveryMs = 5 * 60 * 1000; // a bureau desktop syncs every few minutes
}

std::optional<Json> Engine::askServer(const char *path, const char *what, const Json &body)
{
    std::string token;
    {
        std::lock_guard lock(m_mutex);
        token = m_replica.meta(MetaKey::Token).value_or("");
    }
    HttpRequest req;
    req.path = path;
    req.body = compress(body.dump());
    req.bearerToken = token;
    Transport &tr = transport();
    tr.setProgress({});
    HttpReply reply = tr.send(req);
    if (reply.status == 404)
        return std::nullopt;
    if (reply.status != 200)
        throwReplyError(reply, std::string("asking for ") + what);
    return parseJson(reply.contentEncoding == "zstd" ? decompress(reply.body) : reply.body, what);
}

bool Engine::fetchDevices()
{
    const auto j = askServer("/v1/devices", "the county's devices");
    if (!j)
        return false; // a server older than device health
    if (!j->contains("devices") || !(*j)["devices"].is_array())
        throw Error(ErrorKind::Protocol, "the device list has no \"devices\" array");
    keepDevices((*j)["devices"], wallClockMs());
    return true;
}

void Engine::keepDevices(const Json &devices, int64_t atMs) { keepDatedList(MetaKey::Devices, devices, atMs); }

std::pair<Json, int64_t> Engine::devices() { return datedList(MetaKey::Devices, Json::array()); }

void Engine::refreshDevicesAfterSync()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_replica.meta(MetaKey::Role).value_or("") != "bureau")
            return;
        const int64_t at = std::stoll(m_replica.meta(std::string(MetaKey::Devices) + MetaKey::AtSuffix).value_or("0"));
        if (wallClockMs() - at < kDevicesEveryMs)
            return;
    }
    try {
        fetchDevices();
    } catch (const DeviceRevokedError &) {
        throw;
    } catch (const std::exception &) {
        // The list is a convenience: an older server or a cut never fails the sync.
    }
}

} // namespace cx
