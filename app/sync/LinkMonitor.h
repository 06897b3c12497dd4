#pragma once
// LinkMonitor: what the phone knows about its network link, from
// QNetworkInformation, reduced to the two facts sync needs: is the link back
// (offline -> online: sync now rather than at the next periodic try), and is
// it metered (photos wait for Wi-Fi when the person asked for that).
//
// Metered: the backend's isMetered() where it supports that feature (Android,
// NetworkManager, glib); otherwise a Cellular transport medium counts as
// metered and anything else as unmetered. Where no backend loads (a container,
// a desktop without NetworkManager) the link counts as online and unmetered,
// and sync runs on its debounced and periodic timers alone.
//
// The slots are what the QNetworkInformation signals drive; tests call them
// directly to play a link going away and coming back.
#include <QNetworkInformation>
#include <QObject>

namespace cx::app {

class LinkMonitor : public QObject
{
    Q_OBJECT
public:
    explicit LinkMonitor(QObject *parent = nullptr);

    // Loads a backend that reports reachability and follows its signals.
    // False when none loads (then nothing changes until a slot is called).
    bool start();
    bool hasBackend() const { return m_backend; }
    QString backendName() const;

    bool online() const { return m_online; }
    bool metered() const { return m_metered; }

public slots:
    void setReachability(QNetworkInformation::Reachability r);
    void setTransportMedium(QNetworkInformation::TransportMedium m);
    void setMetered(bool metered); // what isMeteredChanged reports

signals:
    void reconnected(); // the link went from offline to online
    void onlineChanged(bool online);
    void meteredChanged(bool metered);

private:
    bool m_backend = false;
    bool m_meteredFeature = false; // the backend reports metered itself
    bool m_online = true;          // unknown counts as online: sync keeps trying
    bool m_metered = false;
};

} // namespace cx::app
