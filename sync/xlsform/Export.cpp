// Export: walks the definition in order and lays out one survey row per field
// (begin/end rows for groups, repeats and pages), one choices row per option,
// and the settings row; then writes the three sheets with libxlsxwriter.
#include "xlsform/Export.h"

#include "forms/FormDefinition.h"
#include "xlsform/Expressions.h"
#include "xlsform/Languages.h"
#include "xlsform/Problem.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace cx::xlsform {

namespace {

using SheetRow = std::map<std::string, std::string>; // column header -> text

struct Sheet {
    std::vector<std::string> columns; // in order of first use
    std::vector<SheetRow> rows;
    void set(SheetRow &row, const std::string &column, const std::string &value)
    {
        if (std::find(columns.begin(), columns.end(), column) == columns.end())
            columns.push_back(column);
        row[column] = value;
    }
};

class Exporter
{
public:
    explicit Exporter(const cx::Json &def) : m_def(def) {}

    void run(const std::string &path)
    {
        collectLanguages(m_def);
        collectPlaces(m_def.contains("pages") ? m_def["pages"] : cx::Json::array({{{"fields", m_def["fields"]}}}), "");
        // Survey columns in the usual order, even when the first row lacks them.
        for (const char *c : {"type", "name"})
            m_survey.columns.push_back(c);
        for (const auto &l : m_languages)
            m_survey.columns.push_back("label::" + languageColumnName(l));
        m_choices.columns = {"list_name", "name"};
        for (const auto &l : m_languages)
            m_choices.columns.push_back("label::" + languageColumnName(l));
        if (m_def.contains("pages")) {
            for (const auto &page : m_def["pages"]) {
                SheetRow b;
                m_survey.set(b, "type", "begin group");
                m_survey.set(b, "name", page.value("id", "page" + std::to_string(&page - &m_def["pages"][0] + 1)));
                texts(m_survey, b, "label", page.value("title", cx::Json()));
                m_survey.set(b, "appearance", "field-list");
                m_survey.rows.push_back(b);
                fields(page["fields"], "");
                SheetRow e;
                m_survey.set(e, "type", "end group");
                m_survey.rows.push_back(e);
            }
        } else {
            fields(m_def["fields"], "");
        }
        settings();
        if (!m_problems.empty())
            throw XlsformError(path, m_problems);
        write(path);
    }

private:
    void collectLanguages(const cx::Json &j)
    {
        static const std::set<std::string> kTexts = {"title", "description",      "label",
                                                     "hint",  "required_message", "constraint_message"};
        if (j.is_array())
            for (const auto &e : j)
                collectLanguages(e);
        if (!j.is_object())
            return;
        for (const auto &[k, v] : j.items()) {
            if (kTexts.count(k) && v.is_object())
                for (const auto &[lang, t] : v.items())
                    if (lang != "zh" && lang != "en")
                        m_others.insert(lang);
            if (k != "meta")
                collectLanguages(v);
        }
        m_languages = {"zh", "en"};
        m_languages.insert(m_languages.end(), m_others.begin(), m_others.end());
    }

    void collectPlaces(const cx::Json &pages, const std::string &)
    {
        std::function<void(const cx::Json &, const std::string &)> walk = [&](const cx::Json &list, const std::string &repeat) {
            for (const auto &f : list) {
                std::string name = f.value("name", "");
                bool isRepeat = f.value("type", "") == "repeat";
                m_places[name] = {repeat, isRepeat};
                if (f.contains("fields"))
                    walk(f["fields"], isRepeat ? name : repeat);
            }
        };
        for (const auto &p : pages)
            walk(p["fields"], "");
    }

    void fail(const std::string &field, const std::string &zh, const std::string &en)
    {
        m_problems.push_back(fileProblem("字段 " + field + "：" + zh, "field '" + field + "': " + en));
    }

    void texts(Sheet &sheet, SheetRow &row, const std::string &column, const cx::Json &t)
    {
        if (t.is_string())
            sheet.set(row, column + "::" + languageColumnName("zh"), t.get<std::string>());
        else if (t.is_object())
            for (const auto &[lang, v] : t.items())
                if (v.is_string() && !v.get<std::string>().empty())
                    sheet.set(row, column + "::" + languageColumnName(lang), v.get<std::string>());
    }

