// Round trip: every county form (forms/county/*.json) written as XLSForm and
// read back is the identical definition; and a definition with constructs
// XLSForm cannot spell is refused by name.
#include "forms/FormDefinition.h"
#include "xlsform/Export.h"
#include "xlsform/Import.h"
#include "xlsform/Workbook.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace cx::xlsform;
using cx::Json;

class TestXlsformRoundTrip : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void countyForms_data()
    {
        QTest::addColumn<QString>("file");
        QDir forms(QString(CX_SOURCE_DIR) + "/forms/county");
        const auto files = forms.entryList({"*.json"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 7);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << forms.filePath(f);
    }

    void countyForms()
    {
        QFETCH(QString, file);
        std::ifstream in(file.toStdString());
        Json original = Json::parse(in);
        std::string xlsx = dir.filePath(QFileInfo(file).baseName() + ".xlsx").toStdString();
        exportXlsform(original, xlsx);
        ImportResult r = importXlsform(xlsx);
        if (r.definition != original)
            QFAIL(("differs:\n" + Json::diff(original, r.definition).dump(1)).c_str());
        QVERIFY(r.notes.empty());
        // Written twice, the same definition again (nothing drifts on a second trip).
        exportXlsform(r.definition, xlsx);
        QCOMPARE(importXlsform(xlsx).definition, original);
    }

    void extraColumnsRoundTrip()
    {
        Json def = Json::parse(R"J({"id": "extras", "version": 2, "title": {"zh": "额外", "en": "Extras", "ii": "ꀉ"},
            "roles": ["inspector"], "schools": ["5323010001", "5323010002"], "meta": {"workflow": "record", "collection": "x"},
            "fields": [
              {"name": "shots", "type": "photo", "multiple": true, "label": {"zh": "照片", "ii": "ꀊ"}},
              {"name": "rows", "type": "repeat", "min_rows": 1, "max_rows": 4, "label": {"zh": "行"},
               "fields": [{"name": "n", "type": "decimal", "label": {"zh": "数"}, "readonly": "${flag} = 'y'"}]},
              {"name": "flag", "type": "select_one", "label": {"zh": "标记"}, "default": "'y'",
               "options": [{"value": "y", "label": {"zh": "是"}, "grp": "a"}, {"value": "n", "label": {"zh": "否"}, "grp": "b"}],
               "options_filter": "grp = 'a' or value = 'n'"},
              {"name": "ok", "type": "select_one", "label": {"zh": "确认"}, "appearance": "acknowledge",
               "options": [{"value": "OK", "label": {"zh": "确认", "en": "OK"}}]},
              {"name": "where", "type": "geopoint", "label": {"zh": "位置"}, "hint": {"zh": "站在门口"},
               "default": {"lat": 27.7, "lon": 103.7, "alt": 1890.5}},
              {"name": "total", "type": "decimal", "label": {"zh": "合计"}, "calculate": "sum(${rows/n}) + count(${rows})"}
            ]})J");
        cx::forms::FormDefinition::parse(def);
        std::string xlsx = dir.filePath("extras.xlsx").toStdString();
        exportXlsform(def, xlsx);
        ImportResult r = importXlsform(xlsx);
        if (r.definition != def)
            QFAIL(("differs:\n" + Json::diff(def, r.definition).dump(1)).c_str());
    }

    // datetime is written as dateTime and read back as datetime, with its
    // default (a text cell with the offset), now() and comparisons unchanged.
    void dateTimeRoundTrip()
    {
        Json def = Json::parse(R"J({"id": "visits", "version": 3, "title": {"zh": "家访", "en": "Visits"},
            "roles": ["teacher"],
            "fields": [
              {"name": "arrived", "type": "datetime", "label": {"zh": "到达", "en": "Arrived"}, "required": true,
               "default": "now()", "constraint": ". <= now()", "constraint_message": {"zh": "不能晚于现在"}},
              {"name": "planned", "type": "datetime", "label": {"zh": "计划", "en": "Planned"},
               "default": "'2026-12-07T09:30:00+08:00'", "readonly": true},
              {"name": "left", "type": "datetime", "label": {"zh": "离开", "en": "Left"},
               "relevant": "${arrived} >= today()", "constraint": ". > ${arrived}"},
              {"name": "last", "type": "datetime", "label": {"zh": "最后", "en": "Last"},
               "calculate": "coalesce(${left}, ${arrived})"}
            ]})J");
        cx::forms::FormDefinition::parse(def);
        std::string xlsx = dir.filePath("visits.xlsx").toStdString();
        exportXlsform(def, xlsx);
        const auto wb = readWorkbook(xlsx);
        QCOMPARE(wb.sheets[0].name, std::string("survey"));
        QCOMPARE(wb.sheets[0].rows[1].cells.at(0).text, std::string("dateTime"));
        ImportResult r = importXlsform(xlsx);
        if (r.definition != def)
            QFAIL(("differs:\n" + Json::diff(def, r.definition).dump(1)).c_str());
        QVERIFY(r.notes.empty());
    }

    void noXlsformSpellingRefused()
    {
        Json def = Json::parse(R"J({"id": "odd", "version": 1, "title": {"zh": "怪"}, "roles": ["head"],
            "meta": {"levels": [1, 2]},
            "fields": [{"name": "a", "type": "integer", "label": {"zh": "甲"}}]})J");
        try {
            exportXlsform(def, dir.filePath("odd.xlsx").toStdString());
            QFAIL("exported");
        } catch (const XlsformError &e) {
            QCOMPARE(e.problems().size(), size_t(1));
            QCOMPARE(e.problems()[0].en, std::string("meta.levels is not text and has no XLSForm spelling"));
        }
        def["meta"] = Json::object();
        def["fields"][0] = Json::parse(R"J({"name": "a", "type": "geopoint", "label": {"zh": "甲"},
            "default": {"lat": 27.7, "lon": 103.7, "accuracy": 5}})J");
        try {
            exportXlsform(def, dir.filePath("odd.xlsx").toStdString());
            QFAIL("exported");
        } catch (const XlsformError &e) {
            QCOMPARE(e.problems().size(), size_t(1));
            QCOMPARE(e.problems()[0].en, std::string("field 'a': default: a location with an accuracy but no altitude "
                                                     "has no XLSForm spelling"));
        }
        QVERIFY_THROWS_EXCEPTION(cx::forms::FormDefinitionError,
                                 exportXlsform(Json::parse(R"J({"id": "x"})J"), dir.filePath("x.xlsx").toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestXlsformRoundTrip)
#include "tst_xlsform_roundtrip.moc"
