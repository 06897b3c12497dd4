// Languages: the names statisticians write in XLSForm headers, in English and Chinese.
#include "xlsform/Languages.h"

#include "xlsform/Workbook.h"

#include <map>

namespace cx::xlsform {

namespace {

struct Language {
    const char *code;
    const char *column;
    std::vector<const char *> names;
};

const std::vector<Language> &languages()
{
    static const std::vector<Language> all = {
        {"zh", "中文 (zh)", {"chinese", "中文", "汉语", "汉文", "简体中文", "普通话", "simplified chinese", "mandarin"}},
        {"en", "English (en)", {"english", "英文", "英语"}},
        {"ii", "彝文 (ii)", {"yi", "nuosu", "彝文", "彝语"}},
        {"za", "壮文 (za)", {"zhuang", "壮文", "壮语"}},
        {"bo", "藏文 (bo)", {"tibetan", "藏文", "藏语"}},
        {"ug", "维吾尔文 (ug)", {"uyghur", "uighur", "维吾尔文", "维吾尔语"}},
        {"mn", "蒙古文 (mn)", {"mongolian", "蒙古文", "蒙古语"}},
        {"ko", "朝鲜文 (ko)", {"korean", "朝鲜文", "朝鲜语"}},
        {"fr", "Français (fr)", {"french", "français"}},
        {"es", "Español (es)", {"spanish", "español"}},
        {"pt", "Português (pt)", {"portuguese", "português"}},
        {"ar", "العربية (ar)", {"arabic"}},
        {"sw", "Kiswahili (sw)", {"swahili", "kiswahili"}},
    };
    return all;
}

bool isCode(const std::string &s)
{
    if (s.size() < 2 || s.size() > 12 || !(s[0] >= 'a' && s[0] <= 'z'))
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || c == '-'))
            return false;
    return true;
}

std::string primary(std::string code)
{
    code = lower(code);
    for (char &c : code)
        if (c == '_')
            c = '-';
    auto dash = code.find('-');
    std::string p = code.substr(0, dash);
    return isCode(p) ? p : std::string();
}

} // namespace

std::string languageCode(const std::string &raw)
{
    std::string name = raw;
    while (!name.empty() && name.back() == ' ')
        name.pop_back();
    // "Name (code)": the code decides.
    if (!name.empty() && name.back() == ')') {
        auto open = name.rfind('(');
        if (open != std::string::npos)
            return primary(name.substr(open + 1, name.size() - open - 2));
    }
    std::string l = lower(name);
    for (const auto &lang : languages())
        for (const char *n : lang.names)
            if (l == n)
                return lang.code;
    for (const auto &lang : languages())
        if (l == lang.code)
            return lang.code;
    if ((l.size() == 2 || l.size() == 3) && isCode(l) && l.find('-') == std::string::npos) // de, yue
        return l;
    if (l.size() >= 4 && (l[2] == '-' || l[2] == '_')) // zh-CN, en_US
        return primary(l);
    return {};
}

std::string languageColumnName(const std::string &code)
{
    for (const auto &lang : languages())
        if (code == lang.code)
            return lang.column;
    return code + " (" + code + ")";
}

} // namespace cx::xlsform
