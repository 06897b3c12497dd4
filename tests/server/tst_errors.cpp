// The error table of docs/protocol.md ("Errors") against the server's one
// mapping (server/http/ErrorReply.h): every cx::ErrorKind has exactly one row,
// every row names a kind, and errorStatus() and replyFromException() answer
// each kind with the row's status and "error". The document cannot drift.
#include "http/ErrorReply.h"
#include "http/HttpServer.h"
#include "protocol/Errors.h"
#include "protocol/Json.h"

#include <QFile>
#include <QtTest>

#include <map>
#include <string>

using namespace cx;
using namespace cx::server;

namespace {

constexpr int kKinds = int(ErrorKind::Unavailable) + 1; // the last ErrorKind

struct Row {
    int status = 0;
    std::string error;
};

// "| `auth` | 401 | `auth` | notes |" -> its cells, trimmed, backticks removed.
QStringList cells(const QString &line)
{
    QStringList out;
    const QStringList parts = line.split(QLatin1Char('|'));
    for (int i = 1; i + 1 < parts.size(); ++i) { // between the first and the last '|'
        QString c = parts[i].trimmed();
        if (c.size() >= 2 && c.startsWith(QLatin1Char('`')) && c.endsWith(QLatin1Char('`')))
            c = c.mid(1, c.size() - 2);
        out << c;
    }
    return out;
}

// The table whose header row starts with "| failure (`cx::ErrorKind`)", by
// kind name. Fails the test on a malformed or repeated row.
std::map<std::string, Row> docTable()
{
    QFile f(QStringLiteral(CX_SOURCE_DIR "/docs/protocol.md"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read docs/protocol.md");
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    std::map<std::string, Row> rows;
    int at = -1;
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].startsWith(QStringLiteral("| failure (`cx::ErrorKind`)"))) {
            if (at >= 0)
                qFatal("docs/protocol.md has two error tables (lines %d and %d)", at + 1, i + 1);
            at = i;
        }
    if (at < 0)
        qFatal("docs/protocol.md has no error table (a row starting \"| failure (`cx::ErrorKind`)\")");
    for (int i = at + 2; i < lines.size() && lines[i].startsWith(QLatin1Char('|')); ++i) { // +2: past |---|
        const QStringList c = cells(lines[i]);
        if (c.size() < 3)
            qFatal("docs/protocol.md line %d: fewer than 3 cells", i + 1);
        bool ok = false;
        Row r{c[1].toInt(&ok), c[2].toStdString()};
        if (!ok)
            qFatal("docs/protocol.md line %d: status \"%s\" is not a number", i + 1, qPrintable(c[1]));
        if (!rows.emplace(c[0].toStdString(), r).second)
            qFatal("docs/protocol.md line %d: kind %s twice", i + 1, qPrintable(c[0]));
    }
    return rows;
}

} // namespace

class TestErrors : public QObject
{
    Q_OBJECT

private slots:
    // ErrorKind has no count: a kind added after Unavailable must move kKinds.
    void everyKindCounted()
    {
        for (int k = 0; k < kKinds; ++k)
            QVERIFY2(std::string(errorKindName(ErrorKind(k))) != "unknown", qPrintable(QString::number(k)));
        QCOMPARE(std::string(errorKindName(ErrorKind(kKinds))), std::string("unknown"));
    }

    void everyKindHasItsRow()
    {
        const auto rows = docTable();
        for (int k = 0; k < kKinds; ++k) {
            const std::string name = errorKindName(ErrorKind(k));
            const auto it = rows.find(name);
            QVERIFY2(it != rows.end(), ("docs/protocol.md's error table has no row for " + name).c_str());
            const ErrorStatus s = errorStatus(ErrorKind(k));
            QVERIFY2(s.status == it->second.status, (name + ": the code answers " + std::to_string(s.status) +
                                                     ", the table says " + std::to_string(it->second.status))
                                                        .c_str());
            QVERIFY2(s.error == it->second.error,
                     (name + ": the code answers \"" + s.error + "\", the table says \"" + it->second.error + "\"").c_str());
        }
    }

    void everyRowIsAKind()
    {
        const auto rows = docTable();
        for (const auto &[name, row] : rows) {
            bool known = false;
            for (int k = 0; k < kKinds; ++k)
                known = known || name == errorKindName(ErrorKind(k));
            QVERIFY2(known, ("docs/protocol.md's error table names \"" + name + "\", which is no ErrorKind").c_str());
        }
        QCOMPARE(int(rows.size()), kKinds);
    }

    // What a route answers (the reply itself, not only the table function).
    void routesAnswerAsTheTableSays()
    {
        const auto rows = docTable();
        for (int k = 0; k < kKinds; ++k) {
            const std::string name = errorKindName(ErrorKind(k));
            HttpReply r;
            try {
                throw Error(ErrorKind(k), "the detail");
            } catch (...) {
                r = replyFromException("tst_errors");
            }
            const auto row = rows.find(name);
            QVERIFY2(row != rows.end(), ("docs/protocol.md's error table has no row for " + name).c_str());
            const Row &want = row->second;
            QVERIFY2(r.status == want.status, name.c_str());
            const Json body = Json::parse(r.body);
            QCOMPARE(body.at("error").get<std::string>(), want.error);
            QCOMPARE(body.at("server_protocol").get<int>(), 1);
            QCOMPARE(r.retryAfterSec, want.status == 503 ? 5 : 0);
            if (want.status == 500) // the detail stays in the server's log
                QCOMPARE(body.at("message").get<std::string>(), std::string("internal server error; see the server log"));
            else
                QCOMPARE(body.at("message").get<std::string>(), std::string("the detail"));
        }
    }
};

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
