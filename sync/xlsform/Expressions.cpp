// Expressions: a scanner over XLSForm's expression text that copies what both
// languages spell alike and rewrites or refuses the rest; the way back uses
// Cunxiao's own lexer.
#include "xlsform/Expressions.h"

#include "forms/ExpressionError.h"
#include "forms/Lexer.h"

#include <set>

namespace cx::xlsform {

namespace {

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Functions both languages have, with the same name and meaning, and Cunxiao's
// own (docs/forms.md), which an XLSForm written for Cunxiao may use.
const std::set<std::string> kSameFunctions = {
    "if", "concat", "selected", "count-selected", "today", "now", "string-length", "regex", "round", "int", "floor", "abs",
    "number", "string", "contains", "starts-with", "ends-with", "coalesce", "count", "sum", "min", "max", "true", "false", "not",
    // Cunxiao's own
    "empty", "count-value", "date-add", "date-diff", "age", "year", "avg", "ceil", "row"};

struct Hint {
    const char *zh;
    const char *en;
};

// Why a function Cunxiao lacks cannot be used, and what to write instead.
Hint unsupportedHint(const std::string &fn)
{
    if (fn == "pulldata")
        return {"Cunxiao 表单不能读取随表单附带的 CSV 文件；选择已有记录请用 select_one_from_file，其他值请让填表人填写",
                "a Cunxiao form cannot read a CSV file attached to the form; to choose an existing record use "
                "select_one_from_file, otherwise ask for the value in a question"};
    if (fn == "indexed-repeat" || fn == "jr:choice-name" || fn == "selected-at")
        return {"请直接用 ${字段名}；在重复组外读取各行的值请用 sum()、count()、min()、max() 等",
                "refer to the question as ${name}; outside a repeat, use its rows with sum(), count(), min(), max()"};
    if (fn == "date" || fn == "date-time" || fn == "decimal-date-time" || fn == "format-date" || fn == "format-date-time" ||
        fn == "decimal-time")
        return {"Cunxiao 的日期是“年-月-日”文字，日期时间是“年-月-日T时:分:秒+08:00”文字，不能换算成数字或改写格式；"
                "可用 today()、now()、date-add()、date-diff()、year()、age()，比较日期时间可直接用 < 和 >",
                "Cunxiao dates are text written YYYY-MM-DD and date-times text written YYYY-MM-DDTHH:MM:SS+08:00; "
                "they are not turned into numbers or reformatted; use today(), now(), date-add(), date-diff(), "
                "year() or age(), and compare date-times with < and >"};
    if (fn == "once")
        return {"Cunxiao 的默认值只在新建时填入一次：请把表达式写在 default 列",
                "Cunxiao fills a default once, when a draft is "
                "created: put the expression in the default column"};
    if (fn == "uuid" || fn == "random" || fn == "randomize")
        return {"Cunxiao 不生成随机值或编号（每条记录已有唯一编号）",
                "Cunxiao does not make random values or identifiers (every record already has a unique id)"};
    if (fn == "substr" || fn == "substring" || fn == "substring-before" || fn == "substring-after" || fn == "translate" ||
        fn == "normalize-space" || fn == "join" || fn == "string-join")
        return {"Cunxiao 没有这个文字函数；可用 contains()、starts-with()、ends-with()、regex()、string-length()、concat()",
                "Cunxiao has no such text function; use contains(), starts-with(), ends-with(), regex(), "
                "string-length() or concat()"};
    return {"Cunxiao 可用的函数见 docs/forms.md 第 5 节", "see the functions Cunxiao has in docs/forms.md, section 5"};
}

Translation failed(std::string zh, std::string en)
{
    Translation t;
    t.zh = std::move(zh);
    t.en = std::move(en);
    return t;
}

const char *kPathZh = "不支持 XPath 路径、条件或轴（/data/…、..、[…]、@、|、::）；引用问题请写 ${问题名}";
const char *kPathEn = "XPath paths, predicates and axes (/data/..., .., [...], @, |, ::) are not supported; refer to a "
                      "question as ${name}";

} // namespace

bool looksLikeExpression(std::string_view s)
{
    if (s.empty())
        return false;
    if (s[0] == '\'' || s[0] == '"' || s.find("${") != std::string_view::npos)
        return true;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!isLetter(s[i]) || (i > 0 && (isLetter(s[i - 1]) || isDigit(s[i - 1]) || s[i - 1] == '-')))
            continue;
        size_t k = i;
        while (k < s.size() && (isLetter(s[k]) || isDigit(s[k]) || s[k] == '-'))
            ++k;
        while (k < s.size() && s[k] == ' ')
            ++k;
        if (k < s.size() && s[k] == '(')
            return true;
    }
    return false;
}

