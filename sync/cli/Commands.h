#pragma once
// The command-line client's commands, one function each. Arguments after the
// command name come in `args`; each returns the process exit code.
#include "engine/Engine.h"
#include "forms/Periods.h"
#include "protocol/Errors.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cx::cli {

enum Exit {
    Ok = 0,
    Failed = 1,
    Usage = 2,
    Network = 3,
    Tls = 4,
    Auth = 5,
    Rejected = 6,
    Conflicts = 7, // only with sync --fail-on-conflict
};

int exitCodeFor(ErrorKind kind);

// Argument helpers shared by the command files.
[[noreturn]] void usage(const std::string &what); // throws Error(Invalid), exit 2
bool takeFlag(std::vector<std::string> &args, const std::string &flag);
std::string takeOption(std::vector<std::string> &args, const std::string &flag);
// The day given with `flag` (--as-of DAY), today when absent; usage() when not a day like 2026-12-15.
forms::Day dayOption(std::vector<std::string> &args, const std::string &flag = "--as-of");

// Unlock.cpp: the device's data key from CUNXIAO_DEVICE_PIN or
// CUNXIAO_PASSWORD (exit 5 with "wrong PIN (N attempts left)" when wrong), and
// the commands that work on the key file before an Engine exists.
DataKey unlockDevice(const std::string &db);
int cmdEnroll(const std::string &db, const std::vector<std::string> &args);
int cmdChangePin(const std::string &db, const std::vector<std::string> &args);
int cmdPut(Engine &e, const std::vector<std::string> &args);
int cmdGet(Engine &e, const std::vector<std::string> &args);
int cmdDelete(Engine &e, const std::vector<std::string> &args);
int cmdDiscard(Engine &e, const std::vector<std::string> &args); // drop the rejected changes of a record
int cmdList(Engine &e, const std::vector<std::string> &args);
int cmdSync(Engine &e, const std::vector<std::string> &args);
int cmdStatus(Engine &e, const std::vector<std::string> &args);
int cmdConflicts(Engine &e, const std::vector<std::string> &args);
int cmdResolve(Engine &e, const std::vector<std::string> &args);
int cmdRejected(Engine &e, const std::vector<std::string> &args);
int cmdAttach(Engine &e, const std::vector<std::string> &args); // docs/village.md
int cmdAttachments(Engine &e, const std::vector<std::string> &args);
int cmdFetchAttachment(Engine &e, const std::vector<std::string> &args);
int cmdPhotosOnlyUnmetered(Engine &e, const std::vector<std::string> &args);
int cmdBundleOut(Engine &e, const std::vector<std::string> &args); // docs/bundles.md, BundleCommands.cpp
int cmdBundleIn(Engine &e, const std::vector<std::string> &args);
int cmdRelay(Engine &e, const std::vector<std::string> &args);
// Runs without an Engine: the database may be too damaged to open (Unlock.cpp).
// BureauCommands.cpp: the bureau's reports over the replica (docs/bureau.md).
int cmdCompleteness(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdReview(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdDevices(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdDropouts(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdStatistics(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdAccept(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdReturn(Engine &e, const std::string &db, const std::vector<std::string> &args);
// AssignmentCommands.cpp: inspection assignments and home-visit targets.
int cmdAssignments(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdAssign(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdVisitTargets(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdProgress(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdVisitTarget(Engine &e, const std::string &db, const std::vector<std::string> &args);
// FormCommands.cpp: the bureau's forms (docs/bureau.md "Forms").
int cmdForms(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdPublishForm(Engine &e, const std::string &db, const std::vector<std::string> &args);
int cmdRecover(const std::string &dbPath, const std::vector<std::string> &args);

// "value read as JSON if it parses, else a string"
Json parseValue(const std::string &text);

} // namespace cx::cli
