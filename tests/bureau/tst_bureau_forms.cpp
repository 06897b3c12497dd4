// The bureau's form publishing (issue 14 point 8, docs/bureau.md "Forms")
// between real devices: an XLSForm workbook (.xlsx) imported on the bureau's
// device becomes a draft kept only there (it survives a restart, no school sees
// it), is compared with the published version, published as version + 1 at the
// next sync through the real server routes and validator (SQLite; PostgreSQL
// in the _pg variant), reaches a school head's phone, which reports the version
// it holds in its device health; the bureau's list counts it. A malformed
// definition is refused with its place and nothing is published; a publish the
// server refuses comes back with the reason and the draft stays.
#include "Loopback.h"

#include "../common/TestKey.h"

#include "admin/Admin.h"
#include "bureau/Devices.h"
#include "bureau/FormDrafts.h"
#include "bureau/FormsOverview.h"
#include "engine/Recovery.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"
#include "xlsform/Export.h"
#include "xlsform/Problem.h"

#include <QtTest>

#include <fstream>

using namespace cxt;

namespace {

const char *kForm = R"({
  "id": "school_stats", "version": 1, "title": {"zh": "学校统计", "en": "School statistics"},
  "roles": ["head", "bureau"], "schools": "*",
  "pages": [{"id": "p", "title": {"zh": "统计", "en": "Statistics"}, "fields": [
    {"name": "year", "type": "text", "label": {"zh": "学年", "en": "School year"}, "required": true},
    {"name": "pupils", "type": "integer", "label": {"zh": "在校生数", "en": "Pupils"}, "required": true},
    {"name": "teachers", "type": "integer", "label": {"zh": "教师数", "en": "Teachers"}}
  ]}]
})";

const cx::bureau::FormOverview *findForm(const std::vector<cx::bureau::FormOverview> &list, const std::string &id)
{
    for (const auto &f : list)
        if (f.id == id)
            return &f;
    return nullptr;
}

int64_t serverVersion(Loopback &lb, const std::string &id)
{
    auto r = lb.county.store->record("forms", id);
    return r ? r->fields.value("version", int64_t(0)) : 0;
}

} // namespace

