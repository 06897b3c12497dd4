// XLSForm into Cunxiao definitions: the public pyxform samples convert or are
// refused with the expected problems; every mapped construct lands where
// docs/forms.md says; every problem names sheet, row and column; all are
// collected; expressions are translated or refused by name.
#include "MakeWorkbook.h"
#include "forms/FormDefinition.h"
#include "forms/FormSession.h"
#include "xlsform/Expressions.h"
#include "xlsform/Import.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cx::xlsform;
using cx::Json;

namespace {

std::string sample(const char *name) { return std::string(CX_SOURCE_DIR) + "/tests/xlsform/samples/" + name; }

// The English of every problem, or {"converted"}.
std::vector<std::string> problems(const std::string &path, const ImportOptions &o = {})
{
    try {
        importXlsform(path, o);
    } catch (const XlsformError &e) {
        std::vector<std::string> out;
        for (const auto &p : e.problems())
            out.push_back(p.english());
        return out;
    }
    return {"converted"};
}

bool hasProblem(const std::vector<std::string> &ps, const std::string &start)
{
    for (const auto &p : ps)
        if (p.rfind(start, 0) == 0)
            return true;
    return false;
}

std::string joined(const std::vector<std::string> &ps)
{
    std::string s;
    for (const auto &p : ps)
        s += p + "\n";
    return s;
}

#define CHECK_PROBLEM(ps, start)                                                                                                 \
    QVERIFY2(hasProblem(ps, start), (std::string("missing: ") + (start) + "\nin:\n" + joined(ps)).c_str())

// The field named `name` anywhere in the definition.
const Json *field(const Json &def, const std::string &name)
{
    std::function<const Json *(const Json &)> find = [&](const Json &list) -> const Json * {
        for (const auto &f : list) {
            if (f.value("name", "") == name)
                return &f;
            if (f.contains("fields"))
                if (const Json *in = find(f["fields"]))
                    return in;
        }
        return nullptr;
    };
    if (def.contains("fields"))
        return find(def["fields"]);
    for (const auto &p : def["pages"])
        if (const Json *f = find(p["fields"]))
            return f;
    return nullptr;
}

} // namespace

class TestXlsformImport : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::string path(const char *name) { return dir.filePath(name).toStdString(); }

