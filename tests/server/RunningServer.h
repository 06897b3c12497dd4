#pragma once
// A real HttpServer on a loopback port, in the test's process, over a County
// store (TestUtil.h); stopped and joined when it goes out of scope.
#include "TestUtil.h"

#include "http/HttpServer.h"

#include <memory>
#include <thread>

namespace cxt {

struct RunningServer {
    County county;
    AcceptAll validator;
    StorePool stores{[this] { return county.open(); }};
    std::unique_ptr<HttpServer> server;
    std::thread thread;
    int port = 0;

    // DATA_DIR/attachments, or (PostgreSQL) the database itself, as `serve` does.
    std::string attachmentsDir() const
    {
        return county.postgres() ? county.db.uri() : (county.dir.path() + "/attachments").toStdString();
    }

    // attachments: serve /v1/attachments from attachmentsDir().
    explicit RunningServer(HttpOptions opt = {}, bool attachments = false)
    {
        opt.log = false;
        if (attachments)
            opt.attachmentsDir = attachmentsDir();
        server = std::make_unique<HttpServer>(stores, validator, opt);
        port = server->bind();
        thread = std::thread([this] { server->run(); });
    }
    ~RunningServer()
    {
        server->stop();
        thread.join();
    }
};

} // namespace cxt