    std::string expression(const std::string &field, const std::string &what, const std::string &text, const std::string &repeat,
                           bool choiceFilter = false, bool inlineChoices = false)
    {
        ExpressionContext c;
        c.fields = &m_places;
        c.repeat = repeat;
        c.choiceFilter = choiceFilter;
        c.inlineChoices = inlineChoices;
        Translation t = toXlsform(text, c);
        if (!t.ok())
            fail(field, what + "：" + t.zh, what + ": " + t.en);
        return t.text;
    }

    std::string flag(const std::string &field, const std::string &what, const cx::Json &v, const std::string &repeat)
    {
        if (v.is_boolean())
            return v.get<bool>() ? "yes" : "";
        return v.is_string() ? expression(field, what, v.get<std::string>(), repeat) : std::string();
    }

    std::string defaultText(const std::string &field, const cx::Json &d, const std::string &repeat)
    {
        if (d.is_number())
            return d.dump();
        if (d.is_boolean())
            return d.get<bool>() ? "true()" : "false()";
        if (d.is_object()) { // a location: XLSForm writes "lat lon [alt [accuracy]]"
            std::string s;
            for (const char *k : {"lat", "lon", "alt", "accuracy"})
                if (d.contains(k))
                    s += (s.empty() ? "" : " ") + d[k].dump();
            if (d.contains("accuracy") && !d.contains("alt"))
                fail(field, "默认位置有精度而没有海拔，XLSForm 无法表示",
                     "default: a location with an accuracy but no "
                     "altitude has no XLSForm spelling");
            return s;
        }
        if (d.is_array()) {
            std::string s;
            for (const auto &v : d)
                s += (s.empty() ? "" : " ") + (v.is_string() ? v.get<std::string>() : v.dump());
            return s;
        }
        std::string e = d.get<std::string>();
        if (e.size() >= 2 && (e[0] == '\'' || e[0] == '"') && e.back() == e[0] && e.find(e[0], 1) == e.size() - 1) {
            std::string inner = e.substr(1, e.size() - 2);
            char *end = nullptr;
            std::strtod(inner.c_str(), &end);
            bool numeric = !inner.empty() && *end == '\0';
            if (!inner.empty() && !looksLikeExpression(inner) && !numeric && inner.find(' ') == std::string::npos)
                return inner;
        }
        return expression(field, "default", e, repeat);
    }

    void fields(const cx::Json &list, const std::string &repeat)
    {
        for (const auto &f : list)
            field(f, repeat);
    }

