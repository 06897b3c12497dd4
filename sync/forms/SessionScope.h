#pragma once
// InstanceScope: how expressions of one field instance (a field, or a field in
// one repeat row) read the session's answers; hidden fields read as null.
#include "forms/Expression.h"
#include "forms/FormSession.h"

namespace cx::forms {

class InstanceScope : public Scope
{
public:
    InstanceScope(const FormSession &s, int field, int row, const cx::Json *record = nullptr)
        : m_s(s), m_field(field), m_row(row), m_record(record)
    {}

    Value field(int f) const override;
    Value column(int repeat, int f) const override;
    Value rows(int repeat) const override;
    Value self() const override;
    Value recordProp(const std::string &name) const override;
    int row() const override { return m_row; }
    long today() const override { return m_s.m_today; }
    std::string now() const override { return m_s.m_options.now ? *m_s.m_options.now : nowLocal(); }

private:
    const FormSession &m_s;
    int m_field;
    int m_row;
    const cx::Json *m_record;
};

} // namespace cx::forms
