#include "sync/PlanValidator.h"

#include "sync/ValidatorHelpers.h"

#include "forms/Plans.h"

#include <algorithm>

namespace cx::server {

namespace {

const auto &text = textField;

// Whether the mutation sets one of these fields (a new record sets them all).
bool touches(const std::optional<RecordState> &before, const Mutation &m, std::initializer_list<const char *> fields)
{
    if (!before || before->deleted())
        return true;
    for (const char *f : fields)
        if (m.fields.contains(f))
            return true;
    return false;
}

bool covers(const Account &a, const std::string &school)
{
    return a.role == "bureau" || std::find(a.schools.begin(), a.schools.end(), school) != a.schools.end();
}

std::optional<Rejection> checkAssignment(Store &store, const std::optional<RecordState> &before, const RecordState &after,
                                         const Mutation &m, const DeviceSession &who)
{
    if (who.role != "bureau")
        return refuse("only the bureau plans inspections; a " + who.role +
                      " account cannot create, change or cancel an assignment");
    if (after.deleted())
        return std::nullopt;
    if (std::string why = forms::assignmentProblem(after.fields); !why.empty())
        return refuse(why);
    const std::string school = text(after, "school");
    if (school != after.school)
        return refuse("the assignment names school " + school + " but is filed under school " + after.school);
    // The inspector is checked when named (a new assignment, or a change of
    // inspector or school): the bureau still cancels or closes one whose
    // inspector has left since.
    if (!touches(before, m, {"inspector", "school"}))
        return std::nullopt;
    const std::string inspector = text(after, "inspector");
    auto acc = store.account(inspector);
    if (!acc)
        return refuse("there is no account named " + inspector + " to inspect school " + school);
    if (acc->role != "inspector" && acc->role != "bureau")
        return refuse(inspector + " is a " + acc->role + " account, not an inspector");
    if (acc->revoked)
        return refuse("the account " + inspector + " is revoked");
    if (!covers(*acc, school))
        return refuse("inspector " + inspector + " does not cover school " + school +
                      ", so the assignment would never reach their phone; add the school to the account first");
    return std::nullopt;
}

std::optional<Rejection> checkTarget(Store &store, const std::optional<RecordState> &before, const RecordState &after,
                                     const Mutation &m, const DeviceSession &who)
{
    if (who.role != "head" && who.role != "bureau")
        return refuse("only a school head or the bureau sets home-visit targets; a " + who.role + " account cannot");
    if (after.deleted())
        return std::nullopt;
    if (std::string why = forms::visitTargetProblem(after.fields); !why.empty())
        return refuse(why);
    if (!touches(before, m, {"teacher", "school"}))
        return std::nullopt; // the teacher was checked when named
    const std::string teacher = text(after, "teacher");
    auto acc = store.account(teacher);
    if (!acc || (acc->role != "teacher" && acc->role != "head") || !covers(*acc, after.school))
        return refuse(teacher + " is not a teacher account of school " + after.school);
    return std::nullopt;
}

// An inspection that names an assignment completes it when done
// (sync/bureau/Assignments.h): only an inspector of the school or the bureau
// links one, or marks a linked one done. A head's own check of the school
// (an inspection naming no assignment) stays the head's to finish; devices
// count such an inspection towards an assignment only when its inspector
// marked it done.
std::optional<Rejection> checkInspection(const RecordState &after, const Mutation &m, const DeviceSession &who)
{
    const bool linked = !text(after, "assignment").empty();
    const bool setsDone = linked && m.fields.contains("status") && text(after, "status") == "done";
    const bool setsAssignment = m.fields.contains("assignment");
    if (!setsDone && !setsAssignment)
        return std::nullopt;
    if (who.role == "bureau")
        return std::nullopt;
    if (who.role == "inspector" && std::find(who.schools.begin(), who.schools.end(), after.school) != who.schools.end())
        return std::nullopt;
    return refuse(std::string("only an inspector of school ") + after.school + " or the bureau " +
                  (setsDone ? "marks an inspection done" : "links an inspection to an assignment") + "; a " + who.role +
                  " account cannot");
}

} // namespace

std::optional<Rejection> checkPlan(Store &store, const std::optional<RecordState> &before, const RecordState &after,
                                   const Mutation &m, const DeviceSession &who)
{
    if (m.collection == "assignments")
        return checkAssignment(store, before, after, m, who);
    if (m.collection == "visit_targets")
        return checkTarget(store, before, after, m, who);
    if (m.collection == "inspections")
        return checkInspection(after, m, who);
    return std::nullopt;
}

} // namespace cx::server
