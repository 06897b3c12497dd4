#pragma once
// Converter: the state of one XLSForm import: the sheets, the choice lists,
// where each field came from (to name the row of a problem the definition
// reader finds), the problems and the notes. Split over Import.cpp (settings,
// checking), Survey.cpp (questions) and Choices.cpp (choice lists).
#include "xlsform/Expressions.h"
#include "xlsform/Import.h"
#include "xlsform/Table.h"

#include <map>
#include <set>

namespace cx::xlsform {

class Converter
{
public:
    Converter(const Workbook &workbook, const ImportOptions &options);
    ImportResult run();

private:
    struct Choice {
        int row = 0;
        std::string name;
        std::map<std::string, std::string> labels;
        cx::Json properties = cx::Json::object(); // the other columns, for choice_filter
    };
    struct Place {
        int row = 0;                 // survey row
        std::vector<int> choiceRows; // choices rows of its options, in order
        std::set<std::string> used;  // survey column keys this row had a value in
    };

    // Import.cpp
    void readSettings();
    void checkDefinition();
    void languageFallback(cx::Json &j);
    void checkColumns(const Table &t, const std::set<std::string> &known, const std::set<std::string> &unsupported);
    // Choices.cpp
    void readChoices();
    // Survey.cpp
    void scanSurvey();
    void buildSurvey();
    bool convertRow(const Row &row, cx::Json &field, const std::string &repeat);
    void setType(const Row &row, cx::Json &field, const std::string &type);
    void setExpression(const Row &row, cx::Json &field, const std::string &column, const std::string &key,
                       const ExpressionContext &ctx);
    void setTexts(const Row &row, cx::Json &field, const std::string &column, const std::string &key);
    ExpressionContext context(const std::string &repeat) const;

    void problem(const Table &t, int row, const std::string &columnKey, std::string zh, std::string en);
    void note(const std::string &zh, const std::string &en);

    const Workbook &m_workbook;
    ImportOptions m_options;
    Table m_survey, m_choices, m_settings;
    std::string m_plainLanguage = "zh"; // the language of a label column without one
    bool m_hasChinese = false;
    std::string m_fallbackLanguage = "zh"; // copied as Chinese when the workbook has no Chinese at all
    bool m_idReported = false;
    cx::Json m_form = cx::Json::object();
    int m_settingsRow = 0;
    std::map<std::string, std::vector<Choice>> m_lists;
    std::map<std::string, FieldPlace> m_fields; // every named survey row
    std::map<std::string, Place> m_places;
    std::vector<int> m_pageRows; // survey row of each page's begin group
    std::set<int> m_badRows;     // survey rows that already have a problem
    std::vector<XlsformProblem> m_problems;
    std::vector<std::string> m_notes;
};

} // namespace cx::xlsform
