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
        // Photos and pages need a replica: a throwaway account (never enrolled,
        // never synced), new for each test file. The previous file's engine is
        // closed first: erasing the file under an open engine would leave it
        // writing to a deleted file that the pages' queries no longer see.
        auto *ctx = cx::app::AppContext::ensure();
        ctx->closeAccount();
        cx::Vault::erase(ctx->replicaPath(QStringLiteral("qml-test")).toStdString());
        ctx->openAccount(QStringLiteral("qml-test"), cx::DataKey::generate());
    }
};

QUICK_TEST_MAIN_WITH_SETUP(cunxiao_app, Setup)
#include "tst_app_qml.moc"
