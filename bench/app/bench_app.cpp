// bench_app: cold start to first frame (the real `cunxiao --print-start-time`,
// offscreen), opening a 200-field form with 50 expressions in FormController,
// and a roster of 20,000 pupils in RecordListModel: time to the first rows,
// memory after opening and after scrolling to the end, how many rows are in
// memory (about one page, never all), a name search, a grade+class filter,
// and, for comparison, the engine loading every row (what the model did
// before it read pages). Prints a table; with a path, merges {"app": {...}}
// into that JSON file.
#include "core/AppContext.h"
#include "forms/FormController.h"
#include "models/RecordListModel.h"
#include "sync/SyncController.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace cx::app;

namespace {
long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

QString bigForm()
{
    QJsonArray fields;
    for (int i = 0; i < 200; ++i) {
        QJsonObject f{{"name", QString("f%1").arg(i)},
                      {"type", "integer"},
                      {"label", QJsonObject{{"zh", QString("第%1项").arg(i)}, {"en", QString("Item %1").arg(i)}}}};
        if (i % 4 == 1 && i > 1) {
            if (i % 8 == 1)
                f["calculate"] = QString("${f%1} + ${f%2}").arg(i - 1).arg(i - 2);
            else
                f["constraint"] = QString(". >= 0 and . <= ${f%1} + 100").arg(i - 1);
        }
        fields.append(f);
    }
    QJsonArray pages;
    for (int p = 0; p < 10; ++p) {
        QJsonArray chunk;
        for (int i = p * 20; i < p * 20 + 20; ++i)
            chunk.append(fields[i]);
        pages.append(
            QJsonObject{{"id", QString("p%1").arg(p)},
                        {"title", QJsonObject{{"zh", QString("第%1页").arg(p + 1)}, {"en", QString("Page %1").arg(p + 1)}}},
                        {"fields", chunk}});
    }
    QJsonObject def{{"id", "bench200"},
                    {"version", 1},
                    {"roles", QJsonArray{"head"}},
                    {"schools", "*"},
                    {"title", QJsonObject{{"zh", "两百项"}, {"en", "Two hundred"}}},
                    {"pages", pages}};
    return QString::fromUtf8(QJsonDocument(def).toJson(QJsonDocument::Compact));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QJsonObject out;

    // Cold start: the real binary, three runs.
    std::vector<double> starts;
    for (int i = 0; i < 3; ++i) {
        QProcess p;
        p.start(QStringLiteral(CX_APP_EXE), {"--print-start-time", "--data-dir", dir.filePath(QString("start%1").arg(i))});
        p.waitForFinished(60000);
        // "first frame after N ms"
        QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("first frame after (\\d+) ms")).match(QString::fromUtf8(p.readAllStandardOutput()));
        if (m.hasMatch())
            starts.push_back(m.captured(1).toDouble());
    }
    out["cold_start_ms"] = median(starts);

    AppContext ctx(dir.filePath("data"));
    ctx.sync()->setAutomatic(false);
    ctx.setFallbackSchool(QStringLiteral("S001"));
    ctx.openAccount(QStringLiteral("bench"), cx::DataKey::generate());

    // A 200-field form with 50 expressions.
    const QString form = bigForm();
    std::vector<double> opens;
    for (int i = 0; i < 20; ++i) {
        FormController fc;
        QElapsedTimer t;
        t.start();
        fc.openDefinition(form);
        QVariantList first = fc.pageFields(0);
        opens.push_back(t.nsecsElapsed() / 1e6);
        if (first.size() != 20)
            std::fprintf(stderr, "bench_app: the first page has %d fields\n", int(first.size()));
    }
    out["form_200_open_ms"] = median(opens);

    // A roster of 20,000 pupils.
    const int n = 20000;
    QElapsedTimer w;
    w.start();
    for (int i = 0; i < n; ++i)
        ctx.put(QStringLiteral("pupils"), {},
                {{QStringLiteral("name"), QStringLiteral("学生%1").arg(i, 5, 10, QLatin1Char('0'))},
                 {QStringLiteral("grade"), 1 + i % 6},
                 {QStringLiteral("class"), QString::number(1 + i % 3)},
                 {QStringLiteral("guardian"), QStringLiteral("家长%1").arg(i)},
                 {QStringLiteral("village"), QStringLiteral("石板村")},
                 {QStringLiteral("status"), QStringLiteral("in_school")}});
    out["local_writes_per_s"] = n / (w.nsecsElapsed() / 1e9);
    long before = rssKb();
    QElapsedTimer t;
    t.start();
    RecordListModel model;
    model.setCollection(QStringLiteral("pupils"));
    model.waitForLoaded(120000);
    out["roster_20000_open_ms"] = t.nsecsElapsed() / 1e6;
    out["roster_20000_rss_kb"] = double(rssKb() - before);
    out["roster_rows_held"] = model.count();
    out["roster_rows_total"] = model.rowCount();

