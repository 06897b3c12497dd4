#include "engine/Vault.h"

#include "engine/SealedFile.h"
#include "engine/Sqlite.h"
#include "protocol/Bundle.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"

#include <argon2.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace cx {

namespace fs = std::filesystem;

DataKey DataKey::generate()
{
    std::string raw(kBytes, '\0');
    randomBytes(reinterpret_cast<unsigned char *>(raw.data()), raw.size());
    return DataKey(std::move(raw));
}

std::string DataKey::sqlcipherKey() const
{
    static const char *hex = "0123456789ABCDEF";
    std::string out = "x'";
    for (unsigned char c : m_raw) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    out += "'";
    return out;
}

namespace {

constexpr const char *kFormat = "cunxiao-keys";
constexpr int kVersion = 1;

std::string derive(std::string_view secret, const std::string &salt, const KdfParams &k)
{
    std::string out(32, '\0');
    int rc = argon2id_hash_raw(k.passes, k.memoryKiB, k.lanes, secret.data(), secret.size(), salt.data(), salt.size(), out.data(),
                               out.size());
    if (rc != ARGON2_OK)
        throw Error(ErrorKind::Storage, std::string("cannot derive the key (Argon2id: ") + argon2_error_message(rc) + ")");
    return out;
}

// The PIN's key mixed with the keystore's secret: neither alone unwraps.
std::string bindToKeystore(std::string &kek, const std::string &keystoreSecret)
{
    std::string mixed = hkdfSha256(kek, keystoreSecret, "cunxiao-keys v1 pin+keystore");
    OPENSSL_cleanse(kek.data(), kek.size());
    return mixed;
}

std::string keystoreOf(const Json &wrap)
{
    if (!wrap.is_object() || !wrap.contains("keystore") || !wrap["keystore"].is_object())
        return {};
    return wrap["keystore"].value("kind", std::string("?"));
}

std::string aad(const char *which) { return std::string("cunxiao-keys v1 ") + which; }

void writeDurably(const std::string &path, const std::string &data)
{
    const std::string tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorKind::Storage, "cannot write the key file " + tmp);
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n <= 0) {
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error(ErrorKind::Storage, "cannot write the key file " + tmp + " (disk full?)");
        }
        done += size_t(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw Error(ErrorKind::Storage, "cannot write the key file " + tmp + " (disk full?)");
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        throw Error(ErrorKind::Storage, "cannot replace the key file " + path);
    const std::string dir = fs::path(path).parent_path().string();
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

} // namespace

Vault::Vault(const std::string &dbPath, Keystore *keystore) : m_dbPath(dbPath), m_path(dbPath + ".keys"), m_keystore(keystore) {}

bool Vault::exists() const
{
    std::error_code ec;
    return fs::is_regular_file(m_path, ec);
}

void Vault::checkPin(std::string_view pin)
{
    bool digits = !pin.empty();
    for (char c : pin)
        digits = digits && c >= '0' && c <= '9';
    if (!digits || pin.size() < kMinPinDigits)
        throw Error(ErrorKind::Invalid, "the PIN must be at least " + std::to_string(kMinPinDigits) + " digits");
}

Json Vault::load() const
{
    std::ifstream in(m_path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Auth, "this device has no key file (" + m_path + "): enroll it first");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Json j;
    try {
        j = parseJson(text, "the key file");
    } catch (const std::exception &e) {
        throw Error(ErrorKind::Storage, "the key file " + m_path + " is damaged: " + e.what());
    }
    if (!j.is_object() || j.value("format", std::string()) != kFormat || j.value("v", 0) != kVersion)
        throw Error(ErrorKind::Storage, "the key file " + m_path + " is damaged or of another version");
    return j;
}

void Vault::save(const Json &j) const { writeDurably(m_path, j.dump()); }

