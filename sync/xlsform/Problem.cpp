// XlsformProblem texts: Chinese first, then English, both naming the place.
#include "xlsform/Problem.h"

namespace cx::xlsform {

namespace {

std::string joined(const std::string &file, const std::vector<XlsformProblem> &ps)
{
    std::string s = file + ": ";
    if (ps.size() == 1 && ps[0].sheet.empty())
        return s + ps[0].zh + " / " + ps[0].en;
    s += "无法转换，共 " + std::to_string(ps.size()) + " 处问题 / cannot convert, " + std::to_string(ps.size()) +
         (ps.size() == 1 ? " problem" : " problems") + ":";
    for (const auto &p : ps)
        s += "\n" + p.text();
    return s;
}

} // namespace

std::string XlsformProblem::english() const
{
    std::string where;
    if (!sheet.empty()) {
        where = sheet;
        if (row > 0)
            where += " row " + std::to_string(row);
        if (!column.empty())
            where += (row > 0 ? ", column " : " column ") + column;
        where += ": ";
    }
    return where + en;
}

std::string XlsformProblem::text() const
{
    std::string where;
    if (!sheet.empty()) {
        where = sheet + " 表";
        if (row > 0)
            where += "第 " + std::to_string(row) + " 行";
        if (!column.empty())
            where += " " + column + " 列";
        where += "：";
    }
    return where + zh + "\n    " + english();
}

XlsformError::XlsformError(const std::string &file, std::vector<XlsformProblem> problems)
    : cx::Error(cx::ErrorKind::Invalid, joined(file, problems)), m_problems(std::move(problems))
{}

XlsformProblem fileProblem(std::string zh, std::string en)
{
    XlsformProblem p;
    p.zh = std::move(zh);
    p.en = std::move(en);
    return p;
}

} // namespace cx::xlsform
