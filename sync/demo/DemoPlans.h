#pragma once
// The demo county's inspection assignments and home-visit targets (issue 14
// point 4, docs/bureau.md "Assignments and targets"): an inspector per
// township covering its schools, and per inspector inspections done (each
// names its assignment), inspections planned, and in the first township one
// overdue; the first school's teacher (li.na) and the other schools' teachers
// with a target of home visits this month and the visits they made so far,
// some met, some behind.
//
// Records, not writes: the server's `demo` stores them (server/admin/Demo.cpp,
// and adds the inspectors' accounts) and the app's offline demo of the bureau's
// pages puts them in its replica (app/core/DemoCounty.cpp).
#include "demo/DemoReturns.h"
#include "demo/DemoSchools.h"

#include <string>
#include <vector>

namespace cx::demo {

struct DemoInspector {
    std::string user, name, township;
    std::vector<std::string> schools;
};
// One inspector per township, covering its schools.
std::vector<DemoInspector> demoInspectors(const std::vector<DemoSchool> &schools);

// The teacher account whose visits a school's target counts: li.na at the
// first school (the docs' teacher), teacher.<code> elsewhere.
std::string demoTeacher(const std::vector<DemoSchool> &schools, size_t index);
// A school's head account: zhang.wei at the first school, head.<code> elsewhere.
std::string demoHead(const std::vector<DemoSchool> &schools, size_t index);

// Assignments, the inspections that completed some, visit targets and home
// visits, around `today`. `DemoRecord::by` names the account that made each.
std::vector<DemoRecord> demoPlans(const std::vector<DemoSchool> &schools, forms::Day today);

} // namespace cx::demo
