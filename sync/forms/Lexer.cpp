// Lexer: tokens of the expression language (see docs/forms.md, "Expressions").
#include "forms/Lexer.h"

#include "forms/ExpressionError.h"

#include <charconv>

namespace cx::forms {

size_t charPosition(std::string_view s, size_t byteOffset)
{
    size_t pos = 1;
    for (size_t i = 0; i < byteOffset && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            ++pos;
    return pos;
}

static bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool isDigit(char c) { return c >= '0' && c <= '9'; }
static bool isIdentChar(char c) { return isIdentStart(c) || isDigit(c); }

std::vector<Token> tokenize(std::string_view s)
{
    std::vector<Token> out;
    auto fail = [&](size_t at, const std::string &what) { throw ExpressionError(charPosition(s, at), what); };
    size_t i = 0;
    while (true) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            ++i;
        Token t;
        t.offset = i;
        if (i >= s.size()) {
            out.push_back(t);
            return out;
        }
        char c = s[i];
        auto two = [&](char next) { return i + 1 < s.size() && s[i + 1] == next; };
        if (isDigit(c) || (c == '.' && i + 1 < s.size() && isDigit(s[i + 1]))) {
            size_t b = i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
            if (i < s.size() && s[i] == '.') {
                ++i;
                while (i < s.size() && isDigit(s[i]))
                    ++i;
            }
            if (i < s.size() && isIdentStart(s[i]))
                fail(i, "expected an operator after the number, found '" + std::string(1, s[i]) + "'");
            t.kind = Tok::Number;
            std::from_chars(s.data() + b, s.data() + i, t.number);
            t.text = std::string(s.substr(b, i - b));
            out.push_back(t);
            continue;
        }
        if (c == '\'' || c == '"') {
            size_t e = s.find(c, i + 1);
            if (e == std::string_view::npos)
                fail(i, std::string("expected a closing ") + c + " for the text that starts here");
            t.kind = Tok::String;
            t.text = std::string(s.substr(i + 1, e - i - 1));
            i = e + 1;
            out.push_back(t);
            continue;
        }
        if (c == '$') {
            if (!two('{'))
                fail(i, "expected '{' after '$' (write ${field_name})");
            size_t e = s.find('}', i + 2);
            if (e == std::string_view::npos)
                fail(i, "expected '}' to close the reference that starts here");
            std::string name(s.substr(i + 2, e - i - 2));
            bool ok = !name.empty();
            for (size_t k = 0; k < name.size(); ++k) {
                char ch = name[k];
                if (!(isIdentChar(ch) || (ch == '/' && k > 0 && k + 1 < name.size())))
                    ok = false;
            }
            if (!ok)
                fail(i + 2, "expected a field name inside ${...}, found '" + name + "'");
            t.kind = Tok::Ref;
            t.text = std::move(name);
            i = e + 1;
            out.push_back(t);
            continue;
        }
        if (isIdentStart(c)) {
            size_t b = i;
            while (i < s.size() && isIdentChar(s[i]))
                ++i;
            // Function names may contain '-' (string-length): take the hyphenated
            // run only when '(' follows it, so "a-b" elsewhere stays a subtraction.
            if (i < s.size() && s[i] == '-') {
                size_t k = i;
                while (k < s.size() && (isIdentChar(s[k]) || (s[k] == '-' && k + 1 < s.size() && isIdentStart(s[k + 1]))))
                    ++k;
                if (k < s.size() && s[k] == '(')
                    i = k;
            }
            t.text = std::string(s.substr(b, i - b));
            if (t.text == "and")
                t.kind = Tok::And;
            else if (t.text == "or")
                t.kind = Tok::Or;
            else if (t.text == "not")
                t.kind = Tok::Not;
            else if (t.text == "div")
                t.kind = Tok::Div;
            else if (t.text == "mod")
                t.kind = Tok::Mod;
            else if (t.text == "true")
                t.kind = Tok::True;
            else if (t.text == "false")
                t.kind = Tok::False;
            else if (t.text == "null")
                t.kind = Tok::Null;
            else
                t.kind = Tok::Ident;
            // true() and false() are functions as well as literals.
            if ((t.kind == Tok::True || t.kind == Tok::False) && i < s.size() && s[i] == '(')
                t.kind = Tok::Ident;
            out.push_back(t);
            continue;
        }
        size_t len = 1;
        switch (c) {
        case '.':
            t.kind = Tok::Dot;
            break;
        case '(':
            t.kind = Tok::LParen;
            break;
        case ')':
            t.kind = Tok::RParen;
            break;
        case ',':
            t.kind = Tok::Comma;
            break;
        case '+':
            t.kind = Tok::Plus;
            break;
        case '-':
            t.kind = Tok::Minus;
            break;
        case '*':
            t.kind = Tok::Star;
            break;
        case '/':
            t.kind = Tok::Slash;
            break;
        case '%':
            t.kind = Tok::Percent;
            break;
        case '=':
            t.kind = Tok::Eq;
            len = two('=') ? 2 : 1;
            break;
        case '!':
            if (!two('='))
                fail(i, "expected '=' after '!' (write != for \"not equal\", or not(...))");
            t.kind = Tok::Ne;
            len = 2;
            break;
        case '<':
            if (two('>')) {
                t.kind = Tok::Ne;
                len = 2;
            } else if (two('=')) {
                t.kind = Tok::Le;
                len = 2;
            } else
                t.kind = Tok::Lt;
            break;
        case '>':
            t.kind = two('=') ? Tok::Ge : Tok::Gt;
            len = two('=') ? 2 : 1;
            break;
        case '&':
            if (two('&')) {
                t.kind = Tok::And;
                len = 2;
                break;
            }
            fail(i, "expected an operand or operator, found '&' (write and)");
            break;
        case '|':
            if (two('|')) {
                t.kind = Tok::Or;
                len = 2;
                break;
            }
            fail(i, "expected an operand or operator, found '|' (write or)");
            break;
        default: {
            size_t e = i + 1;
            while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80)
                ++e;
            fail(i, "unexpected character '" + std::string(s.substr(i, e - i)) + "'");
        }
        }
        t.text = std::string(s.substr(i, len));
        i += len;
        out.push_back(t);
    }
}

std::string describe(const Token &t)
{
    switch (t.kind) {
    case Tok::End:
        return "end of expression";
    case Tok::Number:
        return "number " + t.text;
    case Tok::String:
        return "text '" + t.text + "'";
    case Tok::Ref:
        return "${" + t.text + "}";
    case Tok::Ident:
        return "name '" + t.text + "'";
    default:
        return "'" + t.text + "'";
    }
}

} // namespace cx::forms
