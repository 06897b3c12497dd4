#include "admin/Admin.h"
#include "admin/Export.h"

#include "storage/PgStore.h"

#include "forms/FormDefinition.h"
#include "forms/Publication.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"
#include "protocol/Version.h"
#include "sync/RecordWrites.h"

#include <filesystem>
#include <pwd.h>
#include <unistd.h>
#include <istream>
#include <ostream>
#include <set>
#include <sstream>

namespace cx::server {

namespace fs = std::filesystem;

std::string commandActor()
{
    const passwd *pw = getpwuid(geteuid());
    std::string who = pw && pw->pw_name ? pw->pw_name : "uid " + std::to_string(geteuid());
    return "admin (" + who + ")";
}

std::string databasePath(const std::string &dataDir) { return (fs::path(dataDir) / "cunxiao.db").string(); }

std::unique_ptr<Store> initDataDir(const std::string &dataDir)
{
    if (isPostgresUri(dataDir))
        return openPostgresStore(dataDir, true);
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec)
        throw Error(ErrorKind::Invalid, "cannot create " + dataDir + ": " + ec.message());
    return std::make_unique<SqliteStore>(databasePath(dataDir), true);
}

std::unique_ptr<Store> openDataDir(const std::string &dataDir)
{
    if (isPostgresUri(dataDir))
        return openPostgresStore(dataDir, false);
    if (!fs::exists(databasePath(dataDir)))
        throw Error(ErrorKind::Invalid, dataDir + " is not a Cunxiao data directory (run: cunxiao-server init " + dataDir + ")");
    return std::make_unique<SqliteStore>(databasePath(dataDir), false);
}

void addSchool(Store &store, const std::string &code, const std::string &name, const std::string &county, int64_t nowMs,
               const std::string &actor, const std::string &township)
{
    if (code == kCountyScope || !isValidSchoolCode(code))
        throw Error(ErrorKind::Invalid, "school code \"" + code + "\" is not valid (1-32 of A-Z a-z 0-9 _ -)");
    if (name.empty())
        throw Error(ErrorKind::Invalid, "--name must not be empty");
    Transaction tx(store);
    const bool existed = store.school(code).has_value();
    store.putSchool({code, name, county});
    Json fields{{"code", code}, {"name", name}, {"county", county}};
    if (!township.empty())
        fields["township"] = township;
    serverPut(store, "schools", code, code, fields, "admin", nowMs);
    Json detail{{"name", name}, {"county", county}};
    if (!township.empty())
        detail["township"] = township;
    store.addAdminEvent(AdminEvent{nowMs, actor, existed ? "school-changed" : "school-added", "schools/" + code, detail, ""});
    tx.commit();
}

int64_t publishForm(Store &store, const Json &def, int64_t nowMs, const std::string &actor)
{
    // The id is read first so the current record is read in the same transaction.
    auto id = def.is_object() ? def.find("id") : def.end();
    const std::string formId = def.is_object() && id != def.end() && id->is_string() ? id->get<std::string>() : "";
    Transaction tx(store);
    std::optional<Json> published;
    if (!formId.empty())
        if (auto existing = store.record("forms", formId))
            published = existing->fields;
    const forms::Publication p = forms::shapePublication(def, published); // shared with the bureau's app
    serverPut(store, "forms", p.formId, kCountyScope, p.fields, "admin", nowMs);
    // Every version is kept, so drafts and submissions made on an older one
    // can still be opened and checked against the form they were made with.
    serverPut(store, "form_versions", p.versionId(), kCountyScope, p.fields, "admin", nowMs);
    store.addAdminEvent(AdminEvent{nowMs, actor, "form-published", "forms/" + p.formId,
                                   Json{{"version", p.version}, {"title", p.fields["title"]}}, ""});
    tx.commit();
    return p.version;
}

