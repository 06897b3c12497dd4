// Versions and the hybrid logical clock: text form, order, monotonicity, correction.
#include "protocol/Version.h"

#include <QtTest>

using cx::HybridClock;
using cx::Version;

class TestVersion : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qulonglong>("hlc");
        QTest::addColumn<uint>("node");
        QTest::newRow("plain") << "0190b2c3d4e50003-1f" << true << qulonglong(0x0190b2c3d4e50003ull) << 0x1fu;
        QTest::newRow("server") << "0000000000000001-0" << true << qulonglong(1) << 0u;
        QTest::newRow("max node") << "ffffffffffffffff-ffffffff" << true << qulonglong(~0ull) << 0xffffffffu;
        QTest::newRow("short") << "0190b2c3d4e5-1" << false << qulonglong(0) << 0u;
        QTest::newRow("upper case") << "0190B2C3D4E50003-1f" << false << qulonglong(0) << 0u;
        QTest::newRow("no node") << "0190b2c3d4e50003-" << false << qulonglong(0) << 0u;
        QTest::newRow("node too long") << "0190b2c3d4e50003-123456789" << false << qulonglong(0) << 0u;
        QTest::newRow("no dash") << "0190b2c3d4e50003x1f" << false << qulonglong(0) << 0u;
        QTest::newRow("empty") << "" << false << qulonglong(0) << 0u;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        auto v = Version::parse(text.toStdString());
        QCOMPARE(v.has_value(), ok);
        if (ok) {
            QFETCH(qulonglong, hlc);
            QFETCH(uint, node);
            QCOMPARE(qulonglong(v->hlc), hlc);
            QCOMPARE(v->node, node);
            QCOMPARE(QString::fromStdString(v->toString()), text);
        }
    }

    void orderIsHlcThenNode()
    {
        QVERIFY((Version{5, 1} < Version{6, 0}));
        QVERIFY((Version{5, 1} < Version{5, 2}));
        QVERIFY(!(Version{5, 2} < Version{5, 2}));
    }

    void tickIsMonotonicWhenWallClockGoesBack()
    {
        int64_t wall = 1'700'000'000'000;
        HybridClock c(7, [&] { return wall; });
        Version a = c.tick();
        wall -= 60'000; // the person sets the clock back a minute
        Version b = c.tick();
        Version d = c.tick();
        QVERIFY(a < b);
        QVERIFY(b < d);
        QCOMPARE(b.node, 7u);
    }

    void observeKeepsAheadOfRemote()
    {
        int64_t wall = 1'000;
        HybridClock c(1, [&] { return wall; });
        uint64_t remote = cx::makeHlc(50'000, 3);
        c.observe(remote);
        QVERIFY(c.tick().hlc > remote);
    }

    void correctionUsesServerTime()
    {
        int64_t wall = 1'000'000; // device thinks it is 1970
        HybridClock c(1, [&] { return wall; });
        c.correct(1'700'000'000'000, wall);
        Version v = c.tick();
        QVERIFY(v.millis() >= 1'700'000'000'000ull);
        QVERIFY(v.millis() < 1'700'000'001'000ull);
    }
};

QTEST_APPLESS_MAIN(TestVersion)
#include "tst_version.moc"
