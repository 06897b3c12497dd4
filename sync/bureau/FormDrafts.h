#pragma once
// FormDrafts: the bureau's form publishing (docs/bureau.md "Forms"). A form
// definition read from a file (.json, or an XLSForm .xlsx converted by
// sync/xlsform) becomes a draft kept only on the bureau's device
// (Engine::localValue "form_drafts": in the encrypted replica, never synced,
// so no school sees it); publishing writes forms/<id> and form_versions/<id>.vN
// shaped exactly as the server's admin command does (forms/Publication.h), as
// ordinary changes that go out at the next sync. The server checks the
// definition again; a refusal comes back with its reason and the draft stays.
// The app's Forms page and `cunxiao-cli forms` / `publish-form` both use it.
#include "protocol/Errors.h"
#include "protocol/Json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cx {
class Engine;
}

namespace cx::bureau {

// The refusals of this file that a person meets, with what they name, so the
// app words them in its own language (what() is the English for the CLI).
class FormDraftError : public Error
{
public:
    enum class Why {
        OldXls,    // `subject`: the file's name
        NotAForm,  // `subject`: the file's name
        NoDraft,   // `subject`: the form id
        Sending,   // `subject`: the form id, `version`: the one waiting to be sent
        Unchanged, // `subject`: the form id, `version`: the published one
    };
    FormDraftError(Why why, ErrorKind kind, std::string subject, int64_t version, const std::string &what)
        : Error(kind, what), m_why(why), m_subject(std::move(subject)), m_version(version)
    {}
    Why why() const { return m_why; }
    const std::string &subject() const { return m_subject; }
    int64_t version() const { return m_version; }

private:
    Why m_why;
    std::string m_subject;
    int64_t m_version;
};

// A definition read from a file. Throws cx::Error: an unreadable or malformed
// .json (what and where), an .xlsx the converter refuses (xlsform::XlsformError:
// every problem with its sheet, row and column), a definition the form reader
// refuses (FormDefinitionError), an .xls or another kind of file.
struct ImportedForm {
    Json definition;
    std::vector<std::string> notes; // what the XLSForm conversion assumed or ignored
};
ImportedForm readFormFile(const std::string &path);

struct FormDraft {
    std::string formId;
    Json definition;    // as imported; its "version" is set when published
    std::string source; // the file's name
    int64_t importedAtMs = 0;
    std::vector<std::string> notes;
    int64_t publishedAs = 0; // the version publishDraft wrote (0: not published yet)
    std::string refused;     // why the server refused the last publish ("" = it did not)
    Json toJson() const;
    static FormDraft fromJson(const Json &j);
};

std::vector<FormDraft> formDrafts(Engine &e); // by form id
std::optional<FormDraft> formDraft(Engine &e, const std::string &formId);
// Keeps a draft (replacing an unpublished draft of the same form). Refused
// while an earlier publish of that form waits for the server.
FormDraft keepDraft(Engine &e, const ImportedForm &form, const std::string &source, int64_t nowMs);
// Refused (FormDraftError Sending) while that draft's publish waits to be sent.
void dropDraft(Engine &e, const std::string &formId);

// What a new version changes, field by field (by name, groups and repeats
// included): added, removed, or changed with the properties that differ.
struct FieldChange {
    std::string name;
    std::string change;            // "added" | "removed" | "changed"
    std::vector<std::string> what; // changed: "label", "type", "required", "options", ...
};
std::vector<FieldChange> diffDefinitions(const Json &before, const Json &after);
// The published form's fields {definition, version, title}: forms/<id> as the
// server confirmed it (not this device's own publish still on its way), if any.
std::optional<Json> publishedForm(Engine &e, const std::string &formId);

// Where a draft stands: "draft" (not published), "sending" (published here,
// waiting for the next sync), "refused" (the server said no: `refused`).
std::string draftState(Engine &e, const FormDraft &d);

// Draft -> published: version = the published version + 1, written as changes
// for the next sync. Returns the version. Throws cx::Error when there is no such
// draft, it is already waiting to be sent, or nothing changed.
int64_t publishDraft(Engine &e, const std::string &formId);

// After a sync: a draft whose version the server confirmed is dropped; one the
// server refused keeps the reason, and the refused changes are discarded so the
// replica shows the published form again. Returns how many drafts changed.
int settleDrafts(Engine &e);

} // namespace cx::bureau
