#pragma once
// Parser: builds the syntax tree of an expression (precedence, arity of
// functions); throws ExpressionError with the position of the first problem.
#include "forms/Ast.h"

#include <memory>
#include <string_view>

namespace cx::forms {

std::unique_ptr<Node> parseExpressionTree(std::string_view source);

} // namespace cx::forms
