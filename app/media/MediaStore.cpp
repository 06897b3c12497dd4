#include "media/MediaStore.h"

#include "core/AppContext.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJSEngine>

namespace cx::app {

MediaStore *MediaStore::create(QQmlEngine *, QJSEngine *)
{
    static MediaStore *s = nullptr;
    if (!s)
        s = new MediaStore(AppContext::ensure());
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

bool MediaStore::hasPositioning() const
{
#ifdef CX_HAVE_POSITIONING
    return true;
#else
    return false;
#endif
}

QString MediaStore::mediaDir() const
{
    auto *ctx = AppContext::ensure();
    const QString account = ctx->account().isEmpty() ? QStringLiteral("none") : ctx->account();
    return QDir(ctx->accountDir(account)).filePath(QStringLiteral("media"));
}

QString MediaStore::storeImage(const QImage &image, const char *format, int quality, const QString &dir)
{
    if (image.isNull())
        return {};
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    if (!image.save(&buf, format, quality))
        return {};
    const QString name = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) +
                         QLatin1Char('.') + QString::fromLatin1(format).toLower();
    QDir().mkpath(dir);
    QFile f(QDir(dir).filePath(name));
    if (!f.exists()) {
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
    }
    return name;
}

QString MediaStore::importPhoto(const QUrl &file)
{
    QImageReader reader(file.isLocalFile() ? file.toLocalFile() : file.toString());
    reader.setAutoTransform(true);   // phones store rotation in EXIF
    const QSize size = reader.size();
    if (size.isValid() && qMax(size.width(), size.height()) > kMaxSide)
        reader.setScaledSize(size.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio));
    QImage img = reader.read();
    if (img.isNull())
        return {};
    if (qMax(img.width(), img.height()) > kMaxSide)
        img = img.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return storeImage(img.convertToFormat(QImage::Format_RGB888), "JPG", kJpegQuality, mediaDir());
}

QString MediaStore::saveSignature(const QString &dataUrl)
{
    const int comma = dataUrl.indexOf(QLatin1Char(','));
    if (comma < 0)
        return {};
    const QImage img = QImage::fromData(QByteArray::fromBase64(dataUrl.mid(comma + 1).toLatin1()));
    return storeImage(img, "PNG", -1, mediaDir());
}

QUrl MediaStore::url(const QString &name) const
{
    if (name.isEmpty())
        return {};
    return QUrl::fromLocalFile(QDir(mediaDir()).filePath(name));
}

} // namespace cx::app
