#pragma once
// Recovery of a damaged replica (the open-time quick_check failed): salvage what
// can still be read, move the damaged file aside, start a fresh file with it.
//
// Read from the damaged file (read-only, row by row, skipping what fails):
//   meta     the device id, token, server, account, clock and counters (next_n!)
//   outbox   every unsent or rejected mutation whose row still reads and decodes
//   records  every row that still reads (the visible values and server state)
// Then DB -> DB.damaged-YYYYMMDD-HHMMSS (with its -wal/-shm), a fresh replica at DB
// with the salvaged rows, scope cursors at 0 (the next sync re-pulls everything
// and fixes whatever records were lost; records held keep their seq so they are
// not counted twice) and the unsent edits ready to be sent again.
#include "engine/DataKey.h"

#include <string>

namespace cx {

struct RecoveryReport {
    std::string damagedCopy; // where the damaged file went
    int metaKept = 0;
    int outboxKept = 0, outboxLost = 0; // unsent edits salvaged / unreadable
    int recordsKept = 0;
    bool enrolled = false; // the device token survived (else: enroll again)
};

// The damaged file is read, and the fresh one written, with the device's key
// (the damaged copy stays encrypted as it was).
// Throws cx::Error(Storage) if the file cannot be opened at all or moved aside.
RecoveryReport recoverReplica(const std::string &path, const DataKey &key);

} // namespace cx
