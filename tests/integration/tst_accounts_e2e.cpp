// Issue 14.7 end to end: the real cunxiao-server over real TLS. A bureau
// administrator's device manages accounts through the engine (POST
// /v1/admin, as the app's accounts page does); another bureau account gets
// 403. The server's `admin enrol-code` prints a code and its QR text and
// saves the QR code as a PNG (--png); that PNG, drawn by libqrencode and read
// back by Qt's image reader and the decoder the phone uses, holds the link, and
// `cunxiao-cli enroll --link` enrols a phone with it, once.
#include "Fixture.h"

#include "engine/Engine.h"
#include "protocol/EnrolCode.h"
#include "protocol/Errors.h"
#include "qr/QrCode.h"

#include <QImage>
#include <QtTest>

namespace {
QString lineAfter(const QString &text, const QString &prefix)
{
    for (const QString &l : text.split('\n'))
        if (l.startsWith(prefix))
            return l.mid(prefix.size()).trimmed();
    return {};
}
} // namespace

class TestAccountsE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> b;

    std::unique_ptr<cx::Engine> engineFor(const QString &name, const QString &user)
    {
        auto e = std::make_unique<cx::Engine>(b->path(name).toStdString(), cx::DataKey(std::string(32, 'k')));
        cx::TransportOptions o;
        o.baseUrl = b->url().toStdString();
        o.caFile = b->caFile().toStdString();
        e->enroll(o, user.toStdString(), "pw-123456", "desk");
        return e;
    }

private slots:
    void initTestCase()
    {
        b = std::make_unique<BureauFixture>();
        b->admin({"add-school", "--id", "S1", "--name", "一小", "--township", "东镇"});
        b->admin({"add-school", "--id", "S2", "--name", "二小", "--township", "东镇"});
        b->admin({"add-user", "--user", "chief", "--role", "bureau", "--password-stdin", "--admin"}, "pw-123456\n");
        b->addUser("clerk", "bureau", "");
        b->addUser("head1", "head", "S1");
        b->start();
    }

    void adminThroughTheEngine()
    {
        auto chief = engineFor("chief.db", "chief");
        cx::Json r = chief->adminRequest(cx::Json{
            {"op", "add-user"}, {"user", "insp"}, {"role", "inspector"}, {"township", "东镇"}, {"password", "pw-insp-1"}});
        QCOMPARE(r["op"].get<std::string>(), std::string("add-user"));
        chief->adminRequest(cx::Json{{"op", "list"}});
        auto [kept, at] = chief->adminAccounts();
        QVERIFY(at > 0);
        bool sawInsp = false;
        for (const auto &a : kept["accounts"])
            if (a["user"] == "insp") {
                sawInsp = true;
                QCOMPARE(a["schools"], cx::Json({"S1", "S2"}));
            }
        QVERIFY(sawInsp);
        QCOMPARE(kept["schools"].size(), size_t(2));

        auto clerk = engineFor("clerk.db", "clerk");
        try {
            clerk->adminRequest(cx::Json{{"op", "list"}});
            QFAIL("a bureau account without --admin managed accounts");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), cx::ErrorKind::Forbidden);
            QVERIFY2(QString(e.what()).contains("only a bureau administrator"), e.what());
        }
        QCOMPARE(clerk->adminAccounts().second, int64_t(0)); // nothing kept

        // A code from the route enrols a phone by typing it (server + user + code).
        cx::Json code = chief->adminRequest(cx::Json{{"op", "enrol-code"}, {"user", "insp"}, {"days", 3}});
        const QString typed = QString::fromStdString(code["code"].get<std::string>()).toLower().remove('-');
        CliResult ok =
            b->cli("insp.db", {"enroll", "--server", b->url(), "--user", "insp", "--code", typed, "--ca", b->caFile()});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY2(ok.out.contains("enrolled insp (inspector)"), qPrintable(ok.out));
    }

    void qrRoundTripEnrolsOnce()
    {
        // --png without the server's address is refused before a code is issued.
        int exit = 0;
        runTool(CX_SERVER_EXE, {"admin", b->location(), "enrol-code", "--user", "head1", "--png", b->path("no.png")}, {}, &exit);
        QVERIFY(exit != 0);
        QVERIFY(!QFile::exists(b->path("no.png")));

        const QString png = b->path("head1-enrol.png");
        const QString out =
            b->admin({"enrol-code", "--user", "head1", "--server", b->url(), "--pin", b->serverPin(), "--png", png});
        const QString code = lineAfter(out, "enrolment code for head1:").section(' ', 0, 0);
        const QString qrText = lineAfter(out, "QR text:");
        QVERIFY2(!code.isEmpty() && qrText.startsWith("cunxiao://enrol?"), qPrintable(out));
        QVERIFY2(!qrText.contains("pw-123456"), qPrintable(qrText));
        QVERIFY2(out.contains("QR code saved to " + png), qPrintable(out));
        QVERIFY(!QFile::exists(png + ".part"));

        // The PNG, read by Qt's image reader (not the code that wrote it), holds
        // the QR code the phone's decoder reads as the same link.
        QImage read(png);
        QVERIFY2(!read.isNull(), qPrintable(png));
        QCOMPARE(read.format(), QImage::Format_Grayscale8); // 8-bit grey, as written
        read = read.convertToFormat(QImage::Format_Grayscale8);
        cx::GreyImage image;
        image.width = read.width();
        image.height = read.height();
        for (int y = 0; y < read.height(); ++y)
            image.pixels.insert(image.pixels.end(), read.constScanLine(y), read.constScanLine(y) + read.width());
        const auto decoded = cx::decodeQr(image);
        QVERIFY(decoded.has_value());
        QCOMPARE(QString::fromStdString(*decoded), qrText);
        const cx::EnrolLink link = cx::parseEnrolLink(*decoded);
        QCOMPARE(QString::fromStdString(link.pin), b->serverPin());
        QCOMPARE(QString::fromStdString(link.code), code);

        // A blank image has no code in it.
        cx::GreyImage blank = image;
        std::fill(blank.pixels.begin(), blank.pixels.end(), 255);
        QVERIFY(!cx::decodeQr(blank));

        CliResult first = b->cli("phone1.db", {"enroll", "--link", QString::fromStdString(*decoded), "--ca", b->caFile()});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains("enrolled head1 (head)"), qPrintable(first.out));
        CliResult sync = b->cli("phone1.db", {"sync"});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));

        CliResult second = b->cli("phone2.db", {"enroll", "--link", QString::fromStdString(*decoded), "--ca", b->caFile()});
        QVERIFY(second.exitCode != 0);
        QVERIFY2(second.err.contains("used already"), qPrintable(second.err));

        const QString audit = b->admin({"audit", "--user", "head1"});
        QVERIFY2(!audit.contains(code) && !audit.contains(QString(code).remove('-')), qPrintable(audit));
    }

    void cleanupTestCase() { b.reset(); }
};

QTEST_GUILESS_MAIN(TestAccountsE2E)
#include "tst_accounts_e2e.moc"
