// Filling a form: relevance hides and shows, calculations follow their inputs,
// repeats, incremental re-evaluation, the cleaned submission, the server-side
// validator, record lookups, and migration to a new version.
#include "forms/Forms.h"

#include <QtTest>

using namespace cx::forms;

namespace {

// A small enrolment-style form exercising every mechanism.
const char *kForm = R"J({
  "id": "demo", "version": 1, "title": {"zh": "演示", "en": "Demo"}, "roles": ["head"],
  "fields": [
    {"name": "boarding", "type": "select_one", "label": "寄宿", "required": true,
     "options": [{"value": "yes", "label": "是"}, {"value": "no", "label": "否"}]},
    {"name": "boarders", "type": "integer", "label": "寄宿生", "required": true,
     "relevant": "${boarding} = 'yes'", "constraint": ". >= 0 and . <= ${pupils_total}",
     "constraint_message": {"zh": "寄宿生不能多于学生总数", "en": "Boarders cannot exceed pupils"}},
    {"name": "population", "type": "integer", "label": "适龄人口", "constraint": ". >= 0"},
    {"name": "enrolled", "type": "integer", "label": "在校", "constraint": ". <= ${population}"},
    {"name": "rate", "type": "decimal", "label": "入学率", "calculate": "round(${enrolled} div ${population} * 100, 1)"},
    {"name": "rate_note", "type": "text", "label": "说明", "required": "${rate} < 95"},
    {"name": "g", "type": "group", "label": "食堂", "relevant": "${boarding} = 'yes'", "fields": [
      {"name": "canteen", "type": "select_many", "label": "食堂",
       "options": [{"value": "kitchen", "label": "厨房"}, {"value": "hall", "label": "餐厅"}]},
      {"name": "cooks", "type": "integer", "label": "厨师", "relevant": "selected(${canteen}, 'kitchen')", "required": true}
    ]},
    {"name": "classes", "type": "repeat", "label": "班级", "min_rows": 1, "max_rows": 3, "fields": [
      {"name": "grade", "type": "select_one", "label": "年级", "required": true,
       "options": [{"value": "1", "label": "一"}, {"value": "2", "label": "二"}]},
      {"name": "pupils", "type": "integer", "label": "人数", "required": true, "default": 0, "constraint": ". >= 0"},
      {"name": "girls", "type": "integer", "label": "女生", "constraint": ". <= ${pupils}"},
      {"name": "share", "type": "decimal", "label": "女生比例", "calculate": "round(${girls} div ${pupils}, 2)"},
      {"name": "big_note", "type": "text", "label": "大班说明", "relevant": "${pupils} > 45", "required": true}
    ]},
    {"name": "pupils_total", "type": "integer", "label": "总数", "calculate": "sum(${classes/pupils})"},
    {"name": "class_count", "type": "integer", "label": "班数", "calculate": "count(${classes})"},
    {"name": "visit_date", "type": "date", "label": "日期", "default": "today()"},
    {"name": "follow_up", "type": "date", "label": "回访", "constraint": "date-diff(., ${visit_date}) >= 0"},
    {"name": "village", "type": "select_one", "label": "村", "options_filter": "town = ${town}",
     "options": [{"value": "v1", "label": "甲村", "town": "t1"}, {"value": "v2", "label": "乙村", "town": "t2"}]},
    {"name": "town", "type": "select_one", "label": "镇",
     "options": [{"value": "t1", "label": "甲镇"}, {"value": "t2", "label": "乙镇"}]},
    {"name": "pupil", "type": "select_one", "label": "学生",
     "from": {"collection": "pupils", "label": "name", "value": "id", "filter": "grade = ${pick_grade}"}},
    {"name": "pick_grade", "type": "integer", "label": "年级"}
  ]})J";

