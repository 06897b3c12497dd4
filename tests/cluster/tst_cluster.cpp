// A province's shape end to end (issue 12 item 6): two `cunxiao-server serve`
// processes on one real PostgreSQL behind a real HAProxy (TLS passed through,
// health checks on /v1/health), devices of two schools syncing through the
// balancer with no sticky sessions, while one instance is killed with SIGKILL
// and started again. Afterwards the server holds every acknowledged write
// exactly once, no device lost anything, every device converged; and an
// attachment upload begun on one instance finishes on the other.
//
// Needs CX_TEST_PG (the ctest fixture of tests/postgres starts the cluster).
#include "Fixture.h"

#include "engine/CurlTransport.h"
#include "engine/Replica.h"
#include "TestKey.h"
#include "protocol/Crypto.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool accepts(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(500);
}

// One `serve` instance on a fixed port (so the balancer's config stays true
// across a restart).
struct Instance {
    QString location, cert, key;
    quint16 port = 0;
    std::unique_ptr<QProcess> proc;

    void start()
    {
        proc = std::make_unique<QProcess>();
        proc->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        proc->start(CX_SERVER_EXE, {"serve", location, "--listen", QString("127.0.0.1:%1").arg(port), "--tls-cert", cert,
                                    "--tls-key", key, "--threads", "2"});
        QVERIFY(proc->waitForStarted(10000));
        QByteArray out;
        for (int i = 0; i < 300 && !out.contains("listening on"); ++i) {
            proc->waitForReadyRead(100);
            out += proc->readAllStandardOutput();
            QVERIFY2(proc->state() == QProcess::Running, "cunxiao-server serve exited at start");
        }
        QVERIFY2(out.contains("listening on"), out.constData());
    }
    void kill9()
    {
        proc->kill(); // SIGKILL
        proc->waitForFinished(5000);
    }
    ~Instance()
    {
        if (proc && proc->state() != QProcess::NotRunning) {
            proc->terminate();
            if (!proc->waitForFinished(5000))
                proc->kill();
            proc->waitForFinished(2000);
        }
    }
};

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT
private slots:
    void twoInstancesBehindHaproxy()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CX_TEST_PG"), "CX_TEST_PG is not set (run under ctest)");
        BureauFixture b(true);
        QVERIFY2(b.location().startsWith("postgres"), qPrintable("the fixture did not make a database: " + b.location()));
        b.addSchool("A", "甲校");
        b.addSchool("B", "乙校");
        b.addUser("head.a", "head", "A");
        b.addUser("teacher.a", "teacher", "A");
        b.addUser("head.b", "head", "B");
        b.addUser("teacher.b", "teacher", "B");

        Instance one{b.location(), b.path("server.pem"), b.path("server.key"), freePort(), {}};
        Instance two{b.location(), b.path("server.pem"), b.path("server.key"), freePort(), {}};
        one.start();
        two.start();

        const quint16 lb = freePort();
        QFile cfg(b.path("haproxy.cfg"));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(QString(R"(global
  maxconn 4096
defaults
  mode tcp
  timeout connect 2s
  timeout client 120s
  timeout server 120s
frontend devices
  bind 127.0.0.1:%1
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /v1/health
  http-check expect status 200
  default-server check check-ssl verify none inter 300ms fall 2 rise 1
  server one 127.0.0.1:%2
  server two 127.0.0.1:%3
)")
                      .arg(lb)
                      .arg(one.port)
                      .arg(two.port)
                      .toUtf8());
        cfg.close();
        QProcess haproxy;
        haproxy.setProcessChannelMode(QProcess::ForwardedChannels);
        haproxy.start("haproxy", {"-db", "-f", cfg.fileName()});
        QVERIFY2(haproxy.waitForStarted(10000), "haproxy is not installed (Makefile PACKAGES)");
        for (int i = 0; i < 100 && !accepts(lb); ++i)
            QTest::qWait(100);
        QVERIFY(accepts(lb));
        QTest::qWait(800); // both instances passed a health check
        const QString url = QString("https://localhost:%1").arg(lb);

        const QStringList users = {"head.a", "teacher.a", "head.b", "teacher.b"};
        for (const QString &u : users)
            b.enroll(u + ".db", u, "pw-123456", url);

        // Each device writes new records and syncs, over and over, from its
        // own thread (every cunxiao-cli run is a new connection: round robin).
        std::mutex m;
        std::map<QString, QString> ledger; // record id -> tag, every put that exited 0
        QStringList problems;
        std::atomic<int> failedSyncs{0}, okSyncs{0};
        std::atomic<bool> stop{false};
        auto work = [&](const QString &user) {
            for (int round = 0; !stop && round < 400; ++round) {
                for (int k = 0; k < 2; ++k) {
                    const QString tag = QString("%1-%2-%3").arg(user).arg(round).arg(k);
                    CliResult r = b.cli(user + ".db", {"put", "pupils", "-", "name=学生" + tag, "tag=" + tag});
                    std::lock_guard g(m);
                    if (r.exitCode != 0)
                        problems << "put " + tag + " exited " + QString::number(r.exitCode) + ": " + r.err;
                    else
                        ledger[r.out.trimmed()] = tag;
                }
                CliResult s = b.cli(user + ".db", {"sync", "--retries", "0"});
                if (s.exitCode == 0)
                    ++okSyncs;
                else if (s.exitCode == 3)
                    ++failedSyncs; // the instance died under it: the next sync repeats
                else {
                    std::lock_guard g(m);
                    problems << "sync of " + user + " exited " + QString::number(s.exitCode) + ": " + s.err;
                }
            }
        };
        std::vector<std::thread> threads;
        for (const QString &u : users)
            threads.emplace_back(work, u);

        auto waitSyncs = [&](int n) {
            const int target = okSyncs + n;
            for (int i = 0; i < 600 && okSyncs < target; ++i)
                QTest::qWait(100);
        };
        waitSyncs(8);
        one.kill9();  // mid-traffic: requests on it are cut
        waitSyncs(8); // the balancer sends everyone to the other
        one.start();  // back, on the same port
        waitSyncs(8);
        two.kill9(); // now the other one
        waitSyncs(8);
        two.start();
        waitSyncs(8);
        stop = true;
        for (auto &t : threads)
            t.join();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
        QVERIFY(okSyncs >= 40);

        // Settle: every device syncs until nothing is pending, twice round.
        for (int pass = 0; pass < 2; ++pass)
            for (const QString &u : users) {
                CliResult s = b.cli(u + ".db", {"sync"});
                QVERIFY2(s.exitCode == 0, qPrintable(u + ": " + s.err));
            }

        // The server holds every acknowledged write exactly once.
        QJsonObject onServer = b.serverRecords("pupils");
        std::map<QString, int> tags;
        for (auto it = onServer.begin(); it != onServer.end(); ++it)
            tags[it.value().toObject()["fields"].toObject()["tag"].toString()]++;
        QCOMPARE(int(onServer.size()), int(ledger.size()));
        for (const auto &[id, tag] : ledger) {
            QVERIFY2(onServer.contains(id), qPrintable("not on the server: " + tag));
            QVERIFY2(tags[tag] == 1, qPrintable(tag + " is on the server " + QString::number(tags[tag]) + " times"));
        }
        // Every device converged: nothing pending, and exactly its school's records.
        for (const QString &u : users) {
            CliResult st = b.cli(u + ".db", {"status", "--json"});
            QCOMPARE(st.exitCode, 0);
            QCOMPARE(st.json().object()["pending"].toInt(), 0);
            CliResult list = b.cli(u + ".db", {"list", "pupils"});
            QCOMPARE(list.exitCode, 0);
            std::set<QString> mine;
            for (const QString &line : list.out.split('\n', Qt::SkipEmptyParts))
                mine.insert(QJsonDocument::fromJson(line.toUtf8()).object()["id"].toString());
            const QString school = u.endsWith(".a") ? "A" : "B";
            std::set<QString> expected;
            for (auto it = onServer.begin(); it != onServer.end(); ++it)
                if (it.value().toObject()["school"].toString() == school)
                    expected.insert(it.key());
            QVERIFY2(mine == expected, qPrintable(u + " did not converge"));
        }
        qInfo("%d syncs through the balancer, %d cut by a killed instance and repeated; %d records", int(okSyncs),
              int(failedSyncs), int(ledger.size()));

        // An upload begun on one instance resumes on the other.
        cx::Replica rep(b.path("head.a.db").toStdString(), cliKey(b.path("head.a.db").toStdString()));
        const std::string token = rep.meta("token").value_or("");
        QVERIFY(!token.empty());
        std::string photo(300 * 1024, '\0');
        for (size_t i = 0; i < photo.size(); ++i)
            photo[i] = char((i * 2654435761u) >> 13);
        const std::string sha = cx::sha256Hex(photo);
        auto put = [&](quint16 port, size_t from, size_t len) {
            cx::TransportOptions o;
            o.baseUrl = "https://localhost:" + std::to_string(port);
            o.caFile = b.caFile().toStdString();
            cx::CurlTransport t(o);
            cx::HttpRequest r;
            r.method = "PUT";
            r.path = "/v1/attachments/" + sha + "?offset=" + std::to_string(from) + "&size=" + std::to_string(photo.size());
            r.body = photo.substr(from, len);
            r.contentType = "application/octet-stream";
            r.contentEncoding = "";
            r.bearerToken = token;
            return t.send(r);
        };
        cx::HttpReply first = put(one.port, 0, 100 * 1024);
        QVERIFY2(first.status == 200, first.body.c_str());
        cx::HttpReply second = put(two.port, 100 * 1024, photo.size() - 100 * 1024);
        QVERIFY2(second.status == 200, second.body.c_str()); // instance two knew where one had stopped
        cx::TransportOptions o;
        o.baseUrl = url.toStdString();
        o.caFile = b.caFile().toStdString();
        cx::CurlTransport t(o);
        cx::HttpRequest get;
        get.method = "GET";
        get.path = "/v1/attachments/" + sha;
        get.bearerToken = token;
        cx::HttpReply back = t.send(get);
        QCOMPARE(back.status, 200L);
        QVERIFY(back.body == photo);

        haproxy.terminate();
        haproxy.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
