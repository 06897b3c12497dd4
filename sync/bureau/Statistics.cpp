#include "bureau/Statistics.h"

#include "forms/Forms.h"
#include "protocol/Errors.h"

#include <algorithm>
#include <cmath>

namespace cx::bureau {

Json StatisticsReport::toJson() const
{
    Json f = Json::array(), c = Json::array(), trend = Json::array();
    for (const auto &x : fields) {
        Json towns = Json::object();
        for (const auto &[t, v] : x.townships)
            towns[t] = v;
        f.push_back(Json{{"name", x.name},
                         {"label", x.labelZh},
                         {"label_en", x.labelEn},
                         {"how", x.how},
                         {"county", x.county},
                         {"townships", towns},
                         {"trend", x.trend}});
    }
    for (const auto &x : choices) {
        Json opts = Json::array();
        for (const auto &o : x.options)
            opts.push_back(Json{{"value", o.value}, {"label", o.labelZh}, {"label_en", o.labelEn}, {"count", o.count}});
        c.push_back(Json{{"field", x.field}, {"label", x.labelZh}, {"label_en", x.labelEn}, {"options", opts}});
    }
    return Json{{"form", form.id},        {"title", form.titleZh},         {"period", period.key}, {"returns", returns},
                {"townships", townships}, {"trend_periods", trendPeriods}, {"fields", f},          {"choices", c}};
}

namespace {

// The returns that count in a period: each school's latest version, not sent back.
std::vector<const Return *> counted(const std::vector<Return> &returns, const std::string &period)
{
    std::map<std::string, const Return *> latest;
    for (const auto &r : returns) // oldest first
        if (r.period == period && !r.superseded)
            latest[r.record.school] = &r;
    std::vector<const Return *> out;
    for (const auto &[school, r] : latest)
        if (r->status != "returned")
            out.push_back(r);
    return out;
}

struct Sums {
    std::map<std::string, double> sum; // integer and decimal answers
    std::map<std::string, int> n;      // how many answered
};

void add(Sums &s, const forms::FormDefinition &def, const Json &answers)
{
    for (const auto &f : def.fields()) {
        if ((f.type != forms::FieldType::Integer && f.type != forms::FieldType::Decimal) || f.repeat != -1)
            continue;
        auto it = answers.find(f.name);
        if (it == answers.end() || !it->is_number())
            continue;
        s.sum[f.name] += it->get<double>();
        ++s.n[f.name];
    }
}

// The value of each number field for a group of returns.
std::map<std::string, double> values(const forms::FormDefinition &def, const Sums &s)
{
    std::map<std::string, double> out;
    Json totals = Json::object();
    for (const auto &f : def.fields())
        if (f.type == forms::FieldType::Integer && !!f.calculate.empty() && s.sum.count(f.name))
            totals[f.name] = std::llround(s.sum.at(f.name));
    forms::FormSession session(def, totals); // recomputes the rates over the sums
    for (const auto &f : def.fields()) {
        if ((f.type != forms::FieldType::Integer && f.type != forms::FieldType::Decimal) || f.repeat != -1)
            continue;
        if (f.type == forms::FieldType::Integer) {
            out[f.name] = s.sum.count(f.name) ? s.sum.at(f.name) : 0;
        } else if (!f.calculate.empty()) {
            const forms::Value v = session.value(f.name);
            out[f.name] = v.isNull() ? std::nan("") : v.number();
        } else {
            out[f.name] = s.n.count(f.name) ? s.sum.at(f.name) / s.n.at(f.name) : std::nan("");
        }
    }
    return out;
}

} // namespace

StatisticsReport statistics(RecordQuery &q, const std::string &formId, const std::string &periodKey, Day today, int trendPeriods)
{
    StatisticsReport rep;
    auto form = formInfo(q, formId);
    if (!form)
        throw Error(ErrorKind::NotFound, "no form '" + formId + "' in this replica (sync first, or check the id)");
    if (!form->periodic())
        throw Error(ErrorKind::Invalid, "form '" + formId + "' is not filed per period, so it has no statistics per period");
    rep.form = *form;
    if (periodKey.empty())
        rep.period = periodContaining(form->periodKind, today);
    else if (auto p = periodNamed(form->periodKind, periodKey))
        rep.period = *p;
    else
        throw Error(ErrorKind::Invalid, "'" + periodKey + "' is not a " + form->periodKind + " period (write it like " +
                                            periodContaining(form->periodKind, today).key + ")");
    const forms::FormDefinition def = forms::FormDefinition::parse(form->definition);
    const std::vector<Return> returns = returnsOf(q, *form);
    const auto schools = schoolsOf(q);
    auto townshipOf = [&](const std::string &code) {
        auto it = schools.find(code);
        return it == schools.end() ? std::string() : it->second.township;
    };

    // This period: the county, each township, the choices.
    const auto now = counted(returns, rep.period.key);
    rep.returns = int(now.size());
    Sums county;
    std::map<std::string, Sums> towns;
    std::map<std::string, std::map<std::string, int>> choiceCounts; // field -> value -> count
    for (const Return *r : now) {
        const Json answers = r->record.fields.value("answers", Json::object());
        add(county, def, answers);
        add(towns[townshipOf(r->record.school)], def, answers);
        for (const auto &f : def.fields()) {
            if (f.type != forms::FieldType::SelectOne)
                continue;
            auto count = [&](const Json &v) {
                if (v.is_string())
                    ++choiceCounts[f.name][v.get<std::string>()];
            };
            if (f.repeat == -1) {
                count(answers.value(f.name, Json()));
            } else {
                const Json rows = answers.value(def.field(f.repeat).name, Json::array());
                if (rows.is_array())
                    for (const auto &row : rows)
                        if (row.is_object())
                            count(row.value(f.name, Json()));
            }
        }
    }
    const auto countyValues = values(def, county);
    std::map<std::string, std::map<std::string, double>> townValues;
    for (const auto &[t, s] : towns) {
        rep.townships.push_back(t);
        townValues[t] = values(def, s);
    }

    // The trend: the county value in each of the last periods.
    Period p = rep.period;
    std::vector<Period> trend;
    for (int i = 0; i < std::max(1, trendPeriods); ++i, p = previousPeriod(p))
        trend.insert(trend.begin(), p);
    while (trend.size() > 1 && counted(returns, trend.front().key).empty())
        trend.erase(trend.begin()); // before anyone reported
    std::vector<std::map<std::string, double>> trendValues;
    for (const auto &period : trend) {
        rep.trendPeriods.push_back(period.key);
        Sums s;
        for (const Return *r : counted(returns, period.key))
            add(s, def, r->record.fields.value("answers", Json::object()));
        trendValues.push_back(values(def, s));
    }

    for (const auto &f : def.fields()) {
        if ((f.type != forms::FieldType::Integer && f.type != forms::FieldType::Decimal) || f.repeat != -1)
            continue;
        FieldTotal t{f.name, f.label.zh(), f.label.en(),
                     f.type == forms::FieldType::Integer ? "sum"
                     : !f.calculate.empty()              ? "rate"
                                                         : "mean"};
        t.county = countyValues.at(f.name);
        for (const auto &[town, v] : townValues)
            t.townships[town] = v.at(f.name);
        for (const auto &v : trendValues)
            t.trend.push_back(v.at(f.name));
        rep.fields.push_back(std::move(t));
    }
    for (const auto &f : def.fields()) {
        if (f.type != forms::FieldType::SelectOne || f.from)
            continue; // choices of records (a pupil) are not categories
        ChoiceCount c{f.name, f.label.zh(), f.label.en(), {}};
        for (const auto &o : f.options)
            c.options.push_back({o.value, o.label.zh(), o.label.en(), choiceCounts[f.name][o.value]});
        rep.choices.push_back(std::move(c));
    }
    return rep;
}

} // namespace cx::bureau
