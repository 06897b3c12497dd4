// TransferMeter: what the sync card says about bytes during a sync, from the
// engine's progress reports (per request, after each cycle, per photo).
#include "sync/TransferMeter.h"

#include <QLocale>
#include <QTest>

using cx::SyncProgress;
using cx::app::TransferMeter;

namespace {
SyncProgress request(int cycle, uint64_t upNow, uint64_t upTotal, uint64_t downNow, uint64_t downTotal)
{
    SyncProgress p;
    p.cycle = cycle;
    p.upNow = upNow;
    p.upTotal = upTotal;
    p.downNow = downNow;
    p.downTotal = downTotal;
    return p;
}
SyncProgress afterCycle(int cycle, uint64_t remainingBytes, uint64_t remainingRecords)
{
    SyncProgress p;
    p.cycle = cycle;
    p.remainingBytes = remainingBytes;
    p.remainingRecords = remainingRecords;
    return p;
}
} // namespace

class TstTransferMeter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    // A first download: after the first page the whole size is known and shown.
    void firstDownloadShowsTheWhole()
    {
        TransferMeter m;
        m.update(request(1, 400, 400, 0, 0));
        m.update(request(1, 400, 400, 16 * 1024, 32 * 1024));
        m.update(request(1, 400, 400, 32 * 1024, 32 * 1024));
        QCOMPARE(m.expectedDown(), 0u); // not known before the first page ends
        m.update(afterCycle(1, 320 * 1024, 6000));
        QCOMPARE(m.received(), uint64_t(32 * 1024));
        QCOMPARE(m.expectedDown(), uint64_t(352 * 1024));
        QCOMPARE(m.text(), QStringLiteral("Received 32 kB of about 352 kB (6000 record(s) still to come)"));
        m.update(request(2, 400, 400, 16 * 1024, 32 * 1024));
        QCOMPARE(m.received(), uint64_t(48 * 1024));
        QCOMPARE(m.fraction(), 48.0 / 352.0);
        m.update(request(2, 400, 400, 32 * 1024, 32 * 1024));
        m.update(afterCycle(2, 288 * 1024, 5400));
        QCOMPARE(m.received(), uint64_t(64 * 1024));
        QCOMPARE(m.expectedDown(), uint64_t(352 * 1024));
        QCOMPARE(m.text(), QStringLiteral("Received 64 kB of about 352 kB (5400 record(s) still to come)"));
        // The last page: nothing left to pull, nothing more to say about a download.
        m.update(request(3, 400, 400, 20 * 1024, 20 * 1024));
        m.update(afterCycle(3, 0, 0));
        QCOMPARE(m.expectedDown(), 0u);
        QVERIFY(m.text().isEmpty());
    }

    // A page cut in flight is asked again with the same cycle number: received
    // counts what arrived for it once, not the cut attempt plus the retry.
    void aCutPageIsNotCountedTwice()
    {
        TransferMeter m;
        m.update(request(1, 400, 400, 32 * 1024, 32 * 1024));
        m.update(afterCycle(1, 100 * 1024, 900));
        m.update(request(2, 400, 400, 20 * 1024, 32 * 1024)); // cut after 20 KB
        m.update(request(2, 400, 400, 8 * 1024, 32 * 1024));  // the retry
        QCOMPARE(m.received(), uint64_t(52 * 1024));
        m.update(request(2, 400, 400, 32 * 1024, 32 * 1024));
        QCOMPARE(m.received(), uint64_t(64 * 1024));
        QVERIFY(m.fraction() > 0.45 && m.fraction() < 0.5);
    }

    void aPhotoUpload()
    {
        TransferMeter m;
        SyncProgress p;
        p.upNow = 96 * 1024;
        p.upTotal = 350 * 1024;
        m.update(p);
        QCOMPARE(m.text(), QStringLiteral("Sending a photo: 96 kB of 350 kB"));
        QCOMPARE(m.fraction(), 96.0 / 350.0);
        p.upNow = p.upTotal; // sent: the line goes away
        m.update(p);
        QVERIFY(m.text().isEmpty());
    }

    void aLargeUpload()
    {
        TransferMeter m;
        m.update(request(1, 24 * 1024, 48 * 1024, 0, 0));
        QCOMPARE(m.text(), QStringLiteral("Sent 24 kB of 48 kB"));
        QCOMPARE(m.fraction(), 0.5);
    }

    // Sizes as the line writes them (C locale; the app's own locale in the app).
    void sizesAsWritten()
    {
        QCOMPARE(TransferMeter::sizeText(0), QStringLiteral("0 bytes"));
        QCOMPARE(TransferMeter::sizeText(461), QStringLiteral("461 bytes"));
        QCOMPARE(TransferMeter::sizeText(96 * 1024), QStringLiteral("96 kB"));
        QCOMPARE(TransferMeter::sizeText(1468006), QStringLiteral("1.4 MB"));
    }

    // Nothing changed: a few hundred bytes, nothing worth a line, the bar busy.
    void aSmallSyncSaysNothing()
    {
        TransferMeter m;
        m.update(request(1, 461, 461, 290, 290));
        m.update(afterCycle(1, 0, 0));
        QVERIFY(m.text().isEmpty());
        QCOMPARE(m.fraction(), -1.0);
        m.reset();
        QCOMPARE(m.received(), 0u);
    }
};

QTEST_GUILESS_MAIN(TstTransferMeter)
#include "tst_transfer_meter.moc"
