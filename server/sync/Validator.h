#pragma once
// A hook that checks a record as it would be after a mutation. The forms
// engine plugs in here to validate collection "submissions" whose status is
// "submitted"; the default accepts everything.
#include "auth/Auth.h"
#include "protocol/Messages.h"
#include "protocol/Record.h"
#include "storage/Store.h"

#include <optional>

namespace cx::server {

class Validator
{
public:
    virtual ~Validator() = default;
    // A rejection (its `n` is filled in by the caller) refuses the mutation.
    // `before`: the record as the server held it (none for a new record);
    // `after`: as it would be; `who`: the device and account sending it;
    // `store`: the request's store, inside its write transaction.
    virtual std::optional<cx::Rejection> check(Store &store, const std::optional<cx::RecordState> &before,
                                               const cx::RecordState &after, const cx::Mutation &m,
                                               const DeviceSession &who) const = 0;
};

class AcceptAll final : public Validator
{
public:
    std::optional<cx::Rejection> check(Store &, const std::optional<cx::RecordState> &, const cx::RecordState &,
                                       const cx::Mutation &, const DeviceSession &) const override
    {
        return std::nullopt;
    }
};

} // namespace cx::server
