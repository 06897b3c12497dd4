// A lost phone gives nothing away (docs/security.md): real cunxiao-cli devices
// sync a school with known names and a photo with known bytes through the real
// server over TLS, then every byte of every file the devices wrote is searched
// for the names, the photo and the device token, and none is found. The PIN:
// at least 6 digits, 5 wrong tries then only the password, change-pin, and a
// replica written before encryption is encrypted once without losing a byte.
#include "Fixture.h"
#include "TestKey.h"

#include "engine/Engine.h"
#include "engine/Vault.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

namespace {

const QStringList kNames = {"欧阳秀英", "司马建国", "诸葛小芳"};
const QString kGuardian = "欧阳大山";
const QString kAddress = "红旗村三组十七号";

// Every file under dir whose name starts with one of the prefixes.
QStringList filesOf(const QString &dir, const QStringList &prefixes)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        const QString rel = QDir(dir).relativeFilePath(f);
        for (const QString &p : prefixes)
            if (rel.startsWith(p))
                out << f;
    }
    return out;
}

// The needles found in any of the files, as "file: needle name".
QStringList findAny(const QStringList &files, const QList<QPair<QString, QByteArray>> &needles)
{
    QStringList found;
    for (const QString &f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const auto &[name, needle] : needles)
            if (bytes.contains(needle))
                found << QFileInfo(f).fileName() + ": " + name;
    }
    return found;
}

} // namespace

class TestAtRestE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> b;

    CliResult enrollWith(const QString &db, const QString &user, const QString &password, const QMap<QString, QString> &env)
    {
        return b->cliEnv(db, {"enroll", b->url(), "--user", user, "--password-stdin", "--ca", b->caFile()}, env,
                         password.toUtf8() + "\n");
    }

