// DefinitionReader: the definition format (docs/forms.md) and its checks.
#include "forms/DefinitionReader.h"

#include "forms/AnswerTypes.h"
#include "forms/DependencyGraph.h"

#include <algorithm>
#include <set>

namespace cx::forms {

namespace {

bool validName(const std::string &s)
{
    if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z'))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool validLanguage(const std::string &s)
{
    if (s.size() < 2 || s.size() > 12)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'; });
}

const std::set<std::string> kFormKeys = {"id", "version", "title", "description", "roles", "schools", "pages", "fields", "meta"};
const std::set<std::string> kPageKeys = {"id", "title", "fields"};
const std::set<std::string> kFieldKeys = {"name",      "type",       "label",
                                          "hint",      "required",   "required_message",
                                          "relevant",  "constraint", "constraint_message",
                                          "calculate", "default",    "readonly",
                                          "options",   "from",       "options_filter",
                                          "multiple",  "fields",     "min_rows",
                                          "max_rows",  "appearance"};
const std::set<std::string> kRoles = {"head", "teacher", "inspector", "bureau"};

// A member by reference (definitions keep pointers into the JSON), or null.
const cx::Json &member(const cx::Json &j, const char *key)
{
    static const cx::Json none;
    auto it = j.find(key);
    return it == j.end() ? none : *it;
}

std::string keyList(const std::set<std::string> &keys)
{
    std::string s;
    for (const auto &k : keys)
        s += (s.empty() ? "" : ", ") + k;
    return s;
}

} // namespace

void DefinitionReader::problem(const std::string &field, const std::string &where, const std::string &message, size_t position)
{
    if (m_problems.size() < 200)
        m_problems.push_back({m_def.m_id, field, where, position, message});
}

LocalText DefinitionReader::text(const cx::Json &j, const std::string &field, const std::string &where, bool required)
{
    LocalText t;
    if (j.is_null()) {
        if (required)
            problem(field, where, "missing; write {\"zh\": \"...\", \"en\": \"...\"}");
        return t;
    }
    if (j.is_string()) {
        t.text["zh"] = j.get<std::string>();
    } else if (j.is_object()) {
        for (const auto &[lang, v] : j.items()) {
            if (!validLanguage(lang))
                problem(field, where, "'" + lang + "' is not a language code (use zh, en, ii, ...)");
            else if (!v.is_string())
                problem(field, where, "the " + lang + " text must be a string");
            else
                t.text[lang] = v.get<std::string>();
        }
    } else {
        problem(field, where, "must be {\"zh\": \"...\", \"en\": \"...\"}");
        return t;
    }
    if (required && t.text["zh"].empty())
        problem(field, where, "the Chinese text (\"zh\") is missing or empty");
    if (t.text.count("zh") && t.text["zh"].empty())
        t.text.erase("zh");
    return t;
}

FormDefinition DefinitionReader::read()
{
    readForm();
    if (m_problems.empty()) {
        for (size_t i = 0; i < m_def.m_fields.size(); ++i)
            compileExpressions(*m_fieldJson[i], m_def.m_fields[i]);
    }
    if (m_problems.empty())
        DependencyGraph::build(m_def, m_problems);
    if (!m_problems.empty())
        throw FormDefinitionError(std::move(m_problems));
    m_def.m_source = m_json;
    return std::move(m_def);
}

void DefinitionReader::readForm()
{
    if (!m_json.is_object()) {
        problem("", "", "a form definition must be a JSON object");
        return;
    }
    const cx::Json &j = m_json;
    if (j.contains("id") && j["id"].is_string())
        m_def.m_id = j["id"].get<std::string>();
    if (!validName(m_def.m_id))
        problem("", "id", "must be lowercase letters, digits and _ starting with a letter, e.g. \"home_visit\"");
    for (const auto &[k, v] : j.items())
        if (!kFormKeys.count(k))
            problem("", k, "unknown property (known: " + keyList(kFormKeys) + ")");
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<long long>() < 1 ||
        j["version"].get<long long>() > 1000000)
        problem("", "version", "must be a whole number, 1 or more");
    else
        m_def.m_version = j["version"].get<int>();
    m_def.m_title = text(j.value("title", cx::Json()), "", "title", true);
    m_def.m_description = text(j.value("description", cx::Json()), "", "description", false);