Json Vault::wrap(const DataKey &key, std::string_view secret, const char *which, const KdfParams &kdf,
                 const Keystore::Binding *bound) const
{
    std::string salt(16, '\0'), nonce(12, '\0');
    randomBytes(reinterpret_cast<unsigned char *>(salt.data()), salt.size());
    randomBytes(reinterpret_cast<unsigned char *>(nonce.data()), nonce.size());
    std::string kek = derive(secret, salt, kdf);
    if (bound)
        kek = bindToKeystore(kek, bound->secret);
    Json w{{"kdf", "argon2id"},
           {"m", kdf.memoryKiB},
           {"t", kdf.passes},
           {"p", kdf.lanes},
           {"salt", base64Encode(salt)},
           {"nonce", base64Encode(nonce)},
           {"key", base64Encode(aesGcmSeal(kek, nonce, aad(which), key.raw()))}};
    OPENSSL_cleanse(kek.data(), kek.size());
    if (bound)
        w["keystore"] = Json{{"kind", m_keystore->kind()}, {"handle", bound->handle}};
    return w;
}

Json Vault::pinWrap(const DataKey &key, std::string_view pin, const KdfParams &kdf, bool onlyBound) const
{
    std::optional<Keystore::Binding> bound;
    if (m_keystore)
        bound = m_keystore->bind(); // nullopt: unreachable, the PIN wrap stands alone
    if (onlyBound && !bound)
        return nullptr;
    Json w = wrap(key, pin, "pin", kdf, bound ? &*bound : nullptr);
    if (bound)
        OPENSSL_cleanse(bound->secret.data(), bound->secret.size());
    return w;
}

DataKey Vault::unwrap(const Json &w, std::string_view secret, const char *which, const std::string &keystoreSecret) const
{
    KdfParams k;
    std::string salt, nonce, sealed;
    try {
        if (w.value("kdf", std::string()) != "argon2id")
            throw Error(ErrorKind::Storage, "unknown key derivation");
        k.memoryKiB = w.at("m").get<uint32_t>();
        k.passes = w.at("t").get<uint32_t>();
        k.lanes = w.at("p").get<uint32_t>();
        salt = base64Decode(w.at("salt").get<std::string>());
        nonce = base64Decode(w.at("nonce").get<std::string>());
        sealed = base64Decode(w.at("key").get<std::string>());
    } catch (const std::exception &e) {
        throw Error(ErrorKind::Storage, "the key file " + m_path + " is damaged (" + which + " entry): " + e.what());
    }
    std::string kek = derive(secret, salt, k);
    if (!keystoreSecret.empty())
        kek = bindToKeystore(kek, keystoreSecret);
    std::string raw;
    const bool ok = aesGcmOpen(kek, nonce, aad(which), sealed, raw);
    OPENSSL_cleanse(kek.data(), kek.size());
    if (!ok || raw.size() != DataKey::kBytes)
        return DataKey();
    return DataKey(std::move(raw));
}

DataKey Vault::create(std::string_view pin, std::string_view password, const KdfParams &kdf)
{
    if (!pin.empty())
        checkPin(pin);
    if (password.empty())
        throw Error(ErrorKind::Invalid, "the account password is needed to make the device's key");
    if (exists())
        throw Error(ErrorKind::Invalid, "this device already has a key file (" + m_path + ")");
    std::error_code ec;
    if (const auto dir = fs::path(m_path).parent_path(); !dir.empty())
        fs::create_directories(dir, ec);
    DataKey key = DataKey::generate();
    Json j{{"format", kFormat},
           {"v", kVersion},
           {"pin_failures", 0},
           {"pin", pin.empty() ? Json(nullptr) : pinWrap(key, pin, kdf)},
           {"password", wrap(key, password, "password", kdf)}};
    save(j);
    return key;
}

int Vault::pinAttemptsLeft() const
{
    Json j = load();
    if (!j.contains("pin") || j["pin"].is_null())
        return 0;
    return std::max(0, kMaxPinAttempts - j.value("pin_failures", 0));
}

