#include "sync/TransferMeter.h"

#include <QLocale>

#include <algorithm>

namespace cx::app {

namespace {
// A request smaller than this is not worth a line of its own.
constexpr uint64_t kWorthShowing = 16 * 1024;
}

void TransferMeter::update(const cx::SyncProgress &p)
{
    const bool summary = p.cycle > 0 && p.upNow == 0 && p.upTotal == 0 && p.downNow == 0 && p.downTotal == 0;
    if (summary) {
        // After a cycle: the request has ended, and the server's estimate of what is left.
        if (p.cycle == m_cycle) {
            m_doneDown += m_curDown;
            m_doneUp += m_curUp;
            m_curDown = m_curUp = m_curDownTotal = m_curUpTotal = 0;
            m_cycle = -1;
        }
        m_downAtSummary = m_doneDown;
        m_remaining = p.remainingBytes;
        m_remainingRecords = p.remainingRecords;
        return;
    }
    if (p.cycle == 0) { // a photo: bytes of the whole file
        m_photoNow = p.upNow;
        m_photoTotal = p.upTotal;
        if (m_photoTotal && m_photoNow >= m_photoTotal)
            m_photoNow = m_photoTotal = 0;
        return;
    }
    if (p.cycle != m_cycle) { // a new request: the previous one (cut or not) is done
        if (m_cycle >= 0) {
            m_doneDown += m_curDown;
            m_doneUp += m_curUp;
        }
        m_cycle = p.cycle;
        m_curDown = m_curUp = 0;
    }
    m_curDown = std::max(m_curDown, p.downNow);
    m_curUp = std::max(m_curUp, p.upNow);
    m_curDownTotal = p.downTotal;
    m_curUpTotal = p.upTotal;
}

uint64_t TransferMeter::expectedDown() const
{
    if (m_remaining == 0)
        return 0;
    return std::max(received(), m_downAtSummary + m_remaining);
}

double TransferMeter::fraction() const
{
    if (m_photoTotal)
        return double(m_photoNow) / double(m_photoTotal);
    if (const uint64_t all = expectedDown())
        return std::clamp(double(received()) / double(all), 0.0, 1.0);
    if (m_curUpTotal >= kWorthShowing && m_curDownTotal == 0)
        return std::clamp(double(m_curUp) / double(m_curUpTotal), 0.0, 1.0);
    if (m_curDownTotal >= kWorthShowing)
        return std::clamp(double(m_curDown) / double(m_curDownTotal), 0.0, 1.0);
    return -1;
}

QString TransferMeter::sizeText(uint64_t bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), bytes < 1024 * 1024 ? 0 : 1, QLocale::DataSizeTraditionalFormat);
}

QString TransferMeter::text() const
{
    if (m_photoTotal)
        //: Sync progress: a photo is being sent; %1 and %2 are sizes such as "96 KB" of "350 KB".
        return tr("Sending a photo: %1 of %2").arg(sizeText(m_photoNow), sizeText(m_photoTotal));
    if (const uint64_t all = expectedDown())
        //: Sync progress during a large download (e.g. the first one); %1 and %2 are sizes, %n the number of records still to
        //: come.
        return tr("Received %1 of about %2 (%n record(s) still to come)", nullptr,
                  int(std::min<uint64_t>(m_remainingRecords, 1u << 30)))
            .arg(sizeText(received()), sizeText(all));
    if (m_curUpTotal >= kWorthShowing && m_curDownTotal == 0)
        //: Sync progress while sending many changes; %1 and %2 are sizes.
        return tr("Sent %1 of %2").arg(sizeText(m_curUp), sizeText(m_curUpTotal));
    return {};
}

} // namespace cx::app
