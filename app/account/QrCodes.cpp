#include "account/QrCodes.h"

#include "protocol/EnrolCode.h"
#include "protocol/Errors.h"
#include "qr/QrCode.h"

#include <QFile>
#include <QPainter>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace cx::app {

QrCodeItem::QrCodeItem(QQuickItem *parent) : QQuickPaintedItem(parent), m_dark(Qt::black), m_light(Qt::white) {}

void QrCodeItem::setText(const QString &t)
{
    if (t == m_text)
        return;
    m_text = t;
    m_modules.clear();
    if (!t.isEmpty()) {
        try {
            m_modules = cx::qrModules(t.toStdString());
        } catch (const cx::Error &) {
            // too long for a QR code: nothing drawn, valid is false
        }
    }
    emit changed();
    update();
}

void QrCodeItem::setDark(const QColor &c)
{
    m_dark = c;
    emit changed();
    update();
}

void QrCodeItem::setLight(const QColor &c)
{
    m_light = c;
    emit changed();
    update();
}

void QrCodeItem::paint(QPainter *p)
{
    const qreal side = std::min(width(), height());
    p->fillRect(QRectF(0, 0, side, side), m_light);
    if (m_modules.empty())
        return;
    const int n = int(m_modules.size()) + 8; // a 4-module quiet zone each side
    const qreal m = std::floor(side / n);    // whole pixels a module: sharp edges for cameras
    const qreal off = (side - m * (n - 8)) / 2;
    for (size_t y = 0; y < m_modules.size(); ++y)
        for (size_t x = 0; x < m_modules.size(); ++x)
            if (m_modules[y][x])
                p->fillRect(QRectF(off + qreal(x) * m, off + qreal(y) * m, m, m), m_dark);
}

QString decodeQrImage(const QImage &image)
{
    if (image.isNull())
        return {};
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    cx::GreyImage g;
    g.width = grey.width();
    g.height = grey.height();
    g.pixels.resize(size_t(g.width) * size_t(g.height));
    for (int y = 0; y < g.height; ++y)
        std::memcpy(g.pixels.data() + size_t(y) * size_t(g.width), grey.constScanLine(y), size_t(g.width));
    const auto text = cx::decodeQr(g);
    return text ? QString::fromStdString(*text) : QString();
}

QImage qrImage(const QString &text, int scale)
{
    const cx::GreyImage g = cx::encodeQr(text.toStdString(), scale);
    QImage img(g.width, g.height, QImage::Format_Grayscale8);
    for (int y = 0; y < g.height; ++y)
        std::memcpy(img.scanLine(y), g.pixels.data() + size_t(y) * size_t(g.width), size_t(g.width));
    return img;
}

QVariantMap QrReader::parseEnrolment(const QString &text) const
{
    try {
        const cx::EnrolLink l = cx::parseEnrolLink(text.trimmed().toStdString());
        return {{QStringLiteral("ok"), true},
                {QStringLiteral("server"), QString::fromStdString(l.server)},
                {QStringLiteral("pin"), QString::fromStdString(l.pin)},
                {QStringLiteral("user"), QString::fromStdString(l.user)},
                {QStringLiteral("code"), QString::fromStdString(l.code)}};
    } catch (const cx::Error &e) {
        //: The scanned QR code is not a Cunxiao enrolment code. %1: the technical reason.
        return {
            {QStringLiteral("ok"), false},
            {QStringLiteral("error"), tr("This is not the bureau's enrolment code (%1).").arg(QString::fromStdString(e.what()))}};
    }
}

QVariantMap QrReader::readEnrolmentFile(const QString &path, bool removeFile) const
{
    const QUrl url(path);
    const QString file = url.isLocalFile() ? url.toLocalFile() : path;
    const QImage image(file);
    if (removeFile)
        QFile::remove(file);
    return readEnrolmentImage(image);
}

QVariantMap QrReader::readEnrolmentImage(const QVariant &picture) const
{
    const QImage image = picture.value<QImage>();
    if (image.isNull())
        //: Reading a QR code from a photo failed: the photo could not be opened.
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), tr("The photo could not be opened.")}};
    const QString text = decodeQrImage(image);
    if (text.isEmpty())
        return {{QStringLiteral("ok"), false},
                //: No QR code was found in the camera's photo.
                {QStringLiteral("error"), tr("No QR code was found in the photo. Hold the phone steady, fill the frame "
                                             "with the code and try again, or type the code.")}};
    return parseEnrolment(text);
}

QString QrReader::tidyCode(const QString &typed) const
{
    const auto n = cx::normaliseEnrolCode(typed.toStdString());
    return n ? QString::fromStdString(cx::groupEnrolCode(*n)) : QString();
}

} // namespace cx::app
