// The expression language as tables: values, types, missing answers, division
// by zero, precedence, functions, and errors with their positions.
#include "forms/Expression.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace cx::forms;

namespace {

// A fixed set of answers: plain fields, one repeat "cls" with columns, a record.
struct Fixture : Scope {
    std::vector<std::string> names = {"a",   "b",  "z",       "s",   "n",  "d",      "d2",     "birth", "many",
                                      "neg", "cn", "numtext", "yes", "dt", "dt_utc", "pupils", "cls"};
    std::map<std::string, Value> values = {
        {"a", Value(10)},
        {"b", Value(3)},
        {"z", Value(0)},
        {"s", Value("hello")},
        {"n", Value()},
        {"d", Value("2025-09-01")},
        {"d2", Value("2025-08-20")},
        {"birth", Value("2015-03-10")},
        {"many", Value::list({Value("a"), Value("c")})},
        {"neg", Value(-2.5)},
        {"cn", Value("学校")},
        {"numtext", Value("12")},
        {"yes", Value(true)},
        {"dt", Value("2025-09-10T09:30:00+08:00")},
        {"dt_utc", Value("2025-09-10T01:30:00Z")},
    };
    Value::List pupils = {Value(30), Value(), Value(25)};
    cx::Json record = {{"grade", 3}, {"name", "王小明"}};

    int index(const std::string &n) const { return int(std::find(names.begin(), names.end(), n) - names.begin()); }
    Value field(int f) const override
    {
        auto it = values.find(names[size_t(f)]);
        return it == values.end() ? Value() : it->second;
    }
    Value column(int, int) const override { return Value::list(pupils); }
    Value rows(int) const override { return Value::list(Value::List(pupils.size(), Value(true))); }
    Value self() const override { return Value(7); }
    Value recordProp(const std::string &name) const override
    {
        if (!record.contains(name))
            return {};
        const auto &v = record[name];
        return v.is_number() ? Value(v.get<double>()) : Value(v.get<std::string>());
    }
    int row() const override { return 1; }
    long today() const override { return *parseDate("2025-09-10"); }
    std::string now() const override { return "2025-09-10T10:00:00+08:00"; }

    BindOptions bind() const
    {
        BindOptions o;
        o.allowSelf = true;
        o.allowRecordProps = true;
        o.resolve = [this](const std::string &name) {
            if (name == "cls")
                return RefTarget{RefTarget::Rows, -1, index("cls"), {}};
            if (name == "cls/pupils")
                return RefTarget{RefTarget::Column, index("pupils"), index("cls"), {}};
            if (name == "pupils")
                return RefTarget{RefTarget::Error, -1, -1, "'pupils' has one value per row of repeat 'cls'"};
            int i = index(name);
            if (i >= int(names.size()))
                return RefTarget{RefTarget::Error, -1, -1, "unknown field '" + name + "'"};
            return RefTarget{RefTarget::Field, i, -1, {}};
        };
        return o;
    }
};

} // namespace

