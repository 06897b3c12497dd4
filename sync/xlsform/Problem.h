#pragma once
// XlsformProblem: one thing in a workbook that Cunxiao cannot take, named by
// sheet, row and column, in Chinese and English; XlsformError carries them all.
#include "protocol/Errors.h"

#include <string>
#include <vector>

namespace cx::xlsform {

struct XlsformProblem {
    std::string sheet;  // "survey", "choices", "settings"; empty for the file as a whole
    int row = 0;        // the Excel row number, 0 when none
    std::string column; // the column's header as written, empty when none
    std::string zh;     // what is wrong and how to fix it, in Chinese
    std::string en;     // the same in English
    // "survey 表第 17 行 relevant 列：…\n    survey row 17, column relevant: …"
    std::string text() const;
    std::string english() const; // "survey row 17, column relevant: ..."
};

// Thrown when a workbook cannot be read or converted, or a definition cannot be
// written as XLSForm; what() starts with the file name and lists every problem.
class XlsformError : public cx::Error
{
public:
    XlsformError(const std::string &file, std::vector<XlsformProblem> problems);
    const std::vector<XlsformProblem> &problems() const { return m_problems; }

private:
    std::vector<XlsformProblem> m_problems;
};

// A problem about the whole file (not a sheet): unreadable, not a workbook.
XlsformProblem fileProblem(std::string zh, std::string en);

} // namespace cx::xlsform
