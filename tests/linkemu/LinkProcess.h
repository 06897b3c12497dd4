#pragma once
// A cunxiao-linkemu process in front of a local server, for the Qt tests and
// benchmarks that sync through it (tst_village, bench_sync): started with its
// options, driven by its stdin control commands (docs/linkemu.md), stopped at
// destruction. Fails the process (qFatal) if the emulator does not start.
#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

class LinkProcess
{
public:
    // args: linkemu options such as {"--profile", "village"} or {"--kbps", "2000", "--cut-every", "24K"}.
    LinkProcess(quint16 targetPort, const QStringList &args);
    ~LinkProcess();
    LinkProcess(const LinkProcess &) = delete;
    LinkProcess &operator=(const LinkProcess &) = delete;

    // https://127.0.0.1:PORT: the test certificates name IP 127.0.0.1.
    QString url() const;
    quint16 port() const { return m_port; }
    // One control command ("cut", "stats", ...) and its one-line answer.
    QByteArray command(const QByteArray &c);
    // The link's counters (bytes_up, bytes_down, cuts, connections_accepted, ...).
    QJsonObject stats();

private:
    QByteArray readLine(int ms);
    QProcess m_proc;
    quint16 m_port = 0;
};