DataKey Vault::unlockWithPin(std::string_view pin)
{
    Json j = load();
    const int failures = j.value("pin_failures", 0);
    if (!j.contains("pin") || j["pin"].is_null() || failures >= kMaxPinAttempts)
        throw Error(ErrorKind::Auth,
                    "the PIN no longer unlocks this device (" + std::to_string(kMaxPinAttempts) +
                        " wrong PINs, or its keystore lost its secret): unlock it with the account password, then set a new PIN");
    const std::string bound = keystoreOf(j["pin"]);
    std::string keystoreSecret, handle;
    if (!bound.empty()) {
        // Not a try: without the keystore's secret no PIN could be checked.
        if (!m_keystore || m_keystore->kind() != bound)
            throw Error(ErrorKind::Auth, "the PIN of this device is bound to the system keystore (" + bound +
                                             ") of the machine it was set on, which this program cannot use: unlock with "
                                             "the account password");
        handle = j["pin"]["keystore"].value("handle", std::string());
        switch (m_keystore->secret(handle, keystoreSecret)) {
        case Keystore::Lookup::Found:
            break;
        case Keystore::Lookup::Unavailable:
            throw Error(ErrorKind::Auth, "the system keystore (" + bound +
                                             ") that the PIN is bound to cannot be reached now: unlock with the account "
                                             "password, or try again once the keystore is unlocked");
        case Keystore::Lookup::Missing:
            // The keystore answered that it lost the secret (a new OS install,
            // files copied from elsewhere): the PIN can never unlock again here.
            j["pin"] = nullptr;
            save(j);
            throw Error(ErrorKind::Auth, "the PIN no longer unlocks this device: the system keystore (" + bound +
                                             ") no longer holds its secret; unlock it with the account password, then set "
                                             "a new PIN");
        }
    }
    DataKey key = unwrap(j["pin"], pin, "pin", keystoreSecret);
    OPENSSL_cleanse(keystoreSecret.data(), keystoreSecret.size());
    if (!key.empty()) {
        bool changed = failures > 0;
        j["pin_failures"] = 0;
        if (bound.empty() && m_keystore) {
            // Set without a keystore (or before there was one): bound now.
            Json w = pinWrap(key, pin,
                             KdfParams{j["pin"].value("m", KdfParams{}.memoryKiB), j["pin"].value("t", KdfParams{}.passes),
                                       j["pin"].value("p", KdfParams{}.lanes)},
                             true);
            if (!w.is_null()) {
                j["pin"] = std::move(w);
                changed = true;
            }
        }
        if (changed)
            save(j);
        return key;
    }
    // Counted (durably) before the answer is given.
    j["pin_failures"] = failures + 1;
    const int left = kMaxPinAttempts - (failures + 1);
    if (left <= 0)
        j["pin"] = nullptr; // destroyed: only the password unlocks now
    save(j);
    if (left <= 0 && !bound.empty() && m_keystore)
        m_keystore->forget(handle);
    if (left <= 0) {
        throw Error(ErrorKind::Auth, "wrong PIN (0 attempts left): the PIN no longer unlocks this device; unlock it "
                                     "with the account password, then set a new PIN");
    }
    throw Error(ErrorKind::Auth, "wrong PIN (" + std::to_string(left) + (left == 1 ? " attempt" : " attempts") + " left)");
}

DataKey Vault::unlockWithPassword(std::string_view password)
{
    Json j = load();
    DataKey key = unwrap(j.at("password"), password, "password");
    if (key.empty())
        throw Error(ErrorKind::Auth, "wrong password: it does not unlock this device's data (the password it was "
                                     "enrolled with, or the last one set on this device)");
    return key;
}

std::string Vault::pinKeystore() const
{
    Json j = load();
    return j.contains("pin") ? keystoreOf(j["pin"]) : std::string();
}

bool Vault::pinUsable() const
{
    if (pinAttemptsLeft() <= 0)
        return false;
    const std::string bound = pinKeystore();
    return bound.empty() || (m_keystore && m_keystore->kind() == bound);
}

void Vault::setPin(const DataKey &key, std::string_view pin)
{
    checkPin(pin);
    Json j = load();
    const Json old = j.contains("pin") ? j["pin"] : Json(nullptr);
    j["pin"] = pinWrap(key, pin, KdfParams{});
    j["pin_failures"] = 0;
    save(j);
    // The old wrap's keystore secret opens nothing any more.
    if (m_keystore && keystoreOf(old) == m_keystore->kind())
        m_keystore->forget(old["keystore"].value("handle", std::string()));
}

