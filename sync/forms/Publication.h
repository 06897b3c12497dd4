#pragma once
// Publication: the records that publishing a form definition writes, shaped
// once for the server's `admin publish-form` / `import-xlsform --publish`
// (server/admin/Admin.cpp) and the bureau's app and CLI (sync/bureau/FormDrafts):
// `forms/<id>` = {definition, version, title} in scope "*", and the same fields
// kept as `form_versions/<id>.v<N>` so submissions made on an older version can
// still be opened and checked (docs/forms.md §9a).
#include "protocol/Json.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cx::forms {

struct Publication {
    std::string formId;
    int64_t version = 1;
    Json fields;            // {definition, version, title}
    bool unchanged = false; // the same definition as the published one: nothing new to publish
    std::string versionId() const { return formId + ".v" + std::to_string(version); }
};

// `published`: the fields of the current forms/<id> record, if any. The version
// is the definition's own "version" when it has one (the server's admin
// commands), else the published version + 1 (the same version when the
// definition is identical). Throws cx::Error (Invalid) for a definition without
// a valid id, FormDefinitionError for one that the definition reader refuses
// (checked with the version it will be stored with).
Publication shapePublication(const Json &definition, const std::optional<Json> &published);

// The version a forms/<id> record's fields name (0 when none).
int64_t publishedVersion(const Json &fields);

} // namespace cx::forms
