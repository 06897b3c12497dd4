#pragma once
// Progress: home visits and inspections done against what was planned, in one
// period (a month, term or school year), for the county, each township, each
// inspector and each teacher: the statistics page's "done vs planned" chart and
// table, its export, and `cunxiao-cli progress` (docs/bureau.md, "Done vs
// planned").
//
// Inspections: the assignments due inside the period, not cancelled, in the
// states assignmentRows gives them (planned = all of them; done; overdue =
// past due and not done). Home visits: the targets whose period overlaps it,
// with the visits visitTargetRows counts for each (planned = the targets'
// sum; done = the visits, each target's capped at its count so one teacher's
// extra visits do not hide another's shortfall; met = targets reached).
#include "bureau/CountyData.h"

#include <map>
#include <string>
#include <vector>

namespace cx::bureau {

struct PlanTally {
    int planned = 0, done = 0, overdue = 0; // overdue: inspections only
    int met = 0, targets = 0;               // home visits only: targets reached / set
    Json toJson() const;
};

struct InspectorProgress {
    std::string inspector, township; // the township of most of its assignments
    PlanTally tally;
};

struct TeacherProgress {
    std::string teacher, teacherName, school, schoolName, township;
    PlanTally tally; // over its targets in the period
};

struct ProgressReport {
    Period period;
    std::vector<std::string> townships; // every township of the county, sorted
    PlanTally inspections, visits;      // the county
    std::map<std::string, PlanTally> inspectionsByTownship, visitsByTownship;
    std::vector<InspectorProgress> inspectors; // by account
    std::vector<TeacherProgress> teachers;     // by township, school, account
    Json toJson() const;
};

// The period a key names (month "2026-12", term "2026-autumn", school year
// "2026-2027"); "" = the term holding `today`. Throws cx::Error(Invalid) for
// another key.
Period progressPeriod(const std::string &key, Day today);

ProgressReport progress(RecordQuery &q, const Period &period, Day today);

} // namespace cx::bureau
