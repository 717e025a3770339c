/*
 * launch: `crashwatch run` in C (docs/native.md, "crashwatch-run"), shared by the two programs that do it:
 * crashwatch-run (the script's native launcher) and crashwatch-entry (an installation's bin/crashwatch, which runs
 * it in its own process). No JVM of crashwatch's own runs while the child runs.
 *
 * It creates the run's private directory and crash pipe (FIFO) in the store, starts the child with the agent
 * attached, forwards SIGINT, SIGTERM, SIGHUP and SIGQUIT to it, and holds what the agent writes (held.c: bytes kept,
 * frame headers judged, memory bounded; past HOLD_MAX they go to an unlinked file in the run directory). Once the
 * child is gone it starts the Java half (launch.WatchMain) only when there is something to record - a crash record,
 * anything unreadable, a JVM that did not say BYE, an abnormal death with no word at all - detached, with what was
 * held as its stdin and the child's status in its arguments, and does not wait for it. Then it removes the run
 * directory and ends as the child did: the same exit status, or killed by the same signal (no core dump of its own).
 * It never parses a crash or touches a counter: that is the Java half's work.
 *
 * JVM... (launch.h) is the watchdog's java command up to its main class. Anything this code does not handle itself
 * (a usage error, an odd label or path) goes to the Java `run` command, exec'd as JVM... dev.crashwatch.watchdog.cli.Main
 * run ARGS..., which says what is wrong.
 */
#define _GNU_SOURCE /* ppoll */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "held.h"
#include "launch.h"
#include "spool.h"

extern char **environ;

#define CLI_MAIN "dev.crashwatch.watchdog.cli.Main"            /* cli.Main */
#define WATCH_MAIN "dev.crashwatch.watchdog.launch.WatchMain"  /* launch.WatchMain */
#define TOOL_OPTIONS "JAVA_TOOL_OPTIONS"                        /* ChildCommand.TOOL_OPTIONS */
#define CHILD_TOOL_OPTIONS "CRASHWATCH_CHILD_TOOL_OPTIONS"      /* ChildCommand.USERS_TOOL_OPTIONS */
#define PIPE_ENV "CRASHWATCH_PIPE"                              /* AgentOptions.PIPE_ENV */
#define PIPE_FROM_ENV "$" PIPE_ENV                              /* AgentOptions.PIPE_FROM_ENV */
#define PIPE_KEY "pipeKey"                                      /* AgentOptions.PIPE_KEY */
#define DIR_ENV "CRASHWATCH_DIR"                                /* StoreDir.DIR_ENV */
#define MODE_ENV "CRASHWATCH_MODE"                              /* StoreDir.MODE_ENV */
#define MODE_FILE "mode"                                        /* StoreDir.MODE_FILE */
#define MODE_OFF "off"                                          /* StoreDir.OFF */
#define STORE_NAME "crashwatch"                                 /* StoreDir.NAME */
#define RUN_DIR "run"                                           /* Store.RUN */
#define FIFO_NAME "crash.pipe"                                  /* Fifo.NAME */
#define SPILL_NAME "held"                                       /* the run's spill file, unlinked when made */
#define SPILL_MAX (64 << 20)                                    /* bytes kept past HOLD_MAX */
#define PENDING_PREFIX "run-"                                   /* PendingRun.PREFIX */
#define PENDING_SUFFIX ".pending"                               /* PendingRun.SUFFIX */
#define PENDING_MAGIC "crashwatch-pending-run 1"                /* PendingRun.MAGIC */
#define PENDING_OPTION "--pending"                              /* PendingRun.OPTION */
#define PENDING_HALF "half="                                    /* PendingRun.HALF */
#define PENDING_ENDED "ended="                                  /* PendingRun.ENDED */
#define PENDING_CWD "cwd="                                      /* PendingRun.CWD */
#define PENDING_ENV "env="                                      /* PendingRun.ENV */
#define PENDING_ARG "arg="                                      /* PendingRun.ARG */
#define JDK_OPTIONS "JDK_JAVA_OPTIONS"                          /* PendingRun.CHILD_ENV */
#define LAST_OPTIONS "_JAVA_OPTIONS"                            /* PendingRun.CHILD_ENV */
#define TOOL_JVM_OPTION "-J"                                 /* JdkTool.JVM_OPTION */
#define TOOL_ENGINE_OPTION "-R"                              /* JdkTool.ENGINE_OPTION */
#define JSHELL "jshell"                                      /* JdkTool.JSHELL */
#define JDK_RELEASE "release"                                /* JdkTool.RELEASE */
#define ARCHIVE_AT_EXIT "-XX:ArchiveClassesAtExit="          /* HotSpot's option: the script's training run */
#define CANNOT_START 127
#define WHITE " \t\n\r\f\v"

