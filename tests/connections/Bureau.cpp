#include "Bureau.h"

#include "protocol/Compression.h"
#include "protocol/Messages.h"
#include "protocol/Uuid.h"

#include <QFile>
#include <QRegularExpression>

#include <fstream>

namespace cxc {

ServeProcess::ServeProcess(BureauFixture &bureau, const QStringList &flags, bool tls) : m_tls(tls)
{
    m_logFile = bureau.path("serve-" + QString::number(reinterpret_cast<quintptr>(this), 16) + ".log");
    m_proc.setStandardErrorFile(m_logFile); // thousands of log lines must never fill a pipe
    QStringList args = {"serve", bureau.dataDir(), "--listen", "127.0.0.1:0"};
    if (tls)
        args += {"--tls-cert", bureau.path("server.pem"), "--tls-key", bureau.path("server.key")};
    args += flags;
    m_proc.start(CX_SERVER_EXE, args);
    if (!m_proc.waitForStarted(10000))
        qFatal("cannot start cunxiao-server");
    QByteArray out;
    QRegularExpression re("listening on \\S+:(\\d+)");
    for (int i = 0; i < 300; ++i) {
        m_proc.waitForReadyRead(100);
        out += m_proc.readAllStandardOutput();
        auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = m.captured(1).toInt();
            return;
        }
        if (m_proc.state() == QProcess::NotRunning)
            break;
    }
    qFatal("cunxiao-server did not start: %s %s", out.constData(), qPrintable(log()));
}

ServeProcess::~ServeProcess()
{
    if (m_proc.state() != QProcess::NotRunning) {
        m_proc.terminate();
        if (!m_proc.waitForFinished(10000)) {
            m_proc.kill();
            m_proc.waitForFinished(5000);
        }
    }
}

long ServeProcess::rssKb() const
{
    std::ifstream in("/proc/" + std::to_string(pid()) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return -1;
}

QString ServeProcess::log() const
{
    QFile f(m_logFile);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

FastDevice::FastDevice(const std::string &url, const std::string &caFile)
{
    cx::TransportOptions o;
    o.baseUrl = url;
    o.caFile = caFile;
    m_transport = std::make_unique<cx::CurlTransport>(o);
}

FastDevice::~FastDevice() = default;

long FastDevice::enroll(const std::string &user, const std::string &password)
{
    device = cx::uuidV7();
    cx::EnrollRequest req{cx::kProtocolVersion, user, password, device, "fast phone"};
    cx::HttpReply r = m_transport->post("/v1/enroll", cx::compress(req.toJson().dump()), {});
    if (r.status == 200)
        token = cx::EnrollResponse::fromJson(cx::Json::parse(cx::decompress(r.body))).token;
    return r.status;
}

long FastDevice::sync()
{
    cx::SyncRequest req;
    req.device = device;
    cx::HttpReply r = m_transport->post("/v1/sync", cx::compress(req.toJson().dump()), token);
    return r.status;
}

void addDemoAccount(BureauFixture &bureau)
{
    bureau.addSchool("A", "龙泉镇中心学校");
    bureau.addUser("head.a", "head", "A");
}

} // namespace cxc
