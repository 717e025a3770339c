/*
 * spool.c: crash records written to the store's spool by a native helper (spool.h), in the agent's format
 * (agent.wire.Spool, the owner; docs/protocol.md, "The spool"), and the trust rule for the store's directories.
 */
#include "spool.h"

#include "held.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SPOOL_PATH_MAX 4096

int trusted(const char *dir, int private) {
    struct stat st;
    if (lstat(dir, &st) != 0) {
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return 0;
    }
    if (st.st_uid != getuid()) {
        errno = EPERM;
        return 0;
    }
    if (private && (st.st_mode & 0077) != 0) {
        return chmod(dir, 0700) == 0;
    }
    if ((st.st_mode & 0022) != 0) {
        errno = EPERM;
        return 0;
    }
    return 1;
}

/*
 * The startMillis of the first hello of JVM `pid` in bytes[0..n) (digits, as the agent writes them) into out; "0"
 * when it is not there. The hello's key=value lines may be split between its frames: they are joined first.
 */
static void start_millis_of(const char *bytes, size_t n, long pid, char *out, size_t size) {
    static char hello[64 << 10];
    size_t len = 0;
    struct frame f;
    long record = -1;
    for (size_t at = 0; held_next_frame(bytes, n, &at, &f);) {
        if (f.pid != pid || strcmp(f.kind, HELLO) != 0 || (record >= 0 && f.record != record)) {
            continue;
        }
        record = f.record;
        size_t take = (size_t) f.length < sizeof hello - len ? (size_t) f.length : sizeof hello - len;
        memcpy(hello + len, bytes + f.at + f.size - (size_t) f.length, take);
        len += take;
        if (!f.more) {
            break;
        }
    }
    snprintf(out, size, "0");
    static const char key[] = START_MILLIS "=";
    for (size_t at = 0; at < len;) {
        const char *line = hello + at;
        const char *end = memchr(line, '\n', len - at);
        size_t line_len = end != NULL ? (size_t) (end - line) : len - at;
        if (line_len > sizeof key - 1 && line_len <= sizeof key - 1 + 18 && memcmp(line, key, sizeof key - 1) == 0) {
            const char *value = line + sizeof key - 1;
            size_t digits = line_len - (sizeof key - 1);
            size_t d = 0;
            while (d < digits && value[d] >= '0' && value[d] <= '9') {
                d++;  /* within the line: the hello's last line may end the buffer without a newline */
            }
            if (d == digits && (digits == 1 || value[0] != '0')) {
                snprintf(out, size, "%.*s", (int) digits, value);
                return;
            }
        }
        at += line_len + 1;
    }
}

/*
 * Writes one record of JVM `pid` - the frames of kind `kind` and number `record` (-1: the first such record), parts
 * in order from `from` on - as they are to fd (fd < 0: writes nothing, only looks); -1 on an error, else 1 when the
 * record is whole (its last part came), 0 when the bytes end before its last part, 2 when a part out of order
 * interrupts it (it can never be whole).
 */
static int write_frames(int fd, const char *bytes, size_t n, size_t from, long pid, const char *kind, long record) {
    struct frame f;
    long part = 0;
    int started = 0;
    for (size_t at = from; held_next_frame(bytes, n, &at, &f);) {
        if (f.pid != pid || strcmp(f.kind, kind) != 0 || (started && f.record != record)) {
            continue;
        }
        if (!started && record < 0) {
            record = f.record;
        }
        if (f.record != record || f.part != part) {
            if (started) {
                return 2;  /* a record interrupted: what came so far is what Java reads too */
            }
            continue;
        }
        started = 1;
        if (fd >= 0 && write_all(fd, bytes + f.at, f.size) != 0) {
            return -1;
        }
        part++;
        if (!f.more) {
            return 1;
        }
    }
    return 0;
}

/*
 * Writes crash record `crash` (its first frame) of bytes[0..n) to the spool directory `dir` as the agent's Spool
 * does: the JVM's hello, then the crash's frames, as raw CW1 frames in <pid>-<startMillis>-<record>.cw1, 0600,
 * created no-follow under a temporary name and renamed into place. Its name into `name`; 0 if it was not written
 * (or, `sidecar`, left to the agent's copy: spool.h).
 */
