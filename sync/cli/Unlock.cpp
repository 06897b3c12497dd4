// cunxiao-cli: unlocking the device's data key (engine/Vault.h) from the
// environment, and the commands that need the key file itself: enroll,
// change-pin, recover. docs/cli.md, docs/security.md.
#include "cli/Commands.h"

#include "engine/Recovery.h"
#include "engine/Vault.h"
#include "protocol/EnrolCode.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace cx::cli {

namespace {

std::string env(const char *name)
{
    const char *v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string readLine()
{
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

DataKey unlockDevice(const std::string &db)
{
    Vault v(db);
    const std::string pin = env("CUNXIAO_DEVICE_PIN"), password = env("CUNXIAO_PASSWORD");
    if (!v.exists()) {
        if (Vault::isPlainSqlite(db)) {
            // A replica from before encryption: encrypted once, in place.
            if (pin.empty() || password.empty())
                throw Error(ErrorKind::Auth, "the data of this device (" + db +
                                                 ") was stored before encryption: set "
                                                 "CUNXIAO_DEVICE_PIN (a new PIN of at least 6 digits) and CUNXIAO_PASSWORD "
                                                 "(the account password) once to encrypt it");
            DataKey key = v.create(pin, password);
            Vault::encryptExisting(db, key);
            std::fprintf(stderr, "cunxiao-cli: %s is encrypted now (key file %s)\n", db.c_str(), v.path().c_str());
            return key;
        }
        std::error_code ec;
        if (!std::filesystem::exists(db, ec))
            throw Error(ErrorKind::Auth, "this device is not enrolled (" + db + " does not exist): run enroll first");
        throw Error(ErrorKind::Storage, "cannot unlock " + db + ": its key file " + v.path() + " is missing");
    }
    DataKey key;
    // No keystore here: a PIN bound to a desktop's keystore cannot be checked, the password can.
    if (!pin.empty() && (password.empty() || v.pinUsable()))
        key = v.unlockWithPin(pin);
    else if (!password.empty())
        key = v.unlockWithPassword(password);
    else
        throw Error(ErrorKind::Auth, "this device's data is locked: set CUNXIAO_DEVICE_PIN (or CUNXIAO_PASSWORD) to "
                                     "unlock it");
    Vault::encryptExisting(db, key); // finishes an encryption a killed process left undone
    return key;
}

// enroll URL --user NAME --password-stdin [--device-pin-stdin] [--ca FILE] [--pin sha256//..] [--device-name NAME]
// enroll [URL | --server URL] --user NAME --code CODE ...: a one-time enrolment code instead of the password
// enroll --link 'cunxiao://enrol?...': the text of the bureau's QR code (server, pin, user, code)
int cmdEnroll(const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    TransportOptions o;
    std::string user = takeOption(args, "--user");
    const bool fromStdin = takeFlag(args, "--password-stdin"), pinFromStdin = takeFlag(args, "--device-pin-stdin");
    o.caFile = takeOption(args, "--ca");
    o.pin = takeOption(args, "--pin");
    std::string name = takeOption(args, "--device-name");
    std::string code = takeOption(args, "--code");
    const std::string server = takeOption(args, "--server");
    const std::string linkText = takeOption(args, "--link");
    if (!server.empty())
        args.insert(args.begin(), server);
    if (!linkText.empty()) {
        const EnrolLink link = parseEnrolLink(linkText);
        if (!args.empty() || !user.empty() || !code.empty())
            usage("enroll --link takes the server, user and code from the link; give none of them besides");
        args.push_back(link.server);
        user = link.user;
        code = link.code;
        if (o.pin.empty())
            o.pin = link.pin;
    }
    const bool byCode = !code.empty();
    if (byCode && fromStdin)
        usage("enroll takes a password (--password-stdin) or an enrolment code (--code), not both");
    if (args.size() != 1 || user.empty() || (!fromStdin && !byCode))
        usage("enroll needs URL --user NAME and --password-stdin or --code CODE (or --link TEXT)");
    if (byCode && !normaliseEnrolCode(code))
        usage("--code: an enrolment code is 16 letters and digits (K7Q2-MP9X-3ZTD-8HWA)");
    o.baseUrl = args[0];
    // Enrolled by code, the device's data key is wrapped by the PIN and by the
    // code (the recovery secret in the password's place: docs/security.md).
    const std::string password = byCode ? *normaliseEnrolCode(code) : readLine();
    const std::string pin = pinFromStdin ? readLine() : env("CUNXIAO_DEVICE_PIN");
    if (pin.empty())
        usage("enroll needs the device PIN that will lock this device's data: set CUNXIAO_DEVICE_PIN or give "
              "--device-pin-stdin (a line after the password)");

    Vault v(db);
    bool fresh = false;
    DataKey key;
    if (v.exists()) {
        // Enrolling again (a new token): the account password opens the data;
        // if it was changed at the bureau, the PIN does.
        try {
            key = v.unlockWithPassword(password);
        } catch (const Error &) {
            key = v.unlockWithPin(pin);
        }
        Vault::encryptExisting(db, key);
    } else if (Vault::isPlainSqlite(db)) {
        key = v.create(pin, password);
        Vault::encryptExisting(db, key);
    } else {
        Vault::checkPin(pin);
        key = v.create(pin, password);
        fresh = true;
    }
    try {
        Engine e(db, key);
        if (byCode)
            e.enrollByCode(o, user, code, name.empty() ? "cunxiao-cli" : name);
        else
            e.enroll(o, user, password, name.empty() ? "cunxiao-cli" : name);
        if (!fresh && !byCode)
            v.setPassword(key, password); // the server has just confirmed it
        auto s = e.status();
        std::string schools;
        for (const auto &x : s.schools)
            schools += (schools.empty() ? "" : ",") + x;
        std::printf("enrolled %s (%s) at %s, schools %s\n", s.user.c_str(), s.role.c_str(), s.server.c_str(), schools.c_str());
    } catch (...) {
        if (fresh)
            Vault::erase(db); // nothing of this device existed before: leave nothing behind
        throw;
    }
    return Ok;
}

// change-pin: the new PIN from CUNXIAO_NEW_PIN or --new-pin-stdin; unlocked
// with the current PIN (or the password, after the PIN was used up).
int cmdChangePin(const std::string &db, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool fromStdin = takeFlag(args, "--new-pin-stdin");
    if (!args.empty())
        usage("change-pin takes only --new-pin-stdin");
    const std::string pin = fromStdin ? readLine() : env("CUNXIAO_NEW_PIN");
    if (pin.empty())
        usage("change-pin needs the new PIN: set CUNXIAO_NEW_PIN or give --new-pin-stdin");
    Vault::checkPin(pin);
    DataKey key = unlockDevice(db);
    Vault(db).setPin(key, pin);
    std::printf("the PIN of %s is changed\n", db.c_str());
    return Ok;
}

int cmdRecover(const std::string &dbPath, const std::vector<std::string> &args)
{
    if (!args.empty())
        usage("recover takes no arguments");
    DataKey key = unlockDevice(dbPath);
    RecoveryReport r = recoverReplica(dbPath, key);
    std::printf("recovered %s: %d unsent change(s) kept, %d unreadable; %d record(s) kept; the damaged file is %s\n",
                dbPath.c_str(), r.outboxKept, r.outboxLost, r.recordsKept, r.damagedCopy.c_str());
    std::printf(r.enrolled ? "run sync to send the kept changes and fetch everything again\n"
                           : "the device settings were lost: enroll again, then sync\n");
    return Ok;
}

} // namespace cx::cli
