#include "media/MediaStore.h"

#include "core/AppContext.h"
#include "media/AttachmentImages.h"
#include "core/JsonVariant.h"
#include "sync/SyncController.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QJSValue>
#include <QJSEngine>
#include <QQmlEngine>
#include <QLocale>
#include <QCameraDevice>
#include <QMediaDevices>
#include <QPainter>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

namespace cx::app {

namespace {
// "350 KB", "1.2 MB": what people read on a phone (no KiB, no 350.00).
QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, bytes < 1024 * 1024 ? 0 : 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

MediaStore::MediaStore(QObject *parent) : QObject(parent)
{
    auto *ctx = AppContext::ensure();
    // Uploads move on during a sync; "held" follows the link and the setting.
    connect(ctx->sync(), &SyncController::finished, this, &MediaStore::bump);
    connect(ctx->sync(), &SyncController::photosHeldChanged, this, &MediaStore::bump);
    connect(ctx, &AppContext::accountChanged, this, &MediaStore::bump);
    connect(ctx, &AppContext::localChange, this, &MediaStore::bump); // a saved page may now use a photo
    connect(ctx, &AppContext::aboutToCloseAccount, this, &MediaStore::waitForDownloads);
}

MediaStore::~MediaStore() { waitForDownloads(); }

MediaStore *MediaStore::create(QQmlEngine *qml, QJSEngine *)
{
    static MediaStore *s = nullptr;
    if (!s)
        s = new MediaStore(AppContext::ensure());
    // Photos are encrypted on the device: QML reads them through this provider.
    AttachmentImages::install(qml);
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

bool MediaStore::hasCamera() const { return !QMediaDevices::videoInputs().isEmpty(); }

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

void MediaStore::setError(const QString &e)
{
    m_lastError = e;
    emit lastErrorChanged();
    if (!e.isEmpty())
        if (auto *ctx = AppContext::instance())
            ctx->addError(e);
}

void MediaStore::bump()
{
    ++m_revision;
    emit revisionChanged();
}

QVariantMap MediaStore::importImage(const QVariant &sourceIn)
{
    QVariant source = sourceIn;
    if (source.userType() == qMetaTypeId<QJSValue>())
        source = source.value<QJSValue>().toVariant();
    if (source.typeId() == QMetaType::QImage)
        return importImage(source.value<QImage>());
    if (source.typeId() != QMetaType::QUrl && source.typeId() != QMetaType::QString) {
        //: Photo: what was handed over is neither a picture nor a file. %1 is its type (for engineers).
        setError(tr("This is not a picture (%1).").arg(QString::fromLatin1(source.typeName())));
        return {};
    }
    const QUrl u = source.typeId() == QMetaType::QUrl ? source.toUrl() : QUrl::fromUserInput(source.toString());
    const QString path = u.isLocalFile() ? u.toLocalFile() : source.toString();
    QImageReader reader(path);
    reader.setAutoTransform(true); // phones store the rotation in EXIF
    const QSize size = reader.size();
    if (size.isValid() && qMax(size.width(), size.height()) > kMaxSide)
        reader.setScaledSize(size.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio));
    const QImage img = reader.read();
    if (img.isNull()) {
        //: Photo field: the chosen file could not be read as a picture. %1 is the file, %2 the reason.
        setError(tr("%1 could not be read as a picture (%2).").arg(QFileInfo(path).fileName(), reader.errorString()));
        return {};
    }
    return importImage(img);
}

QVariantMap MediaStore::importImage(const QImage &source)
{
    if (source.isNull()) {
        //: Photo field: the camera gave no picture.
        setError(tr("The camera gave no picture. Please try again."));
        return {};
    }
    QImage img = source;
    if (qMax(img.width(), img.height()) > kMaxSide)
        img = img.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (img.hasAlphaChannel()) { // JPEG has no transparency: show it on white, not black
        QImage flat(img.size(), QImage::Format_RGB888);
        flat.fill(Qt::white);
        QPainter(&flat).drawImage(0, 0, img);
        img = flat;
    } else {
        img = img.convertToFormat(QImage::Format_RGB888);
    }
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    if (!img.save(&buf, "JPG", kJpegQuality)) {
        //: Photo field: encoding the picture failed.
        setError(tr("The picture could not be converted to JPEG."));
        return {};
    }
    return attach(bytes, QStringLiteral("image/jpeg"), QStringLiteral("jpg"));
}

QVariantMap MediaStore::saveSignature(const QVariantList &strokes, int width, int height)
{
    // Drawn here from the points the person traced, not read back from the
    // Canvas: a Canvas may not have painted its last frame yet when "Keep" is
    // pressed (a slow phone), and then it would give an empty picture.
    constexpr int kScale = 2; // sharp on high-density screens
    QImage img;
    if (width > 0 && height > 0 && width <= 4000 && height <= 4000 && !strokes.isEmpty()) {
        img = QImage(width * kScale, height * kScale, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(kScale, kScale);
        p.setPen(QPen(QColor(0x10, 0x20, 0x30), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (const QVariant &stroke : strokes) {
            QPolygonF line;
            for (const QVariant &pt : stroke.toList()) {
                const QVariantMap m = pt.toMap();
                line << QPointF(m.value(QStringLiteral("x")).toDouble(), m.value(QStringLiteral("y")).toDouble());
            }
            if (line.size() == 1)
                p.drawPoint(line.front());
            else
                p.drawPolyline(line);
        }
    }
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    QImageWriter writer(&buf, "png");
    const bool ok = !img.isNull() && writer.write(img);
    if (!ok) {
        //: Signature box: the drawing could not be turned into a picture.
        setError(tr("The signature could not be saved as a picture."));
        return {};
    }
    return attach(bytes, QStringLiteral("image/png"), QStringLiteral("png"));
}

QVariantMap MediaStore::attach(const QByteArray &bytes, const QString &type, const QString &suffix)
{
    auto *ctx = AppContext::ensure();
    cx::Engine *engine = ctx->engine();
    if (!engine) {
        //: Photo or signature: there is no account open to keep it in.
        setError(tr("No account is open: sign in before adding photos."));
        return {};
    }
    // The engine seals the bytes next to the replica under their SHA-256:
    // never written to storage in the clear.
    Q_UNUSED(suffix);
    QVariantMap ref;
    try {
        const cx::AttachmentInfo a =
            engine->attachBytes(std::string_view(bytes.constData(), size_t(bytes.size())), type.toStdString());
        ref = toVariant(a.reference()).toMap();
    } catch (const std::exception &e) {
        setError(tr("The picture could not be saved on this phone (%1). Check that storage is not full.")
                     .arg(QString::fromStdString(e.what())));
        return {};
    }
    if (!m_lastError.isEmpty()) {
        m_lastError.clear();
        emit lastErrorChanged();
    }
    bump(); // no sync yet: the photo goes once a saved page uses it (that save is a local change)
    return ref;
}

QString MediaStore::sha256Of(const QVariant &refIn)
{
    QVariant ref = refIn;
    if (ref.userType() == qMetaTypeId<QJSValue>())
        ref = ref.value<QJSValue>().toVariant();
    if (ref.typeId() != QMetaType::QVariantMap)
        return {};
    const QString sha = ref.toMap().value(QStringLiteral("sha256")).toString();
    return sha.size() == 64 ? sha : QString();
}

QUrl MediaStore::url(const QVariant &ref) const
{
    const QString sha = sha256Of(ref);
    if (!sha.isEmpty()) {
        cx::Engine *engine = AppContext::ensure()->engine();
        const std::string path = engine ? engine->attachmentPath(sha.toStdString()) : std::string();
        // Encrypted here: decrypted in memory by AttachmentImages.
        return path.empty() ? QUrl() : QUrl(QStringLiteral("image://%1/%2").arg(QLatin1String(AttachmentImages::kId), sha));
    }
    const QString name = ref.typeId() == QMetaType::QString ? ref.toString() : QString();
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        return {};
    const QString path = QDir(mediaDir()).filePath(name);
    return QFileInfo::exists(path) ? QUrl::fromLocalFile(path) : QUrl();
}

void MediaStore::reloadStates() const
{
    if (m_loadedRevision == m_revision)
        return;
    m_loadedRevision = m_revision;
    m_uploads.clear();
    cx::Engine *engine = AppContext::ensure()->engine();
    if (!engine)
        return;
    try {
        for (const auto &a : engine->attachments())
            m_uploads.insert(
                QString::fromStdString(a.sha256),
                Upload{QString::fromStdString(a.state), QString::fromStdString(a.reason), qint64(a.offset), a.referenced});
    } catch (const std::exception &) {
        // a locked or closing replica: no states this time
    }
}

QVariantMap MediaStore::status(const QVariant &refIn) const
{
    QVariant ref = refIn;
    if (ref.userType() == qMetaTypeId<QJSValue>())
        ref = ref.value<QJSValue>().toVariant();
    QVariantMap out;
    const QString sha = sha256Of(ref);
    const bool local = !url(ref).isEmpty();
    out.insert(QStringLiteral("local"), local);
    QString state, text;
    if (sha.isEmpty()) {
        const QString name = ref.typeId() == QMetaType::QString ? ref.toString() : QString();
        if (name.isEmpty()) {
            state = QStringLiteral("none");
        } else {
            state = QStringLiteral("old");
            text =
                local
                    //: Photo state: a photo saved by an older version of the app, kept on this phone; saving the page sends it.
                    ? tr("Only on this phone: save to send it")
                    //: Photo state: an older answer names a picture file this phone no longer has.
                    : tr("This picture is no longer on this phone");
        }
    } else {
        const qint64 size = ref.toMap().value(QStringLiteral("size")).toLongLong();
        out.insert(QStringLiteral("size"), size);
        out.insert(QStringLiteral("sizeText"), sizeText(size));
        reloadStates();
        const auto it = m_uploads.constFind(sha);
        if (m_downloading.contains(sha)) {
            state = QStringLiteral("downloading");
            //: Photo state: being downloaded from the bureau.
            text = tr("Downloading…");
        } else if (it == m_uploads.constEnd()) {
            state = local ? QStringLiteral("here") : QStringLiteral("remote");
            if (!local)
                //: Photo state: taken on another device; %1 is its size, e.g. "350 KB".
                text = tr("Not on this phone yet (%1)").arg(sizeText(size));
        } else if (it->state == QLatin1String(cx::AttachmentState::Done)) {
            state = QStringLiteral("sent");
            //: Photo state: the bureau has the photo.
            text = tr("Sent to the bureau");
        } else if (it->state == QLatin1String(cx::AttachmentState::Refused)) {
            state = QStringLiteral("refused");
            //: Photo state: the bureau refused the photo (e.g. too large). %1 is its reason.
            text = tr("Refused by the bureau: %1").arg(it->reason);
            out.insert(QStringLiteral("reason"), it->reason);
        } else if (!it->referenced) {
            state = QStringLiteral("unsaved");
            //: Photo state: on this phone; no saved page uses it yet, so it is not sent (no data is spent on it).
            text = tr("Sent once the page is saved");
        } else if (AppContext::ensure()->sync()->photosHeld()) {
            state = QStringLiteral("held");
            //: Photo state: the photo waits because the person chose to send photos only over Wi-Fi and the phone is on mobile
            //: data.
            text = tr("Held until Wi-Fi");
        } else if (it->state == QLatin1String(cx::AttachmentState::Uploading) && it->offset > 0) {
            state = QStringLiteral("sending");
            //: Photo state: partly sent; %1 and %2 are sizes such as "120 KB" of "350 KB".
            text = tr("Sending: %1 of %2").arg(sizeText(it->offset), sizeText(size));
        } else {
            state = QStringLiteral("waiting");
            //: Photo state: kept on the phone, will be sent with the next sync.
            text = tr("Waiting to be sent");
        }
    }
    out.insert(QStringLiteral("state"), state);
    out.insert(QStringLiteral("text"), text);
    return out;
}

void MediaStore::download(const QVariant &refIn)
{
    QVariant ref = refIn;
    if (ref.userType() == qMetaTypeId<QJSValue>())
        ref = ref.value<QJSValue>().toVariant();
    const QString sha = sha256Of(ref);
    cx::Engine *engine = AppContext::ensure()->engine();
    if (sha.isEmpty() || m_downloading.contains(sha))
        return;
    if (!engine) {
        setError(tr("No account is open: sign in before adding photos."));
        return;
    }
    const quint64 size = ref.toMap().value(QStringLiteral("size")).toULongLong();
    m_downloading.insert(sha);
    bump();
    auto *w = new QFutureWatcher<TaskOutcome>(this);
    m_downloads.append(w);
    connect(w, &QFutureWatcher<TaskOutcome>::finished, this, [this, w, sha] {
        const TaskOutcome r = w->result();
        m_downloads.removeOne(w);
        w->deleteLater();
        m_downloading.remove(sha);
        QString error;
        if (!r.ok()) {
            const auto kind = r.kind;
            error = kind == cx::ErrorKind::NotFound
                        //: Downloading a photo: the bureau does not have it (the device that took it has not sent it yet).
                        ? tr("The bureau does not have this photo yet: the phone that took it has not sent it.")
                        : SyncController::plainError(kind);
            setError(error + QStringLiteral(" (") + r.detail + QLatin1Char(')'));
        }
        emit downloadFinished(sha, r.ok(), error);
        bump();
    });
    w->setFuture(QtConcurrent::run([engine, sha, size]() -> TaskOutcome {
        try {
            engine->fetchAttachment(sha.toStdString(), size);
            return {};
        } catch (...) {
            return TaskOutcome::ofCurrentException();
        }
    }));
}

void MediaStore::waitForDownloads()
{
    // The engine is about to close: a running download must not outlive it.
    for (auto *w : std::as_const(m_downloads))
        w->waitForFinished();
    AttachmentImages::waitForAll();
}

QVariant MediaStore::reference(const QVariant &valueIn)
{
    QVariant value = valueIn;
    if (value.userType() == qMetaTypeId<QJSValue>())
        value = value.value<QJSValue>().toVariant();
    if (value.typeId() == QMetaType::QVariantList) {
        QVariantList out;
        for (const QVariant &v : value.toList())
            out.append(reference(v));
        return out;
    }
    if (value.typeId() != QMetaType::QString || value.toString().isEmpty())
        return value;
    const QUrl local = url(value);
    if (local.isEmpty())
        return value; // nothing to send; keep the name so nothing is lost
    QFile f(local.toLocalFile());
    if (!f.open(QIODevice::ReadOnly))
        return value;
    const bool png = local.toLocalFile().endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
    const QVariantMap ref = attach(f.readAll(), png ? QStringLiteral("image/png") : QStringLiteral("image/jpeg"),
                                   png ? QStringLiteral("png") : QStringLiteral("jpg"));
    return ref.isEmpty() ? value : QVariant(ref);
}

} // namespace cx::app
