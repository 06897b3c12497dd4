#pragma once
// A hook that checks a record as it would be after a mutation. The forms
// engine plugs in here to validate collection "submissions" whose status is
// "submitted"; the default accepts everything.
#include "protocol/Messages.h"
#include "protocol/Record.h"

#include <optional>

namespace cx::server {

class Validator {
public:
    virtual ~Validator() = default;
    // A rejection (its `n` is filled in by the caller) refuses the mutation.
    virtual std::optional<cx::Rejection> check(const cx::RecordState &after, const cx::Mutation &m) const = 0;
};

class AcceptAll final : public Validator {
public:
    std::optional<cx::Rejection> check(const cx::RecordState &, const cx::Mutation &) const override
    {
        return std::nullopt;
    }
};

} // namespace cx::server
