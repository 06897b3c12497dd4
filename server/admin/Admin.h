#pragma once
// The bureau's administrative operations behind the command line: the data
// directory, schools, accounts, forms, bulk import and export. Writes to
// records go through serverPut (the sync merge path, node-0 versions).
#include "storage/SqliteStore.h"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cx::server {

// Every command takes a DATA_DIR (the embedded SQLite store) or a PostgreSQL
// URI (postgresql://..., storage/PgStore.h) in the same place.
// DATA_DIR/cunxiao.db (+ -wal, -shm while open).
std::string databasePath(const std::string &dataDir);
// Creates DATA_DIR if needed and the database at the newest schema (a URI:
// applies pending migrations).
std::unique_ptr<Store> initDataDir(const std::string &location);
// Opens an existing data directory or database; throws cx::Error(Invalid) if
// it is not one.
std::unique_ptr<Store> openDataDir(const std::string &location);

// Every operation below that changes something, and every export, is audited
// (Store::addAdminEvent) as done by `actor`: for the commands, commandActor().
std::string commandActor(); // "admin (OS user)"

// Adds or renames a school, and keeps its "schools" record (scope: the school);
// a non-empty township is written to the record too (admin/AccountAdmin.h).
void addSchool(Store &store, const std::string &code, const std::string &name, const std::string &county, int64_t nowMs,
               const std::string &actor = "admin", const std::string &township = {});

// Publishes a form definition (a JSON object with an "id") as the record
// forms/<id> in scope "*": fields {definition, version, title}. The version is
// the definition's own "version" if it is an integer, else one more than the
// published one. Returns the version.
int64_t publishForm(Store &store, const Json &definition, int64_t nowMs, const std::string &actor = "admin");

struct ImportResult {
    size_t lines = 0;   // records read
    size_t changed = 0; // records that changed
};

// One checked line of an import file.
struct ImportLine { // NOLINT(bugprone-exception-escape): false positive inside nlohmann::json's noexcept move
    std::string collection;
    std::string id;
    Json fields;
};

struct ImportRead {
    std::vector<ImportLine> lines;   // the good lines, in file order
    std::vector<std::string> errors; // "FILE:LINE: reason" for every bad line
};

// The import file reader on its own (no store): reads every line of `in` and
// checks it (JSON, keys, names, id, fields, size, no record twice). Used by
// importJsonLines and by the fuzz target fuzz/fuzz_import.cpp.
ImportRead readImportLines(const std::string &school, std::istream &in, const std::string &fileName);

// Imports JSON Lines {"collection","id","fields"} into `school`. Validates every
// line first; if any is bad, imports nothing and throws cx::Error(Invalid) whose
// message lists every bad line as "FILE:LINE: reason", one per line. Otherwise
// one transaction. A line without "id" gets a new UUIDv7.
ImportResult importJsonLines(Store &store, const std::string &school, std::istream &in, const std::string &fileName,
                             int64_t nowMs);

enum class ExportFormat { JsonLines, Csv, Xlsx };
// Writes the live (not deleted) records of a collection; returns how many.
// Audited (who, which collection and school, the format, how many rows).
// CSV cells a spreadsheet would run as a formula (= + - @ tab CR first) get a
// leading apostrophe; XLSX cells are always strings or numbers, never formulas.
// Page by page; the whole command (--out, forms): admin/Export.h.
size_t exportRecords(Store &store, const std::string &collection, const std::optional<std::string> &school, ExportFormat format,
                     std::ostream &out, const std::string &actor = "admin", int64_t nowMs = 0);

std::vector<std::string> splitList(const std::string &commaSeparated);

} // namespace cx::server
