#pragma once
// Lexer: splits an expression's text into tokens, each with its byte offset,
// so the parser can report "position N: expected ...".
#include <string>
#include <string_view>
#include <vector>

namespace cx::forms {

enum class Tok {
    End,
    Number,
    String,
    Ref,
    Dot,
    Ident,
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Not,
    Div,
    Mod,
    True,
    False,
    Null,
};

struct Token {
    Tok kind = Tok::End;
    std::string text; // identifier, reference name (without ${ }), or decoded string
    double number = 0;
    size_t offset = 0; // byte offset in the source
};

// Throws ExpressionError on a bad character, an unterminated string or ${...}.
std::vector<Token> tokenize(std::string_view source);

// Describes a token for an error message: "')'", "end of expression", "name 'foo'".
std::string describe(const Token &t);

// 1-based character (not byte) position of a byte offset in UTF-8 text.
size_t charPosition(std::string_view source, size_t byteOffset);

} // namespace cx::forms
