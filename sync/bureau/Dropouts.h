#pragma once
// Dropouts: the county's dropout cases (控辍保学), from the rosters and home
// visits the bureau's replica holds. A case is open while the pupil's roster
// entry says "left" (left school); it is closed (back at school) when a pupil
// who had a home visit about leaving school is back "in_school". An open case
// needs attention when nobody has visited the family for 30 days. Counted per
// township and for the county; the open cases are listed, longest without a
// visit first, so the bureau knows whom to call.
#include "bureau/CountyData.h"

namespace cx::bureau {

struct DropoutTally {
    int open = 0;      // pupils who left school
    int back = 0;      // back at school after a visit about leaving
    int unvisited = 0; // open, and no visit for 30 days (or never)
    Json toJson() const;
};

struct DropoutCase {
    std::string pupil, name, grade;
    SchoolInfo school;
    std::string lastVisit;   // "" when never visited
    int visits = 0;          // visits about leaving school
    int daysSinceVisit = -1; // -1: never
};

struct DropoutReport {
    DropoutTally county;
    std::map<std::string, DropoutTally> townships;
    std::vector<DropoutCase> open; // never visited first, then the longest without a visit
    Json toJson() const;
};

constexpr int kDropoutVisitDays = 30;

DropoutReport dropouts(RecordQuery &q, Day today);

} // namespace cx::bureau
