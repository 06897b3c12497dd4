#include "storage/PgStore.h"

#include "protocol/Errors.h"

namespace cx::server {

bool isPostgresUri(const std::string &location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> openPostgresStore(const std::string &uri, bool create)
{
    (void)uri;
    (void)create;
    throw Error(ErrorKind::Invalid, "this cunxiao-server has no PostgreSQL store yet");
}

} // namespace cx::server
