#pragma once
// MediaStore: photos and signatures, whatever their source. A picked file and a
// camera capture both go through importImage(): scaled to at most 1600 px,
// JPEG q80 (a signature: PNG), handed to the sync engine (Engine::attach copies
// it next to the replica, content-addressed; it is uploaded after the records,
// once a saved record refers to it). The answer or record field keeps the engine's reference
// {"sha256": HEX, "size": N, "type": "image/jpeg"}; url() finds the local copy,
// download() fetches another device's photo, status() says where it stands.
// Answers of drafts made before this kept a file name in the account's media/
// folder: those still show, and reference() sends them on when saved again.
#include "sync/TaskOutcome.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;
class QImage;

namespace cx::app {

class MediaStore : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool hasCamera READ hasCamera CONSTANT)
    Q_PROPERTY(bool hasPositioning READ hasPositioning CONSTANT)
    // Bumps whenever a photo's local copy or upload state may have changed;
    // QML bindings on url()/status() read it to re-evaluate.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
public:
    explicit MediaStore(QObject *parent = nullptr);
    ~MediaStore() override;
    static MediaStore *create(QQmlEngine *, QJSEngine *);

    bool hasCamera() const;
    bool hasPositioning() const;
    int revision() const { return m_revision; }
    QString lastError() const { return m_lastError; }

    static constexpr int kMaxSide = 1600;
    static constexpr int kJpegQuality = 80;

    // The one way in for a photo: a QImage (camera) or a file (URL or path,
    // from the picker). Returns the reference, or an empty map (lastError says why).
    Q_INVOKABLE QVariantMap importImage(const QVariant &source);
    QVariantMap importImage(const QImage &image);
    // A signature as the strokes the person traced on a box of width x height:
    // a list of strokes, each a list of {x, y}. Stored as a PNG (white ground).
    Q_INVOKABLE QVariantMap saveSignature(const QVariantList &strokes, int width, int height);
    // A URL an Image can show: the local copy, or empty when this device lacks it.
    Q_INVOKABLE QUrl url(const QVariant &ref) const;
    // {state, text, size, sizeText, local, reason}: state is one of
    // waiting | sending | held | sent | refused (this device's upload),
    // unsaved (no saved page uses it yet: not sent), here
    // (a copy from elsewhere), remote (not on this device), downloading,
    // old (a file name kept by an older draft), none.
    Q_INVOKABLE QVariantMap status(const QVariant &ref) const;
    // Fetches a photo this device lacks, off the GUI thread.
    Q_INVOKABLE void download(const QVariant &ref);
    // A reference for saving: an old file name is attached now (so it reaches
    // the bureau); anything else is returned as it is.
    Q_INVOKABLE QVariant reference(const QVariant &value);

    static QString sha256Of(const QVariant &ref);
    QString mediaDir() const;

signals:
    void revisionChanged();
    void lastErrorChanged();
    void downloadFinished(const QString &sha256, bool ok, const QString &error);

private:
    QVariantMap attach(const QByteArray &bytes, const QString &type, const QString &suffix);
    void setError(const QString &e);
    void bump();
    void reloadStates() const;
    void waitForDownloads();

    int m_revision = 0;
    QString m_lastError;
    struct Upload {
        QString state, reason;
        qint64 offset = 0;
        bool referenced = true;
    };
    mutable QHash<QString, Upload> m_uploads; // by sha256, from Engine::attachments()
    mutable int m_loadedRevision = -1;
    QSet<QString> m_downloading;
    QList<QFutureWatcher<TaskOutcome> *> m_downloads;
};

} // namespace cx::app
