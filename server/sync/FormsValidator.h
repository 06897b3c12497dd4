#pragma once
// The bureau's rules for forms and submissions, checked on every mutation of
// collections "forms" and "submissions" (see docs/forms.md, "Life of a form"):
//   - a form definition that does not parse is refused; the previous stays;
//   - a published version is never overwritten: forms/<id> only moves to a
//     higher version (or is re-sent unchanged), form_versions/<id>.vN never
//     changes its definition, and the id suffix, fields.version and
//     definition.version agree (a bureau device that had not synced
//     publishes "its" next version: refused, sync and publish again);
//   - a submission sent with status "submitted" must pass validateSubmission,
//     the same engine the device runs, or it is refused with reasons per field;
//   - once submitted, a submission's answers never change: a correction is a
//     new submission that names the one it corrects and why;
//   - only bureau staff accept or return a submitted one (returned needs a
//     comment); an accepted one is locked.
//   - assignments and visit targets: server/sync/PlanValidator.h.
#include "sync/Validator.h"
#include "storage/Store.h"

namespace cx::server {

class FormsValidator final : public Validator
{
public:
    std::optional<cx::Rejection> check(Store &store, const std::optional<cx::RecordState> &before, const cx::RecordState &after,
                                       const cx::Mutation &m, const DeviceSession &who) const override;

private:
    std::optional<cx::Rejection> checkForm(const std::optional<cx::RecordState> &before, const cx::RecordState &after,
                                           const cx::Mutation &m) const;
    std::optional<cx::Rejection> checkSubmission(Store &store, const std::optional<cx::RecordState> &before,
                                                 const cx::RecordState &after, const cx::Mutation &m,
                                                 const DeviceSession &who) const;
};

// The definition of form `id` at `version`: the current one, or an earlier one
// kept in collection "form_versions" as "<id>.v<version>".
std::optional<cx::Json> formDefinition(Store &store, const std::string &id, int64_t version);

} // namespace cx::server
