#pragma once
// AnswerTypes: what a stored answer must look like for each field type, and how
// an answer reads inside expressions. Shared by sessions, validation, migration.
#include "forms/Field.h"
#include "forms/LocalText.h"
#include "forms/Value.h"

#include <optional>

namespace cx::forms {

// True for a missing answer: null, "", [] or {}.
bool isEmptyAnswer(const cx::Json &answer);

// Why `answer` (non-empty) is not a valid answer of the field's type, or nullopt.
// Checks shape only (a number for integer, "YYYY-MM-DD" for date, ...); option
// membership and constraints are checked by the validator.
std::optional<LocalText> answerTypeProblem(const Field &field, const cx::Json &answer);

// The answer as an expression value: numbers, text, lists for select_many and
// several photos, "lat lon" for a geopoint; empty answers are null.
Value answerValue(const Field &field, const cx::Json &answer);

// A computed value as the answer stored for the field (integer fields get integers).
cx::Json valueAsAnswer(const Field &field, const Value &v);

} // namespace cx::forms
