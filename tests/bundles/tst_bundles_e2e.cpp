// Sync bundles on a USB stick (docs/bundles.md), end to end: the promises of
// issue 17 with the real server, real replicas and real files.
#include "Fixture.h"
#include "LinkProcess.h"
#include "TestKey.h"

#include "engine/Engine.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <functional>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

struct Tool {
    int code = -1;
    QString out, err;
};

Tool server(const QStringList &args)
{
    QProcess p;
    p.start(CX_SERVER_EXE, args);
    p.waitForFinished(120000);
    return Tool{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

// Answers to every field of a county form, as a person would fill them in
// (no photos: a photo or signature field is left out).
QJsonObject answersFor(const QString &form, int k)
{
    QFile f(QString(CX_SOURCE_DIR) + "/forms/county/" + form + ".json");
    f.open(QIODevice::ReadOnly);
    const QJsonObject def = QJsonDocument::fromJson(f.readAll()).object();
    static const QStringList texts = {"学生父母外出务工，由祖父母照看，学生表示下周一返校。",
                                      "已与班主任联系，家长同意每天接送。", "村委会协助联系，学生身体已恢复。",
                                      "家中农忙，学生帮忙收玉米，已劝返。"};
    std::function<void(const QJsonArray &, QJsonObject &)> fill = [&](const QJsonArray &fields, QJsonObject &out) {
        for (const auto &v : fields) {
            const QJsonObject x = v.toObject();
            const QString name = x["name"].toString(), type = x["type"].toString();
            const QJsonArray options = x["options"].toArray();
            if (type == "group") {
                fill(x["fields"].toArray(), out);
            } else if (type == "repeat") {
                QJsonArray rows;
                for (int r = 0; r < 7; ++r) { // one row per grade
                    QJsonObject row;
                    fill(x["fields"].toArray(), row);
                    rows.append(row);
                }
                out[name] = rows;
            } else if (type == "select_one") {
                out[name] = options.isEmpty() ? QJsonValue("1") : options[k % options.size()].toObject()["value"];
            } else if (type == "select_many") {
                out[name] = QJsonArray{options.isEmpty() ? QJsonValue("1") : options[0].toObject()["value"]};
            } else if (type == "integer") {
                out[name] = 3 + k % 40;
            } else if (type == "decimal") {
                out[name] = 12.5 + k;
            } else if (type == "date") {
                out[name] = QString("2026-11-%1").arg(1 + k % 28, 2, 10, QChar('0'));
            } else if (type == "text") {
                // A phrase and some words of its own: real notes differ from visit to visit.
                static const QString words =
                    "学生家长外出务工祖父母照看返校班主任联系同意接送村委会协助身体恢复农忙收玉米劝返生病住院搬家转学";
                QString note = texts[k % texts.size()];
                for (int i = 0; i < 12; ++i)
                    note += words[int((k * 7919u + i * 104729u + name.size() * 31u) % unsigned(words.size()))];
                out[name] = note;
            } else if (type == "geopoint") {
                out[name] = QJsonObject{{"lat", 25.0421 + k * 0.001}, {"lon", 102.7123}, {"accuracy", 12}};
            }
        }
    };
    QJsonObject out;
    for (const auto &page : def["pages"].toArray())
        fill(page.toObject()["fields"].toArray(), out);
    return out;
}

} // namespace

class TestBundlesE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> b;

    // admin bundle-in at the bureau.
    Tool bureauIn(const QString &bundle, const QString &reply)
    {
        return server({"admin", b->location(), "bundle-in", b->path(bundle), "--reply", b->path(reply)});
    }
    QString newPupil(const QString &db, const QString &name, const QString &school = {})
    {
        QStringList args = {"put", "pupils", "-", "name=" + name};
        if (!school.isEmpty())
            args += {"--school", school};
        CliResult r = b->cli(db, args);
        return r.out.trimmed();
    }
    QJsonObject get(const QString &db, const QString &id) { return b->cli(db, {"get", "pupils", id}).json().object(); }
    int waiting(const QString &db)
    {
        QJsonObject s = b->cli(db, {"status", "--json"}).json().object();
        return s["pending"].toInt() + s["sent"].toInt();
    }
    CliResult out(const QString &db, const QString &file, const QStringList &extra = {})
    {
        return b->cli(db, QStringList{"bundle-out", b->path(file), "--json"} + extra);
    }
    CliResult in(const QString &db, const QString &file) { return b->cli(db, {"bundle-in", b->path(file), "--json"}); }

private slots:
    void initTestCase()
    {
        b = std::make_unique<BureauFixture>(true);
        b->addSchool("S1", "红旗村完小");
        b->addSchool("S2", "向阳教学点");
        b->addUser("head1", "head", "S1");
        b->addUser("teacher1", "teacher", "S1");
        b->addUser("clerk2", "teacher", "S2"); // the township clerk: another school, relays anyway
        b->addUser("gone", "teacher", "S1");
        b->start();
        b->enroll("head.db", "head1");
        b->enroll("teacher.db", "teacher1");
        b->enroll("relay.db", "clerk2");
        b->enroll("relay2.db", "clerk2");
        QCOMPARE(b->cli("head.db", {"sync"}).exitCode, 0);
    }

    // Delivered through two relays and at the bureau: applied once; the
    // device takes one reply, refuses a second one as replayed and a reply
    // of another device as not its own.
    void appliedOnceThroughTwoRelays()
    {
        const QString a = newPupil("head.db", "王小红"), c = newPupil("head.db", "李明");
        CliResult o = out("head.db", "once.cxb");
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.json()["mutations"].toInt(), 2);
        QCOMPARE(get("head.db", a)["state"].toString(), QString("sent")); // on its way: later edits are new changes
        QCOMPARE(b->cli("relay.db", {"relay", b->path("once.cxb"), "--reply", b->path("once-r1.cxb")}).exitCode, 0);
        const QJsonObject after1 = b->serverRecords("pupils");
        QCOMPARE(b->cli("relay2.db", {"relay", b->path("once.cxb"), "--reply", b->path("once-r2.cxb")}).exitCode, 0);
        Tool t = bureauIn("once.cxb", "once-r3.cxb");
        QVERIFY2(t.code == 0, qPrintable(t.err));
        QCOMPARE(b->serverRecords("pupils"), after1); // nothing twice
        QVERIFY(after1.contains(a) && after1.contains(c));
        // The relay learned nothing: the bytes name no pupil.
        QVERIFY(!readFile(b->path("once.cxb")).contains("王小红") && !readFile(b->path("once-r1.cxb")).contains("王小红"));

        CliResult r = in("head.db", "once-r1.cxb");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json()["applied"].toInt(), 2);
        QCOMPARE(r.json()["rejected"].toInt(), 0);
        QCOMPARE(get("head.db", a)["state"].toString(), QString("confirmed"));
        QCOMPARE(waiting("head.db"), 0);

        CliResult again = in("head.db", "once-r2.cxb");
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("replayed reply"), qPrintable(again.err));
        CliResult other = in("teacher.db", "once-r3.cxb");
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains("wrong device"), qPrintable(other.err));
        QCOMPARE(waiting("teacher.db"), 0);
    }

    // An old bundle arriving after a newer online sync changes nothing the
    // newer one settled, on the server and on the device.
    void oldBundleAfterNewerSync()
    {
        const QString id = newPupil("head.db", "张三");
        QCOMPARE(b->cli("head.db", {"put", "pupils", id, "grade=1"}).exitCode, 0);
        QCOMPARE(out("head.db", "old.cxb").exitCode, 0);
        QCOMPARE(b->cli("head.db", {"put", "pupils", id, "grade=2"}).exitCode, 0);
        QCOMPARE(b->cli("head.db", {"sync"}).exitCode, 0);
        QCOMPARE(b->serverRecords("pupils")[id].toObject()["fields"].toObject()["grade"].toInt(), 2);
        // Someone else changes the school meanwhile; the device has not seen it.
        const QString t = newPupil("teacher.db", "赵六");
        QCOMPARE(b->cli("teacher.db", {"sync"}).exitCode, 0);

        QCOMPARE(b->cli("relay.db", {"relay", b->path("old.cxb"), "--reply", b->path("old-r.cxb")}).exitCode, 0);
        QCOMPARE(b->serverRecords("pupils")[id].toObject()["fields"].toObject()["grade"].toInt(), 2);
        CliResult r = in("head.db", "old-r.cxb");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json()["stale"].toBool(), true); // the sync moved the cursor past the bundle's
        QCOMPARE(get("head.db", id)["fields"].toObject()["grade"].toInt(), 2);
        QCOMPARE(get("head.db", id)["state"].toString(), QString("confirmed"));
        QVERIFY(!get("head.db", t).isEmpty());
        QCOMPARE(b->cli("head.db", {"sync"}).exitCode, 0);
        QCOMPARE(get("head.db", id)["fields"].toObject()["grade"].toInt(), 2);
    }

    // A reply to a bundle made before a sync that moved the cursor: only
    // acknowledgements and newer records are taken, the cursor stays.
    void staleReplyIsHarmless()
    {
        const QString id = newPupil("head.db", "钱七");
        QCOMPARE(out("head.db", "stale.cxb").exitCode, 0);
        QCOMPARE(bureauIn("stale.cxb", "stale-r.cxb").code, 0);
        newPupil("teacher.db", "孙八");
        QCOMPARE(b->cli("teacher.db", {"sync"}).exitCode, 0);
        QCOMPARE(b->cli("head.db", {"sync"}).exitCode, 0);
        const QJsonObject cursor = b->cli("head.db", {"status", "--json"}).json()["cursor"].toObject();
        CliResult r = in("head.db", "stale-r.cxb");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json()["stale"].toBool(), true);
        QCOMPARE(b->cli("head.db", {"status", "--json"}).json()["cursor"].toObject(), cursor);
        QCOMPARE(get("head.db", id)["state"].toString(), QString("confirmed"));
    }

    void refusedBundlesApplyNothing_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expect");
        QTest::newRow("tampered body") << "body"
                                       << "tampered bundle";
        QTest::newRow("tampered header") << "header"
                                         << "tampered bundle";
        QTest::newRow("truncated") << "truncate"
                                   << "truncated bundle";
        QTest::newRow("not a bundle") << "garbage"
                                      << "not a Cunxiao bundle";
        QTest::newRow("a reply delivered as a bundle") << "reply"
                                                       << "reply bundle";
    }

    void refusedBundlesApplyNothing()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expect);
        const QString id = newPupil("teacher.db", "被篡改");
        QCOMPARE(out("teacher.db", "bad.cxb").exitCode, 0);
        QByteArray bytes = readFile(b->path("bad.cxb"));
        if (damage == "body") {
            bytes[bytes.size() - 30] = char(bytes[bytes.size() - 30] ^ 1);
        } else if (damage == "header") {
            int at = bytes.indexOf("\"bundle\":\"") + 12;
            bytes[at] = bytes[at] == '0' ? '1' : '0';
        } else if (damage == "truncate") {
            bytes.chop(100);
        } else if (damage == "garbage") {
            bytes = "PK\x03\x04 a zip file, not a bundle";
        } else if (damage == "reply") {
            bytes = readFile(b->path("once-r1.cxb"));
        }
        writeFile(b->path("bad.cxb"), bytes);
        Tool t = bureauIn("bad.cxb", "bad-r.cxb");
        QVERIFY(t.code != 0);
        QVERIFY2(t.err.contains(expect), qPrintable(t.err));
        QVERIFY(!QFile::exists(b->path("bad-r.cxb")));
        CliResult relay = b->cli("relay.db", {"relay", b->path("bad.cxb"), "--reply", b->path("bad-r.cxb")});
        QVERIFY(relay.exitCode != 0);
        QVERIFY2(relay.err.contains(expect), qPrintable(relay.err));
        QVERIFY(!b->serverRecords("pupils").contains(id));
        // The change is still on the device; a sync takes it.
        QCOMPARE(b->cli("teacher.db", {"sync"}).exitCode, 0);
        QVERIFY(b->serverRecords("pupils").contains(id));
    }

    void revokedDeviceIsRefused()
    {
        b->enroll("gone.db", "gone");
        const QString id = newPupil("gone.db", "丢失的手机");
        QCOMPARE(out("gone.db", "gone.cxb").exitCode, 0);
        b->admin({"revoke", "--user", "gone"});
        Tool t = bureauIn("gone.cxb", "gone-r.cxb");
        QVERIFY(t.code != 0);
        QVERIFY2(t.err.contains("revoked device"), qPrintable(t.err));
        CliResult relay = b->cli("relay.db", {"relay", b->path("gone.cxb"), "--reply", b->path("gone-r.cxb")});
        QVERIFY2(relay.err.contains("revoked device"), qPrintable(relay.err));
        QVERIFY(!b->serverRecords("pupils").contains(id));
    }

    // A device of another bureau: its bundle names a device this one never enrolled.
    void foreignDeviceIsRefused()
    {
        BureauFixture other(false);
        other.addSchool("S1", "别的县");
        other.addUser("head1", "head", "S1");
        other.start();
        other.enroll("foreign.db", "head1");
        QCOMPARE(other.cli("foreign.db", {"put", "pupils", "-", "name=外县"}).exitCode, 0);
        QCOMPARE(other.cli("foreign.db", {"bundle-out", b->path("foreign.cxb")}).exitCode, 0);
        Tool t = bureauIn("foreign.cxb", "foreign-r.cxb");
        QVERIFY(t.code != 0);
        QVERIFY2(t.err.contains("foreign bundle"), qPrintable(t.err));
        // Delivered to its own bureau it works.
        Tool home = server({"admin", other.location(), "bundle-in", b->path("foreign.cxb"), "--reply", b->path("foreign-r.cxb")});
        QVERIFY2(home.code == 0, qPrintable(home.err));
        QCOMPARE(other.cli("foreign.db", {"bundle-in", b->path("foreign-r.cxb")}).exitCode, 0);
    }

    // A device enrolled before the server had bundles gets its key on its next sync.
    void olderDeviceGetsItsKeyOnSync()
    {
        b->enroll("older.db", "teacher1");
        {
            // The replica is encrypted: opened with the device's key, as an older version left it.
            const std::string db = b->path("older.db").toStdString();
            cx::Engine e(db, cliKey(db));
            e.replica().db().exec("DELETE FROM meta WHERE key IN ('bundle_server_key','bundle_secret')");
        }
        CliResult no = out("older.db", "older.cxb");
        QCOMPARE(no.exitCode, 2);
        QVERIFY2(no.err.contains("no bundle key"), qPrintable(no.err));
        QCOMPARE(b->cli("older.db", {"sync"}).exitCode, 0);
        QCOMPARE(out("older.db", "older.cxb").exitCode, 0);
        QCOMPARE(bureauIn("older.cxb", "older-r.cxb").code, 0);
        QCOMPARE(in("older.db", "older-r.cxb").exitCode, 0);
    }

    // A photo travels in the bundle; another device can fetch it afterwards.
    void attachmentsTravelAlong()
    {
        writeFile(b->path("photo.jpg"), QByteArray(20000, 'x') + "jpeg");
        CliResult att = b->cli("head.db", {"attach", b->path("photo.jpg")});
        QCOMPARE(att.exitCode, 0);
        const QString ref = att.out.trimmed();
        QCOMPARE(b->cli("head.db", {"put", "visits", "-", "photo=" + ref}).exitCode, 0);
        CliResult records = out("head.db", "photo-ro.cxb", {"--records-only"});
        QCOMPARE(records.json()["attachments"].toInt(), 0);
        QCOMPARE(records.json()["attachments_left"].toInt(), 1);
        CliResult o = out("head.db", "photo.cxb");
        QCOMPARE(o.json()["attachments"].toInt(), 1);
        QCOMPARE(b->cli("relay.db", {"relay", b->path("photo.cxb"), "--reply", b->path("photo-r.cxb")}).exitCode, 0);
        CliResult r = in("head.db", "photo-r.cxb");
        QCOMPARE(r.json()["attachments"].toInt(), 1);
        QVERIFY(b->cli("head.db", {"attachments", "--json"}).out.contains("\"done\""));
        QCOMPARE(b->cli("teacher.db", {"sync"}).exitCode, 0);
        const QString sha = QJsonDocument::fromJson(ref.toUtf8()).object()["sha256"].toString();
        CliResult f = b->cli("teacher.db", {"fetch-attachment", sha});
        QVERIFY2(f.exitCode == 0, qPrintable(f.err));
    }

    // A relay's upload cut again and again by a bad link resumes from the
    // offset the server holds (the attachment upload's machinery) instead of
    // starting over, and the reply it brings back applies as any other.
    void relayCutMidUploadResumes()
    {
        QByteArray photo(600 * 1024, Qt::Uninitialized); // incompressible: the bundle stays this big
        QRandomGenerator rng(17);
        rng.fillRange(reinterpret_cast<quint32 *>(photo.data()), photo.size() / 4);
        writeFile(b->path("cut.jpg"), photo);
        CliResult att = b->cli("head.db", {"attach", b->path("cut.jpg")});
        QCOMPARE(att.exitCode, 0);
        QCOMPARE(b->cli("head.db", {"put", "visits", "-", "photo=" + att.out.trimmed()}).exitCode, 0);
        CliResult o = out("head.db", "cut.cxb");
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.json()["attachments"].toInt(), 1);
        const qint64 size = QFileInfo(b->path("cut.cxb")).size();
        QVERIFY(size > 600 * 1024);

        LinkProcess link(b->port(), {"--kbps", "8000", "--delay-ms", "5", "--cut-every", "150K"});
        b->enroll("relay-cut.db", "clerk2", "pw-123456", link.url());
        const QJsonObject before = link.stats();
        CliResult r =
            b->cli("relay-cut.db", {"relay", b->path("cut.cxb"), "--reply", b->path("cut-r.cxb"), "--json"}, {}, 600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject after = link.stats();
        const int cuts = after["cuts"].toInt() - before["cuts"].toInt();
        const double up = after["bytes_up"].toDouble() - before["bytes_up"].toDouble();
        qInfo("a %lld-byte bundle relayed through %d cuts: %.0f bytes up", size, cuts, up);
        QVERIFY2(cuts >= 3, "the upload should have been cut several times");
        // Each cut costs at most about one 32 KB chunk and a TLS reconnect.
        QVERIFY2(up < size + (cuts + 1) * 48 * 1024, "a relayed upload must resume from its offset, not restart");

        CliResult in2 = in("head.db", "cut-r.cxb");
        QVERIFY2(in2.exitCode == 0, qPrintable(in2.err));
        QCOMPARE(in2.json()["applied"].toInt(), 1);
        QCOMPARE(in2.json()["attachments"].toInt(), 1);
        const QString sha = QJsonDocument::fromJson(att.out.toUtf8()).object()["sha256"].toString();
        QCOMPARE(QString(QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex()), sha);
        QCOMPARE(waiting("head.db"), 0);
    }

    // A school's typical month without photos (docs/bundles.md, Size): 30
    // home visits, the monthly statistics return, a few roster edits.
    void typicalMonthSize()
    {
        for (const QString form : {"home_visit", "enrolment_return", "pupil_roster"})
            b->admin({"publish-form", QString(CX_SOURCE_DIR) + "/forms/county/" + form + ".json"});
        b->enroll("month.db", "head1");
        int failed = 0;
        auto put = [&](const QString &collection, const QString &id, const QJsonObject &fields) {
            QStringList args = {"put", collection, id};
            for (auto it = fields.begin(); it != fields.end(); ++it)
                args << it.key() + "=" +
                            (it.value().isString()
                                 ? it.value().toString()
                                 : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact))
                                       .mid(1)
                                       .chopped(1));
            CliResult r = b->cli("month.db", args);
            if (r.exitCode != 0)
                qWarning("put failed: %s", qPrintable(r.err));
            ++failed;
            failed -= r.exitCode == 0;
            return r.out.trimmed();
        };
        QStringList pupils;
        for (int k = 0; k < 2; ++k)
            pupils << put("pupils", "-", answersFor("pupil_roster", k)); // from before this month
        QCOMPARE(b->cli("month.db", {"sync"}).exitCode, 0);
        for (int k = 0; k < 30; ++k)
            put("home_visits", "-", answersFor("home_visit", k));
        QJsonObject ret{{"form", "enrolment_return"},
                        {"form_version", 1},
                        {"status", "submitted"},
                        {"answers", answersFor("enrolment_return", 1)}};
        put("submissions", "-", ret);
        for (int k = 0; k < 3; ++k) // roster edits: a new phone, a new grade
            put("pupils", pupils[k % 2],
                QJsonObject{{"guardian_phone", QString("1380000%1").arg(k, 4, 10, QChar('0'))},
                            {"grade", QString::number(2 + k)}});
        for (int k = 2; k < 4; ++k)
            put("pupils", "-", answersFor("pupil_roster", k)); // two new pupils
        QCOMPARE(failed, 0);
        CliResult o = out("month.db", "month.cxb", {"--records-only"});
        QCOMPARE(o.exitCode, 0);
        const qint64 bytes = o.json()["bytes"].toInteger();
        QVERIFY2(bytes < 1024 * 1024, qPrintable(QString::number(bytes)));
        Tool t = bureauIn("month.cxb", "month-r.cxb");
        QVERIFY2(t.code == 0, qPrintable(t.err));
        const qint64 reply = readFile(b->path("month-r.cxb")).size();
        qInfo("typical month: %d changes, bundle %lld bytes, reply %lld bytes", o.json()["mutations"].toInt(), bytes, reply);
        CliResult r = in("month.db", "month-r.cxb");
        QVERIFY2(r.exitCode == 0 || r.exitCode == 6, qPrintable(r.err));
        qInfo("receipt: %s", qPrintable(r.out.trimmed()));
    }

    // Bundles (some lost, some twice, some late) mixed with online syncs in
    // any order: everything converges, nothing lost or doubled.
    void mixedWithSyncConverges()
    {
        QStringList made;
        int replyNo = 0;
        QStringList lateReplies;
        for (int round = 0; round < 4; ++round) {
            for (const QString db : {"head.db", "teacher.db"}) {
                made << newPupil(db, QString("混合%1-%2").arg(round).arg(db));
                const QString file = QString("mix%1.cxb").arg(replyNo);
                const QString reply = QString("mix%1-r.cxb").arg(replyNo++);
                QCOMPARE(out(db, file).exitCode, 0);
                made << newPupil(db, QString("之后%1-%2").arg(round).arg(db));
                switch ((round + (db == "head.db" ? 0 : 1)) % 4) {
                case 0: // delivered and applied
                    QCOMPARE(bureauIn(file, reply).code, 0);
                    QCOMPARE(in(db, reply).exitCode, 0);
                    break;
                case 1: // lost
                    break;
                case 2: // delivered twice, its reply applied after an online sync
                    QCOMPARE(bureauIn(file, reply).code, 0);
                    QCOMPARE(b->cli("relay.db", {"relay", b->path(file), "--reply", b->path(reply + "2")}).exitCode, 0);
                    QCOMPARE(b->cli(db, {"sync"}).exitCode, 0);
                    lateReplies << db + "|" + reply;
                    break;
                case 3: // delivered late, after the next round
                    lateReplies << db + "|!" + file;
                    break;
                }
            }
        }
        for (const QString &x : lateReplies) {
            const QString db = x.section('|', 0, 0), f = x.section('|', 1);
            if (f.startsWith('!')) {
                QCOMPARE(bureauIn(f.mid(1), f.mid(1) + "-late").code, 0);
                QCOMPARE(in(db, f.mid(1) + "-late").exitCode, 0);
            } else {
                QCOMPARE(in(db, f).exitCode, 0);
            }
        }
        for (const QString db : {"head.db", "teacher.db", "head.db"})
            QCOMPARE(b->cli(db, {"sync"}).exitCode, 0);
        const QJsonObject server = b->serverRecords("pupils");
        for (const QString &id : made)
            QVERIFY2(server.contains(id), qPrintable(id));
        for (const QString db : {"head.db", "teacher.db"}) {
            QCOMPARE(waiting(db), 0);
            CliResult list = b->cli(db, {"list", "pupils"});
            QCOMPARE(list.out.trimmed().split('\n').size(), server.size());
        }
    }

    // (Last: the other tests compare every school's pupils.) A carrier
    // with a small stick: replies of at most 1 MB each bring a
    // school's backlog in parts, each saying whether more waits, until the
    // device holds every record once.
    void smallRepliesBringTheBacklogInParts()
    {
        b->addSchool("S3", "石门教学点");
        b->addUser("head3", "head", "S3");
        b->enroll("head3.db", "head3");
        // 1,500 pupils with 1 KB of notes that do not compress: about 2 MB after zstd.
        QByteArray lines;
        QRandomGenerator rng(23);
        for (int i = 0; i < 1500; ++i) {
            QByteArray note(768, Qt::Uninitialized);
            rng.fillRange(reinterpret_cast<quint32 *>(note.data()), note.size() / 4);
            lines += QJsonDocument(QJsonObject{{"collection", "pupils"},
                                               {"fields", QJsonObject{{"name", QStringLiteral("学生%1").arg(i)},
                                                                      {"notes", QString::fromLatin1(note.toBase64())}}}})
                         .toJson(QJsonDocument::Compact) +
                     "\n";
        }
        writeFile(b->path("backlog.jsonl"), lines);
        Tool imp = server({"import", b->location(), "--school", "S3", b->path("backlog.jsonl")});
        QVERIFY2(imp.code == 0, qPrintable(imp.err));

        int parts = 0, received = 0;
        bool more = true;
        while (more && parts < 10) {
            const QString bundle = QStringLiteral("part%1.cxb").arg(parts), reply = QStringLiteral("part%1-r.cxb").arg(parts);
            QCOMPARE(out("head3.db", bundle).exitCode, 0);
            Tool t = server({"admin", b->location(), "bundle-in", b->path(bundle), "--reply", b->path(reply), "--max-mb", "1"});
            QVERIFY2(t.code == 0, qPrintable(t.err));
            QVERIFY2(QFileInfo(b->path(reply)).size() <= 1024 * 1024,
                     qPrintable(QStringLiteral("reply %1 is %2 bytes").arg(reply).arg(QFileInfo(b->path(reply)).size())));
            CliResult r = in("head3.db", reply);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY(r.json()["received"].toInt() > 0);
            received += r.json()["received"].toInt();
            more = r.json()["more"].toBool();
            ++parts;
        }
        QVERIFY2(!more, "ten 1 MB replies should carry 2 MB");
        QVERIFY2(parts >= 2, qPrintable(QStringLiteral("a 2 MB backlog came in %1 reply").arg(parts)));
        auto count = [this](const QString &collection) {
            const QString out = b->cli("head3.db", {"list", collection}).out.trimmed();
            return out.isEmpty() ? 0 : int(out.split('\n').size());
        };
        QCOMPARE(count("pupils"), 1500);
        // Each record came once: the pupils, the school's own record and the county's forms.
        QCOMPARE(received, count("pupils") + count("schools") + count("forms") + count("form_versions"));
        // The next online sync finds nothing missing.
        CliResult sync = b->cli("head3.db", {"sync", "--json"});
        QCOMPARE(sync.exitCode, 0);
        QCOMPARE(sync.json()["pulled"].toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBundlesE2E)
#include "tst_bundles_e2e.moc"
