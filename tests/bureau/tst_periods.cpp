// forms/Periods.h: the periods a form is filed in and their due dates.
#include "forms/Periods.h"

#include <QtTest>

using namespace cx::forms;

namespace {
Day day(const char *iso) { return *parseDay(iso); }
QString text(Day d) { return QString::fromStdString(formatDay(d)); }
} // namespace

class TestPeriods : public QObject
{
    Q_OBJECT
private slots:
    void parsesDaysAndDateTimes()
    {
        QCOMPARE(text(day("2025-09-01")), QString("2025-09-01"));
        QCOMPARE(text(day("2025-09-01T08:30:00")), QString("2025-09-01"));
        QVERIFY(!parseDay("2025-02-30"));
        QVERIFY(!parseDay("2025/09/01"));
        QVERIFY(!parseDay("2025-09-01x"));
        QVERIFY(!parseDay(""));
    }

    void schoolYearsTermsAndMonths_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("on");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("previous");
        QTest::newRow("year, autumn") << "school_year"
                                      << "2025-09-01"
                                      << "2025-2026"
                                      << "2025-09-01"
                                      << "2026-08-31"
                                      << "2024-2025";
        QTest::newRow("year, summer") << "school_year"
                                      << "2026-08-31"
                                      << "2025-2026"
                                      << "2025-09-01"
                                      << "2026-08-31"
                                      << "2024-2025";
        QTest::newRow("autumn term, January") << "term"
                                              << "2026-01-31"
                                              << "2025-autumn"
                                              << "2025-09-01"
                                              << "2026-01-31"
                                              << "2025-spring";
        QTest::newRow("spring term") << "term"
                                     << "2026-02-01"
                                     << "2026-spring"
                                     << "2026-02-01"
                                     << "2026-08-31"
                                     << "2025-autumn";
        QTest::newRow("February, leap year") << "month"
                                             << "2028-02-10"
                                             << "2028-02"
                                             << "2028-02-01"
                                             << "2028-02-29"
                                             << "2028-01";
        QTest::newRow("January") << "month"
                                 << "2026-01-05"
                                 << "2026-01"
                                 << "2026-01-01"
                                 << "2026-01-31"
                                 << "2025-12";
    }
    void schoolYearsTermsAndMonths()
    {
        QFETCH(QString, kind);
        QFETCH(QString, on);
        QFETCH(QString, key);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(QString, previous);
        const Period p = periodContaining(kind.toStdString(), day(on.toUtf8().constData()));
        QCOMPARE(QString::fromStdString(p.key), key);
        QCOMPARE(text(p.first), first);
        QCOMPARE(text(p.last), last);
        QCOMPARE(QString::fromStdString(previousPeriod(p).key), previous);
        // A key names the same period back.
        auto named = periodNamed(kind.toStdString(), key.toStdString());
        QVERIFY(named);
        QCOMPARE(text(named->first), first);
        QCOMPARE(text(named->last), last);
    }

    void keysThatAreNotPeriods()
    {
        QVERIFY(!periodNamed("school_year", "2025-2027"));
        QVERIFY(!periodNamed("school_year", "2025"));
        QVERIFY(!periodNamed("term", "2025-winter"));
        QVERIFY(!periodNamed("month", "2025-13"));
        QVERIFY(!periodNamed("", "2025-2026"));
        QVERIFY(!periodContaining("weekly", day("2025-09-01")).valid());
    }

    void dueDates()
    {
        const Period year = *periodNamed("school_year", "2025-2026");
        QCOMPARE(text(dueDate("10-15", year)), QString("2025-10-15"));
        QCOMPARE(text(dueDate("03-01", year)), QString("2026-03-01")); // the first 1 March inside the year
        QCOMPARE(text(dueDate("2025-11-20", year)), QString("2025-11-20"));
        QCOMPARE(text(dueDate("", year)), QString("2026-08-31"));
        QCOMPARE(text(dueDate("soon", year)), QString("2026-08-31"));
        QCOMPARE(text(dueDate("02-30", year)), QString("2026-08-31")); // not a day: the period's end
    }
};

QTEST_GUILESS_MAIN(TestPeriods)
#include "tst_periods.moc"
