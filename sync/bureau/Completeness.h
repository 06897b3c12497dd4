#pragma once
// Completeness: DHIS2's reporting rate for a county. For a form filed once a
// period, each school the form is meant for is, in a period:
//   on_time   sent on or before the due date (the first version counts)
//   late      sent after it
//   missing   nothing sent, and the due date has passed
//   due       nothing sent yet, and the due date is still ahead
// with the state of its latest version (submitted, accepted, returned).
// Totals per township and for the county: expected, submitted, on time, late,
// missing. The app's page and `cunxiao-cli completeness` both call this.
#include "bureau/CountyData.h"

namespace cx::bureau {

struct CompletenessCell {
    SchoolInfo school;
    std::string state;      // on_time | late | missing | due
    std::string submission; // the latest version's id ("" when none)
    std::string status;     // submitted | accepted | returned ("" when none)
    std::string sentOn;     // the first version's day
    int versions = 0;
};

struct Tally {
    int expected = 0, submitted = 0, onTime = 0, late = 0, missing = 0, due = 0, accepted = 0, returned = 0;
    void add(const CompletenessCell &c);
    double rate() const { return expected ? double(submitted) / expected : 0; }
    double onTimeRate() const { return expected ? double(onTime) / expected : 0; }
    Json toJson() const;
};

struct CompletenessReport {
    FormInfo form;
    Period period;
    std::string dueOn;
    std::vector<CompletenessCell> schools; // by township, then school code
    std::map<std::string, Tally> townships;
    Tally county;
    Json toJson() const;
};

// periodKey empty: the period holding `today`. Throws cx::Error(NotFound) for
// an unknown form, (Invalid) for a form without periods or a key that is not one
// of its periods ("2025-2026" for school_year, "2025-autumn" for term, "2025-09").
CompletenessReport completeness(RecordQuery &q, const std::string &formId, const std::string &periodKey, Day today);

// The heat grid: the last `count` periods up to the one holding `today`
// (oldest first), and each school's state in each.
struct CompletenessGrid {
    FormInfo form;
    std::vector<Period> periods;
    std::vector<SchoolInfo> schools;
    std::vector<std::vector<std::string>> states; // [school][period]
};
CompletenessGrid completenessGrid(RecordQuery &q, const std::string &formId, int count, Day today);

} // namespace cx::bureau
