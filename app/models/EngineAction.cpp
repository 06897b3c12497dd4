#include "models/EngineAction.h"

#include "sync/SyncController.h"

namespace cx::app {

ActionFailure failure(const std::exception_ptr &error)
{
    ActionFailure f;
    try {
        std::rethrow_exception(error);
    } catch (const cx::Error &e) {
        f.detail = QString::fromStdString(e.what());
        switch (e.kind()) {
        case cx::ErrorKind::Network:
        case cx::ErrorKind::Tls:
        case cx::ErrorKind::Unavailable:
            f.kind = ActionFailure::Offline;
            f.plain = SyncController::plainError(e.kind());
            f.olderServer = e.kind() == cx::ErrorKind::Unavailable && f.detail.contains(QLatin1String("older"));
            break;
        case cx::ErrorKind::Forbidden:
            f.kind = ActionFailure::Forbidden;
            break;
        default:
            break;
        }
    } catch (const std::exception &e) {
        f.detail = QString::fromStdString(e.what());
    }
    return f;
}

std::optional<QString> refusalToStart(bool busy, bool hasEngine)
{
    if (busy)
        //: A request to the bureau's server is still running (account administration, a record's history).
        return QCoreApplication::translate("EngineAction", "Wait for the previous request to finish.");
    if (!hasEngine)
        //: A request to the bureau's server needs an open account.
        return QCoreApplication::translate("EngineAction", "No account is open.");
    return std::nullopt;
}

} // namespace cx::app
