// Expression: binding names to fields, and the tree-walking evaluator with the
// null rules: null in arithmetic gives null, comparisons with null are false,
// division or modulo by zero gives null.
#include "forms/Expression.h"

#include "forms/Ast.h"
#include "forms/Lexer.h"
#include "forms/Parser.h"

#include <algorithm>
#include <cmath>

namespace cx::forms {

namespace {

struct Binder {
    const std::string &src;
    const BindOptions &opt;
    std::vector<int> deps;
    bool usesToday = false;
    bool usesSelf = false;

    [[noreturn]] void fail(const Node &n, const std::string &what) { throw ExpressionError(charPosition(src, n.offset), what); }
    void dep(int f)
    {
        if (f >= 0 && std::find(deps.begin(), deps.end(), f) == deps.end())
            deps.push_back(f);
    }
    void bind(Node &n)
    {
        switch (n.kind) {
        case NodeKind::Self:
            if (!opt.allowSelf)
                fail(n, "'.' (this field's value) can only be used in a constraint; name the field as ${name}");
            usesSelf = true;
            break;
        case NodeKind::RecordProp:
            if (!opt.allowRecordProps)
                fail(n, "expected ${" + n.name + "} or a function call " + n.name + "(...), found bare name '" + n.name + "'");
            break;
        case NodeKind::Ref: {
            if (!opt.resolve)
                fail(n, "${" + n.name + "}: field references are not allowed here");
            RefTarget t = opt.resolve(n.name);
            switch (t.kind) {
            case RefTarget::Field:
                n.kind = NodeKind::Field;
                break;
            case RefTarget::Column:
                n.kind = NodeKind::Column;
                break;
            case RefTarget::Rows:
                n.kind = NodeKind::Rows;
                break;
            case RefTarget::Error:
                fail(n, t.error);
            }
            n.field = t.field;
            n.repeat = t.repeat;
            dep(t.field);
            dep(t.repeat);
            break;
        }
        case NodeKind::Call:
            if (n.fn == Fn::Today || n.fn == Fn::Now)
                usesToday = true;
            if (n.fn == Fn::Age && n.args.size() == 1)
                usesToday = true;
            break;
        default:
            break;
        }
        for (auto &a : n.args)
            bind(*a);
    }
};

// Both sides as numbers when both are (or read as) numbers.
std::optional<int> compareValues(const Value &a, const Value &b)
{
    auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    if (a.isList() || b.isList()) {
        if (a == b)
            return 0;
        return std::nullopt;
    }
    if (a.isBool() && b.isBool())
        return cmp(a.boolean(), b.boolean());
    if (a.isString() && b.isString()) {
        auto x = a.toNumber(), y = b.toNumber();
        if (x && y)
            return cmp(*x, *y);
        // Date-times compare as instants (offsets may differ); a date-time and a
        // date compare by the date-time's own day ("2026-12-07T09:30:00+08:00" = "2026-12-07").
        auto s = parseDateTime(a.string()), t = parseDateTime(b.string());
        if (s && t)
            return cmp(s->utcSeconds(), t->utcSeconds());
        if (s && parseDate(b.string()))
            return cmp(a.string().substr(0, 10), b.string());
        if (t && parseDate(a.string()))
            return cmp(a.string(), b.string().substr(0, 10));
        return cmp(a.string(), b.string());
    }
    auto x = a.toNumber(), y = b.toNumber();
    if (x && y)
        return cmp(*x, *y);
    return cmp(a.toString(), b.toString());
}

Value eval(const Node &n, const Scope &s)
{
    switch (n.kind) {
    case NodeKind::Literal:
        return n.literal;
    case NodeKind::Self:
        return s.self();
    case NodeKind::Field:
        return s.field(n.field);
    case NodeKind::Column:
        return s.column(n.repeat, n.field);
    case NodeKind::Rows:
        return s.rows(n.repeat);
    case NodeKind::RecordProp:
        return s.recordProp(n.name);
    case NodeKind::Ref:
        return {};
    case NodeKind::Neg: {
        auto x = eval(*n.args[0], s).toNumber();
        return x ? Value(-*x) : Value();
    }
    case NodeKind::Not:
        return Value(!eval(*n.args[0], s).truthy());
    case NodeKind::And:
        return Value(eval(*n.args[0], s).truthy() && eval(*n.args[1], s).truthy());
    case NodeKind::Or:
        return Value(eval(*n.args[0], s).truthy() || eval(*n.args[1], s).truthy());
    case NodeKind::Compare: {
        Value a = eval(*n.args[0], s), b = eval(*n.args[1], s);
        if (a.isNull() || b.isNull())
            return Value(false);
        auto c = compareValues(a, b);
        if (!c)
            return Value(n.op == Op::Ne);
        switch (n.op) {
        case Op::Eq:
            return Value(*c == 0);
        case Op::Ne:
            return Value(*c != 0);
        case Op::Lt:
            return Value(*c < 0);
        case Op::Le:
            return Value(*c <= 0);
        case Op::Gt:
            return Value(*c > 0);
        case Op::Ge:
            return Value(*c >= 0);
        default:
            return Value(false);
        }
    }
    case NodeKind::Arith: {
        auto x = eval(*n.args[0], s).toNumber();
        if (!x)
            return {};
        auto y = eval(*n.args[1], s).toNumber();
        if (!y)
            return {};
        switch (n.op) {
        case Op::Add:
            return Value(*x + *y);
        case Op::Sub:
            return Value(*x - *y);
        case Op::Mul:
            return Value(*x * *y);
        case Op::Div:
            return *y == 0 ? Value() : Value(*x / *y);
        case Op::Mod:
            return *y == 0 ? Value() : Value(std::fmod(*x, *y));
        default:
            return {};
        }
    }
    case NodeKind::Call:
        switch (n.fn) {
        case Fn::If:
            return eval(*n.args[eval(*n.args[0], s).truthy() ? 1 : 2], s);
        case Fn::Coalesce:
            for (const auto &a : n.args) {
                Value v = eval(*a, s);
                if (!v.isNull())
                    return v;
            }
            return {};
        case Fn::Regex: {
            Value v = eval(*n.args[0], s);
            if (v.isNull())
                return Value(false);
            std::string text = v.toString();
            if (text.size() > 2000)
                return Value(false);
            return Value(std::regex_search(text, *n.regex));
        }
        case Fn::Row:
            return s.row() < 0 ? Value() : Value(s.row() + 1);
        case Fn::Now:
            return Value(s.now());
        default: {
            std::vector<Value> args;
            args.reserve(n.args.size());
            for (const auto &a : n.args)
                args.push_back(eval(*a, s));
            return applyFunction(n.fn, args, n.fn == Fn::Today || n.fn == Fn::Age ? s.today() : 0);
        }
        }
    }
    return {};
}

} // namespace

Expression Expression::compile(const std::string &source, const BindOptions &options)
{
    std::unique_ptr<Node> root = parseExpressionTree(source);
    Binder b{source, options, {}, false, false};
    b.bind(*root);
    Expression e;
    e.m_source = source;
    e.m_root = std::move(root);
    e.m_deps = std::move(b.deps);
    e.m_usesToday = b.usesToday;
    e.m_usesSelf = b.usesSelf;
    return e;
}

Value Expression::evaluate(const Scope &scope) const
{
    if (!m_root)
        return {};
    try {
        return eval(*m_root, scope);
    } catch (const std::exception &) {
        return {}; // e.g. regex engine out of resources: treat as unknown
    }
}

} // namespace cx::forms
