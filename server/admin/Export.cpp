// `cunxiao-server export`: see Export.h and docs/server.md ("export").
#include "admin/Export.h"

#include "forms/FormDefinition.h"
#include "forms/Periods.h"
#include "protocol/Errors.h"
#include "protocol/Record.h"
#include "protocol/Version.h"
#include "tables/TableWriter.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <ranges>
#include <set>

namespace cx::server {

std::string repeatCsvPath(const std::string &outFile, const std::string &repeat)
{
    std::string base = outFile;
    if (base.size() > 4) {
        std::string ext = base.substr(base.size() - 4);
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (ext == ".csv")
            base.resize(base.size() - 4);
    }
    return base + "." + repeat + ".csv";
}

namespace {

const char *formatName(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Csv:
        return "csv";
    case ExportFormat::Xlsx:
        return "xlsx";
    default:
        return "jsonl";
    }
}

using tables::CsvTable;
using tables::kMaxSheetRows;
using tables::Table;
using tables::XlsxBook;

// A temporary file for an XLSX written to a stream (libxlsxwriter writes files).
struct TempFile {
    std::string path;
    TempFile()
    {
        const char *dir = std::getenv("TMPDIR");
        std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/cunxiao-export-XXXXXX";
        int fd = mkstemp(tmpl.data());
        if (fd < 0)
            throw Error(ErrorKind::Invalid, "cannot make a temporary file in " + std::string(dir && *dir ? dir : "/tmp"));
        ::close(fd);
        path = tmpl;
    }
    ~TempFile()
    {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
    void copyTo(std::ostream &out) const
    {
        std::ifstream in(path, std::ios::binary);
        out << in.rdbuf();
    }
};

// Every live record of the collection, page by page in seq order.
void eachRecord(Store &store, const std::string &collection, const std::optional<std::string> &school, size_t pageSize,
                const std::function<void(const RecordState &)> &fn)
{
    uint64_t after = 0;
    pageSize = std::max<size_t>(pageSize, 1);
    for (;;) {
        std::vector<RecordState> page = store.recordsOfPage(collection, school, after, pageSize);
        for (const auto &r : page)
            if (!r.deleted())
                fn(r);
        if (page.size() < pageSize)
            return;
        after = page.back().seq;
    }
}

void checkSheetRows(const ExportRequest &req, size_t rows, size_t headerRows)
{
    if (req.format == ExportFormat::Xlsx && rows + headerRows > kMaxSheetRows)
        throw Error(ErrorKind::Invalid, std::to_string(rows) + " rows do not fit an Excel sheet (1,048,576 at most): "
                                                               "export one school at a time (--school) or as csv");
}

// The two passes with the audit between them (see ExportRequest::auditStore).
template <class Count, class Write>
void countAuditWrite(Store &store, const ExportRequest &req, Count count, const std::function<Json()> &detail, Write write)
{
    auto tx = std::make_unique<Transaction>(store, TxMode::Read);
    count();
    Store &audit = req.auditStore ? *req.auditStore : store;
    if (!req.auditStore) {
        tx->commit();
        tx.reset();
    }
    // Who exported what, before a byte leaves (issue 13.7).
    audit.addAdminEvent(AdminEvent{req.nowMs ? req.nowMs : wallClockMs(), req.actor, "export", req.collection, detail(), ""});
    if (!tx)
        tx = std::make_unique<Transaction>(store, TxMode::Read);
    write();
    tx->commit();
}

// Where a table goes: the stream, or --out.
struct Output {
    std::ostream &stream;
    std::unique_ptr<std::ofstream> file;
    std::unique_ptr<TempFile> temp; // XLSX to the stream
    std::string xlsxPath;

