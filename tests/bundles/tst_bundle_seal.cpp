// The bundle's cryptography and frame (sync/protocol/Bundle.h): published
// test vectors for X25519 and HKDF, and every damage to a sealed file refused.
#include "protocol/Bundle.h"
#include "protocol/Errors.h"

#include <QtTest>

namespace {
std::string unhex(const char *h) { return QByteArray::fromHex(h).toStdString(); }
std::string hex(const std::string &s) { return QByteArray::fromStdString(s).toHex().toStdString(); }
} // namespace

class TestBundleSeal : public QObject
{
    Q_OBJECT
private slots:
    void x25519MatchesRfc7748()
    {
        const std::string a = unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        const std::string b = unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        QCOMPARE(hex(cx::x25519PublicOf(a)), std::string("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
        const std::string k = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        QCOMPARE(hex(cx::x25519Agree(a, cx::x25519PublicOf(b))), k);
        QCOMPARE(hex(cx::x25519Agree(b, cx::x25519PublicOf(a))), k);
    }

    void hkdfMatchesRfc5869()
    {
        const std::string okm =
            cx::hkdfSha256(std::string(22, '\x0b'), unhex("000102030405060708090a0b0c"), unhex("f0f1f2f3f4f5f6f7f8f9"), 42);
        QCOMPARE(hex(okm), std::string("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
    }

    void sealedOpensOnlyForItsReceiverAndSecret()
    {
        cx::X25519Pair server = cx::x25519Generate(), other = cx::x25519Generate();
        const std::string secret(32, 's'), wrong(32, 'w');
        cx::BundleHeader h;
        h.kind = "push";
        h.device = "dev-1";
        h.bundle = "b-1";
        const std::string payload = R"({"hello":"王小红"})";
        const std::string bytes = cx::sealBundle(h, server.pub, secret, payload);
        QVERIFY(bytes.find("王小红") == std::string::npos);
        cx::OpenedFrame f = cx::parseBundleFrame(bytes);
        QCOMPARE(f.header.device, std::string("dev-1"));
        QCOMPARE(cx::openBundle(f, server.priv, secret), payload);
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::openBundle(f, server.priv, wrong));
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::openBundle(f, other.priv, secret));
    }

    // Every byte flipped and every length cut: refused, never opened.
    void everyDamageIsRefused()
    {
        cx::X25519Pair server = cx::x25519Generate();
        const std::string secret(32, 's');
        cx::BundleHeader h;
        h.kind = "push";
        h.device = "dev-1";
        h.bundle = "b-1";
        const std::string bytes = cx::sealBundle(h, server.pub, secret, R"({"n":1})");
        auto refused = [&](const std::string &damaged) {
            try {
                cx::openBundle(cx::parseBundleFrame(damaged), server.priv, secret);
                return false;
            } catch (const cx::Error &) {
                return true;
            } catch (const std::exception &) {
                return true;
            }
        };
        for (size_t i = 0; i < bytes.size(); ++i) {
            std::string d = bytes;
            d[i] = char(d[i] ^ 0x01);
            QVERIFY2(refused(d), qPrintable(QString("byte %1 flipped was accepted").arg(i)));
        }
        for (size_t n = 0; n < bytes.size(); ++n)
            QVERIFY2(refused(bytes.substr(0, n)), qPrintable(QString("cut at %1 was accepted").arg(n)));
        try {
            cx::parseBundleFrame(bytes.substr(0, bytes.size() - 5));
            QFAIL("a cut file parsed");
        } catch (const cx::Error &e) {
            QVERIFY2(std::string(e.what()).find("truncated bundle") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestBundleSeal)
#include "tst_bundle_seal.moc"
