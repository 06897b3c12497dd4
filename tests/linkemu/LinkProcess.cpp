#include "LinkProcess.h"

#include <QElapsedTimer>
#include <QJsonDocument>

LinkProcess::LinkProcess(quint16 targetPort, const QStringList &args)
{
    m_proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_proc.start(CX_LINKEMU_EXE,
                 args + QStringList{"--target", QStringLiteral("127.0.0.1:%1").arg(targetPort), "--stdin-control"});
    if (!m_proc.waitForStarted(5000))
        qFatal("cannot start %s", CX_LINKEMU_EXE);
    QByteArray first = readLine(5000);
    if (!first.startsWith("LISTENING 127.0.0.1:"))
        qFatal("cunxiao-linkemu said '%s' instead of LISTENING", first.constData());
    m_port = quint16(first.mid(first.lastIndexOf(':') + 1).toUInt());
}

LinkProcess::~LinkProcess()
{
    m_proc.closeWriteChannel(); // linkemu exits at EOF on its control input
    if (!m_proc.waitForFinished(3000))
        m_proc.kill();
}

QString LinkProcess::url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }

QByteArray LinkProcess::readLine(int ms)
{
    QElapsedTimer t;
    t.start();
    while (!m_proc.canReadLine() && t.elapsed() < ms)
        m_proc.waitForReadyRead(10);
    return m_proc.canReadLine() ? m_proc.readLine().trimmed() : QByteArray();
}

QByteArray LinkProcess::command(const QByteArray &c)
{
    m_proc.write(c + "\n");
    m_proc.waitForBytesWritten(2000);
    return readLine(5000);
}

QJsonObject LinkProcess::stats() { return QJsonDocument::fromJson(command("stats")).object(); }