namespace {
std::string checkLine(const std::string &text, ImportLine &out, const std::string &school,
                      std::set<std::pair<std::string, std::string>> &seen)
{
    Json j;
    if (jsonDepth(text) > kMaxJsonDepth) // copying or dumping it would overflow the stack
        return "nests arrays or objects deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    try {
        j = Json::parse(text);
    } catch (const Json::parse_error &e) {
        return "not valid JSON (at byte " + std::to_string(e.byte) + ")";
    } catch (const Json::exception &) { // out_of_range: a number like 1e999
        return "not valid JSON (a number out of range)";
    }
    if (!j.is_object())
        return "not a JSON object";
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "collection" && it.key() != "id" && it.key() != "fields" && it.key() != "school")
            return "unknown key \"" + it.key() + "\" (expected collection, id, fields)";
    auto c = j.find("collection");
    if (c == j.end() || !c->is_string())
        return "missing \"collection\"";
    out.collection = c->get<std::string>();
    if (!isValidName(out.collection))
        return "collection \"" + out.collection + "\" is not a valid name ([a-z][a-z0-9_]{0,63})";
    if (auto s = j.find("school"); s != j.end() && (!s->is_string() || s->get<std::string>() != school))
        return "\"school\" differs from --school " + school;
    auto id = j.find("id");
    if (id == j.end() || id->is_null()) {
        out.id = uuidV7();
    } else {
        if (!id->is_string())
            return "\"id\" is not a string";
        out.id = id->get<std::string>();
        if (!isValidRecordId(out.id))
            return "id \"" + out.id + "\" is not valid (1-64 of A-Z a-z 0-9 _ . : -)";
    }
    auto f = j.find("fields");
    if (f == j.end() || !f->is_object())
        return "\"fields\" is missing or not an object";
    for (auto it = f->begin(); it != f->end(); ++it)
        if (!isValidName(it.key()))
            return "field name \"" + it.key() + "\" is not valid ([a-z][a-z0-9_]{0,63})";
    if (f->dump().size() > kMaxFieldsBytes)
        return "fields are larger than " + std::to_string(kMaxFieldsBytes) + " bytes";
    if (!seen.insert({out.collection, out.id}).second)
        return out.collection + "/" + out.id + " appears twice in the file";
    out.fields = std::move(*f);
    return {};
}
} // namespace

ImportRead readImportLines(const std::string &school, std::istream &in, const std::string &fileName)
{
    ImportRead read;
    std::set<std::pair<std::string, std::string>> seen;
    std::string text;
    size_t lineNo = 0;
    while (std::getline(in, text)) {
        ++lineNo;
        if (!text.empty() && text.back() == '\r')
            text.pop_back();
        if (text.find_first_not_of(" \t") == std::string::npos)
            continue; // blank lines are allowed
        ImportLine line;
        if (std::string why = checkLine(text, line, school, seen); !why.empty()) {
            read.errors.push_back(fileName + ":" + std::to_string(lineNo) + ": " + why);
            continue;
        }
        read.lines.push_back(std::move(line));
    }
    return read;
}

ImportResult importJsonLines(Store &store, const std::string &school, std::istream &in, const std::string &fileName,
                             int64_t nowMs)
{
    if (school != kCountyScope && !store.school(school))
        throw Error(ErrorKind::Invalid, "school " + school + " does not exist (add it with add-school)");
    ImportRead read = readImportLines(school, in, fileName);
    std::vector<ImportLine> &lines = read.lines;
    std::vector<std::string> &errors = read.errors;
    if (errors.empty()) {
        // Records that exist in another school are refused too.
        for (const auto &line : lines) {
            auto rec = store.record(line.collection, line.id);
            if (rec && rec->school != school)
                errors.push_back(fileName + ": " + line.collection + "/" + line.id + " belongs to school " + rec->school +
                                 ", not " + school);
        }
    }
    if (!errors.empty()) {
        std::string msg;
        for (const auto &e : errors)
            msg += e + "\n";
        msg += fileName + ": " + std::to_string(errors.size()) + " bad line(s); nothing was imported";
        throw Error(ErrorKind::Invalid, msg);
    }
    ImportResult result;
    Transaction tx(store);
    for (const auto &line : lines) {
        bool changed = false;
        serverPut(store, line.collection, line.id, school, line.fields, "import", nowMs, &changed);
        ++result.lines;
        if (changed)
            ++result.changed;
    }
    tx.commit();
    return result;
}

size_t exportRecords(Store &store, const std::string &collection, const std::optional<std::string> &school, ExportFormat format,
                     std::ostream &out, const std::string &actor, int64_t nowMs)
{
    ExportRequest req;
    req.collection = collection;
    req.school = school;
    req.format = format;
    req.actor = actor;
    req.nowMs = nowMs;
    return exportData(store, req, out).rows;
}

std::vector<std::string> splitList(const std::string &s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

} // namespace cx::server
