#pragma once
// Statistics: what a form's returns add up to, for the county and each
// township, in one period, and how the county totals moved over the last
// periods. Counts (integer answers) are summed; a calculated rate is
// recomputed by the form's own formula over those sums (the county's
// enrolment rate is total enrolled / total population, not a mean of the
// schools' rates); other decimals are averaged. Choices (select_one, also
// inside repeats: dropouts by reason) are counted. Only each school's latest
// version counts, and returns sent back for correction do not.
#include "bureau/CountyData.h"

namespace cx::bureau {

struct FieldTotal {
    std::string name, labelZh, labelEn;
    std::string how; // sum | rate | mean
    double county = 0;
    std::map<std::string, double> townships;
    std::vector<double> trend; // the county value per trend period
};

struct ChoiceCount {
    std::string field, labelZh, labelEn;
    struct Option {
        std::string value, labelZh, labelEn;
        int count = 0;
    };
    std::vector<Option> options; // in the form's order
};

struct StatisticsReport {
    FormInfo form;
    Period period;
    int returns = 0;                       // counted: one a school
    std::vector<std::string> townships;    // sorted
    std::vector<std::string> trendPeriods; // oldest first, ending with `period`
    std::vector<FieldTotal> fields;        // numbers, in form order
    std::vector<ChoiceCount> choices;
    Json toJson() const;
};

// Throws cx::Error(NotFound) for an unknown form, (Invalid) for a form without
// periods or a key that is not one of its periods, or a definition that does
// not parse.
StatisticsReport statistics(RecordQuery &q, const std::string &formId, const std::string &periodKey, Day today,
                            int trendPeriods = 4);

} // namespace cx::bureau
