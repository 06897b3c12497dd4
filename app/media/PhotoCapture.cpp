#include "media/PhotoCapture.h"

#include "media/MediaStore.h"

#include <QImage>
#include <QImageCapture>
#include <QVideoFrame>

namespace cx::app {

PhotoCapture::PhotoCapture(QObject *parent) : QObject(parent) {}

void PhotoCapture::setCamera(QObject *camera)
{
    if (camera == m_camera)
        return;
    if (m_camera)
        disconnect(m_camera, nullptr, this, nullptr);
    m_camera = camera;
    if (camera) {
        // By signature, so a real QImageCapture and a test's fake camera connect alike.
        connect(camera, SIGNAL(imageAvailable(int, QVideoFrame)), this, SLOT(onFrame(int, QVideoFrame)));
        if (camera->metaObject()->indexOfSignal("errorOccurred(int,QImageCapture::Error,QString)") >= 0)
            connect(camera, SIGNAL(errorOccurred(int, QImageCapture::Error, QString)), this,
                    SLOT(onError(int, QImageCapture::Error, QString)));
    }
    setBusy(false);
    emit cameraChanged();
}

void PhotoCapture::setScanOnly(bool on)
{
    if (on == m_scanOnly)
        return;
    m_scanOnly = on;
    emit cameraChanged();
}

void PhotoCapture::setBusy(bool b)
{
    if (b == m_busy)
        return;
    m_busy = b;
    emit busyChanged();
}

bool PhotoCapture::shoot()
{
    int id = -1;
    if (!m_camera || m_busy || !QMetaObject::invokeMethod(m_camera, "capture", Qt::DirectConnection, Q_RETURN_ARG(int, id)) ||
        id < 0) {
        //: Camera page: the camera cannot take a picture now.
        emit failed(tr("The camera is not ready. Please try again."));
        return false;
    }
    m_request = id;
    setBusy(true);
    return true;
}

void PhotoCapture::onFrame(int id, const QVideoFrame &frame)
{
    if (!m_busy || id != m_request)
        return; // a frame nobody asked for (another page's request)
    take(frame.toImage());
}

void PhotoCapture::onError(int id, QImageCapture::Error, const QString &message)
{
    if (id != m_request && id >= 0)
        return;
    setBusy(false);
    emit failed(message);
}

void PhotoCapture::take(const QImage &image)
{
    setBusy(false);
    if (m_scanOnly) {
        emit scanned(image);
        return;
    }
    MediaStore *media = MediaStore::create(nullptr, nullptr);
    const QVariantMap ref = media->importImage(image);
    if (ref.isEmpty())
        emit failed(media->lastError());
    else
        emit captured(ref);
}

} // namespace cx::app
