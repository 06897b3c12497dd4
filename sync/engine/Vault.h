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
#include "engine/DataKey.h"
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

    explicit Vault(const std::string &dbPath);
    const std::string &path() const { return m_path; }
    bool exists() const;

    // A new random data key, wrapped by both; refuses if a key file exists.
    // An empty PIN: the password wrap only (the app asks for the PIN after
    // signing in; setPin adds it).
    DataKey create(std::string_view pin, std::string_view password, const KdfParams &kdf = {});
    // Throws Error(Auth): "wrong PIN (N attempts left)", or, once the PIN wrap
    // is gone, "the PIN no longer unlocks this device ...". Changes nothing
    // but the attempt counter.
    DataKey unlockWithPin(std::string_view pin);
    DataKey unlockWithPassword(std::string_view password); // Error(Auth) "wrong password ..."
    int pinAttemptsLeft() const;                           // 0: only the password unlocks
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
    DataKey unwrap(const Json &wrap, std::string_view secret, const char *which) const;
    Json wrap(const DataKey &key, std::string_view secret, const char *which, const KdfParams &kdf) const;

    std::string m_dbPath, m_path;
};

} // namespace cx
