// Parser: recursive descent over the tokens. Grammar (lowest precedence first):
//   or      := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | compare
//   compare := sum (('=' | '!=' | '<' | '<=' | '>' | '>=') sum)?
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/' | 'div' | '%' | 'mod') unary)*
//   unary   := '-' unary | primary
//   primary := number | 'text' | true | false | null | '.' | ${name} | ${repeat/name}
//            | name '(' [or (',' or)*] ')' | name | '(' or ')'
#include "forms/Parser.h"

#include "forms/ExpressionError.h"
#include "forms/Lexer.h"

namespace cx::forms {

namespace {

class Parser
{
public:
    explicit Parser(std::string_view src) : m_src(src), m_toks(tokenize(src)) {}

    std::unique_ptr<Node> parse()
    {
        if (peek().kind == Tok::End)
            fail(peek(), "expected an expression, found nothing");
        auto n = parseOr();
        if (peek().kind != Tok::End) {
            if (peek().kind == Tok::Ref || peek().kind == Tok::Number || peek().kind == Tok::String ||
                peek().kind == Tok::Ident || peek().kind == Tok::LParen)
                fail(peek(), "expected an operator (and, or, =, +, ...) or end of expression, found " + describe(peek()));
            fail(peek(), "expected end of expression, found " + describe(peek()));
        }
        return n;
    }

private:
    const Token &peek() const { return m_toks[m_pos]; }
    const Token &next() { return m_toks[m_pos++]; }
    bool accept(Tok k)
    {
        if (peek().kind != k)
            return false;
        ++m_pos;
        return true;
    }
    [[noreturn]] void fail(const Token &t, const std::string &what) const
    {
        throw ExpressionError(charPosition(m_src, t.offset), what);
    }
    std::unique_ptr<Node> make(NodeKind k, size_t offset)
    {
        auto n = std::make_unique<Node>();
        n->kind = k;
        n->offset = offset;
        return n;
    }
    std::unique_ptr<Node> binary(NodeKind k, Op op, size_t offset, std::unique_ptr<Node> l, std::unique_ptr<Node> r)
    {
        auto n = make(k, offset);
        n->op = op;
        n->args.push_back(std::move(l));
        n->args.push_back(std::move(r));
        return n;
    }

    // Limits nesting so a hostile definition cannot exhaust the stack.
    struct Depth {
        Parser &p;
        explicit Depth(Parser &parser, const Token &at) : p(parser)
        {
            if (++p.m_depth > kMaxDepth)
                p.fail(at, "expression nested too deeply (more than " + std::to_string(kMaxDepth) + " levels)");
        }
        ~Depth() { --p.m_depth; }
    };
    static constexpr int kMaxDepth = 64;

