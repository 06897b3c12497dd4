#pragma once
// The demo county's statistical returns (enrolment_return): two school years,
// the current one and the one before, as a county bureau sees them in
// December: most schools on time, some late, some missing this year; most
// accepted, some waiting for review, one returned with the bureau's comment
// and its correction waiting, one count that moved enough to be flagged.
// Answers are computed by the form's own session (forms/FormSession), so every
// rate and count passes the server's checks.
//
// It makes records, not writes: the server's `demo` stores them
// (server/admin/Demo.cpp) and the app's offline demo of the bureau's pages
// puts them in its replica (app/core/DemoCounty.cpp).
#include "forms/Periods.h"
#include "protocol/Json.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cx::demo {

struct DemoRecord {
    std::string collection, id, school;
    Json fields;
    std::string by; // the account that made it ("" = the demo itself)
};

struct DemoReturnSchool {
    std::string code;
    std::string kind; // 中心学校, 初级中学, 村完小, 教学点
    int pupils = 0;
    int grades = 6;
    std::vector<std::string> pupilIds; // for the dropout cases
};

// The returns of `definition` (enrolment_return) for the school year holding
// `today` and the one before, oldest first. Throws cx::Error(Invalid) naming
// the school and field if a generated return does not pass its form.
std::vector<DemoRecord> demoReturns(const Json &definition, const std::vector<DemoReturnSchool> &schools, uint64_t seed,
                                    forms::Day today);

} // namespace cx::demo
