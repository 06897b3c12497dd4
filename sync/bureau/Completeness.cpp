#include "bureau/Completeness.h"

#include "protocol/Errors.h"

#include <algorithm>

namespace cx::bureau {

void Tally::add(const CompletenessCell &c)
{
    ++expected;
    if (c.state == "on_time" || c.state == "late")
        ++submitted;
    onTime += c.state == "on_time";
    late += c.state == "late";
    missing += c.state == "missing";
    due += c.state == "due";
    accepted += c.status == "accepted";
    returned += c.status == "returned";
}

Json Tally::toJson() const
{
    return Json{{"expected", expected}, {"submitted", submitted}, {"on_time", onTime},   {"late", late}, {"missing", missing},
                {"due", due},           {"accepted", accepted},   {"returned", returned}};
}

Json CompletenessReport::toJson() const
{
    Json rows = Json::array();
    for (const auto &c : schools) {
        Json row = c.school.toJson();
        row["state"] = c.state;
        row["submission"] = c.submission;
        row["status"] = c.status;
        row["sent_on"] = c.sentOn;
        row["versions"] = c.versions;
        rows.push_back(row);
    }
    Json towns = Json::object();
    for (const auto &[t, tally] : townships)
        towns[t] = tally.toJson();
    return Json{{"form", form.id},
                {"title", form.titleZh},
                {"period", period.key},
                {"first", formatDay(period.first)},
                {"last", formatDay(period.last)},
                {"due", dueOn},
                {"county", county.toJson()},
                {"townships", towns},
                {"schools", rows}};
}

namespace {

FormInfo periodicForm(RecordQuery &q, const std::string &formId)
{
    auto form = formInfo(q, formId);
    if (!form)
        throw Error(ErrorKind::NotFound, "no form '" + formId + "' in this replica (sync first, or check the id)");
    if (!form->periodic())
        throw Error(ErrorKind::Invalid, "form '" + formId + "' is not filed per period (its meta.period is '" + form->periodKind +
                                            "'), so it has no completeness");
    return *form;
}

struct SchoolChain {
    const Return *first = nullptr;  // the earliest version sent in the period
    const Return *latest = nullptr; // the version nobody corrected
    int versions = 0;
};

// Each school's returns of one period.
std::map<std::string, SchoolChain> chainsOf(const std::vector<Return> &returns, const std::string &period)
{
    std::map<std::string, SchoolChain> out;
    for (const auto &r : returns) { // oldest first
        if (r.period != period)
            continue;
        SchoolChain &c = out[r.record.school];
        ++c.versions;
        if (!c.first)
            c.first = &r;
        if (!r.superseded)
            c.latest = &r;
    }
    return out;
}

CompletenessCell cellOf(const SchoolInfo &s, const SchoolChain *chain, Day due, Day today)
{
    CompletenessCell c;
    c.school = s;
    if (!chain || !chain->first) {
        c.state = today > due ? "missing" : "due";
        return c;
    }
    const Return *latest = chain->latest ? chain->latest : chain->first;
    c.submission = latest->record.id;
    c.status = latest->status;
    c.versions = chain->versions;
    c.sentOn = chain->first->sentOn ? formatDay(*chain->first->sentOn) : std::string();
    c.state = chain->first->sentOn && *chain->first->sentOn > due ? "late" : "on_time";
    return c;
}

std::vector<SchoolInfo> expectedSchools(RecordQuery &q, const FormInfo &form)
{
    std::vector<SchoolInfo> out;
    for (auto &[code, s] : schoolsOf(q))
        if (form.expects(code))
            out.push_back(s);
    std::stable_sort(out.begin(), out.end(), [](const SchoolInfo &a, const SchoolInfo &b) {
        return std::tie(a.township, a.code) < std::tie(b.township, b.code);
    });
    return out;
}

} // namespace

CompletenessReport completeness(RecordQuery &q, const std::string &formId, const std::string &periodKey, Day today)
{
    CompletenessReport rep;
    rep.form = periodicForm(q, formId);
    if (periodKey.empty()) {
        rep.period = periodContaining(rep.form.periodKind, today);
    } else if (auto p = periodNamed(rep.form.periodKind, periodKey)) {
        rep.period = *p;
    } else {
        throw Error(ErrorKind::Invalid, "'" + periodKey + "' is not a " + rep.form.periodKind + " period (write it like " +
                                            periodContaining(rep.form.periodKind, today).key + ")");
    }
    const Day due = dueDate(rep.form.due, rep.period);
    rep.dueOn = formatDay(due);
    const std::vector<Return> returns = returnsOf(q, rep.form);
    const auto chains = chainsOf(returns, rep.period.key);
    for (const auto &s : expectedSchools(q, rep.form)) {
        auto it = chains.find(s.code);
        CompletenessCell c = cellOf(s, it == chains.end() ? nullptr : &it->second, due, today);
        rep.townships[s.township].add(c);
        rep.county.add(c);
        rep.schools.push_back(std::move(c));
    }
    return rep;
}

CompletenessGrid completenessGrid(RecordQuery &q, const std::string &formId, int count, Day today)
{
    CompletenessGrid g;
    g.form = periodicForm(q, formId);
    Period p = periodContaining(g.form.periodKind, today);
    for (int i = 0; i < count; ++i, p = previousPeriod(p))
        g.periods.insert(g.periods.begin(), p);
    g.schools = expectedSchools(q, g.form);
    const std::vector<Return> returns = returnsOf(q, g.form);
    std::vector<std::map<std::string, SchoolChain>> chains;
    for (const auto &period : g.periods)
        chains.push_back(chainsOf(returns, period.key));
    // Periods before the county's first return are not "missing": nobody
    // reported through Cunxiao yet. The grid starts at the first with a return.
    while (g.periods.size() > 1 && chains.front().empty()) {
        g.periods.erase(g.periods.begin());
        chains.erase(chains.begin());
    }
    for (const auto &s : g.schools) {
        std::vector<std::string> row;
        for (size_t i = 0; i < g.periods.size(); ++i) {
            auto it = chains[i].find(s.code);
            row.push_back(
                cellOf(s, it == chains[i].end() ? nullptr : &it->second, dueDate(g.form.due, g.periods[i]), today).state);
        }
        g.states.push_back(std::move(row));
    }
    return g;
}

} // namespace cx::bureau
