/*
 * held: what both native helpers share (docs/native.md, "What the helpers share"): the CW1 bytes they hold for the
 * Java watchdog and the judgement, from frame headers only, of whether anything in them needs it.
 */
#ifndef CRASHWATCH_HELD_H
#define CRASHWATCH_HELD_H

#include <stddef.h>

#define MAGIC "CW1"         /* Wire.MAGIC */
#define MAX_HEADER 96       /* Wire.MAX_HEADER: a header line, its newline included, is at most this long */
#define MAX_FRAME 4096      /* Wire.MAX_FRAME */
#define HELLO "HELLO"       /* Wire.HELLO */
#define CRASH "CRASH"       /* Wire.CRASH */
#define BYE "BYE"           /* Wire.BYE */
#define HANDLER_REPLACED "handlerReplaced" /* Wire.KEY_HANDLER_REPLACED: "=false" in a BYE asks for nothing */
#define HOLD_MAX (1 << 20)  /* bytes held in memory */
#define RUNS_JOURNAL "runs.journal" /* RunsJournal.FILE */
#define RUN_LINE_MAX (256 << 10)    /* longest runs journal line written; a longer hello is not journaled */
#define MAX_KIND 16         /* letters in a frame kind */

/* One frame: its header CW1 <pid> <kind> <record> <part> <more> <length>, and where it lies in the bytes. */
struct frame {
    long pid;
    char kind[MAX_KIND + 1];
    long record;
    long part;
    int more;
    long length;
    size_t at;        /* the header's first byte */
    size_t size;      /* the header line and the payload */
};

/* The application's JVM as a helper knows it without a word from it: its pid, working directory, -XX:ErrorFile. */
struct app {
    const char *pid;
    const char *cwd;
    const char *error_file;
};

/* The held bytes: held[0..held_len), of which held[0..held_parsed) are whole frames judged harmless. */
extern char held[HOLD_MAX];
extern size_t held_len;
extern size_t held_parsed;

/*
 * Judges the frames held so far: NULL while all of them (and the start of the next) can be held; else why the Java
 * watchdog is needed (a crash record, bytes that are not a frame...). Once it says why, later calls may too.
 */
const char *held_judge(void);

/*
 * Why the end of the pipe needs Java, given what was held (a frame cut off, a JVM that wrote and did not say BYE, or
 * no frame at all from the JVM `app` names when it left a fatal error log); NULL if nothing does.
 */
const char *held_end_needs_java(const struct app *app);

/* Whether any JVM was heard from at all. */
int held_heard_any(void);

/*
 * Whether the JVM `app` names left a fatal error log where HotSpot puts one: its -XX:ErrorFile path when known, else
 * hs_err_pid<PID>.log in its working directory or in /tmp.
 */
int fatal_log_left(const struct app *app);

/*
 * Appends one line to `store`/runs.journal for each JVM whose whole hello is held (docs/store.md, "The runs journal"):
 * the time, then the hello's key=value lines, each after a tab. For a run that needs no Java half: the Java watchdog
 * journals the runs it concludes itself. Best effort: a journal that cannot be written costs one run's count.
 */
void held_journal_runs(const char *store);

/*
 * The first whole frame in bytes[*at..n), into *f; 0 when there is none. A line that is not a frame header is
 * skipped up to the next line that starts one (a resync, so looser than the Java reader's: callers only pick out
 * records Java also reads). *at moves past the frame.
 */
int held_next_frame(const char *bytes, size_t n, size_t *at, struct frame *f);

/* write(2) until all of it is written; -1 on an error. */
int write_all(int fd, const char *bytes, size_t n);

#endif