static const int FORWARDED[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#define NFORWARDED (sizeof FORWARDED / sizeof FORWARDED[0])

struct run {
    const char *agent;
    char **jvm;       /* the watchdog's java command, up to its main class */
    int njvm;
    char **args;      /* what `crashwatch run` was given */
    int nargs;
    const char *program;
    const char *version;
    char **cmd;       /* the child's command, NULL-terminated (it ends argv) */
    char *users_tool_options; /* the user's JAVA_TOOL_OPTIONS (NULL: unset), before the agent's is added */
    int archiving;    /* the Java half writes a class-data archive at its exit: wait for it */
    const char *store; /* the store: its runs journal counts the runs that need no Java half */
};

/* What the run holds for the Java half: held[] (held.c), then, past HOLD_MAX, an unlinked file in the run dir. */
struct keep {
    const char *dir;
    int spill;        /* the spill file, or -1 */
    size_t spilled;   /* bytes in it */
    const char *why;  /* why the Java half is needed; NULL while nothing is */
};

static volatile sig_atomic_t child_pid;

static void *must(void *p) {
    if (p == NULL) {
        perror("crashwatch run");
        exit(CANNOT_START);
    }
    return p;
}

static char *join(const char *a, const char *b, const char *c) {
    char *s = must(malloc(strlen(a) + strlen(b) + strlen(c) + 1));
    return strcat(strcat(strcpy(s, a), b), c);
}

static int blank(const char *s) {
    return s[strspn(s, WHITE)] == '\0';
}

static int starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* True when a value can be written in the agent's option syntax (AgentOption.plain). */
static int plain(const char *value, int is_value) {
    return value == NULL || (strchr(value, ',') == NULL && strchr(value, '\n') == NULL
                             && (is_value || strchr(value, '=') == NULL));
}

/*
 * JAVA_TOOL_OPTIONS are the child's: kept off a watchdog JVM about to be exec'd, the user's are handed to it as
 * CRASHWATCH_CHILD_TOOL_OPTIONS (as the crashwatch script does for the Java launcher), which gives them back to the
 * child (launch/ChildCommand) or reads the child's -XX:ErrorFile in them (launch/WatchMain).
 */
static void hand_over_tool_options(const char *users) {
    if (users != NULL) {
        setenv(CHILD_TOOL_OPTIONS, users, 1);
    } else {
        unsetenv(CHILD_TOOL_OPTIONS);
    }
    unsetenv(TOOL_OPTIONS);
    unsetenv(PIPE_ENV);
}

/* Hands the whole command line to the Java `run` command, which reports what is wrong or does the run itself. */
static void java_run(const struct run *r) {
    char **argv = must(calloc(r->njvm + r->nargs + 3, sizeof *argv));
    int n = 0;
    for (int i = 0; i < r->njvm; i++) {
        argv[n++] = r->jvm[i];
    }
    argv[n++] = CLI_MAIN;
    argv[n++] = "run";
    for (int i = 0; i < r->nargs; i++) {
        argv[n++] = r->args[i];
    }
    hand_over_tool_options(getenv(TOOL_OPTIONS));
    execvp(argv[0], argv);
    fprintf(stderr, "crashwatch run: cannot run %s: %s\n", argv[0], strerror(errno));
    exit(CANNOT_START);
}

/* Reads the run arguments as RunCommand does; anything unusual goes to the Java command. */
static void parse(const char *agent, char **jvm, int njvm, char **args, int nargs, struct run *r) {
    r->agent = agent;
    r->jvm = jvm;
    r->njvm = njvm;
    r->args = args;
    r->nargs = nargs;
    int i = 0;
    while (i < r->nargs && starts_with(r->args[i], "--")) {
        const char *a = r->args[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        int program = strcmp(a, "--program") == 0;
        if ((!program && strcmp(a, "--version") != 0) || i + 1 >= r->nargs || blank(r->args[i + 1])
                || starts_with(r->args[i + 1], "--")) {
            java_run(r);
        }
        *(program ? &r->program : &r->version) = r->args[i + 1];
        i += 2;
    }
    if (i >= r->nargs || !plain(r->program, 1) || !plain(r->version, 1) || !plain(r->agent, 0)) {
        java_run(r);
    }
    struct stat st;
    if (stat(r->agent, &st) != 0 || !S_ISREG(st.st_mode)) {
        java_run(r);
    }
    r->cmd = r->args + i;
    for (int j = 0; j < r->njvm; j++) {
        r->archiving |= starts_with(r->jvm[j], ARCHIVE_AT_EXIT);
    }
    char *tool = getenv(TOOL_OPTIONS);
    r->users_tool_options = tool != NULL ? must(strdup(tool)) : NULL;
}

static char *home_dir(void) {
    struct passwd *pw = getpwuid(getuid());
    if (pw != NULL && pw->pw_dir != NULL && *pw->pw_dir) {
        return pw->pw_dir;
    }
    char *home = getenv("HOME");
    return home != NULL ? home : "?";
}

/* The store directory, as the agent's StoreDir resolves it. */
static char *store_dir(void) {
    char *dir = getenv(DIR_ENV);
    if (dir != NULL && !blank(dir)) {
        if (dir[0] == '/') {
            return dir;
        }
        char *cwd = must(getcwd(NULL, 0));
        return join(cwd, "/", dir);
    }
#ifdef __APPLE__
    return join(home_dir(), "/Library/Application Support/", STORE_NAME);
#else
    char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg != NULL && !blank(xdg) && xdg[0] == '/') {
        return join(xdg, "/", STORE_NAME);
    }
    return join(home_dir(), "/.config/", STORE_NAME);
#endif
}

/* The first word of s (leading white space skipped), cut in place. */
static char *first_word(char *s) {
    s += strspn(s, WHITE);
    s[strcspn(s, WHITE)] = '\0';
    return s;
}

/*
 * Mode off, as StoreDir reads it: CRASHWATCH_MODE, trimmed, when it is not blank, else the first word of
 * <store>/mode (never a link).
 */
static int mode_off(const char *store) {
    char buf[256];
    char *env = getenv(MODE_ENV);
    if (env != NULL && !blank(env)) {
        char *value = must(strdup(env + strspn(env, WHITE)));
        size_t n = strlen(value);
        while (n > 0 && strchr(WHITE, value[n - 1]) != NULL) {
            value[--n] = '\0';
        }
        return strcmp(value, MODE_OFF) == 0;  /* the whole value, trimmed, as StoreDir reads it */
    }
    char *path = join(store, "/", MODE_FILE);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    free(path);
    if (fd < 0) {
        return 0;
    }
    struct stat st;
    ssize_t n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, buf, sizeof buf - 1) : 0;
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    return strcmp(first_word(buf), MODE_OFF) == 0;
}

