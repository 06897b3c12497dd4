#pragma once
// PhotoCapture: the camera page's shutter, keeping the picture in memory from
// the camera to the key. shoot() asks the camera for a capture in memory
// (QImageCapture::capture(), never captureToFile); the full-resolution frame
// it hands back (imageAvailable) is scaled and sealed by MediaStore::
// importImage(QImage) -> Engine::attachBytes, so no clear file of the photo
// ever touches the disk (docs/security.md).
//
// The camera is any object with QImageCapture's interface: a `capture()` slot
// returning a request id and the `imageAvailable(int, QVideoFrame)` and
// `errorOccurred(int, QImageCapture::Error, QString)` signals. The page gives
// it its ImageCapture; tests, which have no camera, give it a fake with the
// same slot and signals (tests/app/FakeCamera.h).
#include <QImage>
#include <QImageCapture>
#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QVideoFrame>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class PhotoCapture : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *camera READ camera WRITE setCamera NOTIFY cameraChanged)
    // Scanning a QR code: the frame is handed over as a picture (scanned), not kept.
    Q_PROPERTY(bool scanOnly READ scanOnly WRITE setScanOnly NOTIFY cameraChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    explicit PhotoCapture(QObject *parent = nullptr);

    QObject *camera() const { return m_camera; }
    void setCamera(QObject *camera);
    bool scanOnly() const { return m_scanOnly; }
    void setScanOnly(bool on);
    bool busy() const { return m_busy; }

    // Takes a picture; false (failed says why) when there is no camera or a capture is running.
    Q_INVOKABLE bool shoot();

signals:
    void cameraChanged();
    void busyChanged();
    void captured(const QVariantMap &reference); // the sealed photo's reference
    void scanned(const QImage &image);           // scanOnly: the picture, in memory
    void failed(const QString &message);

private slots:
    void onFrame(int id, const QVideoFrame &frame);
    void onError(int id, QImageCapture::Error error, const QString &message);

private:
    void setBusy(bool b);
    void take(const QImage &image);

    QPointer<QObject> m_camera;
    bool m_scanOnly = false, m_busy = false;
    int m_request = -1;
};

} // namespace cx::app
