/*
 * Fault injection for the ledger's files, in the style of SQLite's own I/O-error tests
 * (test_vfs / "ioerr" tests): the Nth write (or fsync) to a file under one folder fails with
 * EIO or ENOSPC, either once or from then on. Loaded with LD_PRELOAD into a child Node
 * process only by main/services/faultInjection.test.ts; compiled at test time by
 * database/testing/faultShim.ts (never committed as a binary).
 *
 * Why a preloaded shim and not a SQLite VFS: it sits below everything (better-sqlite3, the
 * SQLite3MultipleCiphers codec, SQLite's unix VFS and Node's own fs), so the product code runs
 * exactly as shipped.
 *
 * Control: the child writes one command line to the file named by MASA_FAULT_CTL; the shim sees
 * that write (it interposes write() anyway) and acts on it before the write returns, so arming
 * is synchronous with the child's code. Commands:
 *   arm <folder> <n> <once|persist|fsync-once|fsync-persist> <EIO|ENOSPC>
 *       count write operations (write family and ftruncate) and fsync/fdatasync calls on files
 *       whose path starts with <folder>/ ; the nth write (the nth sync in the fsync modes)
 *       fails (n = 0: count only); in the persist modes every later one of that kind too.
 *   disarm
 *       stop counting; writes "<writes> <syncs> <failed> <main> <first>" (since arm) to
 *       MASA_FAULT_REPORT: <main> is how many of the writes went to a file that is not a -wal,
 *       -shm or -journal (the ledger itself: in WAL mode only a checkpoint writes there), <first>
 *       which kind of file the first failed call hit (main, wal, shm, journal, or - if none).
 * Unarmed, every call passes straight through.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*pwrite64_fn)(int, const void *, size_t, off64_t);
typedef ssize_t (*writev_fn)(int, const struct iovec *, int);
typedef ssize_t (*pwritev_fn)(int, const struct iovec *, int, off_t);
typedef ssize_t (*pwritev64_fn)(int, const struct iovec *, int, off64_t);
typedef ssize_t (*pwritev2_fn)(int, const struct iovec *, int, off_t, int);
typedef int (*ftruncate_fn)(int, off_t);
typedef int (*ftruncate64_fn)(int, off64_t);
typedef int (*sync_fn)(int);

static write_fn real_write;
static pwrite_fn real_pwrite;
static pwrite64_fn real_pwrite64;
static writev_fn real_writev;
static pwritev_fn real_pwritev;
static pwritev64_fn real_pwritev64;
static pwritev2_fn real_pwritev2;
static ftruncate_fn real_ftruncate;
static ftruncate64_fn real_ftruncate64;
static sync_fn real_fsync;
static sync_fn real_fdatasync;

/* libuv's thread pool may write too: the counters are shared, so one lock guards them. */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static char ctl_path[4096];
static char report_path[4096];
static char folder[4096];
static size_t folder_len;
static int armed;
static long target;
static int persist;
static int sync_mode;
static int fail_errno = EIO;
static long writes, syncs, failed, main_writes;
static int tripped;
static const char *first_failed = "-";

/* Which of SQLite's files a path is: the database itself or one of its sidecars. */
static const char *kind_of(const char *p) {
  size_t n = strlen(p);
  if (n > 4 && strcmp(p + n - 4, "-wal") == 0) return "wal";
  if (n > 4 && strcmp(p + n - 4, "-shm") == 0) return "shm";
  if (n > 8 && strcmp(p + n - 8, "-journal") == 0) return "journal";
  /* The witness of the last acknowledged head (database/headWitness.ts), not SQLite's. */
  if (n >= 9 && strcmp(p + n - 9, "masa.head") == 0) return "witness";
  return "main";
}

__attribute__((constructor)) static void init(void) {
  real_write = (write_fn)dlsym(RTLD_NEXT, "write");
  real_pwrite = (pwrite_fn)dlsym(RTLD_NEXT, "pwrite");
  real_pwrite64 = (pwrite64_fn)dlsym(RTLD_NEXT, "pwrite64");
  real_writev = (writev_fn)dlsym(RTLD_NEXT, "writev");
  real_pwritev = (pwritev_fn)dlsym(RTLD_NEXT, "pwritev");
  real_pwritev64 = (pwritev64_fn)dlsym(RTLD_NEXT, "pwritev64");
  real_pwritev2 = (pwritev2_fn)dlsym(RTLD_NEXT, "pwritev2");
  real_ftruncate = (ftruncate_fn)dlsym(RTLD_NEXT, "ftruncate");
  real_ftruncate64 = (ftruncate64_fn)dlsym(RTLD_NEXT, "ftruncate64");
  real_fsync = (sync_fn)dlsym(RTLD_NEXT, "fsync");
  real_fdatasync = (sync_fn)dlsym(RTLD_NEXT, "fdatasync");
  const char *c = getenv("MASA_FAULT_CTL");
  const char *r = getenv("MASA_FAULT_REPORT");
  if (c) snprintf(ctl_path, sizeof ctl_path, "%s", c);
  if (r) snprintf(report_path, sizeof report_path, "%s", r);
}

