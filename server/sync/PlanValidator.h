#pragma once
// The server's rules for the bureau's inspection assignments ("assignments")
// and a school head's home-visit targets ("visit_targets"), checked on every
// mutation of them (docs/bureau.md, "Assignments and targets"):
//   - only bureau accounts create, change or cancel an assignment; only a head
//     (of the school, which the scope check already ensures) or the bureau sets
//     a target;
//   - the fields follow forms/Plans.h (required fields, a valid due date, a
//     period that is a month, term or school year);
//   - the named inspector is an inspector (or bureau) account that covers the
//     school, so the assignment reaches their phone; the named teacher is a
//     teacher or head of the school (checked for a new record or when the
//     change names them, so the bureau still closes one whose inspector left);
//   - an inspection ("inspections") is marked done (status "done") or linked
//     to an assignment ("assignment") only by an inspector of the school or
//     the bureau, since that completes an assignment.
// Deleting one is a change like any other: the same role rule, no field rules.
#include "sync/Validator.h"

namespace cx::server {

// nullopt for any other collection.
std::optional<cx::Rejection> checkPlan(Store &store, const std::optional<cx::RecordState> &before, const cx::RecordState &after,
                                       const cx::Mutation &m, const DeviceSession &who);

} // namespace cx::server
