#pragma once
// SurveyTypes: what an XLSForm type cell ("select_one yes_no", "begin repeat",
// "image") means in Cunxiao, or why Cunxiao has no such question.
#include <string>

namespace cx::xlsform {

struct SurveyType {
    enum Kind { Question, BeginGroup, EndGroup, BeginRepeat, EndRepeat, Unsupported } kind = Unsupported;
    std::string type;       // Cunxiao type: text, integer, select_one, photo, group, ...
    std::string list;       // select_one LIST: the choice list
    std::string collection; // select_one_from_file pupils.csv: "pupils"
    bool calculate = false; // XLSForm calculate: a text field with a calculation
    bool acknowledge = false;
    std::string zh, en; // for Unsupported: why, and what to do instead ({name}: the row's name, for the caller to fill in)
};

SurveyType surveyType(const std::string &cell);

} // namespace cx::xlsform
