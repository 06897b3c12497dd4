#include "media/AttachmentImages.h"

#include "core/AppContext.h"

#include <QImage>
#include <QRunnable>
#include <QThreadPool>

namespace cx::app {

namespace {

QThreadPool &pool()
{
    static QThreadPool p;
    return p;
}

class Response : public QQuickImageResponse, public QRunnable
{
public:
    Response(QString sha, QSize requested) : m_sha(std::move(sha)), m_requested(requested) { setAutoDelete(false); }

    void run() override
    {
        try {
            // The engine is thread-safe; AppContext waits for this pool before
            // closing an account (MediaStore::waitForDownloads).
            cx::Engine *engine = AppContext::ensure()->engine();
            if (!engine) {
                m_error = QStringLiteral("no account is open");
            } else {
                const std::string bytes = engine->readAttachment(m_sha.toStdString());
                m_image = QImage::fromData(reinterpret_cast<const uchar *>(bytes.data()), int(bytes.size()));
                if (m_image.isNull())
                    m_error = QStringLiteral("attachment %1 is not a picture").arg(m_sha);
                else if (m_requested.isValid() && !m_requested.isEmpty())
                    m_image = m_image.scaled(m_requested, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            }
        } catch (const std::exception &e) {
            m_error = QString::fromStdString(e.what());
        }
        emit finished();
    }

    QQuickTextureFactory *textureFactory() const override { return QQuickTextureFactory::textureFactoryForImage(m_image); }
    QString errorString() const override { return m_error; }

private:
    QString m_sha;
    QSize m_requested;
    QImage m_image;
    QString m_error;
};

} // namespace

QQuickImageResponse *AttachmentImages::requestImageResponse(const QString &id, const QSize &requestedSize)
{
    auto *r = new Response(id.section(QLatin1Char('?'), 0, 0), requestedSize);
    pool().start(r);
    return r;
}

void AttachmentImages::waitForAll() { pool().waitForDone(); }

void AttachmentImages::install(QQmlEngine *engine)
{
    if (engine && !engine->imageProvider(QLatin1String(kId)))
        engine->addImageProvider(QLatin1String(kId), new AttachmentImages);
}

} // namespace cx::app