    const cx::Json roles = j.value("roles", cx::Json());
    if (!roles.is_array() || roles.empty())
        problem("", "roles", "must list who fills the form: any of head, teacher, inspector, bureau");
    else
        for (const auto &r : roles) {
            if (!r.is_string() || !kRoles.count(r.get<std::string>()))
                problem("", "roles", "unknown role " + r.dump() + " (known: bureau, head, inspector, teacher)");
            else
                m_def.m_roles.push_back(r.get<std::string>());
        }
    const cx::Json schools = j.value("schools", cx::Json("*"));
    if (schools == "*") {
        m_def.m_allSchools = true;
    } else if (schools.is_array() && !schools.empty() && std::all_of(schools.begin(), schools.end(), [](const cx::Json &s) {
                   return s.is_string() && !s.get<std::string>().empty();
               })) {
        m_def.m_allSchools = false;
        for (const auto &s : schools)
            m_def.m_schools.push_back(s.get<std::string>());
    } else {
        problem("", "schools", "must be \"*\" (every school) or a list of school codes");
    }
    m_def.m_meta = j.value("meta", cx::Json::object());
    if (!m_def.m_meta.is_object())
        problem("", "meta", "must be an object");

    bool hasPages = j.contains("pages"), hasFields = j.contains("fields");
    if (hasPages == hasFields) {
        problem("", "pages", "write either \"pages\" (a list of pages, each with fields) or \"fields\", not both or neither");
        return;
    }
    if (hasFields) {
        Page p;
        p.id = "main";
        p.title = m_def.m_title;
        m_def.m_pages.push_back(p);
        readFields(j["fields"], -1, -1, 0, m_def.m_pages[0].fields, "fields");
        return;
    }
    if (!j["pages"].is_array() || j["pages"].empty()) {
        problem("", "pages", "must be a non-empty list of pages");
        return;
    }
    std::set<std::string> pageIds;
    for (const auto &pj : j["pages"]) {
        int index = int(m_def.m_pages.size());
        std::string where = "page " + std::to_string(index + 1);
        if (!pj.is_object()) {
            problem("", where, "must be an object with title and fields");
            continue;
        }
        for (const auto &[k, v] : pj.items())
            if (!kPageKeys.count(k))
                problem("", where, "unknown property '" + k + "' (known: " + keyList(kPageKeys) + ")");
        Page p;
        p.id = pj.value("id", "page" + std::to_string(index + 1));
        if (!validName(p.id) || !pageIds.insert(p.id).second)
            problem("", where, "page id '" + p.id + "' must be a unique lowercase name");
        p.title = text(pj.value("title", cx::Json()), "", where + " title", true);
        m_def.m_pages.push_back(p);
        std::vector<int> top;
        readFields(member(pj, "fields"), -1, -1, index, top, where + " fields");
        m_def.m_pages[size_t(index)].fields = std::move(top);
    }
}

void DefinitionReader::readFields(const cx::Json &list, int parent, int repeat, int page, std::vector<int> &into,
                                  const std::string &where)
{
    std::string owner = parent >= 0 ? m_def.m_fields[size_t(parent)].name : "";
    if (!list.is_array() || list.empty()) {
        problem(owner, where, "must be a non-empty list of fields");
        return;
    }
    for (const auto &fj : list)
        readField(fj, parent, repeat, page, into);
}

void DefinitionReader::readField(const cx::Json &j, int parent, int repeat, int page, std::vector<int> &into)
{
    int index = int(m_def.m_fields.size());
    std::string label = "#" + std::to_string(index + 1);
    if (!j.is_object()) {
        problem(label, "", "a field must be a JSON object");
        return;
    }
    Field f;
    f.index = index;
    f.parent = parent;
    f.repeat = repeat;
    f.page = page;
    f.name = j.value("name", cx::Json()).is_string() ? j["name"].get<std::string>() : "";
    if (!validName(f.name)) {
        problem(f.name.empty() ? label : f.name, "name",
                "a field needs a name of lowercase letters, digits and _ starting with a letter, e.g. \"pupil_count\"");
    } else if (m_def.m_byName.count(f.name)) {
        problem(f.name, "name", "duplicate field name (names must be unique in the whole form, including groups and repeats)");
    } else {
        m_def.m_byName[f.name] = index;
    }
    std::string fn = f.name.empty() ? label : f.name;
    auto type = fieldTypeFromName(j.value("type", cx::Json()).is_string() ? j["type"].get<std::string>() : "");
    if (!type) {
        problem(fn, "type",
                "unknown type " + j.value("type", cx::Json()).dump() +
                    " (known: text, integer, decimal, date, time, datetime, select_one, select_many, geopoint, photo, "
                    "signature, note, group, repeat)");
        if (m_def.m_byName.count(f.name) && m_def.m_byName[f.name] == index)
            m_def.m_byName.erase(f.name);
        return;
    }
    f.type = *type;
    for (const auto &[k, v] : j.items())
        if (!kFieldKeys.count(k)) {
            std::string near;
            for (const auto &known : kFieldKeys)
                if (editDistance(k, known) <= 2)
                    near = known;
            problem(fn, k, "unknown property" + (near.empty() ? std::string() : " (did you mean '" + near + "'?)"));
        }
    auto only = [&](const char *key, bool allowed, const char *what) {
        if (j.contains(key) && !allowed)
            problem(fn, key, std::string("not allowed on a ") + fieldTypeName(f.type) + " field (" + what + ")");
    };
    bool container = f.type == FieldType::Group || f.type == FieldType::Repeat;
    bool calculable = f.type == FieldType::Text || f.type == FieldType::Integer || f.type == FieldType::Decimal ||
                      f.type == FieldType::Date || f.type == FieldType::Time || f.type == FieldType::DateTime;
    only("options", f.isSelect(), "only select_one and select_many have options");
    only("from", f.isSelect(), "only select_one and select_many draw options from records");
    only("options_filter", f.isSelect(), "only select_one and select_many have options");
    only("multiple", f.type == FieldType::Photo, "only photo fields take several answers");
    only("fields", container, "only group and repeat contain fields");
    only("min_rows", f.type == FieldType::Repeat, "only repeats have rows");
    only("max_rows", f.type == FieldType::Repeat, "only repeats have rows");
    only("calculate", calculable, "only text, integer, decimal, date, time and datetime can be calculated");
    only("constraint", f.hasValue() && f.type != FieldType::Repeat, "it has no value to check");
    only("required", f.hasValue(), "it takes no answer");
    only("default", f.hasValue() && f.type != FieldType::Repeat, "it takes no answer");
    only("readonly", f.hasValue(), "it takes no answer");

    f.label = text(j.value("label", cx::Json()), fn, "label", true);
    f.hint = text(j.value("hint", cx::Json()), fn, "hint", false);
    f.requiredMessage = text(j.value("required_message", cx::Json()), fn, "required_message", false);
    f.constraintMessage = text(j.value("constraint_message", cx::Json()), fn, "constraint_message", false);
    if (j.contains("constraint_message") && !j.contains("constraint"))
        problem(fn, "constraint_message", "there is no constraint for this message");
    if (j.contains("appearance")) {
        if (j["appearance"].is_string())
            f.appearance = j["appearance"].get<std::string>();
        else
            problem(fn, "appearance", "must be text");
    }
    if (j.contains("multiple")) {
        if (j["multiple"].is_boolean())
            f.multiple = j["multiple"].get<bool>();
        else
            problem(fn, "multiple", "must be true or false");
    }
    if (f.type == FieldType::Repeat) {
        if (repeat >= 0)
            problem(fn, "type", "a repeat inside another repeat is not supported; use a separate form or a group");
        auto rows = [&](const char *key, int &out) {
            if (!j.contains(key))
                return;
            if (!j[key].is_number_integer() || j[key].get<long long>() < 0 || j[key].get<long long>() > 10000)
                problem(fn, key, "must be a whole number from 0 to 10000");
            else
                out = j[key].get<int>();
        };
        rows("min_rows", f.minRows);
        rows("max_rows", f.maxRows);
        if (f.maxRows >= 0 && f.minRows > f.maxRows)
            problem(fn, "max_rows", "is less than min_rows");
        if (f.maxRows == 0)
            problem(fn, "max_rows", "must be at least 1");
    }
    if (f.isSelect())
        readOptions(f, j);

    m_def.m_fields.push_back(f);
    m_fieldJson.push_back(&j);
    into.push_back(index);
    if (container) {
        std::vector<int> children;
        readFields(member(j, "fields"), index, f.type == FieldType::Repeat ? index : repeat, page, children, "fields");
        m_def.m_fields[size_t(index)].children = std::move(children);
    }
}

void DefinitionReader::readOptions(Field &f, const cx::Json &j)
{
    bool inl = j.contains("options"), rec = j.contains("from");
    if (inl == rec) {
        problem(f.name, "options", "a select field needs either \"options\" (a list) or \"from\" (records), not both or neither");
        return;
    }
    if (rec) {
        const cx::Json &from = j["from"];
        if (!from.is_object()) {
            problem(f.name, "from", "must be {\"collection\": ..., \"label\": ..., \"value\": ...}");
            return;
        }
        for (const auto &[k, v] : from.items())
            if (k != "collection" && k != "label" && k != "value" && k != "filter")
                problem(f.name, "from", "unknown property '" + k + "' (known: collection, label, value, filter)");
        RecordOptions ro;
        auto key = [&](const char *k, std::string &out, const char *fallback) {
            cx::Json v = from.value(k, fallback ? cx::Json(fallback) : cx::Json());
            if (!v.is_string() || !validName(v.get<std::string>()))
                problem(f.name, std::string("from.") + k, "must be a lowercase name");
            else
                out = v.get<std::string>();
        };
        key("collection", ro.collection, nullptr);
        key("label", ro.labelKey, nullptr);
        key("value", ro.valueKey, "id");
        f.from = ro;
        if (j.contains("options_filter"))
            problem(f.name, "options_filter", "for options from records, put the filter inside \"from\"");
        return;
    }
    const cx::Json &opts = j["options"];
    if (!opts.is_array() || opts.empty()) {
        problem(f.name, "options", "must be a non-empty list of {\"value\": ..., \"label\": {...}}");
        return;
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < opts.size(); ++i) {
        const cx::Json &o = opts[i];
        std::string where = "options[" + std::to_string(i + 1) + "]";
        if (!o.is_object() || !o.contains("value") || !o["value"].is_string() || o["value"].get<std::string>().empty()) {
            problem(f.name, where, "each option needs a \"value\" (non-empty text) and a \"label\"");
            continue;
        }
        Option opt;
        opt.value = o["value"].get<std::string>();
        if (opt.value.find(' ') != std::string::npos)
            problem(f.name, where, "option value '" + opt.value + "' must not contain spaces");
        if (!seen.insert(opt.value).second)
            problem(f.name, where, "duplicate option value '" + opt.value + "'");
        opt.label = text(o.value("label", cx::Json()), f.name, where + " label", true);
        opt.properties = o;
        f.options.push_back(std::move(opt));
    }
}

} // namespace cx::forms
