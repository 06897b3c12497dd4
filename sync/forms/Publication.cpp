#include "forms/Publication.h"

#include "forms/FormDefinition.h"
#include "protocol/Errors.h"
#include "protocol/Record.h"

namespace cx::forms {

int64_t publishedVersion(const Json &fields)
{
    auto v = fields.find("version");
    return v != fields.end() && v->is_number_integer() ? v->get<int64_t>() : 0;
}

Publication shapePublication(const Json &def, const std::optional<Json> &published)
{
    if (!def.is_object())
        throw Error(ErrorKind::Invalid, "a form definition is a JSON object");
    auto id = def.find("id");
    if (id == def.end() || !id->is_string() || !isValidRecordId(id->get<std::string>()))
        throw Error(ErrorKind::Invalid, "the form definition needs an \"id\" (1-64 of A-Z a-z 0-9 _ . : -)");
    Publication p;
    p.formId = id->get<std::string>();
    if (auto v = def.find("version"); v != def.end() && v->is_number_integer()) {
        p.version = v->get<int64_t>();
    } else if (published) {
        const int64_t oldVersion = publishedVersion(*published);
        auto oldDef = published->find("definition");
        p.unchanged = oldDef != published->end() && *oldDef == def;
        p.version = p.unchanged ? oldVersion : oldVersion + 1;
    }
    // A malformed definition is refused here, before any device sees it; it is
    // checked as it will be stored, with its version.
    Json checked = def;
    checked["version"] = p.version;
    FormDefinition::parse(checked);
    Json title = def.contains("title") ? def["title"] : Json(p.formId);
    p.fields = Json{{"definition", def}, {"version", p.version}, {"title", title}};
    return p;
}

} // namespace cx::forms
