// bench_sync: sync against the physical limit of a link (issue 5, docs/village.md).
// The real cunxiao-server over TLS, the device engine in-process (so a warm
// connection stays warm between syncs), and cunxiao-linkemu in between with the
// profiles lan, village and village-cutting. Wire bytes come from the link's own
// counters (TLS and HTTP included).
//
// Photos: a 1 MB upload and the same photo downloaded by another device, each
// cut three times by command; what had to be sent or received again.
//
// usage: bench_sync [--profiles lan,village,village-cutting] [--json FILE] [--no-photo]
#include "../../tests/integration/Fixture.h"

#include "engine/CurlTransport.h"
#include "engine/Engine.h"
#include "LinkProcess.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

namespace {

// The emulator with one of its named profiles.
class Link : public LinkProcess
{
public:
    Link(quint16 target, const QString &profile) : LinkProcess(target, {"--profile", profile}) {}
};

struct Profile {
    QString name;
    double rttS;      // round trip
    double bytesPerS; // 0 = unlimited
};

struct Measure {
    double seconds = 0;
    int requests = 0, connections = 0, cuts = 0, retries = 0;
    double wireUp = 0, wireDown = 0; // link counters (TLS included)
    double payload = 0;              // engine-counted HTTP bytes of the requests that completed
    QJsonObject toJson(const Profile &p, int rtNeeded) const
    {
        QJsonObject j{{"seconds", seconds},
                      {"requests", requests},
                      {"connections", connections},
                      {"cuts", cuts},
                      {"retries", retries},
                      {"wire_up", wireUp},
                      {"wire_down", wireDown},
                      {"payload", payload},
                      {"round_trips_needed", rtNeeded},
                      {"round_trip_ratio", double(requests) / rtNeeded}};
        if (p.bytesPerS > 0) {
            double limit = p.rttS * rtNeeded + payload / p.bytesPerS;
            j["limit_seconds"] = limit;
            j["time_ratio"] = seconds / limit;
        }
        return j;
    }
};

template <class F> Measure measure(Link &link, F &&fn)
{
    QJsonObject s0 = link.stats();
    QElapsedTimer t;
    t.start();
    cx::SyncReport r = fn();
    Measure m;
    m.seconds = t.elapsed() / 1000.0;
    QJsonObject s1 = link.stats();
    m.requests = r.requests;
    m.connections = s1["connections_accepted"].toInt() - s0["connections_accepted"].toInt();
    m.cuts = s1["cuts"].toInt() - s0["cuts"].toInt();
    m.retries = r.retries;
    m.wireUp = s1["bytes_up"].toDouble() - s0["bytes_up"].toDouble();
    m.wireDown = s1["bytes_down"].toDouble() - s0["bytes_down"].toDouble();
    m.payload = double(r.bytesUp + r.bytesDown);
    return m;
}

QByteArray randomBytes(int n, quint32 seed)
{
    QByteArray out(n, '\0');
    quint32 x = seed;
    for (int i = 0; i < n; ++i) {
        x = x * 1664525u + 1013904223u;
        out[i] = char(x >> 24);
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList profiles = {"lan", "village", "village-cutting"};
    QString jsonOut;
    bool photo = true;
    for (int i = 1; i < argc; ++i) {
        QString a = argv[i];
        if (a == "--profiles" && i + 1 < argc)
            profiles = QString(argv[++i]).split(',');
        else if (a == "--json" && i + 1 < argc)
            jsonOut = argv[++i];
        else if (a == "--no-photo")
            photo = false;
    }
    const QString school = "530102001";
    BureauFixture b(true);
    b.addSchool(school, "上寨小学");
    b.addUser("head", "head", school);
    {
        QFile f(b.path("school.jsonl"));
        f.open(QIODevice::WriteOnly);
        const char *names[] = {"王小明", "李小梅", "张伟", "刘芳", "陈静", "杨洋", "黄磊", "赵敏", "吴军", "周丽"};
        auto line = [&](const char *c, const QJsonObject &fields) {
            f.write(QJsonDocument(QJsonObject{{"collection", c}, {"fields", fields}}).toJson(QJsonDocument::Compact) + "\n");
        };
        for (int i = 0; i < 2000; ++i)
            line("pupils", {{"name", QString::fromUtf8(names[i % 10])},
                            {"grade", 1 + i % 6},
                            {"class", 1 + i % 3},
                            {"sex", i % 2 ? "m" : "f"},
                            {"born", QStringLiteral("2016-%1-%2").arg(1 + i % 12).arg(1 + i % 28)},
                            {"guardian_phone", QStringLiteral("138%1").arg(i * 7919 % 100000000, 8, 10, QChar('0'))},
                            {"village", QStringLiteral("第%1组").arg(i % 13)}});
        for (int i = 0; i < 100; ++i)
            line("teachers", {{"name", QString::fromUtf8(names[i % 10])},
                              {"subject", i % 2 ? "语文" : "数学"},
                              {"phone", QStringLiteral("139%1").arg(i * 104729 % 100000000, 8, 10, QChar('0'))}});
        for (int i = 0; i < 4000; ++i)
            line("home_visits", {{"pupil", QStringLiteral("p%1").arg(i % 2000)},
                                 {"date", QStringLiteral("2024-%1-%2").arg(1 + i % 12).arg(1 + i % 28)},
                                 {"teacher", QString::fromUtf8(names[i % 10])},
                                 {"distance_km", 1 + i % 15},
                                 {"note", i % 3 ? "家长在外务工，由祖父母照顾" : "学习认真，需要加强数学"}});
        f.close();
        runTool(CX_SERVER_EXE, {"import", b.dataDir(), "--school", school, f.fileName()});
    }
    b.start();
    QTemporaryDir dir;

    QJsonObject results;
    std::printf("%-16s %-22s %8s %6s %6s %10s %10s %8s %8s\n", "profile", "case", "seconds", "reqs", "conns", "wire up",
                "wire down", "rt-ratio", "t-ratio");
    auto row = [](const QString &p, const char *c, const QJsonObject &j) {
        std::printf("%-16s %-22s %8.2f %6d %6d %10.0f %10.0f %8.2f %8s\n", qPrintable(p), c, j["seconds"].toDouble(),
                    j["requests"].toInt(), j["connections"].toInt(), j["wire_up"].toDouble(), j["wire_down"].toDouble(),
                    j["round_trip_ratio"].toDouble(),
                    j.contains("time_ratio") ? qPrintable(QString::number(j["time_ratio"].toDouble(), 'f', 2)) : "-");
        std::fflush(stdout);
    };

    for (const QString &name : profiles) {
        Profile p{name, name == "lan" ? 0.0 : 0.6, name == "lan" ? 0.0 : 5000.0};
        Link link(b.port(), name);
        QJsonObject pr;
        cx::Engine dev((dir.path() + "/" + name + ".db").toStdString(), cx::DataKey::generate());
        cx::SyncTuning t;
        t.maxRetries = 50;
        t.backoffMs = 200;
        t.backoffMaxMs = 2000;
        dev.setTuning(t);
        cx::TransportOptions o;
        o.baseUrl = link.url().toStdString();
        o.caFile = b.caFile().toStdString();
        dev.enroll(o, "head", "pw-123456", "bench");

        // First download of the school (6,100 records), on the connection enroll opened.
        Measure first = measure(link, [&] { return dev.sync(); });
        QJsonObject fj = first.toJson(p, 1);
        fj["records"] = dev.lastReport().pulled;
        fj["records_per_second"] = dev.lastReport().pulled / first.seconds;
        pr["first_download"] = fj;
        row(name, "first download", fj);

        // Nothing changed, warm connection.
        Measure idle = measure(link, [&] { return dev.sync(); });
        QJsonObject ij = idle.toJson(p, 1);
        pr["nothing_changed"] = ij;
        row(name, "nothing changed", ij);

        // 10 edits up and 10 down in one sync: another device (straight to the server) edits 10 pupils.
        {
            cx::Engine other((dir.path() + "/" + name + "-other.db").toStdString(), cx::DataKey::generate());
            cx::TransportOptions d;
            d.baseUrl = b.url().toStdString();
            d.caFile = b.caFile().toStdString();
            other.enroll(d, "head", "pw-123456", "other");
            other.sync();
            auto pupils = other.list("pupils");
            for (int i = 0; i < 10; ++i)
                other.put("pupils", pupils[size_t(i)].id, "",
                          cx::Json{{"note", "转学 " + name.toStdString() + " " + std::to_string(i)}});
            other.sync();
            auto mine = dev.list("pupils");
            for (int i = 0; i < 10; ++i)
                dev.put("pupils", mine[100 + size_t(i)].id, "",
                        cx::Json{{"guardian_phone", "139" + std::to_string(qHash(name) % 1000) + std::to_string(i)}});
        }
        Measure edits = measure(link, [&] { return dev.sync(); });
        QJsonObject ej = edits.toJson(p, 1);
        ej["pushed"] = dev.lastReport().pushed;
        ej["pulled"] = dev.lastReport().pulled;
        pr["edits_10_up_10_down"] = ej;
        row(name, "10 up + 10 down", ej);
        if (ej["pushed"].toInt() != 10 || ej["pulled"].toInt() != 10)
            std::printf("  (pushed %d, pulled %d: expected 10 and 10)\n", ej["pushed"].toInt(), ej["pulled"].toInt());

        // A 1 MB photo, cut three times by command (plus the profile's own cuts).
        if (photo) {
            QFile f(dir.path() + "/" + name + ".jpg");
            f.open(QIODevice::WriteOnly);
            const QByteArray data = randomBytes(1024 * 1024, quint32(qHash(name)));
            f.write(data);
            f.close();
            const cx::AttachmentInfo photoInfo = dev.attach(f.fileName().toStdString(), "image/jpeg");
            // Sent once a record refers to it; the record goes in the same sync (a few hundred bytes).
            dev.put("pupils", dev.list("pupils").at(120).id, "", cx::Json{{"photo", photoInfo.reference()}});
            int cutsDone = 0;
            dev.setProgressCallback([&](const cx::SyncProgress &sp) {
                if (sp.upTotal == uint64_t(data.size()) && cutsDone < 3 &&
                    sp.upNow > uint64_t(data.size()) * (cutsDone + 1) / 4) {
                    ++cutsDone;
                    link.command("cut");
                }
            });
            Measure ph = measure(link, [&] { return dev.sync(); });
            dev.setProgressCallback({});
            QJsonObject pj = ph.toJson(p, 1);
            pj["photo_bytes"] = data.size();
            pj["sent_again"] = ph.wireUp - data.size();
            pj["sent_again_per_cut"] = ph.cuts ? (ph.wireUp - data.size()) / ph.cuts : 0.0;
            pj["attachments_sent"] = dev.lastReport().attachmentsSent;
            pr["photo_1mb_3_cuts"] = pj;
            row(name, "1 MB photo, cuts", pj);
            std::printf("%-16s %-22s cuts %d, sent again %.0f bytes (%.0f per cut)\n", qPrintable(name), "", ph.cuts,
                        pj["sent_again"].toDouble(), pj["sent_again_per_cut"].toDouble());

            // The same photo down to another device of the school, cut three times by
            // command: it resumes from the bytes it has (Range), so little comes again.
            cx::Engine reader((dir.path() + "/" + name + "-reader.db").toStdString(), cx::DataKey::generate());
            reader.setTuning(t);
            reader.enroll(o, "head", "pw-123456", "bench-reader");
            const std::string sha = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex().toStdString();
            int downCuts = 0;
            reader.setProgressCallback([&](const cx::SyncProgress &sp) {
                if (downCuts < 3 && sp.downNow > uint64_t(data.size()) * (downCuts + 1) / 4) {
                    ++downCuts;
                    link.command("cut");
                }
            });
            QJsonObject s0 = link.stats();
            QElapsedTimer timer;
            timer.start();
            const std::string got = reader.fetchAttachment(sha, uint64_t(data.size()));
            Measure dl;
            dl.seconds = timer.elapsed() / 1000.0;
            QJsonObject s1 = link.stats();
            dl.cuts = s1["cuts"].toInt() - s0["cuts"].toInt();
            dl.connections = s1["connections_accepted"].toInt() - s0["connections_accepted"].toInt();
            dl.requests = dl.connections; // one GET per attempt, each attempt on a new connection after a cut
            dl.retries = dl.cuts;
            dl.wireUp = s1["bytes_up"].toDouble() - s0["bytes_up"].toDouble();
            dl.wireDown = s1["bytes_down"].toDouble() - s0["bytes_down"].toDouble();
            dl.payload = data.size();
            QJsonObject dj = dl.toJson(p, 1);
            dj["photo_bytes"] = data.size();
            dj["received_again"] = dl.wireDown - data.size();
            dj["received_again_per_cut"] = dl.cuts ? (dl.wireDown - data.size()) / dl.cuts : 0.0;
            QFile copy(QString::fromStdString(got));
            dj["sha256_ok"] = copy.open(QIODevice::ReadOnly) &&
                              QCryptographicHash::hash(copy.readAll(), QCryptographicHash::Sha256).toHex().toStdString() == sha;
            pr["photo_download_1mb_3_cuts"] = dj;
            row(name, "1 MB photo down, cuts", dj);
            std::printf("%-16s %-22s cuts %d, received again %.0f bytes (%.0f per cut)%s\n", qPrintable(name), "", dl.cuts,
                        dj["received_again"].toDouble(), dj["received_again_per_cut"].toDouble(),
                        dj["sha256_ok"].toBool() ? "" : "  SHA-256 MISMATCH");
        }
        results[name] = pr;
    }
    if (!jsonOut.isEmpty()) {
        QFile out(jsonOut);
        out.open(QIODevice::WriteOnly);
        out.write(QJsonDocument(results).toJson());
    }
    return 0;
}
