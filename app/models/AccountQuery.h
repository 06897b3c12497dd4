#pragma once
// AccountQuery: a read-only RecordQuery kept open on the current account's
// replica and reopened when the account (its file) changes. Null without an
// account, or when the file cannot be opened (the reason goes to the app's
// recent errors).
#include <QString>

#include <memory>

namespace cx { class RecordQuery; }

namespace cx::app {

class AccountQuery
{
public:
    std::shared_ptr<cx::RecordQuery> current();

private:
    std::shared_ptr<cx::RecordQuery> m_query;
    QString m_path;
};

} // namespace cx::app
