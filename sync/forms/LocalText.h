#pragma once
// LocalText: a label in several languages: "zh" (always), "en", and optionally
// a minority language such as "ii" (Yi) or "za" (Zhuang).
#include "protocol/Json.h"

#include <map>
#include <string>

namespace cx::forms {

struct LocalText {
    std::map<std::string, std::string> text; // language code -> text

    static LocalText of(std::string zh, std::string en);
    bool empty() const { return text.empty(); }
    // The text in `lang`, else Chinese, else English, else any.
    std::string get(const std::string &lang) const;
    std::string zh() const { return get("zh"); }
    std::string en() const { return get("en"); }
    cx::Json toJson() const;
    bool operator==(const LocalText &) const = default;
};

} // namespace cx::forms