    std::unique_ptr<Node> parseOr()
    {
        Depth d(*this, peek());
        auto l = parseAnd();
        while (peek().kind == Tok::Or) {
            size_t off = next().offset;
            l = binary(NodeKind::Or, Op::Eq, off, std::move(l), parseAnd());
        }
        return l;
    }
    std::unique_ptr<Node> parseAnd()
    {
        auto l = parseNot();
        while (peek().kind == Tok::And) {
            size_t off = next().offset;
            l = binary(NodeKind::And, Op::Eq, off, std::move(l), parseNot());
        }
        return l;
    }
    std::unique_ptr<Node> parseNot()
    {
        if (peek().kind == Tok::Not) {
            Depth d(*this, peek());
            auto n = make(NodeKind::Not, next().offset);
            n->args.push_back(parseNot());
            return n;
        }
        return parseCompare();
    }
    static bool compareOp(Tok k, Op &op)
    {
        switch (k) {
        case Tok::Eq:
            op = Op::Eq;
            return true;
        case Tok::Ne:
            op = Op::Ne;
            return true;
        case Tok::Lt:
            op = Op::Lt;
            return true;
        case Tok::Le:
            op = Op::Le;
            return true;
        case Tok::Gt:
            op = Op::Gt;
            return true;
        case Tok::Ge:
            op = Op::Ge;
            return true;
        default:
            return false;
        }
    }
    std::unique_ptr<Node> parseCompare()
    {
        auto l = parseSum();
        Op op;
        if (compareOp(peek().kind, op)) {
            size_t off = next().offset;
            l = binary(NodeKind::Compare, op, off, std::move(l), parseSum());
            if (compareOp(peek().kind, op))
                fail(peek(), "expected 'and' or 'or' between comparisons (a < b < c is not allowed), found " + describe(peek()));
        }
        return l;
    }
    std::unique_ptr<Node> parseSum()
    {
        auto l = parseProduct();
        while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
            Op op = peek().kind == Tok::Plus ? Op::Add : Op::Sub;
            size_t off = next().offset;
            l = binary(NodeKind::Arith, op, off, std::move(l), parseProduct());
        }
        return l;
    }
    std::unique_ptr<Node> parseProduct()
    {
        auto l = parseUnary();
        while (true) {
            Op op;
            switch (peek().kind) {
            case Tok::Star:
                op = Op::Mul;
                break;
            case Tok::Slash:
            case Tok::Div:
                op = Op::Div;
                break;
            case Tok::Percent:
            case Tok::Mod:
                op = Op::Mod;
                break;
            default:
                return l;
            }
            size_t off = next().offset;
            l = binary(NodeKind::Arith, op, off, std::move(l), parseUnary());
        }
    }
    std::unique_ptr<Node> parseUnary()
    {
        if (peek().kind == Tok::Minus) {
            Depth d(*this, peek());
            auto n = make(NodeKind::Neg, next().offset);
            n->args.push_back(parseUnary());
            return n;
        }
        return parsePrimary();
    }
    std::unique_ptr<Node> parsePrimary()
    {
        const Token &t = next();
        switch (t.kind) {
        case Tok::Number: {
            auto n = make(NodeKind::Literal, t.offset);
            n->literal = Value(t.number);
            return n;
        }
        case Tok::String: {
            auto n = make(NodeKind::Literal, t.offset);
            n->literal = Value(t.text);
            return n;
        }
        case Tok::True: {
            auto n = make(NodeKind::Literal, t.offset);
            n->literal = Value(true);
            return n;
        }
        case Tok::False: {
            auto n = make(NodeKind::Literal, t.offset);
            n->literal = Value(false);
            return n;
        }
        case Tok::Null:
            return make(NodeKind::Literal, t.offset);
        case Tok::Dot:
            return make(NodeKind::Self, t.offset);
        case Tok::Ref: {
            auto n = make(NodeKind::Ref, t.offset);
            n->name = t.text;
            return n;
        }
        case Tok::LParen: {
            auto n = parseOr();
            if (!accept(Tok::RParen))
                fail(peek(), "expected ')' to close the '(' at position " + std::to_string(charPosition(m_src, t.offset)) +
                                 ", found " + describe(peek()));
            return n;
        }
        case Tok::Ident:
            if (peek().kind == Tok::LParen)
                return parseCall(t);
            {
                auto n = make(NodeKind::RecordProp, t.offset);
                n->name = t.text;
                return n;
            }
        default:
            fail(t, "expected a value (a number, 'text', ${field}, '.', a function or '('), found " + describe(t));
        }
    }
    std::unique_ptr<Node> parseCall(const Token &name)
    {
        const FunctionInfo *info = findFunction(name.text);
        if (!info)
            fail(name, "unknown function '" + name.text + "'");
        auto n = make(NodeKind::Call, name.offset);
        n->fn = info->fn;
        n->name = name.text;
        next(); // (
        if (!accept(Tok::RParen)) {
            while (true) {
                n->args.push_back(parseOr());
                if (accept(Tok::RParen))
                    break;
                if (!accept(Tok::Comma))
                    fail(peek(), "expected ',' or ')' in the arguments of " + name.text + "(), found " + describe(peek()));
            }
        }
        int count = int(n->args.size());
        if (count < info->minArgs || (info->maxArgs >= 0 && count > info->maxArgs))
            fail(name, "wrong number of arguments to " + name.text + "(): expected " + info->usage + ", found " +
                           std::to_string(count));
        if (info->fn == Fn::Regex) {
            const Node &pat = *n->args[1];
            if (pat.kind != NodeKind::Literal || !pat.literal.isString())
                fail(name, "expected the pattern of regex() to be written as 'text'");
            try {
                n->regex = std::make_shared<const std::regex>(pat.literal.string(), std::regex::ECMAScript);
            } catch (const std::regex_error &e) {
                throw ExpressionError(charPosition(m_src, pat.offset), std::string("invalid regex pattern: ") + e.what());
            }
        }
        return n;
    }

    std::string_view m_src;
    std::vector<Token> m_toks;
    size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

std::unique_ptr<Node> parseExpressionTree(std::string_view source)
{
    if (source.size() > 10000)
        throw ExpressionError(1, "expression too long (more than 10000 bytes)");
    return Parser(source).parse();
}

} // namespace cx::forms
