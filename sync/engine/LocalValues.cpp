// Values a device keeps for itself and never sends (Engine::localValue): the
// replica's meta table under "local:<key>", so they are encrypted with the
// replica, survive a restart, and are erased with it when a device is revoked.
// Also the dated lists fetched from the server (Engine::keepDatedList).
#include "engine/Engine.h"

namespace cx {

std::optional<std::string> Engine::localValue(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    auto v = m_replica.meta(MetaKey::LocalPrefix + key);
    if (v && v->empty())
        return std::nullopt;
    return v;
}

void Engine::setLocalValue(const std::string &key, const std::string &value)
{
    std::lock_guard lock(m_mutex);
    m_replica.setMeta(MetaKey::LocalPrefix + key, value);
}

void Engine::keepDatedList(const std::string &key, const Json &list, int64_t atMs)
{
    std::lock_guard lock(m_mutex);
    Transaction t(m_replica.db());
    m_replica.setMeta(key, list.dump());
    m_replica.setMeta(key + MetaKey::AtSuffix, std::to_string(atMs));
    t.commit();
}

std::pair<Json, int64_t> Engine::datedList(const std::string &key, const Json &empty)
{
    std::lock_guard lock(m_mutex);
    const auto text = m_replica.meta(key);
    if (!text)
        return {empty, 0};
    Json list = Json::parse(*text, nullptr, false);
    return {list.is_discarded() ? empty : list, std::stoll(m_replica.meta(key + MetaKey::AtSuffix).value_or("0"))};
}

} // namespace cx
