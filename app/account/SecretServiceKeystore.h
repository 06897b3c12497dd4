#pragma once
// The Secret Service (gnome-keyring, KWallet's secret service) of a Linux
// desktop as the OS keystore the PIN wrap is bound to (engine/Keystore.h),
// through qtkeychain: each PIN wrap gets a random 32-byte secret kept in the
// user's keyring under a random handle, service "Cunxiao". No Secret Service
// (no D-Bus session, no keyring daemon, a refused prompt): bind() gives
// nothing and the PIN wrap stands alone. qtkeychain's plain-file fallback is
// never turned on. docs/security.md.
#include "engine/Keystore.h"

#include <QString>

namespace cx::app {

class SecretServiceKeystore : public cx::Keystore
{
public:
    // service: the keyring's service name ("Cunxiao"; tests use their own).
    explicit SecretServiceKeystore(QString service = QStringLiteral("Cunxiao"));

    std::string kind() const override { return "secret-service"; }
    std::optional<Binding> bind() override;
    Lookup secret(const std::string &handle, std::string &secret) override;
    void forget(const std::string &handle) override;

private:
    QString m_service;
};

} // namespace cx::app
