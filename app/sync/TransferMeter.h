#pragma once
// TransferMeter: turns the engine's progress reports of one sync into what a
// person can read on a slow link: bytes received of the whole download (known
// after the first page, so before almost all of a first download), bytes of a
// large upload, a photo being sent; and one fraction for the progress bar.
//
// The engine reports per request (cycle N: up/down bytes of that request),
// after each cycle (no byte counts: what is still to pull), and per photo
// upload (cycle 0: bytes of the whole file).
#include "engine/Engine.h"

#include <QCoreApplication>
#include <QString>

namespace cx::app {

class TransferMeter
{
    Q_DECLARE_TR_FUNCTIONS(TransferMeter)
public:
    void reset() { *this = TransferMeter(); }
    void update(const cx::SyncProgress &p);

    // 0..1, or -1 while nothing tells how much is left.
    double fraction() const;
    // "Received 120 KB of about 1.4 MB", "Sending a photo: 96 KB of 350 KB", or empty.
    QString text() const;

    uint64_t received() const { return m_doneDown + m_curDown; }
    uint64_t expectedDown() const; // 0 = unknown

    static QString sizeText(uint64_t bytes);

private:
    int m_cycle = -1;
    uint64_t m_doneDown = 0, m_doneUp = 0; // requests that ended
    uint64_t m_curDown = 0, m_curUp = 0;   // the request in flight
    uint64_t m_curDownTotal = 0, m_curUpTotal = 0;
    uint64_t m_downAtSummary = 0; // received when the last estimate came
    uint64_t m_remaining = 0;     // wire bytes still to pull, estimated then
    uint64_t m_remainingRecords = 0;
    uint64_t m_photoNow = 0, m_photoTotal = 0; // an attachment upload
};

} // namespace cx::app