// A datetime form: a date, two date-times compared with it and with now(), a calculation.
const char *kVisitForm = R"J({
  "id": "visit", "version": 1, "title": "家访", "roles": ["teacher"], "fields": [
    {"name": "visit_date", "type": "date", "label": "日期", "default": "today()"},
    {"name": "arrived", "type": "datetime", "label": "到达", "required": true, "default": "now()",
     "constraint": ". >= ${visit_date} and . <= now()",
     "constraint_message": {"zh": "应在家访当天、现在之前", "en": "on the day of the visit, not in the future"}},
    {"name": "left", "type": "datetime", "label": "离开", "constraint": ". > ${arrived}"},
    {"name": "logged", "type": "datetime", "label": "记录", "calculate": "coalesce(${left}, ${arrived})"}
  ]})J";

const long kToday = *parseDate("2025-09-10");

QStringList paths(const std::vector<Issue> &issues)
{
    QStringList out;
    for (const Issue &i : issues)
        out << QString::fromStdString(i.field + ":" + i.code);
    out.sort();
    return out;
}

cx::Json validBase()
{
    return cx::Json::parse(R"({"boarding": "no", "population": 100, "enrolled": 98,
        "classes": [{"grade": "1", "pupils": 30, "girls": 14}], "visit_date": "2025-09-01"})");
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

    FormDefinition def = FormDefinition::parse(cx::Json::parse(kForm));
    SessionOptions opts() const
    {
        SessionOptions o;
        o.today = kToday;
        return o;
    }

