#pragma once
// A TCP proxy on loopback, in its own thread, that can lose replies: in
// drop mode it forwards the request to the server, then cuts the client's
// connection as soon as the reply starts, so the server has applied the
// request and the client never learns it. That is a "lost reply".
#include <QAtomicInt>
#include <QObject>
#include <QTcpServer>
#include <QThread>

class DropProxy : public QObject
{
    Q_OBJECT
public:
    DropProxy(quint16 targetPort);
    ~DropProxy() override;

    quint16 port() const { return m_port; }
    void dropNextReplies(int n) { m_drop.storeRelaxed(n); }
    int dropped() const { return m_dropped.loadRelaxed(); }

private:
    void onConnection();
    QThread m_thread;
    QObject *m_ctx = nullptr;
    QTcpServer *m_server = nullptr;
    quint16 m_target;
    quint16 m_port = 0;
    QAtomicInt m_drop{0};
    QAtomicInt m_dropped{0};
};