    void field(const cx::Json &f, const std::string &repeat)
    {
        const std::string name = f.value("name", "");
        const std::string type = f.value("type", "");
        std::string appearance = f.value("appearance", "");
        SheetRow row;
        std::string xtype = type;
        if (type == "photo")
            xtype = "image";
        else if (type == "datetime")
            xtype = "dateTime";
        else if (type == "signature") {
            xtype = "image";
            appearance = appearance.empty() ? "signature" : "signature " + appearance;
        } else if (type == "group")
            xtype = "begin group";
        else if (type == "repeat")
            xtype = "begin repeat";
        else if (type == "select_one" || type == "select_many") {
            const char *word = type == "select_one" ? "select_one" : "select_multiple";
            if (f.contains("from")) {
                const cx::Json &from = f["from"];
                xtype = std::string(word) + "_from_file " + from.value("collection", "") + ".csv";
                m_survey.set(row, "parameters", "value=" + from.value("value", "id") + " label=" + from.value("label", ""));
                if (from.contains("filter"))
                    m_survey.set(row, "choice_filter",
                                 expression(name, "filter", from["filter"].get<std::string>(), repeat, true));
            } else if (type == "select_one" && (appearance == "acknowledge" || appearance.rfind("acknowledge ", 0) == 0) &&
                       f["options"].size() == 1 && f["options"][0].value("value", "") == "OK") {
                xtype = "acknowledge";
                appearance = appearance.size() > 12 ? appearance.substr(12) : "";
            } else {
                xtype = std::string(word) + " " + name;
                options(name, f["options"]);
                if (f.contains("options_filter"))
                    m_survey.set(row, "choice_filter",
                                 expression(name, "options_filter", f["options_filter"].get<std::string>(), repeat, true, true));
            }
        }
        m_survey.set(row, "type", xtype);
        m_survey.set(row, "name", name);
        texts(m_survey, row, "label", f.value("label", cx::Json()));
        texts(m_survey, row, "hint", f.value("hint", cx::Json()));
        // A repeat's own expressions are read outside it.
        if (f.contains("required"))
            if (std::string v = flag(name, "required", f["required"], repeat); !v.empty())
                m_survey.set(row, "required", v);
        texts(m_survey, row, "required_message", f.value("required_message", cx::Json()));
        if (f.contains("relevant"))
            m_survey.set(row, "relevant", expression(name, "relevant", f["relevant"].get<std::string>(), repeat));
        if (f.contains("constraint"))
            m_survey.set(row, "constraint", expression(name, "constraint", f["constraint"].get<std::string>(), repeat));
        texts(m_survey, row, "constraint_message", f.value("constraint_message", cx::Json()));
        if (f.contains("calculate"))
            m_survey.set(row, "calculation", expression(name, "calculate", f["calculate"].get<std::string>(), repeat));
        if (f.contains("default"))
            m_survey.set(row, "default", defaultText(name, f["default"], repeat));
        if (f.contains("readonly"))
            if (std::string v = flag(name, "readonly", f["readonly"], repeat); !v.empty())
                m_survey.set(row, "read_only", v);
        if (!appearance.empty())
            m_survey.set(row, "appearance", appearance);
        if (f.contains("min_rows") && f.contains("max_rows") && f["min_rows"] == f["max_rows"]) {
            m_survey.set(row, "repeat_count", f["min_rows"].dump());
        } else {
            for (const char *k : {"min_rows", "max_rows"})
                if (f.contains(k))
                    m_survey.set(row, k, f[k].dump());
        }
        if (f.value("multiple", false))
            m_survey.set(row, "multiple", "yes");
        m_survey.rows.push_back(row);
        if (type == "group" || type == "repeat") {
            fields(f["fields"], type == "repeat" ? name : repeat);
            SheetRow end;
            m_survey.set(end, "type", type == "group" ? "end group" : "end repeat");
            m_survey.rows.push_back(end);
        }
    }

    void options(const std::string &list, const cx::Json &opts)
    {
        for (const auto &o : opts) {
            SheetRow row;
            m_choices.set(row, "list_name", list);
            m_choices.set(row, "name", o.value("value", ""));
            texts(m_choices, row, "label", o.value("label", cx::Json()));
            for (const auto &[k, v] : o.items()) {
                if (k == "value" || k == "label")
                    continue;
                if (v.is_string())
                    m_choices.set(row, k, v.get<std::string>());
                else if (v.is_number() || v.is_boolean())
                    m_choices.set(row, k, v.dump());
                else
                    fail(list, "选项属性 " + k + " 不是文字或数字，XLSForm 中无法表达",
                         "the option property '" + k + "' is neither text nor a number and has no XLSForm spelling");
            }
            m_choices.rows.push_back(row);
        }
    }

    void settings()
    {
        SheetRow row;
        m_settings.set(row, "form_id", m_def.value("id", ""));
        if (m_def.contains("version"))
            m_settings.set(row, "version", m_def["version"].dump());
        texts(m_settings, row, "form_title", m_def.value("title", cx::Json()));
        m_settings.set(row, "default_language", languageColumnName("zh"));
        texts(m_settings, row, "description", m_def.value("description", cx::Json()));
        std::string roles;
        for (const auto &r : m_def.value("roles", cx::Json::array()))
            roles += (roles.empty() ? "" : " ") + r.get<std::string>();
        m_settings.set(row, "roles", roles);
        if (m_def.contains("schools")) {
            std::string schools;
            if (m_def["schools"].is_string())
                schools = m_def["schools"].get<std::string>();
            else
                for (const auto &s : m_def["schools"])
                    schools += (schools.empty() ? "" : " ") + s.get<std::string>();
            m_settings.set(row, "schools", schools);
        }
        const cx::Json meta = m_def.value("meta", cx::Json::object());
        for (const auto &[k, v] : meta.items()) {
            if (v.is_string())
                m_settings.set(row, "meta::" + k, v.get<std::string>());
            else
                m_problems.push_back(fileProblem("meta 中的 " + k + " 不是文字，XLSForm 中无法表达",
                                                 "meta." + k + " is not text and has no XLSForm spelling"));
        }
        m_settings.rows.push_back(row);
    }

