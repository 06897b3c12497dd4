#include "models/RecordHistoryModel.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/Engine.h"
#include "protocol/Errors.h"
#include "sync/SyncController.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace cx::app {

RecordHistoryModel::RecordHistoryModel(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &RecordHistoryModel::onFinished);
}

RecordHistoryModel::~RecordHistoryModel() { m_watcher.waitForFinished(); }

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
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    if (!engine || m_busy) {
        //: Record history: no account open, or a request still running.
        m_error = m_busy ? tr("Wait for the previous request to finish.") : tr("No account is open.");
        emit changed();
        return;
    }
    m_busy = true;
    m_error.clear();
    m_entries.clear();
    emit changed();
    const cx::Json req{{"op", "history"}, {"collection", str(collection)}, {"id", str(id)}};
    m_watcher.setFuture(QtConcurrent::run([engine, req]() -> Outcome {
        Outcome o;
        try {
            const cx::Json reply = engine->adminRequest(req);
            o.entries = fromReply(reply.value("entries", cx::Json::array()));
        } catch (const cx::Error &e) {
            switch (e.kind()) {
            case cx::ErrorKind::Network:
            case cx::ErrorKind::Tls:
            case cx::ErrorKind::Unavailable:
                //: Record history is kept on the bureau's server. %1: what went wrong, in plain words.
                o.error = tr("A record's history is kept on the bureau's server, which cannot be reached now (%1). "
                             "Try again when the connection is back.")
                              .arg(SyncController::plainError(e.kind()));
                break;
            case cx::ErrorKind::Forbidden:
                //: Record history refused: this account is not a bureau administrator.
                o.error = tr("Only a bureau administrator can read a record's history.");
                break;
            default:
                o.error = QString::fromStdString(e.what());
            }
        } catch (const std::exception &e) {
            o.error = QString::fromStdString(e.what());
        }
        return o;
    }));
}

void RecordHistoryModel::onFinished()
{
    Outcome o = m_watcher.result();
    m_busy = false;
    m_entries = std::move(o.entries);
    m_error = o.error;
    emit changed();
}

bool RecordHistoryModel::waitForLoaded(int msecs)
{
    QElapsedTimer t;
    t.start();
    while ((m_busy || m_watcher.isRunning()) && t.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_busy;
}

} // namespace cx::app
