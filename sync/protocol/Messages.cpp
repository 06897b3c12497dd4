#include "protocol/Messages.h"

#include "protocol/Crypto.h"
#include "protocol/Errors.h"

#include <algorithm>
#include <limits>
#include <set>

namespace cx {

namespace {
const Json &need(const Json &j, const char *key, const std::string &path)
{
    if (!j.is_object())
        throwProtocolError(path, "not an object");
    auto it = j.find(key);
    if (it == j.end())
        throwProtocolError(path, std::string("missing \"") + key + "\"");
    return *it;
}

std::string needString(const Json &j, const char *key, const std::string &path)
{
    const Json &v = need(j, key, path);
    if (!v.is_string())
        throwProtocolError(path + "." + key, "not a string");
    return v.get<std::string>();
}

uint64_t needUnsigned(const Json &j, const char *key, const std::string &path)
{
    const Json &v = need(j, key, path);
    if (!v.is_number_unsigned())
        throwProtocolError(path + "." + key, "not a non-negative integer");
    return v.get<uint64_t>();
}

int64_t needInteger(const Json &j, const char *key, const std::string &path)
{
    const Json &v = need(j, key, path);
    if (!v.is_number_integer())
        throwProtocolError(path + "." + key, "not an integer");
    return v.get<int64_t>();
}

Version needVersion(const Json &v, const std::string &path)
{
    if (!v.is_string())
        throwProtocolError(path, "not a version");
    auto ver = Version::parse(v.get<std::string>());
    if (!ver)
        throwProtocolError(path, "not a version");
    return *ver;
}

int checkProtocol(const Json &j, const std::string &path)
{
    int p = static_cast<int>(needInteger(j, "protocol", path));
    if (p != kProtocolVersion)
        throw Error(ErrorKind::Version, "protocol version " + std::to_string(p) + " is not supported; this side speaks " +
                                            std::to_string(kProtocolVersion));
    return p;
}

Cursor cursorFrom(const Json &j, const std::string &path)
{
    if (!j.is_object())
        throwProtocolError(path, "not an object");
    Cursor c;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!isValidSchoolCode(it.key()))
            throwProtocolError(path, "bad school code \"" + it.key() + "\"");
        if (!it->is_number_unsigned())
            throwProtocolError(path + "." + it.key(), "not a sequence number");
        c[it.key()] = it->get<uint64_t>();
    }
    return c;
}

std::vector<RecordState> recordsFrom(const Json &j, const char *key, const std::string &path)
{
    std::vector<RecordState> out;
    auto it = j.find(key);
    if (it == j.end())
        return out;
    if (!it->is_array())
        throwProtocolError(path + "." + key, "not an array");
    out.reserve(it->size());
    for (size_t i = 0; i < it->size(); ++i)
        out.push_back(RecordState::fromJson((*it)[i], path + "." + key + "[" + std::to_string(i) + "]"));
    return out;
}
} // namespace

const char *opName(Op op)
{
    switch (op) {
    case Op::Put:
        return "put";
    case Op::Delete:
        return "delete";
    case Op::Resolve:
        return "resolve";
    }
    return "put";
}

Json Mutation::toJson() const
{
    Json j;
    j["n"] = n;
    j["c"] = collection;
    j["id"] = id;
    j["school"] = school;
    j["op"] = opName(op);
    j["f"] = fields;
    // A field the device saw no value of is left out: absent and null mean the
    // same to the merge (baseOf), and a new record's base is then just {}.
    Json b = Json::object();
    for (const auto &[k, v] : base)
        if (v)
            b[k] = v->toString();
    j["base"] = b;
    j["v"] = version.toString();
    if (!settles.empty()) {
        Json s = Json::array();
        for (const auto &v : settles)
            s.push_back(v.toString());
        j["settles"] = s;
    }
    return j;
}

