/*
 * crashwatch-relay: the sidecar while the application lives (docs/native.md, docs/protocol.md "The sidecar").
 *
 *   crashwatch-relay JAVA [JVM OPTIONS] -cp crashwatch.jar dev.crashwatch.watchdog.sidecar.SidecarMain --dir ...
 *
 * Its stdin is the crash pipe (CW1 frames). It holds what it reads and looks at frame headers only. While every
 * frame is a HELLO, or a BYE that asks for nothing (no payload, or handlerReplaced=false), it keeps holding and
 * blocks in read(2): an idle relay costs no CPU and about a megabyte. At the end of the pipe, if every JVM heard
 * from said BYE, it exits having started nothing: a normal exit never starts a JVM. (When the command names the
 * application's JVM with --pid and --cwd, an end of the pipe with no frame at all goes to Java if that JVM left a
 * fatal error log where HotSpot puts it - at its -XX:ErrorFile path when the command gives one (--error-file), else
 * in its working directory or /tmp: it died before its hello.)
 *
 * Anything else - a CRASH frame, a BYE that says more, bytes that are not a frame, a record cut off, more than
 * HOLD_MAX bytes held, or the end of the pipe while a JVM that wrote did not say BYE (it died abruptly) - starts
 * the command (the Java sidecar) with a pipe as its stdin, writes what was held, copies the rest of stdin through
 * until its end, and exits. The Java sidecar then counts exactly as if it had read the crash pipe itself. Whatever
 * the relay is unsure of goes to Java, which never fails on its input. Only trouble is written, on stderr (the
 * store's log/sidecar.log): the Java sidecar could not be started, or stopped reading.
 */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define HOLD_MAX (1 << 20)  /* bytes held before the Java sidecar must take over (a hello with a huge class path) */
#define MAX_HEADER 96       /* Wire.MAX_HEADER: a header line, its newline included, is at most this long */
#define MAX_FRAME 4096      /* Wire.MAX_FRAME */
#define MAX_JVMS 16         /* JVMs tracked on one pipe (one, in practice); more goes to Java */
#define COPY_CHUNK 65536
#define JAVA_PIPE_SIZE (1 << 20) /* room for a long crash record while the Java sidecar boots */

/* What one JVM (pid) has written so far. */
struct jvm {
    long pid;
    int bye;          /* said BYE: an orderly exit */
    int open;         /* a HELLO record is waiting for its next part */
    long record;      /* the open record's number */
    long next_part;   /* the part the open record expects next */
};

/* One parsed header line: CW1 <pid> <kind> <record> <part> <more> <length>. */
struct header {
    long pid;
    char kind[17];
    long record;
    long part;
    int more;
    long length;
};

enum verdict { HOLD, NEED_MORE, HAND_OVER };

static char held[HOLD_MAX];
static size_t held_len;
static size_t parsed;          /* bytes of held[] that are whole frames judged harmless */
static struct jvm jvms[MAX_JVMS];
static int jvm_count;

static void note(const char *format, ...) {
    char when[32];
    time_t now = time(NULL);
    struct tm utc;
    gmtime_r(&now, &utc);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
    fprintf(stderr, "%s relay %ld: ", when, (long) getpid());
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    fflush(stderr);
}

/* A non-negative decimal of at most 18 digits, no sign, no leading zero but "0" itself; -1 otherwise. */
static long number(const char *s, size_t n) {
    if (n == 0 || n > 18 || (n > 1 && s[0] == '0')) {
        return -1;
    }
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Parses the header line line[0..n) (newline excluded), as strictly as the Java reader; 0 if it is not one. */
static int parse_header(const char *line, size_t n, struct header *h) {
    const char *field[7];
    size_t size[7];
    size_t start = 0;
    int count = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || line[i] == ' ') {
            if (count == 7) {
                return 0;
            }
            field[count] = line + start;
            size[count++] = i - start;
            start = i + 1;
        }
    }
    if (count != 7 || size[0] != 3 || memcmp(field[0], "CW1", 3) != 0 || size[2] == 0 || size[2] > 16) {
        return 0;
    }
    for (size_t i = 0; i < size[2]; i++) {
        if (field[2][i] < 'A' || field[2][i] > 'Z') {
            return 0;
        }
    }
    memcpy(h->kind, field[2], size[2]);
    h->kind[size[2]] = '\0';
    h->pid = number(field[1], size[1]);
    h->record = number(field[3], size[3]);
    h->part = number(field[4], size[4]);
    h->more = (int) number(field[5], size[5]);
    h->length = number(field[6], size[6]);
    return h->pid > 0 && h->record >= 0 && h->part >= 0 && (h->more == 0 || h->more == 1) && h->length >= 0
            && h->length <= MAX_FRAME;
}

