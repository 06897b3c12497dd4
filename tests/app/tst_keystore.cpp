// The PIN wrap bound to the OS keystore (engine/Keystore.h), against a real
// Secret Service: ctest runs this under scripts/with-secret-service.sh (a
// private D-Bus session and gnome-keyring-daemon), so it never skips.
// docs/security.md, "Keys".
#include "account/SecretServiceKeystore.h"
#include "engine/Vault.h"
#include "protocol/Errors.h"
#include "protocol/Json.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <functional>

using namespace cx;
using cx::app::SecretServiceKeystore;

namespace {

const KdfParams kQuick{1024, 1, 1};

QString errorOf(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

Json readJson(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return Json::parse(text);
}

void writeJson(const std::string &path, const Json &j)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << j.dump();
}

// "Another machine": the key file and the replica copied to another folder.
std::string copyTo(const std::string &db, const QString &dir)
{
    const std::string to = (dir + QStringLiteral("/copied.db")).toStdString();
    std::filesystem::copy_file(db + ".keys", to + ".keys");
    return to;
}

} // namespace

class TestKeystore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    SecretServiceKeystore m_keyring;
    std::string path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }
    std::string handleOf(const std::string &db) const { return readJson(db + ".keys")["pin"]["keystore"]["handle"]; }

