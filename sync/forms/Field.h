#pragma once
// Field: one question (or group, repeat, note) of a form definition, with its
// compiled expressions and its place in the form's tree.
#include "forms/Expression.h"
#include "forms/LocalText.h"
#include "protocol/Json.h"

#include <optional>
#include <string>
#include <vector>

namespace cx::forms {

enum class FieldType {
    Text,
    Integer,
    Decimal,
    Date,
    Time,
    DateTime,
    SelectOne,
    SelectMany,
    Geopoint,
    Photo,
    Signature,
    Note,
    Group,
    Repeat,
};

const char *fieldTypeName(FieldType t);
std::optional<FieldType> fieldTypeFromName(const std::string &name);

// One inline choice; `properties` is the whole option object (for options_filter).
struct Option {
    std::string value;
    LocalText label;
    cx::Json properties;
};

// Choices drawn from synced records, e.g. the pupils of my school.
struct RecordOptions {
    std::string collection; // "pupils"
    std::string labelKey;   // record field shown to the person: "name"
    std::string valueKey;   // record field stored as the answer: "id"
    Expression filter;      // bare names are the record's fields: "grade = ${grade}"
};

struct Field {
    int index = -1;
    std::string name;
    FieldType type = FieldType::Text;
    LocalText label;
    LocalText hint;
    int parent = -1; // enclosing group or repeat (index), -1 at page level
    int repeat = -1; // enclosing repeat, -1 when not inside one
    int page = 0;
    std::vector<int> children; // group and repeat

    bool required = false; // "required": true
    Expression requiredIf; // "required": "<expression>"
    LocalText requiredMessage;
    Expression relevant;
    Expression constraint;
    LocalText constraintMessage;
    Expression calculate;
    Expression defaultExpr;  // "default": "<expression>"
    cx::Json defaultLiteral; // "default": 0 / true / [..] (null when none)
    bool readonly = false;   // "readonly": true (also implied by calculate)
    Expression readonlyIf;   // "readonly": "<expression>"

    std::vector<Option> options;       // select_one / select_many, inline
    std::optional<RecordOptions> from; // select_one / select_many, from records
    Expression optionsFilter;          // inline options: bare names are option properties
    bool multiple = false;             // photo: several photos
    int minRows = 0;                   // repeat
    int maxRows = -1;                  // repeat, -1: no limit
    std::string appearance;            // free-form hint to the app

    bool hasValue() const { return type != FieldType::Note && type != FieldType::Group; }
    bool isSelect() const { return type == FieldType::SelectOne || type == FieldType::SelectMany; }
    const Option *option(const std::string &value) const;
};

struct Page {
    std::string id;
    LocalText title;
    std::vector<int> fields; // top-level fields of the page, in order
};

} // namespace cx::forms
