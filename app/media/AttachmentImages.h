#pragma once
// AttachmentImages: "image://attachment/<sha256>" for QML's Image. Photos and
// signatures are kept encrypted (engine/SealedFile.h), so an Image cannot read
// their files; this provider decrypts one into memory, off the GUI thread,
// and hands Qt the decoded picture. MediaStore.url() gives these addresses.
#include <QQmlEngine>
#include <QQuickAsyncImageProvider>

namespace cx::app {

class AttachmentImages : public QQuickAsyncImageProvider
{
public:
    static constexpr const char *kId = "attachment";
    QQuickImageResponse *requestImageResponse(const QString &id, const QSize &requestedSize) override;
    // Waits for pictures being decrypted (before the account's engine closes).
    static void waitForAll();
    // Adds the provider to an engine that shows pages (once per engine; Qt 6.4
    // builds the QML singletons with their constructor, so MediaStore cannot).
    static void install(QQmlEngine *engine);
};

} // namespace cx::app
