#pragma once
// A camera for tests, which have none: QImageCapture's interface as
// PhotoCapture (app/media/PhotoCapture.h) uses it, a `capture()` slot whose
// full-resolution frame comes back later through `imageAvailable`, like a real
// camera's. `captureToFile()` is there too and writes the clear JPEG a real
// camera would, so a PhotoCapture that used it would leave the file the
// tests look for (tst_app_e2e::cameraCaptureStaysInMemory).
#include <QImage>
#include <QObject>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

class FakeCamera : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool readyForCapture READ readyForCapture CONSTANT)
public:
    explicit FakeCamera(QImage picture, QObject *parent = nullptr)
        : QObject(parent), m_picture(std::move(picture).convertToFormat(QImage::Format_RGBX8888))
    {}
    bool readyForCapture() const { return true; }
    int filesWritten() const { return m_files; }

public slots:
    int capture()
    {
        const int id = ++m_id;
        QTimer::singleShot(0, this, [this, id] { emit imageAvailable(id, frame()); });
        return id;
    }
    int captureToFile(const QString &location)
    {
        const int id = ++m_id;
        ++m_files;
        m_picture.save(location, "JPG", 95);
        QTimer::singleShot(0, this, [this, id, location] { emit imageSaved(id, location); });
        return id;
    }

signals:
    void imageAvailable(int id, const QVideoFrame &frame);
    void imageSaved(int id, const QString &fileName);

private:
    QVideoFrame frame() const
    {
        QVideoFrame f(QVideoFrameFormat(m_picture.size(), QVideoFrameFormat::Format_RGBX8888));
        f.map(QVideoFrame::WriteOnly);
        for (int y = 0; y < m_picture.height(); ++y)
            std::memcpy(f.bits(0) + qsizetype(y) * f.bytesPerLine(0), m_picture.constScanLine(y),
                        size_t(std::min<qsizetype>(f.bytesPerLine(0), m_picture.bytesPerLine())));
        f.unmap();
        return f;
    }

    QImage m_picture;
    int m_id = 0, m_files = 0;
};