static struct jvm *jvm_of(long pid) {
    for (int i = 0; i < jvm_count; i++) {
        if (jvms[i].pid == pid) {
            return &jvms[i];
        }
    }
    if (jvm_count == MAX_JVMS) {
        return NULL;
    }
    struct jvm *j = &jvms[jvm_count++];
    memset(j, 0, sizeof *j);
    j->pid = pid;
    return j;
}

/* A BYE payload that asks for nothing: empty, or nothing but handlerReplaced=false lines. */
static int plain_bye(const char *payload, long length) {
    static const char line[] = "handlerReplaced=false\n";
    const long size = (long) sizeof line - 1;
    for (long at = 0; at < length; at += size) {
        if (length - at < size || memcmp(payload + at, line, (size_t) size) != 0) {
            return 0;
        }
    }
    return 1;
}

/* Whether a whole frame can be held rather than handed over; notes what it says of its JVM. */
static int harmless(const struct header *h, const char *payload, const char **why) {
    struct jvm *j = jvm_of(h->pid);
    if (j == NULL) {
        *why = "too many JVMs on one pipe";
        return 0;
    }
    if (j->bye && strcmp(h->kind, "HELLO") != 0) {
        *why = "a frame after BYE";  /* a hello may come after the bye of a JVM that exits at once */
        return 0;
    }
    if (j->open && (h->record != j->record || h->part != j->next_part || strcmp(h->kind, "HELLO") != 0)) {
        *why = "a record interrupted";
        return 0;
    }
    if (!j->open && h->part != 0) {
        *why = "a record without its first part";
        return 0;
    }
    if (strcmp(h->kind, "HELLO") == 0) {
        j->open = h->more;
        j->record = h->record;
        j->next_part = h->part + 1;
        return 1;
    }
    if (strcmp(h->kind, "BYE") == 0 && !h->more && plain_bye(payload, h->length)) {
        j->bye = 1;
        return 1;
    }
    *why = strcmp(h->kind, "CRASH") == 0 ? "a crash record" : strcmp(h->kind, "BYE") == 0 ? "a BYE to count"
            : "a frame of another kind";
    return 0;
}

/* Judges the next frame in held[parsed..held_len): held (and skipped), more bytes needed, or hand over. */
static enum verdict judge_next(const char **why) {
    const char *at = held + parsed;
    size_t avail = held_len - parsed;
    const char *newline = memchr(at, '\n', avail < MAX_HEADER ? avail : MAX_HEADER);
    if (newline == NULL) {
        *why = "bytes that are not a frame header";
        return avail < MAX_HEADER ? NEED_MORE : HAND_OVER;
    }
    size_t line = (size_t) (newline - at);
    struct header h;
    if (!parse_header(at, line, &h)) {
        *why = "bytes that are not a frame header";
        return HAND_OVER;
    }
    if (avail < line + 1 + (size_t) h.length) {
        *why = "a frame cut off";
        return NEED_MORE;
    }
    if (!harmless(&h, newline + 1, why)) {
        return HAND_OVER;
    }
    parsed += line + 1 + (size_t) h.length;
    return HOLD;
}

/*
 * The application's JVM as the command names it for the Java sidecar (--pid PID --cwd DIR [--error-file PATTERN]);
 * NULLs for what it does not name.
 */
struct app {
    const char *pid;
    const char *cwd;
    const char *error_file;
};

/*
 * The JVM's -XX:ErrorFile path as HotSpot expands it (and the Java sidecar's FatalErrorLogs): %p is the pid, %% a
 * percent sign, any other % stays; a relative path is relative to the JVM's working directory. 0 if it does not fit.
 */
static int error_file_path(const struct app *app, char *path, size_t size) {
    size_t n = 0;
    if (app->error_file[0] != '/') {
        int w = snprintf(path, size, "%s/", app->cwd);
        if (w < 0 || (size_t) w >= size) {
            return 0;
        }
        n = (size_t) w;
    }
    for (const char *p = app->error_file; *p != '\0'; p++) {
        const char *piece = p;
        size_t length = 1;
        if (p[0] == '%' && p[1] == 'p') {
            piece = app->pid;
            length = strlen(app->pid);
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            p++;
        }
        if (n + length >= size) {
            return 0;
        }
        memcpy(path + n, piece, length);
        n += length;
    }
    path[n] = '\0';
    return 1;
}

/*
 * Whether a JVM that never wrote left a fatal error log where HotSpot puts one: its -XX:ErrorFile path when the
 * command names one, then its working directory, then /tmp. That log is the one thing the Java sidecar would count
 * for it. Written before the JVM dies, so before its end of the pipe closes. Any file of that name will do; Java
 * checks its age.
 */