private slots:
    void initTestCase()
    {
        // Not a skip: without a Secret Service this test has nothing to prove.
        auto b = m_keyring.bind();
        QVERIFY2(b.has_value(), "no Secret Service answered: run under scripts/with-secret-service.sh (ctest does)");
        std::string back;
        QCOMPARE(m_keyring.secret(b->handle, back), Keystore::Lookup::Found);
        QCOMPARE(back, b->secret);
        m_keyring.forget(b->handle);
        QCOMPARE(m_keyring.secret(b->handle, back), Keystore::Lookup::Missing);
    }

    // What the binding adds to an unlock: one lookup in the keyring (printed, not asserted).
    void lookupCost()
    {
        auto b = m_keyring.bind();
        QVERIFY(b.has_value());
        std::string back;
        QElapsedTimer t;
        t.start();
        constexpr int kRounds = 20;
        for (int i = 0; i < kRounds; ++i)
            QCOMPARE(m_keyring.secret(b->handle, back), Keystore::Lookup::Found);
        qInfo("a Secret Service lookup (gnome-keyring over D-Bus): %.1f ms on average of %d", double(t.elapsed()) / kRounds,
              kRounds);
        m_keyring.forget(b->handle);
    }

    void pinUnlocksWithTheKeystore()
    {
        const std::string db = path("a.db");
        DataKey key = Vault(db, &m_keyring).create("246810", "pw", kQuick);
        Vault v(db, &m_keyring);
        QCOMPARE(v.pinKeystore(), std::string("secret-service"));
        QVERIFY(v.pinUsable());
        std::string secret;
        QCOMPARE(m_keyring.secret(handleOf(db), secret), Keystore::Lookup::Found);
        QCOMPARE(secret.size(), size_t(32));
        QCOMPARE(v.unlockWithPin("246810").raw(), key.raw());
        // A wrong PIN is still a counted try.
        QVERIFY(errorOf([&] { v.unlockWithPin("111111"); }).contains("wrong PIN (4 attempts left)"));
        QCOMPARE(v.unlockWithPin("246810").raw(), key.raw());
        QCOMPARE(v.pinAttemptsLeft(), Vault::kMaxPinAttempts);
        // Neither the key file nor the keyring holds the data key in the clear.
        std::ifstream in(db + ".keys", std::ios::binary);
        std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QVERIFY(file.find(key.raw()) == std::string::npos);
        QVERIFY(secret != key.raw());
    }

    void copiedFilesAndPinDoNotUnlockElsewhere()
    {
        const std::string db = path("b.db");
        DataKey key = Vault(db, &m_keyring).create("246810", "pw", kQuick);
        QTemporaryDir other;
        const std::string copy = copyTo(db, other.path());

        // A machine without a keystore (cunxiao-cli, a thief's tool): not a try, a clear word.
        Vault headless(copy);
        QVERIFY(!headless.pinUsable());
        QVERIFY(errorOf([&] { headless.unlockWithPin("246810"); }).contains("bound to the system keystore"));
        QCOMPARE(headless.pinAttemptsLeft(), Vault::kMaxPinAttempts);

        // The binding is in the key, not only a flag: with the flag stripped the right PIN is wrong.
        const std::string stripped = (other.path() + QStringLiteral("/stripped.db")).toStdString();
        Json j = readJson(copy + ".keys");
        j["pin"].erase("keystore");
        writeJson(stripped + ".keys", j);
        QVERIFY(errorOf([&] { Vault(stripped).unlockWithPin("246810"); }).contains("wrong PIN (4 attempts left)"));

        // A machine with a keyring that never held this secret (a new OS install): the PIN
        // wrap is dropped, not counted down; the password unlocks and a new PIN re-binds.
        const std::string oldHandle = handleOf(db);
        std::string secret;
        QCOMPARE(m_keyring.secret(oldHandle, secret), Keystore::Lookup::Found);
        m_keyring.forget(oldHandle);
        Vault fresh(copy, &m_keyring);
        QVERIFY(errorOf([&] { fresh.unlockWithPin("246810"); }).contains("no longer holds its secret"));
        QCOMPARE(fresh.pinAttemptsLeft(), 0);
        QVERIFY(errorOf([&] { fresh.unlockWithPin("246810"); }).contains("the PIN no longer unlocks this device"));
        QVERIFY(errorOf([&] { fresh.unlockWithPassword("wrong"); }).contains("wrong password"));
        DataKey back = fresh.unlockWithPassword("pw");
        QCOMPARE(back.raw(), key.raw());
        fresh.setPin(back, "135790");
        QCOMPARE(fresh.pinKeystore(), std::string("secret-service"));
        QVERIFY(handleOf(copy) != oldHandle);
        QCOMPARE(m_keyring.secret(handleOf(copy), secret), Keystore::Lookup::Found);
        QCOMPARE(fresh.unlockWithPin("135790").raw(), key.raw());
        // The original, whose secret was lost with it, also still opens with the password.
        QCOMPARE(Vault(db, &m_keyring).unlockWithPassword("pw").raw(), key.raw());
    }

    void forgottenPinRecoversWithThePassword()
    {
        const std::string db = path("c.db");
        DataKey key = Vault(db, &m_keyring).create("246810", "pw", kQuick);
        const std::string handle = handleOf(db);
        Vault v(db, &m_keyring);
        for (int i = 1; i < Vault::kMaxPinAttempts; ++i)
            QVERIFY(errorOf([&] { v.unlockWithPin("000000"); }).contains("wrong PIN"));
        QVERIFY(errorOf([&] { v.unlockWithPin("000000"); }).contains("0 attempts left"));
        QCOMPARE(v.pinAttemptsLeft(), 0);
        std::string secret; // the destroyed wrap's secret leaves the keyring too
        QCOMPARE(m_keyring.secret(handle, secret), Keystore::Lookup::Missing);
        QVERIFY(errorOf([&] { v.unlockWithPin("246810"); }).contains("no longer unlocks"));
        DataKey back = v.unlockWithPassword("pw");
        QCOMPARE(back.raw(), key.raw());
        v.setPin(back, "864200");
        QCOMPARE(v.pinKeystore(), std::string("secret-service"));
        QCOMPARE(v.unlockWithPin("864200").raw(), key.raw());
    }

    void pinSetWithoutKeystoreIsBoundAtTheNextUnlock()
    {
        const std::string db = path("d.db");
        DataKey key = Vault(db).create("246810", "pw", kQuick); // as cunxiao-cli makes it
        QVERIFY(Vault(db).pinKeystore().empty());
        QCOMPARE(Vault(db).unlockWithPin("246810").raw(), key.raw());
        QVERIFY(Vault(db).pinKeystore().empty()); // no keystore: the PIN wrap alone, unchanged
        // The app on a desktop with a keyring: the right PIN binds the wrap.
        QCOMPARE(Vault(db, &m_keyring).unlockWithPin("246810").raw(), key.raw());
        QCOMPARE(Vault(db).pinKeystore(), std::string("secret-service"));
        QCOMPARE(Vault(db, &m_keyring).unlockWithPin("246810").raw(), key.raw());
        // From then on a program without the keystore needs the password.
        QVERIFY(errorOf([&] { Vault(db).unlockWithPin("246810"); }).contains("bound to the system keystore"));
        QCOMPARE(Vault(db).unlockWithPassword("pw").raw(), key.raw());
        // Changing the PIN drops the old secret from the keyring.
        const std::string before = handleOf(db);
        Vault(db, &m_keyring).setPin(key, "975310");
        std::string secret;
        QCOMPARE(m_keyring.secret(before, secret), Keystore::Lookup::Missing);
        QCOMPARE(Vault(db, &m_keyring).unlockWithPin("975310").raw(), key.raw());
    }
};

QTEST_GUILESS_MAIN(TestKeystore)
#include "tst_keystore.moc"
