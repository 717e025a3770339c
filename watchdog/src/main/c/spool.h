/*
 * spool: the crash records a native helper holds, written to the store's spool in the agent's format before the
 * Java watchdog is started (docs/native.md; docs/protocol.md, "The spool"), so that a Java watchdog killed before it
 * counts loses none of them: the next watchdog counts the spool, each record once (by its ID). Both helpers use it:
 * crashwatch-run when its child is gone, crashwatch-relay at its hand-over. Also the rule by which a helper trusts a
 * directory of the store.
 */
#ifndef CRASHWATCH_SPOOL_H
#define CRASHWATCH_SPOOL_H

#include <stddef.h>

#define SPOOL_DIR "spool"                   /* Spool.DIR */
#define SPOOL_SUFFIX ".cw1"                 /* Spool.SUFFIX */
#define SPOOL_TEMP_PREFIX "."               /* Spool.TEMP_PREFIX */
#define SPOOL_TEMP_SUFFIX ".tmp"            /* Spool.TEMP_SUFFIX */
#define START_MILLIS "startMillis"          /* Wire.KEY_START_MILLIS */
#define SPOOLED_OPTION "--spooled"          /* SpooledCrashes.OPTION */
#define MAX_SPOOLED 64                      /* crash records spooled per hand-over; more: the pipe only */
#define SPOOL_NAME_MAX 80

/* The crash records a helper wrote to the store's spool (Spool's file names), for the Java watchdog it starts. */
struct spooled {
    int count;
    char names[MAX_SPOOLED][SPOOL_NAME_MAX];
};

/*
 * A directory this user may trust (docs/native.md): not a symbolic link (lstat), owned by this user, writable by
 * no one else. A `private` one (the run directories' parent, the spool) is made 0700 when it is this user's but
 * looser. Else errno says why not.
 */
int trusted(const char *dir, int private);

/* The store's spool directory into dir[0..size) (made 0700 if missing); 1 when it is trusted (trusted(dir, 1)). */
int spool_dir(const char *store, char *dir, size_t size);

/*
 * Writes the crash records in bytes[0..n) to `store`'s spool (up to MAX_SPOOLED), each with its JVM's hello, their
 * names into sp. Best effort: a record that cannot be written (a full disk) is not named. `sidecar`: the agent may
 * spool records too (sidecar mode), so only whole records of a JVM whose hello (and so startMillis) is held are
 * written, and none the agent has spooled or is spooling (its file or temporary file is there): that one counts by
 * the agent's copy. Otherwise (the launcher, at the end of its run) cut records are written as they came too.
 */
void spool_crashes(const char *store, const char *bytes, size_t n, int sidecar, struct spooled *sp);

/* Whether bytes[0..n) hold the start of a crash record whose last part has not come yet. */
int spool_crash_open(const char *bytes, size_t n);

#endif
