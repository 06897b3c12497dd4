// Fuzz target: the merge rule. The input is JSON: {"record": RecordState (optional),
// "mutations": [Mutation...]} (or just the array). Every mutation that decodes is
// applied with cx::applyMutation. Asserted after every step:
//   - conflicts sorted by (field, version), no (field, version) twice (when the
//     starting record had none twice);
//   - applying the same mutation again changes nothing (a retried push);
//   - the record round-trips through its wire form.
#include "protocol/Errors.h"
#include "protocol/Merge.h"
#include "protocol/Messages.h"
#include "protocol/Record.h"

#include <cstdint>
#include <cstdlib>
#include <algorithm>
#include <cstdio>
#include <tuple>
#include <string>

namespace {
void check(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "merge invariant broken: %s\n", what);
        std::abort();
    }
}

bool sortedUnique(const cx::RecordState &r)
{
    for (size_t i = 1; i < r.conflicts.size(); ++i) {
        const auto &a = r.conflicts[i - 1], &b = r.conflicts[i];
        if (!(std::tie(a.field, a.version) < std::tie(b.field, b.version)))
            return false;
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cx::Json j;
    try {
        j = cx::parseJson(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz input");
    } catch (const cx::Error &) {
        return 0;
    }
    cx::RecordState rec;
    rec.collection = "pupils";
    rec.id = "r1";
    rec.school = "S1";
    const cx::Json *mutations = &j;
    if (j.is_object()) {
        if (auto r = j.find("record"); r != j.end()) {
            try {
                rec = cx::RecordState::fromJson(*r);
            } catch (const cx::Error &) {
                return 0;
            }
        }
        auto m = j.find("mutations");
        if (m == j.end())
            return 0;
        mutations = &*m;
    }
    if (!mutations->is_array())
        return 0;
    const bool startedClean = sortedUnique(rec);
    int i = 0;
    for (const auto &mj : *mutations) {
        cx::Mutation m;
        try {
            m = cx::Mutation::fromJson(mj);
        } catch (const cx::Error &) {
            continue;
        }
        std::string author = "user" + std::to_string(i++ % 3);
        cx::applyMutation(rec, m, author);
        check(std::is_sorted(rec.conflicts.begin(), rec.conflicts.end(),
                             [](const cx::Conflict &a, const cx::Conflict &b) {
                                 return std::tie(a.field, a.version) < std::tie(b.field, b.version);
                             }),
              "conflicts sorted");
        if (startedClean)
            check(sortedUnique(rec), "no (field, version) conflict twice");
        cx::RecordState once = rec;
        cx::applyMutation(rec, m, author);
        check(rec == once, "applying a mutation twice changes nothing");
        check(cx::RecordState::fromJson(rec.toJson()) == rec, "round trip");
    }
    return 0;
}
