// bench_encryption: what encryption at rest costs (docs/security.md). The same
// build, the same work, with the replica and photos encrypted (the product) and
// without a key (plain SQLite, plain files), run alternately A B A B so a noisy
// machine shows in both:
//   - first download of a school (6,101 records) from the real server over TLS
//     on loopback, applied into the replica: seconds and records/s;
//   - form saves: 2,000 local writes (a record and its outbox entry, one
//     transaction each): p50 and p99 latency;
//   - cold start: open the replica and read the roster (2,000 pupils);
//   - a 1 MB photo kept (attach) and read back.
// Prints a table and the ratio encrypted / plain; --json FILE writes it too.
#include "../../tests/integration/Fixture.h"

#include "engine/Engine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace {

struct Result {
    std::vector<double> download, apply, p50, p99, cold, attach, read;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

void importSchool(BureauFixture &b, const QString &school)
{
    QFile f(b.path("school.jsonl"));
    f.open(QIODevice::WriteOnly);
    const char *names[] = {"王小明", "李小梅", "张伟", "刘芳", "陈静", "杨洋", "黄磊", "赵敏", "吴军", "周丽"};
    auto line = [&](const char *c, const QJsonObject &fields) {
        f.write(QJsonDocument(QJsonObject{{"collection", c}, {"fields", fields}}).toJson(QJsonDocument::Compact) + "\n");
    };
    for (int i = 0; i < 2000; ++i)
        line("pupils", {{"name", QString::fromUtf8(names[i % 10]) + QString::number(i)},
                        {"grade", 1 + i % 6},
                        {"class", 1 + i % 3},
                        {"sex", i % 2 ? "m" : "f"},
                        {"guardian_phone", QStringLiteral("138%1").arg(i * 7919 % 100000000, 8, 10, QChar('0'))},
                        {"village", QStringLiteral("第%1组").arg(i % 13)}});
    for (int i = 0; i < 100; ++i)
        line("teachers", {{"name", QString::fromUtf8(names[i % 10])}, {"subject", i % 2 ? "语文" : "数学"}});
    for (int i = 0; i < 4000; ++i)
        line("home_visits", {{"pupil", QStringLiteral("p%1").arg(i % 2000)},
                             {"teacher", QString::fromUtf8(names[i % 10])},
                             {"note", i % 3 ? "家长在外务工，由祖父母照顾" : "学习认真，需要加强数学"}});
    f.close();
    runTool(CX_SERVER_EXE, {"import", b.dataDir(), "--school", school, f.fileName()});
}

void runOnce(BureauFixture &b, const QString &school, bool encrypted, int round, const std::string &photoFile, Result &r)
{
    const std::string db = b.path(QStringLiteral("%1-%2.db").arg(encrypted ? "enc" : "plain").arg(round)).toStdString();
    const cx::DataKey key = encrypted ? cx::DataKey::generate() : cx::DataKey::none();
    {
        cx::Engine e(db, key);
        cx::TransportOptions o;
        o.baseUrl = b.url().toStdString();
        o.caFile = b.caFile().toStdString();
        e.enroll(o, "head", "pw-123456", "bench");
        QElapsedTimer t;
        t.start();
        cx::SyncReport rep = e.sync();
        const double s = t.nsecsElapsed() / 1e9;
        r.download.push_back(s);
        r.apply.push_back(rep.pulled / s);

        std::vector<double> lat;
        for (int i = 0; i < 2000; ++i) {
            QElapsedTimer w;
            w.start();
            e.put("home_visits", {}, school.toStdString(),
                  cx::Json{{"pupil", "p" + std::to_string(i)}, {"note", "家访记录：家长在外务工"}, {"n", i}});
            lat.push_back(w.nsecsElapsed() / 1e6);
        }
        std::sort(lat.begin(), lat.end());
        r.p50.push_back(lat[lat.size() / 2]);
        r.p99.push_back(lat[lat.size() * 99 / 100]);

        QElapsedTimer a;
        a.start();
        const auto info = e.attach(photoFile, "image/jpeg");
        r.attach.push_back(a.nsecsElapsed() / 1e6);
        a.restart();
        const std::string back = e.readAttachment(info.sha256);
        r.read.push_back(a.nsecsElapsed() / 1e6);
        if (back.size() != info.size)
            qFatal("photo read back is %zu bytes, not %llu", back.size(), (unsigned long long)info.size);
    }
    QElapsedTimer c;
    c.start();
    cx::Engine e(db, key);
    const auto pupils = e.list("pupils");
    r.cold.push_back(c.nsecsElapsed() / 1e6);
    if (pupils.size() != 2000)
        qFatal("the roster has %zu pupils, not 2000", pupils.size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString jsonOut;
    int rounds = 3;
    for (int i = 1; i < argc; ++i) {
        const QString a = argv[i];
        if (a == "--json" && i + 1 < argc)
            jsonOut = argv[++i];
        else if (a == "--rounds" && i + 1 < argc)
            rounds = QString(argv[++i]).toInt();
    }
    const QString school = "530102001";
    BureauFixture b(true);
    b.addSchool(school, "上寨小学");
    b.addUser("head", "head", school);
    importSchool(b, school);
    b.start();
    const std::string photo = b.path("photo.jpg").toStdString();
    {
        QByteArray bytes(1024 * 1024, '\0');
        QRandomGenerator rng(5);
        for (auto &c : bytes)
            c = char(rng.generate());
        QFile f(QString::fromStdString(photo));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
    }
    Result enc, plain;
    for (int i = 0; i < rounds; ++i) {
        runOnce(b, school, true, i, photo, enc);
        runOnce(b, school, false, i, photo, plain);
    }
    struct Row {
        const char *name, *unit;
        std::vector<double> Result::*field;
    };
    const Row rows[] = {{"first download (6,101 records)", "s", &Result::download},
                        {"records applied per second", "/s", &Result::apply},
                        {"form save p50", "ms", &Result::p50},
                        {"form save p99", "ms", &Result::p99},
                        {"cold start + roster (2,000)", "ms", &Result::cold},
                        {"keep a 1 MB photo", "ms", &Result::attach},
                        {"read a 1 MB photo", "ms", &Result::read}};
    std::printf("%-34s %12s %12s %8s   (median of %d, alternated)\n", "", "encrypted", "plain", "ratio", rounds);
    QJsonObject out;
    for (const Row &row : rows) {
        const double e = median(enc.*row.field), p = median(plain.*row.field);
        std::printf("%-34s %10.3f %-2s %10.3f %-2s %7.2fx\n", row.name, e, row.unit, p, row.unit, p > 0 ? e / p : 0);
        out[row.name] = QJsonObject{{"encrypted", e}, {"plain", p}, {"ratio", p > 0 ? e / p : 0}, {"unit", row.unit}};
    }
    if (!jsonOut.isEmpty()) {
        QFile f(jsonOut);
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(out).toJson());
    }
    return 0;
}
