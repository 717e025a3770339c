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
 * until its end, and exits. The Java sidecar then counts exactly as if it had read the crash pipe itself. Before it
 * starts the Java sidecar, it writes each whole crash record it holds to the store's spool (spool.c; a record still
 * arriving in parts is waited for, up to the agent's own budget for writing it) and names them to the Java sidecar
 * (--spooled NAME), which counts them by their spooled copies: a Java sidecar killed while it boots loses none of
 * them, the next watchdog counts the spool. Whatever the relay is unsure of goes to Java, which never fails on its
 * input. Only trouble is written, on stderr (the store's log/sidecar.log): the Java sidecar could not be started, or
 * stopped reading.
 */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "held.h"
#include "spool.h"

#define COPY_CHUNK 65536
#define JAVA_PIPE_SIZE (1 << 20) /* room for a long crash record while the Java sidecar boots */
#define RECORD_WAIT_MILLIS 700   /* Agent.CRASH_BUDGET_MILLIS: a crash record not written by then the agent spools */

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
        if ((*why = held_judge()) != NULL) {
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
            *why = held_end_needs_java(app);
            return *why != NULL;
        }
        held_len += (size_t) n;
    }
}

static long long now_millis(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/*
 * While a crash record held is still arriving in parts, keeps reading (no more than HOLD_MAX held, no longer than
 * the agent takes to write one), so that it can be spooled whole: a cut copy would count as malformed.
 */
static void await_whole_crashes(void) {
    long long until = now_millis() + RECORD_WAIT_MILLIS;
    while (held_len < HOLD_MAX && spool_crash_open(held, held_len)) {
        long long left = until - now_millis();
        struct pollfd in = {0, POLLIN, 0};
        if (left <= 0 || (poll(&in, 1, (int) left) < 0 && errno != EINTR)) {
            return;
        }
        if (in.revents == 0) {
            continue;
        }
        ssize_t n = read(0, held + held_len, HOLD_MAX - held_len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        held_len += (size_t) n;
    }
}

/*
 * Spools the whole crash records held (spool.h, as the agent may spool too) and returns the Java sidecar's command:
 * `command` with --spooled NAME for each, so that it counts them by their spooled copies. With no crash record held,
 * `command` as it is, at the cost of one look at the frame headers.
 */
static char **spool_for_java(char **command, int count, const char *store) {
    static struct spooled sp;
    if (store == NULL) {
        return command;
    }
    await_whole_crashes();
    spool_crashes(store, held, held_len, 1, &sp);
    if (sp.count == 0) {
        return command;
    }
    char **argv = calloc((size_t) count + 2 * (size_t) sp.count + 1, sizeof *argv);
    if (argv == NULL) {
        return command;  /* not named: Java counts the pipe's copy and a spooled one as one (the agent's rule) */
    }
    memcpy(argv, command, (size_t) count * sizeof *argv);
    for (int i = 0; i < sp.count; i++) {
        argv[count + 2 * i] = SPOOLED_OPTION;
        argv[count + 2 * i + 1] = sp.names[i];
    }
    return argv;
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
    const char *store = NULL;
    for (int i = 2; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--dir") == 0) {
            store = argv[i + 1];
        } else if (strcmp(argv[i], "--pid") == 0) {
            app.pid = argv[i + 1];
        } else if (strcmp(argv[i], "--cwd") == 0) {
            app.cwd = argv[i + 1];
        } else if (strcmp(argv[i], "--error-file") == 0) {
            app.error_file = argv[i + 1];
        }
    }
    const char *why = NULL;
    if (!watch(&app, &why)) {
        if (store != NULL) {
            held_journal_runs(store);  /* a run that needs no Java sidecar is counted by one append */
        }
        return 0;
    }
    return hand_over(spool_for_java(argv + 1, argc - 1, store), why);
}
