#pragma once
// The real transport: libcurl with OpenSSL. One easy handle is kept for the
// engine's life so the connection and the TLS session are reused between
// requests. A transfer is declared dead by lack of progress (low-speed limit),
// never by a total timeout, so a slow upload that moves is never killed.
#include "engine/Transport.h"

typedef void CURL;

namespace cx {

class CurlTransport : public Transport
{
public:
    explicit CurlTransport(TransportOptions options);
    ~CurlTransport() override;

    HttpReply post(const std::string &path, const std::string &body, const std::string &bearerToken) override;
    HttpReply send(const HttpRequest &r) override; // any method (attachments: PUT, GET with Range)
    const TransportOptions &options() const { return m_options; }

private:
    TransportOptions m_options;
    CURL *m_curl = nullptr;
};

} // namespace cx
