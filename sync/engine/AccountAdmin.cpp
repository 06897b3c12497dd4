// A bureau administrator's accounts and schools (docs/bureau.md "Accounts and
// enrolment"): one POST /v1/admin request under this device's token; the last
// list is kept in the replica so the accounts page shows it offline.
#include "engine/Engine.h"
#include "protocol/Errors.h"

namespace cx {

Json Engine::adminRequest(const Json &request)
{
    const auto reply = askServer("/v1/admin", "account administration", request);
    if (!reply)
        throw Error(ErrorKind::Unavailable, "this server is older than account administration (update cunxiao-server)");
    if (request.value("op", "") == "list") {
        if (!reply->contains("accounts") || !(*reply)["accounts"].is_array() || !reply->contains("schools") ||
            !(*reply)["schools"].is_array())
            throw Error(ErrorKind::Protocol, "the account list has no \"accounts\" or \"schools\" array");
        keepAdminAccounts(Json{{"schools", (*reply)["schools"]}, {"accounts", (*reply)["accounts"]}}, wallClockMs());
    }
    return *reply;
}

void Engine::keepAdminAccounts(const Json &list, int64_t atMs) { keepDatedList(MetaKey::AdminAccounts, list, atMs); }

std::pair<Json, int64_t> Engine::adminAccounts()
{
    return datedList(MetaKey::AdminAccounts, Json{{"schools", Json::array()}, {"accounts", Json::array()}});
}

} // namespace cx
