#pragma once
// XmlTree: a small element tree of one XML part, built with expat. Names are
// local names (namespace prefixes dropped), which is all an .xlsx reader needs.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cx::xlsform {

struct XmlNode {
    std::string name;                                            // local name: "row", "c", "v"
    std::vector<std::pair<std::string, std::string>> attributes; // local names
    std::vector<XmlNode> children;
    std::string text; // character data directly inside

    const std::string *attribute(std::string_view name) const;
    const XmlNode *child(std::string_view name) const;
};

// Parses `xml`; on malformed XML returns false and sets `error` (with line).
bool parseXml(std::string_view xml, XmlNode &root, std::string &error);

} // namespace cx::xlsform