Mutation Mutation::fromJson(const Json &j, const std::string &path)
{
    Mutation m;
    m.n = needUnsigned(j, "n", path);
    if (m.n == 0)
        throwProtocolError(path + ".n", "counters start at 1");
    m.collection = needString(j, "c", path);
    if (!isValidName(m.collection))
        throwProtocolError(path + ".c", "not a collection name");
    m.id = needString(j, "id", path);
    if (!isValidRecordId(m.id))
        throwProtocolError(path + ".id", "not a record id");
    m.school = needString(j, "school", path);
    if (!isValidSchoolCode(m.school))
        throwProtocolError(path + ".school", "not a school code");
    std::string op = needString(j, "op", path);
    if (op == "put")
        m.op = Op::Put;
    else if (op == "delete")
        m.op = Op::Delete;
    else if (op == "resolve")
        m.op = Op::Resolve;
    else
        throwProtocolError(path + ".op", "unknown operation \"" + op + "\"");
    const Json &f = need(j, "f", path);
    if (!f.is_object())
        throwProtocolError(path + ".f", "not an object");
    for (auto it = f.begin(); it != f.end(); ++it)
        if (!isValidFieldName(it.key()))
            throwProtocolError(path + ".f", "bad field name \"" + it.key() + "\"");
    m.fields = f;
    const Json &b = need(j, "base", path);
    if (!b.is_object())
        throwProtocolError(path + ".base", "not an object");
    for (auto it = b.begin(); it != b.end(); ++it) {
        if (!isValidFieldName(it.key()))
            throwProtocolError(path + ".base", "bad field name \"" + it.key() + "\"");
        m.base[it.key()] = it->is_null() ? std::nullopt : std::optional<Version>(needVersion(*it, path + ".base." + it.key()));
    }
    m.version = needVersion(need(j, "v", path), path + ".v");
    if (auto s = j.find("settles"); s != j.end()) {
        if (!s->is_array())
            throwProtocolError(path + ".settles", "not an array");
        for (size_t i = 0; i < s->size(); ++i)
            m.settles.push_back(needVersion((*s)[i], path + ".settles[" + std::to_string(i) + "]"));
    }
    return m;
}

Json Mutation::toCompactJson(const Mutation *prev) const
{
    Json j = toJson();
    if (prev && n == prev->n + 1)
        j.erase("n");
    if (op == Op::Put)
        j.erase("op");
    if (j["base"].empty())
        j.erase("base");
    if (prev && version.node == prev->version.node && version.hlc > prev->version.hlc) {
        j.erase("v");
        if (const uint64_t dv = version.hlc - prev->version.hlc; dv != 1)
            j["dv"] = dv;
    }
    return j;
}

Mutation Mutation::fromCompactJson(const Json &j, const Mutation *prev, const std::string &path)
{
    if (!j.is_object())
        throwProtocolError(path, "not an object");
    // The full form from the compact one, then read as ever (every check the same).
    Json full = j;
    if (!full.contains("n")) {
        if (!prev)
            throwProtocolError(path + ".n", "missing (the first change of a request names its counter)");
        full["n"] = prev->n + 1;
    }
    if (!full.contains("op"))
        full["op"] = "put";
    if (!full.contains("base"))
        full["base"] = Json::object();
    if (auto dv = full.find("dv"); dv != full.end() || !full.contains("v")) {
        if (full.contains("v"))
            throwProtocolError(path + ".dv", "both \"v\" and \"dv\"");
        if (!prev)
            throwProtocolError(path + ".v", "missing (the first change of a request names its version)");
        uint64_t d = 1;
        if (dv != full.end()) {
            if (!dv->is_number_unsigned() || dv->get<uint64_t>() == 0 ||
                dv->get<uint64_t>() > std::numeric_limits<uint64_t>::max() - prev->version.hlc)
                throwProtocolError(path + ".dv", "not a positive clock difference");
            d = dv->get<uint64_t>();
            full.erase("dv");
        }
        full["v"] = Version{prev->version.hlc + d, prev->version.node}.toString();
    }
    return fromJson(full, path);
}

Json Rejection::toJson() const
{
    Json j{{"n", n}, {"reason", reason}};
    if (!fieldReasons.empty())
        j["fields"] = fieldReasons;
    return j;
}

Rejection Rejection::fromJson(const Json &j, const std::string &path)
{
    Rejection r;
    r.n = needUnsigned(j, "n", path);
    r.reason = needString(j, "reason", path);
    if (auto f = j.find("fields"); f != j.end()) {
        if (!f->is_object())
            throwProtocolError(path + ".fields", "not an object");
        r.fieldReasons = *f;
    }
    return r;
}

