// A full disk without a mount (tst_badinput, LD_PRELOAD into a cunxiao-cli
// process): the regular files directly inside CX_FULLDISK_DIR may hold
// CX_FULLDISK_BYTES in all; a write that would grow them past that fails with
// ENOSPC, as on a full file system (SQLite then reports SQLITE_FULL, as it does
// for a real one). Writes within a file's current size, and every file outside
// the directory, are left alone. Space returns when the next process runs
// without this library (or with a larger CX_FULLDISK_BYTES).
#define _GNU_SOURCE // NOLINT(bugprone-reserved-identifier): glibc's feature macro, for RTLD_NEXT
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off64_t);
static int (*real_fallocate)(int, int, off_t, off_t);
static int (*real_fallocate64)(int, int, off64_t, off64_t);
static int (*real_posix_fallocate)(int, off_t, off_t);
static int (*real_posix_fallocate64)(int, off64_t, off64_t);

static void *next(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f)
        abort(); // no such libc function: nothing sensible to do
    return f;
}

// 1 when fd is a file directly inside CX_FULLDISK_DIR and growing it to `end`
// would pass the quota.
static int wouldOverflow(int fd, long long end)
{
    const char *dir = getenv("CX_FULLDISK_DIR");
    const char *quota = getenv("CX_FULLDISK_BYTES");
    if (!dir || !quota || !*dir)
        return 0;
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return 0;
    path[n] = 0;
    const size_t dl = strlen(dir);
    if (strncmp(path, dir, dl) != 0 || path[dl] != '/' || strchr(path + dl + 1, '/'))
        return 0;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    if (end <= (long long)st.st_size)
        return 0; // no growth
    long long total = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char p[PATH_MAX];
        struct stat s;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (lstat(p, &s) == 0 && S_ISREG(s.st_mode))
            total += (long long)s.st_size;
    }
    closedir(d);
    return total + (end - (long long)st.st_size) > atoll(quota);
}

ssize_t write(int fd, const void *buf, size_t count)
{
    if (!real_write)
        real_write = next("write");
    if (count > 0 && getenv("CX_FULLDISK_DIR")) {
        int fl = fcntl(fd, F_GETFL);
        struct stat st;
        long long at =
            (fl >= 0 && (fl & O_APPEND) && fstat(fd, &st) == 0) ? (long long)st.st_size : (long long)lseek(fd, 0, SEEK_CUR);
        if (at >= 0 && wouldOverflow(fd, at + (long long)count)) {
            errno = ENOSPC;
            return -1;
        }
    }
    return real_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
    if (!real_pwrite)
        real_pwrite = next("pwrite");
    if (count > 0 && wouldOverflow(fd, (long long)offset + (long long)count)) {
        errno = ENOSPC;
        return -1;
    }
    return real_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset)
{
    if (!real_pwrite64)
        real_pwrite64 = next("pwrite64");
    if (count > 0 && wouldOverflow(fd, (long long)offset + (long long)count)) {
        errno = ENOSPC;
        return -1;
    }
    return real_pwrite64(fd, buf, count, offset);
}

int fallocate(int fd, int mode, off_t offset, off_t len)
{
    if (!real_fallocate)
        real_fallocate = next("fallocate");
    if (wouldOverflow(fd, (long long)offset + (long long)len)) {
        errno = ENOSPC;
        return -1;
    }
    return real_fallocate(fd, mode, offset, len);
}

int fallocate64(int fd, int mode, off64_t offset, off64_t len)
{
    if (!real_fallocate64)
        real_fallocate64 = next("fallocate64");
    if (wouldOverflow(fd, (long long)offset + (long long)len)) {
        errno = ENOSPC;
        return -1;
    }
    return real_fallocate64(fd, mode, offset, len);
}

int posix_fallocate(int fd, off_t offset, off_t len)
{
    if (!real_posix_fallocate)
        real_posix_fallocate = next("posix_fallocate");
    if (wouldOverflow(fd, (long long)offset + (long long)len))
        return ENOSPC; // returns the error, errno untouched
    return real_posix_fallocate(fd, offset, len);
}

int posix_fallocate64(int fd, off64_t offset, off64_t len)
{
    if (!real_posix_fallocate64)
        real_posix_fallocate64 = next("posix_fallocate64");
    if (wouldOverflow(fd, (long long)offset + (long long)len))
        return ENOSPC;
    return real_posix_fallocate64(fd, offset, len);
}
