// Converter: the sheets, the settings, the language rules, and the final check
// through Cunxiao's definition reader with its problems mapped back to rows.
#include "xlsform/Converter.h"

#include "forms/DefinitionReader.h"
#include "forms/FormDefinition.h"
#include "xlsform/Languages.h"

#include <algorithm>
#include <filesystem>

namespace cx::xlsform {

namespace {

const std::set<std::string> kSurveyColumns = {"type",        "name",       "label",
                                              "hint",        "required",   "required_message",
                                              "relevant",    "constraint", "constraint_message",
                                              "calculation", "default",    "choice_filter",
                                              "appearance",  "read_only",  "repeat_count",
                                              "parameters",  "min_rows",   "max_rows",
                                              "multiple"};
const std::set<std::string> kSurveyUnsupported = {
    "media::image", "media::audio", "media::video", "media::big-image",        "image",
    "audio",        "video",        "big-image",    "guidance_hint",           "trigger",
    "autoplay",     "intent",       "save_to",      "body::accuracythreshold", "body::intent"};
const std::set<std::string> kChoicesColumns = {"list_name", "name", "value", "label"};
const std::set<std::string> kChoicesUnsupported = {"media::image", "media::audio", "media::video", "image",
                                                   "audio",        "video",        "big-image",    "media::big-image"};
const std::set<std::string> kSettingsColumns = {"form_id",     "version", "form_title", "default_language",
                                                "description", "roles",   "schools"};
const std::set<std::string> kSettingsIgnored = {
    "style",     "instance_name", "allow_choice_duplicates", "name",     "namespaces", "clean_text_values",
    "auto_send", "auto_delete",   "omit_instanceid",         "id_string"};
const std::set<std::string> kSettingsUnsupported = {"public_key", "submission_url"};

bool validName(const std::string &s)
{
    if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z'))
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

// The Chinese for the definition reader's (English) messages, by what they start with or hold.
std::string readerZh(const std::string &en)
{
    static const std::vector<std::pair<const char *, const char *>> table = {
        {"the Chinese text", "缺少中文文字"},
        {"missing; write", "缺少这一项（请填写中文，最好也填写英文）"},
        {"duplicate field name", "名称重复：整个表单（包括组和重复组内）的名称必须各不相同"},
        {"duplicate option value", "同一列表中的选项 name 重复"},
        {"must not contain spaces", "选项 name 中不能有空格"},
        {"unknown field", "引用了不存在的问题"},
        {"cycle", "计算或显示条件相互依赖，形成了循环"},
        {"a repeat inside another repeat", "不支持重复组内再套重复组；请改用组（group）或另建一个表单"},
        {"not allowed on a", "这种题型不能使用这一列"},
        {"must be a non-empty list of fields", "组或重复组中没有任何问题"},
        {"has one value per row", "重复组中的问题在组外要放在 sum()、count()、min()、max() 或 avg() 中使用"},
        {"a field needs a name", "名称须由小写字母、数字和 _ 组成，并以字母开头，如 pupil_count"},
        {"unknown role", "roles 中有无法识别的角色（可用 head、teacher、inspector、bureau）"},
        {"must list who fills the form", "请在 settings 表 roles 列写出由谁填写（head、teacher、inspector、bureau）"},
        {"must be lowercase letters", "表单编号须由小写字母、数字和 _ 组成，并以字母开头"},
        {"unknown function", "不支持这个函数"},
        {"wrong number of arguments", "函数的参数个数不对"},
        {"expected", "表达式写法有误"},
        {"is not an option", "默认值不是这个问题的选项"},
        {"is less than min_rows", "max_rows 小于 min_rows"},
        {"must be at least 1", "max_rows 至少为 1"},
        {"'.'", "“.”（本题答案）只能用在 constraint 列"},
    };
    for (const auto &[k, zh] : table)
        if (en.find(k) != std::string::npos)
            return zh;
    return "Cunxiao 的表单检查未通过";
}

// The survey column a definition reader "where" comes from.
std::string columnOf(const std::string &where, const std::set<std::string> &used)
{
    if (where == "calculate")
        return "calculation";
    if (where == "options_filter" || where == "from.filter")
        return "choice_filter";
    if (where == "readonly")
        return "read_only";
    if (where.rfind("from", 0) == 0 || where == "fields" || where == "options")
        return "type";
    if (where == "min_rows" || where == "max_rows")
        return used.count(where) ? where : "repeat_count";
    return where.empty() ? "type" : where;
}

} // namespace

Converter::Converter(const Workbook &workbook, const ImportOptions &options) : m_workbook(workbook), m_options(options)
{
    if (const Sheet *s = workbook.find("survey"))
        m_survey = Table(*s, s->name);
    if (const Sheet *s = workbook.find("choices"))
        m_choices = Table(*s, s->name);
    if (const Sheet *s = workbook.find("settings"))
        m_settings = Table(*s, s->name);
}

void Converter::problem(const Table &t, int row, const std::string &columnKey, std::string zh, std::string en)
{
    XlsformProblem p;
    p.sheet = t.present() ? t.name() : &t == &m_settings ? "settings" : &t == &m_choices ? "choices" : "survey";
    p.row = row;
    p.column = columnKey;
    bool header = false;
    for (const auto &c : t.columns())
        header = header || c.header == columnKey;
    if (!header && !columnKey.empty())
        p.column = t.header(columnKey);
    p.zh = std::move(zh);
    p.en = std::move(en);
    if (&t == &m_survey && row > 0)
        m_badRows.insert(row);
    for (const auto &q : m_problems)
        if (q.sheet == p.sheet && q.row == p.row && q.column == p.column && q.en == p.en)
            return;
    if (m_problems.size() < 500)
        m_problems.push_back(std::move(p));
}

void Converter::note(const std::string &zh, const std::string &en)
{
    std::string n = zh + " / " + en;
    for (const auto &m : m_notes)
        if (m == n)
            return;
    m_notes.push_back(n);
}

void Converter::readSettings()
{
    const Row *row = m_settings.present() && !m_settings.rows().empty() ? m_settings.rows().front() : nullptr;
    m_settingsRow = row ? row->number : 0;
    auto text = [&](const std::string &key) { return row ? m_settings.text(*row, key) : std::string(); };

    if (std::string lang = text("default_language"); !lang.empty()) {
        m_plainLanguage = languageCode(lang);
        if (m_plainLanguage.empty()) {
            problem(m_settings, m_settingsRow, "default_language",
                    "无法识别语言“" + lang + "”；请写成 名称 (代码)，如 中文 (zh)、English (en)",
                    "the language '" + lang + "' is not known; write it as Name (code), e.g. 中文 (zh) or English (en)");
            m_plainLanguage = "zh";
        }
    }
    m_fallbackLanguage = m_plainLanguage;
    bool explicitDefault = !text("default_language").empty();
    for (const Table *t : {&m_survey, &m_choices})
        for (const auto &c : t->columns()) {
            if (c.key == "label" && (c.language == "zh" || (c.language.empty() && m_plainLanguage == "zh")))
                m_hasChinese = true;
            if (c.key == "label" && !explicitDefault && !c.language.empty() && c.language != "?" &&
                m_fallbackLanguage == m_plainLanguage && c.language != m_plainLanguage)
                m_fallbackLanguage = c.language; // the first language written out, when no default is set
        }

    std::string id = m_options.id;
    std::string idWhere = "--id";
    if (id.empty() && !text("form_id").empty()) {
        id = text("form_id");
        idWhere = "form_id";
    }
    if (id.empty()) {
        id = std::filesystem::path(m_options.fileName).stem().string();
        idWhere = "file";
    }
    m_idReported = !validName(id);
    if (m_idReported) {
        std::string zh = "表单编号“" + id + "”须由小写字母、数字和 _ 组成，并以字母开头，如 class_return";
        std::string en = "the form id '" + id +
                         "' must be lower-case letters, digits and _ starting with a letter, "
                         "e.g. class_return";
        if (idWhere == "form_id")
            problem(m_settings, m_settingsRow, "form_id", zh, en);
        else
            m_problems.push_back(
                fileProblem(zh + (idWhere == "file" ? "（取自文件名；可用 --id 指定，或在 settings 表写 form_id）" : ""),
                            en + (idWhere == "file" ? " (taken from the file name; give --id, or "
                                                      "write form_id on the settings sheet)"
                                                    : "")));
    }
    m_form["id"] = id;

    if (std::string v = text("version"); !v.empty()) {
        char *end = nullptr;
        long long n = std::strtoll(v.c_str(), &end, 10);
        if (*end != '\0' || n < 1 || n > 1000000)
            problem(m_settings, m_settingsRow, "version",
                    "版本号“" + v + "”应为 1 到 1000000 的整数（每次修改后加 1）；也可以清空这一格，发布时自动编号",
                    "the version '" + v +
                        "' must be a whole number from 1 to 1000000 (add 1 for each change); or "
                        "leave the cell empty and publishing numbers the version");
        else
            m_form["version"] = n;
    }
    auto texts = [&](const std::string &key) {
        cx::Json j = cx::Json::object();
        if (row)
            for (const auto &[lang, t] : m_settings.texts(*row, key, m_plainLanguage))
                j[lang] = t;
        return j;
    };
    cx::Json title = texts("form_title");
    if (title.empty()) {
        title[m_hasChinese ? std::string("zh") : m_plainLanguage] = id;
        note("没有 form_title，以表单编号作标题", "no form_title: the form id is the title");
    }
    m_form["title"] = title;
    if (cx::Json d = texts("description"); !d.empty())
        m_form["description"] = d;

    auto words = [](const std::string &s) {
        std::vector<std::string> out;
        std::string cur;
        for (char c : s + " ") {
            if (c == ' ' || c == ',' || c == ';') {
                if (!cur.empty())
                    out.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        return out;
    };
    if (std::string roles = text("roles"); !roles.empty()) {
        m_form["roles"] = cx::Json::array();
        for (const auto &r : words(roles))
            m_form["roles"].push_back(r);
    } else {
        m_form["roles"] = {"head"};
        note("settings 表没有 roles 列：表单由校长（head）填写；可在 roles 列写 head teacher inspector bureau",
             "the settings sheet has no roles: the form is for school heads (head); list head, teacher, inspector "
             "and/or bureau in a roles column");
    }
    if (std::string schools = text("schools"); !schools.empty()) {
        if (schools == "*")
            m_form["schools"] = "*";
        else {
            m_form["schools"] = cx::Json::array();
            for (const auto &s : words(schools))
                m_form["schools"].push_back(s);
        }
    }
    if (row)
        for (const auto &c : m_settings.columns())
            if (c.key.rfind("meta::", 0) == 0 && row->cell(c.index))
                m_form["meta"][c.key.substr(6)] = row->cell(c.index)->text;
}

void Converter::checkColumns(const Table &t, const std::set<std::string> &known, const std::set<std::string> &unsupported)
{
    for (const auto &c : t.columns()) {
        if (c.language == "?") {
            problem(t, t.headerRow(), c.header,
                    "无法识别列名中的语言“" + c.languageName + "”；请写成 " + c.key + "::名称 (代码)，如 " + c.key +
                        "::中文 (zh)",
                    "the language '" + c.languageName + "' in the column name is not known; write " + c.key +
                        "::Name (code), e.g. " + c.key + "::English (en)");
            continue;
        }
        if (known.count(c.key) || c.key.rfind("meta::", 0) == 0)
            continue;
        if (unsupported.count(c.key)) {
            for (const Row *r : t.rows())
                if (r->cell(c.index))
                    problem(t, r->number, c.header, "Cunxiao 不支持 " + c.header + " 列（媒体、加密、外部提交等）；请清空这一格",
                            "the column " + c.header + " is not supported by Cunxiao; empty this cell");
            continue;
        }
        if (&t == &m_settings && kSettingsIgnored.count(c.key)) {
            note("settings 表的 " + c.header + " 列对 Cunxiao 没有作用，已忽略",
                 "the settings column " + c.header + " has no meaning in Cunxiao and is ignored");
            continue;
        }
        std::string near;
        for (const auto &k : known)
            if (c.key.size() >= 4 && forms::editDistance(c.key, k) <= 2)
                near = k;
        if (!near.empty())
            problem(t, t.headerRow(), c.header, "无法识别的列名 " + c.header + "，是否应为 " + near + "？",
                    "unknown column " + c.header + "; did you mean " + near + "?");
        else if (std::any_of(t.rows().begin(), t.rows().end(), [&](const Row *r) { return r->cell(c.index); }))
            note(t.name() + " 表的 " + c.header + " 列无法识别，已忽略",
                 "the column " + c.header + " of sheet " + t.name() + " is not an XLSForm column and is ignored");
    }
}

void Converter::languageFallback(cx::Json &j)
{
    static const std::set<std::string> kTexts = {"title", "description",      "label",
                                                 "hint",  "required_message", "constraint_message"};
    if (j.is_array()) {
        for (auto &e : j)
            languageFallback(e);
        return;
    }
    if (!j.is_object())
        return;
    for (auto &[k, v] : j.items()) {
        if (kTexts.count(k) && v.is_object() && !v.empty() && !v.contains("zh")) {
            v["zh"] = v.contains(m_fallbackLanguage) ? v[m_fallbackLanguage] : v.begin().value();
            note("表单没有中文列（如 label::中文 (zh)）：以 " + languageColumnName(m_fallbackLanguage) + " 的文字作为中文",
                 "the form has no Chinese column (such as label::中文 (zh)): the " + languageColumnName(m_fallbackLanguage) +
                     " texts are used as the Chinese texts");
        } else if (k != "options_filter" && k != "from") {
            languageFallback(v);
        }
    }
}

void Converter::checkDefinition()
{
    cx::Json checked = m_form;
    if (!checked.contains("version"))
        checked["version"] = 1; // publishing gives it the next version
    try {
        forms::FormDefinition::parse(checked);
    } catch (const forms::FormDefinitionError &e) {
        const std::set<int> badRows = m_badRows; // rows with a problem of the conversion itself
        for (const auto &p : e.problems()) {
            std::string en =
                p.message +
                (p.position ? " (at character " + std::to_string(p.position) + " of the expression as Cunxiao writes it)" : "");
            std::string zh = readerZh(p.message);
            if (p.field.empty() || p.field[0] == '#') {
                if (p.where.rfind("page ", 0) == 0) {
                    size_t n = size_t(std::atoi(p.where.c_str() + 5));
                    problem(m_survey, n >= 1 && n <= m_pageRows.size() ? m_pageRows[n - 1] : 0,
                            p.where.find("title") != std::string::npos ? "label" : "name", zh, en);
                } else if ((p.where == "id" && m_idReported) ||
                           ((p.where == "fields" || p.where == "pages") && !badRows.empty())) {
                    // already reported: the id itself, or the rows whose problems left the form empty
                } else if (p.where == "fields" || p.where == "pages") {
                    problem(m_survey, 0, "", zh, en);
                } else {
                    std::string key = p.where == "title" ? "form_title" : p.where == "id" ? "form_id" : p.where;
                    problem(m_settings, m_settingsRow, key, zh, en);
                }
                continue;
            }
            auto it = m_places.find(p.field);
            int row = it == m_places.end() ? 0 : it->second.row;
            if (badRows.count(row))
                continue; // this row's own problem was reported; the rest follows from it
            if (p.where.rfind("options[", 0) == 0 && it != m_places.end()) {
                size_t n = size_t(std::atoi(p.where.c_str() + 8));
                if (n >= 1 && n <= it->second.choiceRows.size()) {
                    problem(m_choices, it->second.choiceRows[n - 1],
                            p.where.find("label") != std::string::npos ? "label" : "name", zh,
                            en + " (in the list of question " + p.field + ")");
                    continue;
                }
            }
            problem(m_survey, row, columnOf(p.where, it == m_places.end() ? std::set<std::string>{} : it->second.used), zh, en);
        }
    }
}

ImportResult Converter::run()
{
    if (!m_survey.present() || m_survey.columns().empty()) {
        m_problems.push_back(
            fileProblem("工作簿中没有 survey 工作表（XLSForm 的问题写在名为 survey 的表中）",
                        "the workbook has no survey sheet (XLSForm puts the questions on a sheet named survey)"));
        throw XlsformError(m_options.fileName, m_problems);
    }
    if (!m_survey.has("type") || !m_survey.has("name"))
        problem(m_survey, m_survey.headerRow(), "", "survey 表的第一行须有 type 和 name 列",
                "the first row of the survey sheet must name the columns, with type and name among them");
    readSettings();
    readChoices();
    checkColumns(m_survey, kSurveyColumns, kSurveyUnsupported);
    checkColumns(m_choices, kChoicesColumns, kChoicesUnsupported);
    checkColumns(m_settings, kSettingsColumns, kSettingsUnsupported);
    for (const char *sheet : {"external_choices", "entities", "osm"})
        if (const Sheet *s = m_workbook.find(sheet); s && s->rows.size() > 1)
            m_problems.push_back({s->name, 0, "", std::string("Cunxiao 不支持 ") + sheet + " 工作表；请删除它",
                                  std::string("the ") + sheet + " sheet is not supported by Cunxiao; delete it"});
    scanSurvey();
    buildSurvey();
    if (!m_hasChinese)
        languageFallback(m_form);
    checkDefinition();
    if (!m_problems.empty())
        throw XlsformError(m_options.fileName, m_problems);
    return {m_form, m_notes};
}

ImportResult convertWorkbook(const Workbook &workbook, const ImportOptions &options)
{
    return Converter(workbook, options).run();
}

ImportResult importXlsform(const std::string &path, const ImportOptions &options)
{
    ImportOptions o = options;
    if (o.fileName.empty())
        o.fileName = path;
    return convertWorkbook(readWorkbook(path), o);
}

} // namespace cx::xlsform