Json SyncRequest::toJson() const
{
    Json j;
    j["protocol"] = protocol;
    j["device"] = device;
    j["cursor"] = Json::object();
    for (const auto &[k, v] : cursor)
        j["cursor"][k] = v;
    Json ms = Json::array();
    for (size_t i = 0; i < mutations.size(); ++i)
        ms.push_back(compact ? mutations[i].toCompactJson(i ? &mutations[i - 1] : nullptr) : mutations[i].toJson());
    j["mutations"] = ms;
    if (compact)
        j["compact"] = true;
    j["page_bytes"] = pageBytes;
    if (enc > 1)
        j["enc"] = enc;
    if (!prev.empty())
        j["prev"] = prev;
    if (health.is_object() && !health.empty())
        j["health"] = health;
    return j;
}

namespace {
// At most `bytes` bytes of UTF-8 text, never cutting a character in two.
std::string utf8Prefix(const std::string &s, size_t bytes)
{
    if (s.size() <= bytes)
        return s;
    while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80)
        --bytes;
    return s.substr(0, bytes);
}
} // namespace

SyncRequest SyncRequest::fromJson(const Json &j)
{
    const std::string path = "request";
    SyncRequest r;
    r.protocol = checkProtocol(j, path);
    r.device = needString(j, "device", path);
    r.cursor = cursorFrom(need(j, "cursor", path), path + ".cursor");
    const Json &ms = need(j, "mutations", path);
    if (!ms.is_array())
        throwProtocolError(path + ".mutations", "not an array");
    if (auto c = j.find("compact"); c != j.end()) {
        if (!c->is_boolean())
            throwProtocolError(path + ".compact", "not a boolean");
        r.compact = c->get<bool>();
    }
    for (size_t i = 0; i < ms.size(); ++i) {
        const std::string at = path + ".mutations[" + std::to_string(i) + "]";
        r.mutations.push_back(r.compact ? Mutation::fromCompactJson(ms[i], i ? &r.mutations.back() : nullptr, at)
                                        : Mutation::fromJson(ms[i], at));
    }
    if (j.contains("page_bytes"))
        r.pageBytes = needUnsigned(j, "page_bytes", path);
    if (auto e = j.find("enc"); e != j.end() && e->is_number_integer() && e->get<int64_t>() >= 1)
        r.enc = int(std::min<int64_t>(e->get<int64_t>(), kWireEncoding)); // one we do not know yet: the highest we do
    if (auto p = j.find("prev"); p != j.end()) {
        if (!p->is_string() || p->get<std::string>().size() > 64)
            throwProtocolError(path + ".prev", "not a prefix name");
        r.prev = p->get<std::string>();
    }
    // Device health is advisory: kept only in its known shape, never a reason to refuse a sync.
    if (auto h = j.find("health"); h != j.end() && h->is_object()) {
        for (const char *k : {"pending", "pending_photos", "rejected", "conflicts", "free_bytes"})
            if (auto v = h->find(k); v != h->end() && v->is_number_unsigned())
                r.health[k] = v->get<uint64_t>();
        for (const char *k : {"link", "last_error"})
            if (auto v = h->find(k); v != h->end() && v->is_string())
                r.health[k] = utf8Prefix(v->get<std::string>(), 300);
        // {form id: version} of the forms the device holds; at most kMaxHealthForms of them.
        if (auto f = h->find("forms"); f != h->end() && f->is_object()) {
            Json forms = Json::object();
            for (auto it = f->begin(); it != f->end() && forms.size() < kMaxHealthForms; ++it)
                if (isValidRecordId(it.key()) && it->is_number_unsigned())
                    forms[it.key()] = it->get<uint64_t>();
            r.health["forms"] = std::move(forms); // empty: the device holds none (an old app sends no "forms")
        }
    }
    return r;
}

