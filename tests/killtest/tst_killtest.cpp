// kill -9, for real: several cunxiao-cli replicas make edits and sync against the
// real cunxiao-server; the test kill -9s the syncing clients at random moments
// (0-300 ms after the sync starts), and now and then the server too, restarting
// it on the same data directory and port. Every edit is written to a ledger
// (the value put). Every `put` must exit 0: a put refused by a replica that a
// kill left broken fails the test. A put that did not exit at all (killed by the
// fixture's timeout) has an unknown outcome: the replica is read to settle it
// (applied entirely, or not at all), and the ledger follows what it holds.
// Afterwards:
//   - PRAGMA integrity_check passes on every replica file and the server's database;
//   - after a clean sync of every replica, every acknowledged edit is on the
//     server (export jsonl) and on every replica of its school exactly once,
//     with every field equal to the last value the ledger put for it;
//   - the server's audit table holds each (device, n) at most once, and every
//     counter n the device used (1 .. next_n-1) exactly once.
//
// The seed is printed; CX_KILLTEST_SEED=N replays the same choices (the kill
// moments land on other instructions, of course). CX_KILLTEST_KILLS sets the
// number of client kills that must land mid-sync (default 100 plain + 20 TLS).
#include "TestKey.h"
#include "engine/Sqlite.h"
#include "../integration/Fixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

#include <sqlite3.h>
#include <signal.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace {

// "ok", or every line PRAGMA integrity_check reports.
QString integrityCheck(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        !keyForReading(db, path.toStdString())) {
        QString e = db ? sqlite3_errmsg(db) : "cannot open";
        sqlite3_close(db);
        return "open failed: " + e;
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_stmt *st = nullptr;
    QStringList rows;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) != SQLITE_OK) {
        rows << QString("prepare failed: ") + sqlite3_errmsg(db);
    } else {
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            rows << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        if (rc != SQLITE_DONE)
            rows << QString("step failed: ") + sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows.join("; ");
}

// Rows of a query on a database file opened read-only, each row's columns joined by '|'.
QStringList query(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QStringList rows;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        !keyForReading(db, path.toStdString())) {
        sqlite3_close(db);
        return {"<open failed>"};
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
        rows << QString("<prepare failed: %1>").arg(sqlite3_errmsg(db));
    } else {
        while (sqlite3_step(st) == SQLITE_ROW) {
            QStringList cols;
            for (int i = 0; i < sqlite3_column_count(st); ++i)
                cols << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, i)));
            rows << cols.join('|');
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows;
}

struct Replica {
    QString db; // file name inside the fixture directory
    QString user;
    QStringList schools; // what it may read and write
    QString device;
    int puts = 0; // puts that exited 0 (each changes something)
};

struct LedgerRecord {
    QString id, school, replica, uniq;
    std::map<QString, QJsonValue> fields; // the last value put (exit 0) per field
};

} // namespace

class TestKill : public QObject
{
    Q_OBJECT

    quint32 m_seed = 0;
    QRandomGenerator m_rng;
    std::unique_ptr<BureauFixture> b;
    std::vector<Replica> m_replicas;
    std::vector<LedgerRecord> m_ledger;
    int m_failedPuts = 0;      // puts that exited non-zero: must stay 0
    QStringList m_putFailures; // what they said
    int m_unknownPuts = 0;     // puts killed here (outcome read back from the replica)
    int m_unknownApplied = 0;  // of those, the ones the replica holds

    int rnd(int lo, int hi) { return int(m_rng.bounded(lo, hi + 1)); } // inclusive

