// migrateAnswers: by-name carry-over of answers between form versions.
#include "forms/Migration.h"

#include "forms/AnswerTypes.h"

namespace cx::forms {

namespace {

bool fits(const Field &f, const cx::Json &v) { return !answerTypeProblem(f, v); }

} // namespace

MigrationResult migrateAnswers(const cx::Json &oldAnswers, const FormDefinition &def, const cx::Json &previousOrphans)
{
    MigrationResult out;
    if (!oldAnswers.is_object()) {
        if (!isEmptyAnswer(oldAnswers))
            out.orphans[""] = oldAnswers;
        return out;
    }
    for (const auto &[key, value] : oldAnswers.items()) {
        if (isEmptyAnswer(value))
            continue;
        const Field *f = def.find(key);
        if (!f || f->repeat >= 0 || !f->hasValue()) {
            out.orphans[key] = value;
            continue;
        }
        if (f->type != FieldType::Repeat) {
            if (fits(*f, value))
                out.answers[key] = value;
            else
                out.orphans[key] = value;
            continue;
        }
        if (!value.is_array()) {
            out.orphans[key] = value;
            continue;
        }
        cx::Json rows = cx::Json::array();
        for (size_t r = 0; r < value.size(); ++r) {
            std::string prefix = key + "[" + std::to_string(r) + "].";
            cx::Json row = cx::Json::object();
            if (!value[r].is_object()) {
                out.orphans[key + "[" + std::to_string(r) + "]"] = value[r];
                rows.push_back(row);
                continue;
            }
            for (const auto &[k, v] : value[r].items()) {
                if (isEmptyAnswer(v))
                    continue;
                const Field *c = def.find(k);
                if (c && c->repeat == f->index && c->hasValue() && fits(*c, v))
                    row[k] = v;
                else
                    out.orphans[prefix + k] = v;
            }
            rows.push_back(std::move(row));
        }
        out.answers[key] = std::move(rows);
    }
    if (previousOrphans.is_object()) {
        for (const auto &[path, value] : previousOrphans.items()) {
            const Field *f = def.find(path);
            if (f && f->repeat < 0 && f->hasValue() && f->type != FieldType::Repeat && !out.answers.contains(path) &&
                fits(*f, value))
                out.answers[path] = value;
            else if (!out.orphans.contains(path))
                out.orphans[path] = value;
            else
                out.orphans[path + "#earlier"] = value; // both versions had a value: keep both
        }
    }
    return out;
}

} // namespace cx::forms
