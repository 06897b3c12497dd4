#pragma once
// The key file next to a replica ("<db>.keys"): the device's data key, never
// stored in the clear, wrapped twice with AES-256-GCM under keys derived by
// Argon2id: once from the PIN, once from the account password, so a forgotten
// PIN is recovered with the password, offline, and nothing is lost.
//
// The PIN allows kMaxPinAttempts wrong tries in a row; a wrong one is counted
// durably before the answer is given (a battery dying mid-unlock costs nothing,
// docs/security.md says what this means for a thief). After the last
// wrong one the PIN wrap is destroyed and only the password unlocks; a new PIN
// is then set with setPin. docs/security.md has the threat model and the
// measured cost of the key derivation.
//
// With an OS keystore (engine/Keystore.h) the PIN wrap is bound to it as well:
// its key is derived from the PIN and a secret only that keystore gives back,
// so the files and the PIN, copied to another machine, open nothing. The
// password wrap never depends on a keystore: losing it (a new OS install)
// costs only the PIN, which is chosen again after the password unlocks.
#include "engine/DataKey.h"
#include "engine/Keystore.h"
#include "protocol/Json.h"

#include <string>
#include <string_view>

namespace cx {

// Argon2id cost (RFC 9106 second recommendation scaled to a cheap phone's
// memory: docs/security.md has the measurements).
struct KdfParams {
    uint32_t memoryKiB = 19 * 1024;
    uint32_t passes = 2;
    uint32_t lanes = 1;
};

class Vault
{
public:
    static constexpr int kMaxPinAttempts = 5;
    static constexpr size_t kMinPinDigits = 6;

    // keystore: the OS keystore the PIN wrap is bound to; nullptr, none (the PIN wrap alone).
    explicit Vault(const std::string &dbPath, Keystore *keystore = nullptr);
    const std::string &path() const { return m_path; }
    bool exists() const;

    // A new random data key, wrapped by both; refuses if a key file exists.
    // An empty PIN: the password wrap only (the app asks for the PIN after
    // signing in; setPin adds it).
    DataKey create(std::string_view pin, std::string_view password, const KdfParams &kdf = {});
    // Throws Error(Auth): "wrong PIN (N attempts left)", or, once the PIN wrap
    // is gone, "the PIN no longer unlocks this device ...". Changes nothing
    // but the attempt counter. A PIN wrap bound to a keystore this Vault
    // cannot reach throws without counting a try; one whose keystore answers
    // that it lost the secret is dropped (only the password unlocks, then a
    // new PIN is bound). A right PIN on a wrap not yet bound binds it when this
    // Vault has a keystore.
    DataKey unlockWithPin(std::string_view pin);
    DataKey unlockWithPassword(std::string_view password); // Error(Auth) "wrong password ..."
    int pinAttemptsLeft() const;                           // 0: only the password unlocks
    // The kind of keystore the PIN wrap is bound to ("secret-service"), empty if none.
    std::string pinKeystore() const;
    // Whether a PIN can unlock here: a PIN wrap with tries left whose keystore
    // (if any) is the kind this Vault has. Does not ask the keystore.
    bool pinUsable() const;
    // Replace a wrap (the key comes from an unlock). setPin also restores the
    // PIN after it was destroyed; setPassword follows a password change.
    void setPin(const DataKey &key, std::string_view pin);
    void setPassword(const DataKey &key, std::string_view password);

    // Throws Error(Invalid) unless the PIN is at least kMinPinDigits digits.
    static void checkPin(std::string_view pin);

    // Everything this device keeps for the replica at dbPath: the database and
    // its -wal/-shm/-journal, the attachments folder, the key file. Files are
    // removed, the key file overwritten first (without it nothing can be read).
    static void erase(const std::string &dbPath);

    // A replica written before encryption (no key file, a plain SQLite file):
    // rewritten encrypted with `key` (sqlcipher_export), its attachment files
    // sealed, the plain copies removed. Returns false if there was nothing plain.
    static bool encryptExisting(const std::string &dbPath, const DataKey &key);
    // Whether the file at dbPath is a plain (unencrypted) SQLite database.
    static bool isPlainSqlite(const std::string &dbPath);

private:
    Json load() const;
    void save(const Json &j) const;
    DataKey unwrap(const Json &wrap, std::string_view secret, const char *which, const std::string &keystoreSecret = {}) const;
    Json wrap(const DataKey &key, std::string_view secret, const char *which, const KdfParams &kdf,
              const Keystore::Binding *bound = nullptr) const;
    // onlyBound: null unless the keystore binds it (no derivation spent for nothing).
    Json pinWrap(const DataKey &key, std::string_view pin, const KdfParams &kdf, bool onlyBound = false) const;

    std::string m_dbPath, m_path;
    Keystore *m_keystore = nullptr;
};

} // namespace cx