Json SyncResponse::toJson() const
{
    Json j;
    j["protocol"] = protocol;
    j["server_time"] = serverTime;
    j["acked"] = acked;
    Json rj = Json::array();
    for (const auto &r : rejected)
        rj.push_back(r.toJson());
    j["rejected"] = rj;
    const bool compact = enc >= 2;
    Json aj = Json::array();
    for (const auto &r : applied)
        aj.push_back(r.toJson(compact));
    j["applied"] = aj;
    if (compact) {
        j["enc"] = enc;
        if (!acks.empty()) {
            Json a = Json::array();
            if (enc >= 4) { // runs: [n, seq, count] stands for count acks, n and seq each one more than the last
                for (size_t i = 0; i < acks.size();) {
                    size_t k = 1;
                    while (i + k < acks.size() && acks[i + k].n == acks[i].n + k && acks[i + k].seq == acks[i].seq + k)
                        ++k;
                    a.push_back(k == 1 ? Json::array({acks[i].n, acks[i].seq}) : Json::array({acks[i].n, acks[i].seq, k}));
                    i += k;
                }
            } else {
                for (const auto &k : acks)
                    a.push_back(Json::array({k.n, k.seq}));
            }
            j["acks"] = a;
            j["acks_by"] = acksBy;
        }
        if (!kept.empty())
            j["kept"] = kept;
    }
    Json cj = Json::array();
    for (const auto &r : changes)
        cj.push_back(r.toJson(compact));
    j["changes"] = cj;
    j["cursor"] = Json::object();
    for (const auto &[k, v] : cursor)
        j["cursor"][k] = v;
    j["more"] = more;
    j["checksums"] = Json::object();
    for (const auto &[k, v] : checksums)
        j["checksums"][k] = v;
    j["scopes"] = scopes;
    if (remainingRecords) { // optional, additive (docs/village.md)
        j["remaining_records"] = remainingRecords;
        j["remaining_bytes"] = remainingBytes;
    }
    if (tokenExpires) // optional, additive (docs/protocol.md "Device tokens")
        j["token_expires"] = tokenExpires;
    return j;
}

SyncResponse SyncResponse::fromJson(const Json &j)
{
    const std::string path = "response";
    SyncResponse r;
    r.protocol = checkProtocol(j, path);
    r.serverTime = needInteger(j, "server_time", path);
    r.acked = needUnsigned(j, "acked", path);
    const Json &rj = need(j, "rejected", path);
    if (!rj.is_array())
        throwProtocolError(path + ".rejected", "not an array");
    for (size_t i = 0; i < rj.size(); ++i)
        r.rejected.push_back(Rejection::fromJson(rj[i], path + ".rejected[" + std::to_string(i) + "]"));
    r.applied = recordsFrom(j, "applied", path);
    r.changes = recordsFrom(j, "changes", path);
    if (auto e = j.find("enc"); e != j.end()) {
        if (!e->is_number_integer() || e->get<int64_t>() < 1 || e->get<int64_t>() > kWireEncoding)
            throwProtocolError(path + ".enc", "not a wire encoding this device reads (1.." + std::to_string(kWireEncoding) + ")");
        r.enc = int(e->get<int64_t>());
    }
    if (auto a = j.find("acks"); a != j.end()) {
        if (!a->is_array())
            throwProtocolError(path + ".acks", "not an array");
        for (size_t i = 0; i < a->size(); ++i) {
            const Json &k = (*a)[i];
            const std::string at = path + ".acks[" + std::to_string(i) + "]";
            if (!k.is_array() || k.size() < 2 || k.size() > 3 || !k[0].is_number_unsigned() || !k[1].is_number_unsigned() ||
                (k.size() == 3 && !k[2].is_number_unsigned()))
                throwProtocolError(at, "not [n, seq] or [n, seq, count]");
            const uint64_t n = k[0].get<uint64_t>(), seq = k[1].get<uint64_t>();
            const uint64_t count = k.size() == 3 ? k[2].get<uint64_t>() : 1; // a run (wire encoding 4)
            if (count == 0 || count > kMaxAcks - r.acks.size() || n > std::numeric_limits<uint64_t>::max() - count ||
                seq > std::numeric_limits<uint64_t>::max() - count)
                throwProtocolError(at, "a run of " + std::to_string(count) + " acknowledgements (1 to " +
                                           std::to_string(kMaxAcks) + " in a reply)");
            for (uint64_t d = 0; d < count; ++d)
                r.acks.push_back({n + d, seq + d});
        }
        r.acksBy = needString(j, "acks_by", path);
    }
    if (j.contains("kept"))
        r.kept = needString(j, "kept", path);
    r.cursor = cursorFrom(need(j, "cursor", path), path + ".cursor");
    const Json &more = need(j, "more", path);
    if (!more.is_boolean())
        throwProtocolError(path + ".more", "not a boolean");
    r.more = more.get<bool>();
    if (auto c = j.find("checksums"); c != j.end()) {
        if (!c->is_object())
            throwProtocolError(path + ".checksums", "not an object");
        for (auto it = c->begin(); it != c->end(); ++it) {
            if (!it->is_string())
                throwProtocolError(path + ".checksums." + it.key(), "not a string");
            r.checksums[it.key()] = it->get<std::string>();
        }
    }
    if (auto s = j.find("scopes"); s != j.end()) {
        if (!s->is_array())
            throwProtocolError(path + ".scopes", "not an array");
        for (size_t i = 0; i < s->size(); ++i) {
            if (!(*s)[i].is_string() || !isValidSchoolCode((*s)[i].get<std::string>()))
                throwProtocolError(path + ".scopes[" + std::to_string(i) + "]", "not a school code");
            r.scopes.push_back((*s)[i].get<std::string>());
        }
    }
    // Optional estimates (docs/village.md); an older server sends neither.
    if (j.contains("remaining_records"))
        r.remainingRecords = needUnsigned(j, "remaining_records", path);
    if (j.contains("remaining_bytes"))
        r.remainingBytes = needUnsigned(j, "remaining_bytes", path);
    if (j.contains("token_expires"))
        r.tokenExpires = needInteger(j, "token_expires", path);
    return r;
}

