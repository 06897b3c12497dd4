#pragma once
// One school's rosters and visits as rich as real county data, from a fixed
// seed: pupils with Chinese names, ID card numbers, guardians, villages and
// optional answers left out the way heads leave them out; teachers; home
// visits with free-text findings; inspections. The field names and values are
// those of the county's forms (forms/county/*.json).
//
// Used by bench_wire (issue 15: the information limit of a sync is what these
// records hold under `zstd -19 --long`, docs/village.md), so that the wire is
// measured on data that is not shaped like the engine's own.
#include "demo/DemoReturns.h" // DemoRecord

#include <cstdint>
#include <string>
#include <vector>

namespace cx::demo {

struct RosterSize {
    int pupils = 500;
    int teachersPer100Pupils = 5;
    int visitsPerPupil = 2;
    int inspections = 6;
};

// Records of `school` (a school code such as "532301001"), ids given (UUID-shaped,
// derived from the seed, so two runs make the same bytes).
std::vector<DemoRecord> demoRoster(const std::string &school, const RosterSize &size, uint64_t seed);

// The records as canonical JSON Lines: {"c","id","school","f"} with keys sorted,
// one per line: what an ideal encoder has to transmit.
std::string canonicalJsonLines(const std::vector<DemoRecord> &records);

} // namespace cx::demo
