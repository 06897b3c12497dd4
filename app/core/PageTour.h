#pragma once
// PageTour: opens every page of the UI in turn (self-test, screenshots) and
// counts QML errors and warnings through a message handler.
#include <QSize>
#include <QString>
#include <QStringList>

class QQmlApplicationEngine;

namespace cx::app {

class PageTour
{
public:
    static QStringList pages();
    static void installWarningCounter();
    static int warnings();
    static QStringList warningTexts();
    // Opens each page at each size; saves DIR/<w>x<h>/<NN>-<Page>.png when dir is set.
    // Returns the number of warnings seen, a screenshot not grabbed or not saved
    // counting as one (0 = pass).
    static int run(QQmlApplicationEngine &engine, const QList<QSize> &sizes, const QString &screenshotDir);
};

} // namespace cx::app
