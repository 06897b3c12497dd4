#pragma once
// Expressions: XLSForm's expressions (a subset of XPath with ${field}) into
// Cunxiao's expression language and back. Constructs Cunxiao does not have
// (paths, predicates, pulldata() and other functions) are refused by name.
#include <map>
#include <string>
#include <string_view>

namespace cx::xlsform {

// Where a field sits: the repeat holding it ("" at the top), and whether it is one.
struct FieldPlace {
    std::string repeat;
    bool isRepeat = false;
};

struct ExpressionContext {
    const std::map<std::string, FieldPlace> *fields = nullptr; // every field of the form, by name
    std::string repeat;                                        // the repeat of the field this expression belongs to
    bool choiceFilter = false;                                 // bare names are columns of the choices (or of the records)
    bool inlineChoices = false;                                // and `name` is the choice's name (Cunxiao: value)
};

// The translated text, or (when zh is not empty) why it cannot be translated.
struct Translation {
    std::string text;
    std::string zh, en;
    bool ok() const { return zh.empty(); }
};

// XLSForm -> Cunxiao: ${x} of a field in a repeat, read from outside it, becomes
// ${repeat/x}; ceiling() ceil(); position(..) row(); the rest keeps its spelling.
Translation fromXlsform(std::string_view expression, const ExpressionContext &context);

// Cunxiao -> XLSForm: the reverse, and Cunxiao's alternative spellings
// (&&, ||, ==, <>, %, /, null) in XPath's (and, or, =, !=, mod, div, '').
Translation toXlsform(std::string_view expression, const ExpressionContext &context);

// Whether a default cell is an expression (today(), ${x}, 'text') rather than a plain value.
bool looksLikeExpression(std::string_view cell);

} // namespace cx::xlsform
