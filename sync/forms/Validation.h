#pragma once
// validateSubmission: the one check the server runs when a submission arrives
// (status "submitted"); the device runs the same code before sending.
#include "forms/FormDefinition.h"
#include "forms/Issue.h"

#include <optional>
#include <vector>

namespace cx::forms {

// Every reason the answers break the form, per field; empty when acceptable.
// Beyond what a FormSession reports it also flags answers to fields the form
// does not have ("unknown") and calculated values that differ from the form's
// own calculation ("calculation"; skipped for calculations that use today()).
// `records` (optional, not owned) lets record choices be checked: without a
// `find` function, answers to select fields "from" records are not verified.
// `today` (a day number, see parseDate) defaults to the local date.
std::vector<Issue> validateSubmission(const FormDefinition &definition, const cx::Json &answers,
                                      const RecordSource *records = nullptr, std::optional<long> today = std::nullopt);

} // namespace cx::forms
