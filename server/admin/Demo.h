#pragma once
// A generated demo county: schools of each kind in one township, accounts of
// every role with known passwords, rosters of pupils and teachers in Chinese,
// and the form definitions of a directory published as "forms" records.
#include "storage/Store.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace cx::server {

struct DemoOptions {
    int schools = 6;
    int pupils = 120;          // per school
    std::string formsDir;      // "" or missing: no forms
    uint64_t seed = 20240901;  // same seed, same county
};

// Fills `store` (an initialised data directory's store) and prints the
// accounts and passwords to `out`. Safe to run twice: records are merged again.
void generateDemo(Store &store, const DemoOptions &opt, int64_t nowMs, std::ostream &out);

} // namespace cx::server
