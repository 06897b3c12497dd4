#pragma once
// A SQLite VFS shim, registered as the default in the simulation process, that
// makes writes to chosen files fail after a countdown: a process crashing
// between two database writes. Once it fires, every later write to the same
// files fails too (a dead process writes nothing more) until it is disarmed;
// the simulation then reopens the files as a restarted process would.
#include <string>

namespace faultvfs {

void install(); // idempotent
// Fail the (writesLeft+1)-th write to any file whose path starts with prefix.
void arm(const std::string &prefix, int writesLeft);
void disarm();
bool fired();

} // namespace faultvfs
