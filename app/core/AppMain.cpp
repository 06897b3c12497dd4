#include "core/AppMain.h"

#include "account/Session.h"
#include "media/AttachmentImages.h"
#include "core/AppContext.h"
#include "core/AppSettings.h"
#include "core/DemoCounty.h"
#include "core/DemoData.h"
#include "core/PageTour.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

namespace cx::app {

int appMain(int argc, char *argv[])
{
    QElapsedTimer startClock;
    startClock.start();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("cunxiao"));
    QGuiApplication::setOrganizationName(QStringLiteral("cunxiao"));
    QGuiApplication::setApplicationVersion(QStringLiteral(CUNXIAO_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Cunxiao: offline-first data client for village schools"));
    p.addHelpOption();
    p.addVersionOption();
    QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Folder for the replicas and settings."),
                               QStringLiteral("DIR"));
    QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server URL; signs in without the sign-in page."),
                              QStringLiteral("URL"));
    QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("NAME"));
    QCommandLineOption pwStdin(QStringLiteral("password-stdin"), QStringLiteral("Read the password from standard input."));
    QCommandLineOption pwFile(QStringLiteral("password-file"), QStringLiteral("Read the password from a file."),
                              QStringLiteral("FILE"));
    QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("CA bundle to verify the server with."), QStringLiteral("FILE"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Language: zh_CN or en."), QStringLiteral("LANG"));
    QCommandLineOption selfTest(QStringLiteral("self-test"),
                                QStringLiteral("Load every page, exit non-zero on any QML warning."));
    QCommandLineOption shots(QStringLiteral("screenshots"), QStringLiteral("Save every page at 360x640 and 1280x800 into DIR."),
                             QStringLiteral("DIR"));
    QCommandLineOption startMs(QStringLiteral("print-start-time"),
                               QStringLiteral("Print milliseconds to the first frame, then quit."));
    p.addOptions({dataDir, server, user, pwStdin, pwFile, ca, lang, selfTest, shots, startMs});
    p.process(app);

    const bool tour = p.isSet(selfTest) || p.isSet(shots);
    if (tour)
        PageTour::installWarningCounter();

    QTemporaryDir tmp;
    QString dir = p.value(dataDir);
    if (dir.isEmpty())
        dir = tour ? tmp.path() : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    QQuickStyle::setStyle(QStringLiteral("Basic"));
    AppContext ctx(dir);
    AppSettings settings(&ctx);
    Session session(&ctx, &ctx);
    QString language = p.value(lang);
    if (language.isEmpty())
        language = tour ? QStringLiteral("zh_CN")
                        : ctx.settings().value(QStringLiteral("ui/language"), QStringLiteral("zh_CN")).toString();
    settings.setLanguage(language);

    if (tour) {
        ctx.sync()->setAutomatic(false);
        ctx.setFallbackSchool(QStringLiteral("S001"));
        session.openDemo();
        seedDemoData(ctx);
        ctx.sync()->refreshCounts();
    } else if (p.isSet(server)) {
        QString password;
        if (p.isSet(pwFile)) {
            QFile f(p.value(pwFile));
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cunxiao: cannot read %s\n", qPrintable(p.value(pwFile)));
                return 2;
            }
            password = QString::fromUtf8(f.readAll()).section(QLatin1Char('\n'), 0, 0).trimmed();
        } else if (p.isSet(pwStdin)) {
            std::string line;
            std::getline(std::cin, line);
            password = QString::fromStdString(line).trimmed();
        }
        session.signInFromArgs(p.value(server), p.value(user), password, p.value(ca));
    } else {
        session.restore();
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    AttachmentImages::install(&engine); // photos are encrypted: shown from memory
    // Developers: CUNXIAO_QML_DIR=<dir holding Cunxiao/qmldir> loads the QML from files, no rebuild.
    const QString devQml = qEnvironmentVariable("CUNXIAO_QML_DIR");
    if (!devQml.isEmpty())
        engine.addImportPath(devQml);
    settings.setEngine(&engine);
    engine.load(devQml.isEmpty() ? QUrl(QStringLiteral("qrc:/Cunxiao/Main.qml"))
                                 : QUrl::fromLocalFile(devQml + QStringLiteral("/Cunxiao/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "cunxiao: the UI failed to load\n");
        return 1;
    }
    if (p.isSet(startMs)) {
        auto *w = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QObject::connect(
            w, &QQuickWindow::frameSwapped, &app,
            [&] {
                std::printf("first frame after %lld ms\n", static_cast<long long>(startClock.elapsed()));
                std::fflush(stdout);
                app.quit();
            },
            Qt::SingleShotConnection);
        return app.exec();
    }
    if (tour) {
        const QList<QSize> sizes{QSize(360, 640), QSize(1280, 800)};
        const int warnings = PageTour::run(engine, sizes, p.value(shots), [&] {
            // The bureau's pages, over the demo county (core/DemoCounty).
            session.openDemo(QStringLiteral("bureau"));
            seedDemoCounty(ctx);
            ctx.sync()->refreshCounts();
        });
        if (warnings) {
            std::fprintf(stderr, "cunxiao self-test: %d QML warning(s)/error(s):\n", warnings);
            for (const QString &w : PageTour::warningTexts())
                std::fprintf(stderr, "  %s\n", qPrintable(w));
            return 1;
        }
        std::printf("cunxiao self-test: %d pages loaded without warnings\n",
                    int(PageTour::pages().size() + PageTour::bureauPages().size()));
        return 0;
    }
    return app.exec();
}

} // namespace cx::app
