#pragma once
// Ast: the parsed form of an expression; built once by the parser, resolved
// against the form by the binder, then evaluated many times.
#include "forms/Functions.h"
#include "forms/Value.h"

#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace cx::forms {

enum class NodeKind {
    Literal,    // number, text, true/false/null
    Self,       // .  (the field's own value)
    Ref,        // ${name} before binding
    Field,      // ${name}: a top-level field, or a field of the current repeat row
    Column,     // ${repeat/name}: that field in every row of the repeat (a list)
    Rows,       // ${repeat}: one entry per row (count(${repeat}) is the row count)
    RecordProp, // bare name in an options filter: a property of the candidate record/option
    Neg,
    Not,
    And,
    Or,
    Compare,
    Arith,
    Call,
};

enum class Op { Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod };

struct Node {
    NodeKind kind = NodeKind::Literal;
    Op op = Op::Eq;
    Fn fn = Fn::If;
    Value literal;
    std::string name;  // reference or property name as written
    int field = -1;    // bound field index
    int repeat = -1;   // bound repeat index (Column, Rows)
    size_t offset = 0; // byte offset in the source
    std::vector<std::unique_ptr<Node>> args;
    std::shared_ptr<const std::regex> regex; // regex(., 'pattern'): compiled once
};

} // namespace cx::forms
