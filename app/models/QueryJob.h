#pragma once
// QueryJob: how a page's model reads the account's replica without blocking
// the GUI thread (the bureau's reports, the review queue, Home's to-dos).
// One read runs at a time, over the account's own read-only connection
// (AccountQuery). Asked again while one runs, it does not queue a second
// read: when the running one ends its result is dropped and the model's
// refresh runs once more with the inputs as they are then, so the page shows
// the newest answer and a burst of changes costs two reads, not one each.
// `loading` holds from the first ask to the result that is shown.
// The owner reruns when AppContext reports a change in one of `collections`
// (every change when the list is empty), and once after construction.
#include "core/AppContext.h"
#include "models/AccountQuery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>

namespace cx::app {

template <class T> class QueryJob
{
public:
    using Work = std::function<T(cx::RecordQuery &)>;

    // refresh: the owner's refresh, which builds the work from its inputs and
    // calls run(); done: takes each shown result on the GUI thread;
    // loadingChanged: the owner's signal.
    QueryJob(QObject *owner, const QStringList &collections, std::function<void()> refresh, std::function<void(T)> done,
             std::function<void()> loadingChanged, cx::RecordQuery::TextKey textKey = {})
        : m_refresh(std::move(refresh)), m_done(std::move(done)), m_loadingChanged(std::move(loadingChanged)),
          m_query(std::move(textKey))
    {
        QObject::connect(&m_watcher, &QFutureWatcherBase::finished, owner, [this] { finished(); });
        if (auto *ctx = AppContext::ensure())
            QObject::connect(ctx, &AppContext::dataChanged, owner, [this, collections](const QString &collection) {
                if (collections.isEmpty() || collection.isEmpty() || collections.contains(collection))
                    m_refresh();
            });
        QMetaObject::invokeMethod(
            owner, [this] { m_refresh(); }, Qt::QueuedConnection);
    }
    ~QueryJob() { m_watcher.waitForFinished(); }
    QueryJob(const QueryJob &) = delete;
    QueryJob &operator=(const QueryJob &) = delete;

    bool loading() const { return m_loading; }
    // The account's read-only connection, for a read the owner makes itself.
    std::shared_ptr<cx::RecordQuery> query() { return m_query.current(); }

    // Starts `work` off the GUI thread; while a read runs, marks the owner to
    // refresh once more when it ends. Nothing without an open account.
    void run(Work work)
    {
        if (m_watcher.isRunning()) {
            m_again = true;
            return;
        }
        auto query = m_query.current();
        if (!query)
            return;
        setLoading(true);
        m_watcher.setFuture(QtConcurrent::run([query, work = std::move(work)] { return work(*query); }));
    }

    // Tests: waits (running the event loop) until a result is shown; true if
    // it was within msecs. The default is long for ASan on a loaded machine;
    // it returns as soon as the result is in.
    bool waitForLoaded(int msecs)
    {
        QElapsedTimer t;
        t.start();
        QCoreApplication::processEvents(); // a refresh queued by the constructor or a change starts here
        while ((m_loading || m_watcher.isRunning()) && t.elapsed() < msecs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return !m_loading;
    }

private:
    void finished()
    {
        if (m_again) {
            m_again = false;
            m_refresh();
            return;
        }
        // `loading` is already false when the owner announces the result.
        const bool wasLoading = std::exchange(m_loading, false);
        m_done(m_watcher.result());
        if (wasLoading)
            m_loadingChanged();
    }
    void setLoading(bool on)
    {
        if (m_loading == on)
            return;
        m_loading = on;
        m_loadingChanged();
    }

    std::function<void()> m_refresh;
    std::function<void(T)> m_done;
    std::function<void()> m_loadingChanged;
    AccountQuery m_query;
    QFutureWatcher<T> m_watcher;
    bool m_loading = false, m_again = false;
};

} // namespace cx::app
