#pragma once
// SubmissionModel: the person's drafts and submissions, each with the one
// state a person cares about: draft, waiting to send, sent, confirmed by the
// bureau, rejected (with reasons), returned (with a comment), accepted.
#include "models/RecordListModel.h"

namespace cx::app {

class SubmissionModel : public cx::app::RecordListModel // qualified: qmltyperegistrar needs the full name to record the base
{
    Q_OBJECT
    QML_ELEMENT
public:
    explicit SubmissionModel(QObject *parent = nullptr);
    // draft | waiting | sent | confirmed | rejected | returned | accepted
    static QString displayState(const QString &status, const QString &syncState);

protected:
    void decorate(RecordRow &row) const override;
};

} // namespace cx::app
