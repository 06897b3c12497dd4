#pragma once
// A bureau for the connection tests and bench/server: BureauFixture's data
// directory, certificates and accounts, and the real `cunxiao-server serve`
// started with the flags a test wants (short deadlines, small pools), its
// log in a file; the server's resident memory; and a fast device (the
// engine's CurlTransport) that enrolls and syncs.
#include "../integration/Fixture.h"

#include "engine/CurlTransport.h"

#include <QProcess>
#include <QStringList>

#include <memory>
#include <string>

namespace cxc {

class ServeProcess
{
public:
    // Starts `serve` on a free loopback port over TLS (plain HTTP when tls is
    // false); fails the process if it does not start.
    ServeProcess(BureauFixture &bureau, const QStringList &flags = {}, bool tls = true);
    ~ServeProcess();
    int port() const { return m_port; }
    std::string url() const { return (m_tls ? "https://localhost:" : "http://localhost:") + std::to_string(m_port); }
    qint64 pid() const { return m_proc.processId(); }
    bool running() const { return m_proc.state() == QProcess::Running; }
    long rssKb() const;  // VmRSS of /proc/PID/status
    QString log() const; // its standard error so far

private:
    QProcess m_proc;
    QString m_logFile;
    int m_port = 0;
    bool m_tls = true;
};

// A device on a fast link: enrolls once, then syncs (nothing changed).
class FastDevice
{
public:
    FastDevice(const std::string &url, const std::string &caFile);
    ~FastDevice();
    long enroll(const std::string &user, const std::string &password); // HTTP status
    long sync();                                                       // HTTP status
    std::string token, device;

private:
    std::unique_ptr<cx::CurlTransport> m_transport;
};

// A bureau with one school "A" and a head "head.a" (password "pw-123456").
void addDemoAccount(BureauFixture &bureau);

} // namespace cxc