    Output(std::ostream &out, const ExportRequest &req, ExportResult &res) : stream(out)
    {
        if (req.format == ExportFormat::Xlsx) {
            if (req.outFile.empty()) {
                temp = std::make_unique<TempFile>();
                xlsxPath = temp->path;
            } else {
                xlsxPath = req.outFile;
            }
        } else if (!req.outFile.empty()) {
            file = std::make_unique<std::ofstream>(req.outFile, std::ios::binary | std::ios::trunc);
            if (!*file)
                throw Error(ErrorKind::Invalid, "cannot write " + req.outFile);
        }
        if (!req.outFile.empty())
            res.files.push_back(req.outFile);
    }
    std::ostream &text() { return file ? *file : stream; }
    void finish(const ExportRequest &req)
    {
        if (file) {
            file->flush();
            if (!*file)
                throw Error(ErrorKind::Invalid, "writing " + req.outFile + " failed (disk full?)");
        }
        if (temp)
            temp->copyTo(stream);
    }
};

// ---- a collection ----------------------------------------------------------

ExportResult exportCollection(Store &store, const ExportRequest &req, std::ostream &out)
{
    ExportResult res;
    std::set<std::string> names;
    size_t rows = 0;
    auto count = [&] {
        eachRecord(store, req.collection, req.school, req.pageSize, [&](const RecordState &r) {
            ++rows;
            if (req.format != ExportFormat::JsonLines)
                for (auto it = r.fields.begin(); it != r.fields.end(); ++it)
                    if (it.key() != kDeletedField)
                        names.insert(it.key());
        });
        checkSheetRows(req, rows, 1);
    };
    auto detail = [&] {
        return Json{
            {"school", req.school ? Json(*req.school) : Json(nullptr)}, {"format", formatName(req.format)}, {"rows", rows}};
    };
    Output o(out, req, res);
    auto write = [&] {
        if (req.format == ExportFormat::JsonLines) {
            std::ostream &s = o.text();
            eachRecord(store, req.collection, req.school, req.pageSize, [&](const RecordState &r) {
                Json f = r.fields;
                f.erase(kDeletedField);
                s << Json{{"collection", r.collection}, {"id", r.id}, {"school", r.school}, {"fields", f}}.dump() << '\n';
                ++res.rows;
            });
            return;
        }
        std::unique_ptr<CsvTable> csv;
        std::unique_ptr<XlsxBook> book;
        Table *t = nullptr;
        if (req.format == ExportFormat::Csv) {
            csv = std::make_unique<CsvTable>(o.text());
            t = csv.get();
        } else {
            book = std::make_unique<XlsxBook>(o.xlsxPath, "cunxiao-server export");
            t = &book->addSheet(req.collection, "records");
        }
        std::vector<Json> header = {"id", "school"};
        for (const auto &n : names)
            header.emplace_back(n);
        t->row(header, true);
        std::vector<Json> cells(header.size());
        eachRecord(store, req.collection, req.school, req.pageSize, [&](const RecordState &r) {
            cells[0] = r.id;
            cells[1] = r.school;
            size_t i = 2;
            for (const auto &n : names) {
                auto it = r.fields.find(n);
                const Json v = it == r.fields.end() ? Json() : *it;
                // XLSX: lists and objects as their JSON text (CSV does the same in csvCell).
                cells[i++] = (v.is_array() || v.is_object()) ? Json(v.dump()) : v;
            }
            t->row(cells);
            ++res.rows;
        });
        if (book)
            book->close();
    };
    countAuditWrite(store, req, count, detail, write);
    o.finish(req);
    return res;
}

// ---- a form's submissions --------------------------------------------------

using forms::Field;
using forms::FieldType;
using forms::FormDefinition;

struct Column {
    std::string name, zh, en;
};

struct RepeatTable {
    std::string name, zh, en;
    std::vector<Column> columns;
};

bool isColumn(const Field &f, int repeat) { return f.repeat == repeat && f.hasValue() && f.type != FieldType::Repeat; }

std::string textOf(const Json &o, const char *key)
{
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool empty(const Json &v)
{
    return v.is_null() || (v.is_string() && v.get<std::string>().empty()) || (v.is_array() && v.empty());
}

std::string fileRef(const Json &v)
{
    if (v.is_object()) {
        if (v.contains("sha256") && v["sha256"].is_string())
            return v["sha256"].get<std::string>();
        if (v.contains("id") && v["id"].is_string())
            return v["id"].get<std::string>();
        return v.dump();
    }
    return v.is_string() ? v.get<std::string>() : v.dump();
}

// The label of a choice drawn from records (a pupil's name for a pupil's id),
// when the stored value is the record's id; "" when there is none. Remembers
// up to 10,000 labels, then starts again.
class RecordLabels
{
public:
    explicit RecordLabels(Store &store) : m_store(store) {}
    std::string operator()(const forms::RecordOptions &from, const std::string &value)
    {
        if (from.valueKey != "id" || from.labelKey.empty() || !isValidName(from.collection))
            return {};
        const std::string key = from.collection + '\n' + from.labelKey + '\n' + value;
        auto it = m_cache.find(key);
        if (it != m_cache.end())
            return it->second;
        if (m_cache.size() >= 10000)
            m_cache.clear();
        std::string label;
        if (auto rec = m_store.record(from.collection, value); rec && !rec->deleted())
            label = textOf(rec->fields, from.labelKey.c_str());
        return m_cache[key] = label;
    }

private:
    Store &m_store;
    std::map<std::string, std::string> m_cache;
};

// An answer as a person reads it: an option's Chinese label (a record's label
// for choices from records), "已签" for a signature, a photo's file (its
// SHA-256, the name under DATA_DIR/attachments).
Json cellOf(const Field *f, const Json &v, RecordLabels &records)
{
    if (empty(v))
        return nullptr;
    if (!f)
        return v.is_array() || v.is_object() ? Json(v.dump()) : v;
    auto choice = [&](const Json &e) {
        const std::string value = e.is_string() ? e.get<std::string>() : e.dump();
        if (f->from) {
            const std::string label = records(*f->from, value);
            return label.empty() ? value : label;
        }
        const auto *o = e.is_string() ? f->option(value) : nullptr;
        return o ? o->label.zh() : value;
    };
    switch (f->type) {
    case FieldType::SelectOne:
        if (v.is_string())
            return choice(v);
        break;
    case FieldType::SelectMany:
        if (v.is_array()) {
            std::string s;
            for (const auto &e : v) {
                if (!s.empty())
                    s += "、";
                s += choice(e);
            }
            return s;
        }
        break;
    case FieldType::Signature:
        return "已签";
    case FieldType::Photo:
        if (v.is_array()) {
            std::string s;
            for (const auto &e : v)
                s += (s.empty() ? "" : "; ") + fileRef(e);
            return s;
        }
        return fileRef(v);
    case FieldType::DateTime:
        if (v.is_string())
            return tables::dateTimeCell(v.get<std::string>());
        break;
    case FieldType::Geopoint:
        if (v.is_object() && v.contains("lat") && v.contains("lon"))
            return v["lat"].dump() + " " + v["lon"].dump();
        break;
    default:
        break;
    }
    return v.is_array() || v.is_object() ? Json(v.dump()) : v;
}

// The definitions a form's submissions were made on.
class FormVersions
{
public:
    FormVersions(Store &store, const std::string &formId) : m_store(store), m_id(formId)
    {
        auto rec = store.record("forms", formId);
        if (!rec || rec->deleted() || !rec->fields.contains("definition"))
            throw Error(ErrorKind::Invalid, "form \"" + formId + "\" is not published (there is no record forms/" + formId +
                                                "; see `cunxiao-server admin DATA_DIR publish-form`)");
        try {
            m_current = std::make_shared<FormDefinition>(FormDefinition::parse(rec->fields["definition"]));
        } catch (const std::exception &e) {
            throw Error(ErrorKind::Invalid, "form \"" + formId + "\": its published definition does not parse: " + e.what());
        }
        m_byVersion[m_current->version()] = m_current;
    }
    const FormDefinition &current() const { return *m_current; }
    // The definition of `version`: form_versions/<id>.v<N>, else the current one.
    const FormDefinition &of(int64_t version)
    {
        auto it = m_byVersion.find(version);
        if (it != m_byVersion.end())
            return *it->second;
        std::shared_ptr<FormDefinition> def = m_current;
        auto rec = m_store.record("form_versions", m_id + ".v" + std::to_string(version));
        if (rec && !rec->deleted() && rec->fields.contains("definition")) {
            try {
                def = std::make_shared<FormDefinition>(FormDefinition::parse(rec->fields["definition"]));
            } catch (const std::exception &) {
                // an unreadable old version: its answers are read with the current one
            }
        }
        m_byVersion[version] = def;
        return *def;
    }

private:
    Store &m_store;
    std::string m_id;
    std::shared_ptr<FormDefinition> m_current;
    std::map<int64_t, std::shared_ptr<FormDefinition>> m_byVersion;
};

ExportResult exportForm(Store &store, const ExportRequest &req, std::ostream &out)
{
    if (req.collection != "submissions")
        throw Error(ErrorKind::Invalid, "--form goes with the collection submissions, not " + req.collection);
    if (req.format == ExportFormat::JsonLines)
        throw Error(ErrorKind::Invalid, "a form export (--form) is csv or xlsx; jsonl exports the collection as it is");
    ExportResult res;
    FormVersions versions(store, req.form);
    const FormDefinition &cur = versions.current();
    const Json meta = cur.meta().is_object() ? cur.meta() : Json::object();
    const std::string periodKind = meta.value("period", std::string());
    const std::string periodField = meta.value("period_field", std::string());
    const bool periodic = forms::isPeriodKind(periodKind);

    auto isExported = [&](const RecordState &r) {
        if (textOf(r.fields, "form") != req.form)
            return false;
        const std::string status = textOf(r.fields, "status");
        return status != "draft"; // drafts are the school's own work
    };

    // Pass 1: rows, and the versions they were made on.
    size_t rows = 0;
    std::set<int64_t> used;
    auto count = [&] {
        eachRecord(store, "submissions", req.school, req.pageSize, [&](const RecordState &r) {
            if (!isExported(r))
                return;
            ++rows;
            const Json &v = r.fields.contains("form_version") ? r.fields["form_version"] : Json();
            used.insert(v.is_number_integer() ? v.get<int64_t>() : cur.version());
        });
        checkSheetRows(req, rows, 2);
    };

    // Columns: the current version's fields in form order, then fields only an
    // older version had (newest first), so no answer is left out.
    std::vector<Column> columns;
    std::vector<RepeatTable> repeats;
    auto layout = [&] {
        std::set<std::string> seen;
        std::vector<const FormDefinition *> defs = {&cur};
        for (const int64_t v : std::views::reverse(used))
            if (const FormDefinition *d = &versions.of(v); std::find(defs.begin(), defs.end(), d) == defs.end())
                defs.push_back(d);
        for (const FormDefinition *d : defs) {
            for (const Field &f : d->fields()) {
                if (isColumn(f, -1) && seen.insert(f.name).second)
                    columns.push_back({f.name, f.label.zh(), f.label.en()});
                if (f.type == FieldType::Repeat && f.repeat == -1) {
                    auto rt =
                        std::find_if(repeats.begin(), repeats.end(), [&](const RepeatTable &t) { return t.name == f.name; });
                    if (rt == repeats.end()) {
                        repeats.push_back({f.name, f.label.zh(), f.label.en(), {}});
                        rt = repeats.end() - 1;
                    }
                    for (const Field &c : d->fields())
                        if (isColumn(c, f.index) && std::none_of(rt->columns.begin(), rt->columns.end(),
                                                                 [&](const Column &k) { return k.name == c.name; }))
                            rt->columns.push_back({c.name, c.label.zh(), c.label.en()});
                }
            }
        }
    };

    auto detail = [&] {
        return Json{{"school", req.school ? Json(*req.school) : Json(nullptr)},
                    {"format", formatName(req.format)},
                    {"rows", rows},
                    {"form", req.form}};
    };

    std::map<std::string, std::string> schoolNames;
    for (const auto &s : store.schools())
        schoolNames[s.code] = s.name;

    Output o(out, req, res);
    auto write = [&] {
        layout();
        std::unique_ptr<XlsxBook> book;
        std::vector<std::unique_ptr<std::ofstream>> files;
        std::vector<std::unique_ptr<CsvTable>> csvs;
        Table *main = nullptr;
        std::vector<Table *> repeatTables(repeats.size(), nullptr);
        if (req.format == ExportFormat::Xlsx) {
            book = std::make_unique<XlsxBook>(o.xlsxPath, "cunxiao-server export");
            main = &book->addSheet(cur.title().zh(), req.form);
            for (size_t i = 0; i < repeats.size(); ++i)
                repeatTables[i] = &book->addSheet(repeats[i].zh, repeats[i].name);
        } else {
            csvs.push_back(std::make_unique<CsvTable>(o.text()));
            main = csvs.back().get();
            for (size_t i = 0; i < repeats.size(); ++i) {
                if (req.outFile.empty()) {
                    res.notes.push_back("repeat \"" + repeats[i].name + "\" (" + repeats[i].zh +
                                        ") is not in the CSV on standard output: use --out FILE (it goes to "
                                        "FILE.REPEAT.csv) or --format xlsx");
                    continue;
                }
                const std::string path = repeatCsvPath(req.outFile, repeats[i].name);
                files.push_back(std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc));
                if (!*files.back())
                    throw Error(ErrorKind::Invalid, "cannot write " + path);
                res.files.push_back(path);
                csvs.push_back(std::make_unique<CsvTable>(*files.back()));
                repeatTables[i] = csvs.back().get();
            }
        }
        const bool xlsx = req.format == ExportFormat::Xlsx;

        // Headers: Chinese labels; XLSX adds a second row in English.
        std::vector<Json> zh = {"编号", "学校代码", "学校名称", "状态"};
        std::vector<Json> en = {"id", "school", "school name", "status"};
        if (periodic)
            zh.emplace_back("期间"), en.emplace_back("period");
        for (const char *k : {"提交时间", "表单版本", "更正自"})
            zh.emplace_back(k);
        for (const char *k : {"updated at", "form version", "corrects"})
            en.emplace_back(k);
        const size_t fixed = zh.size();
        for (const auto &c : columns)
            zh.emplace_back(c.zh.empty() ? c.name : c.zh), en.emplace_back(c.en.empty() ? c.name : c.en);
        main->row(zh, true);
        if (xlsx)
            main->row(en, true);
        for (size_t i = 0; i < repeats.size(); ++i) {
            if (!repeatTables[i])
                continue;
            std::vector<Json> rzh = {"提交编号", "学校代码", "行号"}, ren = {"submission id", "school", "row"};
            for (const auto &c : repeats[i].columns)
                rzh.emplace_back(c.zh.empty() ? c.name : c.zh), ren.emplace_back(c.en.empty() ? c.name : c.en);
            repeatTables[i]->row(rzh, true);
            if (xlsx)
                repeatTables[i]->row(ren, true);
        }

        std::vector<Json> cells(zh.size());
        RecordLabels recordLabels(store);
        eachRecord(store, "submissions", req.school, req.pageSize, [&](const RecordState &r) {
            if (!isExported(r))
                return;
            const Json &fv = r.fields.contains("form_version") ? r.fields["form_version"] : Json();
            const FormDefinition &def = versions.of(fv.is_number_integer() ? fv.get<int64_t>() : cur.version());
            const Json answers =
                r.fields.contains("answers") && r.fields["answers"].is_object() ? r.fields["answers"] : Json::object();
            auto field = [&](const std::string &name) -> const Field * {
                if (const Field *f = def.find(name))
                    return f;
                return cur.find(name);
            };
            size_t i = 0;
            cells[i++] = r.id;
            cells[i++] = r.school;
            auto sn = schoolNames.find(r.school);
            cells[i++] = sn == schoolNames.end() ? Json() : Json(sn->second);
            cells[i++] = textOf(r.fields, "status");
            const std::string updated = textOf(r.fields, "updated_at");
            if (periodic) {
                std::string period;
                const std::string named = periodField.empty() ? std::string() : textOf(answers, periodField.c_str());
                if (!named.empty() && forms::periodNamed(periodKind, named))
                    period = named;
                else if (auto day = forms::parseDay(updated))
                    period = forms::periodContaining(periodKind, *day).key;
                cells[i++] = period.empty() ? Json() : Json(period);
            }
            cells[i++] = updated.empty() ? Json() : Json(updated);
            cells[i++] = fv.is_number() ? fv : Json();
            const std::string corrects = textOf(r.fields, "corrects");
            cells[i++] = corrects.empty() ? Json() : Json(corrects);
            for (size_t c = 0; c < columns.size(); ++c) {
                auto it = answers.find(columns[c].name);
                cells[fixed + c] = it == answers.end() ? Json() : cellOf(field(columns[c].name), *it, recordLabels);
            }
            main->row(cells);
            ++res.rows;
            for (size_t k = 0; k < repeats.size(); ++k) {
                auto it = answers.find(repeats[k].name);
                if (!repeatTables[k] || it == answers.end() || !it->is_array())
                    continue;
                int n = 0;
                for (const auto &rowAnswers : *it) {
                    std::vector<Json> rc = {r.id, r.school, ++n};
                    for (const auto &c : repeats[k].columns) {
                        auto a = rowAnswers.is_object() ? rowAnswers.find(c.name) : rowAnswers.end();
                        rc.push_back(!rowAnswers.is_object() || a == rowAnswers.end() ? Json()
                                                                                      : cellOf(field(c.name), *a, recordLabels));
                    }
                    repeatTables[k]->row(rc);
                }
            }
        });
        if (book)
            book->close();
        for (auto &f : files) {
            f->flush();
            if (!*f)
                throw Error(ErrorKind::Invalid, "writing a repeat's CSV failed (disk full?)");
        }
    };
    countAuditWrite(store, req, count, detail, write);
    o.finish(req);
    return res;
}

} // namespace

ExportResult exportData(Store &store, const ExportRequest &req, std::ostream &out)
{
    if (!isValidName(req.collection))
        throw Error(ErrorKind::Invalid, "collection \"" + req.collection + "\" is not a valid name");
    if (req.school && *req.school != kCountyScope && !store.school(*req.school))
        throw Error(ErrorKind::Invalid, "school " + *req.school + " does not exist");
    if (!req.form.empty())
        return exportForm(store, req, out);
    return exportCollection(store, req, out);
}

} // namespace cx::server
