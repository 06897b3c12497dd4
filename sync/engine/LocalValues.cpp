// Values a device keeps for itself and never sends (Engine::localValue): the
// replica's meta table under "local:<key>", so they are encrypted with the
// replica, survive a restart, and are erased with it when a device is revoked.
#include "engine/Engine.h"

namespace cx {

std::optional<std::string> Engine::localValue(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    auto v = m_replica.meta("local:" + key);
    if (v && v->empty())
        return std::nullopt;
    return v;
}

void Engine::setLocalValue(const std::string &key, const std::string &value)
{
    std::lock_guard lock(m_mutex);
    m_replica.setMeta("local:" + key, value);
}

} // namespace cx
