// FormSession's checks: required, answer types, options (inline and from
// records), repeat row counts and constraints, for one field instance.
#include "forms/AnswerTypes.h"
#include "forms/FormSession.h"
#include "forms/SessionScope.h"

namespace cx::forms {

namespace {

Issue makeIssue(const FormDefinition &def, const Field &f, int row, const char *code, LocalText text)
{
    Issue i;
    i.name = f.name;
    i.row = f.repeat >= 0 ? row : -1;
    i.field = f.repeat >= 0 ? def.field(f.repeat).name + "[" + std::to_string(row) + "]." + f.name : f.name;
    i.code = code;
    i.message = text.zh();
    i.messageEn = text.en();
    i.text = std::move(text);
    return i;
}

// The message the form gives, with the built-in one filling languages it lacks.
LocalText withFallback(const LocalText &given, LocalText builtin)
{
    for (const auto &[lang, t] : given.text)
        builtin.text[lang] = t;
    return builtin;
}

std::string jsonText(const cx::Json &j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

} // namespace

void FormSession::check(int field, int row)
{
    const Field &f = m_def->field(field);
    Inst &st = m_state[size_t(field)][size_t(row)];
    st.issues.clear();
    if (!f.hasValue())
        return;
    int scopeRow = f.repeat >= 0 ? row : -1;
    InstanceScope scope(*this, field, scopeRow);
    st.required = f.required || (f.requiredIf && f.requiredIf.evaluate(scope).truthy());
    st.readonly = f.readonly || (f.readonlyIf && f.readonlyIf.evaluate(scope).truthy());
    if (!st.relevant)
        return; // hidden: neither required nor checked
    auto add = [&](const char *code, LocalText text) { st.issues.push_back(makeIssue(*m_def, f, row, code, std::move(text))); };
    const cx::Json &a = rawAnswer(field, row);

    if (isEmptyAnswer(a)) {
        if (f.type == FieldType::Repeat && f.minRows > 0)
            add("rows", LocalText::of("至少需要填写 " + std::to_string(f.minRows) + " 行",
                                      "at least " + std::to_string(f.minRows) + " rows are needed"));
        else if (st.required)
            add("required", withFallback(f.requiredMessage, LocalText::of("此项必填", "This is required")));
        return;
    }
    if (auto p = answerTypeProblem(f, a)) {
        add("type", *p);
        return;
    }
    if (f.type == FieldType::Repeat) {
        int n = int(a.size());
        if (n < f.minRows)
            add("rows", LocalText::of("至少需要填写 " + std::to_string(f.minRows) + " 行",
                                      "at least " + std::to_string(f.minRows) + " rows are needed"));
        if (f.maxRows >= 0 && n > f.maxRows)
            add("rows", LocalText::of("最多只能填写 " + std::to_string(f.maxRows) + " 行",
                                      "at most " + std::to_string(f.maxRows) + " rows are allowed"));
        return;
    }
    if (f.isSelect()) {
        const cx::Json list = a.is_array() ? a : cx::Json::array({a});
        for (const auto &v : list) {
            std::string value = jsonText(v);
            if (!f.from) {
                const Option *o = f.option(value);
                bool ok = o && (!f.optionsFilter ||
                                f.optionsFilter.evaluate(InstanceScope(*this, field, scopeRow, &o->properties)).truthy());
                if (!ok)
                    add("option", LocalText::of("“" + value + "”不是可选项", "'" + value + "' is not one of the choices"));
                continue;
            }
            if (!m_options.records || !m_options.records->find)
                continue; // no way to look records up here: see docs/forms.md
            auto rec = m_options.records->find(f.from->collection, f.from->valueKey, value);
            if (!rec)
                add("record", LocalText::of("所选记录“" + value + "”不存在或无权查看",
                                            "the chosen record '" + value + "' does not exist or is not visible"));
            else if (f.from->filter && !f.from->filter.evaluate(InstanceScope(*this, field, scopeRow, &*rec)).truthy())
                add("option", LocalText::of("所选记录“" + value + "”不符合筛选条件",
                                            "the chosen record '" + value + "' does not match the filter"));
        }
    }
    if (f.constraint && !f.constraint.evaluate(scope).truthy())
        add("constraint",
            withFallback(f.constraintMessage, LocalText::of("答案不符合要求：" + f.constraint.source(),
                                                            "The answer breaks the rule: " + f.constraint.source())));
}

std::vector<Option> FormSession::options(const std::string &name, int row) const
{
    int i = fieldIndex(name, nullptr);
    const Field &f = m_def->field(i);
    int scopeRow = f.repeat >= 0 ? row : -1;
    std::vector<Option> out;
    if (!f.from) {
        for (const Option &o : f.options)
            if (!f.optionsFilter || f.optionsFilter.evaluate(InstanceScope(*this, i, scopeRow, &o.properties)).truthy())
                out.push_back(o);
        return out;
    }
    if (!m_options.records || !m_options.records->list)
        return out;
    for (const cx::Json &rec : m_options.records->list(f.from->collection)) {
        if (!rec.is_object() || !rec.contains(f.from->valueKey))
            continue;
        if (f.from->filter && !f.from->filter.evaluate(InstanceScope(*this, i, scopeRow, &rec)).truthy())
            continue;
        Option o;
        o.value = jsonText(rec[f.from->valueKey]);
        o.label.text["zh"] = rec.contains(f.from->labelKey) ? jsonText(rec[f.from->labelKey]) : o.value;
        o.properties = rec;
        out.push_back(std::move(o));
    }
    return out;
}

} // namespace cx::forms
