#pragma once
// Functions: the table of built-in functions (name, arity) and the evaluation
// of those whose arguments are all evaluated first.
#include "forms/Value.h"

#include <string_view>
#include <vector>

namespace cx::forms {

enum class Fn {
    If,
    Coalesce,
    Empty,
    Count,
    Sum,
    Min,
    Max,
    Avg,
    Round,
    Int,
    Floor,
    Ceil,
    Abs,
    CountValue,
    StringLength,
    Concat,
    Contains,
    StartsWith,
    EndsWith,
    Regex,
    Selected,
    CountSelected,
    Today,
    Now,
    DateAdd,
    DateDiff,
    Age,
    Year,
    Number,
    String,
    Row,
    True,
    False,
};

struct FunctionInfo {
    const char *name;
    Fn fn;
    int minArgs;
    int maxArgs; // -1: any number
    const char *usage;
};

const FunctionInfo *findFunction(std::string_view name);
const std::vector<FunctionInfo> &allFunctions();

// Evaluates a function whose arguments are already computed (not if/coalesce/
// regex/row/now, which the evaluator handles itself). Never throws: bad input gives null.
Value applyFunction(Fn fn, const std::vector<Value> &args, long today);

} // namespace cx::forms
