#pragma once
// Small helpers the server's validators share (FormsValidator.cpp,
// PlanValidator.cpp): a record's text field and a refusal with its reason.
#include "protocol/Messages.h"
#include "protocol/Record.h"

#include <string>

namespace cx::server {

// The string in `field`, or "" when it is missing or not a string.
inline std::string textField(const cx::RecordState &r, const char *field)
{
    auto it = r.fields.find(field);
    return it != r.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A refusal of the mutation (its `n` filled in by the caller), with reasons per field when given.
inline cx::Rejection refuse(const std::string &reason, cx::Json fields = cx::Json::object())
{
    return cx::Rejection{0, reason, std::move(fields)};
}

} // namespace cx::server