private slots:
    void samplesThatConvert()
    {
        ImportResult r = importXlsform(sample("text_and_integer.xlsx"));
        QCOMPARE(r.definition["id"], Json("text_and_integer")); // from the file name
        QCOMPARE(r.definition["fields"].size(), size_t(2));
        QCOMPARE(r.definition["fields"][0]["type"], Json("text"));
        QCOMPARE(r.definition["fields"][1]["type"], Json("integer"));
        QCOMPARE(r.definition["fields"][1]["label"],
                 Json({{"en", "How many years old are you?"}, {"zh", "How many years old are you?"}}));
        QCOMPARE(r.definition["roles"], Json({"head"}));
        QVERIFY(!r.definition.contains("version")); // publishing gives the next version
        QVERIFY(joined(r.notes).find("no Chinese column") != std::string::npos);
        QVERIFY(joined(r.notes).find("English (en) texts are used as the Chinese") != std::string::npos);
        Json checked = r.definition;
        checked["version"] = 1;
        cx::forms::FormDefinition::parse(checked);

        r = importXlsform(sample("yes_or_no_question.xlsx"), {"good_day_form", ""});
        QCOMPARE(r.definition["id"], Json("good_day_form")); // --id
        const Json &q = r.definition["fields"][0];
        QCOMPARE(q["type"], Json("select_one"));
        QCOMPARE(q["options"].size(), size_t(2));
        QCOMPARE(q["options"][1]["value"], Json("no"));

        r = importXlsform(sample("extra_sheet_names.xlsx"));
        QCOMPARE(r.definition["fields"][0]["name"], Json("test"));
    }

    void samplesThatAreRefused()
    {
        auto ps = problems(sample("pull_data.xlsx"));
        QCOMPARE(ps.size(), size_t(2));
        CHECK_PROBLEM(ps, "survey row 2, column calculation: the function pulldata() is not supported");
        CHECK_PROBLEM(ps, "survey row 3, column label: Cunxiao labels and hints cannot show answers (${fruit}");

        ps = problems(sample("or_other.xlsx"));
        CHECK_PROBLEM(ps, "survey row 2, column type: or_other is not supported");

        ps = problems(sample("group.xlsx"));
        QCOMPARE(ps.size(), size_t(1));
        CHECK_PROBLEM(ps, "survey row 4, column type: the type 'phone number' is not supported; use text with the constraint");

        ps = problems(sample("choice_filter_test.xlsx"));
        QCOMPARE(ps.size(), size_t(1));
        CHECK_PROBLEM(ps, "choices row 6, column name: duplicate option value 'king' (in the list of question county)");

        ps = problems(sample("bad_calc.xlsx"));
        CHECK_PROBLEM(ps, "survey row 2, column calculation: a bare name 'because' cannot be used here");

        // Upper-case sheet and column names are read; every problem is reported, each once.
        ps = problems(sample("case_insensitivity.xlsx"));
        CHECK_PROBLEM(ps, "SETTINGS row 2, column FORM_ID: the form id 'YesNo' must be lower-case");
        CHECK_PROBLEM(ps, "SURVEY row 3, column TYPE: external choices are not supported");
        CHECK_PROBLEM(ps, "SURVEY row 4, column TYPE: the question type 'osm c1' is not supported");
        CHECK_PROBLEM(ps, "EXTERNAL_CHOICES: the external_choices sheet is not supported");
        QCOMPARE(ps.size(), size_t(6));
        ps = problems(sample("case_insensitivity.xlsx"), {"yes_no", ""});
        QVERIFY(!hasProblem(ps, "SETTINGS row 2, column FORM_ID"));
        QCOMPARE(ps.size(), size_t(5));
    }

    // Real forms from ODK's own repositories (samples/README.md): each converts,
    // or is refused with exactly these problems.
    void odkSamples()
    {
        // ODK Central's test form: no settings sheet, so the id is the file's name.
        ImportResult r = importXlsform(sample("odk_simple.xlsx"));
        QCOMPARE(r.definition, Json::parse(R"J({"id": "odk_simple", "roles": ["head"], "title": {"zh": "odk_simple"},
            "fields": [{"name": "name", "type": "text", "label": {"zh": "what is your name?"}},
                       {"name": "age", "type": "integer", "label": {"zh": "what is your age?"}}]})J"));
        QVERIFY(joined(r.notes).find("no form_title: the form id is the title") != std::string::npos);

        // ODK's date-style versions (2022101001) do not fit Cunxiao's version numbers.
        const char *versionHelp = "must be a whole number from 1 to 1000000 (add 1 for each change); or leave the cell "
                                  "empty and publishing numbers the version";
        auto ps = problems(sample("odk_simple_repeat.xlsx"));
        QCOMPARE(
            ps, std::vector<std::string>{std::string("settings row 2, column version: the version '2022101001' ") + versionHelp});
        // With the version cell emptied (as the message says) the rest converts:
        // string, date, begin_repeat ... end_repeat (with its name on the end row), an empty row.
        Workbook wb = readWorkbook(sample("odk_simple_repeat.xlsx"));
        for (auto &sheet : wb.sheets)
            if (sheet.name == "settings")
                sheet.rows[1].cells.erase(1);
        r = convertWorkbook(wb, {"", "odk_simple_repeat.xlsx"});
        const Json &d = r.definition;
        QCOMPARE(d["id"], Json("simple_repeat"));
        QVERIFY(!d.contains("version"));
        QCOMPARE(d["fields"].size(), size_t(4));
        QCOMPARE(d["fields"][0], Json::parse(R"J({"name": "session_num", "type": "text", "label": {"zh": "Session number"}})J"));
        QCOMPARE(d["fields"][1]["type"], Json("date"));
        QCOMPARE(d["fields"][3]["type"], Json("repeat"));
        QCOMPARE(d["fields"][3]["name"], Json("observation"));
        QCOMPARE(d["fields"][3]["fields"].size(), size_t(3));
        QCOMPARE(d["fields"][3]["fields"][1],
                 Json::parse(R"J({"name": "count", "type": "integer", "label": {"zh": "How many did you observe?"}})J"));
        QVERIFY(!d["fields"][3].contains("min_rows"));

        // pyodk's example: English and French, a geopoint, audit, a version, ${} in a label.
        ps = problems(sample("odk_fav_color.xlsx"));
        QCOMPARE(ps,
                 (std::vector<std::string>{
                     std::string("settings row 2, column version: the version '2022062100' ") + versionHelp,
                     "survey row 3, column label::English (en): Cunxiao labels and hints cannot show answers (${first_name}?); "
                     "remove the ${...} reference, or show the value in a calculate question",
                     "survey row 7, column type: the metadata type 'audit' is not supported; Cunxiao records who changed what "
                     "and when by itself, so delete this row"}));

        // pyodk's test of an odd form id: the id, pulldata() and ${} in a note.
        ps = problems(sample("odk_non_ascii_form_id.xlsx"));
        QCOMPARE(ps,
                 (std::vector<std::string>{
                     "settings row 2, column form_id: the form id ''=+/*-451%/%' must be lower-case letters, digits and _ "
                     "starting with a letter, e.g. class_return",
                     "survey row 2, column calculation: the function pulldata() is not supported; a Cunxiao form cannot read a "
                     "CSV file attached to the form; to choose an existing record use select_one_from_file, otherwise ask for "
                     "the value in a question",
                     "survey row 3, column label: Cunxiao labels and hints cannot show answers (${fruit} pulled from csv); "
                     "remove the ${...} reference, or show the value in a calculate question"}));
        // --id replaces the bad form id; the other two remain.
        QCOMPARE(problems(sample("odk_non_ascii_form_id.xlsx"), {"fruit", ""}).size(), size_t(2));
    }

    void chineseFirstInMessages()
    {
        try {
            importXlsform(sample("pull_data.xlsx"));
            QFAIL("accepted");
        } catch (const XlsformError &e) {
            std::string what = e.what();
            QVERIFY(what.rfind(sample("pull_data.xlsx") + ": 无法转换，共 2 处问题 / cannot convert, 2 problems:", 0) == 0);
            auto zh = what.find("survey 表第 2 行 calculation 列：不支持函数 pulldata()");
            auto en = what.find("survey row 2, column calculation: the function pulldata() is not supported");
            QVERIFY(zh != std::string::npos && en != std::string::npos && zh < en);
        }
    }

    // A geopoint default is XLSForm's "lat lon [alt [accuracy]]": Cunxiao's
    // location object, which a new draft takes as a valid answer (as text it
    // would not be); anything else is refused by row and column.
    void geopointDefault()
    {
        writeWorkbook(path("point.xlsx"), {
                                              {"survey",
                                               {
                                                   {"type", "name", "label", "default"},
                                                   {"geopoint", "school", "学校", "27.7 103.7"},
                                                   {"geopoint", "gate", "校门", "27.7 103.7 1890 5"},
                                               }},
                                          });
        ImportResult r = importXlsform(path("point.xlsx"));
        QCOMPARE((*field(r.definition, "school"))["default"], Json::parse(R"J({"lat": 27.7, "lon": 103.7})J"));
        QCOMPARE((*field(r.definition, "gate"))["default"],
                 Json::parse(R"J({"lat": 27.7, "lon": 103.7, "alt": 1890, "accuracy": 5})J"));
        Json checked = r.definition;
        checked["version"] = 1;
        auto def = cx::forms::FormDefinition::parse(checked);
        auto s = cx::forms::FormSession::newDraft(def, {nullptr, 20000});
        QVERIFY(s.issues().empty());
        QCOMPARE(s.answers()["school"], Json::parse(R"J({"lat": 27.7, "lon": 103.7})J"));

        writeWorkbook(path("badpoint.xlsx"), {
                                                 {"survey",
                                                  {
                                                      {"type", "name", "label", "default"},
                                                      {"geopoint", "a", "甲", "north gate"},
                                                      {"geopoint", "b", "乙", "95 103.7"},
                                                      {"geopoint", "c", "丙", "${a}"},
                                                  }},
                                             });
        auto ps = problems(path("badpoint.xlsx"));
        const std::string help = "a location's default must be latitude and longitude, optionally altitude and accuracy, "
                                 "separated by spaces (e.g. 27.7 103.7)";
        QCOMPARE(ps, (std::vector<std::string>{"survey row 2, column default: " + help, "survey row 3, column default: " + help,
                                               "survey row 4, column default: " + help}));
    }

    // dateTime is Cunxiao's datetime ("2026-12-07T09:30:00+08:00", docs/forms.md):
    // required, relevant, constraints against a date and now(), calculations;
    // a default typed into Excel as a date and time (a number) is China's time,
    // with a note; a default with its offset stays as written; anything else is
    // refused by row and column.
    void dateTimeImports()
    {
        writeWorkbook(
            path("visit.xlsx"),
            {
                {"survey",
                 {
                     {"type", "name", "label::中文 (zh)", "label::English (en)", "required", "relevant", "constraint",
                      "constraint_message::中文 (zh)", "calculation", "default"},
                     {"date", "visit_date", "家访日期", "Visit date", "yes", "", "", "", "", "today()"},
                     {"dateTime", "arrived", "到达时间", "Arrived", "yes", "", ". >= ${visit_date} and . <= now()",
                      "应在家访当天、现在之前", "", "now()"},
                     {"DATETIME", "left", "离开时间", "Left", "", "${arrived} >= ${visit_date}", ". > ${arrived}",
                      "应晚于到达时间"},
                     {"dateTime", "planned", "计划时间", "Planned", "", "", "", "", "", "#dt:2026-12-07 09:30"},
                     {"datetime", "planned_bj", "北京时间", "Beijing time", "", "", "", "", "", "2026-12-07T09:30:00+08:00"},
                     {"dateTime", "last", "最后", "Last", "", "", "", "", "coalesce(${left}, ${arrived})"},
                 }},
            });
        ImportResult r = importXlsform(path("visit.xlsx"));
        const Json &d = r.definition;
        QCOMPARE(*field(d, "arrived"), Json::parse(R"J({"name": "arrived", "type": "datetime", "required": true,
            "label": {"zh": "到达时间", "en": "Arrived"}, "constraint": ". >= ${visit_date} and . <= now()",
            "constraint_message": {"zh": "应在家访当天、现在之前"}, "default": "now()"})J"));
        QCOMPARE(*field(d, "left"), Json::parse(R"J({"name": "left", "type": "datetime",
            "label": {"zh": "离开时间", "en": "Left"}, "relevant": "${arrived} >= ${visit_date}", "constraint": ". > ${arrived}",
            "constraint_message": {"zh": "应晚于到达时间"}})J"));
        QCOMPARE((*field(d, "planned"))["default"], Json("'2026-12-07T09:30:00+08:00'"));
        QCOMPARE((*field(d, "planned_bj"))["default"], Json("'2026-12-07T09:30:00+08:00'"));
        QCOMPARE((*field(d, "last"))["calculate"], Json("coalesce(${left}, ${arrived})"));
        bool noted = false;
        for (const auto &n : r.notes)
            noted = noted || n.find("row 5: the default date-time has no time zone; read as China's time, "
                                    "2026-12-07T09:30:00+08:00") != std::string::npos;
        QVERIFY(noted);

        // Cunxiao runs it: the defaults, the constraints on instants, the calculation.
        Json checked = d;
        checked["version"] = 1;
        auto def = cx::forms::FormDefinition::parse(checked);
        cx::forms::SessionOptions o;
        o.today = *cx::forms::parseDate("2026-12-07");
        o.now = "2026-12-07T10:00:00+08:00";
        auto s = cx::forms::FormSession::newDraft(def, o);
        QCOMPARE(s.answers()["arrived"], Json("2026-12-07T10:00:00+08:00"));
        QCOMPARE(s.answers()["planned"], Json("2026-12-07T09:30:00+08:00"));
        QVERIFY(s.isValid());
        s.setAnswer("left", "2026-12-07T01:00:00Z"); // 09:00 in Beijing, before arriving
        QCOMPARE(s.issues("left").size(), size_t(1));
        QCOMPARE(s.issues("left")[0].code, std::string("constraint"));
        s.setAnswer("left", "2026-12-07T11:00:00+08:00");
        QVERIFY(s.isValid());
        QCOMPARE(s.answers()["last"], Json("2026-12-07T11:00:00+08:00"));
        s.setAnswer("arrived", "2026-12-06T23:30:00+08:00"); // the day before the visit
        QCOMPARE(s.issues("arrived")[0].code, std::string("constraint"));
        s.setAnswer("arrived", "2026/12/7 9:30");
        QCOMPARE(s.issues("arrived")[0].code, std::string("type"));
        QVERIFY(s.issues("arrived")[0].messageEn.find("'2026/12/7 9:30' is not a valid date and time") == 0);

        writeWorkbook(path("baddt.xlsx"), {
                                              {"survey",
                                               {
                                                   {"type", "name", "label", "default"},
                                                   {"dateTime", "a", "甲", "tomorrow morning"},
                                                   {"dateTime", "b", "乙", "2026-12-07T25:00"},
                                                   {"dateTime", "c", "丙", "2026-12-07 09:30"},
                                               }},
                                          });
        auto ps = problems(path("baddt.xlsx"));
        QCOMPARE(ps,
                 (std::vector<std::string>{
                     "survey row 2, column default: a date-time default must be written YYYY-MM-DD HH:MM (e.g. 2026-12-07 09:30, "
                     "China's time) or with its offset, 2026-12-07T09:30:00+08:00; 'tomorrow morning' is not",
                     "survey row 3, column default: a date-time default must be written YYYY-MM-DD HH:MM (e.g. 2026-12-07 09:30, "
                     "China's time) or with its offset, 2026-12-07T09:30:00+08:00; '2026-12-07T25:00' is not"}));
    }

    // Cunxiao repeats have fixed row limits (sync/forms: min_rows, max_rows),
    // so repeat_count from an answer or an expression is refused by row and
    // column; for ${n} the message says how to check the rows against n, and
    // that advice is a form Cunxiao runs.
    void repeatCountMustBeANumber()
    {
        writeWorkbook(path("family.xlsx"), {
                                               {"survey",
                                                {
                                                    {"type", "name", "label", "repeat_count"},
                                                    {"integer", "n_children", "子女人数"},
                                                    {"begin repeat", "children", "子女", "${n_children}"},
                                                    {"text", "child_name", "姓名"},
                                                    {"end repeat"},
                                                    {"begin repeat", "visits", "家访", "${n_children} + 1"},
                                                    {"date", "visit_date", "日期"},
                                                    {"end repeat"},
                                                    {"begin repeat", "pets", "宠物", "#n:2.5"},
                                                    {"text", "pet", "宠物"},
                                                    {"end repeat"},
                                                }},
                                           });
        try {
            importXlsform(path("family.xlsx"));
            QFAIL("accepted");
        } catch (const XlsformError &e) {
            const auto &ps = e.problems();
            QCOMPARE(ps.size(), size_t(3));
            QCOMPARE(ps[0].english(),
                     std::string(
                         "survey row 3, column repeat_count: repeat_count must be a whole number (e.g. 3), not '${n_children}': "
                         "a Cunxiao repeat cannot take its number of rows from an expression or an answer; write a fixed "
                         "number, or the lower and upper limits in the min_rows and max_rows columns; to check the rows "
                         "against the answer to n_children, give the row of n_children the constraint . = count(${children})"));
            QCOMPARE(
                ps[0].text(),
                std::string(
                    "survey 表第 3 行 repeat_count 列：repeat_count 必须是整数（如 3），不能是“${n_children}”：Cunxiao "
                    "重复组的行数不能由表达式或其他问题的答案决定；请写固定行数，或在 min_rows / max_rows 列写行数的下限和"
                    "上限；要核对行数与 n_children 的答案一致，可在 n_children 这一行的 constraint 列写 . = count(${children})\n"
                    "    " +
                    ps[0].english()));
            QCOMPARE(
                ps[1].english(),
                std::string(
                    "survey row 6, column repeat_count: repeat_count must be a whole number (e.g. 3), not '${n_children} + 1': "
                    "a Cunxiao repeat cannot take its number of rows from an expression or an answer; write a fixed "
                    "number, or the lower and upper limits in the min_rows and max_rows columns"));
            CHECK_PROBLEM(std::vector<std::string>{ps[2].english()},
                          "survey row 9, column repeat_count: repeat_count must be a whole number (e.g. 3), not '2.5': ");
        }

        // The advice taken.
        writeWorkbook(path("family2.xlsx"), {
                                                {"survey",
                                                 {
                                                     {"type", "name", "label", "constraint", "min_rows", "max_rows"},
                                                     {"integer", "n_children", "子女人数", ". = count(${children})"},
                                                     {"begin repeat", "children", "子女", "", "#n:0", "#n:10"},
                                                     {"text", "child_name", "姓名"},
                                                     {"end repeat"},
                                                 }},
                                            });
        ImportResult r = importXlsform(path("family2.xlsx"));
        QCOMPARE((*field(r.definition, "n_children"))["constraint"], Json(". = count(${children})"));
        QCOMPARE((*field(r.definition, "children"))["max_rows"], Json(10));
        Json checked = r.definition;
        checked["version"] = 1;
        auto def = cx::forms::FormDefinition::parse(checked);
        auto s = cx::forms::FormSession::newDraft(def, {nullptr, 20000});
        s.setAnswer("n_children", 2);
        QCOMPARE(s.issues("n_children").size(), size_t(1));
        QCOMPARE(s.issues("n_children")[0].code, std::string("constraint"));
        s.addRow("children");
        s.addRow("children");
        QVERIFY(s.issues("n_children").empty());
    }

    void everyConstructMapped()
    {
        writeWorkbook(
            path("class.xlsx"),
            {
                {"survey",
                 {
                     {"type", "name", "label::中文 (zh)", "label::English (en)", "hint::中文 (zh)", "required",
                      "required_message::中文 (zh)", "relevant", "constraint", "constraint_message::中文 (zh)", "calculation",
                      "default", "choice_filter", "appearance", "repeat_count", "parameters", "read_only"},
                     {"# the school page"},
                     {"begin group", "school", "学校", "School", "", "", "", "", "", "", "", "", "", "field-list"},
                     {"date", "report_date", "填报日期", "Date", "", "yes", "", "", ". <= today()", "不能晚于今天", "",
                      "today()"},
                     {"select_one yn", "boarding", "是否寄宿", "Boarding?", "", "TRUE"},
                     {"integer", "boarders", "寄宿生人数", "Boarders", "填人数", "${boarding} = 'yes'", "请填写寄宿生人数",
                      "${boarding} = 'yes'", ". >= 0 and . <= ${total}", "不能多于学生总数", "", "#n:0"},
                     {"select_one town", "town", "乡镇", "Town"},
                     {"select_one village", "village", "村", "Village", "", "", "", "", "", "", "", "", "town = ${town}"},
                     {"acknowledge", "checked", "已核对", "Checked"},
                     {"end group"},
                     {},
                     {"begin group", "classes_page", "班级", "Classes", "", "", "", "", "", "", "", "", "", "field-list"},
                     {"begin repeat", "classes", "班级", "Classes", "", "", "", "", "", "", "", "", "", "", "#n:3"},
                     {"integer", "pupils", "人数", "Pupils", "", "yes", "", "", ". >= 0 and . <= 80"},
                     {"text", "row_label", "行", "Row", "", "", "", "", "", "", "concat('第', position(..), '班')"},
                     {"end repeat"},
                     {"integer", "total", "学生总数", "Total", "", "", "", "", "", "", "sum(${pupils})"},
                     {"decimal", "share", "寄宿比例", "Share", "", "", "", "", "", "",
                      "round(${boarders} div ${total} * 100, 1)"},
                     {"calculate", "big", "", "", "", "", "", "", "", "",
                      "if(${total} > 100 and not(${boarding} = 'no'), 'yes', 'no')"},
                     {"select_one_from_file pupils.csv", "pupil", "学生", "Pupil", "", "", "", "", "", "", "", "", "grade = 3",
                      "", "", "value=id label=name"},
                     {"image", "head_sign", "校长签字", "Head's signature", "", "", "", "", "", "", "", "", "", "signature"},
                     {"text", "remark", "备注", "Remark", "", "", "", "", "", "", "", "无", "", "multiline", "", "", "yes"},
                     {"select_multiple yn", "many", "多选", "Many", "", "", "", "", "", "", "", "yes no"},
                     {"end group"},
                 }},
                {"choices",
                 {
                     {"list_name", "name", "label::中文 (zh)", "label::English (en)", "town"},
                     {"yn", "yes", "是", "Yes"},
                     {"yn", "no", "否", "No"},
                     {"town", "#n:1", "甲镇", "Jia"},
                     {"town", "#n:2", "乙镇", "Yi"},
                     {"village", "v1", "甲村", "", "#n:1"},
                     {"village", "v2", "乙村", "", "#n:2"},
                 }},
                {"settings",
                 {
                     {"form_id", "version", "form_title::中文 (zh)", "form_title::English (en)", "default_language", "roles",
                      "meta::workflow", "style"},
                     {"class_return", "#n:3", "班级人数统计", "Class numbers", "中文 (zh)", "head bureau", "review", "pages"},
                 }},
            });
        ImportResult r = importXlsform(path("class.xlsx"));
        const Json &d = r.definition;
        QCOMPARE(d["id"], Json("class_return"));
        QCOMPARE(d["version"], Json(3));
        QCOMPARE(d["title"], Json({{"zh", "班级人数统计"}, {"en", "Class numbers"}}));
        QCOMPARE(d["roles"], Json({"head", "bureau"}));
        QCOMPARE(d["meta"], Json({{"workflow", "review"}}));
        QCOMPARE(d["pages"].size(), size_t(2));
        QCOMPARE(d["pages"][0]["id"], Json("school"));
        QCOMPARE(d["pages"][1]["title"], Json({{"zh", "班级"}, {"en", "Classes"}}));
        QVERIFY(joined(r.notes).find("style") != std::string::npos); // ignored, and said so

        QCOMPARE(*field(d, "report_date"), Json::parse(R"J({"name": "report_date", "type": "date", "required": true,
            "label": {"zh": "填报日期", "en": "Date"}, "constraint": ". <= today()",
            "constraint_message": {"zh": "不能晚于今天"}, "default": "today()"})J"));
        QCOMPARE(*field(d, "boarders"), Json::parse(R"J({"name": "boarders", "type": "integer",
            "label": {"zh": "寄宿生人数", "en": "Boarders"}, "hint": {"zh": "填人数"}, "required": "${boarding} = 'yes'",
            "required_message": {"zh": "请填写寄宿生人数"}, "relevant": "${boarding} = 'yes'",
            "constraint": ". >= 0 and . <= ${total}", "constraint_message": {"zh": "不能多于学生总数"}, "default": 0})J"));
        QCOMPARE((*field(d, "town"))["options"][0]["value"], Json("1")); // a number typed as a choice name
        QCOMPARE((*field(d, "village"))["options_filter"], Json("town = ${town}"));
        QCOMPARE((*field(d, "village"))["options"][1], Json::parse(R"J({"value": "v2", "label": {"zh": "乙村"}, "town": "2"})J"));
        QCOMPARE((*field(d, "checked"))["options"], Json::parse(R"J([{"value": "OK", "label": {"zh": "确认", "en": "OK"}}])J"));
        QCOMPARE((*field(d, "checked"))["appearance"], Json("acknowledge"));
        QCOMPARE((*field(d, "classes"))["min_rows"], Json(3));
        QCOMPARE((*field(d, "classes"))["max_rows"], Json(3));
        QCOMPARE((*field(d, "row_label"))["calculate"], Json("concat('第', row(), '班')"));
        QCOMPARE((*field(d, "total"))["calculate"], Json("sum(${classes/pupils})")); // read from outside the repeat
        QCOMPARE((*field(d, "share"))["calculate"], Json("round(${boarders} div ${total} * 100, 1)"));
        QCOMPARE(*field(d, "big"), Json::parse(R"J({"name": "big", "type": "text", "label": {"zh": "big"},
            "calculate": "if(${total} > 100 and not(${boarding} = 'no'), 'yes', 'no')"})J"));
        QCOMPARE((*field(d, "pupil"))["from"],
                 Json::parse(R"J({"collection": "pupils", "label": "name", "value": "id", "filter": "grade = 3"})J"));
        QCOMPARE((*field(d, "head_sign"))["type"], Json("signature"));
        QVERIFY(!field(d, "head_sign")->contains("appearance"));
        QCOMPARE((*field(d, "remark"))["default"], Json("'无'"));
        QCOMPARE((*field(d, "remark"))["readonly"], Json(true));
        QCOMPARE((*field(d, "remark"))["appearance"], Json("multiline"));
        QCOMPARE((*field(d, "many"))["default"], Json({"yes", "no"}));
        // And it is a form Cunxiao runs.
        auto def = cx::forms::FormDefinition::parse(d);
        QCOMPARE(def.pages().size(), size_t(2));
        QCOMPARE(def.find("pupils")->repeat, def.indexOf("classes"));
    }

    // time and geopoint straight from a workbook (not through export): the type
    // and every property a row gives them; a time typed into Excel (a number
    // formatted hh:mm) is the default "'07:30'", which a new draft fills in.
    void timeAndGeopoint()
    {
        writeWorkbook(
            path("times.xlsx"),
            {
                {"survey",
                 {
                     {"type", "name", "label::中文 (zh)", "label::English (en)", "hint::中文 (zh)", "required", "relevant",
                      "constraint", "constraint_message::中文 (zh)", "calculation", "default", "appearance", "read_only"},
                     {"time", "arrive", "到校时间", "Arrival", "24小时制", "yes", "", ". >= '06:00' and . <= '12:00'",
                      "应在6点到12点之间", "", "#t:07:30"},
                     {"Time", "leave", "离校时间", "Leaving", "", "${arrive} != ''", "${arrive} != ''", ". > ${arrive}",
                      "应晚于到校时间", "", "16:00", "", "${arrive} = ''"},
                     {"time", "lunch", "午饭时间", "Lunch", "", "", "", "", "", "if(${arrive} < '08:00', '11:30', '12:00')"},
                     {"geopoint", "location", "学校位置", "School location", "请在校门口定位", "yes", "${arrive} != ''", "", "",
                      "", "", "maps"},
                     {"gps", "gate", "校门", "Gate"},
                 }},
            });
        ImportResult r = importXlsform(path("times.xlsx"));
        const Json &d = r.definition;
        QCOMPARE(*field(d, "arrive"), Json::parse(R"J({"name": "arrive", "type": "time", "required": true,
            "label": {"zh": "到校时间", "en": "Arrival"}, "hint": {"zh": "24小时制"},
            "constraint": ". >= '06:00' and . <= '12:00'", "constraint_message": {"zh": "应在6点到12点之间"},
            "default": "'07:30'"})J"));
        QCOMPARE(*field(d, "leave"), Json::parse(R"J({"name": "leave", "type": "time",
            "label": {"zh": "离校时间", "en": "Leaving"}, "required": "${arrive} != ''", "relevant": "${arrive} != ''",
            "constraint": ". > ${arrive}", "constraint_message": {"zh": "应晚于到校时间"}, "default": "'16:00'",
            "readonly": "${arrive} = ''"})J"));
        QCOMPARE(*field(d, "lunch"), Json::parse(R"J({"name": "lunch", "type": "time",
            "label": {"zh": "午饭时间", "en": "Lunch"}, "calculate": "if(${arrive} < '08:00', '11:30', '12:00')"})J"));
        QCOMPARE(*field(d, "location"), Json::parse(R"J({"name": "location", "type": "geopoint", "required": true,
            "label": {"zh": "学校位置", "en": "School location"}, "hint": {"zh": "请在校门口定位"},
            "relevant": "${arrive} != ''", "appearance": "maps"})J"));
        QCOMPARE(*field(d, "gate"), Json::parse(R"J({"name": "gate", "type": "geopoint",
            "label": {"zh": "校门", "en": "Gate"}})J"));

        // Cunxiao runs it: the defaults fill a new draft, the calculation and the
        // constraints work on times, a location answer is accepted.
        Json checked = d;
        checked["version"] = 1;
        auto def = cx::forms::FormDefinition::parse(checked);
        auto s = cx::forms::FormSession::newDraft(def, {nullptr, 20000});
        QCOMPARE(s.answers()["arrive"], Json("07:30"));
        QCOMPARE(s.answers()["leave"], Json("16:00"));
        QCOMPARE(s.answers()["lunch"], Json("11:30"));
        QVERIFY(s.isRequired("location"));
        s.setAnswer("location", Json::parse(R"J({"lat": 27.7, "lon": 103.7, "accuracy": 12})J"));
        QVERIFY(s.issues("location").empty());
        QVERIFY(s.issues("arrive").empty());
        s.setAnswer("arrive", "05:00");
        QCOMPARE(s.issues("arrive").size(), size_t(1));
        QCOMPARE(s.issues("arrive")[0].code, std::string("constraint"));
        QCOMPARE(s.answers()["lunch"], Json("11:30"));
        s.setAnswer("arrive", "08:10");
        QCOMPARE(s.answers()["lunch"], Json("12:00"));
    }

    void everyProblemNamedAndCollected()
    {
        writeWorkbook(
            path("bad.xlsx"),
            {
                {"survey",
                 {
                     {"type", "name", "label", "relevent", "constraint", "repeat_count", "calculation", "hint::Klingon"},
                     {"barcode", "when", "时间"},
                     {"start", "start"},
                     {"begin repeat", "rows", "行", "", "", "${n}"},
                     {"text", "a", "甲", "", "", "", "pulldata('x', 'y', 'z', 'w')"},
                     {"end repeat"},
                     {"text", "b", "乙", "", "${b} / 2 > 1"},
                     {"end group"},
                     {"text", "b", "重名"},
                     {"select_one nolist", "c", "丙"},
                     {"text", "d", "丁", "", "", "", "indexed-repeat(${a}, ${rows}, 1)"},
                     {"integer", "e", "戊", "", "", "", "${nothere} + 1"},
                 }},
            });
        auto ps = problems(path("bad.xlsx"));
        CHECK_PROBLEM(ps, "survey row 1, column relevent: unknown column relevent; did you mean relevant?");
        CHECK_PROBLEM(ps, "survey row 1, column hint::Klingon: the language 'Klingon' in the column name is not known");
        CHECK_PROBLEM(ps, "survey row 2, column type: the question type 'barcode' is not supported");
        CHECK_PROBLEM(ps, "survey row 3, column type: the metadata type 'start' is not supported");
        CHECK_PROBLEM(ps, "survey row 4, column repeat_count: repeat_count must be a whole number (e.g. 3), not '${n}'");
        CHECK_PROBLEM(ps, "survey row 5, column calculation: the function pulldata() is not supported");
        CHECK_PROBLEM(ps, "survey row 7, column constraint: write division as div, e.g. ${a} div ${b}");
        CHECK_PROBLEM(ps, "survey row 8, column type: end group has no matching begin group");
        CHECK_PROBLEM(ps, "survey row 9, column name: duplicate field name");
        CHECK_PROBLEM(ps, "survey row 10, column type: there is no choice list named 'nolist'");
        CHECK_PROBLEM(ps, "survey row 11, column calculation: the function indexed-repeat() is not supported");
        CHECK_PROBLEM(ps, "survey row 12, column calculation: there is no question named 'nothere'");
        QCOMPARE(ps.size(), size_t(12));
    }

    // Problems Cunxiao's own definition reader finds are named by row and column too.
    void readerProblemsMappedBack()
    {
        // The structure first: Cunxiao checks expressions once the fields are right.
        writeWorkbook(path("structure.xlsx"), {
                                                  {"survey",
                                                   {
                                                       {"type", "name", "label", "repeat_count"},
                                                       {"note", "n", ""},
                                                       {"begin repeat", "outer", "外", "#n:2"},
                                                       {"begin repeat", "inner", "内", "#n:0"},
                                                       {"text", "z", "丁"},
                                                       {"end repeat"},
                                                       {"end repeat"},
                                                   }},
                                                  {"settings", {{"form_id", "roles"}, {"structure", "head nurse"}}},
                                              });
        auto ps = problems(path("structure.xlsx"));
        CHECK_PROBLEM(ps, "survey row 2, column label: missing");
        CHECK_PROBLEM(ps, "survey row 4, column type: a repeat inside another repeat is not supported");
        CHECK_PROBLEM(ps, "survey row 4, column repeat_count: must be at least 1");
        CHECK_PROBLEM(ps, "settings row 2, column roles: unknown role \"nurse\"");
        QCOMPARE(ps.size(), size_t(4));
        writeWorkbook(path("cycle.xlsx"), {
                                              {"survey",
                                               {
                                                   {"type", "name", "label", "relevant", "calculation"},
                                                   {"integer", "x", "甲", "", "${y} + 1"},
                                                   {"integer", "y", "乙", "", "${x} + 1"},
                                                   {"text", "t", "丙", ". = 'a'"},
                                                   {"integer", "u", "戊", "", "round(${x}, 1, 2)"},
                                               }},
                                          });
        ps = problems(path("cycle.xlsx"));
        CHECK_PROBLEM(ps, "survey row 4, column relevant: ");
        CHECK_PROBLEM(ps, "survey row 5, column calculation: wrong number of arguments to round()");
        writeWorkbook(path("cycle2.xlsx"), {
                                               {"survey",
                                                {
                                                    {"type", "name", "label", "calculation"},
                                                    {"integer", "x", "甲", "${y} + 1"},
                                                    {"integer", "y", "乙", "${x} + 1"},
                                                }},
                                           });
        ps = problems(path("cycle2.xlsx"));
        CHECK_PROBLEM(ps,
                      "survey row 2, column calculation: calculations or relevance depend on each other in a cycle: x -> y -> x");
    }

    void expressions()
    {
        std::map<std::string, FieldPlace> fields = {
            {"a", {}}, {"b", {}}, {"choices", {}}, {"classes", {"", true}}, {"pupils", {"classes", false}}};
        ExpressionContext top{&fields, "", false, false};
        ExpressionContext inRow{&fields, "classes", false, false};
        ExpressionContext filter{&fields, "", true, true};
        struct Case {
            const char *xls;
            const ExpressionContext *ctx;
            const char *cunxiao;
        };
        const Case ok[] = {
            {"${a} + 1", &top, "${a} + 1"},
            {"${a}>=2 and ${b}<3 or not(${a} = ${b})", &top, "${a}>=2 and ${b}<3 or not(${a} = ${b})"},
            {"selected(${choices}, 'x') and count-selected(${choices}) != 2", &top,
             "selected(${choices}, 'x') and count-selected(${choices}) != 2"},
            {"if(${a} mod 2 = 0, concat('even ', ${a}), 'odd')", &top, "if(${a} mod 2 = 0, concat('even ', ${a}), 'odd')"},
            {". <= today() and string-length(.) > 3 and regex(., '^[0-9]{3}$')", &top,
             ". <= today() and string-length(.) > 3 and regex(., '^[0-9]{3}$')"},
            {"sum(${pupils}) div count(${classes}) * -1.5", &top, "sum(${classes/pupils}) div count(${classes}) * -1.5"},
            {"${pupils} > 0 and position(..) > 1", &inRow, "${pupils} > 0 and row() > 1"},
            {"ceiling(${a} div 3)", &top, "ceil(${a} div 3)"},
            {"name = ${a} or town = 'x'", &filter, "value = ${a} or town = 'x'"},
            {"\"it's\" = ${a}", &top, "\"it's\" = ${a}"},
            {"date-diff(today(), ${a}) <= 60 and age(${b}) >= 6", &top, "date-diff(today(), ${a}) <= 60 and age(${b}) >= 6"},
            {"${a} <= now() and ${b} > ${a}", &top, "${a} <= now() and ${b} > ${a}"},
        };
        for (const auto &c : ok) {
            Translation t = fromXlsform(c.xls, *c.ctx);
            QVERIFY2(t.ok(), t.en.c_str());
            QCOMPARE(t.text, std::string(c.cunxiao));
            Translation back = toXlsform(t.text, *c.ctx);
            QCOMPARE(back.text, std::string(c.xls));
        }
        struct Bad {
            const char *xls;
            const char *en;
        };
        const Bad bad[] = {
            {"pulldata('f', 'c', 'k', ${a})", "the function pulldata() is not supported"},
            {"indexed-repeat(${pupils}, ${classes}, 1)", "the function indexed-repeat() is not supported"},
            {"decimal-date-time(${a})", "the function decimal-date-time() is not supported; Cunxiao dates are text"},
            {"jr:choice-name(${a}, '${a}')", "the function jr:choice-name() is not supported"},
            {"format-date(${a}, '%Y')", "the function format-date() is not supported"},
            {"/data/a = 1", "XPath paths, predicates and axes"},
            {"../a = 1", "XPath paths, predicates and axes"},
            {"count(${classes}[1])", "XPath paths, predicates and axes"},
            {"${a} / 2", "write division as div"},
            {"${a} % 2", "write the remainder as mod"},
            {"${a} == 2", "write equality with one ="},
            {"${a} <> 2", "write not equal as !="},
            {"${a} && ${b}", "write and (not &)"},
            {"${zz} = 1", "there is no question named 'zz'"},
            {"a = 1", "a bare name 'a' cannot be used here"},
            {"true",
             "a bare name 'true' cannot be used here: write ${true} for a question or 'true' (in quotes) for text, or true()"},
            {"if（${a} = 1, 2, 3)", "unexpected character '（'"},
            {"'open", "the text starting with ' is not closed"},
            {"position(${a})", "position() is supported only as position(..)"},
        };
        for (const auto &c : bad) {
            Translation t = fromXlsform(c.xls, top);
            QVERIFY2(!t.ok(), c.xls);
            QVERIFY2(t.en.rfind(c.en, 0) == 0, (std::string(c.xls) + " -> " + t.en).c_str());
            QVERIFY(!t.zh.empty());
        }
        // Cunxiao's other spellings become XPath's.
        QCOMPARE(toXlsform("${a} == 1 && ${b} <> 2 || ${a} % 2 = null", top).text,
                 std::string("${a} = 1  and  ${b} != 2  or  ${a}  mod  2 = ''"));
        QVERIFY(!toXlsform("sum(${classes/pupils})", inRow).ok()); // every row, read inside the repeat: no XLSForm spelling
        QVERIFY(looksLikeExpression("today()"));
        QVERIFY(looksLikeExpression("'open'"));
        QVERIFY(looksLikeExpression("${a} + 1"));
        QVERIFY(!looksLikeExpression("open"));
        QVERIFY(!looksLikeExpression("2025-09-01"));
    }
};

QTEST_GUILESS_MAIN(TestXlsformImport)
#include "tst_xlsform_import.moc"
