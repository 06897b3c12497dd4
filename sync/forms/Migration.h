#pragma once
// migrateAnswers: carries a draft's answers to a new version of its form by
// field name; what no longer fits is returned as orphans, never dropped.
#include "forms/FormDefinition.h"

namespace cx::forms {

struct MigrationResult {
    cx::Json answers = cx::Json::object(); // answers that fit the new version
    // Answers with no place in the new version, keyed by their old path
    // ("old_field", "classes[1].old_field"): fields removed, moved in or out of
    // a repeat, or whose old answer does not fit the field's new type.
    cx::Json orphans = cx::Json::object();
};

// `previousOrphans` (from an earlier migration of the same draft) are carried
// too: an orphan whose top-level field exists again, unanswered, is restored.
MigrationResult migrateAnswers(const cx::Json &oldAnswers, const FormDefinition &newDefinition,
                               const cx::Json &previousOrphans = cx::Json::object());

} // namespace cx::forms