class TestExpressions : public QObject
{
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("expected"); // JSON
        auto row = [](const char *e, const char *x) { QTest::newRow(e) << QString::fromUtf8(e) << QString::fromUtf8(x); };
        // literals and types
        row("42", "42");
        row("2.5", "2.5");
        row(".5", "0.5");
        row("'text'", "\"text\"");
        row("\"double quoted\"", "\"double quoted\"");
        row("''", "null");
        row("true", "true");
        row("false", "false");
        row("null", "null");
        row("'学校'", "\"学校\"");
        // references
        row("${a}", "10");
        row("${s}", "\"hello\"");
        row("${n}", "null");
        row(".", "7");
        row("${cn}", "\"学校\"");
        // arithmetic and precedence
        row("1 + 2 * 3", "7");
        row("(1 + 2) * 3", "9");
        row("10 - 4 - 3", "3");
        row("2 * 3 + 4 * 5", "26");
        row("${a} / 4", "2.5");
        row("${a} div 4", "2.5");
        row("${a} mod 3", "1");
        row("${a} % 3", "1");
        row("-${b} + 1", "-2");
        row("- - 2", "2");
        row("${neg} * 2", "-5");
        row("${numtext} + 1", "13");
        row("${yes} + 1", "2");
        row("'abc' + 1", "null");
        // null propagation and division by zero
        row("${n} + 1", "null");
        row("1 - ${n}", "null");
        row("${n} * 0", "null");
        row("${a} / 0", "null");
        row("${a} / ${z}", "null");
        row("${a} mod 0", "null");
        row("${a} / ${n}", "null");
        row("(${a} / 0) + 1", "null");
        // comparisons
        row("${a} > ${b}", "true");
        row("${a} >= 10", "true");
        row("${a} < 10", "false");
        row("${a} <= 9.5", "false");
        row("${a} = 10", "true");
        row("${a} == 10", "true");
        row("${a} != 10", "false");
        row("${a} <> 3", "true");
        row("${numtext} = 12", "true");
        row("${numtext} > 9", "true");
        row("'10' > '9'", "true");
        row("${s} = 'hello'", "true");
        row("${d} > ${d2}", "true");
        row("${d} < '2025-10-01'", "true");
        row("${n} = 0", "false");
        row("${n} != 0", "false");
        row("${n} < 1", "false");
        row("${n} >= 1", "false");
        row("${n} = ''", "false");
        row("1 + 2 = 3", "true");
        row("${yes} = true", "true");
        // logic and precedence
        row("true and false", "false");
        row("true or false and false", "true");
        row("(true or false) and false", "false");
        row("not true", "false");
        row("not ${n}", "true");
        row("not(${a} > 5)", "false");
        row("not ${a} > 5 and true", "false");
        row("${a} > 5 and ${b} < 5", "true");
        row("${a} > 5 && ${b} > 5", "false");
        row("${a} > 50 || ${b} = 3", "true");
        row("${n} > 1 or ${n} <= 1", "false");
        row("${n} and true", "false");
        row("${s} and 1", "true");
        // functions
        row("if(${a} > 5, 'big', 'small')", "\"big\"");
        row("if(${n}, 1, 2)", "2");
        row("if(true, 1, 1 div 0)", "1");
        row("coalesce(${n}, ${b})", "3");
        row("coalesce(${n}, ${n})", "null");
        row("empty(${n})", "true");
        row("empty(${a})", "false");
        row("empty('')", "true");
        row("count(${cls})", "3");
        row("count(${cls/pupils})", "2");
        row("count(${n})", "0");
        row("count(${many})", "2");
        row("sum(${cls/pupils})", "55");
        row("count-value(${cls/pupils}, 30)", "1");
        row("count-value(${many}, 'c')", "1");
        row("count-value(${n}, 'c')", "0");
        row("sum(${a}, ${b}, ${n})", "13");
        row("sum(${n})", "0");
        row("min(${cls/pupils})", "25");
        row("max(${a}, ${b})", "10");
        row("max(${n})", "null");
        row("avg(${cls/pupils})", "27.5");
        row("round(2.5)", "3");
        row("round(-2.5)", "-3");
        row("round(99.86, 1)", "99.9");
        row("round(${a} / ${b}, 2)", "3.33");
        row("round(${n}, 1)", "null");
        row("int(7.9)", "7");
        row("floor(-1.5)", "-2");
        row("ceil(1.2)", "2");
        row("abs(${neg})", "2.5");
        row("string-length(${s})", "5");
        row("string-length(${cn})", "2");
        row("string-length(${n})", "0");
        row("concat(${s}, '-', ${a}, ${n})", "\"hello-10\"");
        row("contains(${s}, 'ell')", "true");
        row("starts-with(${s}, 'he')", "true");
        row("ends-with(${s}, 'x')", "false");
        row("regex('13812345678', '^1[3-9][0-9]{9}$')", "true");
        row("regex('1381234', '^1[3-9][0-9]{9}$')", "false");
        row("regex(${n}, 'x')", "false");
        row("selected(${many}, 'a')", "true");
        row("selected(${many}, 'b')", "false");
        row("selected(${s}, 'hello')", "true");
        row("selected(${n}, 'a')", "false");
        row("count-selected(${many})", "2");
        row("today()", "\"2025-09-10\"");
        row("date-diff(${d}, ${d2})", "12");
        row("date-diff(today(), ${d})", "9");
        row("date-diff(${d}, ${n})", "null");
        row("date-diff(${d}, 'soon')", "null");
        row("date-add(${d}, 30)", "\"2025-10-01\"");
        row("date-add(${d}, -1)", "\"2025-08-31\"");
        row("date-add('2024-02-28', 1)", "\"2024-02-29\"");
        row("date-add(${n}, 1)", "null");
        row("date-add(${d}, 7) > ${d}", "true");
        row("age(${birth})", "10");
        row("age(${birth}, '2025-03-09')", "9");
        row("age(${birth}, '2025-03-10')", "10");
        row("year(${d})", "2025");
        // date-times: instants whatever their offsets; against a date, their own day
        row("now()", "\"2025-09-10T10:00:00+08:00\"");
        row("${dt} < now()", "true");
        row("${dt} = ${dt_utc}", "true");
        row("${dt} < '2025-09-10T02:00:00Z'", "true");
        row("${dt} > '2025-09-10T09:30+07:00'", "false");
        row("${dt} = today()", "true");
        row("${dt} <= today() and ${dt} >= today()", "true");
        row("${dt} > '2025-09-09'", "true");
        row("'2025-09-11' > ${dt}", "true");
        row("${dt} < ${n}", "false");
        row("date-diff(${dt}, ${d})", "9");
        row("year(${dt})", "2025");
        row("number('3.5') * 2", "7");
        row("number('x')", "null");
        row("string(12) = '12'", "true");
        row("row()", "2");
        row("true()", "true");
        row("false() or true()", "true");
        // record properties (options filters)
        row("grade = 3", "true");
        row("grade = ${b}", "true");
        row("name", "\"王小明\"");
        row("missing_prop = 1", "false");
    }

    void values()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        Fixture fx;
        Expression e = Expression::compile(expr.toStdString(), fx.bind());
        cx::Json got = e.evaluate(fx).toJson();
        cx::Json want = cx::Json::parse(expected.toStdString());
        if (got.is_number() && want.is_number())
            QVERIFY2(std::fabs(got.get<double>() - want.get<double>()) < 1e-9, (got.dump() + " != " + want.dump()).c_str());
        else
            QCOMPARE(QString::fromStdString(got.dump()), QString::fromStdString(want.dump()));
    }

    void dependencies_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QStringList>("deps");
        QTest::addColumn<bool>("today");
        QTest::newRow("plain") << "${a} + ${b} * ${a}" << QStringList{"a", "b"} << false;
        QTest::newRow("column") << "sum(${cls/pupils})" << QStringList{"pupils", "cls"} << false;
        QTest::newRow("today") << "date-diff(today(), ${d})" << QStringList{"d"} << true;
        QTest::newRow("age") << "age(${birth})" << QStringList{"birth"} << true;
        QTest::newRow("now") << "${dt} <= now()" << QStringList{"dt"} << true;
        QTest::newRow("age on") << "age(${birth}, ${d})" << QStringList{"birth", "d"} << false;
        QTest::newRow("none") << "1 + 2" << QStringList{} << false;
    }

    void dependencies()
    {
        QFETCH(QString, expr);
        QFETCH(QStringList, deps);
        QFETCH(bool, today);
        Fixture fx;
        Expression e = Expression::compile(expr.toStdString(), fx.bind());
        QStringList got;
        for (int d : e.dependencies())
            got << QString::fromStdString(fx.names[size_t(d)]);
        QCOMPARE(got, deps);
        QCOMPARE(e.usesToday(), today);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("expected"); // part of the message
        QTest::newRow("empty") << "" << 1 << "expected an expression";
        QTest::newRow("blank") << "   " << 4 << "expected an expression";
        QTest::newRow("dangling op") << "1 +" << 4 << "expected a value";
        QTest::newRow("two values") << "1 2" << 3 << "expected an operator";
        QTest::newRow("unclosed paren") << "(1 + 2" << 7 << "expected ')' to close the '(' at position 1";
        QTest::newRow("extra paren") << "1 + 2)" << 6 << "expected end of expression";
        QTest::newRow("unclosed string") << "'abc" << 1 << "closing '";
        QTest::newRow("unclosed ref") << "${abc + 1" << 1 << "expected '}'";
        QTest::newRow("bad ref") << "${a b}" << 3 << "expected a field name";
        QTest::newRow("empty ref") << "${}" << 3 << "expected a field name";
        QTest::newRow("dollar") << "$a" << 1 << "expected '{'";
        QTest::newRow("unknown fn") << "foo(1)" << 1 << "unknown function 'foo'";
        QTest::newRow("arity") << "round(1, 2, 3)" << 1 << "wrong number of arguments to round()";
        QTest::newRow("arity if") << "1 + if(true, 2)" << 5 << "if(condition, then, else)";
        QTest::newRow("arg sep") << "max(1 2)" << 7 << "expected ',' or ')'";
        QTest::newRow("chained cmp") << "1 < 2 < 3" << 7 << "comparisons";
        QTest::newRow("bang") << "!${a}" << 1 << "expected '='";
        QTest::newRow("single amp") << "${a} & 1" << 6 << "write and";
        QTest::newRow("bad char") << "${a} # 1" << 6 << "unexpected character '#'";
        QTest::newRow("chinese then bad") << "'学校' = 学" << 8 << "unexpected character '学'";
        QTest::newRow("unknown field") << "${a} + ${zz}" << 8 << "unknown field 'zz'";
        QTest::newRow("repeat field outside") << "${pupils} > 1" << 1 << "one value per row";
        QTest::newRow("number then name") << "3abc" << 2 << "expected an operator after the number";
        QTest::newRow("regex literal") << "regex(., ${s})" << 1 << "pattern of regex()";
        QTest::newRow("regex bad") << "regex(., '[a-')" << 10 << "invalid regex";
        QTest::newRow("after op") << "1 * * 2" << 5 << "found '*'";
        QTest::newRow("too deep") << QString(100, QChar(0x28)) + "1" + QString(100, QChar(0x29)) << 65 << "nested too deeply";
        QTest::newRow("too many minus") << QString(100, '-') + "1" << 64 << "nested too deeply";
        QTest::newRow("too long") << "1" + QString(10000, ' ') << 1 << "too long";
    }

    void errors()
    {
        QFETCH(QString, expr);
        QFETCH(int, position);
        QFETCH(QString, expected);
        Fixture fx;
        try {
            Expression::compile(expr.toStdString(), fx.bind());
            QFAIL("no error");
        } catch (const ExpressionError &e) {
            QCOMPARE(int(e.position()), position);
            QVERIFY2(QString::fromStdString(e.problem()).contains(expected), e.what());
            QVERIFY(QString::fromUtf8(e.what()).startsWith("position " + QString::number(position) + ": "));
        }
    }

    void contextRules_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<bool>("allowSelf");
        QTest::addColumn<bool>("allowProps");
        QTest::addColumn<int>("position"); // 0: compiles
        QTest::newRow("self in constraint") << ". > 1" << true << false << 0;
        QTest::newRow("self elsewhere") << "1 + ." << false << false << 5;
        QTest::newRow("prop in filter") << "grade = 1" << false << true << 0;
        QTest::newRow("prop elsewhere") << "${a} + grade" << false << false << 8;
    }

    void contextRules()
    {
        QFETCH(QString, expr);
        QFETCH(bool, allowSelf);
        QFETCH(bool, allowProps);
        QFETCH(int, position);
        Fixture fx;
        BindOptions o = fx.bind();
        o.allowSelf = allowSelf;
        o.allowRecordProps = allowProps;
        try {
            Expression::compile(expr.toStdString(), o);
            QCOMPARE(0, position);
        } catch (const ExpressionError &e) {
            QCOMPARE(int(e.position()), position);
        }
    }

    void compiledOnceEvaluatedMany()
    {
        Fixture fx;
        Expression e = Expression::compile("${a} * 2 + ${b}", fx.bind());
        Expression copy = e; // NOLINT(performance-unnecessary-copy-initialization): the test is that a copy evaluates
        for (int i = 0; i < 5; ++i) {
            fx.values["a"] = Value(i);
            QCOMPARE(copy.evaluate(fx).number(), double(i * 2 + 3));
        }
        QCOMPARE(e.source(), std::string("${a} * 2 + ${b}"));
        QVERIFY(Expression().evaluate(fx).isNull());
    }
};

QTEST_GUILESS_MAIN(TestExpressions)
#include "tst_expressions.moc"
