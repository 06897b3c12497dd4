#pragma once
// Loopback: a county's server (tests/server/TestUtil.h County: SQLite, or a
// fresh PostgreSQL database with CX_TEST_PG) behind the real HttpServer's
// routes, and devices (real Engines on their own replica files) that reach it
// through a LoopbackTransport. No processes, no ports: an engine and server
// test runs in milliseconds.
#include "LoopbackTransport.h"

#include "../server/TestUtil.h"

#include "engine/Engine.h"
#include "http/HttpServer.h"
#include "storage/StorePool.h"
#include "sync/FormsValidator.h"

#include <QTemporaryDir>

#include <map>
#include <memory>

namespace cxt {

struct Loopback {
    County county; // schools A, B; head.a, head.a2 (A), teacher.b (B), inspector (A, B), bureau
    cx::server::StorePool stores{[this] { return county.open(); }};
    cx::server::FormsValidator validator;
    std::unique_ptr<cx::server::HttpServer> server;
    QTemporaryDir devices;
    // Faults on a device's link (by device name), looked up at every request:
    // throw cx::Error(Network) to drop the request before the server, or its
    // reply after the server handled it.
    std::map<std::string, LoopbackTransport::LinkFn> beforeServer, afterServer;
    // Replies in the server's place (by device name): return one to answer
    // the request without the server (a 429 or 503), std::nullopt to pass it on.
    std::map<std::string, LoopbackTransport::ReplyFn> substitute;

    Loopback();
    // A device of `user` (password "secret1"), enrolled through the loopback.
    std::unique_ptr<cx::Engine> device(const std::string &user, const std::string &name);
    // The same replica file opened again (as after a restart).
    std::unique_ptr<cx::Engine> reopen(const std::string &name);
    std::string attachmentsDir() const;
    // The replica file of a device (for a RecordQuery over it; its key is testKey()).
    std::string replicaPath(const std::string &name) const;

private:
    std::unique_ptr<cx::Engine> open(const std::string &name);
};

} // namespace cxt
