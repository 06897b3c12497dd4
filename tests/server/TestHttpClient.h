#pragma once
// What the server tests' HTTP client (cpp-httplib) shares: a reply's JSON,
// zstd-decoded when the server compressed it.
#include "protocol/Compression.h"
#include "protocol/Json.h"

#include <httplib.h>

namespace cxt {

inline cx::Json replyJson(const httplib::Result &r)
{
    if (!r)
        return cx::Json();
    if (r->get_header_value("Content-Encoding") == "zstd")
        return cx::Json::parse(cx::decompress(r->body));
    return cx::Json::parse(r->body);
}

} // namespace cxt
