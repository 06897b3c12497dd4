#include "DropProxy.h"

#include <QMetaObject>
#include <QTcpSocket>

DropProxy::DropProxy(quint16 targetPort) : m_target(targetPort)
{
    m_ctx = new QObject;
    m_ctx->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_ctx,
        [this] {
            m_server = new QTcpServer();
            m_server->listen(QHostAddress::LocalHost, 0);
            m_port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] { onConnection(); });
        },
        Qt::BlockingQueuedConnection);
}

DropProxy::~DropProxy()
{
    QMetaObject::invokeMethod(
        m_ctx,
        [this] {
            delete m_server;
            m_server = nullptr;
            delete m_ctx;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DropProxy::onConnection()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
        auto pending = std::make_shared<QByteArray>();
        QObject::connect(upstream, &QTcpSocket::connected, client, [upstream, pending] {
            upstream->write(*pending);
            pending->clear();
        });
        QObject::connect(client, &QTcpSocket::readyRead, client, [client, upstream, pending] {
            QByteArray data = client->readAll();
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(data);
            else
                pending->append(data);
        });
        QObject::connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
            QByteArray data = upstream->readAll();
            int left = m_drop.loadRelaxed();
            if (left > 0) {
                m_drop.storeRelaxed(left - 1);
                m_dropped.fetchAndAddRelaxed(1);
                client->abort();
                upstream->abort();
                return;
            }
            client->write(data);
        });
        QObject::connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
        QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    }
}
