#pragma once
// A generated demo county: schools of each kind in up to three townships, accounts of
// every role with known passwords, rosters of pupils and teachers in Chinese,
// the form definitions of a directory published as "forms" records, and two
// school years of enrolment returns (admin/DemoReturns.h) for the bureau's pages.
#include "storage/Store.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace cx::server {

struct DemoOptions {
    int schools = 20;         // dealt to up to three townships, six or more each
    int pupils = 120;         // per school
    std::string formsDir;     // "" or missing: no forms
    uint64_t seed = 20240901; // same seed, same county
};

// Fills `store` (an initialised data directory's store) and prints the
// accounts and passwords to `out`. Safe to run twice: records are merged again.
void generateDemo(Store &store, const DemoOptions &opt, int64_t nowMs, std::ostream &out);

} // namespace cx::server
