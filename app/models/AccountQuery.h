#pragma once
// AccountQuery: a read-only RecordQuery kept open on the current account's
// replica and reopened when the account (its file) changes. Null without an
// account, or when the file cannot be opened (the reason goes to the app's
// recent errors).
#include "engine/RecordQuery.h"

#include <QString>

#include <memory>

namespace cx::app {

class AccountQuery
{
public:
    // textKey: the sort key for text (RecordQuery), e.g. pinyin order for lists.
    explicit AccountQuery(cx::RecordQuery::TextKey textKey = {}) : m_textKey(std::move(textKey)) {}
    std::shared_ptr<cx::RecordQuery> current();

private:
    cx::RecordQuery::TextKey m_textKey;
    std::shared_ptr<cx::RecordQuery> m_query;
    QString m_path;
};

} // namespace cx::app
