#pragma once
// The event-driven transport behind HttpServer (Boost.Beast on Asio, in
// Connection.cpp): accepts, TLS, parsing under deadlines and limits, the
// worker pools, streaming replies. Beast stays out of this header.
#include "http/HttpServer.h"
#include "http/RouteTable.h"

#include <memory>
#include <string>

namespace cx::server {

class Transport
{
public:
    // Throws cx::Error(Invalid) when the certificate or key cannot be loaded.
    Transport(const HttpOptions &options, RouteTable routes);
    ~Transport();
    int bind(); // throws cx::Error(Invalid)
    bool run(); // until stop()
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace cx::server