private slots:
    void newDraftAppliesDefaults()
    {
        FormSession s = FormSession::newDraft(def, opts());
        QCOMPARE(s.answers()["visit_date"], cx::Json("2025-09-10"));
        QCOMPARE(s.rowCount("classes"), 1);                         // min_rows
        QCOMPARE(s.answers()["classes"][0]["pupils"], cx::Json(0)); // default in the row
        QCOMPARE(s.answers()["class_count"], cx::Json(1));
        QVERIFY(!s.isValid());
        QVERIFY(paths(s.issues()).contains("boarding:required"));
        // an existing draft is opened without defaults
        FormSession again(def, cx::Json::object(), opts());
        QVERIFY(!again.answers().contains("visit_date"));
    }

    void relevance_data()
    {
        QTest::addColumn<QString>("boarding");
        QTest::addColumn<QString>("canteen"); // JSON
        QTest::addColumn<bool>("boardersShown");
        QTest::addColumn<bool>("groupShown");
        QTest::addColumn<bool>("cooksShown");
        QTest::newRow("no boarding") << "no"
                                     << "[\"kitchen\"]" << false << false << false;
        QTest::newRow("boarding, kitchen") << "yes"
                                           << "[\"kitchen\"]" << true << true << true;
        QTest::newRow("boarding, hall only") << "yes"
                                             << "[\"hall\"]" << true << true << false;
        QTest::newRow("unanswered") << ""
                                    << "[\"kitchen\"]" << false << false << false;
    }

    void relevance()
    {
        QFETCH(QString, boarding);
        QFETCH(QString, canteen);
        QFETCH(bool, boardersShown);
        QFETCH(bool, groupShown);
        QFETCH(bool, cooksShown);
        FormSession s(def, validBase(), opts());
        s.setAnswer("canteen", cx::Json::parse(canteen.toStdString()));
        s.setAnswer("boarding", boarding.isEmpty() ? cx::Json() : cx::Json(boarding.toStdString()));
        QCOMPARE(s.isRelevant("boarders"), boardersShown);
        QCOMPARE(s.isRelevant("g"), groupShown);
        QCOMPARE(s.isRelevant("canteen"), groupShown);
        QCOMPARE(s.isRelevant("cooks"), cooksShown); // inside the group: hidden with it
        QCOMPARE(paths(s.issues()).contains("cooks:required"), cooksShown);
        QCOMPARE(paths(s.issues()).contains("boarders:required"), boardersShown);
    }

    void hiddenAnswersKeptButNotSubmitted()
    {
        FormSession s(def, validBase(), opts());
        s.setAnswer("boarding", "yes");
        s.setAnswer("boarders", 500); // more than pupils_total: breaks its constraint
        QCOMPARE(paths(s.issues("boarders")), QStringList{"boarders:constraint"});
        QCOMPARE(QString::fromStdString(s.issues("boarders")[0].message), QString::fromUtf8("寄宿生不能多于学生总数"));
        QCOMPARE(s.issues("boarders")[0].messageEn, std::string("Boarders cannot exceed pupils"));
        s.setAnswer("boarding", "no");
        QVERIFY(s.issues("boarders").empty());            // hidden: not validated
        QCOMPARE(s.answers()["boarders"], cx::Json(500)); // what was typed is kept
        QVERIFY(!s.submission().contains("boarders"));    // but not submitted
        QVERIFY(s.value("boarders").isNull());            // and reads as empty
        QVERIFY(s.isValid());
        s.setAnswer("boarding", "yes");
        QCOMPARE(s.value("boarders").number(), 500.0); // shown again with the typed value
    }

    void calculations_data()
    {
        QTest::addColumn<QString>("population");
        QTest::addColumn<QString>("enrolled");
        QTest::addColumn<QString>("rate");
        QTest::addColumn<bool>("noteRequired");
        QTest::newRow("normal") << "1000"
                                << "999"
                                << "99.9" << false;
        QTest::newRow("low rate") << "200"
                                  << "150"
                                  << "75" << true;
        QTest::newRow("division by zero") << "0"
                                          << "0"
                                          << "null" << false;
        QTest::newRow("missing population") << "null"
                                            << "10"
                                            << "null" << false;
        QTest::newRow("missing enrolled") << "100"
                                          << "null"
                                          << "null" << false;
    }

    void calculations()
    {
        QFETCH(QString, population);
        QFETCH(QString, enrolled);
        QFETCH(QString, rate);
        QFETCH(bool, noteRequired);
        FormSession s(def, validBase(), opts());
        s.setAnswer("population", cx::Json::parse(population.toStdString()));
        s.setAnswer("enrolled", cx::Json::parse(enrolled.toStdString()));
        QCOMPARE(QString::fromStdString(s.answers().value("rate", cx::Json()).dump()), rate);
        QCOMPARE(s.isRequired("rate_note"), noteRequired);
        QCOMPARE(paths(s.issues()).contains("rate_note:required"), noteRequired);
        QVERIFY_THROWS_EXCEPTION(cx::Error, s.setAnswer("rate", 50)); // calculated: not settable
    }

    void repeats()
    {
        FormSession s(def, validBase(), opts());
        QCOMPARE(s.answers()["pupils_total"], cx::Json(30));
        QCOMPARE(s.answers()["classes"][0]["share"], cx::Json(0.47));
        int r = s.addRow("classes");
        QCOMPARE(r, 1);
        QCOMPARE(s.answers()["class_count"], cx::Json(2));
        s.setAnswer("pupils", 50, r);
        s.setAnswer("girls", 60, r);
        QCOMPARE(s.answers()["pupils_total"], cx::Json(80));
        QVERIFY(s.isRelevant("big_note", 1)); // sibling in the same row decides
        QVERIFY(!s.isRelevant("big_note", 0));
        QCOMPARE(paths(s.issues()),
                 (QStringList{"classes[1].big_note:required", "classes[1].girls:constraint", "classes[1].grade:required"}));
        QCOMPARE(s.issues("girls", 1)[0].row, 1);
        QCOMPARE(s.issues("girls", 1)[0].name, std::string("girls"));
        s.addRow("classes");
        s.addRow("classes");
        QVERIFY(paths(s.issues()).contains("classes:rows")); // 4 rows, max_rows 3
        s.removeRow("classes", 3);
        s.removeRow("classes", 2);
        s.removeRow("classes", 1);
        QCOMPARE(s.answers()["pupils_total"], cx::Json(30));
        QVERIFY(s.isValid());
        QVERIFY_THROWS_EXCEPTION(cx::Error, s.setAnswer("pupils", 3, 5));
        QVERIFY_THROWS_EXCEPTION(cx::Error, s.removeRow("classes", 7));
        QVERIFY_THROWS_EXCEPTION(cx::Error, s.addRow("population"));
        s.removeRow("classes", 0);
        QVERIFY(paths(s.issues()).contains("classes:rows")); // min_rows 1
        QCOMPARE(s.answers()["pupils_total"], cx::Json(0));
    }

    void incremental()
    {
        FormSession s(def, validBase(), opts());
        s.setAnswer("population", 200);
        size_t afterPopulation = s.lastEvaluations();
        QCOMPARE(afterPopulation, size_t(1)); // only rate depends on population
        s.setAnswer("town", "t1");
        QCOMPARE(s.lastEvaluations(), size_t(0)); // nothing is calculated from town
        s.setAnswer("pupils", 40, 0);
        // share (1 row) and pupils_total, plus big_note (1 row)
        QCOMPARE(s.lastEvaluations(), size_t(3));
        QCOMPARE(s.answers()["pupils_total"], cx::Json(40));
        // Incremental and full evaluation agree.
        FormSession full(def, s.answers(), opts());
        QCOMPARE(full.answers(), s.answers());
        QCOMPARE(paths(full.issues()), paths(s.issues()));
    }

    void optionsFilter()
    {
        FormSession s(def, validBase(), opts());
        s.setAnswer("town", "t2");
        QCOMPARE(int(s.options("village").size()), 1);
        QCOMPARE(s.options("village")[0].value, std::string("v2"));
        s.setAnswer("village", "v1");
        QCOMPARE(paths(s.issues()), QStringList{"village:option"});
        s.setAnswer("town", "t1"); // re-checks village: the filter reads town
        QVERIFY(s.isValid());
        s.setAnswer("village", "v9");
        QCOMPARE(paths(s.issues()), QStringList{"village:option"});
    }

    void typesAreCheckedNotLost()
    {
        FormSession s(def, validBase(), opts());
        s.setAnswer("population", "一百");
        QCOMPARE(paths(s.issues()), QStringList{"population:type"});
        QCOMPARE(s.answers()["population"], cx::Json("一百"));
        s.setAnswer("follow_up", "2025-02-30");
        QVERIFY(paths(s.issues()).contains("follow_up:type"));
        s.setAnswer("follow_up", "2025-08-01"); // before the visit
        QVERIFY(paths(s.issues()).contains("follow_up:constraint"));
        s.setAnswer("follow_up", "2025-09-15");
        s.setAnswer("population", 100);
        QVERIFY(s.isValid());
    }

    // A datetime field: stored as "2025-09-10T09:30:00+08:00"; a malformed one is
    // kept and reported naming the value; constraints compare instants, and a
    // date-time against a date by its day; now() fills a default.
    void dateTimeAnswers()
    {
        auto dt = FormDefinition::parse(cx::Json::parse(kVisitForm));
        QCOMPARE(dt.find("arrived")->type, FieldType::DateTime);
        SessionOptions o = opts();
        o.now = "2025-09-10T10:00:00+08:00";
        FormSession s = FormSession::newDraft(dt, o);
        QCOMPARE(s.answers()["arrived"], cx::Json("2025-09-10T10:00:00+08:00"));
        QCOMPARE(s.answers()["logged"], cx::Json("2025-09-10T10:00:00+08:00"));
        QVERIFY(s.isValid());

        s.setAnswer("arrived", "2025-09-10 09:30");
        QCOMPARE(s.answers()["arrived"], cx::Json("2025-09-10 09:30")); // kept
        auto issues = s.issues("arrived");
        QCOMPARE(int(issues.size()), 1);
        QCOMPARE(issues[0].field, std::string("arrived"));
        QCOMPARE(issues[0].code, std::string("type"));
        QCOMPARE(QString::fromStdString(issues[0].message),
                 QString::fromUtf8(
                     "“2025-09-10 09:30”不是有效的日期时间；格式应为 年-月-日T时:分:秒+时区（如 2026-12-07T09:30:00+08:00）"));
        QCOMPARE(issues[0].messageEn,
                 std::string("'2025-09-10 09:30' is not a valid date and time; write "
                             "YYYY-MM-DDTHH:MM:SS with the offset from UTC (e.g. 2026-12-07T09:30:00+08:00)"));

        s.setAnswer("arrived", "2025-09-10T09:30:00+08:00");
        QVERIFY(s.isValid());
        s.setAnswer("left", "2025-09-10T01:00:00Z"); // 09:00 in Beijing: before arriving
        QCOMPARE(paths(s.issues()), QStringList{"left:constraint"});
        s.setAnswer("left", "2025-09-10T02:15Z"); // 10:15 in Beijing
        QVERIFY(s.isValid());
        QCOMPARE(s.answers()["logged"], cx::Json("2025-09-10T02:15Z"));
        s.setAnswer("arrived", "2025-09-09T23:59:00+08:00"); // the day before the visit
        QCOMPARE(paths(s.issues()), QStringList{"arrived:constraint"});
        s.setAnswer("arrived", "2025-09-10T10:00:01+08:00"); // after now()
        QCOMPARE(paths(s.issues()), QStringList{"arrived:constraint"});

        // The server: the same checks through validateSubmission.
        cx::Json good = {{"visit_date", "2025-09-10"},
                         {"arrived", "2025-09-10T08:30+08:00"},
                         {"left", "2025-09-10T09:45:00+08:00"},
                         {"logged", "2025-09-10T09:45:00+08:00"}};
        QVERIFY(cx::forms::validateSubmission(dt, good, nullptr, kToday).empty());
        for (const char *bad : {"2025-13-01T09:00:00+08:00", "2025-09-10T24:00:00+08:00", "2025-09-10T09:00:00+15:00",
                                "2025-09-10T09:00:00", "2025-09-10T09:00:00.000+08:00", "2025-09-10", "09:30"}) {
            cx::Json a = good;
            a["left"] = bad;
            a["logged"] = bad;
            auto got = cx::forms::validateSubmission(dt, a, nullptr, kToday);
            QVERIFY2(paths(got).contains("left:type"), bad);
            for (const auto &i : got)
                if (i.field == "left")
                    QVERIFY2(i.messageEn.find(std::string("'") + bad + "'") == 0, i.messageEn.c_str());
        }
        // As a person reads one (the bureau's review page).
        QCOMPARE(dateTimeShown("2025-09-10T02:15Z"), std::string("2025-09-10 02:15 +00:00"));
        QCOMPARE(dateTimeShown("2025-09-10T08:30:05-03:30"), std::string("2025-09-10 08:30:05 -03:30"));
        QCOMPARE(dateTimeShown("2025-09-10 08:30"), std::string("2025-09-10 08:30"));
        cx::Json number = good;
        number["arrived"] = 45910.4; // an Excel serial number is not a date-time
        QVERIFY(paths(cx::forms::validateSubmission(dt, number, nullptr, kToday)).contains("arrived:type"));
    }

    void records()
    {
        std::vector<cx::Json> pupils = {{{"id", "p1"}, {"name", "王芳"}, {"grade", 3}},
                                        {{"id", "p2"}, {"name", "李强"}, {"grade", 4}}};
        RecordSource src;
        src.list = [&](const std::string &c) { return c == "pupils" ? pupils : std::vector<cx::Json>{}; };
        src.find = [&](const std::string &c, const std::string &key, const std::string &value) -> std::optional<cx::Json> {
            for (const auto &p : pupils)
                if (c == "pupils" && p[key] == value)
                    return p;
            return std::nullopt;
        };
        SessionOptions o = opts();
        o.records = &src;
        cx::Json a = validBase();
        a["pick_grade"] = 3;
        FormSession s(def, a, o);
        auto opts = s.options("pupil");
        QCOMPARE(int(opts.size()), 1);
        QCOMPARE(QString::fromStdString(opts[0].label.zh()), QString::fromUtf8("王芳"));
        s.setAnswer("pupil", "p2");
        QCOMPARE(paths(s.issues()), QStringList{"pupil:option"});
        s.setAnswer("pupil", "p9");
        QCOMPARE(paths(s.issues()), QStringList{"pupil:record"});
        s.setAnswer("pupil", "p1");
        QVERIFY(s.isValid());
        // Server-side: the same check through validateSubmission.
        cx::Json sub = s.submission();
        QVERIFY(cx::forms::validateSubmission(def, sub, &src, kToday).empty());
        sub["pupil"] = "p9";
        QCOMPARE(paths(cx::forms::validateSubmission(def, sub, &src, kToday)), QStringList{"pupil:record"});
        // Without a lookup, record answers are not verified.
        QVERIFY(cx::forms::validateSubmission(def, sub, nullptr, kToday).empty());
    }

    void validateSubmission_data()
    {
        QTest::addColumn<QString>("patch"); // JSON merge patch over validBase()
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("valid") << "{}" << QStringList{};
        QTest::newRow("missing required") << R"({"boarding": null})" << QStringList{"boarding:required"};
        QTest::newRow("not an option") << R"({"boarding": "maybe"})" << QStringList{"boarding:option"};
        QTest::newRow("cross-field") << R"({"enrolled": 120})" << QStringList{"enrolled:constraint"};
        QTest::newRow("negative") << R"({"population": -1})"
                                  << QStringList{"enrolled:constraint", "population:constraint", "rate_note:required"};
        QTest::newRow("unknown field") << R"({"hacked": 1})" << QStringList{"hacked:unknown"};
        QTest::newRow("tampered rate") << R"({"rate": 100})" << QStringList{"rate:calculation"};
        QTest::newRow("honest rate") << R"({"rate": 98})" << QStringList{};
        QTest::newRow("tampered total") << R"({"pupils_total": 5})" << QStringList{"pupils_total:calculation"};
        QTest::newRow("hidden answer ignored") << R"({"boarders": -5})" << QStringList{};
        QTest::newRow("wrong type") << R"({"population": "100"})" << QStringList{"population:type"};
        QTest::newRow("no rows") << R"({"classes": []})" << QStringList{"classes:rows"};
        QTest::newRow("row problems") << R"({"classes": [{"grade": "3", "pupils": 50, "extra": 1}]})"
                                      << QStringList{"classes[0].big_note:required", "classes[0].extra:unknown",
                                                     "classes[0].grade:option"};
        QTest::newRow("select_many type") << R"({"boarding": "yes", "boarders": 3, "canteen": "kitchen"})"
                                          << QStringList{"canteen:type", "cooks:required"};
        QTest::newRow("geopoint ignored when absent") << R"({"visit_date": "2025-9-1"})" << QStringList{"visit_date:type"};
    }

    void validateSubmission()
    {
        QFETCH(QString, patch);
        QFETCH(QStringList, expected);
        cx::Json a = validBase();
        a.merge_patch(cx::Json::parse(patch.toStdString()));
        QCOMPARE(paths(cx::forms::validateSubmission(def, a, nullptr, kToday)), expected);
    }

    void attachmentAnswers_data()
    {
        QTest::addColumn<QString>("answers");
        QTest::addColumn<QStringList>("expected");
        const QString sha = QString(64, QLatin1Char('a'));
        const QString ref = QStringLiteral(R"({"sha256":"%1","size":1234,"type":"image/jpeg"})").arg(sha);
        QTest::newRow("engine references") << QStringLiteral(R"({"photos":[%1],"photo":%1,"sig":%1})").arg(ref) << QStringList{};
        QTest::newRow("old file names") << R"({"photos":["a.jpg"],"photo":"b.jpg","sig":"c.png"})" << QStringList{};
        QTest::newRow("object with id") << R"({"photo":{"id":"x1"},"sig":{"id":"x2"}})" << QStringList{};
        QTest::newRow("sha256 not hex")
            << QStringLiteral(R"({"photo":{"sha256":"%1","size":1},"sig":"c.png"})").arg(QString(64, QLatin1Char('G')))
            << QStringList{"photo:type"};
        QTest::newRow("sha256 without size") << QStringLiteral(R"({"sig":{"sha256":"%1"}})").arg(sha) << QStringList{"sig:type"};
        QTest::newRow("negative size") << QStringLiteral(R"({"sig":{"sha256":"%1","size":-1}})").arg(sha)
                                       << QStringList{"sig:type"};
        QTest::newRow("one photo where a list is asked")
            << QStringLiteral(R"({"photos":%1,"sig":"c.png"})").arg(ref) << QStringList{"photos:type"};
        QTest::newRow("required signature missing") << R"({"photo":"b.jpg"})" << QStringList{"sig:required"};
    }

    void attachmentAnswers()
    {
        QFETCH(QString, answers);
        QFETCH(QStringList, expected);
        const FormDefinition d = FormDefinition::parse(cx::Json::parse(R"J({
          "id": "att", "version": 1, "title": "T", "roles": ["head"], "fields": [
            {"name": "photos", "type": "photo", "multiple": true, "label": "P"},
            {"name": "photo", "type": "photo", "label": "P1"},
            {"name": "sig", "type": "signature", "label": "S", "required": true},
            {"name": "n", "type": "integer", "label": "N", "calculate": "count(${photos})"}]})J"));
        cx::Json a = cx::Json::parse(answers.toStdString());
        QCOMPARE(paths(cx::forms::validateSubmission(d, a, nullptr, kToday)), expected);
        if (expected.isEmpty()) {
            // Expressions see an attachment by its hash (or id/name): count(.) counts photos.
            FormSession s(d, a, opts());
            QCOMPARE(s.answers().value("n", cx::Json(0)).get<int>(), a.contains("photos") ? int(a["photos"].size()) : 0);
        }
    }

    void validatorAgreesWithSession()
    {
        // The device validates the draft; the server validates what was submitted: same verdict.
        FormSession s(def, validBase(), opts());
        s.setAnswer("boarding", "yes");
        s.setAnswer("boarders", 10);
        s.setAnswer("canteen", cx::Json::array({"kitchen"}));
        QCOMPARE(paths(s.issues()), QStringList{"cooks:required"});
        QCOMPARE(paths(cx::forms::validateSubmission(def, s.submission(), nullptr, kToday)), QStringList{"cooks:required"});
        s.setAnswer("cooks", 2);
        QVERIFY(s.isValid());
        QVERIFY(cx::forms::validateSubmission(def, s.submission(), nullptr, kToday).empty());
        QVERIFY(!cx::forms::validateSubmission(def, cx::Json::array(), nullptr, kToday).empty());
    }

    void migration()
    {
        cx::Json v2 = cx::Json::parse(kForm);
        v2["version"] = 2;
        auto &fields = v2["fields"];
        // v2 drops "town", turns population into text, and drops "girls" from classes.
        for (auto it = fields.begin(); it != fields.end();) {
            if ((*it)["name"] == "town" || (*it)["name"] == "village")
                it = fields.erase(it);
            else
                ++it;
        }
        for (auto &f : fields) {
            if (f["name"] == "population") {
                f["type"] = "text";
                f.erase("constraint");
            }
            if (f["name"] == "enrolled")
                f.erase("constraint");
            if (f["name"] == "rate")
                f["calculate"] = "1";
            if (f["name"] == "classes") {
                auto &cf = f["fields"];
                cf.erase(cf.begin() + 2); // girls
                cf.erase(cf.begin() + 2); // share, which read girls
            }
        }
        FormDefinition d2 = FormDefinition::parse(v2);
        cx::Json old = validBase();
        old["town"] = "t1";
        old["population"] = 100;
        old["note_from_v0"] = "keep me";
        MigrationResult m = migrateAnswers(old, d2);
        QCOMPARE(m.answers["enrolled"], cx::Json(98));
        QCOMPARE(m.answers["classes"][0]["pupils"], cx::Json(30));
        QVERIFY(!m.answers["classes"][0].contains("girls"));
        QCOMPARE(m.orphans["town"], cx::Json("t1"));
        QCOMPARE(m.orphans["population"], cx::Json(100)); // integer answer does not fit a text field
        QCOMPARE(m.orphans["classes[0].girls"], cx::Json(14));
        QCOMPARE(m.orphans["note_from_v0"], cx::Json("keep me"));
        QCOMPARE(int(m.orphans.size()), 4);
        // Nothing lost: every old answer is either carried or an orphan.
        FormSession s(d2, m.answers, opts());
        QVERIFY(s.isRelevant("enrolled"));
        // Migrating back restores orphans whose fields exist again.
        MigrationResult back = migrateAnswers(m.answers, def, m.orphans);
        QCOMPARE(back.answers["town"], cx::Json("t1"));
        QCOMPARE(back.answers["population"], cx::Json(100));
        QCOMPARE(back.orphans["classes[0].girls"], cx::Json(14)); // rows are not restored automatically
        QVERIFY(!back.orphans.contains("town"));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