/* The file behind a descriptor, from /proc (the same answer for every thread). */
static int fd_path(int fd, char *out, size_t size) {
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, out, size - 1);
  if (n < 0) return -1;
  out[n] = 0;
  return 0;
}

static void write_report(void) {
  if (!report_path[0]) return;
  char line[128];
  int len = snprintf(line, sizeof line, "%ld %ld %ld %ld %s\n", writes, syncs, failed, main_writes, first_failed);
  int fd = open(report_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  /* The real call: the report file is not under the folder, but never count ourselves. */
  real_write(fd, line, (size_t)len);
  close(fd);
}

static void command(const char *buf, size_t len) {
  char cmd[4200];
  if (len >= sizeof cmd) len = sizeof cmd - 1;
  memcpy(cmd, buf, len);
  cmd[len] = 0;
  pthread_mutex_lock(&mu);
  if (strncmp(cmd, "arm ", 4) == 0) {
    char dir[4000], mode[32], err[16];
    long n;
    if (sscanf(cmd + 4, "%3999s %ld %31s %15s", dir, &n, mode, err) == 4) {
      snprintf(folder, sizeof folder, "%s/", dir);
      folder_len = strlen(folder);
      target = n;
      persist = strstr(mode, "persist") != NULL;
      sync_mode = strncmp(mode, "fsync", 5) == 0;
      fail_errno = strcmp(err, "ENOSPC") == 0 ? ENOSPC : EIO;
      writes = syncs = failed = main_writes = 0;
      tripped = 0;
      first_failed = "-";
      armed = 1;
    }
  } else if (strncmp(cmd, "disarm", 6) == 0) {
    armed = 0;
    write_report();
  }
  pthread_mutex_unlock(&mu);
}

/*
 * Decides one call: 0 to pass it through, or the errno to fail it with. `is_sync` tells an
 * fsync/fdatasync from a write-family call; both are counted, only the kind armed fails.
 */
static int decide(int fd, int is_sync, const void *buf, size_t len) {
  if (!ctl_path[0]) return 0;
  char p[4096];
  if (fd_path(fd, p, sizeof p) != 0) return 0;
  if (!is_sync && buf && strcmp(p, ctl_path) == 0) {
    command((const char *)buf, len);
    return 0;
  }
  int fail = 0;
  pthread_mutex_lock(&mu);
  if (armed && strncmp(p, folder, folder_len) == 0) {
    /* Both kinds are always counted (n = 0 learns both totals in one run); only one kind fails. */
    long n = is_sync ? ++syncs : ++writes;
    if (!is_sync && strcmp(kind_of(p), "main") == 0) main_writes++;
    if (is_sync == sync_mode && target > 0 && (n == target || (persist && tripped))) {
      if (!tripped) first_failed = kind_of(p);
      tripped = 1;
      failed++;
      fail = fail_errno;
    }
  }
  pthread_mutex_unlock(&mu);
  return fail;
}

#define FAIL_IF(fd, is_sync, buf, len)          \
  do {                                          \
    int e_ = decide((fd), (is_sync), (buf), (len)); \
    if (e_) {                                   \
      errno = e_;                               \
      return -1;                                \
    }                                           \
  } while (0)

ssize_t write(int fd, const void *buf, size_t n) {
  FAIL_IF(fd, 0, buf, n);
  return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
  FAIL_IF(fd, 0, NULL, 0);
  return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off) {
  FAIL_IF(fd, 0, NULL, 0);
  return real_pwrite64(fd, buf, n, off);
}

/* Commands come in a single write(); vectored writes are only counted. */
ssize_t writev(int fd, const struct iovec *iov, int cnt) {
  FAIL_IF(fd, 0, NULL, 0);
  return real_writev(fd, iov, cnt);
}

ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off) {
  FAIL_IF(fd, 0, NULL, 0);
  return real_pwritev(fd, iov, cnt, off);
}

ssize_t pwritev64(int fd, const struct iovec *iov, int cnt, off64_t off) {
  FAIL_IF(fd, 0, NULL, 0);
  return real_pwritev64(fd, iov, cnt, off);
}

ssize_t pwritev2(int fd, const struct iovec *iov, int cnt, off_t off, int flags) {
  FAIL_IF(fd, 0, NULL, 0);
  return real_pwritev2(fd, iov, cnt, off, flags);
}

/* Truncating a file changes it on disk like a write does (SQLite truncates the WAL). */
int ftruncate(int fd, off_t len) {
  FAIL_IF(fd, 0, NULL, 0);
  return real_ftruncate(fd, len);
}

int ftruncate64(int fd, off64_t len) {
  FAIL_IF(fd, 0, NULL, 0);
  return real_ftruncate64(fd, len);
}

int fsync(int fd) {
  FAIL_IF(fd, 1, NULL, 0);
  return real_fsync(fd);
}

int fdatasync(int fd) {
  FAIL_IF(fd, 1, NULL, 0);
  return real_fdatasync(fd);
}
