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

void Engine::keepAdminAccounts(const Json &list, int64_t atMs)
{
    std::lock_guard lock(m_mutex);
    Transaction t(m_replica.db());
    m_replica.setMeta("admin_accounts", list.dump());
    m_replica.setMeta("admin_accounts_at", std::to_string(atMs));
    t.commit();
}

std::pair<Json, int64_t> Engine::adminAccounts()
{
    std::lock_guard lock(m_mutex);
    const auto text = m_replica.meta("admin_accounts");
    const Json empty{{"schools", Json::array()}, {"accounts", Json::array()}};
    if (!text)
        return {empty, 0};
    Json list = Json::parse(*text, nullptr, false);
    return {list.is_discarded() ? empty : list, std::stoll(m_replica.meta("admin_accounts_at").value_or("0"))};
}

} // namespace cx
