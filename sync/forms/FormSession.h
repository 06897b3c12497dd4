#pragma once
// FormSession: one form being filled (a draft) or checked (a submission):
// holds the answers, computes calculations and relevance in dependency order,
// validates, and after one change recomputes only what depends on it.
#include "forms/FormDefinition.h"
#include "forms/Issue.h"
#include "forms/Value.h"

#include <optional>
#include <string>
#include <vector>

namespace cx::forms {

struct SessionOptions {
    const RecordSource *records = nullptr; // not owned; may be null
    std::optional<long> today;             // day number (see parseDate); default: local date now
    std::optional<std::string> now;        // now() (see parseDateTime); default: the local clock
};

class FormSession
{
public:
    // Opens existing answers ({"field": value, "repeat": [{row}, ...]}) as they are:
    // no defaults applied. `def` (and options.records) must outlive the session.
    explicit FormSession(const FormDefinition &def, cx::Json answers = cx::Json::object(), SessionOptions options = {});
    // A new, empty draft: defaults applied, each repeat given its min_rows rows.
    static FormSession newDraft(const FormDefinition &def, SessionOptions options = {});

    const FormDefinition &definition() const { return *m_def; }
    // Everything: what the person typed (also in fields now hidden) and calculated values.
    const cx::Json &answers() const { return m_answers; }
    // What to submit: only relevant fields of the form that have an answer.
    cx::Json submission() const;

    // Throws cx::Error(Invalid) for an unknown field, a calculated field, a group
    // or note, or a row that does not exist. Answers of the wrong type are stored
    // (never lost) and reported as issues.
    void setAnswer(const std::string &field, const cx::Json &value, int row = -1);
    int addRow(const std::string &repeat); // returns the new row's index
    void removeRow(const std::string &repeat, int row);
    void setAnswers(cx::Json answers); // replaces all; full re-evaluation

    Value value(const std::string &field, int row = -1) const; // as expressions see it (null if hidden)
    bool isRelevant(const std::string &field, int row = -1) const;
    bool isRequired(const std::string &field, int row = -1) const;
    bool isReadonly(const std::string &field, int row = -1) const;
    int rowCount(const std::string &repeat) const;
    // Choices to show now: inline options passing options_filter, or records passing the filter.
    std::vector<Option> options(const std::string &field, int row = -1) const;

    std::vector<Issue> issues() const; // all, in form order
    std::vector<Issue> issues(const std::string &field, int row = -1) const;
    bool isValid() const;

    // Field instances (field x row) evaluated by the last change: for tests and benchmarks.
    size_t lastEvaluations() const { return m_evaluations; }

private:
    friend class InstanceScope;
    friend class SessionChecker;
    struct Inst {
        bool relevant = true;
        bool required = false;
        bool readonly = false;
        std::vector<Issue> issues;
    };

    int fieldIndex(const std::string &name, const char *what) const;
    int instances(int field) const; // 1, or the rows of its repeat
    void syncRows(int repeat);
    const cx::Json &rawAnswer(int field, int row) const;
    void storeAnswer(int field, int row, cx::Json value);
    Value effective(int field, int row) const;
    bool parentRelevant(int field, int row) const;
    void compute(int field, int row);
    void check(int field, int row);
    void recomputeAll();
    void recompute(int changed);
    void applyDefaults(int repeat, int row);

    const FormDefinition *m_def;
    SessionOptions m_options;
    long m_today;
    cx::Json m_answers;
    std::vector<std::vector<Inst>> m_state; // [field][row]
    size_t m_evaluations = 0;
};

} // namespace cx::forms
