#include "demo/DemoReturns.h"

#include "forms/Forms.h"
#include "protocol/Errors.h"

#include <cstdio>
#include <random>

namespace cx::demo {

namespace {

using forms::Day;

const char *const kReasons[] = {"poverty", "study", "migration", "work", "illness", "marriage", "other"};

// A UUIDv7-shaped id: the send time, then bits from the seed.
std::string returnId(int64_t ms, std::mt19937_64 &rng)
{
    const uint64_t hi = (uint64_t(ms) << 16) | 0x7000 | (rng() & 0xfff);
    const uint64_t lo = (uint64_t(0x8) << 60) | (rng() >> 4);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx", (unsigned long long)(hi >> 32),
                  (unsigned long long)((hi >> 16) & 0xffff), (unsigned long long)(hi & 0xffff), (unsigned long long)(lo >> 48),
                  (unsigned long long)(lo & 0xffffffffffffull));
    return buf;
}

int64_t msOf(Day d, int hour) { return int64_t(d.time_since_epoch().count()) * 86400000 + int64_t(hour - 8) * 3600000; }

std::string isoAt(Day d, int hour)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00", forms::formatDay(d).c_str(), hour, (hour * 7) % 60);
    return buf;
}

class Returns
{
public:
    Returns(const forms::FormDefinition &def, uint64_t seed) : m_def(def), m_rng(seed ^ 0x5e7u) {}

    int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }

    // The answers of one school's return for the school year starting in `year`;
    // `scale` moves the primary counts (a flagged change). The school's sizes
    // come from its code, so they stay close from one year to the next (only a
    // real change is flagged by the review's checks).
    Json answers(const DemoReturnSchool &s, int year, Day sent, double scale)
    {
        forms::SessionOptions o;
        o.today = forms::parseDate(forms::formatDay(sent));
        forms::FormSession session(m_def, Json::object(), o);
        uint64_t h = 1469598103934665603ull; // FNV-1a of the code
        for (unsigned char c : s.code)
            h = (h ^ c) * 1099511628211ull;
        std::mt19937_64 stable(h);
        auto base = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(stable); };
        const int junior = s.kind == "初级中学";
        const int pupils = std::max(8, int(s.pupils * scale) + range(-3, 3));
        session.setAnswer("school_year", std::to_string(year) + "-" + std::to_string(year + 1));
        const int pop36 = base(30, 80) + range(-2, 2);
        session.setAnswer("pop_3_6", pop36);
        session.setAnswer("enrolled_3_6", pop36 - range(0, 1));
        const int pop712 = junior ? base(20, 60) + range(-2, 2) : pupils + range(0, 4);
        // A junior middle school has a few 12-year-olds in grade 7, and no primary classes.
        const int at712 = std::min(pop712, junior ? range(0, 3) : pupils - range(0, 2));
        session.setAnswer("pop_7_12", pop712);
        session.setAnswer("enrolled_7_12", at712);
        session.setAnswer("primary_pupils", junior ? at712 : pupils);
        const int pop1315 = junior ? pupils + range(0, 6) : base(15, 50) + range(-2, 2);
        session.setAnswer("pop_13_15", pop1315);
        session.setAnswer("enrolled_13_15", junior ? pupils - range(0, 3) : pop1315 - range(0, 3));
        const int dropouts = s.pupilIds.empty() ? 0 : (range(1, 100) <= 25 ? range(1, 2) : 0);
        const int back = dropouts ? range(0, dropouts) : 0;
        session.setAnswer("pupils_at_start", pupils + dropouts);
        session.setAnswer("dropouts", dropouts);
        if (dropouts) {
            session.setAnswer("returned", back);
            for (int i = 0; i < dropouts; ++i) {
                const int row = session.addRow("cases");
                session.setAnswer("case_pupil", s.pupilIds[size_t(range(0, int(s.pupilIds.size()) - 1))], row);
                session.setAnswer("case_reason", kReasons[range(0, 6)], row);
                session.setAnswer("case_returned", i < back ? "yes" : "no", row);
            }
        }
        const int cohort = std::max(3, pupils / std::max(1, s.grades) + range(0, 3));
        session.setAnswer("cohort_entry", cohort);
        session.setAnswer("graduates", cohort - range(0, 2));
        session.setAnswer("report_date", forms::formatDay(sent));
        session.setAnswer("head_signature", "demo-signature");
        for (const auto &issue : session.issues())
            if (issue.name == "explanation")
                session.setAnswer("explanation", "部分学生随父母外出务工，已联系流入地学校并登记，继续劝返。");
        if (!session.isValid()) {
            std::string why;
            for (const auto &i : session.issues())
                why += " " + i.field + ": " + i.messageEn + ";";
            throw Error(ErrorKind::Invalid, "demo return of " + s.code + " does not pass its form:" + why);
        }
        return session.submission();
    }

    std::string put(const DemoReturnSchool &s, const Json &answers, Day sent, int hour, const std::string &status,
                    Json extra = Json::object())
    {
        const std::string id = returnId(msOf(sent, hour), m_rng);
        Json f = {{"form", m_def.id()},
                  {"form_version", m_def.version()},
                  {"answers", answers},
                  {"status", status},
                  {"updated_at", isoAt(sent, hour)}};
        for (auto &[k, v] : extra.items())
            f[k] = v;
        m_out.push_back({"submissions", id, s.code, std::move(f)});
        return id;
    }

    std::vector<DemoRecord> take() { return std::move(m_out); }

