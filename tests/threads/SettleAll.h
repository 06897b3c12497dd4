#pragma once
// Shared by the threading tests: settles every conflict of every record.
#include "engine/Engine.h"

#include <map>

// One resolve per field settles all of that field's conflicts; keeps the value
// that lost. Returns how many resolves were made.
inline int settleAll(cx::Engine &e)
{
    int n = 0;
    for (const auto &r : e.conflicts()) {
        std::map<std::string, cx::Json> fields;
        for (const auto &c : r.conflicts)
            fields.emplace(c.field, c.value);
        for (const auto &[f, v] : fields) {
            e.resolve(r.collection, r.id, f, v);
            ++n;
        }
    }
    return n;
}
