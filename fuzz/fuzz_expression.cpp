// Fuzz target: the form expression language: compile (lexer, parser, binder)
// then evaluate against fixed answers. compile refuses with ExpressionError;
// evaluate never throws. Names: a, b (fields), r/x (a repeat column), rows of r.
#include "forms/Expression.h"
#include "protocol/Errors.h"

#include <cstdint>
#include <string>

namespace {
using namespace cx::forms;

class FuzzScope : public Scope
{
public:
    Value field(int f) const override { return f == 0 ? Value(3) : Value("2024-02-29"); }
    Value column(int, int) const override { return Value::list({Value(1), Value("x"), Value(true)}); }
    Value rows(int) const override { return Value::list({Value(1), Value(2)}); }
    Value self() const override { return Value(7.5); }
    Value recordProp(const std::string &p) const override { return Value(p); }
    int row() const override { return 1; }
    long today() const override { return 20000; }
};

RefTarget resolve(const std::string &name)
{
    RefTarget t;
    if (name == "a") {
        t.kind = RefTarget::Field;
        t.field = 0;
    } else if (name == "b") {
        t.kind = RefTarget::Field;
        t.field = 1;
    } else if (name == "r/x") {
        t.kind = RefTarget::Column;
        t.field = 2;
        t.repeat = 3;
    } else if (name == "r") {
        t.kind = RefTarget::Rows;
        t.repeat = 3;
    } else {
        t.kind = RefTarget::Error;
        t.error = "unknown name " + name;
    }
    return t;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    BindOptions opt;
    opt.resolve = resolve;
    opt.allowSelf = data[0] & 1;
    opt.allowRecordProps = data[0] & 2;
    std::string src(reinterpret_cast<const char *>(data + 1), size - 1);
    Expression e;
    try {
        e = Expression::compile(src, opt);
    } catch (const cx::Error &) {
        return 0;
    }
    FuzzScope scope;
    e.evaluate(scope);
    return 0;
}
