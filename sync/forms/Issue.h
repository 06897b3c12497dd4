#pragma once
// Issue: one reason an answer is not acceptable, per field (and row), in
// Chinese and English; plus RecordSource, how the engine asks about records
// that select fields draw their options from.
#include "forms/LocalText.h"
#include "protocol/Json.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cx::forms {

struct Issue {
    std::string field;     // path: "enrolled_7_12", or "classes[0].pupils" (rows count from 0)
    std::string message;   // Chinese, for the person
    std::string messageEn; // English
    std::string name;      // the field's name ("pupils")
    int row = -1;          // row inside its repeat, -1 outside repeats
    std::string code;      // required | type | option | record | constraint | rows | calculation | unknown
    LocalText text;        // the message in every language the form provides

    bool operator==(const Issue &o) const { return field == o.field && code == o.code && message == o.message; }
};

// Records that select fields may draw options from ("from": {"collection": ...}).
// Either function may be empty: without `list` a device shows no record options;
// without `find` record answers are not checked (see docs/forms.md, "Validation").
struct RecordSource {
    // Every record of the collection the person may see (device: option lists).
    std::function<std::vector<cx::Json>(const std::string &collection)> list;
    // The record whose `key` field equals `value`, or nullopt if none (device and server).
    std::function<std::optional<cx::Json>(const std::string &collection, const std::string &key, const std::string &value)> find;
};

} // namespace cx::forms
