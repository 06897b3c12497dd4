#pragma once
// ExpressionError: a malformed or unbindable expression, with the 1-based
// character position and what was expected there.
#include "protocol/Errors.h"

#include <string>

namespace cx::forms {

class ExpressionError : public cx::Error
{
public:
    ExpressionError(size_t position, std::string problem)
        : cx::Error(cx::ErrorKind::Invalid, "position " + std::to_string(position) + ": " + problem), m_position(position),
          m_problem(std::move(problem))
    {}
    size_t position() const { return m_position; } // 1-based, in characters
    const std::string &problem() const { return m_problem; }

private:
    size_t m_position;
    std::string m_problem;
};

} // namespace cx::forms
