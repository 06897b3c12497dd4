#pragma once
// The PostgreSQL implementation of Store (libpq): a province's server, shared
// by any number of `serve` instances. See docs/server.md.
#include "storage/Store.h"

#include <memory>
#include <string>

namespace cx::server {

// "postgresql://..." or "postgres://..." (libpq's URI syntax).
bool isPostgresUri(const std::string &location);

// Connects to the database and (create) applies pending migrations, or
// (!create) refuses a database that was never initialised. Throws
// cx::Error(Unavailable) when the server cannot be reached, cx::Error(Invalid)
// for a wrong password or a missing database, naming the problem.
std::unique_ptr<Store> openPostgresStore(const std::string &uri, bool create);

} // namespace cx::server