class TestBureauForms : public QObject
{
    Q_OBJECT

private slots:
    void xlsformDraftPreviewPublishReachesSchools()
    {
        Loopback lb;
        cx::server::publishForm(*lb.county.store, cx::Json::parse(kForm), kNow);
        auto bureau = lb.device("bureau", "bureau");
        auto head = lb.device("head.a", "head-a");
        auto head2 = lb.device("head.a2", "head-a2"); // a phone that will not sync again
        auto teacher = lb.device("teacher.b", "teacher-b");
        for (auto *e : {head.get(), head2.get(), teacher.get(), bureau.get()})
            QVERIFY(e->sync().complete);
        for (auto *e : {head.get(), head2.get()})
            QVERIFY(e->sync().complete); // their health now says they hold v1

        // The bureau writes v2 in Excel: "teachers" gets a hint, "pupils" goes, "classes" comes.
        cx::Json v2 = cx::Json::parse(kForm); // exported, edited: its settings still say version 1
        auto &fields = v2["pages"][0]["fields"];
        fields[2]["hint"] = {{"zh", "含代课教师"}, {"en", "Including supply teachers"}};
        fields.erase(1);
        fields.push_back({{"name", "classes"}, {"type", "integer"}, {"label", {{"zh", "班级数"}, {"en", "Classes"}}}});
        QTemporaryDir dir;
        const std::string xlsx = dir.filePath("school_stats.xlsx").toStdString();
        cx::xlsform::exportXlsform(v2, xlsx);

        const cx::bureau::ImportedForm imported = cx::bureau::readFormFile(xlsx);
        QCOMPARE(imported.definition.value("id", ""), std::string("school_stats"));
        cx::bureau::keepDraft(*bureau, imported, xlsx, kNow);

        // The draft survives a restart and is this device's alone.
        bureau.reset();
        bureau = lb.reopen("bureau");
        auto draft = cx::bureau::formDraft(*bureau, "school_stats");
        QVERIFY(draft);
        QCOMPARE(draft->source, std::string("school_stats.xlsx"));
        QCOMPARE(cx::bureau::draftState(*bureau, *draft), std::string("draft"));
        QVERIFY(bureau->sync().complete);
        QCOMPARE(serverVersion(lb, "school_stats"), int64_t(1)); // a draft never leaves the device
        QVERIFY(bureau->fetchDevices());

        // What changes from the published version, by field name.
        const auto published = cx::bureau::publishedForm(*bureau, "school_stats");
        QVERIFY(published);
        const auto changes = cx::bureau::diffDefinitions((*published)["definition"], draft->definition);
        std::map<std::string, std::string> byName;
        for (const auto &c : changes)
            byName[c.name] = c.change;
        QCOMPARE(byName.size(), size_t(3));
        QCOMPARE(byName["classes"], std::string("added"));
        QCOMPARE(byName["pupils"], std::string("removed"));
        QCOMPARE(byName["teachers"], std::string("changed"));
        for (const auto &c : changes)
            if (c.name == "teachers")
                QCOMPARE(c.what, std::vector<std::string>{"hint"});

        auto list = cx::bureau::formsOverview(*bureau, bureau->devices().first);
        const auto *f = findForm(list, "school_stats");
        QVERIFY(f);
        QCOMPARE(f->version, int64_t(1));
        QCOMPARE(f->draft, std::string("draft"));
        QCOMPARE(f->roles, (std::vector<std::string>{"head", "bureau"}));
        QCOMPARE(f->held.size(), size_t(1)); // the heads and the bureau hold v1; the teacher is not reached
        QCOMPARE(f->held[0].version, int64_t(1));
        QCOMPARE(f->held[0].devices, 3);

        // Publish: v2 goes out at the next sync, v1 stays kept.
        QCOMPARE(cx::bureau::publishDraft(*bureau, "school_stats"), int64_t(2));
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::publishDraft(*bureau, "school_stats")); // already waiting
        QCOMPARE(cx::bureau::draftState(*bureau, *cx::bureau::formDraft(*bureau, "school_stats")), std::string("sending"));
        QCOMPARE(serverVersion(lb, "school_stats"), int64_t(1)); // offline-first: nothing sent yet
        QVERIFY(bureau->sync().complete);
        QCOMPARE(serverVersion(lb, "school_stats"), int64_t(2));
        auto kept = lb.county.store->record("form_versions", "school_stats.v1");
        QVERIFY(kept && kept->fields["definition"] == cx::Json::parse(kForm));
        auto v2rec = lb.county.store->record("form_versions", "school_stats.v2");
        QVERIFY(v2rec);
        QCOMPARE(v2rec->fields["definition"]["version"], cx::Json(2));
        QCOMPARE(v2rec->fields["title"], cx::Json::parse(kForm)["title"]);
        QCOMPARE(cx::bureau::settleDrafts(*bureau), 1); // confirmed: the draft is done
        QVERIFY(!cx::bureau::formDraft(*bureau, "school_stats"));

        // The head's phone gets v2, and says so at its next sync.
        QVERIFY(head->sync().complete);
        QCOMPARE(head->get("forms", "school_stats")->fields["version"], cx::Json(2));
        QVERIFY(head->sync().complete);
        QVERIFY(bureau->sync().complete);
        QVERIFY(bureau->fetchDevices());
        list = cx::bureau::formsOverview(*bureau, bureau->devices().first);
        f = findForm(list, "school_stats");
        QVERIFY(f);
        QCOMPARE(f->version, int64_t(2));
        QCOMPARE(f->draft, std::string());
        QCOMPARE(f->held.size(), size_t(2));
        QCOMPARE(f->held[0].version, int64_t(2));
        QCOMPARE(f->held[0].devices, 2); // head.a and the bureau
        QCOMPARE(f->held[1].version, int64_t(1));
        QCOMPARE(f->held[1].devices, 1); // head.a2 has not synced since
        QVERIFY(f->held[1].oldestSyncMs > 0);
        const cx::Json j = f->toJson();
        QCOMPARE(j["devices"][0]["version"], cx::Json(2));

