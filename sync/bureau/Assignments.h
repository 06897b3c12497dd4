#pragma once
// Assignments: the bureau's planned inspections and a school head's home-visit
// targets, as the bureau's page, the inspector's and teacher's Home and
// cunxiao-cli read them (docs/bureau.md, "Assignments and targets").
//
// An assignment ("assignments", in the school's scope, so the bureau's, the
// inspector's and the school's devices all hold it) is
//   done       when an inspection ("inspections", status "done") names it
//              (field "assignment": the inspector started it from the to-do)
//              and its status was set by the assignment's inspector or a
//              bureau account (one that wrote an assignment), or, for an
//              inspection that names no assignment, one of that school marked
//              done by that inspector on or after the day the assignment was
//              made (each such inspection completes one assignment: first one
//              the bureau marked done by hand on the inspection's day, else the
//              open one due first); or when a submission of its checklist form
//              in its school names it ("assignment"; a correction carries on
//              the assignment of the one it corrects), submitted or accepted,
//              its status set by the inspector or a bureau account; or when the
//              bureau marked it done by hand
//              (status "done": inspected on paper, with done_on and done_note);
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
    std::string doneNote; // the bureau's note when it marked it done by hand
    std::string due, assignedOn;
    std::string state;              // planned | done | overdue | cancelled
    std::string inspection, doneOn; // the inspection that completed it, and its day
    std::string report;             // what `inspection` is: "inspection" (a record) | "submission" (its checklist form) | ""
    std::string doneBy;             // the account that completed it (set the report's status, or marked it by hand)
    std::string reportInspectors;   // who the report says inspected (its "inspectors": names, as typed)
    bool markedByHand = false;      // the bureau marked it done
    int daysLeft = 0;               // due - today (negative when overdue)
    Json toJson() const;
};

struct AssignmentFilter {
    std::string state; // "" = all but cancelled; planned | done | overdue | cancelled | open (planned or overdue) | all
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
// Cancels, or marks done by hand (on `today`, the note in "done_note", the
// planner's "note" kept); only an open one (planned or overdue, as
// assignmentRows sees it on `today`): Invalid naming its state otherwise,
// NotFound for an unknown id.
void cancelAssignment(Engine &e, RecordQuery &q, const std::string &id, Day today);
void markAssignmentDone(Engine &e, RecordQuery &q, const std::string &id, const std::string &note, Day today);

struct TargetRow {
    std::string id, school, schoolName, teacher, teacherName, period, note;
    std::string refused;     // the server's reason when it refused the target (an account that is no teacher of the school)
    std::string first, last; // the period's days
    int target = 0, done = 0;
    bool met() const { return done >= target; }
    bool over = false; // the period has ended
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
// same period, so a head's second thought is an edit, not a duplicate). The
// record's id is targetId(school, teacher, period), so two devices setting the
// same target offline write the same record.
std::string setVisitTarget(Engine &e, RecordQuery &q, const NewTarget &t);
// The accounts a head can pick for a target in `school`, as far as this
// replica knows them: those that logged the school's home visits (not an
// account that planned or was sent to inspect) and those its targets name
// (not refused), with the name a target gave. Sorted by
// account. An account not here may still be a teacher of the school (the
// teachers roster holds names, not accounts; a new teacher has logged
// nothing yet): the server checks the one typed.
struct TeacherChoice {
    std::string account, name;
};
std::vector<TeacherChoice> teacherChoices(RecordQuery &q, const std::string &school);

// A UUID-shaped id (version 8, RFC 9562) from SHA-256 of school, teacher and period.
std::string targetId(const std::string &school, const std::string &teacher, const std::string &period);

} // namespace cx::bureau
