// DefinitionReader, second half: compiling each field's expressions and
// resolving ${name} references against the form (which names may be read from
// where: same-row repeat fields, ${repeat/field} columns, no groups or notes).
#include "forms/DefinitionReader.h"

#include "forms/AnswerTypes.h"

#include <algorithm>
#include <vector>

namespace cx::forms {

size_t editDistance(const std::string &a, const std::string &b)
{
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return row[b.size()];
}

RefTarget DefinitionReader::resolve(const Field &from, const std::string &name) const
{
    RefTarget t;
    auto slash = name.find('/');
    if (slash != std::string::npos) {
        std::string rname = name.substr(0, slash), fname = name.substr(slash + 1);
        int r = m_def.indexOf(rname), f = m_def.indexOf(fname);
        if (r < 0 || m_def.m_fields[size_t(r)].type != FieldType::Repeat) {
            t.error = "'" + rname + "' is not a repeat; ${repeat/field} names a field in every row of a repeat";
            return t;
        }
        if (f < 0 || m_def.m_fields[size_t(f)].repeat != r) {
            t.error = "repeat '" + rname + "' has no field '" + fname + "'";
            return t;
        }
        if (!m_def.m_fields[size_t(f)].hasValue()) {
            t.error = "'" + fname + "' is a " + fieldTypeName(m_def.m_fields[size_t(f)].type) + " and has no value";
            return t;
        }
        return {RefTarget::Column, f, r, {}};
    }
    int f = m_def.indexOf(name);
    if (f < 0) {
        std::string near;
        size_t best = 3;
        for (const auto &[n, i] : m_def.m_byName) {
            size_t d = editDistance(n, name);
            if (d < best) {
                best = d;
                near = n;
            }
        }
        t.error = "unknown field '" + name + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)");
        return t;
    }
    const Field &g = m_def.m_fields[size_t(f)];
    if (!g.hasValue()) {
        t.error = "'" + name + "' is a " + fieldTypeName(g.type) + " and has no value; refer to the fields inside it";
        return t;
    }
    if (g.type == FieldType::Repeat)
        return {RefTarget::Rows, -1, f, {}};
    if (g.repeat < 0 || g.repeat == from.repeat)
        return {RefTarget::Field, f, -1, {}};
    std::string rn = m_def.m_fields[size_t(g.repeat)].name;
    t.error = "'" + name + "' has one value per row of repeat '" + rn + "'; here write ${" + rn + "/" + name +
              "} inside sum(), count(), min(), max() or avg()";
    return t;
}

Expression DefinitionReader::compile(const Field &f, const std::string &where, const cx::Json &value, bool allowSelf,
                                     bool allowRecordProps)
{
    if (!value.is_string() || value.get<std::string>().find_first_not_of(" \t\n") == std::string::npos) {
        problem(f.name, where, "must be an expression written as text, e.g. \"${age} >= 6\"");
        return {};
    }
    BindOptions opt;
    opt.allowSelf = allowSelf;
    opt.allowRecordProps = allowRecordProps;
    opt.resolve = [this, &f](const std::string &name) { return resolve(f, name); };
    try {
        return Expression::compile(value.get<std::string>(), opt);
    } catch (const ExpressionError &e) {
        std::string msg = e.problem();
        if (msg.find("bare name") != std::string::npos)
            msg += "; text must be in quotes, e.g. 'yes'";
        problem(f.name, where, msg, e.position());
        return {};
    }
}

void DefinitionReader::compileExpressions(const cx::Json &j, Field &f)
{
    if (j.contains("relevant"))
        f.relevant = compile(f, "relevant", j["relevant"]);
    if (j.contains("constraint"))
        f.constraint = compile(f, "constraint", j["constraint"], true);
    if (j.contains("calculate")) {
        f.calculate = compile(f, "calculate", j["calculate"]);
        f.readonly = true;
    }
    auto flag = [&](const char *key, bool &always, Expression &expr) {
        if (!j.contains(key))
            return;
        if (j[key].is_boolean())
            always = j[key].get<bool>();
        else
            expr = compile(f, key, j[key]);
    };
    flag("required", f.required, f.requiredIf);
    bool ro = false;
    flag("readonly", ro, f.readonlyIf);
    f.readonly = f.readonly || ro;
    if (j.contains("default")) {
        const cx::Json &d = j["default"];
        if (d.is_string()) {
            f.defaultExpr = compile(f, "default", d);
        } else if (auto p = answerTypeProblem(f, d)) {
            problem(f.name, "default",
                    "the default " + d.dump() + " " + p->en() + " (write text defaults as an expression in quotes: \"'yes'\")");
        } else {
            f.defaultLiteral = d;
        }
        if (f.calculate)
            problem(f.name, "default", "a calculated field cannot also have a default");
    }
    if (f.from && j["from"].contains("filter"))
        f.from->filter = compile(f, "from.filter", j["from"]["filter"], false, true);
    if (j.contains("options_filter"))
        f.optionsFilter = compile(f, "options_filter", j["options_filter"], false, true);
    if (f.type == FieldType::SelectOne || f.type == FieldType::SelectMany) {
        if (!f.defaultLiteral.is_null() && !f.from) {
            for (const auto &v : f.defaultLiteral.is_array() ? f.defaultLiteral : cx::Json::array({f.defaultLiteral}))
                if (v.is_string() && !f.option(v.get<std::string>()))
                    problem(f.name, "default", "'" + v.get<std::string>() + "' is not one of the options");
        }
    }
}

} // namespace cx::forms
