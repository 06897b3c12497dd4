#pragma once
// ReviewQueue: the returns schools sent, as the bureau reviews them. Each item
// carries the school, the form, its period, the same school's return of the
// previous period beside it, the checks that flag it (a count that moved by
// more than a threshold; the form's own constraints) and its history (the
// versions it corrects). Accepting locks a return; returning it needs a
// comment, which the school head sees at the next sync. Both are ordinary
// changes sent through the engine, and the server checks the role and the
// workflow (server/sync/FormsValidator.cpp).
#include "bureau/CountyData.h"

namespace cx {
class Engine;
}

namespace cx::bureau {

struct ReviewField {
    std::string name, labelZh, labelEn;
    std::string value, previous; // as text; "" when unanswered
    bool flagged = false;
};

struct ReviewCheck {
    std::string field; // the field's name, "" for the whole return
    std::string code;  // change | required | constraint | type | ... (docs/forms.md)
    std::string message, messageEn;
};

struct ReviewItem {
    Return ret;
    SchoolInfo school;
    std::string formTitle, formTitleEn;
    std::optional<Return> previous;  // the school's return of the previous period
    std::vector<ReviewField> fields; // top-level answers, in form order
    std::vector<ReviewCheck> checks;
    std::vector<std::string> history; // ids of the versions this one corrects, oldest first
    Json toJson() const;
};

struct ReviewFilter {
    std::string form;   // "" = every form with the review workflow
    std::string period; // a period key
    std::string township;
    std::string school;
    std::string status = "submitted"; // submitted | accepted | returned | all
};

struct ReviewOptions {
    double changeRatio = 0.3; // a number that moved by more than 30 % ...
    double changeMin = 5;     // ... and by more than 5 is flagged
};

// Newest first. Superseded versions are left out (they are in a newer one's history).
std::vector<ReviewItem> reviewQueue(RecordQuery &q, const ReviewFilter &f, const ReviewOptions &o = {});
std::optional<ReviewItem> reviewItem(RecordQuery &q, const std::string &submissionId, const ReviewOptions &o = {});

// Throws cx::Error(Invalid) when the return is not waiting for review (only
// "submitted" ones are) or the comment is empty; NotFound for an unknown id.
void acceptReturn(Engine &e, const std::string &submissionId);
void sendBack(Engine &e, const std::string &submissionId, const std::string &comment);

} // namespace cx::bureau
