// Bad input and bad conditions, with the real processes:
//   - bad server replies (garbage, truncated, a zstd bomb past 64 MiB, wrong
//     types, another protocol version, nesting deep enough to overflow a stack,
//     an acknowledgement of changes never made): cunxiao-cli sync exits non-zero
//     with one clear line, applies nothing (list and cursor unchanged) and keeps
//     its outbox (pending + sent unchanged), and the same edits reach the real
//     server once it answers again;
//   - a full disk while a page is applied (ENOSPC from fulldisk_preload.c, always;
//     a small tmpfs too, as root): a clear "disk is full", the page rolled back
//     (records held = records up to the cursor), the edit kept as typed, and the
//     sync completes once there is room;
//   - a damaged local database: refused at open with a clear error;
//   - an import file with bad lines: every line number and reason, nothing imported.
// Replies are crafted by SwitchProxy: a small HTTP proxy in its own thread that
// forwards to the real server, or answers /v1/sync itself when told to.
#include "TestKey.h"
#include "engine/Sqlite.h"
#include "../integration/Fixture.h"

#include "protocol/Compression.h"
#include "protocol/Messages.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

#include <sqlite3.h>

#include <atomic>
#include <functional>
#include <optional>

namespace {

// A blocking HTTP/1.1 proxy on loopback in its own thread, one connection at a time.
class SwitchProxy : public QThread
{
public:
    explicit SwitchProxy(quint16 target) : m_target(target)
    {
        start();
        m_ready.acquire();
    }
    ~SwitchProxy() override
    {
        m_stop = true;
        wait();
    }
    quint16 port() const { return m_port; }
    // The raw HTTP reply every /v1/sync gets (not forwarded) until cleared.
    void craft(const QByteArray &rawReply)
    {
        QMutexLocker l(&m_mutex);
        m_crafted = rawReply;
    }
    void forward()
    {
        QMutexLocker l(&m_mutex);
        m_crafted.reset();
    }
    int craftedServed() const { return m_served; }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        m_ready.release();
        while (!m_stop) {
            if (!server.waitForNewConnection(50))
                continue;
            while (QTcpSocket *c = server.nextPendingConnection()) {
                serve(c);
                delete c;
            }
        }
    }

private:
    static bool readMessage(QTcpSocket *s, QByteArray &head, QByteArray &body, int timeoutMs = 20000)
    {
        QByteArray buf;
        int end;
        while ((end = buf.indexOf("\r\n\r\n")) < 0) {
            if (s->bytesAvailable() == 0 && !s->waitForReadyRead(timeoutMs))
                return false;
            buf += s->readAll();
        }
        head = buf.left(end + 4);
        body = buf.mid(end + 4);
        qint64 length = 0;
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        while (body.size() < length) {
            if (s->bytesAvailable() == 0 && !s->waitForReadyRead(timeoutMs))
                return false;
            body += s->readAll();
        }
        return true;
    }

    void serve(QTcpSocket *c)
    {
        for (;;) {
            QByteArray head, body;
            if (!readMessage(c, head, body, 2000))
                return;
            QByteArray path = head.left(head.indexOf("\r\n")).split(' ').value(1);
            std::optional<QByteArray> crafted;
            {
                QMutexLocker l(&m_mutex);
                crafted = m_crafted;
            }
            QByteArray reply;
            if (crafted && path == "/v1/sync") {
                reply = *crafted;
                ++m_served;
            } else {
                QTcpSocket up;
                up.connectToHost(QHostAddress::LocalHost, m_target);
                if (!up.waitForConnected(5000))
                    return;
                up.write(head + body);
                up.waitForBytesWritten(5000);
                QByteArray rh, rb;
                if (!readMessage(&up, rh, rb, 60000))
                    return;
                reply = rh + rb;
            }
            c->write(reply);
            while (c->bytesToWrite() > 0)
                if (!c->waitForBytesWritten(20000))
                    return;
        }
    }

    quint16 m_target;
    quint16 m_port = 0;
    QSemaphore m_ready;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_served{0};
    QMutex m_mutex;
    std::optional<QByteArray> m_crafted;
};