/* mkdir -p with 0700 for the directories it creates. */
static int directories(char *dir) {
    struct stat st;
    if (lstat(dir, &st) == 0) {
        return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
    }
    char *slash = strrchr(dir, '/');
    if (slash != NULL && slash != dir) {
        *slash = '\0';
        int parent = directories(dir);
        *slash = '/';
        if (parent != 0) {
            return -1;
        }
    }
    return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

/*
 * Removes the run directories whose launcher is gone (killed before it could clean up): each is named
 * <pid>-<random> after the launcher that made it. A FIFO still open in a child keeps working when its name is gone;
 * a directory whose name does not start with a pid is left alone. unlink and rmdir never follow a link.
 */
static void sweep_stale_run_dirs(const char *runs) {
    DIR *d = opendir(runs);
    if (d == NULL) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (pid <= 0 || *end != '-' || pid == (long) getpid() || kill((pid_t) pid, 0) == 0 || errno != ESRCH) {
            continue;
        }
        char *dir = join(runs, "/", e->d_name);
        char *pipe = join(dir, "/", FIFO_NAME);
        unlink(pipe);
        rmdir(dir);
        free(pipe);
        free(dir);
    }
    closedir(d);
}

/*
 * Creates <store>/run/<pid>-<random> (0700, never an existing one) and the FIFO crash.pipe (0600) in it, after
 * checking that the store and its run directory are this user's alone and sweeping out the run directories of
 * launchers that are gone.
 */
