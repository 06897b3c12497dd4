#pragma once
// QR codes in the app (docs/bureau.md "Accounts and enrolment"): QrCodeItem
// draws one (the bureau's "enrol a phone" code, libqrencode through
// cx::qrModules) in the Theme's colours; QrReader reads one from a camera
// frame or a picture file through cx::decodeQr (ZXing), the one decoder the
// tests feed with images made by cx::encodeQr; and it reads the link.
#include <QColor>
#include <QImage>
#include <QObject>
#include <QQuickPaintedItem>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class QrCodeItem : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY changed)
    Q_PROPERTY(QColor dark READ dark WRITE setDark NOTIFY changed)
    Q_PROPERTY(QColor light READ light WRITE setLight NOTIFY changed)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
public:
    explicit QrCodeItem(QQuickItem *parent = nullptr);
    QString text() const { return m_text; }
    void setText(const QString &t);
    QColor dark() const { return m_dark; }
    void setDark(const QColor &c);
    QColor light() const { return m_light; }
    void setLight(const QColor &c);
    bool valid() const { return !m_modules.empty(); }
    void paint(QPainter *p) override;

signals:
    void changed();

private:
    QString m_text;
    QColor m_dark, m_light;
    std::vector<std::vector<bool>> m_modules;
};

// The image -> text step: the text of the QR code in `image`, "" if none.
QString decodeQrImage(const QImage &image);
// The QR code of `text` as an image (`scale` pixels a module), for tests and saving.
QImage qrImage(const QString &text, int scale = 8);

class QrReader : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;
    // Reads the QR code in the picture at `path` (a local file or file:// URL,
    // e.g. what CameraPage captured) and parses it as an enrolment link:
    // {ok, server, pin, user, code} or {ok: false, error}. removeFile: the
    // picture is a camera capture, removed once read.
    Q_INVOKABLE QVariantMap readEnrolmentFile(const QString &path, bool removeFile = false) const;
    // The same from a picture in memory (CameraPage's scan: a QImage).
    Q_INVOKABLE QVariantMap readEnrolmentImage(const QVariant &image) const;
    // The same from the text of a link (pasted or typed).
    Q_INVOKABLE QVariantMap parseEnrolment(const QString &text) const;
    // A typed code made tidy (upper case, grouped in fours), "" if it is not one.
    Q_INVOKABLE QString tidyCode(const QString &typed) const;
};

} // namespace cx::app
