#pragma once
// CountyData: what the bureau's pages read from the replica, in one shape:
// schools (with township and contact), the forms that are filed per period,
// and the returns (submissions) of a form with the period each belongs to.
// Read through a RecordQuery (its own read-only connection), so reports never
// wait for a sync that is writing.
#include "forms/Periods.h"
#include "engine/RecordQuery.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cx::bureau {

using forms::Day;
using forms::dueDate;
using forms::formatDay;
using forms::isPeriodKind;
using forms::parseDay;
using forms::Period;
using forms::periodContaining;
using forms::periodNamed;
using forms::previousPeriod;
using forms::today;

std::string textOf(const Json &fields, const char *name); // "" when missing or null; numbers as text

struct SchoolInfo {
    std::string code, name, township, kind, head, phone;
    Json toJson() const;
};
// Every school of the replica, by code (the bureau's replica holds the county).
std::map<std::string, SchoolInfo> schoolsOf(RecordQuery &q);

struct FormInfo {
    std::string id;
    int version = 0;
    Json definition;
    std::string titleZh, titleEn;
    std::string periodKind;  // meta.period: school_year | term | month | ""
    std::string due;         // meta.due
    std::string periodField; // meta.period_field: an answer naming the period ("school_year")
    bool allSchools = true;
    std::set<std::string> schools;
    bool expects(const std::string &school) const { return allSchools || schools.count(school) > 0; }
    bool periodic() const { return isPeriodKind(periodKind); }
};
std::optional<FormInfo> formInfo(RecordQuery &q, const std::string &formId);
std::vector<FormInfo> formsOf(RecordQuery &q); // every form, by id

// A return the school sent (status submitted, accepted or returned; drafts
// are the school's own and never reach the bureau's pages).
struct Return {
    LocalRecord record;
    std::string status;        // submitted | accepted | returned
    std::string period;        // the period's key ("" for a form without periods)
    std::optional<Day> sentOn; // updated_at's day
    std::string corrects;      // the return this one corrects
    bool superseded = false;   // a later correction names it
};
// The returns of a form, oldest first; each knows its period and whether a
// correction replaced it.
std::vector<Return> returnsOf(RecordQuery &q, const FormInfo &form);
// The period a return belongs to: the answer meta.period_field names when it
// is a period key ("2025-2026"), else the period holding the day it was sent.
std::string periodOfReturn(const FormInfo &form, const LocalRecord &r);

} // namespace cx::bureau
