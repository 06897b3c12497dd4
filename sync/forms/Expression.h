#pragma once
// Expression: one compiled expression (constraint, relevance, calculation,
// default or options filter): parsed and bound once, evaluated many times.
#include "forms/ExpressionError.h"
#include "forms/Value.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cx::forms {

struct Node;

// Where the evaluator reads values from: the answers of one form instance.
class Scope
{
public:
    virtual ~Scope() = default;
    virtual Value field(int field) const = 0;                          // top-level field, or same-row field
    virtual Value column(int repeat, int field) const = 0;             // the field in every row (a list)
    virtual Value rows(int repeat) const = 0;                          // one entry per row
    virtual Value self() const { return {}; }                          // "."
    virtual Value recordProp(const std::string &) const { return {}; } // options filter only
    virtual int row() const { return -1; }                             // 0-based row in the current repeat
    virtual long today() const { return todayLocal(); }
    virtual std::string now() const { return nowLocal(); } // "2026-12-07T09:30:00+08:00"
};

// What a ${name} stands for, decided by the form (see FormDefinition).
struct RefTarget {
    enum Kind { Field, Column, Rows, Error } kind = Error;
    int field = -1;
    int repeat = -1;
    std::string error; // for Error: why the name cannot be used here
};

struct BindOptions {
    std::function<RefTarget(const std::string &name)> resolve; // null: no ${...} allowed
    bool allowSelf = false;                                    // "." (constraints)
    bool allowRecordProps = false;                             // bare names (options filters)
};

class Expression
{
public:
    Expression() = default;
    // Throws ExpressionError (position 1-based in characters, what was expected).
    static Expression compile(const std::string &source, const BindOptions &options = {});

    bool empty() const { return !m_root; }
    explicit operator bool() const { return bool(m_root); }
    const std::string &source() const { return m_source; }
    Value evaluate(const Scope &scope) const; // never throws; null when empty

    const std::vector<int> &dependencies() const { return m_deps; } // field indices read
    bool usesToday() const { return m_usesToday; }                  // today() or now()
    bool usesSelf() const { return m_usesSelf; }

private:
    std::string m_source;
    std::shared_ptr<const Node> m_root;
    std::vector<int> m_deps;
    bool m_usesToday = false;
    bool m_usesSelf = false;
};

} // namespace cx::forms
