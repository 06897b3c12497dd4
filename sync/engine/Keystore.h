#pragma once
// The operating system's keystore, as the key file (engine/Vault.h) uses it:
// a secret that only this machine's keystore can give back, mixed into the
// key that wraps the data key under the PIN. A copy of the files plus the PIN
// is then not enough: the keystore's secret is needed too.
//
// A keystore binds a new secret and hands back a handle, text the key file
// keeps: the Secret Service (Linux desktops, through qtkeychain:
// app/account/SecretServiceKeystore.h) keeps a random secret under the handle;
// a Windows DPAPI keystore would keep the protected blob as the handle; an
// Android Keystore one an alias and a nonce, the secret being an HMAC made
// inside the hardware. Only the Secret Service is built here: the other two are
// seams (docs/security.md). Without a keystore (nullptr: cunxiao-cli, a phone
// or a desktop without one) the PIN wrap stands alone.
#include <optional>
#include <string>

namespace cx {

class Keystore
{
public:
    virtual ~Keystore() = default;

    struct Binding {
        std::string handle; // kept in the key file
        std::string secret; // 32 bytes, never written by Vault
    };
    enum class Lookup {
        Found,      // the secret is in `secret`
        Missing,    // the keystore answered: it holds no such secret (a new OS install, copied files)
        Unavailable // the keystore cannot be reached now (no session, locked, refused)
    };

    // What the key file records: "secret-service", later "dpapi", "android-keystore".
    virtual std::string kind() const = 0;
    // A new secret held by the keystore; nullopt when it cannot be reached
    // (the PIN wrap then stands alone).
    virtual std::optional<Binding> bind() = 0;
    virtual Lookup secret(const std::string &handle, std::string &secret) = 0;
    // Drops a secret no key file uses any more; best effort.
    virtual void forget(const std::string &handle) = 0;
};

} // namespace cx