static int fatal_log_left(const struct app *app) {
    char path[4096];
    if (app->pid == NULL || app->cwd == NULL) {
        return app->pid != NULL;  /* named but not where: let Java decide */
    }
    if (app->error_file != NULL && app->error_file[0] != '\0' && error_file_path(app, path, sizeof path)
            && access(path, F_OK) == 0) {
        return 1;
    }
    snprintf(path, sizeof path, "%s/hs_err_pid%s.log", app->cwd, app->pid);
    if (access(path, F_OK) == 0) {
        return 1;
    }
    snprintf(path, sizeof path, "/tmp/hs_err_pid%s.log", app->pid);
    return access(path, F_OK) == 0;
}

/*
 * Why the end of the pipe needs Java: a frame cut off, a JVM that wrote and did not say BYE, or no frame at all from
 * a JVM the command names that left a fatal error log (it died before its hello); NULL if none. A JVM that exits
 * while its agent is still starting the sidecar writes nothing either: that alone starts no Java.
 */
static const char *end_needs_java(const struct app *app) {
    if (parsed < held_len) {
        return "a frame cut off by the end of the pipe";
    }
    if (jvm_count == 0 && fatal_log_left(app)) {
        return "a fatal error log from a JVM that never wrote";
    }
    for (int i = 0; i < jvm_count; i++) {
        if (!jvms[i].bye) {
            return "the end of the pipe without BYE";
        }
    }
    return NULL;
}

static int write_all(int fd, const char *bytes, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, bytes, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return -1;
        }
        bytes += w;
        n -= (size_t) w;
    }
    return 0;
}

/* Starts the command with a new pipe as its stdin; returns the pipe's write end, or -1. */
static int start_sidecar(char **command, const char *why) {
    int fds[2];
    if (pipe(fds) != 0) {
        note("cannot make a pipe for the Java sidecar (needed for %s): %s", why, strerror(errno));
        return -1;
    }
    pid_t child = fork();
    if (child < 0) {
        note("cannot start the Java sidecar (needed for %s): %s", why, strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (child == 0) {
        signal(SIGPIPE, SIG_DFL);
        if (dup2(fds[0], 0) < 0) {
            _exit(127);
        }
        close(fds[0]);
        close(fds[1]);
        execvp(command[0], command);
        note("cannot run %s (needed for %s): %s", command[0], why, strerror(errno));
        _exit(127);
    }
    close(fds[0]);
#ifdef F_SETPIPE_SZ
    /* While Java boots, the application's crash record waits in this pipe and the FIFO: a default pipe (64 KiB)
       could fill with a deep stack trace and block the dying thread's bounded write. Best effort. */
    fcntl(fds[1], F_SETPIPE_SZ, JAVA_PIPE_SIZE);
#endif
    return fds[1];
}

/* Starts the Java sidecar, gives it what was held, then copies stdin to it until the end of the pipe. */
static int hand_over(char **command, const char *why) {
    int to = start_sidecar(command, why);
    if (to < 0) {
        return 1;
    }
    if (write_all(to, held, held_len) != 0) {
        note("the Java sidecar stopped reading: %s", strerror(errno));
        return 1;
    }
    char *chunk = held;  /* everything held is Java's now: reuse the buffer */
    while (1) {
        ssize_t n = read(0, chunk, COPY_CHUNK);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        if (write_all(to, chunk, (size_t) n) != 0) {
            note("the Java sidecar stopped reading: %s", strerror(errno));
            return 1;
        }
    }
    close(to);
    return 0;
}

/* Reads and judges the pipe until it ends (0: nothing to do) or needs Java (the reason in *why). */
static int watch(const struct app *app, const char **why) {
    while (1) {
        enum verdict v = HOLD;
        while (parsed < held_len && (v = judge_next(why)) == HOLD) {
        }
        if (parsed < held_len && v == HAND_OVER) {
            return 1;
        }
        if (held_len == HOLD_MAX) {
            *why = "more held than the relay keeps";
            return 1;
        }
        ssize_t n = read(0, held + held_len, HOLD_MAX - held_len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            *why = end_needs_java(app);
            return *why != NULL;
        }
        held_len += (size_t) n;
    }
}

int main(int argc, char **argv) {
    /* A Ctrl-C hits the whole process group: the relay must outlive its JVM, as the Java sidecar does. */
    signal(SIGINT, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        fprintf(stderr, "usage: crashwatch-relay JAVA [ARGS...] (the Java sidecar's command)\n");
        return 2;
    }
    struct app app = {NULL, NULL, NULL};
    for (int i = 2; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--pid") == 0) {
            app.pid = argv[i + 1];
        } else if (strcmp(argv[i], "--cwd") == 0) {
            app.cwd = argv[i + 1];
        } else if (strcmp(argv[i], "--error-file") == 0) {
            app.error_file = argv[i + 1];
        }
    }
    const char *why = NULL;
    if (!watch(&app, &why)) {
        return 0;
    }
    return hand_over(argv + 1, why);
}