std::optional<RecordState> stateFromPush(std::vector<const Mutation *> pushed, const std::string &by, uint64_t seq)
{
    if (pushed.empty())
        return std::nullopt;
    std::stable_sort(pushed.begin(), pushed.end(), [](const Mutation *a, const Mutation *b) { return a->n < b->n; });
    RecordState s;
    s.collection = pushed.front()->collection;
    s.id = pushed.front()->id;
    s.school = pushed.front()->school;
    s.seq = seq;
    for (const Mutation *m : pushed) {
        if (m->op != Op::Put || m->collection != s.collection || m->id != s.id || m->school != s.school)
            return std::nullopt;
        for (auto it = m->fields.begin(); it != m->fields.end(); ++it) {
            s.fields[it.key()] = *it;
            s.versions[it.key()] = m->version;
            s.by[it.key()] = by;
        }
    }
    return s;
}

void expandAcks(const SyncRequest &req, SyncResponse &resp)
{
    std::set<uint64_t> refused;
    for (const auto &r : resp.rejected)
        refused.insert(r.n);
    for (const auto &k : resp.acks) {
        auto last = std::find_if(req.mutations.begin(), req.mutations.end(), [&](const Mutation &m) { return m.n == k.n; });
        if (last == req.mutations.end() || refused.count(k.n) || k.n > resp.acked)
            throwProtocolError("response.acks", "acknowledges change " + std::to_string(k.n) +
                                                    ", which this request did not carry or which was refused");
        std::vector<const Mutation *> pushed;
        for (const auto &m : req.mutations)
            if (m.collection == last->collection && m.id == last->id && !refused.count(m.n))
                pushed.push_back(&m);
        auto state = stateFromPush(pushed, resp.acksBy, k.seq);
        if (!state)
            throwProtocolError("response.acks", "change " + std::to_string(k.n) + " cannot be acknowledged by its seq only");
        resp.applied.push_back(std::move(*state));
    }
    resp.acks.clear();
}

Json EnrollRequest::toJson() const
{
    Json j{{"protocol", protocol}, {"user", user}, {"device", device}, {"device_name", deviceName}};
    if (code.empty())
        j["password"] = password;
    else
        j["code"] = code;
    if (!appVersion.empty())
        j["app"] = appVersion;
    return j;
}

EnrollRequest EnrollRequest::fromJson(const Json &j)
{
    const std::string path = "enroll";
    EnrollRequest r;
    r.protocol = checkProtocol(j, path);
    r.user = needString(j, "user", path);
    if (j.contains("code")) {
        r.code = needString(j, "code", path);
        if (j.contains("password"))
            throw Error(ErrorKind::Protocol, "enroll: send either a password or an enrolment code, not both");
    } else {
        r.password = needString(j, "password", path);
    }
    r.device = needString(j, "device", path);
    if (j.contains("device_name"))
        r.deviceName = needString(j, "device_name", path);
    if (j.contains("app"))
        r.appVersion = needString(j, "app", path);
    return r;
}

