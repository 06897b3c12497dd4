// FormDefinition: accessors, problem texts, and parsing from text with JSON
// syntax errors reported by line and column.
#include "forms/FormDefinition.h"

#include "forms/DefinitionReader.h"

#include <algorithm>

namespace cx::forms {

static std::string joinProblems(const std::vector<DefinitionProblem> &ps)
{
    std::string s;
    for (const auto &p : ps) {
        if (!s.empty())
            s += '\n';
        s += p.text();
    }
    return s;
}

std::string DefinitionProblem::text() const
{
    std::string s = "form '" + (formId.empty() ? std::string("?") : formId) + "'";
    if (!field.empty())
        s += ", field '" + field + "'";
    if (!where.empty())
        s += ", " + where;
    if (position > 0)
        s += ", position " + std::to_string(position);
    return s + ": " + message;
}

FormDefinitionError::FormDefinitionError(std::vector<DefinitionProblem> problems)
    : cx::Error(cx::ErrorKind::Invalid, joinProblems(problems)), m_problems(std::move(problems))
{}

FormDefinition FormDefinition::parse(const cx::Json &definition) { return DefinitionReader(definition).read(); }

FormDefinition FormDefinition::parseText(std::string_view text)
{
    cx::Json j;
    try {
        j = cx::Json::parse(text.begin(), text.end());
    } catch (const cx::Json::parse_error &e) {
        size_t byte = e.byte > 0 ? e.byte - 1 : 0; // nlohmann counts from 1
        size_t line = 1, col = 1;
        for (size_t i = 0; i < byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        std::string what = e.what();
        auto cut = what.find("syntax error");
        if (cut != std::string::npos)
            what = what.substr(cut);
        DefinitionProblem p;
        p.where = "json";
        p.message = "JSON syntax error at line " + std::to_string(line) + ", column " + std::to_string(col) + " (byte " +
                    std::to_string(e.byte) + "): " + what;
        throw FormDefinitionError({p});
    } catch (const cx::Json::exception &e) {
        // e.g. out_of_range 406: a number like 8.8e6666 that no double holds (found by fuzz_form_definition)
        DefinitionProblem p;
        p.where = "json";
        p.message = std::string("JSON value out of range: ") + e.what();
        throw FormDefinitionError({p});
    }
    return parse(j);
}

bool FormDefinition::isFor(const std::string &role, const std::string &school) const
{
    if (std::find(m_roles.begin(), m_roles.end(), role) == m_roles.end())
        return false;
    return m_allSchools || std::find(m_schools.begin(), m_schools.end(), school) != m_schools.end();
}

int FormDefinition::indexOf(const std::string &name) const
{
    auto it = m_byName.find(name);
    return it == m_byName.end() ? -1 : it->second;
}

const Field *FormDefinition::find(const std::string &name) const
{
    int i = indexOf(name);
    return i < 0 ? nullptr : &m_fields[size_t(i)];
}

const Option *Field::option(const std::string &value) const
{
    for (const Option &o : options)
        if (o.value == value)
            return &o;
    return nullptr;
}

static const char *const kTypeNames[] = {"text",        "integer",  "decimal", "date",      "time", "datetime", "select_one",
                                         "select_many", "geopoint", "photo",   "signature", "note", "group",    "repeat"};

const char *fieldTypeName(FieldType t) { return kTypeNames[int(t)]; }

std::optional<FieldType> fieldTypeFromName(const std::string &name)
{
    for (int i = 0; i < int(std::size(kTypeNames)); ++i)
        if (name == kTypeNames[i])
            return FieldType(i);
    return std::nullopt;
}

} // namespace cx::forms