Translation fromXlsform(std::string_view s, const ExpressionContext &ctx)
{
    Translation out;
    std::string &o = out.text;
    bool operand = false; // the last token was a value (so '/' would be a division)
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        auto next = [&](size_t k) { return i + k < s.size() ? s[i + k] : '\0'; };
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            o += c;
            ++i;
            continue;
        }
        if (c == '\'' || c == '"') {
            size_t e = s.find(c, i + 1);
            if (e == std::string_view::npos)
                return failed(std::string("引号 ") + c + " 没有配对（文字两边各需一个引号）",
                              std::string("the text starting with ") + c + " is not closed by another " + c);
            o += s.substr(i, e - i + 1);
            i = e + 1;
            operand = true;
            continue;
        }
        if (isDigit(c) || (c == '.' && isDigit(next(1)))) {
            size_t b = i;
            while (i < s.size() && (isDigit(s[i]) || s[i] == '.'))
                ++i;
            o += s.substr(b, i - b);
            operand = true;
            continue;
        }
        if (c == '$') {
            size_t e = s.find('}', i);
            if (next(1) != '{' || e == std::string_view::npos)
                return failed("引用问题请写 ${问题名}（$ 后要有 { }）", "write a reference to a question as ${name}");
            std::string name(s.substr(i + 2, e - i - 2));
            auto it = ctx.fields->find(name);
            if (it == ctx.fields->end())
                return failed("没有名为 " + name + " 的问题（${" + name + "}）；请检查拼写，或在 survey 表中加上这个问题",
                              "there is no question named '" + name + "' (${" + name +
                                  "}); check the spelling or add the question to the survey sheet");
            const FieldPlace &p = it->second;
            if (!p.isRepeat && !p.repeat.empty() && p.repeat != ctx.repeat)
                o += "${" + p.repeat + "/" + name + "}";
            else
                o += "${" + name + "}";
            i = e + 1;
            operand = true;
            continue;
        }
        if (isLetter(c)) {
            size_t b = i;
            while (i < s.size() && (isLetter(s[i]) || isDigit(s[i]) || s[i] == '-' || s[i] == '.' ||
                                    (s[i] == ':' && i + 1 < s.size() && isLetter(s[i + 1]))))
                ++i;
            while (i > b && (s[i - 1] == '-' || s[i - 1] == '.')) // "a-" before a number is a subtraction
                --i;
            std::string name(s.substr(b, i - b));
            size_t k = i;
            while (k < s.size() && s[k] == ' ')
                ++k;
            bool call = k < s.size() && s[k] == '(';
            if (name == "and" || name == "or" || name == "div" || name == "mod") {
                o += name;
                operand = false;
                continue;
            }
            if (call) {
                if (name == "position") {
                    size_t e = k + 1;
                    while (e < s.size() && s[e] == ' ')
                        ++e;
                    bool dots = s.substr(e, 2) == "..";
                    e += 2;
                    while (e < s.size() && s[e] == ' ')
                        ++e;
                    if (!dots || e >= s.size() || s[e] != ')')
                        return failed("position() 只支持写成 position(..)，即重复组中的行号",
                                      "position() is supported only as "
                                      "position(..), the row number in a repeat");
                    o += "row()";
                    i = e + 1;
                    operand = true;
                    continue;
                }
                if (name == "ceiling")
                    o += "ceil";
                else if (kSameFunctions.count(name))
                    o += name;
                else {
                    Hint h = unsupportedHint(name);
                    return failed("不支持函数 " + name + "()；" + h.zh, "the function " + name + "() is not supported; " + h.en);
                }
                operand = false;
                continue;
            }
            if (k < s.size() && (static_cast<unsigned char>(s[k]) & 0x80)) { // if（ with a full-width bracket
                i = k;
                continue;
            }
            if (!ctx.choiceFilter || name.find_first_of("-.:") != std::string::npos)
                return failed("不能直接写名称 " + name + "：引用问题请写 ${" + name + "}，文字请加引号 '" + name + "'" +
                                  (name == "true" || name == "false" ? "，真假值请写 " + name + "()" : ""),
                              "a bare name '" + name + "' cannot be used here: write ${" + name + "} for a question or '" + name +
                                  "' (in quotes) for text" + (name == "true" || name == "false" ? ", or " + name + "()" : ""));
            o += ctx.inlineChoices && name == "name" ? "value" : name;
            operand = true;
            continue;
        }
        switch (c) {
        case '.':
            if (next(1) == '.')
                return failed(kPathZh, kPathEn);
            o += '.';
            operand = true;
            ++i;
            continue;
        case '/':
            if (operand)
                return failed("除法请写 div，例如 ${a} div ${b}", "write division as div, e.g. ${a} div ${b}");
            return failed(kPathZh, kPathEn);
        case '[':
        case ']':
        case '@':
        case '|':
            return failed(kPathZh, kPathEn);
        case ':':
            return failed(kPathZh, kPathEn);
        case '%':
            return failed("求余数请写 mod，例如 ${a} mod 2", "write the remainder as mod, e.g. ${a} mod 2");
        case '&':
            return failed("“并且”请写 and", "write and (not &)");
        case '=':
            if (next(1) == '=')
                return failed("等于请只写一个 =", "write equality with one =");
            o += '=';
            operand = false;
            ++i;
            continue;
        case '!':
            if (next(1) != '=')
                return failed("“不是”请写 not(…)，不等于请写 !=", "write not(...) for negation and != for not equal");
            o += "!=";
            operand = false;
            i += 2;
            continue;
        case '<':
        case '>':
            if (c == '<' && next(1) == '>')
                return failed("不等于请写 !=", "write not equal as !=");
            o += c;
            if (next(1) == '=') {
                o += '=';
                ++i;
            }
            operand = false;
            ++i;
            continue;
        case '+':
        case '-':
        case '*':
        case '(':
        case ',':
            o += c;
            operand = false;
            ++i;
            continue;
        case ')':
            o += c;
            operand = true;
            ++i;
            continue;
        default: {
            size_t e = i + 1;
            while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80)
                ++e;
            std::string ch(s.substr(i, e - i));
            return failed("无法识别的字符“" + ch + "”；表达式中的括号、逗号、引号和等号须为半角（英文）符号 ( ) , ' =",
                          "unexpected character '" + ch +
                              "'; brackets, commas, quotes and = in an expression must be "
                              "ASCII (not full-width) characters");
        }
        }
    }
    return out;
}

