// Functions: built-in functions of the expression language. Every function
// tolerates missing answers (null) and wrong types by returning null or 0.
#include "forms/Functions.h"

#include <algorithm>
#include <cmath>

namespace cx::forms {

const std::vector<FunctionInfo> &allFunctions()
{
    static const std::vector<FunctionInfo> table = {
        {"if", Fn::If, 3, 3, "if(condition, then, else)"},
        {"coalesce", Fn::Coalesce, 1, -1, "coalesce(a, b, ...)"},
        {"empty", Fn::Empty, 1, 1, "empty(x)"},
        {"count", Fn::Count, 1, 1, "count(${repeat}) or count(${repeat/field})"},
        {"count-value", Fn::CountValue, 2, 2, "count-value(${repeat/field}, value)"},
        {"sum", Fn::Sum, 1, -1, "sum(${repeat/field}) or sum(a, b, ...)"},
        {"min", Fn::Min, 1, -1, "min(a, b, ...)"},
        {"max", Fn::Max, 1, -1, "max(a, b, ...)"},
        {"avg", Fn::Avg, 1, -1, "avg(${repeat/field})"},
        {"round", Fn::Round, 1, 2, "round(x) or round(x, digits)"},
        {"int", Fn::Int, 1, 1, "int(x)"},
        {"floor", Fn::Floor, 1, 1, "floor(x)"},
        {"ceil", Fn::Ceil, 1, 1, "ceil(x)"},
        {"abs", Fn::Abs, 1, 1, "abs(x)"},
        {"string-length", Fn::StringLength, 1, 1, "string-length(text)"},
        {"concat", Fn::Concat, 1, -1, "concat(a, b, ...)"},
        {"contains", Fn::Contains, 2, 2, "contains(text, part)"},
        {"starts-with", Fn::StartsWith, 2, 2, "starts-with(text, start)"},
        {"ends-with", Fn::EndsWith, 2, 2, "ends-with(text, end)"},
        {"regex", Fn::Regex, 2, 2, "regex(text, 'pattern')"},
        {"selected", Fn::Selected, 2, 2, "selected(${choices}, 'value')"},
        {"count-selected", Fn::CountSelected, 1, 1, "count-selected(${choices})"},
        {"today", Fn::Today, 0, 0, "today()"},
        {"now", Fn::Now, 0, 0, "now()"},
        {"date-add", Fn::DateAdd, 2, 2, "date-add(date, days)"},
        {"date-diff", Fn::DateDiff, 2, 2, "date-diff(later, earlier)"},
        {"age", Fn::Age, 1, 2, "age(birth_date) or age(birth_date, on_date)"},
        {"year", Fn::Year, 1, 1, "year(date)"},
        {"number", Fn::Number, 1, 1, "number(x)"},
        {"string", Fn::String, 1, 1, "string(x)"},
        {"row", Fn::Row, 0, 0, "row()"},
        {"true", Fn::True, 0, 0, "true()"},
        {"false", Fn::False, 0, 0, "false()"},
    };
    return table;
}

const FunctionInfo *findFunction(std::string_view name)
{
    for (const FunctionInfo &f : allFunctions())
        if (name == f.name)
            return &f;
    return nullptr;
}

// Every argument's items: a list contributes its items, a scalar itself.
static std::vector<Value> flatten(const std::vector<Value> &args)
{
    std::vector<Value> out;
    for (const Value &a : args) {
        if (a.isList())
            out.insert(out.end(), a.items().begin(), a.items().end());
        else
            out.push_back(a);
    }
    return out;
}

static std::vector<double> numbers(const std::vector<Value> &args)
{
    std::vector<double> out;
    for (const Value &v : flatten(args))
        if (auto n = v.toNumber())
            out.push_back(*n);
    return out;
}

static size_t codePoints(const std::string &s)
{
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

static std::optional<long> dateOf(const Value &v)
{
    if (!v.isString())
        return std::nullopt;
    return parseDate(std::string_view(v.string()).substr(0, 10));
}

static Value roundTo(double x, double digits)
{
    double f = std::pow(10.0, std::trunc(digits));
    return Value(std::round(x * f) / f); // half away from zero
}

Value applyFunction(Fn fn, const std::vector<Value> &a, long today)
{
    auto num = [&](size_t i) { return i < a.size() ? a[i].toNumber() : std::nullopt; };
    switch (fn) {
    case Fn::Empty:
        return Value(a[0].isNull());
    case Fn::Count: {
        if (!a[0].isList())
            return Value(a[0].isNull() ? 0 : 1);
        double n = 0;
        for (const Value &v : a[0].items())
            n += v.isNull() ? 0 : 1;
        return Value(n);
    }
    case Fn::CountValue: {
        if (a[1].isNull())
            return Value(0);
        double n = 0;
        std::string want = a[1].toString();
        for (const Value &v : a[0].isList() ? a[0].items() : Value::List{a[0]})
            n += !v.isNull() && v.toString() == want ? 1 : 0;
        return Value(n);
    }
    case Fn::Sum: {
        double s = 0;
        for (double d : numbers(a))
            s += d;
        return Value(s);
    }
    case Fn::Min:
    case Fn::Max:
    case Fn::Avg: {
        std::vector<double> ns = numbers(a);
        if (ns.empty())
            return {};
        if (fn == Fn::Min)
            return Value(*std::min_element(ns.begin(), ns.end()));
        if (fn == Fn::Max)
            return Value(*std::max_element(ns.begin(), ns.end()));
        double s = 0;
        for (double d : ns)
            s += d;
        return Value(s / double(ns.size()));
    }
    case Fn::Round: {
        auto x = num(0);
        if (!x)
            return {};
        auto d = a.size() > 1 ? num(1) : std::optional<double>(0.0);
        if (!d || *d < 0 || *d > 10)
            return {};
        return roundTo(*x, *d);
    }
    case Fn::Int: {
        auto x = num(0);
        return x ? Value(std::trunc(*x)) : Value();
    }
    case Fn::Floor: {
        auto x = num(0);
        return x ? Value(std::floor(*x)) : Value();
    }
    case Fn::Ceil: {
        auto x = num(0);
        return x ? Value(std::ceil(*x)) : Value();
    }
    case Fn::Abs: {
        auto x = num(0);
        return x ? Value(std::fabs(*x)) : Value();
    }
    case Fn::StringLength:
        return Value(double(codePoints(a[0].toString())));
    case Fn::Concat: {
        std::string s;
        for (const Value &v : a)
            s += v.toString();
        return Value(std::move(s));
    }
    case Fn::Contains:
        return Value(!a[0].isNull() && a[0].toString().find(a[1].toString()) != std::string::npos);
    case Fn::StartsWith:
        return Value(!a[0].isNull() && a[0].toString().starts_with(a[1].toString()));
    case Fn::EndsWith:
        return Value(!a[0].isNull() && a[0].toString().ends_with(a[1].toString()));
    case Fn::Selected: {
        if (a[1].isNull())
            return Value(false);
        std::string want = a[1].toString();
        if (a[0].isList()) {
            for (const Value &v : a[0].items())
                if (v.toString() == want)
                    return Value(true);
            return Value(false);
        }
        return Value(!a[0].isNull() && a[0].toString() == want);
    }
    case Fn::CountSelected:
        return Value(a[0].isList() ? double(a[0].items().size()) : a[0].isNull() ? 0.0 : 1.0);
    case Fn::Today:
        return Value(formatDate(today));
    case Fn::DateAdd: {
        auto d = dateOf(a[0]);
        auto n = num(1);
        if (!d || !n || std::fabs(*n) > 1e6)
            return {};
        return Value(formatDate(*d + long(std::trunc(*n))));
    }
    case Fn::DateDiff: {
        auto x = dateOf(a[0]), y = dateOf(a[1]);
        if (!x || !y)
            return {};
        return Value(double(*x - *y));
    }
    case Fn::Age: {
        auto birth = dateOf(a[0]);
        auto on = a.size() > 1 ? dateOf(a[1]) : std::optional<long>(today);
        if (!birth || !on)
            return {};
        std::string b = formatDate(*birth), o = formatDate(*on);
        int years = std::stoi(o.substr(0, 4)) - std::stoi(b.substr(0, 4));
        if (o.substr(5) < b.substr(5))
            --years; // birthday not yet reached this year
        return Value(years);
    }
    case Fn::Year: {
        auto d = dateOf(a[0]);
        return d ? Value(std::stoi(formatDate(*d).substr(0, 4))) : Value();
    }
    case Fn::Number: {
        auto x = num(0);
        return x ? Value(*x) : Value();
    }
    case Fn::String:
        return Value(a[0].toString());
    case Fn::True:
        return Value(true);
    case Fn::False:
        return Value(false);
    default:
        return {}; // handled by the evaluator
    }
}

} // namespace cx::forms