        // The device row carries the versions as reported.
        for (const auto &row : cx::bureau::deviceRows(bureau->devices().first))
            if (row.user == "head.a") {
                QVERIFY(row.formsKnown);
                QCOMPARE(row.forms.at("school_stats"), int64_t(2));
            } else if (row.user == "teacher.b") {
                QVERIFY(row.formsKnown);                   // it holds none, and says so: not an old app
                QVERIFY(!row.forms.count("school_stats")); // not meant for a teacher
            }
    }

    // health.forms is advisory: the server keeps only its shape ({valid id: whole number}), never refuses for it.
    void healthFormsKeepOnlyTheirShape()
    {
        cx::Json j{
            {"protocol", 1},
            {"device", "d"},
            {"cursor", cx::Json::object()},
            {"mutations", cx::Json::array()},
            {"health", {{"pending", 1}, {"forms", {{"school_stats", 3}, {"bad id!", 2}, {"negative", -1}, {"text", "2"}}}}}};
        auto read = [](const cx::Json &msg) { return cx::SyncRequest::fromJson(cx::Json::parse(msg.dump())); }; // as on the wire
        const cx::SyncRequest r = read(j);
        QVERIFY(r.health.contains("forms"));
        QVERIFY(r.health["forms"] == (cx::Json{{"school_stats", 3}}));
        j["health"]["forms"] = cx::Json::object(); // a device that holds no form says so
        const cx::SyncRequest r1 = read(j);
        QVERIFY(r1.health.contains("forms"));
        QVERIFY(r1.health["forms"] == cx::Json::object());
        j["health"]["forms"] = "not an object";
        const cx::SyncRequest r2 = read(j);
        QVERIFY(!r2.health.contains("forms"));
        QVERIFY(r2.health["pending"] == cx::Json(1));
    }

    void malformedDefinitionIsRefusedWithItsPlace()
    {
        Loopback lb;
        cx::server::publishForm(*lb.county.store, cx::Json::parse(kForm), kNow);
        auto bureau = lb.device("bureau", "bureau");
        QVERIFY(bureau->sync().complete);
        QTemporaryDir dir;

        // A JSON definition with a field type that does not exist.
        cx::Json bad = cx::Json::parse(kForm);
        bad["pages"][0]["fields"][1]["type"] = "integr";
        const std::string json = dir.filePath("bad.json").toStdString();
        std::ofstream(json) << bad.dump();
        try {
            cx::bureau::readFormFile(json);
            QFAIL("a definition with an unknown type was read");
        } catch (const cx::Error &e) {
            const std::string what = e.what();
            QVERIFY2(what.find("bad.json") != std::string::npos, what.c_str());
            QVERIFY2(what.find("integr") != std::string::npos, what.c_str());
        }
        // Not JSON at all: where it breaks.
        std::ofstream(dir.filePath("broken.json").toStdString()) << "{\"id\": \"x\",";
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::readFormFile(dir.filePath("broken.json").toStdString()));
        // An old .xls: told to save it as .xlsx.
        std::ofstream(dir.filePath("old.xls").toStdString()) << "not really";
        try {
            cx::bureau::readFormFile(dir.filePath("old.xls").toStdString());
            QFAIL("an .xls was read");
        } catch (const cx::Error &e) {
            QVERIFY(std::string(e.what()).find(".xlsx") != std::string::npos);
        }
        // An XLSForm sample that uses pulldata(): the sheet, row and column are named.
        try {
            cx::bureau::readFormFile(CX_XLSFORM_SAMPLES "/pull_data.xlsx");
            QFAIL("pulldata() was converted");
        } catch (const cx::xlsform::XlsformError &e) {
            QVERIFY(!e.problems().empty());
            const auto &p = e.problems().front();
            QCOMPARE(p.sheet, std::string("survey"));
            QVERIFY(p.row > 1);
            QVERIFY2(p.english().find("pulldata") != std::string::npos, p.english().c_str());
        }
        QVERIFY(cx::bureau::formDrafts(*bureau).empty());
        QVERIFY(bureau->sync().complete);
        QCOMPARE(serverVersion(lb, "school_stats"), int64_t(1));
        QVERIFY(!lb.county.store->record("form_versions", "school_stats.v2"));

        // Publishing a draft identical to the published form is refused: nothing new.
        cx::bureau::ImportedForm same{cx::Json::parse(kForm), {}};
        cx::bureau::keepDraft(*bureau, same, "same.json", kNow);
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::publishDraft(*bureau, "school_stats"));
        QCOMPARE(cx::bureau::draftState(*bureau, *cx::bureau::formDraft(*bureau, "school_stats")), std::string("draft"));
    }

    // Two bureau devices: the one that had not synced publishes "its" v2 over
    // the other's. The server refuses both records; the draft stays, refused,
    // with the reason; the published v2 is untouched.
    void stalePublishDoesNotOverwriteANewerVersion()
    {
        Loopback lb;
        cx::server::publishForm(*lb.county.store, cx::Json::parse(kForm), kNow);
        auto office = lb.device("bureau", "bureau-office");
        auto laptop = lb.device("bureau", "bureau-laptop");
        QVERIFY(office->sync().complete);
        QVERIFY(laptop->sync().complete);

        cx::Json a = cx::Json::parse(kForm);
        a["pages"][0]["fields"].push_back({{"name", "classes"}, {"type", "integer"}, {"label", {{"zh", "班级数"}}}});
        cx::bureau::keepDraft(*office, {a, {}}, "a.json", kNow);
        QCOMPARE(cx::bureau::publishDraft(*office, "school_stats"), int64_t(2));
        QVERIFY(office->sync().complete);
        QCOMPARE(cx::bureau::settleDrafts(*office), 1);

        cx::Json b = cx::Json::parse(kForm);
        b["pages"][0]["fields"].push_back({{"name", "rooms"}, {"type", "integer"}, {"label", {{"zh", "教室数"}}}});
        cx::bureau::keepDraft(*laptop, {b, {}}, "b.json", kNow);
        QCOMPARE(cx::bureau::publishDraft(*laptop, "school_stats"), int64_t(2)); // it still knows v1 only
        QCOMPARE(laptop->sync().rejected, 2);
        QCOMPARE(cx::bureau::settleDrafts(*laptop), 1);
        auto d = cx::bureau::formDraft(*laptop, "school_stats");
        QVERIFY(d);
        QCOMPARE(cx::bureau::draftState(*laptop, *d), std::string("refused"));
        QVERIFY2(d->refused.find("published version 2") != std::string::npos, d->refused.c_str());
        QVERIFY2(d->refused.find("sync and publish again") != std::string::npos, d->refused.c_str());
        auto stored = lb.county.store->record("forms", "school_stats");
        QVERIFY(stored);
        QCOMPARE(stored->fields["version"], cx::Json(2));
        QCOMPARE(stored->fields["definition"]["pages"][0]["fields"].back()["name"], cx::Json("classes"));
        QCOMPARE(lb.county.store->record("form_versions", "school_stats.v2")
                     ->fields["definition"]["pages"][0]["fields"]
                     .back()["name"],
                 cx::Json("classes"));

        // Synced, the laptop publishes its draft again: v3.
        QVERIFY(laptop->sync().complete);
        cx::bureau::keepDraft(*laptop, {b, {}}, "b.json", kNow);
        QCOMPARE(cx::bureau::publishDraft(*laptop, "school_stats"), int64_t(3));
        QVERIFY(laptop->sync().complete);
        QCOMPARE(serverVersion(lb, "school_stats"), int64_t(3));

        // A record whose id, version and definition's version disagree is refused.
        cx::Json fields = stored->fields; // v2
        laptop->put("form_versions", "school_stats.v7", cx::kCountyScope, fields);
        fields["version"] = 9;
        laptop->put("forms", "school_stats", cx::kCountyScope, fields);
        QCOMPARE(laptop->sync().rejected, 2);
        QCOMPARE(serverVersion(lb, "school_stats"), int64_t(3));
        QVERIFY(!lb.county.store->record("form_versions", "school_stats.v7"));
    }

    // A publish whose records end anywhere but confirmed at its version (here:
    // refused, then discarded through the general "refused changes" list
    // before the drafts were settled) does not stay "sending" for good.
    void aPublishThatDidNotStandIsNotSendingForever()
    {
        Loopback lb;
        cx::server::publishForm(*lb.county.store, cx::Json::parse(kForm), kNow);
        auto head = lb.device("head.a", "head-a"); // the server refuses a school's publish
        QVERIFY(head->sync().complete);
        cx::Json v2 = cx::Json::parse(kForm);
        v2["pages"][0]["fields"].push_back({{"name", "classes"}, {"type", "integer"}, {"label", {{"zh", "班级数"}}}});
        cx::bureau::keepDraft(*head, {v2, {}}, "v2.json", kNow);
        QCOMPARE(cx::bureau::publishDraft(*head, "school_stats"), int64_t(2));
        QCOMPARE(head->sync().rejected, 2);
        head->discardRejected("forms", "school_stats");
        head->discardRejected("form_versions", "school_stats.v2");
        QCOMPARE(cx::bureau::settleDrafts(*head), 1);
        auto d = cx::bureau::formDraft(*head, "school_stats");
        QVERIFY(d);
        QCOMPARE(cx::bureau::draftState(*head, *d), std::string("refused"));
        QCOMPARE(d->refused, std::string("superseded by v1"));
        // Not blocked: the next import is kept.
        cx::bureau::keepDraft(*head, {v2, {}}, "v2.json", kNow);
        QCOMPARE(cx::bureau::draftState(*head, *cx::bureau::formDraft(*head, "school_stats")), std::string("draft"));
    }

    // A replica repaired by `recover` keeps the device's own values: the drafts.
    void recoveryKeepsTheDrafts()
    {
        Loopback lb;
        cx::server::publishForm(*lb.county.store, cx::Json::parse(kForm), kNow);
        auto bureau = lb.device("bureau", "bureau");
        QVERIFY(bureau->sync().complete);
        cx::Json v2 = cx::Json::parse(kForm);
        v2["title"] = {{"zh", "学校统计表"}};
        cx::bureau::keepDraft(*bureau, {v2, {}}, "v2.json", kNow);
        bureau.reset();
        const cx::RecoveryReport rep = cx::recoverReplica(lb.replicaPath("bureau"), testKey());
        QVERIFY(!rep.damagedCopy.empty());
        bureau = lb.reopen("bureau");
        auto d = cx::bureau::formDraft(*bureau, "school_stats");
        QVERIFY(d);
        QCOMPARE(d->definition, v2);
        QCOMPARE(d->source, std::string("v2.json"));
    }

    void refusedPublishKeepsTheDraftWithTheReason()
    {
        Loopback lb;
        cx::server::publishForm(*lb.county.store, cx::Json::parse(kForm), kNow);
        // A school head's device runs the same publish; the server refuses it.
        auto head = lb.device("head.a", "head-a");
        QVERIFY(head->sync().complete);
        cx::Json v2 = cx::Json::parse(kForm);
        v2["pages"][0]["fields"].push_back({{"name", "classes"}, {"type", "integer"}, {"label", {{"zh", "班级数"}}}});
        cx::bureau::keepDraft(*head, {v2, {}}, "v2.json", kNow);
        QCOMPARE(cx::bureau::publishDraft(*head, "school_stats"), int64_t(2));
        QCOMPARE(head->sync().rejected, 2);
        QCOMPARE(cx::bureau::settleDrafts(*head), 1);
        auto d = cx::bureau::formDraft(*head, "school_stats");
        QVERIFY(d); // kept
        QCOMPARE(cx::bureau::draftState(*head, *d), std::string("refused"));
        QVERIFY2(d->refused.find("bureau") != std::string::npos, d->refused.c_str());
        // The phone shows the published form again, the server never changed.
        QCOMPARE(head->get("forms", "school_stats")->fields["version"], cx::Json(1));
        QVERIFY(!head->get("form_versions", "school_stats.v2"));
        QCOMPARE(serverVersion(lb, "school_stats"), int64_t(1));
        QVERIFY(head->rejected().empty());
        auto list = cx::bureau::formsOverview(*head, cx::Json::array());
        QCOMPARE(findForm(list, "school_stats")->draft, std::string("refused"));
    }
};

QTEST_GUILESS_MAIN(TestBureauForms)
#include "tst_bureau_forms.moc"
