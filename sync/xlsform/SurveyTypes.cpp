// SurveyTypes: XLSForm's question types, their older spellings, and the ones
// Cunxiao refuses (each with what to use instead).
#include "xlsform/SurveyTypes.h"

#include "xlsform/Workbook.h"

#include <set>

namespace cx::xlsform {

namespace {

SurveyType unsupported(std::string zh, std::string en)
{
    SurveyType t;
    t.zh = std::move(zh);
    t.en = std::move(en);
    return t;
}

SurveyType question(const std::string &type)
{
    SurveyType t;
    t.kind = SurveyType::Question;
    t.type = type;
    return t;
}

bool startsWith(const std::string &s, const std::string &p) { return s.rfind(p, 0) == 0; }

bool validName(const std::string &s)
{
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z'))
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

} // namespace

SurveyType surveyType(const std::string &cell)
{
    // Lower case, single spaces: "Select One  yes_no" -> "select one yes_no".
    std::string t;
    for (char c : lower(cell)) {
        if (c == ' ' || c == '\t') {
            if (!t.empty() && t.back() != ' ')
                t += ' ';
        } else {
            t += c;
        }
    }
    while (!t.empty() && t.back() == ' ')
        t.pop_back();
    // The list name keeps its spelling.
    std::string rest = t.empty() ? std::string() : cell.substr(cell.find_first_not_of(" \t"));

    if ((t.size() > 9 && t.compare(t.size() - 9, 9, " or_other") == 0) ||
        (t.size() > 19 && t.compare(t.size() - 19, 19, " or specify other") == 0))
        return unsupported(
            "不支持 or_other；请在选项中加一个 other（其他）选项，再加一个 text 问题，relevant 写 selected(${本题}, 'other')",
            "or_other is not supported; add a choice 'other' to the list and a text question with "
            "relevant selected(${this_question}, 'other')");
    for (const char *p : {"select_one_from_file ", "select_multiple_from_file "}) {
        if (!startsWith(t, p))
            continue;
        std::string file = rest.substr(rest.find(' ') + 1);
        file = file.substr(file.find_first_not_of(' '));
        SurveyType q = question(p[7] == 'o' ? "select_one" : "select_many");
        std::string l = lower(file);
        if (l.size() < 5 || l.compare(l.size() - 4, 4, ".csv") != 0)
            return unsupported("Cunxiao 只能从记录中选择：文件名应为 记录集合名.csv，如 pupils.csv（" + file + " 不是）",
                               "Cunxiao draws such choices from records: the file must be COLLECTION.csv, e.g. "
                               "pupils.csv (not " +
                                   file + ")");
        q.collection = file.substr(0, file.size() - 4);
        if (!validName(q.collection))
            return unsupported("记录集合名 " + q.collection + " 应由小写字母、数字和 _ 组成，并以字母开头",
                               "the collection name '" + q.collection +
                                   "' must be lower-case letters, digits and _, "
                                   "starting with a letter");
        return q;
    }
    if (startsWith(t, "select_one_external") || startsWith(t, "select_multiple_external"))
        return unsupported(
            "不支持外部选项表（external_choices）；请把选项放到 choices 表，或用 select_one_from_file 从记录中选择",
            "external choices are not supported; put the choices on the choices sheet, or use "
            "select_one_from_file to choose from records");
    for (auto [p, type] :
         std::initializer_list<std::pair<const char *, const char *>>{{"select_one ", "select_one"},
                                                                      {"select one ", "select_one"},
                                                                      {"select_multiple ", "select_many"},
                                                                      {"select multiple ", "select_many"},
                                                                      {"select all that apply ", "select_many"}}) {
        if (!startsWith(t, p))
            continue;
        // The list name is the last word, as written; before it only the prefix and "from".
        std::string list = rest.substr(rest.find_last_of(" \t") + 1);
        std::string before = t.substr(0, t.size() - list.size());
        SurveyType q = question(type);
        q.list = list;
        if (before != p && before != std::string(p) + "from ")
            return unsupported("选项列表名“" + t.substr(std::string(p).size()) + "”中不能有空格（写法：select_one 列表名）",
                               "the choice list name '" + t.substr(std::string(p).size()) +
                                   "' must not contain spaces (write select_one LIST)");
        return q;
    }
    if (t == "text" || t == "string")
        return question("text");
    if (t == "integer" || t == "int")
        return question("integer");
    if (t == "decimal")
        return question("decimal");
    if (t == "date" || t == "time" || t == "geopoint" || t == "note" || t == "signature")
        return question(t);
    if (t == "datetime")
        return question("datetime");
    if (t == "gps")
        return question("geopoint");
    if (t == "image" || t == "photo")
        return question("photo");
    if (t == "calculate") {
        SurveyType q = question("text");
        q.calculate = true;
        return q;
    }
    if (t == "acknowledge" || t == "trigger") {
        SurveyType q = question("select_one");
        q.acknowledge = true;
        return q;
    }
    SurveyType c;
    if (t == "begin group" || t == "begin_group")
        c.kind = SurveyType::BeginGroup;
    else if (t == "end group" || t == "end_group")
        c.kind = SurveyType::EndGroup;
    else if (t == "begin repeat" || t == "begin_repeat")
        c.kind = SurveyType::BeginRepeat;
    else if (t == "end repeat" || t == "end_repeat")
        c.kind = SurveyType::EndRepeat;
    if (c.kind != SurveyType::Unsupported) {
        c.type = c.kind == SurveyType::BeginRepeat ? "repeat" : "group";
        return c;
    }
    static const std::set<std::string> metadata = {"start",          "end",         "today",        "deviceid",  "subscriberid",
                                                   "simserial",      "phonenumber", "username",     "email",     "audit",
                                                   "start-geopoint", "imei",        "uri:deviceid", "uri:email", "uri:username"};
    if (metadata.count(t))
        return unsupported("不支持元数据题型 " + t + "；Cunxiao 会自动记录每次修改的人员和时间，请删除这一行",
                           "the metadata type '" + t +
                               "' is not supported; Cunxiao records who changed what and "
                               "when by itself, so delete this row");
    if (t == "phone number" || t == "phone_number")
        return unsupported("不支持 phone number 题型；请用 text，并写 constraint regex(., '^1[3-9][0-9]{9}$')",
                           "the type 'phone number' is not supported; use text with the constraint "
                           "regex(., '^1[3-9][0-9]{9}$')");
    if (startsWith(t, "begin loop") || startsWith(t, "begin_loop") || t == "end loop" || t == "end_loop")
        return unsupported("不支持 loop（循环组）；请改用 begin repeat 或逐个写出问题",
                           "loops are not supported; use a begin repeat or write the questions out");
    if (t.empty())
        return unsupported("type 列为空；请填写题型，或在行首写 # 把这一行作为注释",
                           "the type is empty; fill in a type, or start the row with # to make it a comment");
    return unsupported(
        "Cunxiao 没有 " + t +
            " 题型（可用：text、integer、decimal、select_one、select_multiple、"
            "select_one_from_file、date、time、dateTime、geopoint、image、signature、note、calculate、acknowledge、"
            "begin group、begin repeat）",
        "the question type '" + t +
            "' is not supported (Cunxiao has text, integer, decimal, "
            "select_one, select_multiple, select_one_from_file, date, time, dateTime, geopoint, image, signature, "
            "note, calculate, acknowledge, begin group, begin repeat)");
}

} // namespace cx::xlsform
