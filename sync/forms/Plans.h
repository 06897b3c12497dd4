#pragma once
// Plans: the rules of the bureau's inspection assignments (collection
// "assignments") and a head's home-visit targets ("visit_targets"), field by
// field, shared by the device (the bureau's page and cunxiao-cli refuse before
// writing) and the server (server/sync/PlanValidator.cpp refuses what a device
// sends anyway). Who may write them is the server's check; docs/bureau.md
// "Assignments and targets".
//
//   assignments    school, inspector, due (YYYY-MM-DD), form (the checklist),
//                  assigned_on (YYYY-MM-DD, not after due), status planned |
//                  done (marked by hand) | cancelled; note (the planner's),
//                  school_name, done_on and done_note (marked by hand) optional
//   visit_targets  teacher (account), count (1..500), period (a month
//                  "2026-12", a term "2026-autumn" or a school year
//                  "2026-2027"); teacher_name, note optional
#include "forms/Periods.h"
#include "protocol/Json.h"

#include <optional>
#include <string>

namespace cx::forms {

// Why these fields are not a valid assignment / target, or "" when they are.
std::string assignmentProblem(const Json &fields);
std::string visitTargetProblem(const Json &fields);

// The period a target's key names (month, term or school year), if any.
std::optional<Period> targetPeriod(const std::string &key);

} // namespace cx::forms
