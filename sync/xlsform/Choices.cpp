// Converter, the choices sheet: choice lists by list_name, each choice's
// name, labels per language, and its other columns (read by choice_filter).
#include "xlsform/Converter.h"

namespace cx::xlsform {

void Converter::readChoices()
{
    if (!m_choices.present())
        return;
    std::string nameKey = m_choices.has("name") || !m_choices.has("value") ? "name" : "value";
    static const std::set<std::string> kNotProperties = {"list_name", "name",  "value", "label",
                                                         "image",     "audio", "video", "big-image"};
    for (const Row *r : m_choices.rows()) {
        std::string list = m_choices.text(*r, "list_name");
        Choice c;
        c.row = r->number;
        c.name = m_choices.text(*r, nameKey);
        if (list.empty()) {
            problem(m_choices, r->number, "list_name", "list_name 列为空；请写出这个选项所属的列表名",
                    "the list_name is empty; write the name of the list this choice belongs to");
            continue;
        }
        if (c.name.empty()) {
            problem(m_choices, r->number, nameKey, "选项的 name 列为空；每个选项都需要一个保存值，如 yes",
                    "the choice has no name; every choice needs the value that is stored, e.g. yes");
            continue;
        }
        c.labels = m_choices.texts(*r, "label", m_plainLanguage);
        for (const auto &[lang, text] : c.labels)
            if (text.find("${") != std::string::npos)
                problem(m_choices, r->number, "label", "Cunxiao 的选项标签不能显示答案（" + text + "）；请删去 ${…}",
                        "Cunxiao choice labels cannot show answers (" + text + "); remove the ${...} reference");
        for (const auto &col : m_choices.columns()) {
            const Cell *cell = r->cell(col.index);
            if (!cell || kNotProperties.count(col.key) || col.key.rfind("media::", 0) == 0 || !col.language.empty())
                continue;
            c.properties[col.key] = cell->text;
        }
        m_lists[list].push_back(std::move(c));
    }
}

} // namespace cx::xlsform
