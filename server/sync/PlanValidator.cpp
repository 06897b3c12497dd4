#include "sync/PlanValidator.h"

#include "forms/Plans.h"

#include <algorithm>

namespace cx::server {

namespace {

std::string text(const RecordState &r, const char *field)
{
    auto it = r.fields.find(field);
    return it != r.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Rejection refuse(const std::string &reason) { return Rejection{0, reason, Json::object()}; }

bool covers(const Account &a, const std::string &school)
{
    return a.role == "bureau" || std::find(a.schools.begin(), a.schools.end(), school) != a.schools.end();
}

std::optional<Rejection> checkAssignment(Store &store, const RecordState &after, const DeviceSession &who)
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

std::optional<Rejection> checkTarget(Store &store, const RecordState &after, const DeviceSession &who)
{
    if (who.role != "head" && who.role != "bureau")
        return refuse("only a school head or the bureau sets home-visit targets; a " + who.role + " account cannot");
    if (after.deleted())
        return std::nullopt;
    if (std::string why = forms::visitTargetProblem(after.fields); !why.empty())
        return refuse(why);
    const std::string teacher = text(after, "teacher");
    auto acc = store.account(teacher);
    if (!acc || (acc->role != "teacher" && acc->role != "head") || !covers(*acc, after.school))
        return refuse(teacher + " is not a teacher account of school " + after.school);
    return std::nullopt;
}

} // namespace

std::optional<Rejection> checkPlan(Store &store, const RecordState &after, const Mutation &m, const DeviceSession &who)
{
    if (m.collection == "assignments")
        return checkAssignment(store, after, who);
    if (m.collection == "visit_targets")
        return checkTarget(store, after, who);
    return std::nullopt;
}

} // namespace cx::server
