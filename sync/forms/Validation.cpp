// validateSubmission: a FormSession over the submitted answers, plus checks a
// device-side session does not need (unknown fields, tampered calculations).
#include "forms/Validation.h"

#include "forms/AnswerTypes.h"
#include "forms/FormSession.h"

#include <cmath>

namespace cx::forms {

namespace {

Issue issue(const std::string &path, const std::string &name, int row, const char *code, const LocalText &t)
{
    Issue i;
    i.field = path;
    i.name = name;
    i.row = row;
    i.code = code;
    i.message = t.zh();
    i.messageEn = t.en();
    i.text = t;
    return i;
}

bool sameAnswer(const cx::Json &a, const cx::Json &b)
{
    if (isEmptyAnswer(a) && isEmptyAnswer(b))
        return true;
    if (a.is_number() && b.is_number()) {
        double x = a.get<double>(), y = b.get<double>();
        return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::max(std::fabs(x), std::fabs(y)));
    }
    return a == b;
}

void unknownKeys(const FormDefinition &def, const cx::Json &answers, std::vector<Issue> &out)
{
    for (const auto &[key, value] : answers.items()) {
        const Field *f = def.find(key);
        if (!f || f->repeat >= 0 || !f->hasValue()) {
            out.push_back(issue(key, key, -1, "unknown", LocalText::of("表单中没有此项", "the form has no such field")));
            continue;
        }
        if (f->type != FieldType::Repeat || !value.is_array())
            continue;
        for (size_t r = 0; r < value.size(); ++r) {
            if (!value[r].is_object())
                continue;
            for (const auto &[k, v] : value[r].items()) {
                const Field *c = def.find(k);
                if (!c || c->repeat != f->index || !c->hasValue())
                    out.push_back(issue(key + "[" + std::to_string(r) + "]." + k, k, int(r), "unknown",
                                        LocalText::of("表单中没有此项", "the form has no such field")));
            }
        }
    }
}

} // namespace

std::vector<Issue> validateSubmission(const FormDefinition &def, const cx::Json &answers, const RecordSource *records,
                                      std::optional<long> today)
{
    std::vector<Issue> out;
    if (!answers.is_object()) {
        out.push_back(issue("", "", -1, "type", LocalText::of("提交内容格式错误", "the answers must be a JSON object")));
        return out;
    }
    unknownKeys(def, answers, out);

    SessionOptions opt;
    opt.records = records;
    opt.today = today;
    FormSession session(def, answers, opt);
    std::vector<Issue> found = session.issues();
    out.insert(out.end(), found.begin(), found.end());

    // Calculations that depend on today() may differ between device and server.
    std::vector<char> volatileCalc(def.fields().size(), 0);
    for (int i : def.order()) {
        const Field &f = def.field(i);
        bool v = f.calculate.usesToday() || f.relevant.usesToday();
        for (const Expression *e : {&f.calculate, &f.relevant})
            for (int d : e->dependencies())
                v = v || volatileCalc[size_t(d)];
        if (f.parent >= 0)
            v = v || volatileCalc[size_t(f.parent)];
        volatileCalc[size_t(i)] = v;
    }
    for (const Field &f : def.fields()) {
        if (!f.calculate || volatileCalc[size_t(f.index)])
            continue;
        auto compare = [&](const cx::Json &sent, const cx::Json &computed, const std::string &path, int row) {
            if (!sameAnswer(sent, computed))
                out.push_back(
                    issue(path, f.name, row, "calculation",
                          LocalText::of("计算结果应为 " + (computed.is_null() ? std::string("空") : computed.dump()) +
                                            "，提交的是 " + sent.dump(),
                                        "the calculated value should be " + computed.dump() + ", was sent as " + sent.dump())));
        };
        if (f.repeat < 0) {
            if (session.isRelevant(f.name) && answers.contains(f.name))
                compare(answers[f.name], session.answers().value(f.name, cx::Json()), f.name, -1);
            continue;
        }
        const std::string &rn = def.field(f.repeat).name;
        const cx::Json &rows = answers.value(rn, cx::Json());
        if (!rows.is_array())
            continue;
        for (size_t r = 0; r < rows.size(); ++r) {
            if (!rows[r].is_object() || !rows[r].contains(f.name) || !session.isRelevant(f.name, int(r)))
                continue;
            cx::Json computed = session.answers()[rn][r].value(f.name, cx::Json());
            compare(rows[r][f.name], computed, rn + "[" + std::to_string(r) + "]." + f.name, int(r));
        }
    }
    return out;
}

} // namespace cx::forms
