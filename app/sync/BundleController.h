#pragma once
// BundleController: sync without a link (docs/bundles.md) from the app. The
// head saves a bundle "for a USB stick / SD card" (Engine::bundleOut), takes
// it to the township or the bureau, and later applies the reply that came
// back (Engine::bundleIn); anyone enrolled with a link delivers someone's
// bundle for them (Engine::relay) and saves the reply for its owner. Each job
// runs off the GUI thread; the result is a receipt in plain words that says
// what went and what arrived. Files are chosen with the platform's dialog, so
// a target may be a content:// address (Android's storage picker): the engine
// works on a file in the account's folder and the controller copies it.
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace cx::app {

class BundleController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    // "save" | "apply" | "deliver" while busy; the job of the receipt after.
    Q_PROPERTY(QString activity READ activity NOTIFY changed)
    // The last job's result: ok, kind (save|apply|deliver), title, lines
    // (plain sentences), detail (the engine's own words on failure), file.
    Q_PROPERTY(QVariantMap receipt READ receipt NOTIFY changed)
    // Changes this device holds that a bundle would carry (not yet confirmed).
    Q_PROPERTY(int waiting READ waiting NOTIFY changed)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY changed)
public:
    explicit BundleController(QObject *parent = nullptr);
    ~BundleController() override;

    bool busy() const { return m_busy; }
    QString activity() const { return m_activity; }
    QVariantMap receipt() const { return m_receipt; }
    int waiting() const;
    bool enrolled() const;

    // A file name for a new bundle: cunxiao-<school>-<yyyyMMdd-HHmm>.cxbundle.
    Q_INVOKABLE QString suggestedName() const;
    // Where the dialogs start: the removable drive if one is mounted, else Documents.
    Q_INVOKABLE QUrl startFolder() const;
    // A folder chosen (or a file to write): writes the bundle there.
    Q_INVOKABLE void saveBundle(const QUrl &target, bool recordsOnly);
    Q_INVOKABLE void applyReply(const QUrl &replyFile);
    // Delivers someone's bundle over this device's link; the reply is written
    // to replyTarget (a folder: beside the name of the bundle, ".reply" added).
    Q_INVOKABLE void deliver(const QUrl &bundleFile, const QUrl &replyTarget, int maxReplyMb);
    Q_INVOKABLE void clearReceipt();

    // The plain words for an engine failure of a bundle job (tests use it too).
    static QString plainError(const QString &detail);

signals:
    void changed();
    void finished(bool ok);

private:
    using Job = std::function<QVariantMap()>;
    void start(const QString &activity, Job job, bool holdSync = false);
    void onFinished();
    void fail(const QString &activity, const QString &detail);

    QFutureWatcher<QVariantMap> m_watcher;
    bool m_busy = false, m_holding = false;
    QString m_activity;
    QVariantMap m_receipt;
};

} // namespace cx::app