    // Columns in the order people expect: type, name, label, ..., each language zh, en, others.
    void sortColumns(Sheet &sheet)
    {
        static const std::vector<std::string> order = {"type",
                                                       "list_name",
                                                       "name",
                                                       "label",
                                                       "hint",
                                                       "required",
                                                       "required_message",
                                                       "relevant",
                                                       "constraint",
                                                       "constraint_message",
                                                       "calculation",
                                                       "default",
                                                       "choice_filter",
                                                       "parameters",
                                                       "appearance",
                                                       "read_only",
                                                       "repeat_count",
                                                       "min_rows",
                                                       "max_rows",
                                                       "multiple",
                                                       "form_id",
                                                       "version",
                                                       "form_title",
                                                       "default_language",
                                                       "description",
                                                       "roles",
                                                       "schools"};
        auto rank = [&](const std::string &col) {
            std::string base = col.substr(0, col.find("::"));
            size_t r = size_t(std::find(order.begin(), order.end(), base) - order.begin()) * 100;
            for (size_t l = 0; l < m_languages.size(); ++l)
                if (col == base + "::" + languageColumnName(m_languages[l]))
                    r += l + 1;
            return r;
        };
        std::stable_sort(sheet.columns.begin(), sheet.columns.end(),
                         [&](const std::string &a, const std::string &b) { return rank(a) < rank(b); });
    }

    void write(const std::string &path)
    {
        for (Sheet *s : {&m_survey, &m_choices, &m_settings})
            sortColumns(*s);
        lxw_workbook *wb = workbook_new(path.c_str());
        if (!wb)
            throw XlsformError(path, {fileProblem("无法创建文件", "cannot create the file")});
        lxw_format *bold = workbook_add_format(wb);
        format_set_bold(bold);
        for (auto [name, sheet] :
             {std::pair<const char *, Sheet *>{"survey", &m_survey}, {"choices", &m_choices}, {"settings", &m_settings}}) {
            lxw_worksheet *ws = workbook_add_worksheet(wb, name);
            for (size_t c = 0; c < sheet->columns.size(); ++c)
                worksheet_write_string(ws, 0, lxw_col_t(c), sheet->columns[c].c_str(), bold);
            for (size_t r = 0; r < sheet->rows.size(); ++r)
                for (size_t c = 0; c < sheet->columns.size(); ++c)
                    if (auto it = sheet->rows[r].find(sheet->columns[c]); it != sheet->rows[r].end())
                        worksheet_write_string(ws, lxw_row_t(r + 1), lxw_col_t(c), it->second.c_str(), nullptr);
            worksheet_set_column(ws, 0, lxw_col_t(sheet->columns.empty() ? 0 : sheet->columns.size() - 1), 18, nullptr);
            worksheet_freeze_panes(ws, 1, 0);
        }
        lxw_error err = workbook_close(wb);
        if (err != LXW_NO_ERROR)
            throw XlsformError(path, {fileProblem(std::string("无法写入文件：") + lxw_strerror(err),
                                                  std::string("cannot write the file: ") + lxw_strerror(err))});
    }

    const cx::Json &m_def;
    std::set<std::string> m_others;
    std::vector<std::string> m_languages;
    std::map<std::string, FieldPlace> m_places;
    Sheet m_survey, m_choices, m_settings;
    std::vector<XlsformProblem> m_problems;
};

} // namespace

void exportXlsform(const cx::Json &definition, const std::string &path)
{
    forms::FormDefinition::parse(definition); // refuses what is not a valid definition
    Exporter(definition).run(path);
}

} // namespace cx::xlsform
