#include "models/RecordHistoryModel.h"

#include "core/JsonVariant.h"
#include "engine/Engine.h"

#include <QDateTime>

namespace cx::app {

RecordHistoryModel::RecordHistoryModel(QObject *parent)
    : QObject(parent), m_action(this, [this](Outcome o) { onFinished(std::move(o)); })
{}

RecordHistoryModel::~RecordHistoryModel() = default;

QVariantList RecordHistoryModel::fromReply(const cx::Json &entries)
{
    QVariantList out;
    if (!entries.is_array())
        return out;
    for (const auto &e : entries) {
        const std::string op = e.value("op", "");
        QVariantList changes;
        if (auto m = e.find("mutation"); m != e.end() && m->is_object())
            if (auto f = m->find("f"); f != m->end() && f->is_object())
                for (auto it = f->begin(); it != f->end(); ++it)
                    changes.push_back(QVariantMap{{QStringLiteral("field"), qstr(it.key())},
                                                  {QStringLiteral("value"), it->is_string() ? qstr(it->get<std::string>())
                                                                            : it->is_null() ? QString()
                                                                                            : qstr(it->dump())}});
        out.push_back(
            QVariantMap{{QStringLiteral("when"),
                         QDateTime::fromMSecsSinceEpoch(e.value("at", int64_t(0))).toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                        {QStringLiteral("who"), qstr(e.value("user", ""))},
                        {QStringLiteral("device"), qstr(e.value("device", "")).left(8)},
                        {QStringLiteral("action"), op == "delete"    ? QStringLiteral("deleted")
                                                   : op == "resolve" ? QStringLiteral("settled")
                                                                     : QStringLiteral("changed")},
                        {QStringLiteral("changes"), changes}});
    }
    return out;
}

void RecordHistoryModel::load(const QString &collection, const QString &id)
{
    const cx::Json req{{"op", "history"}, {"collection", str(collection)}, {"id", str(id)}};
    const auto refused = m_action.start([req](cx::Engine &engine) -> Outcome {
        Outcome o;
        try {
            o.entries = fromReply(engine.adminRequest(req).value("entries", cx::Json::array()));
        } catch (...) {
            const ActionFailure f = failure(std::current_exception());
            switch (f.kind) {
            case ActionFailure::Offline:
                //: Record history is kept on the bureau's server. %1: what went wrong, in plain words.
                o.error = tr("A record's history is kept on the bureau's server, which cannot be reached now (%1). "
                             "Try again when the connection is back.")
                              .arg(f.plain);
                break;
            case ActionFailure::Forbidden:
                //: Record history refused: this account is not a bureau administrator.
                o.error = tr("Only a bureau administrator can read a record's history.");
                break;
            case ActionFailure::Other:
                o.error = f.detail;
            }
        }
        return o;
    });
    m_error = refused.value_or(QString());
    if (!refused)
        m_entries.clear();
    emit changed();
}

void RecordHistoryModel::onFinished(Outcome o)
{
    m_entries = std::move(o.entries);
    m_error = o.error;
    emit changed();
}

bool RecordHistoryModel::waitForLoaded(int msecs) { return m_action.waitForDone(msecs); }

} // namespace cx::app