private:
    const forms::FormDefinition &m_def;
    std::mt19937_64 m_rng;
    std::vector<DemoRecord> m_out;
};

} // namespace

std::vector<DemoRecord> demoReturns(const Json &definition, const std::vector<DemoReturnSchool> &schools, uint64_t seed,
                                    forms::Day today)
{
    const forms::FormDefinition def = forms::FormDefinition::parse(definition);
    const std::string periodKind = definition.value("meta", Json::object()).value("period", std::string());
    const std::string due = definition.value("meta", Json::object()).value("due", std::string());
    const forms::Period current = forms::periodContaining(periodKind, today);
    if (!current.valid())
        return {};
    const forms::Period previous = forms::previousPeriod(current);
    Returns gen(def, seed);
    using std::chrono::days;

    for (size_t i = 0; i < schools.size(); ++i) {
        const DemoReturnSchool &s = schools[i];
        // Last year: everyone sent; one in seven late; all accepted but one,
        // returned and then corrected.
        const Day prevDue = forms::dueDate(due, previous);
        const bool prevLate = i % 7 == 3;
        const Day prevSent = prevLate ? prevDue + days(gen.range(3, 30)) : prevDue - days(gen.range(0, 20));
        const int startYear = int(std::chrono::year_month_day(previous.first).year());
        const Json prev = gen.answers(s, startYear, prevSent, 1.0);
        if (i == 1) {
            const std::string first = gen.put(
                s, prev, prevSent, 10, "returned",
                {{"comment", "在校生数与学籍系统不一致，请核对后重报。"}, {"reviewed_at", forms::formatDay(prevSent + days(5))}});
            gen.put(s, gen.answers(s, startYear, prevSent + days(9), 1.0), prevSent + days(9), 16, "accepted",
                    {{"corrects", first},
                     {"reason", "按教育局意见核对学籍后重报"},
                     {"reviewed_at", forms::formatDay(prevSent + days(12))}});
        } else {
            gen.put(s, prev, prevSent, 9 + int(i % 8), "accepted",
                    {{"reviewed_at", forms::formatDay(prevSent + days(gen.range(2, 15)))}});
        }

        // This year: three in twenty missing, three late, the rest on time.
        const Day curDue = forms::dueDate(due, current);
        const int slot = int(i % 20);
        if (slot == 5 || slot == 12 || slot == 18)
            continue; // missing
        const bool late = slot == 2 || slot == 9 || slot == 15;
        Day sent = late ? curDue + days(gen.range(2, 25)) : curDue - days(gen.range(0, 20));
        if (sent > today)
            continue; // not sent yet
        const int curYear = int(std::chrono::year_month_day(current.first).year());
        const double scale = slot == 7 ? 0.55 : 1.0; // a count that fell by almost half: flagged
        const Json cur = gen.answers(s, curYear, sent, scale);
        if (slot == 3) { // returned; its correction waits for review
            const Day back = std::min(today, sent + days(4));
            const std::string first = gen.put(
                s, cur, sent, 11, "returned",
                {{"comment", "辍学人数与控辍保学台账不符，请补充辍学学生名单后重报。"}, {"reviewed_at", forms::formatDay(back)}});
            const Day again = std::min(today, back + days(3));
            gen.put(s, gen.answers(s, curYear, again, 1.0), again, 15, "submitted",
                    {{"corrects", first}, {"reason", "已按意见补充辍学学生名单"}});
        } else if (slot == 10) { // returned, not corrected yet
            gen.put(s, cur, sent, 14, "returned",
                    {{"comment", "请补充校长签字页并核对3-6岁人口数。"},
                     {"reviewed_at", forms::formatDay(std::min(today, sent + days(6)))}});
        } else if (slot % 2 == 0 && slot != 4 && slot != 6) {
            gen.put(s, cur, sent, 10, "accepted", {{"reviewed_at", forms::formatDay(std::min(today, sent + days(7)))}});
        } else {
            gen.put(s, cur, sent, 9 + int(i % 9), "submitted");
        }
    }
    return gen.take();
}

} // namespace cx::demo
