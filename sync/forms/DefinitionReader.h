#pragma once
// DefinitionReader: turns definition JSON into a FormDefinition, collecting
// every problem (unknown types and properties, duplicate names, bad options,
// malformed expressions, unknown references, cycles) before refusing it.
#include "forms/FormDefinition.h"

#include <string>

namespace cx::forms {

// Edit distance between two names, for "did you mean ...?" hints.
size_t editDistance(const std::string &a, const std::string &b);

class DefinitionReader
{
public:
    explicit DefinitionReader(const cx::Json &json) : m_json(json) {}
    FormDefinition read(); // throws FormDefinitionError

private:
    void readForm();
    void readFields(const cx::Json &list, int parent, int repeat, int page, std::vector<int> &into, const std::string &where);
    void readField(const cx::Json &j, int parent, int repeat, int page, std::vector<int> &into);
    void readOptions(Field &f, const cx::Json &j);
    void compileExpressions(const cx::Json &j, Field &f);
    Expression compile(const Field &f, const std::string &where, const cx::Json &value, bool allowSelf = false,
                       bool allowRecordProps = false);
    RefTarget resolve(const Field &from, const std::string &name) const;
    LocalText text(const cx::Json &j, const std::string &field, const std::string &where, bool required);
    void problem(const std::string &field, const std::string &where, const std::string &message, size_t position = 0);

    const cx::Json &m_json;
    FormDefinition m_def;
    std::vector<DefinitionProblem> m_problems;
    std::vector<const cx::Json *> m_fieldJson; // per field index, its JSON object
};

} // namespace cx::forms