    QString randomText(int len)
    {
        static const char abc[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        QString s = "t";
        for (int i = 1; i < len; ++i)
            s += QChar(abc[m_rng.bounded(int(sizeof abc - 1))]);
        return s;
    }

    // A CLI value ("grade=3") and the JSON the ledger expects for it.
    static QString arg(const QString &field, const QJsonValue &v)
    {
        return field + "=" + (v.isString() ? v.toString() : QString::number(v.toInteger()));
    }

    // One put through the real CLI; the ledger keeps what it put if it exited 0.
    bool putEdit(Replica &r, LedgerRecord *existing)
    {
        std::map<QString, QJsonValue> f;
        QString school = existing ? existing->school : r.schools[rnd(0, int(r.schools.size()) - 1)];
        LedgerRecord fresh;
        if (!existing) {
            fresh.school = school;
            fresh.replica = r.db;
            fresh.uniq = QString("u%1x%2x%3").arg(m_seed).arg(r.user).arg(m_ledger.size());
            f["uniq"] = fresh.uniq;
            f["name"] = "名" + randomText(6);
            f["grade"] = qint64(rnd(1, 9));
            f["pad"] = randomText(rnd(300, 2500));
        } else {
            // 1-3 fields, each with a value it does not already have.
            const QStringList names = {"name", "grade", "pad", "note"};
            int k = rnd(1, 3);
            for (int i = 0; i < k; ++i) {
                QString field = names[rnd(0, 3)];
                QJsonValue v;
                if (field == "grade")
                    v = qint64(rnd(1, 1000000));
                else if (field == "pad")
                    v = randomText(rnd(300, 2500));
                else
                    v = randomText(rnd(4, 40));
                f[field] = v;
            }
        }
        QStringList args = {"put", "pupils", existing ? existing->id : "-", "--school", school};
        for (const auto &[k, v] : f)
            args << arg(k, v);
        // Run here rather than through b->cli, to tell a put this test killed
        // (its outcome unknown) from one that crashed by itself (a failure).
        CliResult res;
        bool killedHere = false;
        {
            QProcess p;
            p.start(CX_CLI_EXE, QStringList{"--db", b->path(r.db)} + args);
            if (!p.waitForStarted(10000)) {
                res.err = "cannot start cunxiao-cli: " + p.errorString();
            } else {
                p.closeWriteChannel();
                if (!p.waitForFinished(120000)) {
                    killedHere = true;
                    p.kill();
                    p.waitForFinished();
                }
                res.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
                res.out = QString::fromUtf8(p.readAllStandardOutput());
                res.err = QString::fromUtf8(p.readAllStandardError());
            }
        }
        if (killedHere) {
            // It did not exit in 2 minutes and was killed: what it did is unknown,
            // so the replica says. Nothing is dropped from the ledger.
            ++m_unknownPuts;
            qWarning("put on %s killed after 2 minutes; reading its outcome from the replica", qPrintable(r.db));
            return settleUnknownPut(r, existing, fresh, f);
        }
        if (res.exitCode != 0) { // -1: it crashed
            ++m_failedPuts;
            m_putFailures << QString("put %1 on %2 exited %3: %4")
                                 .arg(existing ? existing->id : "-", r.db)
                                 .arg(res.exitCode)
                                 .arg(res.err.trimmed());
            qWarning("%s", qPrintable(m_putFailures.last()));
            return false;
        }
        ++r.puts;
        if (!existing) {
            fresh.id = res.out.trimmed();
            fresh.fields = f;
            m_ledger.push_back(fresh);
        } else {
            for (const auto &[k, v] : f)
                existing->fields[k] = v;
        }
        return true;
    }

    // A put whose outcome is unknown: it is on the replica entirely (then it is in
    // the ledger like any put), or not at all; a part of it is a failure.
    bool settleUnknownPut(Replica &r, LedgerRecord *existing, LedgerRecord fresh, const std::map<QString, QJsonValue> &f)
    {
        auto fail = [&](const QString &why) {
            ++m_failedPuts;
            m_putFailures << QString("put on %1 with an unknown outcome: %2").arg(r.db, why);
            qWarning("%s", qPrintable(m_putFailures.last()));
            return false;
        };
        if (!existing) {
            CliResult l = b->cli(r.db, {"list", "pupils"});
            if (l.exitCode != 0)
                return fail("list exited " + QString::number(l.exitCode) + ": " + l.err.trimmed());
            QJsonObject found;
            int n = 0;
            for (const QString &line : l.out.split('\n', Qt::SkipEmptyParts)) {
                QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
                if (o["fields"].toObject()["uniq"].toString() == fresh.uniq) {
                    found = o;
                    ++n;
                }
            }
            if (n == 0)
                return false; // not made: nothing to account for
            if (n > 1)
                return fail(QString("%1 is held %2 times").arg(fresh.uniq).arg(n));
            const QJsonObject fields = found["fields"].toObject();
            for (const auto &[k, v] : f)
                if (fields[k] != v)
                    return fail(QString("%1 was made but its field %2 is not what was put").arg(fresh.uniq, k));
            if (fields.size() != int(f.size()))
                return fail(QString("%1 was made with %2 fields, %3 were put").arg(fresh.uniq).arg(fields.size()).arg(f.size()));
            ++r.puts;
            ++m_unknownApplied;
            fresh.id = found["id"].toString();
            fresh.fields = f;
            m_ledger.push_back(fresh);
            return true;
        }
        CliResult g = b->cli(r.db, {"get", "pupils", existing->id});
        if (g.exitCode != 0)
            return fail("get " + existing->id + " exited " + QString::number(g.exitCode) + ": " + g.err.trimmed());
        const QJsonObject fields = g.json().object()["fields"].toObject();
        bool allNew = true, allOld = true;
        for (const auto &[k, v] : f) {
            allNew = allNew && fields[k] == v;
            auto old = existing->fields.find(k);
            allOld = allOld && fields[k] == (old == existing->fields.end() ? QJsonValue(QJsonValue::Undefined) : old->second);
        }
        if (allNew) {
            ++r.puts;
            ++m_unknownApplied;
            for (const auto &[k, v] : f)
                existing->fields[k] = v;
            return true;
        }
        if (allOld)
            return false; // not applied
        return fail("edit of " + existing->id + " is on the replica in part");
    }

    void makeEdits(Replica &r, int count)
    {
        for (int i = 0; i < count; ++i) {
            std::vector<LedgerRecord *> own;
            for (auto &l : m_ledger)
                if (l.replica == r.db)
                    own.push_back(&l);
            LedgerRecord *target = own.empty() || rnd(0, 99) < 35 ? nullptr : own[rnd(0, int(own.size()) - 1)];
            putEdit(r, target);
        }
    }

    void setUpBureau(bool tls)
    {
        b = std::make_unique<BureauFixture>(tls);
        m_replicas.clear();
        m_ledger.clear();
        m_failedPuts = 0;
        m_putFailures.clear();
        m_unknownPuts = 0;
        m_unknownApplied = 0;
        b->addSchool("S1", "红旗村完小");
        b->addSchool("S2", "石门教学点");
        b->addUser("head1", "head", "S1");
        b->addUser("teacher1", "teacher", "S1");
        b->addUser("head2", "head", "S2");
        b->addUser("teacher2", "teacher", "S2");
        b->addUser("inspector1", "inspector", "S1,S2");
        b->start();
        m_replicas = {{"head1.db", "head1", {"S1"}},
                      {"teacher1.db", "teacher1", {"S1"}},
                      {"head2.db", "head2", {"S2"}},
                      {"teacher2.db", "teacher2", {"S2"}},
                      {"inspector1.db", "inspector1", {"S1", "S2"}}};
        for (auto &r : m_replicas) {
            b->enroll(r.db, r.user);
            CliResult s = b->cli(r.db, {"status", "--json"});
            r.device = s.json().object()["device"].toString();
            QVERIFY(!r.device.isEmpty());
        }
    }

    // Rounds of: edits on 1-3 replicas, their syncs started together, each
    // kill -9'd after 0-300 ms (and the server too on some rounds), until
    // `wantKills` kills have landed on a client that was still running.
    void killRounds(int wantKills, int serverKills, qint64 budgetMs)
    {
        QElapsedTimer total;
        total.start();
        int hits = 0, misses = 0, rounds = 0, serverHits = 0, cleanSyncs = 0;
        const int serverEvery = std::max(2, wantKills / std::max(1, serverKills) / 2 + 1);
        std::map<int, int> exitCodes;
        // Until both are done: client kills can land faster than the rounds
        // that kill the server come round (each CLI process now unlocks its key
        // first, so more of them are still running when the kill comes).
        while (hits < wantKills || serverHits < serverKills) {
            if (total.elapsed() > budgetMs) {
                qWarning("time budget spent after %d kills", hits);
                break;
            }
            ++rounds;
            std::vector<int> chosen;
            int k = rnd(1, 3);
            while (int(chosen.size()) < k) {
                int i = rnd(0, int(m_replicas.size()) - 1);
                if (std::find(chosen.begin(), chosen.end(), i) == chosen.end())
                    chosen.push_back(i);
            }
            for (int i : chosen)
                makeEdits(m_replicas[size_t(i)], std::max(4, 20 / k));

            bool killServer = serverHits < serverKills && rounds % serverEvery == 0;
            struct Proc {
                std::unique_ptr<QProcess> p;
                int delay;
                bool killed = false;
                int replica;
            };
            std::vector<Proc> procs;
            for (int i : chosen) {
                Proc pr{std::make_unique<QProcess>(), rnd(0, 300), false, i};
                pr.p->start(CX_CLI_EXE, {"--db", b->path(m_replicas[size_t(i)].db), "sync"});
                procs.push_back(std::move(pr));
            }
            // Some syncs are left to finish, so that work gets done between kills.
            if (rnd(0, 99) < 15 && !killServer)
                procs.back().delay = -1;
            int serverDelay = killServer ? rnd(0, 300) : -1;
            QElapsedTimer t;
            t.start();
            for (auto &pr : procs)
                QVERIFY(pr.p->waitForStarted(10000));
            std::vector<std::pair<int, int>> events; // (delay, index; -1 = the server)
            for (size_t i = 0; i < procs.size(); ++i)
                if (procs[i].delay >= 0)
                    events.push_back({procs[i].delay, int(i)});
            if (serverDelay >= 0)
                events.push_back({serverDelay, -1});
            std::sort(events.begin(), events.end());
            for (auto [delay, idx] : events) {
                qint64 wait = delay - t.elapsed();
                if (wait > 0)
                    QThread::msleep(quint64(wait));
                if (idx < 0) {
                    b->kill();
                    ++serverHits;
                    continue;
                }
                Proc &pr = procs[size_t(idx)];
                if (pr.p->state() != QProcess::NotRunning && !pr.p->waitForFinished(0)) {
                    ::kill(pid_t(pr.p->processId()), SIGKILL);
                    pr.killed = true;
                    ++hits;
                } else {
                    ++misses;
                }
            }
            for (auto &pr : procs) {
                if (pr.p->state() != QProcess::NotRunning)
                    QVERIFY2(pr.p->waitForFinished(120000), "a sync did not finish in 2 minutes");
                if (pr.killed && pr.p->exitStatus() == QProcess::CrashExit)
                    continue;
                if (pr.killed) { // it had exited just before the signal
                    pr.killed = false;
                    --hits;
                    ++misses;
                }
                int code = pr.p->exitStatus() == QProcess::NormalExit ? pr.p->exitCode() : -1;
                exitCodes[code]++;
                if (code == 0) {
                    ++cleanSyncs;
                } else if (!(killServer && code == 3)) {
                    // Only the server's death may fail a sync that was not killed.
                    QFAIL(qPrintable(QString("sync of %1 exited %2 (server killed this round: %3): %4")
                                         .arg(m_replicas[size_t(pr.replica)].db)
                                         .arg(code)
                                         .arg(killServer)
                                         .arg(QString::fromUtf8(pr.p->readAllStandardError()).trimmed())));
                }
            }
            if (killServer)
                b->start(); // same data directory, same port
            // Every few rounds: each replica still opens (quick_check at open) and answers.
            if (rounds % 10 == 0) {
                for (auto &r : m_replicas) {
                    CliResult s = b->cli(r.db, {"status", "--json"});
                    QVERIFY2(s.exitCode == 0, qPrintable(r.db + ": " + s.err));
                }
            }
        }
        QString codes;
        for (auto [c, n] : exitCodes)
            codes += QString(" exit %1: %2;").arg(c).arg(n);
        qInfo("%d rounds in %.1f s: %d client kills mid-sync, %d kills after the sync had ended, %d server kills, "
              "%d syncs left alone (%s), %zu records, %d failed puts, %d puts of unknown outcome (read back: %d applied)",
              rounds, total.elapsed() / 1000.0, hits, misses, serverHits, cleanSyncs, qPrintable(codes), m_ledger.size(),
              m_failedPuts, m_unknownPuts, m_unknownApplied);
        // An edit a replica refused (say, one a kill left broken) is an edit lost.
        QVERIFY2(m_failedPuts == 0, qPrintable(QString("%1 put(s) failed: %2").arg(m_failedPuts).arg(m_putFailures.join("; "))));
        QVERIFY2(hits >= wantKills, qPrintable(QString("only %1 kills landed").arg(hits)));
        QCOMPARE(serverHits, serverKills);
    }

    void checkIntegrity(const char *when)
    {
        for (const auto &r : m_replicas) {
            QString res = integrityCheck(b->path(r.db));
            QVERIFY2(res == "ok", qPrintable(QString("%1 %2: %3").arg(r.db, when, res)));
        }
        QString res = integrityCheck(b->dataDir() + "/cunxiao.db");
        QVERIFY2(res == "ok", qPrintable(QString("server database %1: %2").arg(when, res)));
    }

    void finalSyncAndVerify()
    {
        // Two passes: the first pushes everything, the second pulls everybody's.
        for (int pass = 0; pass < 2; ++pass) {
            for (auto &r : m_replicas) {
                CliResult s = b->cli(r.db, {"sync", "--json"});
                QVERIFY2(s.exitCode == 0, qPrintable(r.db + " final sync: " + s.err));
                QVERIFY2(s.json().object()["complete"].toBool(), qPrintable(r.db + " final sync incomplete: " + s.out));
            }
        }
        for (auto &r : m_replicas) {
            QJsonObject st = b->cli(r.db, {"status", "--json"}).json().object();
            QCOMPARE(st["pending"].toInt(), 0);
            QCOMPARE(st["sent"].toInt(), 0);
            QCOMPARE(st["rejected"].toInt(), 0);
            QCOMPARE(st["conflicts"].toInt(), 0);
        }

        auto compareRecord = [](const LedgerRecord &l, const QJsonObject &fields, const QString &where) -> QString {
            for (const auto &[k, v] : l.fields)
                if (fields[k] != v)
                    return QString("%1: %2 field %3 is %4, the last value put was %5")
                        .arg(where, l.id, k, QJsonDocument(QJsonArray{fields[k]}).toJson(QJsonDocument::Compact),
                             QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
            if (fields.size() != int(l.fields.size()))
                return QString("%1: %2 has %3 fields, the ledger %4").arg(where, l.id).arg(fields.size()).arg(l.fields.size());
            return {};
        };

        // The server: every ledger record once (by its unique value), nothing else.
        QString out = runTool(CX_SERVER_EXE, {"export", b->dataDir(), "pupils", "--format", "jsonl"});
        std::map<QString, int> uniqCount;
        std::map<QString, QJsonObject> byId;
        int lines = 0;
        for (const QString &line : out.split('\n', Qt::SkipEmptyParts)) {
            QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            ++lines;
            uniqCount[o["fields"].toObject()["uniq"].toString()]++;
            byId[o["id"].toString()] = o;
        }
        QCOMPARE(lines, int(m_ledger.size()));
        for (const auto &l : m_ledger) {
            QVERIFY2(uniqCount[l.uniq] == 1, qPrintable(QString("server holds %1 %2 times").arg(l.uniq).arg(uniqCount[l.uniq])));
            QVERIFY2(byId.count(l.id), qPrintable("server lacks " + l.id));
            QCOMPARE(byId[l.id]["school"].toString(), l.school);
            QString diff = compareRecord(l, byId[l.id]["fields"].toObject(), "server");
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }

        // Every replica: the ledger records of its schools, once each, confirmed.
        for (const auto &r : m_replicas) {
            CliResult lr = b->cli(r.db, {"list", "pupils"});
            QCOMPARE(lr.exitCode, 0);
            std::map<QString, int> seen;
            std::map<QString, QJsonObject> ids;
            for (const QString &line : lr.out.split('\n', Qt::SkipEmptyParts)) {
                QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
                seen[o["fields"].toObject()["uniq"].toString()]++;
                QVERIFY2(!ids.count(o["id"].toString()), qPrintable(r.db + " lists " + o["id"].toString() + " twice"));
                ids[o["id"].toString()] = o;
                QCOMPARE(o["state"].toString(), QString("confirmed"));
            }
            int expected = 0;
            for (const auto &l : m_ledger) {
                if (!r.schools.contains(l.school))
                    continue;
                ++expected;
                QVERIFY2(seen[l.uniq] == 1, qPrintable(QString("%1 holds %2 %3 times").arg(r.db, l.uniq).arg(seen[l.uniq])));
                QString diff = compareRecord(l, ids[l.id]["fields"].toObject(), r.db);
                QVERIFY2(diff.isEmpty(), qPrintable(diff));
            }
            QCOMPARE(int(ids.size()), expected);
        }

        // The audit: no (device, n) twice; as many applied mutations per device as it made.
        const QString serverDb = b->dataDir() + "/cunxiao.db";
        QStringList dup = query(serverDb, "SELECT device, json_extract(mutation, '$.n'), count(*) FROM audit "
                                          "WHERE device <> '' GROUP BY 1, 2 HAVING count(*) > 1");
        QVERIFY2(dup.isEmpty(), qPrintable("mutations applied twice: " + dup.join(", ")));
        for (const auto &r : m_replicas) {
            QString sql = QString("SELECT count(*), count(DISTINCT json_extract(mutation, '$.n')), "
                                  "max(json_extract(mutation, '$.n')) FROM audit WHERE device = '%1'")
                              .arg(r.device);
            QStringList row = query(serverDb, sql.toUtf8().constData());
            // Every counter the device used (unsent edits of a record may fold
            // into one mutation, so there can be fewer than puts) applied once.
            const int made = query(b->path(r.db), "SELECT value FROM meta WHERE key='next_n'").value(0).toInt() - 1;
            QVERIFY(made > 0 && made <= r.puts);
            QCOMPARE(row.value(0), QString("%1|%1|%1").arg(made));
        }
    }

    void run(bool tls, int kills, int serverKills, qint64 budgetMs)
    {
        setUpBureau(tls);
        if (QTest::currentTestFailed())
            return;
        killRounds(kills, serverKills, budgetMs);
        if (QTest::currentTestFailed())
            return;
        checkIntegrity("after the kills");
        if (QTest::currentTestFailed())
            return;
        if (!b->running())
            b->start();
        finalSyncAndVerify();
        if (QTest::currentTestFailed())
            return;
        b->stop();
        checkIntegrity("after the final sync");
    }

private slots:
    void initTestCase()
    {
        bool ok = false;
        m_seed = qEnvironmentVariable("CX_KILLTEST_SEED").toUInt(&ok);
        if (!ok)
            m_seed = quint32(QDateTime::currentMSecsSinceEpoch() & 0x7fffffff);
        qInfo("kill test seed: %u (replay with CX_KILLTEST_SEED=%u)", m_seed, m_seed);
    }

    // Plain HTTP on loopback (fast): >= 100 client kills, 4 server kills.
    void killsOverPlainHttp()
    {
        m_rng.seed(m_seed);
        int kills = qEnvironmentVariable("CX_KILLTEST_KILLS").toInt();
        run(false, kills > 0 ? kills : 100, 4, 330000);
    }

    // TLS: the same with handshakes cut by the kills.
    void killsOverTls()
    {
        m_rng.seed(m_seed ^ 0x5bd1e995u);
        int kills = qEnvironmentVariable("CX_KILLTEST_KILLS").toInt();
        run(true, kills > 0 ? std::max(10, kills / 5) : 20, 2, 150000);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning("failed with seed %u", m_seed);
        b.reset();
    }
};

QTEST_GUILESS_MAIN(TestKill)
#include "tst_killtest.moc"
