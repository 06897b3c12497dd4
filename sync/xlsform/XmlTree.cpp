// XmlTree: expat callbacks that build the element tree.
#include "xlsform/XmlTree.h"

#include <expat.h>

namespace cx::xlsform {

const std::string *XmlNode::attribute(std::string_view n) const
{
    for (const auto &[k, v] : attributes)
        if (k == n)
            return &v;
    return nullptr;
}

const XmlNode *XmlNode::child(std::string_view n) const
{
    for (const auto &c : children)
        if (c.name == n)
            return &c;
    return nullptr;
}

namespace {

constexpr char kSeparator = '\x01'; // between namespace URI and local name
constexpr size_t kMaxDepth = 64;

struct Builder {
    XmlNode root;
    std::vector<XmlNode *> stack;
    bool tooDeep = false;
};

std::string localName(const char *name)
{
    std::string_view s(name);
    auto sep = s.rfind(kSeparator);
    return std::string(sep == std::string_view::npos ? s : s.substr(sep + 1));
}

void onStart(void *data, const char *name, const char **attrs)
{
    auto *b = static_cast<Builder *>(data);
    if (b->stack.size() >= kMaxDepth) {
        b->tooDeep = true;
        return;
    }
    XmlNode n;
    n.name = localName(name);
    for (int i = 0; attrs[i]; i += 2)
        n.attributes.emplace_back(localName(attrs[i]), attrs[i + 1]);
    if (b->stack.empty()) {
        b->root = std::move(n);
        b->stack.push_back(&b->root);
    } else {
        auto &kids = b->stack.back()->children;
        kids.push_back(std::move(n));
        b->stack.push_back(&kids.back());
    }
}

void onEnd(void *data, const char *)
{
    auto *b = static_cast<Builder *>(data);
    if (!b->tooDeep && !b->stack.empty())
        b->stack.pop_back();
}

void onText(void *data, const char *s, int len)
{
    auto *b = static_cast<Builder *>(data);
    if (!b->tooDeep && !b->stack.empty())
        b->stack.back()->text.append(s, size_t(len));
}

} // namespace

bool parseXml(std::string_view xml, XmlNode &root, std::string &error)
{
    XML_Parser p = XML_ParserCreateNS("UTF-8", kSeparator);
    if (!p) {
        error = "out of memory";
        return false;
    }
    Builder b;
    XML_SetUserData(p, &b);
    XML_SetElementHandler(p, onStart, onEnd);
    XML_SetCharacterDataHandler(p, onText);
    bool ok = XML_Parse(p, xml.data(), int(xml.size()), XML_TRUE) == XML_STATUS_OK;
    if (!ok)
        error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " + std::to_string(XML_GetCurrentLineNumber(p));
    XML_ParserFree(p);
    if (ok && b.tooDeep) {
        error = "elements nested more than " + std::to_string(kMaxDepth) + " deep";
        ok = false;
    }
    if (ok)
        root = std::move(b.root);
    return ok;
}

} // namespace cx::xlsform
