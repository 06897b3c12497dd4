#pragma once
// MediaStore: photos and signatures behind one interface. A photo comes from a
// file (desktop picker) or a camera where the platform has one; either way it
// is scaled to at most 1600 px and stored as JPEG q80, content-addressed
// (SHA-256 name) in the account's media folder. Answers keep the file name.
#include <QObject>
#include <QUrl>
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
public:
    using QObject::QObject;
    static MediaStore *create(QQmlEngine *, QJSEngine *);

    bool hasCamera() const { return false; }   // Qt Multimedia is not part of this build
    bool hasPositioning() const;

    static constexpr int kMaxSide = 1600;
    static constexpr int kJpegQuality = 80;

    // Scales and stores an image file; returns the stored name ("<sha256>.jpg"), empty on failure.
    Q_INVOKABLE QString importPhoto(const QUrl &file);
    // Stores a PNG signature given as a data URL (Canvas.toDataURL()); returns its name.
    Q_INVOKABLE QString saveSignature(const QString &dataUrl);
    // A URL an Image can show for a stored name.
    Q_INVOKABLE QUrl url(const QString &name) const;

    static QString storeImage(const QImage &image, const char *format, int quality, const QString &dir);
    QString mediaDir() const;
};

} // namespace cx::app
