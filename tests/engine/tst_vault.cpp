// Encryption at rest on the device (docs/security.md): the vendored SQLCipher
// is the SQLite in use, the key file wraps the data key by PIN and password,
// the replica and the sealed attachment files reveal nothing and refuse
// tampering, and a replica from before encryption is encrypted in place.
#include "TestKey.h"

#include "engine/CipherSpeed.h"
#include "engine/Engine.h"
#include "engine/SealedFile.h"
#include "engine/Vault.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using namespace cx;

namespace {

// Fast derivation for the many wraps of these tests; the real cost is the
// default KdfParams (docs/security.md), used where a test says so.
const KdfParams kQuick{1024, 1, 1};

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::string randomBytesOf(size_t n, quint32 seed)
{
    std::string s(n, '\0');
    QRandomGenerator rng(seed);
    for (auto &c : s)
        c = char(rng.generate() & 0xff);
    return s;
}

void writeFile(const QString &path, const std::string &bytes)
{
    std::ofstream o(path.toStdString(), std::ios::binary | std::ios::trunc);
    o.write(bytes.data(), std::streamsize(bytes.size()));
}

QString errorOf(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const Error &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestVault : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    // One SQLite in the process, and it is SQLCipher over OpenSSL.
    void sqlcipherIsTheSqlite()
    {
        QCOMPARE(QString(sqlite3_libversion()), QString("3.42.0"));
        Db db(":memory:", testKey());
        Stmt v(db, "PRAGMA cipher_version");
        QVERIFY(v.step());
        QVERIFY2(QString::fromStdString(v.text(0)).startsWith("4.5.5"), v.text(0).c_str());
        Stmt p(db, "PRAGMA cipher_provider");
        QVERIFY(p.step());
        QCOMPARE(QString::fromStdString(p.text(0)), QString("openssl"));
        QFile maps("/proc/self/maps");
        QVERIFY(maps.open(QIODevice::ReadOnly));
        QVERIFY2(!maps.readAll().contains("libsqlite3.so"), "the system libsqlite3 is loaded too");
    }

    void vendoredFilesMatchTheirChecksums()
    {
        const QString dir = QString(CX_SOURCE_DIR) + "/third_party/sqlcipher";
        QFile sums(dir + "/SHA256SUMS");
        QVERIFY(sums.open(QIODevice::ReadOnly));
        int checked = 0;
        for (const QByteArray &line : sums.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QList<QByteArray> parts = line.simplified().split(' ');
            QCOMPARE(parts.size(), 2);
            const QByteArray actual =
                QCryptographicHash::hash(fileBytes(dir + "/" + parts[1]), QCryptographicHash::Sha256).toHex();
            QCOMPARE(actual, parts[0]);
            ++checked;
        }
        QCOMPARE(checked, 4);
    }

    void pinAndPasswordUnwrapTheSameKey()
    {
        const std::string db = path("a.db").toStdString();
        Vault v(db);
        QVERIFY(!v.exists());
        DataKey k = v.create("246810", "correct horse", kQuick);
        QCOMPARE(k.raw().size(), DataKey::kBytes);
        QVERIFY(v.exists());
        QCOMPARE(v.unlockWithPin("246810").raw(), k.raw());
        QCOMPARE(v.unlockWithPassword("correct horse").raw(), k.raw());
        // The key file holds the key in no form: raw, hex, base64.
        const QByteArray file = fileBytes(QString::fromStdString(v.path()));
        const QByteArray raw = QByteArray::fromStdString(k.raw());
        QVERIFY(!file.contains(raw));
        QVERIFY(!file.contains(raw.toHex()));
        QVERIFY(!file.contains(raw.toBase64()));
        QVERIFY(!file.contains("246810"));
        QVERIFY(!file.contains("correct horse"));
        // Refuses to replace an existing key (that would lose the data).
        QVERIFY(errorOf([&] { v.create("135790", "x", kQuick); }).contains("already has a key file"));
        QCOMPARE(v.unlockWithPin("246810").raw(), k.raw());
    }

    void pinRules()
    {
        QVERIFY(errorOf([] { Vault::checkPin("12345"); }).contains("at least 6 digits"));
        QVERIFY(errorOf([] { Vault::checkPin("12345a"); }).contains("at least 6 digits"));
        QVERIFY(errorOf([] { Vault::checkPin(""); }).contains("at least 6 digits"));
        QVERIFY(errorOf([] { Vault::checkPin("123456"); }).isEmpty());
        QVERIFY(
            errorOf([&] { Vault(path("short.db").toStdString()).create("1234", "pw", kQuick); }).contains("at least 6 digits"));
        QVERIFY(!QFile::exists(path("short.db.keys")));
    }

    void fiveWrongPinsLeaveOnlyThePassword()
    {
        const std::string db = path("b.db").toStdString();
        Vault v(db);
        DataKey k = v.create("246810", "pw", kQuick);
        for (int left = 4; left >= 1; --left) {
            const QString e = errorOf([&] { v.unlockWithPin("000000"); });
            QVERIFY2(e.contains(QString("wrong PIN (%1 attempt").arg(left)), qPrintable(e));
            QCOMPARE(v.pinAttemptsLeft(), left);
        }
        // A right PIN resets the count.
        QCOMPARE(v.unlockWithPin("246810").raw(), k.raw());
        QCOMPARE(v.pinAttemptsLeft(), Vault::kMaxPinAttempts);
        for (int i = 0; i < 4; ++i)
            errorOf([&] { v.unlockWithPin("999999"); });
        QString last = errorOf([&] { v.unlockWithPin("999999"); });
        QVERIFY2(last.contains("0 attempts left") && last.contains("password"), qPrintable(last));
        QCOMPARE(v.pinAttemptsLeft(), 0);
        // The PIN wrap is gone from the file: the right PIN no longer works either.
        QVERIFY(errorOf([&] { v.unlockWithPin("246810"); }).contains("no longer unlocks"));
        QVERIFY(errorOf([&] { v.unlockWithPassword("wrong"); }).contains("wrong password"));
        DataKey back = v.unlockWithPassword("pw");
        QCOMPARE(back.raw(), k.raw());
        v.setPin(back, "864200");
        QCOMPARE(v.pinAttemptsLeft(), Vault::kMaxPinAttempts);
        QCOMPARE(v.unlockWithPin("864200").raw(), k.raw());
        QVERIFY(errorOf([&] { v.unlockWithPin("246810"); }).contains("wrong PIN"));
    }

    void damagedKeyFileIsAClearError()
    {
        const std::string db = path("c.db").toStdString();
        Vault v(db);
        v.create("246810", "pw", kQuick);
        QByteArray bytes = fileBytes(QString::fromStdString(v.path()));
        const int at = bytes.indexOf("\"key\":\"") + 9;
        bytes[at] = bytes[at] == 'A' ? 'B' : 'A';
        writeFile(QString::fromStdString(v.path()), bytes.toStdString());
        // A changed wrap does not open (and is not mistaken for a right PIN).
        QVERIFY(!errorOf([&] { v.unlockWithPassword("pw"); }).isEmpty() ||
                !errorOf([&] { v.unlockWithPin("246810"); }).isEmpty());
        writeFile(QString::fromStdString(v.path()), "not json");
        QVERIFY(errorOf([&] { v.unlockWithPin("246810"); }).contains("damaged"));
    }

    // The default cost is what docs/security.md measured; it runs once here.
    void defaultCostDerives()
    {
        const std::string db = path("cost.db").toStdString();
        QElapsedTimer t;
        t.start();
        DataKey k = Vault(db).create("246810", "pw");
        QCOMPARE(Vault(db).unlockWithPin("246810").raw(), k.raw());
        qInfo("create + unlock with the default Argon2id cost: %lld ms", (long long)t.elapsed());
        QFile keys(QString::fromStdString(db) + ".keys");
        QVERIFY(keys.open(QIODevice::ReadOnly));
        const Json j = Json::parse(keys.readAll().toStdString());
        QCOMPARE(j["pin"]["m"].get<int>(), int(KdfParams{}.memoryKiB));
        QCOMPARE(j["pin"]["kdf"].get<std::string>(), std::string("argon2id"));
    }

    // The page crypto without per-page algorithm lookups is in use, and it
    // passed its own check against SQLCipher's functions (install() in
    // CipherSpeed.cpp: the same HMACs and AES bytes on random pages); a
    // replica written with it reads back (replicaIsEncrypted, below).
    void fastPageCryptoIsInUse() { QVERIFY(cx::useFastPageCrypto()); }

    void replicaIsEncrypted()
    {
        const std::string db = path("r.db").toStdString();
        {
            Engine e(db, testKey());
            e.put("pupils", "p1", "S1", Json{{"name", "欧阳秀英"}, {"guardian", "欧阳大山"}});
        }
        for (const char *suffix : {"", "-wal"}) {
            const QByteArray bytes = fileBytes(QString::fromStdString(db) + suffix);
            QVERIFY(!bytes.contains(QString("欧阳").toUtf8()));
            QVERIFY(!bytes.contains("pupils"));
            QVERIFY(!bytes.startsWith("SQLite format 3"));
        }
        QVERIFY(!Vault::isPlainSqlite(db));
        // Another key, or none, cannot read it.
        QVERIFY(errorOf([&] { Engine e(db, DataKey(std::string(32, 'x'))); }).contains("cannot be read with this device's key"));
        QVERIFY(!errorOf([&] { Engine e(db, DataKey::none()); }).isEmpty());
        Engine again(db, testKey());
        QCOMPARE(again.get("pupils", "p1")->fields["name"].get<std::string>(), std::string("欧阳秀英"));
    }

    void sealedFilesRoundTripSeekAndResume()
    {
        const DataKey key = testKey();
        const std::string plain = randomBytesOf(300 * 1024 + 17, 7);
        const QString p = path("sealed");
        {
            SealedWriter w(p.toStdString(), key);
            for (size_t at = 0; at < plain.size(); at += 10000)
                w.write(std::string_view(plain).substr(at, 10000));
            w.finish();
        }
        QVERIFY(!fileBytes(p).contains(QByteArray::fromStdString(plain.substr(1000, 32))));
        QVERIFY(looksSealed(p.toStdString()));
        QCOMPARE(readSealedFile(p.toStdString(), key), plain);
        SealedReader r(p.toStdString(), key);
        QCOMPARE(r.size(), uint64_t(plain.size()));
        QVERIFY(r.complete());
        for (uint64_t at :
             {uint64_t(0), uint64_t(1), uint64_t(65535), uint64_t(65536), uint64_t(200000), uint64_t(plain.size() - 5)}) {
            r.seek(at);
            std::string got(100, '\0');
            got.resize(r.read(got.data(), got.size()));
            QCOMPARE(got, plain.substr(at, 100));
        }
        // Another key: refused.
        QVERIFY(errorOf([&] { readSealedFile(p.toStdString(), DataKey(std::string(32, 'x'))); }).contains("fails its check"));

        // An unfinished download: flushed, then resumed (rehashing what is there).
        const QString part = path("sealed.part");
        {
            SealedWriter w(part.toStdString(), key);
            w.write(std::string_view(plain).substr(0, 100000));
            w.flush();
        } // no finish: as after a cut
        Sha256Stream again;
        SealedWriter w(part.toStdString(), key, true, &again);
        QCOMPARE(w.size(), uint64_t(100000));
        Sha256Stream expect;
        expect.update(plain.data(), 100000);
        QCOMPARE(again.hex(), expect.hex());
        w.write(std::string_view(plain).substr(100000));
        w.finish();
        QCOMPARE(readSealedFile(part.toStdString(), key), plain);
    }

    void sealedFilesRefuseTamperingAndCuts()
    {
        const DataKey key = testKey();
        const std::string plain = randomBytesOf(150000, 9);
        const QString p = path("t");
        {
            SealedWriter w(p.toStdString(), key);
            w.write(plain);
            w.finish();
        }
        const QByteArray good = fileBytes(p);
        // Every tenth byte flipped in turn (header, lengths, ciphertext, tags): refused.
        for (int at = 0; at < good.size(); at += good.size() / 37) {
            QByteArray bad = good;
            bad[at] = char(bad[at] ^ 0x20);
            writeFile(p, bad.toStdString());
            QVERIFY2(!errorOf([&] { readSealedFile(p.toStdString(), key); }).isEmpty(), qPrintable(QString::number(at)));
        }
        // Cut at a record boundary (the last record dropped): refused as cut short.
        const int lastRecordAt = 12 + 2 * (4 + 65536 + 16);
        writeFile(p, good.left(lastRecordAt).toStdString());
        QVERIFY(errorOf([&] { readSealedFile(p.toStdString(), key); }).contains("cut short"));
        // Records swapped: refused.
        QByteArray swapped = good.left(12) + good.mid(12 + 65556, 65556) + good.mid(12, 65556) + good.mid(12 + 2 * 65556);
        writeFile(p, swapped.toStdString());
        QVERIFY(errorOf([&] { readSealedFile(p.toStdString(), key); }).contains("fails its check"));
    }

    void plainReplicaIsEncryptedInPlace()
    {
        const std::string db = path("old.db").toStdString();
        const std::string photo = randomBytesOf(70000, 11);
        writeFile(path("old-photo.jpg"), photo);
        std::string sha;
        {
            Engine e(db, DataKey::none());
            e.put("pupils", "p1", "S1", Json{{"name", "诸葛小芳"}});
            sha = e.attach(path("old-photo.jpg").toStdString(), "image/jpeg").sha256;
        }
        QVERIFY(Vault::isPlainSqlite(db));
        QVERIFY(fileBytes(QString::fromStdString(db + ".attachments/" + sha))
                    .contains(QByteArray::fromStdString(photo.substr(0, 64))));
        DataKey k = Vault(db).create("246810", "pw", kQuick);
        QVERIFY(Vault::encryptExisting(db, k));
        QVERIFY(!Vault::encryptExisting(db, k)); // once
        QVERIFY(!Vault::isPlainSqlite(db));
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QVERIFY(!fileBytes(QString::fromStdString(db) + suffix).contains(QString("诸葛").toUtf8()));
        QVERIFY(!fileBytes(QString::fromStdString(db + ".attachments/" + sha))
                     .contains(QByteArray::fromStdString(photo.substr(0, 64))));
        Engine e(db, k);
        QCOMPARE(e.get("pupils", "p1")->fields["name"].get<std::string>(), std::string("诸葛小芳"));
        QCOMPARE(e.readAttachment(sha), photo);
        QCOMPARE(e.attachments().size(), size_t(1));
    }

    void eraseLeavesNothing()
    {
        const std::string db = path("gone.db").toStdString();
        DataKey k = Vault(db).create("246810", "pw", kQuick);
        writeFile(path("p.jpg"), randomBytesOf(1000, 3));
        {
            Engine e(db, k);
            e.put("pupils", "p1", "S1", Json{{"name", "x"}});
            e.attach(path("p.jpg").toStdString());
        }
        Vault::erase(db);
        for (const char *suffix : {"", "-wal", "-shm", ".keys", ".attachments"})
            QVERIFY2(!std::filesystem::exists(db + suffix), suffix);
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