Json EnrollResponse::toJson() const
{
    Json j{{"protocol", protocol}, {"token", token},           {"node", node}, {"user", user}, {"role", role},
           {"schools", schools},   {"server_time", serverTime}};
    if (!bundleKey.empty()) // optional (docs/bundles.md); older devices ignore it
        j["bundle"] = Json{{"server_key", base64Encode(bundleKey)}, {"device_secret", base64Encode(bundleSecret)}};
    if (tokenExpires) // optional (docs/protocol.md "Device tokens")
        j["token_expires"] = tokenExpires;
    return j;
}

EnrollResponse EnrollResponse::fromJson(const Json &j)
{
    const std::string path = "enroll reply";
    EnrollResponse r;
    r.protocol = checkProtocol(j, path);
    r.token = needString(j, "token", path);
    r.node = static_cast<uint32_t>(needUnsigned(j, "node", path));
    r.user = needString(j, "user", path);
    r.role = needString(j, "role", path);
    const Json &s = need(j, "schools", path);
    if (!s.is_array())
        throwProtocolError(path + ".schools", "not an array");
    for (const auto &x : s) {
        if (!x.is_string())
            throwProtocolError(path + ".schools", "not a list of school codes");
        r.schools.push_back(x.get<std::string>());
    }
    r.serverTime = needInteger(j, "server_time", path);
    if (auto b = j.find("bundle"); b != j.end() && b->is_object()) {
        r.bundleKey = base64Decode(needString(*b, "server_key", path + ".bundle"));
        r.bundleSecret = base64Decode(needString(*b, "device_secret", path + ".bundle"));
        if (r.bundleKey.size() != 32 || r.bundleSecret.size() != 32)
            throwProtocolError(path + ".bundle", "the server key and the device secret have 32 bytes each");
    }
    if (j.contains("token_expires"))
        r.tokenExpires = needInteger(j, "token_expires", path);
    return r;
}

Json TokenRotateResponse::toJson() const
{
    return Json{{"protocol", protocol}, {"token", token}, {"token_expires", tokenExpires}};
}

TokenRotateResponse TokenRotateResponse::fromJson(const Json &j)
{
    const std::string path = "token rotation reply";
    TokenRotateResponse r;
    r.protocol = checkProtocol(j, path);
    r.token = needString(j, "token", path);
    r.tokenExpires = needInteger(j, "token_expires", path);
    return r;
}

Json ErrorReply::toJson() const
{
    Json j{{"error", error}, {"message", message}, {"server_protocol", serverProtocol}};
    if (wipe)
        j["wipe"] = true;
    return j;
}

ErrorReply ErrorReply::fromJson(const Json &j)
{
    ErrorReply e;
    if (!j.is_object())
        return e;
    if (auto it = j.find("error"); it != j.end() && it->is_string())
        e.error = it->get<std::string>();
    if (auto it = j.find("message"); it != j.end() && it->is_string())
        e.message = it->get<std::string>();
    if (auto it = j.find("server_protocol"); it != j.end() && it->is_number_integer())
        e.serverProtocol = it->get<int>();
    if (auto it = j.find("wipe"); it != j.end() && it->is_boolean())
        e.wipe = it->get<bool>();
    return e;
}

int jsonDepth(std::string_view text, int limit)
{
    int depth = 0, deepest = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest && (deepest = depth) >= limit)
                return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

Json parseJson(std::string_view text, const char *what)
{
    if (jsonDepth(text) > kMaxJsonDepth)
        throw Error(ErrorKind::Protocol,
                    std::string(what) + " nests arrays or objects deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error &e) {
        throw Error(ErrorKind::Protocol, std::string(what) + " is not valid JSON (at byte " + std::to_string(e.byte) + ")");
    } catch (const Json::exception &e) {
        // e.g. out_of_range 406: a number like 1e999 that no double holds
        throw Error(ErrorKind::Protocol, std::string(what) + " is not valid JSON (" + e.what() + ")");
    }
}

} // namespace cx
