// LocalText: language fallback for labels and messages.
#include "forms/LocalText.h"

namespace cx::forms {

LocalText LocalText::of(std::string zh, std::string en)
{
    LocalText t;
    t.text["zh"] = std::move(zh);
    t.text["en"] = std::move(en);
    return t;
}

std::string LocalText::get(const std::string &lang) const
{
    for (const std::string &l : {lang, std::string("zh"), std::string("en")}) {
        auto it = text.find(l);
        if (it != text.end() && !it->second.empty())
            return it->second;
    }
    return text.empty() ? std::string() : text.begin()->second;
}

cx::Json LocalText::toJson() const
{
    cx::Json j = cx::Json::object();
    for (const auto &[k, v] : text)
        j[k] = v;
    return j;
}

} // namespace cx::forms
