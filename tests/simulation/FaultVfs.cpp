#include "FaultVfs.h"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>

namespace faultvfs {
namespace {

sqlite3_vfs *g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;
std::string g_prefix;
int g_left = -1;
bool g_fired = false;

struct ShimFile {
    sqlite3_file base;
    sqlite3_file *real;
    char *name; // owned copy: the target prefix is compared at every write
};

sqlite3_file *real(sqlite3_file *f) { return reinterpret_cast<ShimFile *>(f)->real; }

bool isTarget(sqlite3_file *f)
{
    const char *n = reinterpret_cast<ShimFile *>(f)->name;
    return n && !g_prefix.empty() && std::strncmp(n, g_prefix.c_str(), g_prefix.size()) == 0;
}

bool shouldFail(sqlite3_file *f)
{
    if (g_left < 0 || !isTarget(f))
        return false;
    if (g_fired)
        return true;
    if (g_left == 0) {
        g_fired = true;
        return true;
    }
    --g_left;
    return false;
}

int xClose(sqlite3_file *f)
{
    int rc = real(f)->pMethods ? real(f)->pMethods->xClose(real(f)) : SQLITE_OK;
    std::free(reinterpret_cast<ShimFile *>(f)->name);
    reinterpret_cast<ShimFile *>(f)->name = nullptr;
    return rc;
}
int xRead(sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return real(f)->pMethods->xRead(real(f), b, n, o); }
int xWrite(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    if (shouldFail(f))
        return SQLITE_IOERR_WRITE;
    return real(f)->pMethods->xWrite(real(f), b, n, o);
}
int xTruncate(sqlite3_file *f, sqlite3_int64 s)
{
    if (shouldFail(f))
        return SQLITE_IOERR_TRUNCATE;
    return real(f)->pMethods->xTruncate(real(f), s);
}
int xSync(sqlite3_file *f, int flags)
{
    if (g_fired && isTarget(f))
        return SQLITE_IOERR_FSYNC;
    return real(f)->pMethods->xSync(real(f), flags);
}
int xFileSize(sqlite3_file *f, sqlite3_int64 *s) { return real(f)->pMethods->xFileSize(real(f), s); }
int xLock(sqlite3_file *f, int l) { return real(f)->pMethods->xLock(real(f), l); }
int xUnlock(sqlite3_file *f, int l) { return real(f)->pMethods->xUnlock(real(f), l); }
int xCheckReservedLock(sqlite3_file *f, int *r) { return real(f)->pMethods->xCheckReservedLock(real(f), r); }
int xFileControl(sqlite3_file *f, int op, void *a) { return real(f)->pMethods->xFileControl(real(f), op, a); }
int xSectorSize(sqlite3_file *f) { return real(f)->pMethods->xSectorSize(real(f)); }
int xDeviceCharacteristics(sqlite3_file *f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int xShmMap(sqlite3_file *f, int i, int sz, int ext, void volatile **pp)
{
    return real(f)->pMethods->xShmMap(real(f), i, sz, ext, pp);
}
int xShmLock(sqlite3_file *f, int o, int n, int fl) { return real(f)->pMethods->xShmLock(real(f), o, n, fl); }
void xShmBarrier(sqlite3_file *f) { real(f)->pMethods->xShmBarrier(real(f)); }
int xShmUnmap(sqlite3_file *f, int d) { return real(f)->pMethods->xShmUnmap(real(f), d); }
int xFetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp) { return real(f)->pMethods->xFetch(real(f), o, n, pp); }
int xUnfetch(sqlite3_file *f, sqlite3_int64 o, void *p) { return real(f)->pMethods->xUnfetch(real(f), o, p); }

int xOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *f, int flags, int *outFlags)
{
    auto *shim = reinterpret_cast<ShimFile *>(f);
    shim->real = reinterpret_cast<sqlite3_file *>(shim + 1);
    shim->name = name ? strdup(name) : nullptr;
    int rc = g_real->xOpen(g_real, name, shim->real, flags, outFlags);
    f->pMethods = shim->real->pMethods ? &g_methods : nullptr;
    if (!f->pMethods) {
        std::free(shim->name);
        shim->name = nullptr;
    }
    return rc;
}

int xDelete(sqlite3_vfs *, const char *name, int syncDir) { return g_real->xDelete(g_real, name, syncDir); }
int xAccess(sqlite3_vfs *, const char *name, int flags, int *out) { return g_real->xAccess(g_real, name, flags, out); }
int xFullPathname(sqlite3_vfs *, const char *name, int n, char *out) { return g_real->xFullPathname(g_real, name, n, out); }
void *xDlOpen(sqlite3_vfs *, const char *p) { return g_real->xDlOpen(g_real, p); }
void xDlError(sqlite3_vfs *, int n, char *m) { g_real->xDlError(g_real, n, m); }
void (*xDlSym(sqlite3_vfs *, void *h, const char *s))(void) { return g_real->xDlSym(g_real, h, s); }
void xDlClose(sqlite3_vfs *, void *h) { g_real->xDlClose(g_real, h); }
int xRandomness(sqlite3_vfs *, int n, char *out) { return g_real->xRandomness(g_real, n, out); }
int xSleep(sqlite3_vfs *, int us) { return g_real->xSleep(g_real, us); }
int xCurrentTime(sqlite3_vfs *, double *t) { return g_real->xCurrentTime(g_real, t); }
int xGetLastError(sqlite3_vfs *, int n, char *m) { return g_real->xGetLastError(g_real, n, m); }
int xCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *t) { return g_real->xCurrentTimeInt64(g_real, t); }

} // namespace

void install()
{
    if (g_real)
        return;
    g_real = sqlite3_vfs_find(nullptr);
    g_methods = sqlite3_io_methods{3,
                                   xClose,
                                   xRead,
                                   xWrite,
                                   xTruncate,
                                   xSync,
                                   xFileSize,
                                   xLock,
                                   xUnlock,
                                   xCheckReservedLock,
                                   xFileControl,
                                   xSectorSize,
                                   xDeviceCharacteristics,
                                   xShmMap,
                                   xShmLock,
                                   xShmBarrier,
                                   xShmUnmap,
                                   xFetch,
                                   xUnfetch};
    std::memset(&g_vfs, 0, sizeof g_vfs);
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = int(sizeof(ShimFile)) + g_real->szOsFile;
    g_vfs.mxPathname = g_real->mxPathname;
    g_vfs.zName = "faultvfs";
    g_vfs.xOpen = xOpen;
    g_vfs.xDelete = xDelete;
    g_vfs.xAccess = xAccess;
    g_vfs.xFullPathname = xFullPathname;
    g_vfs.xDlOpen = xDlOpen;
    g_vfs.xDlError = xDlError;
    g_vfs.xDlSym = xDlSym;
    g_vfs.xDlClose = xDlClose;
    g_vfs.xRandomness = xRandomness;
    g_vfs.xSleep = xSleep;
    g_vfs.xCurrentTime = xCurrentTime;
    g_vfs.xGetLastError = xGetLastError;
    g_vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
    sqlite3_vfs_register(&g_vfs, 1);
}

void arm(const std::string &prefix, int writesLeft)
{
    g_prefix = prefix;
    g_left = writesLeft;
    g_fired = false;
}

void disarm()
{
    g_left = -1;
    g_fired = false;
}

bool fired() { return g_fired; }

} // namespace faultvfs
