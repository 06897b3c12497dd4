#include "sync/LinkMonitor.h"

namespace cx::app {

LinkMonitor::LinkMonitor(QObject *parent) : QObject(parent) {}

bool LinkMonitor::start()
{
    if (m_backend)
        return true;
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    auto *ni = QNetworkInformation::instance();
    if (!ni)
        return false;
    m_backend = true;
    m_meteredFeature = ni->supports(QNetworkInformation::Feature::Metered);
    connect(ni, &QNetworkInformation::reachabilityChanged, this, &LinkMonitor::setReachability);
    if (m_meteredFeature)
        connect(ni, &QNetworkInformation::isMeteredChanged, this, &LinkMonitor::setMetered);
    else if (ni->supports(QNetworkInformation::Feature::TransportMedium))
        connect(ni, &QNetworkInformation::transportMediumChanged, this, &LinkMonitor::setTransportMedium);
    setReachability(ni->reachability());
    if (m_meteredFeature)
        setMetered(ni->isMetered());
    else
        setTransportMedium(ni->transportMedium());
    return true;
}

QString LinkMonitor::backendName() const
{
    auto *ni = QNetworkInformation::instance();
    return m_backend && ni ? ni->backendName() : QString();
}

void LinkMonitor::setReachability(QNetworkInformation::Reachability r)
{
    bool online = m_online;
    switch (r) {
    case QNetworkInformation::Reachability::Online:
    case QNetworkInformation::Reachability::Site: // the bureau may be on the county network
        online = true;
        break;
    case QNetworkInformation::Reachability::Disconnected:
    case QNetworkInformation::Reachability::Local:
        online = false;
        break;
    case QNetworkInformation::Reachability::Unknown:
        break; // keep what we knew
    }
    if (online == m_online)
        return;
    m_online = online;
    emit onlineChanged(online);
    if (online)
        emit reconnected();
}

void LinkMonitor::setTransportMedium(QNetworkInformation::TransportMedium m)
{
    if (m_meteredFeature)
        return; // the backend says metered or not itself
    setMetered(m == QNetworkInformation::TransportMedium::Cellular);
}

void LinkMonitor::setMetered(bool metered)
{
    if (metered == m_metered)
        return;
    m_metered = metered;
    emit meteredChanged(metered);
}

} // namespace cx::app