static int make_run_dir(char *store, char **dir, char **fifo) {
    char *runs = join(store, "/", RUN_DIR);
    if (directories(runs) != 0 || !trusted(store, 0) || !trusted(runs, 1)) {
        return -1;
    }
    sweep_stale_run_dirs(runs);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    unsigned long long x = (unsigned long long) now.tv_nsec ^ ((unsigned long long) now.tv_sec << 30)
                           ^ ((unsigned long long) getpid() << 17);
    for (int attempt = 0; attempt < 100; attempt++) {
        x = (x ^ (x >> 31)) * 0x9e3779b97f4a7c15ULL + (unsigned long long) attempt;
        char name[40];
        snprintf(name, sizeof name, "/%ld-%016llx", (long) getpid(), x);
        *dir = join(runs, name, "");
        if (mkdir(*dir, 0700) == 0) {
            *fifo = join(*dir, "/", FIFO_NAME);
            if (mkfifo(*fifo, 0600) == 0) {
                return 0;
            }
            int e = errno;
            rmdir(*dir);
            errno = e;
            return -1;
        }
        if (errno != EEXIST) {
            return -1;
        }
        free(*dir);
    }
    return -1;
}

static void run_bare(const struct run *r) {
    execvp(r->cmd[0], r->cmd);
    fprintf(stderr, "crashwatch run: cannot run %s: %s\n", r->cmd[0], strerror(errno));
    exit(CANNOT_START);
}

/*
 * Writes the FIFO's identity as the agent reads it (wire.PipeKey: the JDK's file key, the device in hex and the
 * inode) into key[0..size), so that the agent opens it without checking its owner and directory again; 0 when it
 * cannot be had.
 */
static int pipe_key(const char *fifo, char *key, size_t size) {
    struct stat st;
    return lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode)
           && snprintf(key, size, "%llx:%lld", (unsigned long long) st.st_dev, (long long) st.st_ino) < (int) size;
}

/*
 * The agent option, as launch/AgentOption writes it; `pipe` is the FIFO's path or PIPE_FROM_ENV; `fifo`, when not
 * NULL, the FIFO whose key goes with it (not into JAVA_TOOL_OPTIONS, whose line the JVM prints on the child's stderr).
 */
static char *agent_option(const struct run *r, const char *pipe, const char *fifo) {
    char *s = join("-javaagent:", r->agent, "=pipe=");
    s = join(s, pipe, "");
    char key[64];
    if (fifo != NULL && pipe_key(fifo, key, sizeof key)) {
        s = join(s, "," PIPE_KEY "=", key);
    }
    if (r->program != NULL) {
        s = join(s, ",program=", r->program);
    }
    if (r->version != NULL) {
        s = join(s, ",version=", r->version);
    }
    return s;
}

/* True for java and .../bin/java (also java.exe), as launch/ChildCommand. */
static int is_java(const char *program) {
    const char *slash = strrchr(program, '/');
    const char *name = slash != NULL ? slash + 1 : program;
    return strcmp(name, "java") == 0 || strcmp(name, "java.exe") == 0;
}

/* The file execvp would run for program: a name with a slash as is, else the first executable file on PATH. */
static char *find_program(const char *program) {
    if (strchr(program, '/') != NULL) {
        return must(strdup(program));
    }
    const char *path = getenv("PATH");
    while (path != NULL) {
        const char *end = strchr(path, ':');
        size_t len = end != NULL ? (size_t) (end - path) : strlen(path);
        char *dir = must(strndup(len > 0 ? path : ".", len > 0 ? len : 1));
        char *candidate = join(dir, "/", program);
        free(dir);
        struct stat st;
        if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode) && access(candidate, X_OK) == 0) {
            return candidate;
        }
        free(candidate);
        path = end != NULL ? end + 1 : NULL;
    }
    return NULL;
}

/*
 * The tool's name when program is a JDK tool launcher other than java (javac, jshell, jar...), as launch/JdkTool
 * decides: found as execvp finds it, its real path is <home>/bin/<name> with <home>/bin/java and <home>/release
 * beside it. NULL otherwise (a script or a shim of that name elsewhere).
 */
static char *jdk_tool(const char *program) {
    if (is_java(program)) {
        return NULL;
    }
    char *found = find_program(program);
    char *real = found != NULL ? realpath(found, NULL) : NULL;
    free(found);
    char *slash = real != NULL ? strrchr(real, '/') : NULL;
    if (slash == NULL || slash - real < 4 || strncmp(slash - 4, "/bin", 4) != 0 || is_java(slash + 1)) {
        free(real);
        return NULL;
    }
    *slash = '\0';
    char *java = join(real, "/", "java");
    slash[-4] = '\0';
    char *release = join(real, "/", JDK_RELEASE);
    struct stat st;
    int jdk = access(java, X_OK) == 0 && stat(release, &st) == 0 && S_ISREG(st.st_mode);
    char *name = jdk ? must(strdup(slash + 1)) : NULL;
    free(java);
    free(release);
    free(real);
    return name;
}

