// Parsing form definitions: what is accepted, and every problem named with
// form id, field and part (and position, for expressions).
#include "forms/Forms.h"

#include <QtTest>

using namespace cx::forms;

namespace {

cx::Json form(const char *fields)
{
    cx::Json j = cx::Json::parse(R"({"id": "t", "version": 1, "title": {"zh": "测试", "en": "Test"}, "roles": ["head"]})");
    j["fields"] = cx::Json::parse(fields);
    return j;
}

} // namespace

class TestDefinitions : public QObject
{
    Q_OBJECT

private slots:
    void accepts()
    {
        FormDefinition d = FormDefinition::parse(cx::Json::parse(R"({
          "id": "class_return", "version": 3, "title": {"zh": "班级统计", "en": "Class return", "ii": "ꀊꇁ"},
          "roles": ["head", "bureau"], "schools": ["5301010001", "5301010002"],
          "pages": [
            {"id": "basic", "title": {"zh": "基本", "en": "Basic"}, "fields": [
              {"name": "school_name", "type": "text", "label": {"zh": "学校", "en": "School"}, "required": true},
              {"name": "grade", "type": "select_one", "label": "年级",
               "options": [{"value": "g1", "label": {"zh": "一年级", "en": "Grade 1"}}, {"value": "g2", "label": "二年级"}]}
            ]},
            {"title": {"zh": "班级", "en": "Classes"}, "fields": [
              {"name": "classes", "type": "repeat", "label": "班级", "min_rows": 1, "max_rows": 12, "fields": [
                {"name": "pupils", "type": "integer", "label": "人数", "constraint": ". >= 0"},
                {"name": "girls", "type": "integer", "label": "女生", "constraint": ". <= ${pupils}"},
                {"name": "girl_share", "type": "decimal", "label": "女生比例", "calculate": "round(${girls} div ${pupils} * 100, 1) "}
              ]},
              {"name": "total", "type": "integer", "label": "合计", "calculate": "sum(${classes/pupils}) "},
              {"name": "pupil", "type": "select_one", "label": "学生",
               "from": {"collection": "pupils", "label": "name", "value": "id", "filter": "grade = ${grade}"}}
            ]}
          ]})"));
        QCOMPARE(QString::fromStdString(d.id()), QString("class_return"));
        QCOMPARE(d.version(), 3);
        QCOMPARE(QString::fromStdString(d.title().get("ii")), QString::fromUtf8("ꀊꇁ"));
        QCOMPARE(QString::fromStdString(d.title().get("bo")), QString::fromUtf8("班级统计")); // falls back to zh
        QCOMPARE(int(d.pages().size()), 2);
        QCOMPARE(QString::fromStdString(d.pages()[1].id), QString("page2"));
        QCOMPARE(int(d.fields().size()), 8);
        QVERIFY(d.isFor("head", "5301010001"));
        QVERIFY(!d.isFor("head", "9999"));
        QVERIFY(!d.isFor("teacher", "5301010001"));
        const Field *share = d.find("girl_share");
        QVERIFY(share && share->readonly && share->repeat == d.indexOf("classes"));
        QCOMPARE(QString::fromStdString(d.find("grade")->options[1].label.zh()), QString::fromUtf8("二年级"));
        QCOMPARE(QString::fromStdString(d.find("pupil")->from->collection), QString("pupils"));
        // total is computed after the pupils of every row; girl_share after girls and pupils
        auto rank = [&](const char *n) {
            return std::find(d.order().begin(), d.order().end(), d.indexOf(n)) - d.order().begin();
        };
        QVERIFY(rank("total") > rank("pupils"));
        QVERIFY(rank("girl_share") > rank("girls"));
        // a change to pupils recomputes girl_share and total, and re-checks girls
        std::vector<int> affected = d.affected(d.indexOf("pupils"));
        QVERIFY(std::count(affected.begin(), affected.end(), d.indexOf("total")) == 1);
        QVERIFY(std::count(affected.begin(), affected.end(), d.indexOf("school_name")) == 0);
        std::vector<int> check = d.toCheck(d.indexOf("pupils"));
        QVERIFY(std::count(check.begin(), check.end(), d.indexOf("girls")) == 1);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");
        auto row = [](const char *tag, const char *fields, const char *field, const char *where, int pos, const char *msg) {
            QTest::newRow(tag) << QString::fromUtf8(fields) << field << where << pos << QString::fromUtf8(msg);
        };
        row("unknown type", R"([{"name": "a", "type": "number", "label": "A"}])", "a", "type", 0, "unknown type \"number\"");
        row("no type", R"([{"name": "a", "label": "A"}])", "a", "type", 0, "unknown type");
        row("duplicate name", R"([{"name": "a", "type": "text", "label": "A"}, {"name": "a", "type": "integer", "label": "B"}])",
            "a", "name", 0, "duplicate field name");
        row("duplicate in repeat", R"([{"name": "a", "type": "text", "label": "A"},
            {"name": "r", "type": "repeat", "label": "R", "fields": [{"name": "a", "type": "text", "label": "A"}]}])",
            "a", "name", 0, "duplicate");
        row("bad name", R"([{"name": "Pupil Count", "type": "text", "label": "A"}])", "Pupil Count", "name", 0, "lowercase");
        row("missing label", R"([{"name": "a", "type": "text"}])", "a", "label", 0, "missing");
        row("label without zh", R"([{"name": "a", "type": "text", "label": {"en": "A"}}])", "a", "label", 0, "Chinese");
        row("bad language", R"([{"name": "a", "type": "text", "label": {"zh": "甲", "english!": "A"}}])", "a", "label", 0,
            "not a language code");
        row("unknown property", R"([{"name": "a", "type": "text", "label": "A", "requird": true}])", "a", "requird", 0,
            "did you mean 'required'");
        row("options on text", R"([{"name": "a", "type": "text", "label": "A", "options": []}])", "a", "options", 0,
            "not allowed on a text field");
        row("no options", R"([{"name": "a", "type": "select_one", "label": "A"}])", "a", "options", 0, "needs either");
        row("empty options", R"([{"name": "a", "type": "select_one", "label": "A", "options": []}])", "a", "options", 0,
            "non-empty list");
        row("duplicate option", R"([{"name": "a", "type": "select_many", "label": "A",
            "options": [{"value": "x", "label": "X"}, {"value": "x", "label": "Y"}]}])",
            "a", "options[2]", 0, "duplicate option value 'x'");
        row("option without value", R"([{"name": "a", "type": "select_one", "label": "A", "options": [{"label": "X"}]}])", "a",
            "options[1]", 0, "needs a \"value\"");
        row("option with space",
            R"([{"name": "a", "type": "select_one", "label": "A", "options": [{"value": "x y", "label": "X"}]}])", "a",
            "options[1]", 0, "spaces");
        row("from without collection", R"([{"name": "a", "type": "select_one", "label": "A", "from": {"label": "name"}}])", "a",
            "from.collection", 0, "lowercase name");
        row("empty group", R"([{"name": "g", "type": "group", "label": "G", "fields": []}])", "g", "fields", 0, "non-empty");
        row("nested repeat", R"([{"name": "r", "type": "repeat", "label": "R", "fields": [
            {"name": "s", "type": "repeat", "label": "S", "fields": [{"name": "x", "type": "text", "label": "X"}]}]}])",
            "s", "type", 0, "repeat inside another repeat");
        row("rows", R"([{"name": "r", "type": "repeat", "label": "R", "min_rows": 3, "max_rows": 2,
            "fields": [{"name": "x", "type": "text", "label": "X"}]}])",
            "r", "max_rows", 0, "less than min_rows");
        row("constraint syntax", R"([{"name": "a", "type": "integer", "label": "A", "constraint": ". >= 0 and . <"}])", "a",
            "constraint", 15, "expected a value");
        row("relevant unknown ref", R"([{"name": "a", "type": "integer", "label": "A"},
            {"name": "b", "type": "text", "label": "B", "relevant": "${aa} > 1"}])",
            "b", "relevant", 1, "unknown field 'aa' (did you mean 'a'?)");
        row("calculate unknown fn", R"([{"name": "a", "type": "integer", "label": "A", "calculate": "1 + summ(2) "}])", "a",
            "calculate", 5, "unknown function 'summ'");
        row("default bare word", R"([{"name": "a", "type": "text", "label": "A", "default": "routine"}])", "a", "default", 1,
            "text must be in quotes");
        row("default literal type", R"([{"name": "a", "type": "integer", "label": "A", "default": 1.5}])", "a", "default", 0,
            "whole number");
        row("default not an option", R"([{"name": "a", "type": "select_many", "label": "A",
            "options": [{"value": "x", "label": "X"}], "default": ["y"]}])",
            "a", "default", 0, "'y' is not one of the options");
        row("self in calculate", R"([{"name": "a", "type": "integer", "label": "A", "calculate": ". + 1"}])", "a", "calculate", 1,
            "'.'");
        row("self cycle", R"([{"name": "a", "type": "integer", "label": "A", "calculate": "${a} + 1"}])", "a", "calculate", 0,
            "cycle: a -> a");
        row("cycle", R"([{"name": "a", "type": "integer", "label": "A", "calculate": "${c} + 1"},
            {"name": "b", "type": "integer", "label": "B", "calculate": "${a} * 2"},
            {"name": "c", "type": "integer", "label": "C", "calculate": "${b} - 1"}])",
            "a", "calculate", 0, "a -> b -> c -> a");
        row("relevance cycle", R"([{"name": "a", "type": "integer", "label": "A", "relevant": "${b} > 1"},
            {"name": "b", "type": "integer", "label": "B", "relevant": "${a} > 1"}])",
            "a", "relevant", 0, "a -> b -> a");
        row("repeat field outside",
            R"([{"name": "r", "type": "repeat", "label": "R", "fields": [{"name": "x", "type": "integer", "label": "X"}]},
            {"name": "t", "type": "integer", "label": "T", "calculate": "${x} * 2"}])",
            "t", "calculate", 1, "${r/x}");
        row("column of non-repeat", R"([{"name": "a", "type": "integer", "label": "A"},
            {"name": "t", "type": "integer", "label": "T", "calculate": "sum(${a/b}) "}])",
            "t", "calculate", 5, "'a' is not a repeat");
        row("group has no value",
            R"([{"name": "g", "type": "group", "label": "G", "fields": [{"name": "x", "type": "text", "label": "X"}]},
            {"name": "t", "type": "text", "label": "T", "relevant": "${g} = 1"}])",
            "t", "relevant", 1, "is a group and has no value");
        row("constraint on note", R"([{"name": "n", "type": "note", "label": "N", "constraint": "1"}])", "n", "constraint", 0,
            "not allowed on a note");
        row("calculate on photo", R"([{"name": "p", "type": "photo", "label": "P", "calculate": "1"}])", "p", "calculate", 0,
            "only text, integer");
        row("message without constraint", R"([{"name": "a", "type": "text", "label": "A", "constraint_message": "x"}])", "a",
            "constraint_message", 0, "no constraint");
        row("expression not text", R"([{"name": "a", "type": "text", "label": "A", "relevant": 1}])", "a", "relevant", 0,
            "written as text");
        row("filter bad", R"([{"name": "a", "type": "select_one", "label": "A",
            "from": {"collection": "pupils", "label": "name", "filter": "grade = ${nope}"}}])",
            "a", "from.filter", 9, "unknown field 'nope'");
        row("bare name outside filter", R"([{"name": "a", "type": "integer", "label": "A", "constraint": ". > grade"}])", "a",
            "constraint", 5, "bare name 'grade'");
    }

    void problems()
    {
        QFETCH(QString, fields);
        QFETCH(QString, field);
        QFETCH(QString, where);
        QFETCH(int, position);
        QFETCH(QString, message);
        try {
            FormDefinition::parse(form(fields.toUtf8().constData()));
            QFAIL("accepted");
        } catch (const FormDefinitionError &e) {
            bool found = false;
            for (const DefinitionProblem &p : e.problems()) {
                if (p.field == field.toStdString() && p.where == where.toStdString() && int(p.position) == position &&
                    QString::fromStdString(p.message).contains(message)) {
                    found = true;
                    QCOMPARE(p.formId, std::string("t"));
                    QVERIFY(QString::fromUtf8(e.what()).contains(QString::fromStdString(p.text())));
                }
            }
            QVERIFY2(found, e.what());
            QCOMPARE(e.kind(), cx::ErrorKind::Invalid);
        }
    }

    void formLevel_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        const char *f = R"("fields": [{"name": "a", "type": "text", "label": "A"}])";
        auto row = [&](const char *tag, const std::string &head, const char *where, const char *msg) {
            QTest::newRow(tag) << QString::fromStdString("{" + head + f + "}") << where << msg;
        };
        row("no id", R"("version": 1, "title": "T", "roles": ["head"], )", "id", "lowercase");
        row("bad id", R"("id": "Home-Visit", "version": 1, "title": "T", "roles": ["head"], )", "id", "lowercase");
        row("no version", R"("id": "x", "title": "T", "roles": ["head"], )", "version", "whole number");
        row("text version", R"("id": "x", "version": "2", "title": "T", "roles": ["head"], )", "version", "whole number");
        row("no title", R"("id": "x", "version": 1, "roles": ["head"], )", "title", "missing");
        row("no roles", R"("id": "x", "version": 1, "title": "T", )", "roles", "who fills");
        row("bad role", R"("id": "x", "version": 1, "title": "T", "roles": ["principal"], )", "roles", "unknown role");
        row("bad schools", R"("id": "x", "version": 1, "title": "T", "roles": ["head"], "schools": "all", )", "schools", "\"*\"");
        row("unknown key", R"("id": "x", "version": 1, "title": "T", "roles": ["head"], "titel": "T", )", "titel",
            "unknown property");
        row("both pages and fields", R"("id": "x", "version": 1, "title": "T", "roles": ["head"], "pages": [], )", "pages",
            "either");
    }

    void formLevel()
    {
        QFETCH(QString, json);
        QFETCH(QString, where);
        QFETCH(QString, message);
        try {
            FormDefinition::parse(cx::Json::parse(json.toStdString()));
            QFAIL("accepted");
        } catch (const FormDefinitionError &e) {
            bool found = false;
            for (const auto &p : e.problems())
                found = found || (p.where == where.toStdString() && QString::fromStdString(p.message).contains(message));
            QVERIFY2(found, e.what());
        }
    }

    void collectsSeveralProblems()
    {
        try {
            FormDefinition::parse(form(R"([{"name": "a", "type": "texty", "label": "A"},
                                           {"name": "b", "type": "integer", "label": "B", "min_rows": 1}])"));
            QFAIL("accepted");
        } catch (const FormDefinitionError &e) {
            QCOMPARE(int(e.problems().size()), 2);
            QCOMPARE(
                QString::fromStdString(e.problems()[0].text()),
                QString("form 't', field 'a', type: unknown type \"texty\" (known: text, integer, decimal, date, time, datetime, "
                        "select_one, select_many, geopoint, photo, signature, note, group, repeat)"));
        }
    }

    void jsonSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::newRow("missing comma") << "{\n  \"id\": \"x\"\n  \"version\": 1\n}"
                                       << "line 3, column 11";
        QTest::newRow("trailing comma") << "{\"id\": \"x\",}"
                                        << "line 1, column 12";
        QTest::newRow("after chinese") << "{\"title\": \"家访记录\" x}"
                                       << "line 1, column 18";
        QTest::newRow("truncated") << "{\"id\": \"x\", \"fields\": ["
                                   << "line 1, column 24";
    }

    void jsonSyntax()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        try {
            FormDefinition::parseText(text.toStdString());
            QFAIL("accepted");
        } catch (const FormDefinitionError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("JSON syntax error at " + where), e.what());
        }
    }

    void docsExampleIsTrue()
    {
        // The complete example in docs/forms.md parses, and its answers are valid.
        QFile f(QStringLiteral(CX_SOURCE_DIR "/docs/forms.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        std::string md = f.readAll().toStdString();
        std::vector<std::string> blocks;
        for (size_t at = md.find("```json\n"); at != std::string::npos; at = md.find("```json\n", at)) {
            size_t b = at + 8, e = md.find("```", b);
            blocks.push_back(md.substr(b, e - b));
            at = e + 3;
        }
        QVERIFY(blocks.size() >= 2);
        FormDefinition d = FormDefinition::parseText(blocks[0]);
        QCOMPARE(d.id(), std::string("class_return"));
        cx::Json answers = cx::Json::parse(blocks[1]);
        FormSession s(d, answers, {nullptr, *parseDate("2025-09-20")});
        QVERIFY(s.isValid());
        QCOMPARE(s.answers(), answers); // the calculated values shown are the computed ones
        QVERIFY(validateSubmission(d, answers).empty());
    }

    void parseTextAccepts()
    {
        FormDefinition d = FormDefinition::parseText(form(R"([{"name": "a", "type": "text", "label": "A"}])").dump());
        QCOMPARE(int(d.fields().size()), 1);
        QCOMPARE(d.source()["id"], cx::Json("t"));
    }
};

QTEST_GUILESS_MAIN(TestDefinitions)
#include "tst_definitions.moc"
