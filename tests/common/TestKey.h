#pragma once
// The data key of the replicas a test opens in-process (engine/Vault.h makes
// real ones; the CLI processes the tests start unlock theirs with
// CUNXIAO_DEVICE_PIN, set for every test in tests/CMakeLists.txt).
#include "engine/DataKey.h"

#include <string>

inline cx::DataKey testKey() { return cx::DataKey(std::string(cx::DataKey::kBytes, 'k')); }

#include "engine/Vault.h"

// The PIN of every device the tests enroll with cunxiao-cli.
inline constexpr const char *kTestPin = "246810";

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

// The key of a replica a cunxiao-cli process made (to inspect its file).
// Unlocking costs an Argon2id derivation (0.1-0.3 s); a test that reads the
// same replica after every kill would pay it hundreds of times, so the key is
// remembered per key file content (a re-enrolled or wiped device has another).
inline cx::DataKey cliKey(const std::string &dbPath)
{
    std::ifstream in(dbPath + ".keys", std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    static std::mutex mu;
    static std::map<std::string, cx::DataKey> known;
    std::string id = dbPath + '\n' + content.str();
    {
        std::lock_guard<std::mutex> lock(mu);
        if (auto it = known.find(id); it != known.end())
            return it->second;
    }
    cx::DataKey key = cx::Vault(dbPath).unlockWithPin(kTestPin);
    std::lock_guard<std::mutex> lock(mu);
    known.emplace(id, key);
    return key;
}

#include "engine/Sqlite.h"

#include <filesystem>

// Keys a connection a test opened on a file to read it: a replica cunxiao-cli
// wrote (encrypted: its key, unlocked with the tests' PIN); the server's
// database (no key file) is read as it is. False if the key cannot be had.
inline bool keyForReading(sqlite3 *db, const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path + ".keys", ec))
        return true;
    try {
        return cx::applyKey(db, cliKey(path)) == SQLITE_OK;
    } catch (const std::exception &) {
        return false;
    }
}
