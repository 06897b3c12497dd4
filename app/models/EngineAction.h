#pragma once
// EngineAction: how a page's model asks the bureau's server something through
// the account's engine without blocking the GUI thread (account
// administration, a record's history): the action-side twin of QueryJob.
// One request runs at a time; asked again while one runs, or with no account
// open, it refuses with a sentence the page can show (nothing is queued, so
// nothing runs twice). The work runs on a pool thread with the engine; its
// result comes back to `done` on the GUI thread. An engine error is turned
// into plain words once, by `failure()`, so every page says "cannot be
// reached" and "not allowed" the same way.
#include "core/AppContext.h"
#include "protocol/Errors.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <functional>
#include <optional>
#include <utility>

namespace cx {
class Engine;
}

namespace cx::app {

// What went wrong with a request to the server, for a page to word.
struct ActionFailure {
    enum Kind {
        Offline,   // no link, TLS failed, or the server is unavailable: try again later
        Forbidden, // the account may not do this
        Other,     // the server refused it for a reason given in `detail`
    };
    Kind kind = Other;
    QString plain;            // the link's state in plain words (Offline only)
    QString detail;           // the error's own text
    bool olderServer = false; // Unavailable because the server is older than the app
};

// The one mapping from an exception thrown by an engine request to a failure.
ActionFailure failure(const std::exception_ptr &error);

// The refusal when an action cannot start (nullopt when it can).
std::optional<QString> refusalToStart(bool busy, bool hasEngine);

template <class T> class EngineAction
{
public:
    using Work = std::function<T(cx::Engine &)>;

    // done: takes each result on the GUI thread; owner: the model (the
    // watcher's signal is delivered in its thread).
    EngineAction(QObject *owner, std::function<void(T)> done) : m_done(std::move(done))
    {
        QObject::connect(&m_watcher, &QFutureWatcherBase::finished, owner, [this] {
            m_busy = false;
            m_done(m_watcher.result());
        });
    }
    ~EngineAction() { m_watcher.waitForFinished(); }
    EngineAction(const EngineAction &) = delete;
    EngineAction &operator=(const EngineAction &) = delete;

    bool busy() const { return m_busy; }

    // Starts `work` with the open account's engine; returns the sentence to
    // show instead when it cannot (a request still running, no account).
    std::optional<QString> start(Work work)
    {
        auto *ctx = AppContext::instance();
        cx::Engine *engine = ctx ? ctx->engine() : nullptr;
        if (auto refused = refusalToStart(m_busy, engine != nullptr))
            return refused;
        m_busy = true;
        m_watcher.setFuture(QtConcurrent::run([engine, work = std::move(work)] { return work(*engine); }));
        return std::nullopt;
    }

    // Tests: runs the event loop until the result is delivered; true if it
    // was within msecs.
    bool waitForDone(int msecs)
    {
        QElapsedTimer t;
        t.start();
        while ((m_busy || m_watcher.isRunning()) && t.elapsed() < msecs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return !m_busy;
    }

private:
    std::function<void(T)> m_done;
    bool m_busy = false;
    QFutureWatcher<T> m_watcher;
};

} // namespace cx::app
