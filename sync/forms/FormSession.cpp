// FormSession: answers, evaluation order, incremental recomputation.
#include "forms/FormSession.h"

#include "forms/AnswerTypes.h"
#include "forms/SessionScope.h"

namespace cx::forms {

// ---- InstanceScope ----

Value InstanceScope::field(int f) const
{
    const Field &fd = m_s.m_def->field(f);
    return m_s.effective(f, fd.repeat >= 0 ? m_row : 0);
}

Value InstanceScope::column(int repeat, int f) const
{
    if (!m_s.m_state[size_t(repeat)][0].relevant)
        return {};
    Value::List items;
    int n = m_s.instances(f);
    for (int r = 0; r < n; ++r)
        items.push_back(m_s.effective(f, r));
    return Value::list(std::move(items));
}

Value InstanceScope::rows(int repeat) const
{
    if (!m_s.m_state[size_t(repeat)][0].relevant)
        return {};
    return Value::list(Value::List(size_t(m_s.rowCount(m_s.m_def->field(repeat).name)), Value(true)));
}

Value InstanceScope::self() const
{
    return answerValue(m_s.m_def->field(m_field), m_s.rawAnswer(m_field, m_row < 0 ? 0 : m_row));
}

Value InstanceScope::recordProp(const std::string &name) const
{
    if (!m_record || !m_record->is_object() || !m_record->contains(name))
        return {};
    static const Field generic;
    return answerValue(generic, (*m_record)[name]);
}

// ---- FormSession ----

FormSession::FormSession(const FormDefinition &def, cx::Json answers, SessionOptions options)
    : m_def(&def), m_options(options), m_today(options.today ? *options.today : todayLocal()),
      m_answers(answers.is_object() ? std::move(answers) : cx::Json::object())
{
    recomputeAll();
}

FormSession FormSession::newDraft(const FormDefinition &def, SessionOptions options)
{
    FormSession s(def, cx::Json::object(), options);
    s.applyDefaults(-1, 0);
    for (const Field &f : def.fields())
        if (f.type == FieldType::Repeat) {
            s.m_answers[f.name] = cx::Json::array();
            for (int i = 0; i < f.minRows; ++i) {
                s.m_answers[f.name].push_back(cx::Json::object());
                s.syncRows(f.index);
                s.applyDefaults(f.index, i);
            }
        }
    s.recomputeAll();
    return s;
}

int FormSession::fieldIndex(const std::string &name, const char *what) const
{
    int i = m_def->indexOf(name);
    if (i < 0)
        throw cx::Error(cx::ErrorKind::Invalid, "form '" + m_def->id() + "' has no field '" + name + "'");
    if (what && std::string(what) == "repeat" && m_def->field(i).type != FieldType::Repeat)
        throw cx::Error(cx::ErrorKind::Invalid, "field '" + name + "' is not a repeat");
    return i;
}

int FormSession::rowCount(const std::string &repeat) const
{
    int i = m_def->indexOf(repeat);
    if (i < 0)
        return 0;
    auto it = m_answers.find(repeat);
    return it != m_answers.end() && it->is_array() ? int(it->size()) : 0;
}

int FormSession::instances(int field) const
{
    const Field &f = m_def->field(field);
    return f.repeat < 0 ? 1 : rowCount(m_def->field(f.repeat).name);
}

void FormSession::syncRows(int repeat)
{
    int n = rowCount(m_def->field(repeat).name);
    for (const Field &f : m_def->fields())
        if (f.repeat == repeat)
            m_state[size_t(f.index)].resize(size_t(n));
}

const cx::Json &FormSession::rawAnswer(int field, int row) const
{
    static const cx::Json none;
    const Field &f = m_def->field(field);
    if (f.repeat < 0) {
        auto it = m_answers.find(f.name);
        return it == m_answers.end() ? none : *it;
    }
    auto rows = m_answers.find(m_def->field(f.repeat).name);
    if (rows == m_answers.end() || !rows->is_array() || row < 0 || size_t(row) >= rows->size())
        return none;
    const cx::Json &r = (*rows)[size_t(row)];
    if (!r.is_object())
        return none;
    auto it = r.find(f.name);
    return it == r.end() ? none : *it;
}

void FormSession::storeAnswer(int field, int row, cx::Json value)
{
    const Field &f = m_def->field(field);
    cx::Json *obj = &m_answers;
    if (f.repeat >= 0) {
        cx::Json &rows = m_answers[m_def->field(f.repeat).name];
        if (!rows.is_array() || row < 0 || size_t(row) >= rows.size())
            return;
        if (!rows[size_t(row)].is_object())
            rows[size_t(row)] = cx::Json::object();
        obj = &rows[size_t(row)];
    }
    if (value.is_null())
        obj->erase(f.name);
    else
        (*obj)[f.name] = std::move(value);
}

Value FormSession::effective(int field, int row) const
{
    const Field &f = m_def->field(field);
    int r = f.repeat >= 0 ? row : 0;
    const auto &st = m_state[size_t(field)];
    if (r < 0 || size_t(r) >= st.size() || !st[size_t(r)].relevant)
        return {};
    if (f.type == FieldType::Repeat)
        return InstanceScope(*this, field, -1).rows(field);
    return answerValue(f, rawAnswer(field, r));
}

bool FormSession::parentRelevant(int field, int row) const
{
    const Field &f = m_def->field(field);
    if (f.parent < 0)
        return true;
    const Field &p = m_def->field(f.parent);
    const auto &st = m_state[size_t(f.parent)];
    size_t r = p.repeat >= 0 ? size_t(row) : 0;
    return r < st.size() && st[r].relevant;
}

void FormSession::compute(int field, int row)
{
    ++m_evaluations;
    const Field &f = m_def->field(field);
    Inst &st = m_state[size_t(field)][size_t(row)];
    int scopeRow = f.repeat >= 0 ? row : -1;
    InstanceScope scope(*this, field, scopeRow);
    st.relevant = parentRelevant(field, row) && (!f.relevant || f.relevant.evaluate(scope).truthy());
    if (f.calculate)
        storeAnswer(field, row, st.relevant ? valueAsAnswer(f, f.calculate.evaluate(scope)) : cx::Json());
}

void FormSession::recomputeAll()
{
    m_evaluations = 0;
    m_state.assign(m_def->fields().size(), std::vector<Inst>(1));
    for (const Field &f : m_def->fields())
        if (f.type == FieldType::Repeat)
            syncRows(f.index);
    for (int f : m_def->order())
        for (int r = 0, n = instances(f); r < n; ++r)
            compute(f, r);
    for (const Field &f : m_def->fields())
        for (int r = 0, n = instances(f.index); r < n; ++r)
            check(f.index, r);
}

void FormSession::recompute(int changed)
{
    m_evaluations = 0;
    for (int f : m_def->affected(changed))
        for (int r = 0, n = instances(f); r < n; ++r)
            compute(f, r);
    for (int f : m_def->toCheck(changed))
        for (int r = 0, n = instances(f); r < n; ++r)
            check(f, r);
}

void FormSession::applyDefaults(int repeat, int row)
{
    for (const Field &f : m_def->fields()) {
        if (f.repeat != repeat || !f.hasValue() || f.type == FieldType::Repeat || f.calculate)
            continue;
        int r = repeat >= 0 ? row : 0;
        if (!isEmptyAnswer(rawAnswer(f.index, r)))
            continue;
        if (!f.defaultLiteral.is_null())
            storeAnswer(f.index, r, f.defaultLiteral);
        else if (f.defaultExpr)
            storeAnswer(f.index, r,
                        valueAsAnswer(f, f.defaultExpr.evaluate(InstanceScope(*this, f.index, repeat >= 0 ? row : -1))));
    }
}

void FormSession::setAnswer(const std::string &name, const cx::Json &value, int row)
{
    int i = fieldIndex(name, nullptr);
    const Field &f = m_def->field(i);
    if (!f.hasValue())
        throw cx::Error(cx::ErrorKind::Invalid, "field '" + name + "' is a " + fieldTypeName(f.type) + " and takes no answer");
    if (f.calculate)
        throw cx::Error(cx::ErrorKind::Invalid, "field '" + name + "' is calculated and cannot be set");
    if (f.type == FieldType::Repeat) {
        m_answers[name] = value;
        recomputeAll();
        return;
    }
    if (f.repeat >= 0 && (row < 0 || row >= instances(i)))
        throw cx::Error(cx::ErrorKind::Invalid, "repeat '" + m_def->field(f.repeat).name + "' has no row " + std::to_string(row));
    int r = f.repeat >= 0 ? row : 0;
    if (rawAnswer(i, r) == value)
        return;
    storeAnswer(i, r, value);
    recompute(i);
}

int FormSession::addRow(const std::string &repeat)
{
    int i = fieldIndex(repeat, "repeat");
    cx::Json &rows = m_answers[repeat];
    if (!rows.is_array())
        rows = cx::Json::array();
    rows.push_back(cx::Json::object());
    int row = int(rows.size()) - 1;
    syncRows(i);
    applyDefaults(i, row);
    recompute(i);
    return row;
}

void FormSession::removeRow(const std::string &repeat, int row)
{
    int i = fieldIndex(repeat, "repeat");
    if (row < 0 || row >= rowCount(repeat))
        throw cx::Error(cx::ErrorKind::Invalid, "repeat '" + repeat + "' has no row " + std::to_string(row));
    m_answers[repeat].erase(size_t(row));
    for (const Field &f : m_def->fields())
        if (f.repeat == i)
            m_state[size_t(f.index)].erase(m_state[size_t(f.index)].begin() + row);
    recompute(i);
}

void FormSession::setAnswers(cx::Json answers)
{
    m_answers = answers.is_object() ? std::move(answers) : cx::Json::object();
    recomputeAll();
}

cx::Json FormSession::submission() const
{
    cx::Json out = cx::Json::object();
    for (const Field &f : m_def->fields()) {
        if (!f.hasValue() || f.repeat >= 0 || !m_state[size_t(f.index)][0].relevant)
            continue;
        if (f.type != FieldType::Repeat) {
            const cx::Json &a = rawAnswer(f.index, 0);
            if (!isEmptyAnswer(a))
                out[f.name] = a;
            continue;
        }
        cx::Json rows = cx::Json::array();
        for (int r = 0, n = rowCount(f.name); r < n; ++r) {
            cx::Json row = cx::Json::object();
            for (const Field &c : m_def->fields())
                if (c.repeat == f.index && c.hasValue() && m_state[size_t(c.index)][size_t(r)].relevant &&
                    !isEmptyAnswer(rawAnswer(c.index, r)))
                    row[c.name] = rawAnswer(c.index, r);
            rows.push_back(std::move(row));
        }
        if (!rows.empty())
            out[f.name] = std::move(rows);
    }
    return out;
}

Value FormSession::value(const std::string &field, int row) const { return effective(fieldIndex(field, nullptr), row); }

bool FormSession::isRelevant(const std::string &field, int row) const
{
    int i = fieldIndex(field, nullptr);
    size_t r = m_def->field(i).repeat >= 0 ? size_t(row) : 0;
    return r < m_state[size_t(i)].size() && m_state[size_t(i)][r].relevant;
}

bool FormSession::isRequired(const std::string &field, int row) const
{
    int i = fieldIndex(field, nullptr);
    size_t r = m_def->field(i).repeat >= 0 ? size_t(row) : 0;
    return r < m_state[size_t(i)].size() && m_state[size_t(i)][r].required;
}

bool FormSession::isReadonly(const std::string &field, int row) const
{
    int i = fieldIndex(field, nullptr);
    size_t r = m_def->field(i).repeat >= 0 ? size_t(row) : 0;
    return r < m_state[size_t(i)].size() && m_state[size_t(i)][r].readonly;
}

std::vector<Issue> FormSession::issues() const
{
    std::vector<Issue> out;
    for (const auto &st : m_state)
        for (const Inst &in : st)
            out.insert(out.end(), in.issues.begin(), in.issues.end());
    return out;
}

std::vector<Issue> FormSession::issues(const std::string &field, int row) const
{
    int i = fieldIndex(field, nullptr);
    std::vector<Issue> out;
    const auto &st = m_state[size_t(i)];
    for (size_t r = 0; r < st.size(); ++r)
        if (row < 0 || size_t(row) == r)
            out.insert(out.end(), st[r].issues.begin(), st[r].issues.end());
    return out;
}

bool FormSession::isValid() const
{
    for (const auto &st : m_state)
        for (const Inst &in : st)
            if (!in.issues.empty())
                return false;
    return true;
}

} // namespace cx::forms
