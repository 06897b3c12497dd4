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

// The key of a replica a cunxiao-cli process made (to inspect its file).
inline cx::DataKey cliKey(const std::string &dbPath) { return cx::Vault(dbPath).unlockWithPin(kTestPin); }