private slots:
    void initTestCase()
    {
        b = std::make_unique<BureauFixture>(true);
        b->addSchool("S1", "红旗村完小");
        b->addUser("head1", "head", "S1", "correct horse");
        b->addUser("teacher1", "teacher", "S1", "battery staple");
        b->addUser("head2", "head", "S1", "pw-123456");
        b->addUser("head3", "head", "S1", "pw-123456");
        b->start();
    }

    void nothingReadableAtRest()
    {
        b->enroll("head.db", "head1", "correct horse");
        // A photo of known bytes (random: no run of it occurs by chance).
        QByteArray photo(300 * 1024, '\0');
        QRandomGenerator rng(20261206);
        for (auto &c : photo)
            c = char(rng.generate() & 0xff);
        const QString photoFile = b->path("photo-outside.jpg");
        {
            QFile f(photoFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(photo);
        }
        for (const QString &n : kNames)
            QCOMPARE(
                b->cli("head.db", {"put", "pupils", "-", "name=" + n, "guardian=" + kGuardian, "address=" + kAddress}).exitCode,
                0);
        CliResult att = b->cli("head.db", {"attach", photoFile, "--type", "image/jpeg"});
        QCOMPARE(att.exitCode, 0);
        const QString ref = att.out.trimmed();
        QCOMPARE(b->cli("head.db", {"put", "home_visits", "-", "pupil_name=" + kNames[0], "photo=" + ref}).exitCode, 0);
        QFile::remove(photoFile); // only the device's copy is left
        CliResult s = b->cli("head.db", {"sync", "--json"});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        QCOMPARE(s.json().object()["attachments"].toObject()["sent"].toInt(), 1);

        // A second device downloads everything, the photo too.
        b->enroll("teacher.db", "teacher1", "battery staple");
        QCOMPARE(b->cli("teacher.db", {"sync"}).exitCode, 0);
        const QString sha = QJsonDocument::fromJson(ref.toUtf8()).object()["sha256"].toString();
        CliResult fetched = b->cli("teacher.db", {"fetch-attachment", sha, "--json"});
        QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
        // It is there, and it is the photo: the plain bytes come out on request.
        const QString out = b->path("exported/photo.jpg");
        QDir().mkpath(b->path("exported"));
        QCOMPARE(b->cli("teacher.db", {"fetch-attachment", sha, "--out", out}).exitCode, 0);
        QFile exported(out);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll(), photo);

        // The devices hold the data (so not finding it below means something).
        for (const QString &db : {"head.db", "teacher.db"}) {
            CliResult list = b->cli(db, {"list", "pupils"});
            for (const QString &n : kNames)
                QVERIFY2(list.out.contains(n), qPrintable(db + " lacks " + n));
        }
        cx::Engine head(b->path("head.db").toStdString(), cliKey(b->path("head.db").toStdString()));
        const QByteArray token = QByteArray::fromStdString(head.replica().meta("token").value_or(""));
        QVERIFY(token.size() >= 20);

        QList<QPair<QString, QByteArray>> needles;
        for (const QString &n : kNames)
            needles.append({n, n.toUtf8()});
        needles.append({"guardian", kGuardian.toUtf8()});
        needles.append({"address", kAddress.toUtf8()});
        needles.append({"token", token});
        needles.append({"token (base64 body)", token.mid(4, 16)});
        for (int at : {0, 4096, 65536 - 16, 150000, 300 * 1024 - 32})
            needles.append({"photo bytes at " + QString::number(at), photo.mid(at, 32)});

        // The needles can be found where they are in the clear: the server's export.
        const QByteArray serverSide = QJsonDocument(b->serverRecords("pupils")).toJson();
        QVERIFY(serverSide.contains(kNames[0].toUtf8()));

        const QStringList files = filesOf(b->path("."), {"head.db", "teacher.db"});
        QVERIFY2(files.size() >= 6, qPrintable(files.join(", "))); // replicas, WALs, keys, photos
        QVERIFY2(files.filter(".attachments/").size() >= 2, qPrintable(files.join(", ")));
        QStringList found = findAny(files, needles);
        QVERIFY2(found.isEmpty(), qPrintable("readable on the device: " + found.join("; ")));
    }

    void pinRules()
    {
        const QString db = "pins.db";
        // No PIN, a short one, a non-digit one: refused, and nothing is left behind.
        CliResult r = enrollWith(db, "head2", "pw-123456", {{"CUNXIAO_DEVICE_PIN", ""}});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("CUNXIAO_DEVICE_PIN"), qPrintable(r.err));
        for (const QString &bad : {"12345", "12a456"}) {
            r = enrollWith(db, "head2", "pw-123456", {{"CUNXIAO_DEVICE_PIN", bad}});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("at least 6 digits"), qPrintable(r.err));
        }
        // A wrong password leaves no key file and no replica either.
        r = enrollWith(db, "head2", "not the password", {{"CUNXIAO_DEVICE_PIN", "135790"}});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(!QFile::exists(b->path(db)));
        QVERIFY(!QFile::exists(b->path(db + ".keys")));

        QCOMPARE(enrollWith(db, "head2", "pw-123456", {{"CUNXIAO_DEVICE_PIN", "135790"}}).exitCode, 0);
        QCOMPARE(b->cliEnv(db, {"put", "pupils", "-", "name=未发送的学生"}, {{"CUNXIAO_DEVICE_PIN", "135790"}}).exitCode, 0);
        // Locked without a PIN or password.
        r = b->cliEnv(db, {"status"}, {{"CUNXIAO_DEVICE_PIN", ""}});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("locked"), qPrintable(r.err));
        // Wrong PINs count down, change nothing, and the fifth destroys the PIN wrap.
        for (int left = 4; left >= 1; --left) {
            r = b->cliEnv(db, {"put", "pupils", "-", "name=不该保存"}, {{"CUNXIAO_DEVICE_PIN", "000000"}});
            QCOMPARE(r.exitCode, 5);
            const QString want = QString("wrong PIN (%1 attempt%2 left)").arg(left).arg(left == 1 ? "" : "s");
            QVERIFY2(r.err.contains(want), qPrintable(r.err));
        }
        // The right PIN before the last try resets the count.
        QCOMPARE(b->cliEnv(db, {"status"}, {{"CUNXIAO_DEVICE_PIN", "135790"}}).exitCode, 0);
        for (int i = 0; i < 5; ++i)
            r = b->cliEnv(db, {"status"}, {{"CUNXIAO_DEVICE_PIN", "111111"}});
        QVERIFY2(r.err.contains("0 attempts left") && r.err.contains("password"), qPrintable(r.err));
        r = b->cliEnv(db, {"status"}, {{"CUNXIAO_DEVICE_PIN", "135790"}});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("no longer unlocks"), qPrintable(r.err));
        // The password unlocks offline (the server is not asked) and nothing was lost.
        b->stop();
        r = b->cliEnv(db, {"list", "pupils"}, {{"CUNXIAO_DEVICE_PIN", ""}, {"CUNXIAO_PASSWORD", "pw-123456"}});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("未发送的学生"));
        QVERIFY(!r.out.contains("不该保存"));
        r = b->cliEnv(db, {"status"}, {{"CUNXIAO_DEVICE_PIN", ""}, {"CUNXIAO_PASSWORD", "wrong"}});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("wrong password"), qPrintable(r.err));
        // A new PIN, set with the password; the old one stays dead.
        r = b->cliEnv(db, {"change-pin"},
                      {{"CUNXIAO_DEVICE_PIN", ""}, {"CUNXIAO_PASSWORD", "pw-123456"}, {"CUNXIAO_NEW_PIN", "864200"}});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(b->cliEnv(db, {"status"}, {{"CUNXIAO_DEVICE_PIN", "864200"}}).exitCode, 0);
        QCOMPARE(b->cliEnv(db, {"status"}, {{"CUNXIAO_DEVICE_PIN", "135790"}}).exitCode, 5);
        b->start();
        QCOMPARE(b->cliEnv(db, {"sync"}, {{"CUNXIAO_DEVICE_PIN", "864200"}}).exitCode, 0);
        QVERIFY(b->serverRecords("pupils").size() >= 1);
    }

    // A replica from before encryption: encrypted in place at the first unlock,
    // with every record kept; the plain file is gone.
    void plainReplicaEncryptedOnce()
    {
        const std::string path = b->path("old.db").toStdString();
        {
            cx::Engine old(path, cx::DataKey::none());
            old.replica().setMeta("user", "head2");
            old.put("pupils", "p-old", "S1", cx::Json{{"name", "旧版本的学生"}});
        }
        QVERIFY(cx::Vault::isPlainSqlite(path));
        CliResult r = b->cliEnv("old.db", {"get", "pupils", "p-old"}, {{"CUNXIAO_DEVICE_PIN", "246810"}});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("before encryption"), qPrintable(r.err));
        r = b->cliEnv("old.db", {"get", "pupils", "p-old"},
                      {{"CUNXIAO_DEVICE_PIN", "246810"}, {"CUNXIAO_PASSWORD", "pw-123456"}});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("旧版本的学生"));
        QVERIFY(!cx::Vault::isPlainSqlite(path));
        QVERIFY(QFile::exists(b->path("old.db.keys")));
        QVERIFY(findAny(filesOf(b->path("."), {"old.db"}), {{"name", QString("旧版本的学生").toUtf8()}}).isEmpty());
        QCOMPARE(b->cli("old.db", {"get", "pupils", "p-old"}).exitCode, 0);
    }

    // The bureau revokes one device: at its next contact it erases everything
    // it kept (replica, WAL, photos, key file) and says so; the account's
    // other device goes on.
    void revokedDeviceIsErased()
    {
        b->enroll("lost.db", "head3", "pw-123456");
        b->enroll("kept.db", "head3", "pw-123456");
        const QString photo = b->path("lost-photo.jpg");
        {
            QFile f(photo);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(5000, 'p'));
        }
        CliResult att = b->cli("lost.db", {"attach", photo});
        QCOMPARE(att.exitCode, 0);
        QCOMPARE(b->cli("lost.db", {"put", "home_visits", "-", "photo=" + att.out.trimmed()}).exitCode, 0);
        QCOMPARE(b->cli("lost.db", {"sync", "--unmetered"}).exitCode, 0);
        QCOMPARE(b->cli("lost.db", {"put", "pupils", "-", "name=撤销前未发送"}).exitCode, 0);
        const QString device = b->cli("lost.db", {"status", "--json"}).json().object()["device"].toString();
        QVERIFY(!device.isEmpty());
        QVERIFY(!filesOf(b->path("."), {"lost.db.attachments/"}).isEmpty());

        b->admin({"revoke-device", "--device", device});
        CliResult r = b->cli("lost.db", {"sync"});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("this device was revoked by the bureau; its local data has been erased"), qPrintable(r.err));
        QStringList left = filesOf(b->path("."), {"lost.db"});
        QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
        QVERIFY(!QDir(b->path("lost.db.attachments")).exists());
        // Nothing to unlock any more.
        QCOMPARE(b->cli("lost.db", {"status"}).exitCode, 5);
        // The same account's other device is not affected.
        QCOMPARE(b->cli("kept.db", {"sync"}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestAtRestE2E)
#include "tst_at_rest_e2e.moc"
