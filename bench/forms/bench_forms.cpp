// bench_forms: how long a device takes to open a large form (parse + first
// evaluation) and to re-evaluate after one answer changes. A generated form of
// 200 fields with 50 expressions (20 calculations, 15 relevance, 15 constraints).
// Usage: bench_forms [results.json]  (adds a "forms" entry to that JSON file)
#include "forms/Forms.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace cx::forms;
using Clock = std::chrono::steady_clock;

namespace {

std::string name(int i)
{
    char b[16];
    std::snprintf(b, sizeof b, "f%03d", i);
    return b;
}

// Fields f001..f200. f001..f180 are answered inputs; f181..f200 are calculations.
cx::Json makeForm()
{
    cx::Json fields = cx::Json::array();
    int relevant = 0, constraints = 0;
    for (int i = 1; i <= 200; ++i) {
        cx::Json f = {{"name", name(i)}, {"label", {{"zh", "字段" + std::to_string(i)}, {"en", "Field " + std::to_string(i)}}}};
        if (i <= 180) {
            f["type"] = i % 10 == 0 ? "text" : "integer";
            if (i % 10 != 0 && constraints < 15 && i % 12 == 1) {
                f["constraint"] = ". >= 0 and . <= ${" + name(i + 1) + "} * 10";
                f["constraint_message"] = {{"zh", "超出范围"}, {"en", "Out of range"}};
                ++constraints;
            }
            if (relevant < 15 && i % 12 == 5) {
                f["relevant"] = "${" + name(1) + "} > 0 and ${" + name(i - 1) + "} != 3";
                ++relevant;
            }
        } else {
            int k = i - 180; // 1..20
            f["type"] = "decimal";
            if (k == 1)
                f["calculate"] = "${f001} + ${f002} * ${f003}";
            else if (k % 4 == 0)
                f["calculate"] = "round(sum(${" + name(k) + "}, ${" + name(k + 20) + "}, ${" + name(i - 1) + "}) div 3, 2)";
            else if (k % 4 == 1)
                f["calculate"] = "if(${" + name(i - 1) + "} > 100, ${" + name(i - 1) + "} - 100, ${" + name(k * 7) + "})";
            else
                f["calculate"] = "${" + name(i - 1) + "} + ${" + name(k * 3) + "} * 2";
        }
        fields.push_back(f);
    }
    return {{"id", "bench"},
            {"version", 1},
            {"title", {{"zh", "基准"}, {"en", "Benchmark"}}},
            {"roles", {"head"}},
            {"fields", fields}};
}

cx::Json makeAnswers()
{
    cx::Json a = cx::Json::object();
    for (int i = 1; i <= 180; ++i)
        a[name(i)] = i % 10 == 0 ? cx::Json("文字" + std::to_string(i)) : cx::Json(i % 17 + 1);
    return a;
}

struct Stats {
    double median = 0, p90 = 0, min = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[v.size() * 9 / 10], v.front()};
}

double micros(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::micro>(b - a).count(); }

} // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): a benchmark that throws ends with terminate's message.
int main(int argc, char **argv)
{
    const std::string text = makeForm().dump();
    const cx::Json answers = makeAnswers();
    {
        FormDefinition d = FormDefinition::parseText(text);
        int expressions = 0;
        for (const Field &f : d.fields())
            expressions += bool(f.calculate) + bool(f.relevant) + bool(f.constraint);
        std::printf("form: %zu fields, %d expressions\n", d.fields().size(), expressions);
    }

    const int openRuns = 300, changeRuns = 3000;
    std::vector<double> parse, first, open;
    for (int r = 0; r < openRuns; ++r) {
        auto t0 = Clock::now();
        FormDefinition d = FormDefinition::parseText(text);
        auto t1 = Clock::now();
        FormSession s(d, answers);
        auto t2 = Clock::now();
        parse.push_back(micros(t0, t1));
        first.push_back(micros(t1, t2));
        open.push_back(micros(t0, t2));
        if (s.issues().size() > 1000)
            return 1;
    }

    FormDefinition d = FormDefinition::parseText(text);
    FormSession s(d, answers);
    std::vector<double> hub, leaf, full;
    size_t hubEvaluations = 0;
    for (int r = 0; r < changeRuns; ++r) {
        auto t0 = Clock::now();
        s.setAnswer("f002", 3 + r % 5); // read by the calculation chain
        auto t1 = Clock::now();
        hubEvaluations = s.lastEvaluations();
        s.setAnswer("f150", 2 + r % 5); // read by nothing
        auto t2 = Clock::now();
        hub.push_back(micros(t0, t1));
        leaf.push_back(micros(t1, t2));
    }
    for (int r = 0; r < openRuns; ++r) {
        cx::Json a = s.answers();
        a["f002"] = 4 + r % 5;
        auto t0 = Clock::now();
        s.setAnswers(std::move(a)); // everything, for comparison
        full.push_back(micros(t0, Clock::now()));
    }

    Stats p = stats(parse), f = stats(first), o = stats(open), h = stats(hub), l = stats(leaf), u = stats(full);
    std::printf("\n%-48s %10s %10s %10s\n", "measure (microseconds)", "median", "p90", "min");
    auto line = [](const char *what, const Stats &st) {
        std::printf("%-48s %10.1f %10.1f %10.1f\n", what, st.median, st.p90, st.min);
    };
    line("open: parse definition text", p);
    line("open: first evaluation (answers, all checks)", f);
    line("open: total (parse + first evaluation)", o);
    line("change one answer feeding the calculation chain", h);
    line("change one answer nothing reads", l);
    line("full re-evaluation (for comparison)", u);
    std::printf("fields recomputed after a change to the chain's input: %zu of 200\n", hubEvaluations);

    if (argc > 1) {
        cx::Json all = cx::Json::object();
        {
            std::ifstream in(argv[1]);
            if (in) {
                std::stringstream ss;
                ss << in.rdbuf();
                all = cx::Json::parse(ss.str(), nullptr, false);
                if (!all.is_object())
                    all = cx::Json::object();
            }
        }
        auto js = [](const Stats &st) { return cx::Json{{"median_us", st.median}, {"p90_us", st.p90}, {"min_us", st.min}}; };
        all["forms"] = {{"fields", 200},
                        {"expressions", 50},
                        {"open_runs", openRuns},
                        {"change_runs", changeRuns},
                        {"parse", js(p)},
                        {"first_evaluation", js(f)},
                        {"open", js(o)},
                        {"reevaluate_one_change", js(h)},
                        {"reevaluate_leaf_change", js(l)},
                        {"full_reevaluation", js(u)},
                        {"recomputed_after_change", hubEvaluations}};
        std::ofstream out(argv[1]);
        out << all.dump(2) << "\n";
        if (!out) {
            std::fprintf(stderr, "cannot write %s\n", argv[1]);
            return 1;
        }
        std::printf("results written to %s\n", argv[1]);
    }
    return 0;
}