Translation toXlsform(std::string_view s, const ExpressionContext &ctx)
{
    using forms::Tok;
    std::vector<forms::Token> toks;
    try {
        toks = forms::tokenize(s);
    } catch (const forms::ExpressionError &e) {
        return failed(std::string("表达式有误：") + e.what(), std::string("the expression is malformed: ") + e.what());
    }
    auto end = [&](const forms::Token &t) -> size_t {
        switch (t.kind) {
        case Tok::String:
            return s.find(s[t.offset], t.offset + 1) + 1;
        case Tok::Ref:
            return t.offset + t.text.size() + 3;
        case Tok::End:
            return s.size();
        default:
            return t.offset + t.text.size();
        }
    };
    Translation out;
    std::string &o = out.text;
    size_t at = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
        const forms::Token &t = toks[i];
        o += s.substr(at, t.offset - at);
        at = end(t);
        std::string word = std::string(s.substr(t.offset, at - t.offset));
        bool callNext = i + 1 < toks.size() && toks[i + 1].kind == Tok::LParen;
        switch (t.kind) {
        case Tok::Ref:
            if (auto slash = t.text.find('/'); slash != std::string::npos) {
                if (t.text.substr(0, slash) == ctx.repeat)
                    return failed("在重复组内读取同一重复组的所有行（${" + t.text + "}）在 XLSForm 中无法表达",
                                  "${" + t.text + "} (every row of the repeat, read from inside it) has no XLSForm spelling");
                word = "${" + t.text.substr(slash + 1) + "}";
            }
            break;
        case Tok::Ident:
            if (callNext && t.text == "row" && i + 2 < toks.size() && toks[i + 2].kind == Tok::RParen) {
                word = "position(..)";
                at = toks[i + 2].offset + 1;
                i += 2;
            } else if (callNext && t.text == "ceil") {
                word = "ceiling";
            } else if (!callNext && ctx.inlineChoices && t.text == "value") {
                word = "name";
            }
            break;
        case Tok::And:
            word = t.text == "and" ? word : " and ";
            break;
        case Tok::Or:
            word = t.text == "or" ? word : " or ";
            break;
        case Tok::Eq:
            word = "=";
            break;
        case Tok::Ne:
            word = "!=";
            break;
        case Tok::Percent:
            word = " mod ";
            break;
        case Tok::Slash:
            word = " div ";
            break;
        case Tok::Null:
            word = "''";
            break;
        case Tok::True:
            word = "true()";
            break;
        case Tok::False:
            word = "false()";
            break;
        default:
            break;
        }
        o += word;
    }
    return out;
}

} // namespace cx::xlsform
