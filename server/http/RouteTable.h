#pragma once
// What the transport (Connection.cpp) asks of the routes (HttpServer.cpp),
// once a request's headers are in: which route, on which pool, how many body
// bytes it may send, and whether its bearer token is checked before the body
// is read. No Beast here, so the routes compile without it.
#include "http/HttpServer.h"

#include <cstddef>
#include <functional>
#include <string>

namespace cx::server {

constexpr size_t kMaxEnrollBytes = 4 * 1024;                         // a sign-in, before anyone is known
constexpr size_t kMaxAttachmentCheckBytes = 2 * 1024 * 1024;         // "have it?" for up to 10,000 files
constexpr size_t kMaxAttachmentChunkBytes = 1024 * 1024 + 64 * 1024; // one upload chunk (1 MiB) and slack

// A request's headers as the routes see them.
struct RequestHead {
    std::string method;
    std::string path;  // without the query
    std::string query; // after '?', raw
    std::string authorization;
    std::string contentEncoding; // "" or "zstd" by the time a route runs (the transport inflates)
    std::string range;
    std::string peer; // source address (ClientAddress.h)
    std::string app;  // X-Cunxiao-App: the device's app and version, or ""

    std::string queryParam(const std::string &name) const;
};

enum class RoutePool {
    Inline, // cheap, no store: on the I/O thread
    Store,  // the workers (--workers)
    Auth,   // sign-in (--auth-workers): scrypt
};

struct RoutePlan {
    bool found = false;
    RoutePool pool = RoutePool::Store;
    size_t bodyLimit = 0; // on the wire and after inflating
    bool bearer = false;  // authenticate from the headers before reading the body
    bool inflate = true;  // a zstd body is inflated (under bodyLimit) before the route
    // Runs the route on the pool's thread (the body already inflated).
    std::function<HttpReply(const RequestHead &, const std::string &body)> run;
};

struct RouteTable {
    std::function<RoutePlan(const RequestHead &)> plan;
    // On a Store worker: 200 when the head's bearer token is a live device, else the 401/503 reply.
    std::function<HttpReply(const RequestHead &)> authorize;
};

} // namespace cx::server