QByteArray httpReply(int status, const QByteArray &body, const QByteArray &encoding = "zstd")
{
    QByteArray r = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n";
    if (!encoding.isEmpty())
        r += "Content-Encoding: " + encoding + "\r\n";
    r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    return r + body;
}

QByteArray zstd(const std::string &text)
{
    std::string c = cx::compress(text);
    return QByteArray(c.data(), qsizetype(c.size()));
}

// A reply that would be applied if it were believed: it carries a record "evil-1".
cx::Json plausibleReply()
{
    cx::Json evil = {{"c", "pupils"},        {"id", "evil-1"},          {"school", "S1"},
                     {"seq", 999999},        {"f", {{"name", "EVIL"}}}, {"v", {{"name", "0190000000000001-0"}}},
                     {"by", {{"name", "x"}}}};
    return cx::Json{{"protocol", 1},
                    {"server_time", 1764000000000},
                    {"acked", 0},
                    {"rejected", cx::Json::array()},
                    {"applied", cx::Json::array()},
                    {"changes", cx::Json::array({evil})},
                    {"cursor", {{"S1", 999999}, {"*", 999999}}},
                    {"more", false},
                    {"checksums", cx::Json::object()},
                    {"scopes", {"S1", "*"}}};
}

QString sqliteOne(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    QString out;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        keyForReading(db, path.toStdString())) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        else
            out = QString("<error: %1>").arg(sqlite3_errmsg(db));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

    std::unique_ptr<BureauFixture> b;
    std::unique_ptr<SwitchProxy> proxy;
    int m_counter = 0;
    bool m_bigImported = false;

    struct Snapshot {
        QMap<QString, QJsonValue> fields; // id -> fields
        QJsonObject cursor;
        int unsent = 0; // pending + sent
        int pending = 0;
    };

    Snapshot snapshot(const QString &db)
    {
        Snapshot s;
        CliResult l = b->cli(db, {"list", "pupils"});
        for (const QString &line : l.out.split('\n', Qt::SkipEmptyParts)) {
            QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            s.fields[o["id"].toString()] = o["fields"];
        }
        QJsonObject st = b->cli(db, {"status", "--json"}).json().object();
        s.cursor = st["cursor"].toObject();
        s.unsent = st["pending"].toInt() + st["sent"].toInt();
        s.pending = st["pending"].toInt();
        return s;
    }

    int serverCount(const QString &uniq)
    {
        QString out = runTool(CX_SERVER_EXE, {"export", b->dataDir(), "pupils", "--format", "jsonl"});
        int n = 0;
        for (const QString &line : out.split('\n', Qt::SkipEmptyParts))
            if (QJsonDocument::fromJson(line.toUtf8()).object()["fields"].toObject()["uniq"].toString() == uniq)
                ++n;
        return n;
    }

    static void checkOneLineError(const CliResult &r, const QString &expect)
    {
        QVERIFY2(r.exitCode > 0, qPrintable(QString("exit %1 (crash = -1): %2").arg(r.exitCode).arg(r.err)));
        QString err = r.err;
        QVERIFY2(err.endsWith('\n') && err.count('\n') == 1, qPrintable("not one line: " + err));
        QVERIFY2(err.startsWith("cunxiao-cli: "), qPrintable(err));
        QVERIFY2(err.size() < 400, qPrintable("too long: " + err.left(400)));
        QVERIFY2(err.contains(expect, Qt::CaseInsensitive), qPrintable(QString("expected \"%1\" in: %2").arg(expect, err)));
    }

    // ~3 MB of pupils on the server, imported by the bureau (once).
    void importBigSchool()
    {
        if (m_bigImported)
            return;
        QFile f(b->path("big.jsonl"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QString pad = QString(1500, QChar(u'学'));
        for (int i = 0; i < 700; ++i)
            f.write(
                QString("{\"collection\":\"pupils\",\"fields\":{\"name\":\"big%1\",\"pad\":\"%2\"}}\n").arg(i).arg(pad).toUtf8());
        f.close();
        runTool(CX_SERVER_EXE, {"import", b->dataDir(), "--school", "S1", b->path("big.jsonl")});
        m_bigImported = true;
    }

    // `SELECT id ... ORDER BY id` of a database file, joined: the ids held.
    static QString ids(const QString &file, const QString &where)
    {
        return sqliteOne(file, "SELECT count(*) || ':' || coalesce(group_concat(id, ','), '') FROM "
                               "(SELECT id FROM records WHERE " +
                                   where + " ORDER BY id)");
    }

    // A full disk while a page is applied, however the disk was filled: `full`
    // runs cunxiao-cli on the replica while the disk is full, `makeRoom` gives
    // the space back. The page is rolled back with a clear error, nothing the
    // person typed is lost, the replica is consistent, and once there is room
    // the sync completes with the edit on the server once.
    void fullDiskScenario(const QString &db, const QString &uniq,
                          const std::function<CliResult(const QStringList &, const QByteArray &)> &full,
                          const std::function<void()> &makeRoom)
    {
        importBigSchool();
        CliResult en =
            full({"enroll", QString("http://127.0.0.1:%1").arg(b->port()), "--user", "head1", "--password-stdin"}, "pw-123456\n");
        QVERIFY2(en.exitCode == 0, qPrintable(en.err));
        CliResult put = full({"put", "pupils", "-", "uniq=" + uniq, "name=满"}, {});
        QVERIFY2(put.exitCode == 0, qPrintable(put.err));
        const QString id = put.out.trimmed();
        QVERIFY(!id.isEmpty());
        CliResult r = full({"sync"}, {});
        checkOneLineError(r, "disk is full");
        if (QTest::currentTestFailed())
            return;

        // The failed page was rolled back: exactly the server's records up to the cursor are held.
        const QString file = b->path(db);
        auto checkRolledBack = [&] {
            QCOMPARE(sqliteOne(file, "PRAGMA integrity_check"), QString("ok"));
            QString cursor = sqliteOne(file, "SELECT cursor FROM scopes WHERE school='S1'");
            if (cursor.isEmpty())
                cursor = "0";
            // (The pushed edit comes back in "applied" with a newer seq: it is held too.)
            QString held = sqliteOne(file, QString("SELECT count(*) FROM records WHERE school='S1' AND collection='pupils' "
                                                   "AND seq>0 AND seq<=%1")
                                               .arg(cursor));
            QVERIFY(sqliteOne(file, QString("SELECT count(*) FROM records WHERE seq>%1").arg(cursor)).toInt() <= 1);
            QString expected = sqliteOne(
                b->dataDir() + "/cunxiao.db",
                QString("SELECT count(*) FROM records WHERE school='S1' AND collection='pupils' AND seq<=%1").arg(cursor));
            qInfo("disk full after %s of 700+ pupils (cursor %s)", qPrintable(held), qPrintable(cursor));
            QCOMPARE(held, expected);
            QVERIFY(held.toInt() < 700);
            // Record by record, not only their number.
            const QString upTo = QString("school='S1' AND collection='pupils' AND seq>0 AND seq<=%1").arg(cursor);
            QCOMPARE(ids(file, upTo), ids(b->dataDir() + "/cunxiao.db", upTo));
        };
        checkRolledBack();
        if (QTest::currentTestFailed())
            return;
        // The edit is either still in the outbox or was acknowledged by an earlier cycle.
        QVERIFY(sqliteOne(file, "SELECT count(*) FROM outbox") == "1" || serverCount(uniq) == 1);
        // Nothing typed is lost: the person still sees the edit, read while the disk is still full.
        CliResult g = full({"get", "pupils", id}, {});
        QVERIFY2(g.exitCode == 0, qPrintable(g.err));
        const QJsonObject rec = g.json().object();
        QCOMPARE(rec["fields"].toObject()["uniq"].toString(), uniq);
        QCOMPARE(rec["fields"].toObject()["name"].toString(), QString("满"));
        QVERIFY2(QStringList({"pending", "sent", "confirmed"}).contains(rec["state"].toString()), qPrintable(g.out));
        // Still full: another try may apply a page or two more (the write-ahead log
        // was checkpointed in between) but fails the same way, rolled back again.
        checkOneLineError(full({"sync"}, {}), "disk is full");
        checkRolledBack();
        if (QTest::currentTestFailed())
            return;

        // Room again: the sync completes with everything.
        makeRoom();
        CliResult ok = b->cli(db, {"sync", "--json"});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY(ok.json().object()["complete"].toBool());
        QCOMPARE(serverCount(uniq), 1);
        const QJsonObject onServer = b->serverRecords("pupils");
        QCOMPARE(onServer[id].toObject()["fields"].toObject()["name"].toString(), QString("满"));
        CliResult list = b->cli(db, {"list", "pupils"});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(int(list.out.count('\n')), int(onServer.size()));
        CliResult after = b->cli(db, {"get", "pupils", id});
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(after.json().object()["state"].toString(), QString("confirmed"));
        // Every record as the server has it, field by field.
        QJsonObject heldFields, serverFields;
        for (const QString &line : list.out.split('\n', Qt::SkipEmptyParts)) {
            QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            heldFields[o["id"].toString()] = o["fields"];
        }
        for (auto it = onServer.begin(); it != onServer.end(); ++it)
            serverFields[it.key()] = it.value().toObject()["fields"];
        QVERIFY(heldFields == serverFields);
        QCOMPARE(sqliteOne(file, "PRAGMA integrity_check"), QString("ok"));
        QCOMPARE(snapshot(db).unsent, 0);
    }

    // cunxiao-cli with an environment of its own.
    CliResult cliWith(const QString &db, const QStringList &args, const QByteArray &stdinData, const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(CX_CLI_EXE, QStringList{"--db", b->path(db)} + args);
        CliResult r;
        if (!p.waitForStarted(10000))
            return r;
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private slots:
    void initTestCase()
    {
        b = std::make_unique<BureauFixture>(false);
        b->addSchool("S1", "红旗村完小");
        b->addUser("head1", "head", "S1");
        b->addUser("teacher1", "teacher", "S1");
        b->start();
        proxy = std::make_unique<SwitchProxy>(b->port());
        b->enroll("dev.db", "head1", "pw-123456", QString("http://127.0.0.1:%1").arg(proxy->port()));
        // Something on the server to pull, from another device.
        b->enroll("other.db", "teacher1");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(b->cli("other.db", {"put", "pupils", "-", QString("name=other%1").arg(i)}).exitCode, 0);
        QCOMPARE(b->cli("other.db", {"sync"}).exitCode, 0);
        QCOMPARE(b->cli("dev.db", {"sync"}).exitCode, 0);
    }

    void badReply_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("expect");
        cx::Json good = plausibleReply();
        const std::string text = good.dump();

        QByteArray noise;
        for (int i = 0; i < 3000; ++i)
            noise += char((i * 7919 + 13) & 0xff);
        QTest::newRow("garbage bytes") << httpReply(200, noise) << "corrupt compressed body";
        QTest::newRow("garbage text") << httpReply(200, zstd("<html>502 Bad Gateway</html>")) << "not valid JSON";
        QTest::newRow("garbage uncompressed") << httpReply(200, "{{{{", "") << "not valid JSON";
        QByteArray full = zstd(text);
        QTest::newRow("truncated compressed") << httpReply(200, full.left(full.size() / 2)) << "compressed body";
        QTest::newRow("truncated json") << httpReply(200, zstd(text.substr(0, text.size() / 2))) << "not valid JSON";
        QTest::newRow("unknown encoding") << httpReply(200, "xx", "br") << "unknown encoding";
        {
            // 65 MiB of spaces compress to a few KB: a zstd bomb past the 64 MiB limit.
            std::string bomb = "{\"protocol\":1," + std::string(65u << 20, ' ') + "}";
            QTest::newRow("zstd bomb") << httpReply(200, zstd(bomb)) << "expands past";
        }
        {
            cx::Json j = good;
            j["acked"] = "3";
            QTest::newRow("acked a string") << httpReply(200, zstd(j.dump())) << "acked";
        }
        {
            cx::Json j = good;
            j["changes"] = cx::Json::object();
            QTest::newRow("changes an object") << httpReply(200, zstd(j.dump())) << "changes";
        }
        {
            cx::Json j = good;
            j["changes"][0]["seq"] = -5;
            QTest::newRow("negative seq") << httpReply(200, zstd(j.dump())) << "seq";
        }
        {
            cx::Json j = good;
            j["changes"][0]["v"]["name"] = "yesterday";
            QTest::newRow("bad version") << httpReply(200, zstd(j.dump())) << "version";
        }
        {
            cx::Json j = good;
            j.erase("more");
            QTest::newRow("missing more") << httpReply(200, zstd(j.dump())) << "more";
        }
        {
            QTest::newRow("array instead of object") << httpReply(200, zstd("[1,2,3]")) << "not an object";
        }
        {
            cx::Json j = good;
            j["protocol"] = 2;
            QTest::newRow("protocol 2 at 200") << httpReply(200, zstd(j.dump())) << "protocol version 2";
        }
        {
            cx::Json e = {{"error", "version"}, {"message", "this server speaks protocol 2"}, {"server_protocol", 2}};
            QTest::newRow("426 from a newer server") << httpReply(426, zstd(e.dump())) << "speaks protocol 2";
        }
        QTest::newRow("500 with garbage") << httpReply(500, "\x01\x02garbage") << "HTTP 500";
        {
            cx::Json j = good;
            j["acked"] = 100000;
            QTest::newRow("acks changes never made") << httpReply(200, zstd(j.dump())) << "acknowledges change";
        }
        {
            // A few hundred bytes compressed, 600 KB of "[[[[": copying the parsed
            // value recursed once per level and overflowed the stack (a crash).
            std::string deep = std::string(300000, '[') + std::string(300000, ']');
            std::string t = text;
            t.replace(t.find("\"EVIL\""), 6, deep);
            QTest::newRow("deep nesting") << httpReply(200, zstd(t)) << "deeper than";
        }
    }

    void badReply()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, expect);
        const QString uniq = QString("edit%1").arg(++m_counter);
        QCOMPARE(b->cli("dev.db", {"put", "pupils", "-", "uniq=" + uniq, "name=王" + uniq}).exitCode, 0);
        Snapshot before = snapshot("dev.db");
        QVERIFY(before.pending >= 1);

        proxy->craft(reply);
        int served = proxy->craftedServed();
        CliResult r = b->cli("dev.db", {"sync"});
        proxy->forward();
        QVERIFY(proxy->craftedServed() > served);
        checkOneLineError(r, expect);
        if (QTest::currentTestFailed())
            return;

        Snapshot after = snapshot("dev.db");
        QCOMPARE(after.fields, before.fields); // nothing applied (no "evil-1", nothing changed)
        QVERIFY(!after.fields.contains("evil-1"));
        QCOMPARE(after.cursor, before.cursor); // cursor unchanged
        QCOMPARE(after.unsent, before.unsent); // the outbox intact (pending ones now "sent")

        // The real server again: the same edits go through, once.
        CliResult ok = b->cli("dev.db", {"sync", "--json"});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(serverCount(uniq), 1);
        QCOMPARE(snapshot("dev.db").unsent, 0);
    }

    // The full disk made without privileges, so that it always runs: cunxiao-cli
    // with fulldisk_preload.c, whose writes growing the replica's directory past
    // 700 KB fail with ENOSPC, as on a full file system.
    void fullDiskWhileApplyingAPage()
    {
        const QString dir = b->path("quota");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::exists(CX_FULLDISK_PRELOAD));
        QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
        full.insert("LD_PRELOAD", CX_FULLDISK_PRELOAD);
        full.insert("CX_FULLDISK_DIR", QDir(dir).canonicalPath());
        full.insert("CX_FULLDISK_BYTES", QString::number(700 * 1024));
        // Under ASan (make asan) the sanitizer runtime is not first in the list any more.
        const QString asan = full.value("ASAN_OPTIONS");
        full.insert("ASAN_OPTIONS", (asan.isEmpty() ? "" : asan + ":") + "verify_asan_link_order=0");
        const QString db = "quota/full.db";
        fullDiskScenario(
            db, "fulldisk-enospc", [&](const QStringList &args, const QByteArray &in) { return cliWith(db, args, in, full); },
            [&] {
                // The quota held while the disk was "full"; room again: the
                // next processes run without the library.
                qint64 n = 0;
                for (const QFileInfo &fi : QDir(dir).entryInfoList(QDir::Files))
                    n += fi.size();
                QVERIFY2(n <= 700 * 1024, qPrintable(QString("%1 bytes in %2").arg(n).arg(dir)));
            });
    }

    // The same on a real 700 KB tmpfs, when this process may mount one (root,
    // not in an unprivileged container).
    void fullDiskWhileApplyingAPageOnTmpfs()
    {
        const QString mnt = b->path("small");
        QDir().mkpath(mnt);
        int rc = -1;
        runTool("mount", {"-t", "tmpfs", "-o", "size=700k", "tmpfs", mnt}, {}, &rc);
        if (rc != 0)
            QSKIP("cannot mount a small tmpfs here (needs root); fullDiskWhileApplyingAPage ran without one");
        struct Unmount {
            QString m;
            ~Unmount()
            {
                int x;
                runTool("umount", {"-l", m}, {}, &x);
            }
        } unmount{mnt};
        const QString db = "small/full.db";
        fullDiskScenario(
            db, "fulldisk-tmpfs", [&](const QStringList &args, const QByteArray &in) { return b->cli(db, args, in); },
            [&] {
                runTool("mount", {"-o", "remount,size=64m", mnt});
            });
    }

    // A damaged local database is refused at open, with a clear error.
    void damagedDatabaseDetectedAtOpen()
    {
        const QString db = "damaged.db";
        b->enroll(db, "head1");
        for (int i = 0; i < 30; ++i)
            QCOMPARE(b->cli(db, {"put", "pupils", "-", QString("name=d%1").arg(i), "pad=" + QString(800, 'x')}).exitCode, 0);
        QFile f(b->path(db));
        QVERIFY(f.size() > 8 * 4096);
        QVERIFY(f.open(QIODevice::ReadWrite));
        // Scribble over pages 3-5 (b-tree pages of the tables), keep the header.
        f.seek(2 * 4096);
        QByteArray junk(3 * 4096, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 131 + 7) & 0xff);
        f.write(junk);
        f.close();
        CliResult r = b->cli(db, {"status"});
        checkOneLineError(r, "damaged");
        r = b->cli(db, {"sync"});
        checkOneLineError(r, "damaged");
    }

    // A value no double holds, typed on the command line: a clear error naming
    // the field, nothing written (found by fuzzing the form parser's numbers).
    void numberTooLargeOnTheCommandLine()
    {
        const QString db = "bignum.db";
        b->enroll(db, "head1");
        CliResult r = b->cli(db, {"put", "pupils", "-", "name=x", "height=1e999"});
        checkOneLineError(r, "height: 1e999 is a number too large");
        QCOMPARE(r.exitCode, 2);
        CliResult st = b->cli(db, {"status", "--json"});
        QCOMPARE(st.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(st.out.toUtf8()).object();
        QVERIFY2(o.contains("pending"), qPrintable(st.out));
        QCOMPARE(o["pending"].toInt(), 0);
    }

    // A damaged replica with unsent edits: told at open, `recover` salvages the
    // outbox, and the edits reach the server.
    void damagedDatabaseRecovered()
    {
        const QString db = "recover.db";
        b->enroll(db, "head1");
        QCOMPARE(b->cli(db, {"sync"}).exitCode, 0); // hold some server records too
        QStringList uniqs;
        for (int i = 0; i < 10; ++i) {
            uniqs << QString("rescued%1").arg(i);
            QCOMPARE(b->cli(db, {"put", "pupils", "-", "uniq=" + uniqs.last(), "pad=" + QString(900, 'r')}).exitCode, 0);
        }
        const QString file = b->path(db);
        // Wreck the root page of the records table; the outbox stays readable.
        const int root = sqliteOne(file, "SELECT rootpage FROM sqlite_master WHERE name='records'").toInt();
        const int pageSize = sqliteOne(file, "PRAGMA page_size").toInt();
        QVERIFY(root > 1 && pageSize > 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(qint64(root - 1) * pageSize);
        f.write(QByteArray(pageSize, '\xa5'));
        f.close();

        CliResult r = b->cli(db, {"list", "pupils"});
        checkOneLineError(r, "damaged");
        QVERIFY2(r.err.contains("recover"), qPrintable(r.err));

        r = b->cli(db, {"recover"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("10 unsent change(s) kept"), qPrintable(r.out));
        QVERIFY(!QDir(b->path(".")).entryList({"recover.db.damaged-*"}).isEmpty());
        QCOMPARE(sqliteOne(file, "PRAGMA integrity_check"), QString("ok"));
        // The person sees the unsent edits again before any sync.
        QString listed = b->cli(db, {"list", "pupils"}).out;
        for (const QString &u : uniqs)
            QVERIFY2(listed.contains(u), qPrintable(u + " not listed after recovery"));

        CliResult s = b->cli(db, {"sync", "--json"});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        for (const QString &u : uniqs)
            QCOMPARE(serverCount(u), 1);
        // And everything else came back with the re-pull.
        QCOMPARE(int(b->cli(db, {"list", "pupils"}).out.count('\n')), int(b->serverRecords("pupils").size()));
        QCOMPARE(b->cli(db, {"put", "pupils", "-", "uniq=afterwards"}).exitCode, 0);
        QCOMPARE(b->cli(db, {"sync"}).exitCode, 0);
        QCOMPARE(serverCount("afterwards"), 1);
    }

    // An import with bad lines: every line number and reason; nothing imported.
    void importWithBadLines()
    {
        const QString file = b->path("roster.jsonl");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"collection\":\"teachers\",\"id\":\"t1\",\"fields\":{\"name\":\"王芳\"}}\n" // 1 ok
                "{\"collection\":\"teachers\",\"fields\":{\"name\":\"李\"}\n"                  // 2 bad JSON
                "\n"                                                                           // 3 blank
                "{\"collection\":\"Teachers\",\"fields\":{}}\n"                                // 4 bad name
                "{\"collection\":\"teachers\",\"id\":\"t1\",\"fields\":{\"name\":\"又\"}}\n"   // 5 twice
                "{\"collection\":\"teachers\",\"fields\":[1]}\n"                               // 6 fields
                "{\"collection\":\"teachers\",\"school\":\"S9\",\"fields\":{}}\n"              // 7 other school
                "{\"collection\":\"teachers\",\"fields\":{\"a\":" +
                QByteArray(100000, '[') + QByteArray(100000, ']') +
                "}}\n"                                                                         // 8 deep
                "{\"collection\":\"teachers\",\"id\":\"t2\",\"fields\":{\"name\":\"赵\"}}\n"); // 9 ok
        f.close();
        int rc = 0;
        QProcess p;
        p.start(CX_SERVER_EXE, {"import", b->dataDir(), "--school", "S1", file});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        rc = p.exitCode();
        QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(rc != 0, qPrintable(err));
        for (int line : {2, 4, 5, 6, 7, 8})
            QVERIFY2(err.contains(QString("roster.jsonl:%1: ").arg(line)),
                     qPrintable(QString("line %1 not named: %2").arg(line).arg(err)));
        for (int line : {1, 3, 9})
            QVERIFY2(!err.contains(QString("roster.jsonl:%1: ").arg(line)), qPrintable(err));
        QVERIFY(err.contains("nothing was imported"));
        QVERIFY(b->serverRecords("teachers").isEmpty());
    }

    void cleanupTestCase()
    {
        proxy.reset();
        b.reset();
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
