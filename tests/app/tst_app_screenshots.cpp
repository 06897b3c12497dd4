// The screenshots (`cunxiao --lang zh_CN --screenshots DIR`): the app exits 0,
// and every screen is in DIR as a PNG that decodes, at the size it was taken
// at, and nothing else is there. The directory is emptied first, so files of an
// earlier run prove nothing. The pages are written out here, not taken from
// PageTour: a page that stops being photographed fails this test.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QSize>
#include <QtTest>

class TstAppScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void everyScreenIsADecodablePngOfItsSize()
    {
        const QString dir = QStringLiteral(CX_SCREENSHOT_DIR);
        QVERIFY(QDir(dir).removeRecursively());
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(QStringLiteral(CX_APP_EXE), {"--lang", "zh_CN", "--screenshots", dir});
        QVERIFY(app.waitForStarted(20000));
        QVERIFY2(app.waitForFinished(840000), "cunxiao --screenshots did not finish in 14 minutes");
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);

        const QStringList pages = {"01-SignInPage", "02-PinPage", "03-HomePage", "04-PupilsPage", "05-PupilPage",
                                   "06-PupilEditPage", "07-HomeVisitPage", "08-DropoutsPage", "09-FormsPage", "10-FormFillPage",
                                   "11-SubmissionsPage", "12-InspectionPage", "13-ConflictsPage", "14-SettingsPage",
                                   "15-CameraPage", "16-BundlesPage",
                                   // The bureau's pages over the demo county (issue 14).
                                   "bureau-home", "bureau-review", "bureau-completeness", "bureau-statistics",
                                   "bureau-assignments", "bureau-devices", "bureau-forms", "bureau-accounts"};
        const QList<QSize> sizes = {QSize(360, 640), QSize(1280, 800)};
        QStringList expectedDirs;
        for (const QSize &size : sizes) {
            const QString sub = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
            expectedDirs << sub;
            QStringList expectedFiles;
            for (const QString &page : pages) {
                const QString name = page + ".png";
                expectedFiles << name;
                const QString file = QDir(dir).filePath(sub + "/" + name);
                QFileInfo fi(file);
                QVERIFY2(fi.isFile(), qPrintable(file + " was not written"));
                QVERIFY2(fi.size() > 0, qPrintable(file + " is empty"));
                QImageReader reader(file);
                QCOMPARE(reader.format(), QByteArray("png"));
                const QImage img = reader.read();
                QVERIFY2(!img.isNull(), qPrintable(file + " does not decode: " + reader.errorString()));
                QCOMPARE(img.size(), size);
            }
            QStringList found = QDir(QDir(dir).filePath(sub)).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
            expectedFiles.sort();
            QCOMPARE(found, expectedFiles);
        }
        expectedDirs.sort();
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name), expectedDirs);
    }
};

QTEST_GUILESS_MAIN(TstAppScreenshots)
#include "tst_app_screenshots.moc"
