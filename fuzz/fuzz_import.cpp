// Fuzz target: the server's import reader (cx::server::readImportLines), the
// part of `cunxiao-server import` that reads a JSON Lines file: every line is
// JSON-parsed and checked. Nothing may crash or throw; every good line has
// valid names and an id, and every bad line is reported with its number.
#include "admin/Admin.h"
#include "protocol/Record.h"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::istringstream in(std::string(reinterpret_cast<const char *>(data), size));
    cx::server::ImportRead read = cx::server::readImportLines("S1", in, "fuzz.jsonl");
    for (const auto &l : read.lines) {
        if (!cx::isValidName(l.collection) || !cx::isValidRecordId(l.id) || !l.fields.is_object())
            std::abort();
    }
    for (const auto &e : read.errors)
        if (e.rfind("fuzz.jsonl:", 0) != 0)
            std::abort();
    return 0;
}