/*
 * The child's argv: -javaagent with the FIFO's path right after a java program; after a JDK tool launcher as
 * -J-javaagent (and -R-javaagent for jshell's execution engine), which the launcher passes to its JVM; for anything
 * else the option goes in JAVA_TOOL_OPTIONS (which the JVM prints: "Picked up JAVA_TOOL_OPTIONS: ...") naming the
 * pipe by the variable CRASHWATCH_PIPE, so that no path of the store is in that line.
 */
static char **child_argv(const struct run *r, const char *fifo) {
    int n = 0;
    while (r->cmd[n] != NULL) {
        n++;
    }
    char **argv = must(calloc(n + 3, sizeof *argv));
    int k = 0;
    argv[k++] = r->cmd[0];
    char *tool = NULL;
    if (is_java(r->cmd[0])) {
        argv[k++] = agent_option(r, fifo, fifo);
    } else if ((tool = jdk_tool(r->cmd[0])) != NULL) {
        char *option = agent_option(r, fifo, fifo);
        argv[k++] = join(TOOL_JVM_OPTION, option, "");
        if (strcmp(tool, JSHELL) == 0) {
            argv[k++] = join(TOOL_ENGINE_OPTION, option, "");
        }
    } else {
        char *option = agent_option(r, PIPE_FROM_ENV, NULL);
        char *quoted = strchr(option, ' ') != NULL ? join("\"", option, "\"") : option;
        char *existing = r->users_tool_options;
        setenv(TOOL_OPTIONS, existing == NULL || blank(existing) ? quoted : join(existing, " ", quoted), 1);
        setenv(PIPE_ENV, fifo, 1);
    }
    for (int i = 1; i < n; i++) {
        argv[k++] = r->cmd[i];
    }
    return argv;
}

static void forward(int sig) {
    if (child_pid > 0) {
        kill((pid_t) child_pid, sig);
    }
}

static void child_changed(int sig) {
    (void) sig;  /* wakes ppoll; waitid says what happened */
}