void Vault::setPassword(const DataKey &key, std::string_view password)
{
    if (password.empty())
        throw Error(ErrorKind::Invalid, "the password is empty");
    Json j = load();
    j["password"] = wrap(key, password, "password", KdfParams{});
    save(j);
}

void Vault::erase(const std::string &dbPath)
{
    std::error_code ec;
    const std::string keys = dbPath + ".keys";
    if (fs::is_regular_file(keys, ec)) {
        // Without the wrapped key nothing below can be read: overwrite it first.
        const auto size = fs::file_size(keys, ec);
        std::string noise(ec ? 1024 : size_t(size), '\0');
        randomBytes(reinterpret_cast<unsigned char *>(noise.data()), noise.size());
        try {
            writeDurably(keys, noise);
        } catch (const Error &) {
        }
        fs::remove(keys, ec);
    }
    for (const char *suffix : {"", "-wal", "-shm", "-journal", ".keys.tmp"})
        fs::remove(dbPath + suffix, ec);
    fs::remove_all(dbPath + ".attachments", ec);
}

bool Vault::isPlainSqlite(const std::string &dbPath)
{
    std::ifstream in(dbPath, std::ios::binary);
    char head[16];
    return in.read(head, 16) && std::string_view(head, 16) == std::string_view("SQLite format 3\0", 16);
}

bool Vault::encryptExisting(const std::string &dbPath, const DataKey &key)
{
    if (key.empty() || !isPlainSqlite(dbPath))
        return false;
    const std::string tmp = dbPath + ".encrypting";
    std::error_code ec;
    fs::remove(tmp, ec);
    sqlite3 *db = nullptr;
    auto exec = [&](const std::string &sql) {
        char *err = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::string msg = err ? err : sqlite3_errmsg(db);
            sqlite3_free(err);
            throw Error(ErrorKind::Storage, "cannot encrypt the local database " + dbPath + ": " + msg);
        }
    };
    int version = 0;
    try {
        // CREATE: ATTACH makes the encrypted copy with the main connection's flags.
        if (sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
            throw Error(ErrorKind::Storage, "cannot open the local database " + dbPath);
        sqlite3_busy_timeout(db, 10000);
        // Fold the WAL into the file first: no plain -wal may outlive the plain file.
        exec("PRAGMA wal_checkpoint(TRUNCATE)");
        exec("PRAGMA journal_mode=DELETE");
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        char *quoted = sqlite3_mprintf("ATTACH DATABASE %Q AS enc KEY \"%w\"", tmp.c_str(), key.sqlcipherKey().c_str());
        std::string attach = quoted;
        sqlite3_free(quoted);
        exec(attach);
        exec(cipherPragmas("enc"));
        exec("SELECT sqlcipher_export('enc')");
        exec("PRAGMA enc.user_version=" + std::to_string(version));
        exec("DETACH DATABASE enc");
    } catch (...) {
        sqlite3_close_v2(db);
        fs::remove(tmp, ec);
        throw;
    }
    sqlite3_close_v2(db);
    // Seal the attachment files before the database says they are sealed.
    const fs::path dir = dbPath + ".attachments";
    if (fs::is_directory(dir, ec)) {
        for (const auto &e : fs::directory_iterator(dir, ec)) {
            const std::string p = e.path().string(), name = e.path().filename().string();
            if (!e.is_regular_file() || looksSealed(p))
                continue;
            if (isSha256Hex(name))
                sealPlainFile(p, key, true);
            else if (name.size() == 69 && name.ends_with(".part") && isSha256Hex(name.substr(0, 64)))
                sealPlainFile(p, key, false);
            else
                fs::remove(p, ec); // a temporary copy of an unfinished attach
        }
    }
    {
        int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
    fs::rename(tmp, dbPath);
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        fs::remove(dbPath + suffix, ec);
    return true;
}

} // namespace cx
