// Converter, the survey sheet: one field per row, groups and repeats from the
// begin/end rows, expressions translated, choice lists attached.
#include "xlsform/Converter.h"
#include "xlsform/SurveyTypes.h"

#include "forms/Value.h"

#include <cstdlib>

namespace cx::xlsform {

namespace {

// yes / true / TRUE() / 1 -> true; no / false / 0 -> false; anything else is an expression.
std::optional<bool> yesNo(const std::string &s)
{
    std::string l = lower(s);
    if (l == "yes" || l == "true" || l == "true()" || l == "1" || l == "y")
        return true;
    if (l == "no" || l == "false" || l == "false()" || l == "0" || l == "n")
        return false;
    return std::nullopt;
}

// A dateTime default as Cunxiao stores it ("2026-12-07T09:30:00+08:00"), from
// that text or from what Excel holds: a date-time with no zone (a number
// formatted as date and time, "2026-12-07T09:30"; or typed "2026-12-07 09:30"),
// which is China's time, +08:00, as the bureau that typed it means.
// `zoneAdded` says the offset was not written.
std::optional<std::string> dateTimeDefault(std::string d, bool &zoneAdded)
{
    zoneAdded = false;
    if (d.size() > 10 && d[10] == ' ')
        d[10] = 'T';
    if (cx::forms::parseDateTime(d))
        return d;
    if (d.size() == 10 && cx::forms::parseDate(d))
        d += "T00:00";
    if (d.size() == 16 || d.size() == 19) {
        std::string withZone = d + (d.size() == 16 ? ":00" : "") + "+08:00";
        if (cx::forms::parseDateTime(withZone)) {
            zoneAdded = true;
            return withZone;
        }
    }
    return std::nullopt;
}

bool wholeNumber(const std::string &s, long &out)
{
    if (s.empty() || s.size() > 9)
        return false;
    char *end = nullptr;
    out = std::strtol(s.c_str(), &end, 10);
    return *end == '\0' && out >= 0;
}

struct Frame {
    cx::Json field; // the group or repeat being filled (null for the top)
    SurveyType::Kind kind;
    std::string repeat; // the repeat its fields are in
};

} // namespace

ExpressionContext Converter::context(const std::string &repeat) const
{
    ExpressionContext c;
    c.fields = &m_fields;
    c.repeat = repeat;
    return c;
}

void Converter::scanSurvey()
{
    struct Open {
        SurveyType::Kind kind;
        std::string name;
        int row;
    };
    std::vector<Open> stack;
    auto innerRepeat = [&] {
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            if (it->kind == SurveyType::BeginRepeat)
                return it->name;
        return std::string();
    };
    for (const Row *r : m_survey.rows()) {
        SurveyType st = surveyType(m_survey.text(*r, "type"));
        std::string name = m_survey.text(*r, "name");
        if (st.kind == SurveyType::EndGroup || st.kind == SurveyType::EndRepeat) {
            auto begin = st.kind == SurveyType::EndGroup ? SurveyType::BeginGroup : SurveyType::BeginRepeat;
            const char *zhWhat = begin == SurveyType::BeginGroup ? "end group" : "end repeat";
            if (stack.empty() || stack.back().kind != begin) {
                problem(
                    m_survey, r->number, "type",
                    std::string(zhWhat) + " 没有对应的 begin" + (begin == SurveyType::BeginGroup ? " group" : " repeat") +
                        (stack.empty() ? "" : "（第 " + std::to_string(stack.back().row) + " 行开始的组尚未结束）"),
                    std::string(zhWhat) + " has no matching begin" + (begin == SurveyType::BeginGroup ? " group" : " repeat") +
                        (stack.empty() ? "" : " (the one opened in row " + std::to_string(stack.back().row) + " is still open)"));
                continue;
            }
            stack.pop_back();
            continue;
        }
        if (!name.empty())
            m_fields[name] = {innerRepeat(), st.kind == SurveyType::BeginRepeat};
        if (st.kind == SurveyType::BeginGroup || st.kind == SurveyType::BeginRepeat)
            stack.push_back({st.kind, name, r->number});
    }
    for (const auto &o : stack)
        problem(m_survey, o.row, "type",
                std::string("这个 ") + (o.kind == SurveyType::BeginGroup ? "begin group" : "begin repeat") + " 没有对应的 end 行",
                std::string("this ") + (o.kind == SurveyType::BeginGroup ? "begin group" : "begin repeat") +
                    " is never closed (add an end row)");
}

void Converter::buildSurvey()
{
    std::vector<Frame> stack;
    stack.push_back({cx::Json::array(), SurveyType::Unsupported, ""});
    std::vector<cx::Json> top;
    auto add = [&](cx::Json f) {
        if (stack.size() == 1)
            top.push_back(std::move(f));
        else
            stack.back().field["fields"].push_back(std::move(f));
    };
    for (const Row *r : m_survey.rows()) {
        SurveyType st = surveyType(m_survey.text(*r, "type"));
        if (st.kind == SurveyType::Unsupported) {
            std::string name = m_survey.text(*r, "name");
            for (std::string *text : {&st.zh, &st.en})
                for (size_t at; (at = text->find("{name}")) != std::string::npos;)
                    text->replace(at, 6, name.empty() ? "when" : name);
            problem(m_survey, r->number, "type", st.zh, st.en);
            continue;
        }
        if (st.kind == SurveyType::EndGroup || st.kind == SurveyType::EndRepeat) {
            auto begin = st.kind == SurveyType::EndGroup ? SurveyType::BeginGroup : SurveyType::BeginRepeat;
            if (stack.size() > 1 && stack.back().kind == begin) {
                cx::Json f = std::move(stack.back().field);
                stack.pop_back();
                add(std::move(f));
            }
            continue;
        }
        cx::Json f = cx::Json::object();
        if (!convertRow(*r, f, stack.back().repeat))
            continue;
        if (st.kind == SurveyType::BeginGroup || st.kind == SurveyType::BeginRepeat) {
            f["fields"] = cx::Json::array();
            std::string repeat = st.kind == SurveyType::BeginRepeat ? f.value("name", "") : stack.back().repeat;
            stack.push_back({std::move(f), st.kind, repeat});
            if (stack.size() == 2)
                m_pageRows.push_back(r->number);
            continue;
        }
        add(std::move(f));
    }
    while (stack.size() > 1) { // not closed (reported): keep what it holds
        cx::Json f = std::move(stack.back().field);
        stack.pop_back();
        add(std::move(f));
    }
    // Pages: when every top-level row is a group shown as one screen
    // (appearance field-list) with nothing else to it, each is a page.
    bool pages = !top.empty();
    for (const auto &f : top) {
        bool plain = f.value("type", "") == "group" && f.value("appearance", "") == "field-list";
        for (const auto &[k, v] : f.items())
            if (k != "name" && k != "type" && k != "label" && k != "appearance" && k != "fields")
                plain = false;
        pages = pages && plain;
    }
    if (pages) {
        m_form["pages"] = cx::Json::array();
        for (auto &f : top) {
            cx::Json page = {{"id", f["name"]}, {"fields", f["fields"]}};
            if (f.contains("label"))
                page["title"] = f["label"];
            m_form["pages"].push_back(std::move(page));
        }
    } else {
        m_pageRows.clear();
        m_form["fields"] = top;
    }
}

bool Converter::convertRow(const Row &row, cx::Json &f, const std::string &repeat)
{
    std::string type = m_survey.text(row, "type");
    std::string name = m_survey.text(row, "name");
    SurveyType st = surveyType(type);
    if (name.empty()) {
        problem(m_survey, row.number, "name", "name 列为空；每个问题（以及组）都需要一个名称，如 pupil_count",
                "the name is empty; every question (and group) needs a name, e.g. pupil_count");
        return false;
    }
    Place &place = m_places[name];
    place.row = row.number;
    for (const auto &c : m_survey.columns())
        if (row.cell(c.index))
            place.used.insert(c.key);
    for (const auto &[col, cell] : row.cells)
        if (cell.error)
            for (const auto &c : m_survey.columns())
                if (c.index == col)
                    problem(m_survey, row.number, c.key, "单元格是 Excel 错误值 " + cell.text + "；请改为实际内容",
                            "the cell holds the Excel error " + cell.text + "; replace it with its content");
    f["name"] = name;
    f["type"] = st.type;
    setTexts(row, f, "label", "label");
    setTexts(row, f, "hint", "hint");
    setTexts(row, f, "required_message", "required_message");
    setTexts(row, f, "constraint_message", "constraint_message");
    ExpressionContext ctx = context(repeat);

    for (auto [column, key] :
         std::initializer_list<std::pair<const char *, const char *>>{{"required", "required"}, {"read_only", "readonly"}}) {
        std::string v = m_survey.text(row, column);
        if (v.empty())
            continue;
        if (auto b = yesNo(v)) {
            if (*b)
                f[key] = true;
        } else {
            setExpression(row, f, column, key, ctx);
        }
    }
    setExpression(row, f, "relevant", "relevant", ctx);
    setExpression(row, f, "constraint", "constraint", ctx);
    setExpression(row, f, "calculation", "calculate", ctx);

    std::string appearance = m_survey.text(row, "appearance");
    if (st.type == "photo" && (" " + appearance + " ").find(" signature ") != std::string::npos) {
        f["type"] = "signature";
        std::string rest;
        for (size_t b = 0; b < appearance.size();) {
            size_t e = appearance.find(' ', b);
            std::string w = appearance.substr(b, e == std::string::npos ? std::string::npos : e - b);
            if (!w.empty() && w != "signature")
                rest += (rest.empty() ? "" : " ") + w;
            b = e == std::string::npos ? appearance.size() : e + 1;
        }
        appearance = rest;
    }
    if (st.acknowledge) {
        f["options"] = cx::Json::array({{{"value", "OK"}, {"label", {{"zh", "确认"}, {"en", "OK"}}}}});
        appearance = appearance.empty() ? "acknowledge" : "acknowledge " + appearance;
    }
    if (!appearance.empty())
        f["appearance"] = appearance;

    if (st.calculate) {
        if (!f.contains("calculate") && m_survey.text(row, "calculation").empty())
            problem(m_survey, row.number, "calculation", "calculate 类型的行需要在 calculation 列写出计算式",
                    "a calculate row needs its expression in the calculation column");
        if (!f.contains("label")) {
            f["label"] = {{m_hasChinese ? std::string("zh") : m_plainLanguage, name}};
            note("第 " + std::to_string(row.number) + " 行的计算 " + name + " 没有标签，Cunxiao 会显示计算结果，以名称作标签",
                 "the calculation " + name + " (row " + std::to_string(row.number) +
                     ") has no label; Cunxiao shows calculated values, so its name is its label");
        }
    }

    if (!st.list.empty()) {
        auto it = m_lists.find(st.list);
        if (it == m_lists.end()) {
            problem(m_survey, row.number, "type", "choices 表中没有名为 " + st.list + " 的选项列表",
                    "there is no choice list named '" + st.list + "' on the choices sheet (list_name column)");
        } else {
            cx::Json opts = cx::Json::array();
            for (const Choice &c : it->second) {
                cx::Json o = c.properties;
                o["value"] = c.name;
                o["label"] = cx::Json::object();
                for (const auto &[lang, text] : c.labels)
                    o["label"][lang] = text;
                opts.push_back(std::move(o));
                place.choiceRows.push_back(c.row);
            }
            f["options"] = std::move(opts);
        }
    }
    std::string parameters = m_survey.text(row, "parameters");
    if (!st.collection.empty()) {
        cx::Json from = {{"collection", st.collection}, {"label", "label"}, {"value", "name"}};
        for (size_t b = 0; b < parameters.size();) {
            size_t e = parameters.find_first_of(" ,;", b);
            std::string kv = parameters.substr(b, e == std::string::npos ? std::string::npos : e - b);
            b = e == std::string::npos ? parameters.size() : e + 1;
            if (kv.empty())
                continue;
            auto eq = kv.find('=');
            std::string k = lower(kv.substr(0, eq));
            if (eq == std::string::npos || (k != "value" && k != "label"))
                problem(m_survey, row.number, "parameters", "参数 " + kv + " 无法识别；这里只能写 value=字段 label=字段",
                        "the parameter '" + kv + "' is not understood; write value=FIELD label=FIELD");
            else
                from[k] = kv.substr(eq + 1);
        }
        ExpressionContext fc = ctx;
        fc.choiceFilter = true;
        cx::Json filterHolder = cx::Json::object();
        setExpression(row, filterHolder, "choice_filter", "filter", fc);
        if (filterHolder.contains("filter"))
            from["filter"] = filterHolder["filter"];
        f["from"] = std::move(from);
    } else {
        if (!parameters.empty())
            problem(m_survey, row.number, "parameters", "这种题型不支持 parameters 列",
                    "parameters are not supported for this type of question");
        ExpressionContext fc = ctx;
        fc.choiceFilter = fc.inlineChoices = true;
        setExpression(row, f, "choice_filter", "options_filter", fc);
    }

    std::string count = m_survey.text(row, "repeat_count");
    long n = 0;
    if (!count.empty()) {
        if (wholeNumber(count, n)) {
            f["min_rows"] = n;
            f["max_rows"] = n;
        } else {
            // The forms engine has only fixed limits (min_rows, max_rows); a
            // count read from an answer would change the form silently.
            std::string zh = "repeat_count 必须是整数（如 3），不能是“" + count +
                             "”：Cunxiao 重复组的行数不能由表达式或其他问题的答案决定；请写固定行数，"
                             "或在 min_rows / max_rows 列写行数的下限和上限";
            std::string en = "repeat_count must be a whole number (e.g. 3), not '" + count +
                             "': a Cunxiao repeat cannot take its number of rows from an expression or an answer; "
                             "write a fixed number, or the lower and upper limits in the min_rows and max_rows columns";
            // ${n}: the rows can still be checked against that answer.
            if (count.size() > 3 && count.compare(0, 2, "${") == 0 && count.back() == '}' &&
                count.find_first_of("${} ", 2) == count.size() - 1) {
                std::string q = count.substr(2, count.size() - 3);
                zh += "；要核对行数与 " + q + " 的答案一致，可在 " + q + " 这一行的 constraint 列写 . = count(${" + name + "})";
                en += "; to check the rows against the answer to " + q + ", give the row of " + q +
                      " the constraint . = count(${" + name + "})";
            }
            problem(m_survey, row.number, "repeat_count", zh, en);
        }
    }
    for (const char *k : {"min_rows", "max_rows"}) {
        std::string v = m_survey.text(row, k);
        if (v.empty())
            continue;
        if (wholeNumber(v, n))
            f[k] = n;
        else
            problem(m_survey, row.number, k, std::string(k) + " 应为 0 到 10000 的整数",
                    std::string(k) + " must be a whole number");
    }
    if (std::string m = m_survey.text(row, "multiple"); !m.empty()) {
        auto b = yesNo(m);
        if (!b)
            problem(m_survey, row.number, "multiple", "multiple 列请写 yes 或 no", "write yes or no in the multiple column");
        else if (*b)
            f["multiple"] = true;
    }

    std::string d = m_survey.text(row, "default");
    if (!d.empty()) {
        const std::string &t = f["type"].get_ref<const std::string &>();
        char *end = nullptr;
        double num = std::strtod(d.c_str(), &end);
        if (t == "geopoint") {
            // "lat lon [alt [accuracy]]": Cunxiao's location object (as text it
            // would not be a location).
            std::vector<double> n;
            const char *p = d.c_str();
            for (char *e = nullptr; *p; p = e) {
                double v = std::strtod(p, &e);
                if (e == p || (*e && *e != ' '))
                    break;
                n.push_back(v);
                while (*e == ' ')
                    ++e;
            }
            if (*p || n.size() < 2 || n.size() > 4 || n[0] < -90 || n[0] > 90 || n[1] < -180 || n[1] > 180 ||
                (n.size() == 4 && n[3] < 0)) {
                problem(m_survey, row.number, "default",
                        "位置的默认值应写纬度和经度（可再写海拔和精度），用空格分开，如 27.7 103.7",
                        "a location's default must be latitude and longitude, optionally altitude and accuracy, "
                        "separated by spaces (e.g. 27.7 103.7)");
            } else {
                f["default"] = {{"lat", n[0]}, {"lon", n[1]}};
                if (n.size() > 2)
                    f["default"]["alt"] = n[2];
                if (n.size() > 3)
                    f["default"]["accuracy"] = n[3];
            }
        } else if (looksLikeExpression(d)) {
            setExpression(row, f, "default", "default", ctx);
        } else if (t == "datetime") {
            bool zoneAdded = false;
            if (auto v = dateTimeDefault(d, zoneAdded)) {
                f["default"] = "'" + *v + "'";
                if (zoneAdded)
                    note("第 " + std::to_string(row.number) + " 行的默认日期时间没有时区，按北京时间读作 " + *v,
                         "row " + std::to_string(row.number) +
                             ": the default date-time has no time zone; read as "
                             "China's time, " +
                             *v);
            } else {
                problem(m_survey, row.number, "default",
                        "日期时间的默认值应写成 年-月-日 时:分（如 2026-12-07 09:30，按北京时间），或带时区："
                        "2026-12-07T09:30:00+08:00；“" +
                            d + "”不是",
                        "a date-time default must be written YYYY-MM-DD HH:MM (e.g. 2026-12-07 09:30, China's "
                        "time) or with its offset, 2026-12-07T09:30:00+08:00; '" +
                            d + "' is not");
            }
        } else if ((t == "integer" || t == "decimal") && *end == '\0') {
            if (t == "integer" && num == double(static_cast<long long>(num)))
                f["default"] = static_cast<long long>(num);
            else
                f["default"] = num;
        } else if (t == "select_many") {
            f["default"] = cx::Json::array();
            for (size_t b = 0; b < d.size();) {
                size_t e = d.find(' ', b);
                std::string v = d.substr(b, e == std::string::npos ? std::string::npos : e - b);
                if (!v.empty())
                    f["default"].push_back(v);
                b = e == std::string::npos ? d.size() : e + 1;
            }
        } else if (d.find('\'') == std::string::npos) {
            f["default"] = "'" + d + "'";
        } else if (d.find('"') == std::string::npos) {
            f["default"] = "\"" + d + "\"";
        } else {
            problem(m_survey, row.number, "default", "默认值中不能同时有单引号和双引号",
                    "a default cannot contain both ' and \"");
        }
    }
    return true;
}

void Converter::setExpression(const Row &row, cx::Json &f, const std::string &column, const std::string &key,
                              const ExpressionContext &ctx)
{
    std::string v = m_survey.text(row, column);
    if (v.empty())
        return;
    Translation t = fromXlsform(v, ctx);
    if (!t.ok()) {
        problem(m_survey, row.number, column, t.zh, t.en);
        return;
    }
    f[key] = t.text;
}

void Converter::setTexts(const Row &row, cx::Json &f, const std::string &column, const std::string &key)
{
    auto texts = m_survey.texts(row, column, m_plainLanguage);
    if (texts.empty())
        return;
    for (const auto &[lang, text] : texts)
        if (text.find("${") != std::string::npos) {
            std::string header = column;
            for (const auto &c : m_survey.columns())
                if (c.key == column && row.cell(c.index) && row.cell(c.index)->text == text)
                    header = c.header;
            problem(m_survey, row.number, header,
                    "Cunxiao 的标签和提示不能显示其他问题的答案（" + text.substr(text.find("${")) +
                        "）；请删去 ${…}，或另加一个 calculate 问题显示它",
                    "Cunxiao labels and hints cannot show answers (" + text.substr(text.find("${")) +
                        "); remove the ${...} reference, or show the value in a calculate question");
            return;
        }
    f[key] = cx::Json::object();
    for (const auto &[lang, text] : texts)
        f[key][lang] = text;
}

} // namespace cx::xlsform
