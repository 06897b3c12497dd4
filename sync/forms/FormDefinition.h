#pragma once
// FormDefinition: a validated, compiled form as the bureau published it: its
// identity, audience, pages and fields, and the dependency order used by sessions.
#include "forms/Field.h"
#include "protocol/Errors.h"
#include "protocol/Json.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cx::forms {

// One problem found in a definition: which form, which field, which part.
struct DefinitionProblem {
    std::string formId;
    std::string field;   // empty for form-level problems
    std::string where;   // "constraint", "relevant", "calculate", "default", "options", "type", ...
    size_t position = 0; // 1-based character position inside an expression, 0 if none
    std::string message;
    std::string text() const; // "form 'x', field 'y', constraint, position 7: expected ..."
};

// Thrown when a definition is refused; what() lists every problem, one a line.
class FormDefinitionError : public cx::Error
{
public:
    explicit FormDefinitionError(std::vector<DefinitionProblem> problems);
    const std::vector<DefinitionProblem> &problems() const { return m_problems; }

private:
    std::vector<DefinitionProblem> m_problems;
};

class FormDefinition
{
public:
    // Throws FormDefinitionError naming form id + field + problem for every problem.
    static FormDefinition parse(const cx::Json &definition);
    // As parse(), and reports JSON syntax errors with line, column and byte.
    static FormDefinition parseText(std::string_view text);

    const std::string &id() const { return m_id; }
    int version() const { return m_version; }
    const LocalText &title() const { return m_title; }
    const LocalText &description() const { return m_description; }
    const std::vector<std::string> &roles() const { return m_roles; }
    bool forAllSchools() const { return m_allSchools; }
    const std::vector<std::string> &schools() const { return m_schools; }
    bool isFor(const std::string &role, const std::string &school) const;
    const cx::Json &meta() const { return m_meta; }
    const cx::Json &source() const { return m_source; } // the definition as published

    const std::vector<Page> &pages() const { return m_pages; }
    const std::vector<Field> &fields() const { return m_fields; } // document order
    const Field &field(int index) const { return m_fields[size_t(index)]; }
    int indexOf(const std::string &name) const; // -1 if none
    const Field *find(const std::string &name) const;

    // Dependency graph (see DependencyGraph): evaluation order of all fields,
    // and per field what to recompute and re-check when its answer changes.
    const std::vector<int> &order() const { return m_order; }
    const std::vector<int> &affected(int field) const { return m_affected[size_t(field)]; }
    const std::vector<int> &toCheck(int field) const { return m_toCheck[size_t(field)]; }

private:
    friend class DefinitionReader;
    friend struct DependencyGraph;
    std::string m_id;
    int m_version = 0;
    LocalText m_title, m_description;
    std::vector<std::string> m_roles;
    bool m_allSchools = true;
    std::vector<std::string> m_schools;
    cx::Json m_meta, m_source;
    std::vector<Page> m_pages;
    std::vector<Field> m_fields;
    std::map<std::string, int> m_byName;
    std::vector<int> m_order;
    std::vector<std::vector<int>> m_affected, m_toCheck;
};

} // namespace cx::forms