    // Scroll to the end as a view does: every row's title and fields, in order.
    std::vector<double> pageReads;
    t.restart();
    int reads = model.pagesRead();
    for (int row = 0; row < model.rowCount(); ++row) {
        QElapsedTimer p;
        p.start();
        const QModelIndex i = model.index(row);
        model.data(i, RecordListModel::TitleRole);
        model.data(i, RecordListModel::FieldsRole);
        if (model.pagesRead() != reads) {
            reads = model.pagesRead();
            pageReads.push_back(p.nsecsElapsed() / 1e6);
        }
    }
    out["roster_scroll_to_end_ms"] = t.nsecsElapsed() / 1e6;
    out["roster_page_read_ms"] = median(pageReads);
    out["roster_scrolled_rss_kb"] = double(rssKb() - before);
    out["roster_rows_held_scrolled"] = model.count();

    t.restart();
    model.setSearch(QStringLiteral("学生1999"));
    model.waitForLoaded(120000);
    out["roster_search_ms"] = t.nsecsElapsed() / 1e6;
    out["roster_search_matches"] = model.rowCount();
    model.setSearch({});
    t.restart();
    model.setFilters({{QStringLiteral("grade"), QStringLiteral("3")}, {QStringLiteral("class"), QStringLiteral("2")}});
    model.waitForLoaded(120000);
    out["roster_filter_ms"] = t.nsecsElapsed() / 1e6;
    out["roster_filter_matches"] = model.rowCount();

    // Before: every row through the engine (its mutex; all in memory).
    t.restart();
    const size_t all = ctx.engine()->list("pupils").size();
    out["engine_list_20000_ms"] = t.nsecsElapsed() / 1e6;
    if (all != size_t(n))
        std::fprintf(stderr, "bench_app: the engine lists %zu pupils\n", all);

    std::printf("%-44s %12s\n", "app measure", "value");
    std::printf("%-44s %12.1f\n", "cold start to first frame (ms)", out["cold_start_ms"].toDouble());
    std::printf("%-44s %12.2f\n", "open a 200-field form, 50 expr. (ms)", out["form_200_open_ms"].toDouble());
    std::printf("%-44s %12.0f\n", "local writes per second", out["local_writes_per_s"].toDouble());
    std::printf("%-44s %12.1f\n", "roster of 20,000: open to first rows (ms)", out["roster_20000_open_ms"].toDouble());
    std::printf("%-44s %12.0f\n", "roster: memory added after opening (KB)", out["roster_20000_rss_kb"].toDouble());
    std::printf("%-44s %7d / %d\n", "roster: rows in memory after opening / all", out["roster_rows_held"].toInt(),
                out["roster_rows_total"].toInt());
    std::printf("%-44s %12.1f\n", "roster: scroll to the end (ms)", out["roster_scroll_to_end_ms"].toDouble());
    std::printf("%-44s %12.2f\n", "roster: read one page of 100 (ms, median)", out["roster_page_read_ms"].toDouble());
    std::printf("%-44s %12.0f\n", "roster: memory added after scrolling (KB)", out["roster_scrolled_rss_kb"].toDouble());
    std::printf("%-44s %12d\n", "roster: rows in memory after scrolling", out["roster_rows_held_scrolled"].toInt());
    std::printf("%-44s %12.1f\n", "roster: search a name (ms)", out["roster_search_ms"].toDouble());
    std::printf("%-44s %12.1f\n", "roster: filter grade + class (ms)", out["roster_filter_ms"].toDouble());
    std::printf("%-44s %12.1f\n", "before: Engine::list of 20,000 (ms)", out["engine_list_20000_ms"].toDouble());

    if (argc > 1) {
        QFile f(QString::fromLocal8Bit(argv[1]));
        QJsonObject all;
        if (f.open(QIODevice::ReadOnly))
            all = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        all["app"] = out;
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(QJsonDocument(all).toJson());
    }
    return 0;
}
