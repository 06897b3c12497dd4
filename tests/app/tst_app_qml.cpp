// Qt Quick Test runner for tests/app/qml/tst_*.qml, with the app's QML module.
#include "engine/Vault.h"
#include "media/AttachmentImages.h"
#include "core/AppContext.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(CunxiaoPlugin)

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        cx::app::AttachmentImages::install(engine);
        // Photos need a replica to attach to: a throwaway account (never enrolled, never synced).
        auto *ctx = cx::app::AppContext::ensure();
        cx::Vault::erase(ctx->replicaPath(QStringLiteral("qml-test")).toStdString());
        ctx->openAccount(QStringLiteral("qml-test"), cx::DataKey::generate());
    }
};

QUICK_TEST_MAIN_WITH_SETUP(cunxiao_app, Setup)
#include "tst_app_qml.moc"
