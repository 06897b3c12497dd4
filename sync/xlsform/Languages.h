#pragma once
// Languages: XLSForm writes a language as "中文 (zh)", "English (en)" or just
// "English"; Cunxiao labels are keyed by codes ("zh", "en", "ii").
#include <string>

namespace cx::xlsform {

// "中文 (zh)" -> "zh", "English" -> "en", "zh-CN" -> "zh", "Yi (ii)" -> "ii";
// empty when the name is neither a known language nor carries a code.
std::string languageCode(const std::string &name);

// The column spelling of a code: "zh" -> "中文 (zh)", "en" -> "English (en)".
std::string languageColumnName(const std::string &code);

} // namespace cx::xlsform
