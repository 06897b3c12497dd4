#pragma once
// Assignments: the bureau's planned inspections and a school head's home-visit
// targets, as the bureau's page, the inspector's and teacher's Home and
// cunxiao-cli read them (docs/bureau.md, "Assignments and targets").
//
// An assignment ("assignments", in the school's scope, so the bureau's, the
// inspector's and the school's devices all hold it) is
//   done       when an inspection ("inspections", status "done") names it
//              (field "assignment": the inspector started it from the to-do),
//              or, for an inspection that names no assignment, one of that
//              school marked done by that inspector on or after the day the
//              assignment was made (each such inspection completes one
//              assignment, the one due first); or when the bureau marked it
//              done by hand (status "done": inspected on paper);
//   cancelled  when the bureau cancelled it;
//   overdue    when not done and its due day has passed;
//   planned    otherwise.
// A target ("visit_targets") counts the home visits of its teacher in its
// period: visits dated inside the period that the teacher's account logged
// (it set the visit's date) or whose visitors name the teacher.
#include "bureau/CountyData.h"

#include <string>
#include <vector>

namespace cx {
class Engine;
}

namespace cx::bureau {

struct AssignmentRow {
    std::string id, school, schoolName, township, inspector, form, formTitle, note;
    std::string due, assignedOn;
    std::string state;                 // planned | done | overdue | cancelled
    std::string inspection, doneOn;    // the inspection that completed it, and its day
    bool markedByHand = false;         // the bureau marked it done
    int daysLeft = 0;                  // due - today (negative when overdue)
    Json toJson() const;
};

struct AssignmentFilter {
    std::string state;       // "" = all but cancelled; planned | done | overdue | cancelled | open (planned or overdue) | all
    std::string inspector, township, school;
};

// Whether a row in `state` passes the filter's state ("", open, all or a state).
bool stateMatches(const std::string &filter, const std::string &state);

struct AssignmentTally {
    int planned = 0, done = 0, overdue = 0, cancelled = 0;
    Json toJson() const;
};

// Overdue first, then planned (due first), done (latest due first), cancelled.
// The tally counts the rows the filter keeps, whatever their state.
std::vector<AssignmentRow> assignmentRows(RecordQuery &q, const AssignmentFilter &f, Day today);
AssignmentTally tallyOf(const std::vector<AssignmentRow> &rows);

struct NewAssignment {
    std::string school, inspector, due, form, note;
};
// Plans an inspection from this device (the bureau's); returns its id. Throws
// cx::Error(Invalid) naming what is wrong (forms/Plans.h rules; an unknown
// school or form), before anything is written.
std::string planInspection(Engine &e, RecordQuery &q, const NewAssignment &a, Day today);
// Cancels, or marks done by hand; Invalid when it is already in that state, NotFound for an unknown id.
void cancelAssignment(Engine &e, const std::string &id);
void markAssignmentDone(Engine &e, const std::string &id, const std::string &note);

struct TargetRow {
    std::string id, school, schoolName, teacher, teacherName, period, note;
    std::string first, last;   // the period's days
    int target = 0, done = 0;
    bool met() const { return done >= target; }
    bool over = false;         // the period has ended
    Json toJson() const;
};
// Every target (of one school / teacher when given), the current periods first.
std::vector<TargetRow> visitTargetRows(RecordQuery &q, Day today, const std::string &school = {},
                                       const std::string &teacher = {});

struct NewTarget {
    std::string school, teacher, teacherName, period, note;
    int count = 0;
};
// Sets a teacher's target for a period (replacing that teacher's target for the
// same period, so a head's second thought is an edit, not a duplicate).
std::string setVisitTarget(Engine &e, RecordQuery &q, const NewTarget &t);

} // namespace cx::bureau
