#pragma once
// TaskOutcome: what an engine call run on a worker thread (a sync, a photo
// download) hands back to the GUI thread: that it worked, that it failed (the
// error's kind and the engine's own message), or that the bureau revoked this
// device (the engine has erased its data). The GUI side turns the kind into
// plain words (SyncController::plainError) and shows the message beside them.
#include "engine/ReplyErrors.h"
#include "protocol/Errors.h"

#include <QString>

#include <exception>

namespace cx::app {

struct TaskOutcome {
    enum class Result { Ok, Failed, Revoked };
    Result result = Result::Ok;
    cx::ErrorKind kind = cx::ErrorKind::Storage; // when Failed
    QString detail;                              // the engine's message; may be empty

    bool ok() const { return result == Result::Ok; }
    static TaskOutcome failed(cx::ErrorKind kind, const QString &detail = {}) { return {Result::Failed, kind, detail}; }
    // The outcome of the exception being handled: a revoked device, an
    // engine error with its kind, anything else as a storage error.
    static TaskOutcome ofCurrentException()
    {
        try {
            throw;
        } catch (const cx::DeviceRevokedError &e) {
            return {Result::Revoked, e.kind(), QString::fromStdString(e.what())};
        } catch (const cx::Error &e) {
            return failed(e.kind(), QString::fromStdString(e.what()));
        } catch (const std::exception &e) {
            return failed(cx::ErrorKind::Storage, QString::fromStdString(e.what()));
        }
    }
};

} // namespace cx::app
