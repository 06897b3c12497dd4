#include "core/PageTour.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMutex>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QThread>

namespace cx::app {

static QtMessageHandler s_previous = nullptr;
static QMutex s_mutex;
static QStringList s_warnings;

QStringList PageTour::pages()
{
    return {QStringLiteral("SignInPage"),    QStringLiteral("PinPage"),         QStringLiteral("HomePage"),
            QStringLiteral("PupilsPage"),    QStringLiteral("PupilPage"),       QStringLiteral("PupilEditPage"),
            QStringLiteral("HomeVisitPage"), QStringLiteral("DropoutsPage"),    QStringLiteral("FormsPage"),
            QStringLiteral("FormFillPage"),  QStringLiteral("SubmissionsPage"), QStringLiteral("InspectionPage"),
            QStringLiteral("ConflictsPage"), QStringLiteral("SettingsPage"),    QStringLiteral("CameraPage"),
            QStringLiteral("BundlesPage")};
}

QList<QPair<QString, QString>> PageTour::bureauPages()
{
    return {{QStringLiteral("HomePage"), QStringLiteral("bureau-home")},
            {QStringLiteral("BureauReviewPage"), QStringLiteral("bureau-review")},
            {QStringLiteral("BureauCompletenessPage"), QStringLiteral("bureau-completeness")},
            {QStringLiteral("BureauStatisticsPage"), QStringLiteral("bureau-statistics")},
            {QStringLiteral("BureauAssignmentsPage"), QStringLiteral("bureau-assignments")},
            {QStringLiteral("BureauDevicesPage"), QStringLiteral("bureau-devices")},
            {QStringLiteral("BureauFormsPage"), QStringLiteral("bureau-forms")},
            {QStringLiteral("BureauAccountsPage"), QStringLiteral("bureau-accounts")}};
}

static void counter(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    const QByteArray cat = ctx.category ? QByteArray(ctx.category) : QByteArray();
    // Noise: the platform and font plumbing, and QtCore's animation timer
    // saying it stopped a driver that had already stopped (seen once under
    // ASan on a loaded machine, after every page had loaded): none is a page's.
    const bool noise = cat.startsWith("qt.qpa") || cat.startsWith("qt.text.font") ||
                       msg.contains(QLatin1String("propagateSizeHints")) ||
                       msg.startsWith(QLatin1String("QUnifiedTimer::stopAnimationDriver: driver is not running"));
    if (type != QtDebugMsg && type != QtInfoMsg && !noise) {
        QMutexLocker l(&s_mutex);
        s_warnings << msg;
    }
    if (s_previous)
        s_previous(type, ctx, msg);
}

void PageTour::installWarningCounter() { s_previous = qInstallMessageHandler(counter); }
int PageTour::warnings()
{
    QMutexLocker l(&s_mutex);
    return int(s_warnings.size());
}
QStringList PageTour::warningTexts()
{
    QMutexLocker l(&s_mutex);
    return s_warnings;
}

static void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
}

// Opens `page`, waits for it to settle and, with a directory, saves it as <dir>/<w>x<h>/<file>.png.
static void visit(QQuickWindow *window, const QString &page, const QString &dir, const QString &file)
{
    QMetaObject::invokeMethod(window, "openPage", Q_ARG(QVariant, page), Q_ARG(QVariant, QVariantMap()));
    settle(dir.isEmpty() ? 80 : 400);
    if (dir.isEmpty())
        return;
    const QString sub = QDir(dir).filePath(QStringLiteral("%1x%2").arg(window->width()).arg(window->height()));
    QDir().mkpath(sub);
    const QImage img = window->grabWindow();
    const QString path = QDir(sub).filePath(file + QStringLiteral(".png"));
    // A screenshot not written fails the tour like a QML warning.
    const char *failed = img.isNull() ? "could not grab" : !img.save(path) ? "could not save" : nullptr;
    if (failed) {
        QMutexLocker l(&s_mutex);
        s_warnings << QStringLiteral("%1 %2").arg(QLatin1String(failed), path);
    }
}

int PageTour::run(QQmlApplicationEngine &engine, const QList<QSize> &sizes, const QString &dir,
                  const std::function<void()> &openBureau)
{
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        return 1;
    settle(300);
    for (const QSize &size : sizes) {
        window->resize(size);
        settle(150);
        int n = 0;
        for (const QString &page : pages()) {
            ++n;
            visit(window, page, dir, QStringLiteral("%1-%2").arg(n, 2, 10, QLatin1Char('0')).arg(page));
        }
    }
    if (openBureau) {
        openBureau();
        settle(300);
        for (const QSize &size : sizes) {
            window->resize(size);
            settle(150);
            for (const auto &[page, file] : bureauPages())
                visit(window, page, dir, file);
        }
    }
    QMetaObject::invokeMethod(window, "openPage", Q_ARG(QVariant, QStringLiteral("HomePage")), Q_ARG(QVariant, QVariantMap()));
    settle(100);
    return warnings();
}

} // namespace cx::app
