#pragma once
// PageTour: opens every page of the UI in turn (self-test, screenshots) and
// counts QML errors and warnings through a message handler.
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

class QQmlApplicationEngine;

namespace cx::app {

class PageTour
{
public:
    static QStringList pages();
    // The bureau's pages and the file each is saved as (bureau-review.png, ...).
    static QList<QPair<QString, QString>> bureauPages();
    static void installWarningCounter();
    static int warnings();
    static QStringList warningTexts();
    // Opens each page at each size; saves DIR/<w>x<h>/<NN>-<Page>.png when dir is set.
    // Then, when `openBureau` is given, calls it (it signs the demo in as the
    // bureau) and does the same with bureauPages(), saved as <w>x<h>/<name>.png.
    // Returns the number of warnings seen, a screenshot not grabbed or not saved
    // counting as one (0 = pass).
    static int run(QQmlApplicationEngine &engine, const QList<QSize> &sizes, const QString &screenshotDir,
                   const std::function<void()> &openBureau = {});
};

} // namespace cx::app
