#include "protocol/Record.h"

#include "protocol/Crypto.h"
#include "protocol/Errors.h"

#include <algorithm>
#include <cstdio>

namespace cx {

namespace {
const Json &member(const Json &j, const char *key, const std::string &path)
{
    auto it = j.find(key);
    if (it == j.end())
        throwProtocolError(path, std::string("missing \"") + key + "\"");
    return *it;
}

std::string stringMember(const Json &j, const char *key, const std::string &path)
{
    const Json &v = member(j, key, path);
    if (!v.is_string())
        throwProtocolError(path + "." + key, "not a string");
    return v.get<std::string>();
}
} // namespace

bool RecordState::hasConflict(std::string_view field) const
{
    return std::any_of(conflicts.begin(), conflicts.end(), [&](const Conflict &c) { return c.field == field; });
}

bool RecordState::deleted() const
{
    auto it = fields.find(kDeletedField);
    return it != fields.end() && *it == true && !hasConflict(kDeletedField);
}

void RecordState::sortConflicts()
{
    std::sort(conflicts.begin(), conflicts.end(),
              [](const Conflict &a, const Conflict &b) { return std::tie(a.field, a.version) < std::tie(b.field, b.version); });
}

namespace {
// The one value every field of `fields` maps to in `m` (same keys, same value), if any.
template <class V> const V *sharedValue(const std::map<std::string, V> &m, const Json &fields)
{
    if (m.empty() || m.size() != fields.size())
        return nullptr;
    const V &first = m.begin()->second;
    for (const auto &[k, v] : m)
        if (!(v == first) || !fields.contains(k))
            return nullptr;
    return &first;
}
} // namespace

Json RecordState::toJson(bool compact) const
{
    Json j;
    j["c"] = collection;
    j["id"] = id;
    j["school"] = school;
    j["seq"] = seq;
    j["f"] = fields;
    if (const Version *one = compact ? sharedValue(versions, fields) : nullptr) {
        j["v"] = one->toString();
    } else {
        Json v = Json::object();
        for (const auto &[k, ver] : versions)
            v[k] = ver.toString();
        j["v"] = v;
    }
    if (const std::string *one = compact ? sharedValue(by, fields) : nullptr) {
        j["by"] = *one;
    } else {
        Json b = Json::object();
        for (const auto &[k, who] : by)
            b[k] = who;
        j["by"] = b;
    }
    if (!conflicts.empty()) {
        Json x = Json::array();
        for (const auto &c : conflicts)
            x.push_back({{"f", c.field}, {"value", c.value}, {"v", c.version.toString()}, {"by", c.by}});
        j["x"] = x;
    }
    return j;
}

RecordState RecordState::fromJson(const Json &j, const std::string &path)
{
    if (!j.is_object())
        throwProtocolError(path, "not an object");
    RecordState r;
    r.collection = stringMember(j, "c", path);
    if (!isValidName(r.collection))
        throwProtocolError(path + ".c", "not a collection name");
    r.id = stringMember(j, "id", path);
    if (!isValidRecordId(r.id))
        throwProtocolError(path + ".id", "not a record id");
    r.school = stringMember(j, "school", path);
    if (!isValidSchoolCode(r.school))
        throwProtocolError(path + ".school", "not a school code");
    const Json &seq = member(j, "seq", path);
    if (!seq.is_number_unsigned())
        throwProtocolError(path + ".seq", "not a sequence number");
    r.seq = seq.get<uint64_t>();
    const Json &f = member(j, "f", path);
    if (!f.is_object())
        throwProtocolError(path + ".f", "not an object");
    for (auto it = f.begin(); it != f.end(); ++it)
        if (!isValidFieldName(it.key()))
            throwProtocolError(path + ".f", "bad field name \"" + it.key() + "\"");
    r.fields = f;
    const Json &v = member(j, "v", path);
    if (v.is_string()) { // compact: one version for every field
        auto ver = Version::parse(v.get<std::string>());
        if (!ver)
            throwProtocolError(path + ".v", "not a version");
        for (auto it = f.begin(); it != f.end(); ++it)
            r.versions[it.key()] = *ver;
    } else if (!v.is_object())
        throwProtocolError(path + ".v", "not an object or a version");
    for (auto it = v.begin(); v.is_object() && it != v.end(); ++it) {
        if (!it->is_string())
            throwProtocolError(path + ".v." + it.key(), "not a version");
        auto ver = Version::parse(it->get<std::string>());
        if (!ver)
            throwProtocolError(path + ".v." + it.key(), "not a version");
        r.versions[it.key()] = *ver;
    }
    if (auto b = j.find("by"); b != j.end() && b->is_string()) { // compact: one author for every field
        for (auto it = f.begin(); it != f.end(); ++it)
            r.by[it.key()] = b->get<std::string>();
    } else if (b != j.end()) {
        if (!b->is_object())
            throwProtocolError(path + ".by", "not an object or a name");
        for (auto it = b->begin(); it != b->end(); ++it) {
            if (!it->is_string())
                throwProtocolError(path + ".by." + it.key(), "not a string");
            r.by[it.key()] = it->get<std::string>();
        }
    }
    if (auto x = j.find("x"); x != j.end()) {
        if (!x->is_array())
            throwProtocolError(path + ".x", "not an array");
        for (size_t i = 0; i < x->size(); ++i) {
            const Json &c = (*x)[i];
            std::string p = path + ".x[" + std::to_string(i) + "]";
            if (!c.is_object())
                throwProtocolError(p, "not an object");
            Conflict con;
            con.field = stringMember(c, "f", p);
            if (!isValidFieldName(con.field))
                throwProtocolError(p + ".f", "bad field name");
            con.value = member(c, "value", p);
            auto ver = Version::parse(stringMember(c, "v", p));
            if (!ver)
                throwProtocolError(p + ".v", "not a version");
            con.version = *ver;
            if (c.contains("by"))
                con.by = stringMember(c, "by", p);
            r.conflicts.push_back(std::move(con));
        }
        r.sortConflicts();
    }
    return r;
}

bool isValidName(std::string_view s)
{
    if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z'))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool isValidFieldName(std::string_view s) { return s == kDeletedField || isValidName(s); }

bool isValidSchoolCode(std::string_view s)
{
    if (s == kCountyScope)
        return true;
    if (s.empty() || s.size() > 32)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

bool isValidRecordId(std::string_view s)
{
    if (s.empty() || s.size() > 64)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
               c == ':';
    });
}

uint64_t scopeHash(std::string_view collection, std::string_view id, uint64_t seq)
{
    std::string key;
    key.reserve(collection.size() + id.size() + 24);
    key.append(collection).push_back('\0');
    key.append(id).push_back('\0');
    key.append(std::to_string(seq));
    return hash64(key);
}

std::string checksumHex(uint64_t sum)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(sum));
    return buf;
}

void collectAttachmentRefs(const Json &value, std::vector<std::string> &out)
{
    if (value.is_object()) {
        auto it = value.find("sha256");
        if (it != value.end() && it->is_string()) {
            const std::string &h = it->get_ref<const std::string &>();
            if (isSha256Hex(h))
                out.push_back(h);
        }
        for (const auto &v : value)
            collectAttachmentRefs(v, out);
    } else if (value.is_array()) {
        for (const auto &v : value)
            collectAttachmentRefs(v, out);
    }
}

} // namespace cx