static void handle(int sig, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* Moves what is held in memory to the spill file, made now (O_EXCL, never a link) and unlinked at once. */
static void spill(struct keep *k) {
    char *path = join(k->dir, "/", SPILL_NAME);
    k->spill = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (k->spill >= 0) {
        unlink(path);
        if (write_all(k->spill, held, held_len) == 0) {
            k->spilled = held_len;
        }
    }
    free(path);
    held_len = 0;
    held_parsed = 0;
    k->why = "more than the launcher keeps in memory";
}

/* Reads what the pipe has now (it is non-blocking) and judges it. */
static void take(int fd, struct keep *k) {
    static char chunk[65536];
    while (1) {
        if (k->spill < 0 && held_len == HOLD_MAX) {
            spill(k);
        }
        char *into = k->spill >= 0 ? chunk : held + held_len;
        size_t room = k->spill >= 0 ? sizeof chunk : HOLD_MAX - held_len;
        ssize_t n = read(fd, into, room);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        if (k->spill >= 0) {
            if (k->spilled + (size_t) n <= SPILL_MAX && write_all(k->spill, chunk, (size_t) n) == 0) {
                k->spilled += (size_t) n;
            }
        } else {
            held_len += (size_t) n;
            if (k->why == NULL) {
                k->why = held_judge();
            }
        }
    }
}

/*
 * Before the Java half starts: writes every crash record held (up to MAX_SPOOLED) to the store's spool, in the
 * agent's format (docs/protocol.md, "The spool"), so that a Java half killed before it records loses nothing: the
 * next watchdog of any kind counts the spool, each record once (by its ID). The Java half is told their names and
 * counts those records by the spooled copy too. Best effort: a record that cannot be spooled (a full disk) is
 * counted from the pipe's bytes, as before.
 */
static void spool_held_crashes(const char *store, const struct keep *k, struct spooled *sp) {
    const char *bytes = held;
    size_t n = held_len;
    void *mapped = MAP_FAILED;
    if (k->spill >= 0) {
        n = k->spilled;
        mapped = n > 0 ? mmap(NULL, n, PROT_READ, MAP_PRIVATE, k->spill, 0) : MAP_FAILED;
        bytes = mapped;
    }
    if (bytes != MAP_FAILED) {
        spool_crashes(store, bytes, n, 0, sp);
    }
    if (mapped != MAP_FAILED) {
        munmap(mapped, n);
    }
}

/*
 * The Java half's command: JVM... -Xrs WatchMain STATUS CHILD_PID STARTED_MILLIS [--program P] [--version V]
 * [--spooled NAME]... [--pending NAME] -- CMD ARGS... (STATUS as Process.exitValue() gives it; STARTED_MILLIS: the child's start, which bounds the search
 * for a fatal error log it left before saying hello; CMD ARGS...: the child's command as given, where Java reads its
 * -XX:ErrorFile).
 */
static char **watch_argv(const struct run *r, int status, pid_t child, long long started, struct spooled *sp,
                         const char *pending) {
    static char status_text[24];
    static char child_text[24];
    static char started_text[24];
    snprintf(status_text, sizeof status_text, "%d", status);
    snprintf(child_text, sizeof child_text, "%ld", (long) child);
    snprintf(started_text, sizeof started_text, "%lld", started);
    int ncmd = 0;
    while (r->cmd[ncmd] != NULL) {
        ncmd++;
    }
    char **argv = must(calloc(r->njvm + ncmd + 14 + 2 * (size_t) sp->count, sizeof *argv));
    int n = 0;
    for (int i = 0; i < r->njvm; i++) {
        argv[n++] = r->jvm[i];
    }
    argv[n++] = "-Xrs";
    argv[n++] = WATCH_MAIN;
    argv[n++] = status_text;
    argv[n++] = child_text;
    argv[n++] = started_text;
    if (r->program != NULL) {
        argv[n++] = "--program";
        argv[n++] = (char *) r->program;
    }
    if (r->version != NULL) {
        argv[n++] = "--version";
        argv[n++] = (char *) r->version;
    }
    for (int i = 0; i < sp->count; i++) {
        argv[n++] = SPOOLED_OPTION;
        argv[n++] = sp->names[i];
    }
    if (pending != NULL) {
        argv[n++] = PENDING_OPTION;
        argv[n++] = (char *) pending;
    }
    argv[n++] = "--";
    for (int i = 0; i < ncmd; i++) {
        argv[n++] = r->cmd[i];
    }
    return argv;
}

static long long now_millis(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (long long) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Writes one field of a pending run: key, value, NUL. */
static void pending_field(FILE *f, const char *key, const char *value) {
    fputs(key, f);
    fputs(value, f);
    fputc('\0', f);
}

/*
 * Writes the pending run `name` (launch.PendingRun, the owner of its format; docs/native.md, "Pending runs") into
 * the spool, by the process about to become the Java half (so `half=` is its pid): what that Java half needs to
 * finish the run - its arguments `args` after its main class, the child's working directory and JVM option
 * variables, the time - then the held bytes, read from `in` (the spill file) from its start. Written 0600, no-follow,
 * as .<name>.tmp, synced, renamed into place; 1 when it is there, 0 if not (a full disk, the held bytes in a pipe):
 * then the Java half records from its stdin alone, as before.
 */
static int write_pending(const struct run *r, char **args, int in, const char *name) {
    char dir[4096];
    if (!spool_dir(r->store, dir, sizeof dir)) {
        return 0;
    }
    char *temp = join(dir, "/.", name);
    char *temp_path = join(temp, ".tmp", "");
    char *target = join(dir, "/", name);
    int fd = open(temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST && unlink(temp_path) == 0) {
        fd = open(temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    }
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    int ok = f != NULL;
    if (ok) {
        char number[24];
        fputs(PENDING_MAGIC "\n", f);
        snprintf(number, sizeof number, "%ld", (long) getpid());
        pending_field(f, PENDING_HALF, number);
        snprintf(number, sizeof number, "%lld", now_millis());
        pending_field(f, PENDING_ENDED, number);
        char *cwd = getcwd(NULL, 0);
        ok = cwd != NULL;
        pending_field(f, PENDING_CWD, cwd != NULL ? cwd : "");
        free(cwd);
        const char *names[] = {TOOL_OPTIONS, JDK_OPTIONS, LAST_OPTIONS};
        const char *values[] = {r->users_tool_options, getenv(JDK_OPTIONS), getenv(LAST_OPTIONS)};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            if (values[i] != NULL) {
                char *env = join(names[i], "=", values[i]);
                pending_field(f, PENDING_ENV, env);
                free(env);
            }
        }
        for (char **a = args; *a != NULL; a++) {
            pending_field(f, PENDING_ARG, *a);
        }
        fputc('\0', f);
        static char chunk[65536];
        off_t at = 0;
        ssize_t n;
        while (ok && (n = pread(in, chunk, sizeof chunk, at)) != 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            ok = n > 0 && fwrite(chunk, 1, (size_t) n, f) == (size_t) n;
            at += n > 0 ? n : 0;
        }
        ok = fflush(f) == 0 && fsync(fd) == 0 && ok;
        ok = fclose(f) == 0 && ok;
    } else if (fd >= 0) {
        close(fd);
    }
    ok = ok && rename(temp_path, target) == 0;
    if (!ok) {
        unlink(temp_path);
    }
    free(temp);
    free(temp_path);
    free(target);
    return ok;
}

/* What was held, readable from its start: the spill file, or a new one, or (no file at all) a pipe. -1 if none. */
static int held_input(struct keep *k) {
    if (k->spill < 0) {
        size_t n = held_len;
        spill(k);
        if (k->spill < 0) {
            int fds[2];
            if (pipe(fds) != 0) {
                return -1;
            }
#ifdef F_SETPIPE_SZ
            fcntl(fds[1], F_SETPIPE_SZ, HOLD_MAX);
#endif
            fcntl(fds[1], F_SETFL, O_NONBLOCK);
            write_all(fds[1], held, n);  /* what fits */
            close(fds[1]);
            return fds[0];
        }
    }
    lseek(k->spill, 0, SEEK_SET);
    return k->spill;
}

/*
 * Starts the Java half detached (a session of its own, adopted by init: this launcher does not wait for it to
 * record), with what was held as its stdin, its output discarded (it notes trouble in the store's log), the user's
 * JAVA_TOOL_OPTIONS handed over, not picked up. Returns once it has been exec'd (a close-on-exec pipe says so), so
 * that whoever waits for this launcher can find the Java half by its command line - or, when the Java half writes a
 * class-data archive at its exit (the crashwatch script's training run, which waits for that archive), once it is
 * gone (it holds the pipe open until then).
 */
static void start_watch(const struct run *r, struct keep *k, int status, pid_t child, long long started,
                        const sigset_t *mask, struct spooled *sp) {
    int in = held_input(k);
    int execd[2];
    if (in < 0 || pipe2(execd, r->archiving ? 0 : O_CLOEXEC) != 0) {
        return;
    }
    pid_t p = fork();
    if (p == 0) {
        setsid();
        if (fork() != 0) {
            _exit(0);
        }
        static char pending[SPOOL_NAME_MAX];
        snprintf(pending, sizeof pending, PENDING_PREFIX "%ld-%lld" PENDING_SUFFIX, (long) child, started);
        char **args = watch_argv(r, status, child, started, sp, NULL);
        int written = write_pending(r, args + r->njvm + 2, in, pending);
        char **argv = watch_argv(r, status, child, started, sp, written ? pending : NULL);
        for (size_t i = 0; i < NFORWARDED; i++) {
            signal(FORWARDED[i], SIG_IGN);
        }
        signal(SIGCHLD, SIG_DFL);
        sigprocmask(SIG_SETMASK, mask, NULL);
        int null = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (dup2(in, 0) < 0 || null < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0) {
            _exit(CANNOT_START);
        }
        hand_over_tool_options(r->users_tool_options);
        execvp(argv[0], argv);
        _exit(CANNOT_START);
    }
    close(execd[1]);
    if (p > 0) {
        while (waitpid(p, NULL, 0) < 0 && errno == EINTR) {
        }
        char none;
        while (read(execd[0], &none, 1) < 0 && errno == EINTR) {
        }
    }
    close(execd[0]);
    close(in);
}

/* Whether a death with no word from any JVM may have left something to count (a signal, a fatal error log). */
static const char *silent_end_needs_java(int st, pid_t child) {
    char pid[24];
    snprintf(pid, sizeof pid, "%ld", (long) child);
    char *cwd = getcwd(NULL, 0);
    struct app app = {pid, cwd, NULL};
    const char *why = held_end_needs_java(&app);
    free(cwd);
    if (why == NULL && !held_heard_any() && (WIFSIGNALED(st) || (WIFEXITED(st) && WEXITSTATUS(st) > 128))) {
        why = "a death by a signal with no word from the JVM";
    }
    return why;
}

/*
 * Starts the child, forwards signals and holds what the pipe brings until the child is gone, then starts the Java
 * half if anything needs it. The forwarded signals and SIGCHLD are blocked except while waiting in ppoll, so none is
 * lost; the child gets the signal mask the launcher was started with. Returns the child's wait status.
 */
static int run_watched(const struct run *r, const char *dir, const char *fifo, int pipe_fd) {
    sigset_t blocked;
    sigset_t before;
    sigemptyset(&blocked);
    for (size_t i = 0; i < NFORWARDED; i++) {
        sigaddset(&blocked, FORWARDED[i]);
    }
    sigaddset(&blocked, SIGCHLD);
    sigprocmask(SIG_BLOCK, &blocked, &before);
    handle(SIGCHLD, child_changed);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setsigmask(&attr, &before);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    char **child_args = child_argv(r, fifo);
    long long started = now_millis();
    pid_t child;
    int err = posix_spawnp(&child, child_args[0], NULL, &attr, child_args, environ);
    if (err != 0) {
        fprintf(stderr, "crashwatch run: cannot run %s: %s\n", child_args[0], strerror(err));
        return CANNOT_START << 8;
    }
    child_pid = child;
    for (size_t i = 0; i < NFORWARDED; i++) {
        handle(FORWARDED[i], forward);
    }
    signal(SIGPIPE, SIG_IGN);
    /* Unblocked while waiting even when they came blocked (a JVM's children inherit SIGQUIT blocked): ours now. */
    sigset_t waiting = before;
    for (size_t i = 0; i < NFORWARDED; i++) {
        sigdelset(&waiting, FORWARDED[i]);
    }
    sigdelset(&waiting, SIGCHLD);
    struct keep k = {dir, -1, 0, NULL};
    struct pollfd pfd = {pipe_fd, POLLIN, 0};
    while (1) {
        take(pipe_fd, &k);
        siginfo_t info;
        info.si_pid = 0;
        if (waitid(P_PID, (id_t) child, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == child) {
            break;
        }
        ppoll(&pfd, 1, NULL, &waiting);
    }
    /* Everything the child wrote is in the pipe now; it is still a zombie, so its pid is not reused meanwhile. */
    take(pipe_fd, &k);
    child_pid = 0;
    int st = 0;
    while (waitpid(child, &st, 0) < 0 && errno == EINTR) {
    }
    const char *why = k.why != NULL ? k.why : silent_end_needs_java(st, child);
    if (why != NULL) {
        struct spooled sp = {0};
        spool_held_crashes(r->store, &k, &sp);
        start_watch(r, &k, WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st), child, started, &before, &sp);
    } else {
        held_journal_runs(r->store);  /* the runs that need no Java half are counted by one append */
    }
    return st;
}

/* Ends as the child did: killed by the same signal (its handler reset, no core dump of the launcher's own). */
static _Noreturn void die_like(int st) {
    if (!WIFSIGNALED(st)) {
        exit(WEXITSTATUS(st));
    }
    int sig = WTERMSIG(st);
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
#ifdef PR_SET_DUMPABLE
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
    signal(sig, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    kill(getpid(), sig);
    exit(128 + sig);  /* a signal whose default is to be ignored */
}

_Noreturn void launch(const char *agent, char **jvm, int njvm, char **args, int nargs) {
    struct run r;
    memset(&r, 0, sizeof r);
    parse(agent, jvm, njvm, args, nargs, &r);
    char *store = store_dir();
    if (mode_off(store)) {
        run_bare(&r);
    }
    r.store = store;
    char *dir;
    char *fifo;
    int hold = -1;
    if (make_run_dir(store, &dir, &fifo) != 0
            || (hold = open(fifo, O_RDWR | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)) < 0) {
        /* Silently: the child's stderr is the application's, and a store refused for every command would print
         * this on every command. `crashwatch status` says why the store is refused (docs/native.md). */
        run_bare(&r);
    }
    if (!plain(fifo, 1)) {
        unlink(fifo);
        rmdir(dir);
        java_run(&r);
    }
    /* Held open read-write until the end: the agent's open never blocks and never meets a pipe without a reader. */
    int st = run_watched(&r, dir, fifo, hold);
    close(hold);
    unlink(fifo);
    rmdir(dir);
    die_like(st);
}
