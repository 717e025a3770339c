/*
 * held.c: the CW1 bytes a native helper holds, and whether they need the Java watchdog (held.h). Frame headers are
 * parsed as strictly as the Java reader (pipe/FrameHeader); payloads are never parsed beyond a plain BYE's.
 */
#define _GNU_SOURCE /* memmem */
#include "held.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_JVMS 16         /* JVMs tracked on one pipe (one, in practice); more goes to Java */

/* What one JVM (pid) has written so far. */
struct jvm {
    long pid;
    int bye;          /* said BYE: an orderly exit */
    int open;         /* a HELLO record is waiting for its next part */
    long record;      /* the open record's number */
    long next_part;   /* the part the open record expects next */
};

char held[HOLD_MAX];
size_t held_len;
size_t held_parsed;
static struct jvm jvms[MAX_JVMS];
static int jvm_count;

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
static int parse_header(const char *line, size_t n, struct frame *h) {
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
    if (count != 7 || size[0] != strlen(MAGIC) || memcmp(field[0], MAGIC, size[0]) != 0 || size[2] == 0
            || size[2] > MAX_KIND) {
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
    static const char line[] = HANDLER_REPLACED "=false\n";
    const long size = (long) sizeof line - 1;
    for (long at = 0; at < length; at += size) {
        if (length - at < size || memcmp(payload + at, line, (size_t) size) != 0) {
            return 0;
        }
    }
    return 1;
}

/* Whether a whole frame can be held rather than handed over; notes what it says of its JVM. */
static int harmless(const struct frame *h, const char *payload, const char **why) {
    struct jvm *j = jvm_of(h->pid);
    if (j == NULL) {
        *why = "too many JVMs on one pipe";
        return 0;
    }
    if (j->bye && strcmp(h->kind, HELLO) != 0) {
        *why = "a frame after BYE";  /* a hello may come after the bye of a JVM that exits at once */
        return 0;
    }
    if (j->open && (h->record != j->record || h->part != j->next_part || strcmp(h->kind, HELLO) != 0)) {
        *why = "a record interrupted";
        return 0;
    }
    if (!j->open && h->part != 0) {
        *why = "a record without its first part";
        return 0;
    }
    if (strcmp(h->kind, HELLO) == 0) {
        j->open = h->more;
        j->record = h->record;
        j->next_part = h->part + 1;
        return 1;
    }
    if (strcmp(h->kind, BYE) == 0 && !h->more && plain_bye(payload, h->length)) {
        j->bye = 1;
        return 1;
    }
    *why = strcmp(h->kind, CRASH) == 0 ? "a crash record" : strcmp(h->kind, BYE) == 0 ? "a BYE to count"
            : "a frame of another kind";
    return 0;
}

const char *held_judge(void) {
    while (held_parsed < held_len) {
        const char *at = held + held_parsed;
        size_t avail = held_len - held_parsed;
        const char *newline = memchr(at, '\n', avail < MAX_HEADER ? avail : MAX_HEADER);
        if (newline == NULL) {
            return avail < MAX_HEADER ? NULL : "bytes that are not a frame header";
        }
        size_t line = (size_t) (newline - at);
        struct frame h;
        if (!parse_header(at, line, &h)) {
            return "bytes that are not a frame header";
        }
        if (avail < line + 1 + (size_t) h.length) {
            return NULL;  /* the rest of the frame is still to come */
        }
        const char *why = NULL;
        if (!harmless(&h, newline + 1, &why)) {
            return why;
        }
        held_parsed += line + 1 + (size_t) h.length;
    }
    return NULL;
}

int held_next_frame(const char *bytes, size_t n, size_t *at, struct frame *f) {
    static const char start[] = "\n" MAGIC " ";
    while (*at < n) {
        const char *line = bytes + *at;
        size_t avail = n - *at;
        const char *newline = memchr(line, '\n', avail < MAX_HEADER ? avail : MAX_HEADER);
        if (newline != NULL && parse_header(line, (size_t) (newline - line), f)) {
            f->at = *at;
            f->size = (size_t) (newline - line) + 1 + (size_t) f->length;
            if (f->size > avail) {
                return 0;  /* cut off by the end */
            }
            *at += f->size;
            return 1;
        }
        const char *next = memmem(line, avail, start, sizeof start - 1);
        if (next == NULL) {
            *at = n;
            return 0;
        }
        *at += (size_t) (next - line) + 1;
    }
    return 0;
}

int held_heard_any(void) {
    return jvm_count > 0;
}

/*
 * The JVM's -XX:ErrorFile path as HotSpot expands it (and the Java watchdog's FatalErrorLogs): %p is the pid, %% a
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

/* Written before the JVM dies, so before its end of the pipe closes. Any file of that name will do; Java checks it. */
int fatal_log_left(const struct app *app) {
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
 * A JVM that exits while its agent is still starting writes nothing either: a silent end alone needs no Java.
 */
const char *held_end_needs_java(const struct app *app) {
    if (held_parsed < held_len) {
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

/* The runs journal line of JVM `pid` from the held frames, into line[0..size); its length, or 0 without a whole hello. */
static size_t run_line(long pid, char *line, size_t size) {
    int n = snprintf(line, size, "%lld", (long long) time(NULL));
    size_t len = n > 0 ? (size_t) n : 0;
    int whole = 0;
    for (size_t at = 0; at < held_parsed;) {
        const char *newline = memchr(held + at, '\n', held_parsed - at);
        struct frame h;
        if (newline == NULL || !parse_header(held + at, (size_t) (newline - held - at), &h)) {
            return 0;
        }
        const char *payload = newline + 1;
        if (h.pid == pid && strcmp(h.kind, HELLO) == 0) {
            for (long b = 0; b < h.length; b++) {
                if (len + 2 >= size) {
                    return 0;
                }
                if (len > 0 && line[len - 1] != '\t' && (b == 0 && h.part == 0)) {
                    line[len++] = '\t';
                }
                line[len++] = payload[b] == '\n' ? '\t' : payload[b];
            }
            whole = !h.more;
        }
        at = (size_t) (payload - held) + (size_t) h.length;
    }
    while (len > 0 && line[len - 1] == '\t') {
        len--;
    }
    if (!whole) {
        return 0;
    }
    line[len++] = '\n';
    return len;
}

void held_journal_runs(const char *store) {
    static char line[RUN_LINE_MAX];
    char path[4096];
    if (jvm_count == 0 || snprintf(path, sizeof path, "%s/" RUNS_JOURNAL, store) >= (int) sizeof path) {
        return;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        return;
    }
    for (int i = 0; i < jvm_count; i++) {
        size_t n = run_line(jvms[i].pid, line, sizeof line);
        if (n > 0) {
            write_all(fd, line, n);  /* one write: O_APPEND keeps concurrent runs' lines whole */
        }
    }
    close(fd);
}

int write_all(int fd, const char *bytes, size_t n) {
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
