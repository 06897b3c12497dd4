# Every external library comes from Debian's packages (see the Makefile's PACKAGES).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(CURL REQUIRED)
find_package(ZLIB REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
# SQLite: the vendored SQLCipher (third_party/sqlcipher), one SQLite for every process.
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)   # the device key's PIN/password wraps (engine/Vault.h)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
# Boost.Beast/Asio (header-only): the server's HTTP transport.
find_package(Boost 1.81 REQUIRED)
# cpp-httplib: only the tests' HTTP client now (tests/server, tests/threads).
pkg_check_modules(HTTPLIB IMPORTED_TARGET cpp-httplib)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)   # the PostgreSQL store (storage/PgStore.h)

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Test)
# XLSForm import and export (sync/xlsform): reading .xlsx (a zip of XML) and writing it.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
