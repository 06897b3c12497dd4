// The promises checked when the simulated county is quiet and synced.
#include "SimWorld.h"

#include "auth/Auth.h"
#include "protocol/Merge.h"

#include <functional>
#include <set>

using cx::Json;

namespace sim {

namespace {
Json canonical(const Json &fields, const std::vector<cx::Conflict> &conflicts)
{
    Json x = Json::array();
    for (const auto &c : conflicts)
        x.push_back(Json::array({c.field, c.value, c.version.toString()}));
    std::sort(x.begin(), x.end());
    return Json{{"f", fields}, {"x", x}};
}

std::vector<std::string> splitSchools(const std::string &s)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos)
            comma = s.size();
        if (comma > start)
            out.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}
} // namespace

std::vector<std::string> World::check()
{
    std::vector<std::string> v = m_violations;
    auto fail = [&](const std::string &s) {
        if (v.size() < 40)
            v.push_back(s);
    };

    // Every replica holds exactly the server's state of its scopes.
    for (size_t i = 0; i < m_devs.size(); ++i) {
        cx::Engine &e = *m_devs[i]->engine;
        const DeviceSpec &spec = deviceSpecs()[i];
        std::string dev = "dev" + std::to_string(i) + " ";
        auto st = e.status();
        if (st.pending || st.sent)
            fail(dev + "still has " + std::to_string(st.pending + st.sent) + " unsent changes");
        auto scopes = cx::server::readScopes(*m_store, spec.role, splitSchools(spec.schools));
        std::map<std::string, Json> server, local;
        for (const auto &s : scopes)
            for (const auto &c : collections())
                for (const auto &r : m_store->recordsOf(c, s))
                    server[c + "/" + r.id] = canonical(r.fields, r.conflicts);
        for (const auto &c : collections())
            for (const auto &r : e.list(c, true)) {
                if (r.state == cx::SyncState::Pending || r.state == cx::SyncState::Sent || r.state == cx::SyncState::Rejected)
                    fail(dev + c + "/" + r.id + " is still " + cx::syncStateName(r.state));
                local[c + "/" + r.id] = canonical(r.fields, r.conflicts);
            }
        for (const auto &[k, s] : server) {
            auto it = local.find(k);
            if (it == local.end())
                fail(dev + "lacks " + k + " " + s.dump());
            else if (it->second != s)
                fail(dev + "differs on " + k + ": device " + it->second.dump() + " server " + s.dump());
        }
        for (const auto &[k, l] : local)
            if (!server.count(k))
                fail(dev + "holds " + k + " which the server does not have in its scope");
        for (const auto &row : e.replica().scopes()) {
            if (std::find(scopes.begin(), scopes.end(), row.school) == scopes.end())
                continue;
            if (row.sum != m_store->scopeSum(row.school))
                fail(dev + "checksum of scope " + row.school + " differs from the server's");
        }
    }

    // No mutation applied twice; every acknowledged change present; nothing
    // a person wrote disappeared without somebody having seen it.
    std::map<std::pair<std::string, uint64_t>, int> applied;
    std::vector<std::string> schools = {"S1", "S2", cx::kCountyScope};
    for (const auto &school : schools) {
        for (const auto &c : collections()) {
            for (const auto &rec : m_store->recordsOf(c, school)) {
                auto audit = m_store->auditOf(c, rec.id);
                std::vector<cx::Mutation> ms;
                for (const auto &a : audit) {
                    cx::Mutation m = cx::Mutation::fromJson(a.mutation, "audit");
                    if (!a.device.empty())
                        applied[{a.device, m.n}]++;
                    ms.push_back(std::move(m));
                }
                std::map<std::pair<size_t, std::string>, int> memo; // 0 unknown, 1 in progress, 2 yes, 3 no
                std::function<bool(size_t, const std::string &)> accounted = [&](size_t i, const std::string &f) -> bool {
                    int &state = memo[{i, f}];
                    if (state == 2)
                        return true;
                    if (state == 1 || state == 3)
                        return false;
                    state = 1;
                    const cx::Mutation &m = ms[i];
                    bool ok = false;
                    auto cur = rec.versions.find(f);
                    if (cur != rec.versions.end() && cur->second == m.version)
                        ok = true;
                    for (const auto &x : rec.conflicts)
                        if (x.field == f && x.version == m.version)
                            ok = true;
                    for (size_t j = 0; j < ms.size() && !ok; ++j) {
                        if (j == i)
                            continue;
                        auto b = ms[j].base.find(f);
                        if (b != ms[j].base.end() && b->second == m.version)
                            ok = true;
                        // The same device wrote again later: it saw its own value.
                        if (j > i && m.version.node != 0 && ms[j].version.node == m.version.node &&
                            (ms[j].fields.contains(f) || b != ms[j].base.end()))
                            ok = true;
                        if (ms[j].op == cx::Op::Resolve && ms[j].fields.contains(f) &&
                            std::find(ms[j].settles.begin(), ms[j].settles.end(), m.version) != ms[j].settles.end())
                            ok = true;
                    }
                    for (size_t j = 0; j < ms.size() && !ok; ++j)
                        if (j != i && ms[j].fields.contains(f) && ms[j].fields[f] == m.fields[f] && accounted(j, f))
                            ok = true;
                    // A deletion applied after it: once a record is deleted (no
                    // deletion conflict pending) the server keeps only its
                    // tombstone (issue 13: a deleted pupil's values do not outlive
                    // the deletion), so what the record held then, conflicts too,
                    // went with the deletion a person made.
                    for (size_t j = i + 1; j < ms.size() && !ok && f != cx::kDeletedField; ++j)
                        if (ms[j].op == cx::Op::Delete ||
                            (ms[j].fields.contains(cx::kDeletedField) && ms[j].fields[cx::kDeletedField] == true))
                            ok = true;
                    // An edit that had not seen a deletion kept the record: the merge
                    // wrote "_deleted": false under that edit's version, a value no
                    // mutation names in its fields. An equal "keep" (a person settling
                    // a deletion) is accounted while that value is current or kept as
                    // a conflict, as for the equal values written explicitly above.
                    if (!ok && f == cx::kDeletedField && m.fields[f] == false) {
                        for (size_t j = 0; j < ms.size() && !ok; ++j) {
                            if (j == i || ms[j].op == cx::Op::Delete || ms[j].fields.contains(f))
                                continue;
                            if (cur != rec.versions.end() && cur->second == ms[j].version && rec.fields.contains(f) &&
                                rec.fields[f] == false)
                                ok = true;
                            for (const auto &x : rec.conflicts)
                                if (x.field == f && x.version == ms[j].version && x.value == false)
                                    ok = true;
                        }
                    }
                    state = ok ? 2 : 3;
                    return ok;
                };
                for (size_t i = 0; i < ms.size(); ++i)
                    for (auto it = ms[i].fields.begin(); it != ms[i].fields.end(); ++it)
                        if (!accounted(i, it.key()))
                            fail(c + "/" + rec.id + ": the value " + it.value().dump() + " of \"" + it.key() + "\" (" +
                                 ms[i].version.toString() + ") vanished without anybody seeing it; record " +
                                 rec.toJson().dump());
            }
        }
    }
    // A device never conflicts with itself: its later edit saw its earlier one.
    for (const auto &school : schools)
        for (const auto &c : collections())
            for (const auto &rec : m_store->recordsOf(c, school))
                for (const auto &x : rec.conflicts) {
                    auto cur = rec.versions.find(x.field);
                    if (cur != rec.versions.end() && cur->second.node == x.version.node && x.version.node != 0 &&
                        x.field != cx::kDeletedField)
                        fail(c + "/" + rec.id + ": a device conflicts with itself on \"" + x.field +
                             "\": " + rec.toJson().dump());
                }
    // A value and a conflict of the same field never share a version: a
    // version is one write of one value by one author.
    for (const auto &school : schools)
        for (const auto &c : collections())
            for (const auto &rec : m_store->recordsOf(c, school))
                for (const auto &x : rec.conflicts) {
                    auto cur = rec.versions.find(x.field);
                    if (cur != rec.versions.end() && cur->second == x.version)
                        fail(c + "/" + rec.id + ": the value of \"" + x.field + "\" and its conflict share the version " +
                             x.version.toString() + ": " + rec.toJson().dump());
                }
    for (const auto &[key, count] : applied)
        if (count > 1)
            fail("mutation " + std::to_string(key.second) + " of device " + key.first + " applied " + std::to_string(count) +
                 " times");
    for (const auto &l : m_ledger) {
        bool rejected = !m_store->rejections(l.deviceId, l.n, l.n).empty();
        bool in = applied.count({l.deviceId, l.n}) > 0;
        std::string what =
            "dev" + std::to_string(l.device) + " change " + std::to_string(l.n) + " on " + l.collection + "/" + l.id;
        if (l.expectRejected && !rejected)
            fail(what + " was outside its scope but not rejected");
        // An edit that reached the server after the record's deletion (and had
        // seen it) would keep none of its values in the tombstone: the server
        // refuses it, and the person sees the change as refused. Expected when
        // the record carries that deletion.
        if (rejected && !l.expectRejected) {
            const std::string reason = m_store->rejections(l.deviceId, l.n, l.n)[0].reason;
            auto rec = m_store->record(l.collection, l.id);
            bool deletion = rec && rec->versions.count(cx::kDeletedField);
            if (rec)
                for (const auto &x : rec->conflicts)
                    deletion = deletion || x.field == cx::kDeletedField;
            if (reason.rfind("this record was deleted", 0) == 0 && deletion)
                continue;
        }
        if (!l.expectRejected && rejected)
            fail(what + " was rejected: " + m_store->rejections(l.deviceId, l.n, l.n)[0].reason);
        if (!l.expectRejected && !in && !l.isDelete)
            fail(what + " is missing from the server");
    }
    return v;
}

} // namespace sim