static int spool_one(const char *dir, const char *bytes, size_t n, const struct frame *crash, int sidecar, char *name,
                     size_t size) {
    char start[24];
    char temp_path[SPOOL_PATH_MAX];
    char target[SPOOL_PATH_MAX];
    start_millis_of(bytes, n, crash->pid, start, sizeof start);
    if (sidecar && (strcmp(start, "0") == 0 || write_frames(-1, bytes, n, crash->at, crash->pid, CRASH,
                                                            crash->record) != 1)) {
        return 0;
    }
    snprintf(name, size, "%ld-%s-%ld" SPOOL_SUFFIX, crash->pid, start, crash->record);
    if (snprintf(temp_path, sizeof temp_path, "%s/" SPOOL_TEMP_PREFIX "%s" SPOOL_TEMP_SUFFIX, dir, name)
                >= (int) sizeof temp_path
            || snprintf(target, sizeof target, "%s/%s", dir, name) >= (int) sizeof target) {
        return 0;
    }
    struct stat st;
    if (sidecar && (lstat(target, &st) == 0 || lstat(temp_path, &st) == 0)) {
        return 0;  /* the agent's copy: the Java watchdog counts the two as one by its own rule */
    }
    /* Beside a live agent (sidecar), which may spool the same record at the same instant, neither ever deletes or
     * replaces the other's file: a temporary file of the name is the agent's (O_EXCL refuses it), and the file is
     * put in place by link(2), which fails on an existing name, as the agent's Spool does. */
    int fd = open(temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST && !sidecar && unlink(temp_path) == 0) {
        fd = open(temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    }
    if (fd < 0) {
        return 0;
    }
    int ok = write_frames(fd, bytes, n, 0, crash->pid, HELLO, -1) >= 0
             && write_frames(fd, bytes, n, crash->at, crash->pid, CRASH, crash->record) >= 0;
    ok = close(fd) == 0 && ok && (sidecar ? link(temp_path, target) == 0 : rename(temp_path, target) == 0);
    unlink(temp_path); /* after a link, the temporary name; after a failure, what was written */
    return ok;
}

int spool_dir(const char *store, char *dir, size_t size) {
    return snprintf(dir, size, "%s/" SPOOL_DIR, store) < (int) size && (mkdir(dir, 0700) == 0 || errno == EEXIST)
           && trusted(dir, 1);
}

/* Whether f is the first frame of a crash record. */
static int crash_start(const struct frame *f) {
    return strcmp(f->kind, CRASH) == 0 && f->part == 0;
}

void spool_crashes(const char *store, const char *bytes, size_t n, int sidecar, struct spooled *sp) {
    char dir[SPOOL_PATH_MAX];
    struct frame f;
    size_t first = 0;
    int found = 0;
    while (!found && held_next_frame(bytes, n, &first, &f)) {
        found = crash_start(&f);
    }
    if (!found || !spool_dir(store, dir, sizeof dir)) {
        return;  /* no crash record held: the spool is not touched */
    }
    for (size_t at = f.at; sp->count < MAX_SPOOLED && held_next_frame(bytes, n, &at, &f);) {
        if (crash_start(&f) && spool_one(dir, bytes, n, &f, sidecar, sp->names[sp->count], SPOOL_NAME_MAX)) {
            int again = 0;
            for (int i = 0; i < sp->count; i++) {
                again |= strcmp(sp->names[i], sp->names[sp->count]) == 0;
            }
            sp->count += !again;
        }
    }
}

int spool_crash_open(const char *bytes, size_t n) {
    struct frame f;
    for (size_t at = 0; held_next_frame(bytes, n, &at, &f);) {
        if (crash_start(&f) && f.more && write_frames(-1, bytes, n, f.at, f.pid, CRASH, f.record) == 0) {
            return 1;
        }
    }
    return 0;
}
