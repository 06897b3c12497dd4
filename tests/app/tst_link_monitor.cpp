// LinkMonitor: what QNetworkInformation reports, reduced to "the link is back"
// and "the link is metered". The slots are the ones its signals drive; the
// real sync on reconnect is in tst_app_e2e (syncsWhenLinkReturns).
#include "sync/LinkMonitor.h"

#include <QSignalSpy>
#include <QtTest>

using cx::app::LinkMonitor;
using R = QNetworkInformation::Reachability;
using T = QNetworkInformation::TransportMedium;

Q_DECLARE_METATYPE(QList<QNetworkInformation::Reachability>)

class TestLinkMonitor : public QObject
{
    Q_OBJECT
private slots:
    void reachability_data()
    {
        QTest::addColumn<QList<R>>("steps");
        QTest::addColumn<bool>("online");
        QTest::addColumn<int>("reconnects");
        QTest::newRow("starts online") << QList<R>{} << true << 0;
        QTest::newRow("online stays") << QList<R>{R::Online, R::Online} << true << 0;
        QTest::newRow("lost") << QList<R>{R::Disconnected} << false << 0;
        QTest::newRow("lost and back") << QList<R>{R::Disconnected, R::Online} << true << 1;
        QTest::newRow("twice") << QList<R>{R::Disconnected, R::Online, R::Disconnected, R::Online} << true << 2;
        QTest::newRow("local network only is offline") << QList<R>{R::Local, R::Site} << true << 1;
        QTest::newRow("unknown keeps what was known") << QList<R>{R::Disconnected, R::Unknown} << false << 0;
        QTest::newRow("unknown then back") << QList<R>{R::Disconnected, R::Unknown, R::Online} << true << 1;
    }
    void reachability()
    {
        QFETCH(QList<R>, steps);
        QFETCH(bool, online);
        QFETCH(int, reconnects);
        LinkMonitor link; // not started: only what the slots are told
        QSignalSpy back(&link, &LinkMonitor::reconnected);
        for (R r : steps)
            link.setReachability(r);
        QCOMPARE(link.online(), online);
        QCOMPARE(back.count(), reconnects);
    }

    void meteredFromTransportMedium_data()
    {
        QTest::addColumn<int>("medium");
        QTest::addColumn<bool>("metered");
        QTest::newRow("cellular") << int(T::Cellular) << true;
        QTest::newRow("wifi") << int(T::WiFi) << false;
        QTest::newRow("ethernet") << int(T::Ethernet) << false;
        QTest::newRow("bluetooth") << int(T::Bluetooth) << false;
        QTest::newRow("unknown") << int(T::Unknown) << false;
    }
    void meteredFromTransportMedium()
    {
        QFETCH(int, medium);
        QFETCH(bool, metered);
        LinkMonitor link;
        QSignalSpy changed(&link, &LinkMonitor::meteredChanged);
        link.setTransportMedium(T(medium));
        QCOMPARE(link.metered(), metered);
        QCOMPARE(changed.count(), metered ? 1 : 0); // starts unmetered
        link.setTransportMedium(T::WiFi);
        QVERIFY(!link.metered());
    }

    void meteredReportedByBackend()
    {
        LinkMonitor link;
        QSignalSpy changed(&link, &LinkMonitor::meteredChanged);
        link.setMetered(true);
        link.setMetered(true);
        QCOMPARE(changed.count(), 1);
        QVERIFY(link.metered());
        link.setMetered(false);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).toBool(), false);
    }

    void startWithoutFailing()
    {
        // A backend may or may not load here (glib does in a container, none on
        // some desktops); either way the monitor answers and nothing throws.
        LinkMonitor link;
        const bool loaded = link.start();
        QCOMPARE(link.hasBackend(), loaded);
        if (loaded)
            QVERIFY(!link.backendName().isEmpty());
        qInfo("backend: %s, online %d, metered %d", qPrintable(loaded ? link.backendName() : QStringLiteral("none")),
              link.online(), link.metered());
    }
};

QTEST_GUILESS_MAIN(TestLinkMonitor)
#include "tst_link_monitor.moc"
