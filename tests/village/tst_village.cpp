// Sync on a village link (issue 5, docs/village.md): the real cunxiao-server over
// TLS, the real cunxiao-cli, and the real cunxiao-linkemu between them, cutting
// connections. Correctness, not timing: where the property does not need
// 40 kbit/s, the link is faster (the cuts are what matter).
#include "TestKey.h"
#include "../integration/Fixture.h"

#include "engine/Engine.h"
#include "engine/SealedFile.h"
#include "LinkProcess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

namespace {

using Link = LinkProcess;

const QString kSchool = "530102001";
const QString kOtherSchool = "530102002";

void enrollVia(BureauFixture &b, const QString &db, const QString &url, const QString &user = "head")
{
    CliResult r = b.cli(db, {"enroll", url, "--user", user, "--password-stdin", "--ca", b.caFile()}, "pw-123456\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

QStringList fastRetries() { return {"--retries", "40", "--backoff-ms", "20", "--backoff-max-ms", "200"}; }

QJsonObject syncJson(BureauFixture &b, const QString &db, const QStringList &extra = {}, int *exit = nullptr)
{
    CliResult r = b.cli(db, QStringList{"sync", "--json"} + extra, {}, 600000);
    if (exit)
        *exit = r.exitCode;
    else if (r.exitCode != 0)
        qWarning("sync failed (%d): %s %s", r.exitCode, qPrintable(r.out), qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.trimmed().split('\n').last().toUtf8()).object();
}

QByteArray randomBytes(int n, quint32 seed)
{
    QByteArray out(n, '\0');
    quint32 x = seed;
    for (int i = 0; i < n; ++i) {
        x = x * 1664525u + 1013904223u;
        out[i] = char(x >> 24);
    }
    return out;
}

// Writes `bytes` to NAME in the bureau's folder and attaches it to `db`; on
// success the output is the reference to put into a field.
CliResult attachBytes(BureauFixture &b, const QString &db, const QString &name, const QByteArray &bytes)
{
    QFile f(b.path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return CliResult{-1, {}, "cannot write " + f.fileName()};
    f.close();
    return b.cli(db, {"attach", f.fileName()});
}

} // namespace

class TstVillage : public QObject
{
    Q_OBJECT

    // The plain bytes of a photo a device holds (its own copy is encrypted):
    // what `fetch-attachment --out` writes.
    QByteArray plainCopy(const QString &db, const QString &sha)
    {
        const QString out = m_bureau->path(db + "-" + sha.left(8) + ".out");
        CliResult r = m_bureau->cli(db, {"fetch-attachment", sha, "--out", out});
        if (r.exitCode != 0)
            return "fetch-attachment --out failed: " + r.err.toUtf8();
        QFile f(out);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        m_bureau = std::make_unique<BureauFixture>(true);
        m_bureau->addSchool(kSchool, "上寨小学");
        m_bureau->addUser("head", "head", kSchool);
        m_bureau->addUser("teacher", "teacher", kSchool);
        m_bureau->addSchool(kOtherSchool, "下寨小学");
        m_bureau->addUser("head2", "head", kOtherSchool);
        // A school of 2,000 pupils, imported like a bureau would.
        QFile f(m_bureau->path("school.jsonl"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const char *names[] = {"王小明", "李小梅", "张伟", "刘芳", "陈静", "杨洋", "黄磊", "赵敏"};
        for (int i = 0; i < 2000; ++i) {
            QJsonObject fields{{"name", QString::fromUtf8(names[i % 8])},
                               {"grade", 1 + i % 6},
                               {"k", i},
                               {"guardian_phone", QStringLiteral("138%1").arg(i * 7919 % 100000000, 8, 10, QChar('0'))},
                               {"village", QStringLiteral("第%1组").arg(i % 13)},
                               // An ID-like value nothing else predicts: prefix compression (wire
                               // encoding 3) took the rest of this school to 55 KB, fewer than the
                               // 20 cut windows the first test below needs.
                               {"id_no", QString::fromLatin1(
                                             QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha1).toHex())}};
            f.write(QJsonDocument(QJsonObject{{"collection", "pupils"}, {"fields", fields}}).toJson(QJsonDocument::Compact) +
                    "\n");
        }
        f.close();
        runTool(CX_SERVER_EXE, {"import", m_bureau->dataDir(), "--school", kSchool, f.fileName()});
        m_bureau->start();
    }

    // A first download of 2,000 records cut 20+ times completes, holds every
    // record once, and never starts over (each interruption costs < 8 KB down).
    void firstDownloadThroughCuts()
    {
        // Pages of ~2 KB on the wire, so that several fit in the cut window below.
        const QStringList tiny = {"--page-kb", "2"};
        Link clean(m_bureau->port(), {"--kbps", "2000", "--delay-ms", "20"});
        enrollVia(*m_bureau, "clean.db", clean.url());
        CliResult clean1 = m_bureau->cli("clean.db", QStringList{"sync", "--json", "--progress"} + tiny);
        QCOMPARE(clean1.exitCode, 0);
        QJsonObject a = QJsonDocument::fromJson(clean1.out.toUtf8()).object();
        QCOMPARE(a["pulled"].toInt(), 2001); // + the school's own record
        // Before most of the download the person is told how much is coming (remaining_bytes).
        QVERIFY2(clean1.err.contains("still to download"), qPrintable(clean1.err));
        const double cleanDown = clean.stats()["bytes_down"].toDouble();

        // Cut every 5 KB of traffic: the download is cut 20+ times.
        Link cutting(m_bureau->port(), {"--kbps", "2000", "--delay-ms", "20", "--cut-every", "5K"});
        enrollVia(*m_bureau, "cut.db", cutting.url());
        int exit = -1;
        QJsonObject r = syncJson(*m_bureau, "cut.db", tiny + fastRetries(), &exit);
        QCOMPARE(exit, 0);
        QVERIFY(r["complete"].toBool());
        QJsonObject st = cutting.stats();
        qInfo("clean: %.0f bytes down; through %d cuts: %.0f bytes down, %d retries", cleanDown, st["cuts"].toInt(),
              st["bytes_down"].toDouble(), r["retries"].toInt());
        // The bar: interrupted 20 times, it still completes without starting over.
        const int interruptions = r["retries"].toInt();
        QVERIFY2(interruptions >= 20, qPrintable(QString("only %1 interruptions").arg(interruptions)));
        // Starting over would re-download everything received so far (the
        // download is 17x the cut window); each interruption may only cost the
        // page in flight (~2 KB) and a new TLS connection (< 6 KB).
        const double extra = st["bytes_down"].toDouble() - cleanDown;
        qInfo("%.0f bytes received again, %.0f per interruption", extra, extra / interruptions);
        QVERIFY2(extra < interruptions * 8.0 * 1024, "a cut must not restart the download from zero");

        CliResult list = m_bureau->cli("cut.db", {"list", "pupils"});
        QCOMPARE(list.exitCode, 0);
        QSet<QString> ids;
        QSet<int> ks;
        for (const QString &line : list.out.split('\n', Qt::SkipEmptyParts)) {
            QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            QVERIFY(!ids.contains(o["id"].toString()));
            ids.insert(o["id"].toString());
            ks.insert(o["fields"].toObject()["k"].toInt());
        }
        QCOMPARE(ids.size(), 2000);
        QCOMPARE(ks.size(), 2000);
    }

    // A 1 MB photo upload cut several times resumes from its confirmed offset;
    // the server's copy matches the SHA-256. A photo over the limit is refused
    // with a reason, once, and the sync still succeeds.
    void photoUploadResumes()
    {
        Link link(m_bureau->port(), {"--kbps", "4000", "--delay-ms", "10", "--cut-every", "200K"});
        enrollVia(*m_bureau, "photo.db", link.url());
        QJsonObject first = syncJson(*m_bureau, "photo.db", fastRetries());
        QVERIFY(first["complete"].toBool());
        const double upBefore = link.stats()["bytes_up"].toDouble();
        const int cutsBefore = link.stats()["cuts"].toInt();

        QByteArray photo = randomBytes(1024 * 1024, 7);
        const QString sha = QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex();
        CliResult att = attachBytes(*m_bureau, "photo.db", "photo.jpg", photo);
        QCOMPARE(att.exitCode, 0);
        QJsonObject ref = QJsonDocument::fromJson(att.out.toUtf8()).object();
        QCOMPARE(ref["sha256"].toString(), sha);
        QCOMPARE(ref["size"].toInt(), photo.size());
        QCOMPARE(ref["type"].toString(), QString("image/jpeg"));
        // The record refers to the photo and is synced first.
        CliResult put = m_bureau->cli("photo.db", {"put", "pupils", "-", "name=王小明", "photo=" + att.out.trimmed()});
        QCOMPARE(put.exitCode, 0);

        CliResult bigAtt = attachBytes(*m_bureau, "photo.db", "big.jpg", randomBytes(11 * 1024 * 1024, 9));
        QCOMPARE(bigAtt.exitCode, 0);
        QCOMPARE(m_bureau->cli("photo.db", {"put", "pupils", "-", "name=李小红", "photo=" + bigAtt.out.trimmed()}).exitCode, 0);
        // A photo no record refers to (a page never saved) stays here: not one byte of it goes.
        CliResult spareAtt = attachBytes(*m_bureau, "photo.db", "spare.jpg", randomBytes(256 * 1024, 10));
        QCOMPARE(spareAtt.exitCode, 0);
        const QString spareSha = QJsonDocument::fromJson(spareAtt.out.toUtf8()).object()["sha256"].toString();

        int exit = -1;
        QJsonObject r = syncJson(*m_bureau, "photo.db", fastRetries(), &exit);
        QCOMPARE(exit, 0);
        QCOMPARE(r["pushed"].toInt(), 2);
        QCOMPARE(r["attachments"].toObject()["unreferenced"].toInt(), 1);
        QJsonObject st = link.stats();
        const int cuts = st["cuts"].toInt() - cutsBefore;
        const double up = st["bytes_up"].toDouble() - upBefore;
        qInfo("1 MB photo through %d cuts: %.0f bytes up (%.0f sent again)", cuts, up, up - photo.size());
        QVERIFY2(cuts >= 3, "the upload should have been cut several times");
        // Each cut costs at most about one 32 KB chunk plus a TLS reconnect.
        QVERIFY2(up < photo.size() + (cuts + 1) * 48 * 1024, "an upload must resume from its offset, not restart");

        QFile stored(m_bureau->dataDir() + "/attachments/" + sha);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(QString(QCryptographicHash::hash(stored.readAll(), QCryptographicHash::Sha256).toHex()), sha);

        CliResult list = m_bureau->cli("photo.db", {"attachments", "--json"});
        QJsonArray arr = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(arr.size(), 3);
        for (const auto &v : arr) {
            QJsonObject o = v.toObject();
            if (o["sha256"].toString() == sha) {
                QCOMPARE(o["state"].toString(), QString("done"));
            } else if (o["sha256"].toString() == spareSha) {
                QCOMPARE(o["state"].toString(), QString("pending"));
                QCOMPARE(o["referenced"].toBool(), false);
                QVERIFY(!QFile::exists(m_bureau->dataDir() + "/attachments/" + spareSha));
                QVERIFY(!QFile::exists(m_bureau->dataDir() + "/attachments/" + spareSha + ".part"));
            } else {
                QCOMPARE(o["state"].toString(), QString("refused"));
                QVERIFY2(o["reason"].toString().contains("at most 10.0 MB"), qPrintable(o["reason"].toString()));
            }
        }
        // Refused is final: the next sync sends nothing for it.
        const double upMid = link.stats()["bytes_up"].toDouble();
        QJsonObject again = syncJson(*m_bureau, "photo.db", fastRetries());
        QCOMPARE(again["requests"].toInt(), 1);
        QVERIFY(link.stats()["bytes_up"].toDouble() - upMid < 4096);
        QVERIFY(!m_bureau->serverRecords("pupils").isEmpty());
    }

    // A 1 MB photo the head took comes down to a teacher's device through a link
    // cut every 200 KB: each attempt resumes from the bytes already received
    // (Range), and the copy matches its SHA-256. The .part is gone afterwards.
    void photoDownloadResumes()
    {
        QByteArray photo = randomBytes(1024 * 1024, 13);
        const QString sha = QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex();
        enrollVia(*m_bureau, "head-dl.db", m_bureau->url());
        CliResult att = attachBytes(*m_bureau, "head-dl.db", "visit.jpg", photo);
        QCOMPARE(att.exitCode, 0);
        QCOMPARE(m_bureau->cli("head-dl.db", {"put", "home_visits", "-", "note=家访", "photo=" + att.out.trimmed()}).exitCode, 0);
        QJsonObject up = syncJson(*m_bureau, "head-dl.db", fastRetries());
        QCOMPARE(up["attachments"].toObject()["sent"].toInt(), 1);

        Link link(m_bureau->port(), {"--kbps", "4000", "--delay-ms", "10", "--cut-every", "200K"});
        enrollVia(*m_bureau, "teacher-dl.db", link.url(), "teacher");
        QVERIFY(syncJson(*m_bureau, "teacher-dl.db", fastRetries())["complete"].toBool());
        const QJsonObject s0 = link.stats();
        CliResult fetched = m_bureau->cli(
            "teacher-dl.db",
            QStringList{"fetch-attachment", sha, "--size", QString::number(photo.size()), "--json"} + fastRetries(), {}, 600000);
        QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
        const QJsonObject s1 = link.stats();
        const int cuts = s1["cuts"].toInt() - s0["cuts"].toInt();
        const double down = s1["bytes_down"].toDouble() - s0["bytes_down"].toDouble();
        qInfo("1 MB photo download through %d cuts: %.0f bytes down (%.0f received again)", cuts, down, down - photo.size());
        QVERIFY2(cuts >= 3, "the download should have been cut several times");
        QVERIFY2(down < photo.size() + cuts * 64 * 1024, "a download must resume from its offset, not restart");
        const QString path = fetched.json().object()["path"].toString();
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QCOMPARE(QString(QCryptographicHash::hash(plainCopy("teacher-dl.db", sha), QCryptographicHash::Sha256).toHex()), sha);
        QVERIFY(!QFile::exists(path + ".part"));
        // Already here: a second fetch does not open a connection.
        const int before = link.stats()["connections_accepted"].toInt();
        QCOMPARE(m_bureau->cli("teacher-dl.db", {"fetch-attachment", sha}).exitCode, 0);
        QCOMPARE(link.stats()["connections_accepted"].toInt(), before);
    }

    // Who may download: the head of another school is told the photo is not
    // there (the server does not even confirm it exists); a teacher of the same
    // school gets it. A stale, wrong .part left on the device is detected by the
    // SHA-256, removed, and the file fetched again from zero.
    void attachmentOnlyForItsSchool()
    {
        QByteArray photo = randomBytes(150 * 1024, 17);
        const QString sha = QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex();
        enrollVia(*m_bureau, "head-sig.db", m_bureau->url());
        CliResult att = attachBytes(*m_bureau, "head-sig.db", "signature.png", photo);
        QCOMPARE(att.exitCode, 0);
        QCOMPARE(m_bureau->cli("head-sig.db", {"put", "inspections", "-", "signature=" + att.out.trimmed()}).exitCode, 0);
        QCOMPARE(syncJson(*m_bureau, "head-sig.db")["attachments"].toObject()["sent"].toInt(), 1);

        enrollVia(*m_bureau, "head2.db", m_bureau->url(), "head2");
        CliResult refused = m_bureau->cli("head2.db", {"fetch-attachment", sha});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("not on the server, or this account may not see it"), qPrintable(refused.err));
        QVERIFY(!QFile::exists(m_bureau->path("head2.db.attachments/" + sha)));

        enrollVia(*m_bureau, "teacher-sig.db", m_bureau->url(), "teacher");
        QDir().mkpath(m_bureau->path("teacher-sig.db.attachments"));
        QFile stale(m_bureau->path("teacher-sig.db.attachments/" + sha + ".part"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write(randomBytes(4000, 99)); // not the photo's first bytes
        stale.close();
        CliResult got = m_bureau->cli("teacher-sig.db", {"fetch-attachment", sha, "--json"});
        QVERIFY2(got.exitCode == 0, qPrintable(got.err));
        QVERIFY(QFile::exists(got.json().object()["path"].toString()));
        QCOMPARE(plainCopy("teacher-sig.db", sha), photo);
        QVERIFY(!stale.exists());
        m_signature = photo;

        // A download that stopped after the last byte but before the rename: the
        // whole file is in the .part; the server answers 416 to "the rest", the
        // SHA-256 matches, and nothing is downloaded again.
        Link link(m_bureau->port(), {"--kbps", "8000"});
        enrollVia(*m_bureau, "teacher-whole.db", link.url(), "teacher");
        QDir().mkpath(m_bureau->path("teacher-whole.db.attachments"));
        QFile whole(m_bureau->path("teacher-whole.db.attachments/" + sha + ".part"));
        {
            // As the device writes it: sealed with its key, not finished.
            cx::SealedWriter w(whole.fileName().toStdString(), cliKey(m_bureau->path("teacher-whole.db").toStdString()));
            w.write(std::string_view(photo.constData(), size_t(photo.size())));
            w.flush();
        }
        const double down0 = link.stats()["bytes_down"].toDouble();
        CliResult kept = m_bureau->cli("teacher-whole.db", {"fetch-attachment", sha, "--json"});
        QVERIFY2(kept.exitCode == 0, qPrintable(kept.err));
        QVERIFY(link.stats()["bytes_down"].toDouble() - down0 < 16 * 1024);
        QVERIFY(QFile::exists(kept.json().object()["path"].toString()));
        QCOMPARE(plainCopy("teacher-whole.db", sha), photo);
        QVERIFY(!whole.exists());
    }

    // The app's UI thread keeps using the engine while a photo comes down on a
    // slow link: the download holds no engine lock while transferring. Once the
    // body is arriving the link is stalled, so the download cannot finish;
    // engine calls from another thread must still return (a call that waited
    // for the download would wait for the stall). Then a sync runs on its own
    // connection while the download goes on.
    void downloadDoesNotBlockTheEngine()
    {
        QVERIFY(!m_signature.isEmpty());
        const std::string sha = QCryptographicHash::hash(m_signature, QCryptographicHash::Sha256).toHex().toStdString();
        Link link(m_bureau->port(), {"--kbps", "200", "--delay-ms", "50"});
        cx::Engine e(m_bureau->path("threads.db").toStdString(), testKey());
        cx::TransportOptions o;
        o.baseUrl = link.url().toStdString();
        o.caFile = m_bureau->caFile().toStdString();
        e.enroll(o, "teacher", "pw-123456", "ui-thread");
        e.sync();
        std::atomic<uint64_t> seen{0}, total{0};
        e.setProgressCallback([&](const cx::SyncProgress &p) {
            if (p.downTotal == uint64_t(m_signature.size())) {
                seen = p.downNow;
                total = p.downTotal;
            }
        });
        std::atomic<bool> done{false};
        std::string path, error;
        std::thread fetcher([&] {
            try {
                path = e.fetchAttachment(sha, uint64_t(m_signature.size()));
            } catch (const std::exception &ex) {
                error = ex.what();
            }
            done = true;
        });
        QElapsedTimer started;
        started.start();
        while (seen == 0 && !done && started.elapsed() < 120000)
            QThread::msleep(10);
        QCOMPARE(link.command("stall 600"), QByteArray("OK stall 600"));
        const uint64_t atStall = seen;
        const bool runningAtStall = !done;

        std::atomic<bool> callsReturned{false};
        std::atomic<int> calls{0};
        std::string callError;
        std::thread ui([&] {
            try {
                for (int i = 0; i < 20; ++i) {
                    e.put("notes", "", kSchool.toStdString(), cx::Json{{"n", i}});
                    (void)e.status();
                    if (!e.attachmentPath(sha).empty())
                        callError = "the photo was complete before it arrived";
                    ++calls;
                }
            } catch (const std::exception &ex) {
                callError = ex.what();
            }
            callsReturned = true;
        });
        QElapsedTimer waited; // a guard against hanging, not a speed limit
        waited.start();
        while (!callsReturned && waited.elapsed() < 60000)
            QThread::msleep(10);
        const bool returnedDuringStall = callsReturned;
        const bool stillDownloading = !done;
        QCOMPARE(link.command("stall 0"), QByteArray("OK stall 0"));
        ui.join();
        cx::SyncReport r = e.sync(); // its own connection, while the download goes on
        fetcher.join();              // both threads end before any check can return
        qInfo("stalled at %llu of %lld bytes; %d engine calls returned meanwhile", (unsigned long long)atStall,
              qlonglong(m_signature.size()), calls.load());
        QVERIFY2(runningAtStall, "the download ended before the link could be stalled");
        QVERIFY(atStall > 0 && atStall < uint64_t(m_signature.size()));
        QVERIFY2(returnedDuringStall, "an engine call waited for the stalled download");
        QVERIFY2(stillDownloading, "the download finished while the link was stalled");
        QVERIFY2(callError.empty(), callError.c_str());
        QCOMPARE(calls.load(), 20);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(r.complete);
        QCOMPARE(total.load(), uint64_t(m_signature.size()));
        QCOMPARE(e.status().pending, 0); // the 20 notes went up with that sync
        QVERIFY(QFile::exists(QString::fromStdString(path)));
        QCOMPARE(QByteArray::fromStdString(e.readAttachment(sha)), m_signature); // kept encrypted
    }

    // "Photos only on unmetered": on a metered link the record goes up and the
    // photo waits (the server lacks it); on an unmetered link the next sync
    // sends it.
    void photosHeldUntilUnmetered()
    {
        enrollVia(*m_bureau, "metered.db", m_bureau->url());
        QCOMPARE(m_bureau->cli("metered.db", {"photos-only-unmetered", "on"}).exitCode, 0);
        QByteArray photo = randomBytes(64 * 1024, 23);
        const QString sha = QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex();
        CliResult att = attachBytes(*m_bureau, "metered.db", "held.jpg", photo);
        QCOMPARE(att.exitCode, 0);
        CliResult put = m_bureau->cli("metered.db", {"put", "home_visits", "-", "note=held", "photo=" + att.out.trimmed()});
        QCOMPARE(put.exitCode, 0);
        const QString id = put.out.trimmed();

        QJsonObject metered = syncJson(*m_bureau, "metered.db", {"--metered"});
        QCOMPARE(metered["pushed"].toInt(), 1);
        QCOMPARE(metered["attachments"].toObject()["held"].toInt(), 1);
        QCOMPARE(metered["attachments"].toObject()["sent"].toInt(), 0);
        QVERIFY(m_bureau->serverRecords("home_visits").contains(id));
        const QString onServer = m_bureau->dataDir() + "/attachments/" + sha;
        QVERIFY(!QFile::exists(onServer));
        QVERIFY(!QFile::exists(onServer + ".part"));

        QJsonObject unmetered = syncJson(*m_bureau, "metered.db", {"--unmetered"});
        QCOMPARE(unmetered["attachments"].toObject()["held"].toInt(), 0);
        QCOMPARE(unmetered["attachments"].toObject()["sent"].toInt(), 1);
        QFile stored(onServer);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), photo);
    }

    // 100 cuts during pushes: no record twice on the server, none missing.
    void hundredCutsDuringPushes()
    {
        Link link(m_bureau->port(), {"--kbps", "2000", "--delay-ms", "20"});
        enrollVia(*m_bureau, "push.db", link.url());
        QCOMPARE(syncJson(*m_bureau, "push.db", fastRetries())["complete"].toBool(), true);
        const QString db = m_bureau->path("push.db");
        int made = 0;
        int effectiveCuts = 0;
        for (int round = 0; round < 20 && effectiveCuts < 100; ++round) {
            {
                cx::Engine e(db.toStdString(), cliKey(db.toStdString()));
                for (int i = 0; i < 150; ++i, ++made)
                    e.put("visits", "", kSchool.toStdString(),
                          cx::Json{{"m", made}, {"note", "家访记录 " + std::to_string(made)}});
            }
            QProcess sync;
            sync.start(CX_CLI_EXE, QStringList{"--db", db, "sync", "--json", "--push-bytes", "1200"} + fastRetries());
            QVERIFY(sync.waitForStarted());
            while (!sync.waitForFinished(150)) {
                QByteArray reply = link.command("cut");
                if (reply.startsWith("OK cut ") && reply.mid(7).toInt() > 0)
                    ++effectiveCuts;
            }
            QVERIFY2(sync.exitCode() == 0, sync.readAllStandardError().constData());
        }
        qInfo("%d records pushed through %d cuts", made, effectiveCuts);
        QVERIFY(effectiveCuts >= 100);
        // Nothing left to send, and the server has each record exactly once.
        QJsonObject status = m_bureau->cli("push.db", {"status", "--json"}).json().object();
        QCOMPARE(status["pending"].toInt(), 0);
        QCOMPARE(status["sent"].toInt(), 0);
        QString out = runTool(CX_SERVER_EXE, {"export", m_bureau->dataDir(), "visits", "--format", "jsonl"});
        QSet<QString> ids;
        QSet<int> ms;
        int lines = 0;
        for (const QString &line : out.split('\n', Qt::SkipEmptyParts)) {
            QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            ++lines;
            ids.insert(o["id"].toString());
            ms.insert(o["fields"].toObject()["m"].toInt());
        }
        QCOMPARE(lines, made);
        QCOMPARE(ids.size(), made);
        QCOMPARE(ms.size(), made);
    }

    // 40 kbit/s, 600 ms: a 300 KB request body that keeps moving is never killed
    // (a low-speed limit, not a total timeout), and the connection is reused.
    void slowUploadIsNotKilled()
    {
        Link link(m_bureau->port(), {"--profile", "village"});
        enrollVia(*m_bureau, "slow.db", link.url());
        QJsonObject first = syncJson(*m_bureau, "slow.db", fastRetries());
        QVERIFY(first["complete"].toBool());
        CliResult att = attachBytes(*m_bureau, "slow.db", "scan.jpg", randomBytes(300 * 1024, 11));
        QCOMPARE(att.exitCode, 0);
        QCOMPARE(m_bureau->cli("slow.db", {"put", "pupils", "-", "name=张三", "photo=" + att.out.trimmed()}).exitCode, 0);
        const int connBefore = link.stats()["connections_accepted"].toInt();
        QElapsedTimer t;
        t.start();
        int exit = -1;
        QJsonObject r = syncJson(*m_bureau, "slow.db", {"--chunk-kb", "300", "--retries", "0"}, &exit);
        qInfo("300 KB in one request at 40 kbit/s: %lld ms, %d retries", t.elapsed(), r["retries"].toInt());
        QCOMPARE(exit, 0);
        QCOMPARE(r["retries"].toInt(), 0);
        QCOMPARE(r["attachments"].toObject()["sent"].toInt(), 1);
        QVERIFY(t.elapsed() > 50000); // it really was slow
        // One process, one connection for the sync cycle, the check and the upload.
        QCOMPARE(link.stats()["connections_accepted"].toInt() - connBefore, 1);
    }

    void cleanupTestCase() { m_bureau.reset(); }

private:
    std::unique_ptr<BureauFixture> m_bureau;
    QByteArray m_signature; // attachmentOnlyForItsSchool's file, on the server
};

QTEST_GUILESS_MAIN(TstVillage)
#include "tst_village.moc"
