#pragma once
// A record as the server holds it and sends it: collection, id, school, the
// field values, and per field the version that set it and who set it. Values
// that lost a concurrent edit are kept as conflicts until a person settles them.
//
// Deletion is the reserved field "_deleted" = true. A deletion that raced an
// edit is kept as a conflict on "_deleted" and the record stays visible.
#include "protocol/Json.h"
#include "protocol/Version.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cx {

inline constexpr const char *kDeletedField = "_deleted";
inline constexpr const char *kCountyScope = "*"; // records every account may read (forms)

struct Conflict {
    std::string field;
    Json value;
    Version version;
    std::string by;

    bool operator==(const Conflict &) const = default;
};

struct RecordState {
    std::string collection;
    std::string id;
    std::string school;
    uint64_t seq = 0; // server sequence of the last change; 0 = not on the server
    Json fields = Json::object();
    std::map<std::string, Version> versions;
    std::map<std::string, std::string> by;
    std::vector<Conflict> conflicts; // kept sorted by (field, version)

    bool deleted() const; // deleted and no deletion conflict pending
    bool hasConflict(std::string_view field) const;
    void sortConflicts();

    // compact (wire encoding 2, docs/protocol.md "Wire encoding"): when every
    // field has the same version, "v" is that one version string instead of an
    // object; the same for one author in "by". fromJson reads both forms.
    Json toJson(bool compact = false) const;
    // Throws cx::Error(Protocol) naming the path of the first bad part.
    static RecordState fromJson(const Json &j, const std::string &path = "record");

    bool operator==(const RecordState &) const = default;
};

bool isValidName(std::string_view s);       // collection and field names: [a-z][a-z0-9_]{0,63}
bool isValidFieldName(std::string_view s);  // a name, or "_deleted"
bool isValidSchoolCode(std::string_view s); // [A-Za-z0-9_-]{1,32}, or "*"
bool isValidRecordId(std::string_view s);   // 1-64 of [A-Za-z0-9_.:-]

// Contribution of one record to its scope's checksum; a scope's checksum is the
// sum (mod 2^64) over its records, kept incrementally on both sides.
uint64_t scopeHash(std::string_view collection, std::string_view id, uint64_t seq);
std::string checksumHex(uint64_t sum);

// The SHA-256 of every attachment reference in a value: an object with a
// "sha256" string of 64 lower-case hex digits, at any depth (form answers nest
// them in arrays and objects). The server (who may download a file) and the
// device (which files to upload) use this one definition.
void collectAttachmentRefs(const Json &value, std::vector<std::string> &out);

} // namespace cx
