/*
 * crashwatch-run: the native front half of `crashwatch run` (docs/native.md, "crashwatch-run").
 *
 * It does what must happen before and around the child, so that no JVM stands between the user and the child:
 * creates the run's private directory and crash pipe (FIFO) in the store, starts the child with the agent
 * attached, starts the Java half of the watchdog (launch.WatchMain) at the same time, forwards SIGINT, SIGTERM,
 * SIGHUP and SIGQUIT to the child, tells the Java half the child's exit status on its stdin, waits for it
 * (bounded), removes the run directory and exits with the child's status (128+N when signal N killed it).
 * It never reads the pipe, parses a crash or touches a counter: that is the Java half's work.
 *
 * Usage (the crashwatch script writes it):
 *   crashwatch-run AGENT_JAR JVM... -- [--program P] [--version V] [--] CMD ARGS...
 * JVM... is the watchdog's java command up to its main class (java, its options, -cp crashwatch.jar); the first
 * "--" ends it. Anything this program does not handle itself (a usage error, an odd label or path) goes to the
 * Java `run` command, exec'd as JVM... dev.crashwatch.watchdog.cli.Main run ARGS..., which says what is wrong.
 */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define CLI_MAIN "dev.crashwatch.watchdog.cli.Main"
#define WATCH_MAIN "dev.crashwatch.watchdog.launch.WatchMain"
#define TOOL_OPTIONS "JAVA_TOOL_OPTIONS"
#define CHILD_TOOL_OPTIONS "CRASHWATCH_CHILD_TOOL_OPTIONS"
#define CANNOT_START 127
#define WHITE " \t\n\r\f\v"
/* How long the Java half may take to finish once the child is gone before it is killed. */
#define WATCH_GRACE_SECONDS 10

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
};

static volatile sig_atomic_t child_pid;
static volatile sig_atomic_t watch_pid;

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
 * JAVA_TOOL_OPTIONS are the child's: kept off a watchdog JVM about to be exec'd, they are handed to it as
 * CRASHWATCH_CHILD_TOOL_OPTIONS (as the crashwatch script does for the Java launcher), which gives them back to the
 * child (launch/ChildCommand) or reads the child's -XX:ErrorFile in them (launch/WatchMain).
 */
static void hand_over_tool_options(void) {
    char *tool = getenv(TOOL_OPTIONS);
    if (tool != NULL) {
        setenv(CHILD_TOOL_OPTIONS, tool, 1);
        unsetenv(TOOL_OPTIONS);
    } else {
        unsetenv(CHILD_TOOL_OPTIONS);
    }
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
    hand_over_tool_options();
    execvp(argv[0], argv);
    fprintf(stderr, "crashwatch run: cannot run %s: %s\n", argv[0], strerror(errno));
    exit(CANNOT_START);
}

/* Reads argv as RunCommand does; anything unusual goes to the Java command. */
static void parse(int argc, char **argv, struct run *r) {
    int sep = 2;
    while (sep < argc && strcmp(argv[sep], "--") != 0) {
        sep++;
    }
    if (sep == 2 || sep >= argc) {
        fprintf(stderr, "usage: crashwatch-run AGENT_JAR JVM... -- [--program P] [--version V] [--] CMD ARGS...\n");
        exit(2);
    }
    r->agent = argv[1];
    r->jvm = argv + 2;
    r->njvm = sep - 2;
    r->args = argv + sep + 1;
    r->nargs = argc - sep - 1;
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
}

static char *home_dir(void) {
    struct passwd *pw = getpwuid(getuid());
    if (pw != NULL && pw->pw_dir != NULL && *pw->pw_dir) {
        return pw->pw_dir;
    }
    char *home = getenv("HOME");
    return home != NULL ? home : "?";
}

/* The store directory, as store/StoreLocation resolves it. */
static char *store_dir(void) {
    char *dir = getenv("CRASHWATCH_DIR");
    if (dir != NULL && !blank(dir)) {
        if (dir[0] == '/') {
            return dir;
        }
        char *cwd = must(getcwd(NULL, 0));
        return join(cwd, "/", dir);
    }
#ifdef __APPLE__
    return join(home_dir(), "/Library/Application Support", "/crashwatch");
#else
    char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg != NULL && !blank(xdg) && xdg[0] == '/') {
        return join(xdg, "/crashwatch", "");
    }
    return join(home_dir(), "/.config", "/crashwatch");
#endif
}

/* The first word of s (leading white space skipped), cut in place. */
static char *first_word(char *s) {
    s += strspn(s, WHITE);
    s[strcspn(s, WHITE)] = '\0';
    return s;
}

/* Mode off, as store/ModeFile reads it: CRASHWATCH_MODE when set, else the first word of <store>/mode. */
static int mode_off(const char *store) {
    char buf[256];
    char *env = getenv("CRASHWATCH_MODE");
    if (env != NULL && !blank(env)) {
        env += strspn(env, WHITE);
        return starts_with(env, "off") && blank(env + 3);
    }
    char *path = join(store, "/mode", "");
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    free(path);
    if (fd < 0) {
        return 0;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    return strcmp(first_word(buf), "off") == 0;
}

/* mkdir -p with 0700 for the directories it creates. */
static int directories(char *dir) {
    struct stat st;
    if (stat(dir, &st) == 0) {
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
 * <pid>-<random> after the launcher that made it. A FIFO still open in a watchdog or a child keeps working when its
 * name is gone; a directory whose name does not start with a pid is left alone.
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
        char *pipe = join(dir, "/crash.pipe", "");
        unlink(pipe);
        rmdir(dir);
        free(pipe);
        free(dir);
    }
    closedir(d);
}

/*
 * Creates <store>/run/<pid>-<random> (0700, never an existing one) and the FIFO crash.pipe (0600) in it, after
 * sweeping out the run directories of launchers that are gone.
 */
static int make_run_dir(const char *store, char **dir, char **fifo) {
    char *runs = join(store, "/run", "");
    if (directories(runs) != 0) {
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
            *fifo = join(*dir, "/crash.pipe", "");
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

/* The agent option, as launch/AgentOption writes it. */
static char *agent_option(const struct run *r, const char *fifo) {
    char *s = join("-javaagent:", r->agent, "=pipe=");
    s = join(s, fifo, "");
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

/* The child's argv: -javaagent right after a java program; for anything else, the option goes in JAVA_TOOL_OPTIONS. */
static char **child_argv(const struct run *r, char *option) {
    int n = 0;
    while (r->cmd[n] != NULL) {
        n++;
    }
    char **argv = must(calloc(n + 2, sizeof *argv));
    int k = 0;
    argv[k++] = r->cmd[0];
    if (is_java(r->cmd[0])) {
        argv[k++] = option;
    } else {
        char *quoted = strchr(option, ' ') != NULL ? join("\"", option, "\"") : option;
        char *existing = getenv(TOOL_OPTIONS);
        setenv(TOOL_OPTIONS, existing == NULL || blank(existing) ? quoted : join(existing, " ", quoted), 1);
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

static void watch_overdue(int sig) {
    (void) sig;
    if (watch_pid > 0) {
        kill((pid_t) watch_pid, SIGKILL);
    }
}

static void handle(int sig, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/*
 * The Java half's command: JVM... -Xrs WatchMain FIFO CHILD_PID STARTED_MILLIS [--program P] [--version V]
 * -- CMD ARGS... (STARTED_MILLIS: the child's start, which bounds the search for a fatal error log it left before
 * saying hello; CMD ARGS...: the child's command as given, where Java reads its -XX:ErrorFile).
 */
static char **watch_argv(const struct run *r, const char *fifo, pid_t child, long long started) {
    static char child_text[24];
    static char started_text[24];
    snprintf(child_text, sizeof child_text, "%ld", (long) child);
    snprintf(started_text, sizeof started_text, "%lld", started);
    int ncmd = 0;
    while (r->cmd[ncmd] != NULL) {
        ncmd++;
    }
    char **argv = must(calloc(r->njvm + ncmd + 12, sizeof *argv));
    int n = 0;
    for (int i = 0; i < r->njvm; i++) {
        argv[n++] = r->jvm[i];
    }
    argv[n++] = "-Xrs";
    argv[n++] = WATCH_MAIN;
    argv[n++] = (char *) fifo;
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
    argv[n++] = "--";
    for (int i = 0; i < ncmd; i++) {
        argv[n++] = r->cmd[i];
    }
    return argv;
}

/*
 * Starts the Java half (watch_argv), stdin the read end of a pipe whose write end is returned, stdout the
 * launcher's stderr, the forwarded signals ignored (-Xrs keeps them so: it must not die of the user's Ctrl-C
 * before it has recorded), the child's JAVA_TOOL_OPTIONS handed over, not picked up. -1 when it could not start.
 */
static int start_watch(const struct run *r, const char *fifo, pid_t child, long long started, const sigset_t *mask) {
    int fds[2];
    if (pipe(fds) != 0) {
        return -1;
    }
    pid_t p = fork();
    if (p == 0) {
        char **argv = watch_argv(r, fifo, child, started);
        for (size_t i = 0; i < NFORWARDED; i++) {
            signal(FORWARDED[i], SIG_IGN);
        }
        sigprocmask(SIG_SETMASK, mask, NULL);
        dup2(fds[0], 0);
        dup2(2, 1); /* the user's stdout is the child's alone */
        close(fds[0]);
        close(fds[1]);
        hand_over_tool_options();
        execvp(argv[0], argv);
        fprintf(stderr, "crashwatch: cannot start the watchdog (%s: %s); the run's crashes are not recorded\n",
                argv[0], strerror(errno));
        _exit(CANNOT_START);
    }
    close(fds[0]);
    if (p < 0) {
        close(fds[1]);
        return -1;
    }
    watch_pid = p;
    return fds[1];
}

/* Waits for the child and returns its status as Process.exitValue() gives it (128+N for signal N). */
static int wait_child(pid_t child, const sigset_t *forwarded) {
    siginfo_t info;
    while (waitid(P_PID, (id_t) child, &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {
    }
    /* Still a zombie, so its pid cannot be reused while the handlers can still use it. */
    sigprocmask(SIG_BLOCK, forwarded, NULL);
    child_pid = 0;
    int st = 0;
    while (waitpid(child, &st, 0) < 0 && errno == EINTR) {
    }
    return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* Tells the Java half the status ("exit N"), then waits for it, killing it if it is not done in time. */
static void finish_watch(int to_watch, int status) {
    if (to_watch >= 0) {
        char line[32];
        int n = snprintf(line, sizeof line, "exit %d\n", status);
        if (write(to_watch, line, (size_t) n) != n) {
            /* The Java half is gone: nothing to tell. */
        }
        close(to_watch);
    }
    if (watch_pid <= 0) {
        return;
    }
    handle(SIGALRM, watch_overdue);
    alarm(WATCH_GRACE_SECONDS);
    siginfo_t info;
    while (waitid(P_PID, (id_t) watch_pid, &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {
    }
    alarm(0);
    waitpid((pid_t) watch_pid, NULL, 0);
}

static long long now_millis(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (long long) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/*
 * Starts the child and the Java half beside it, forwards signals until the child is gone, hands its status over
 * and waits for the Java half. The forwarded signals are blocked from before the child starts until the handlers
 * are in place, so none is lost; the child gets the signal mask the launcher was started with.
 */
static int run_watched(const struct run *r, const char *fifo) {
    sigset_t forwarded;
    sigset_t before;
    sigemptyset(&forwarded);
    for (size_t i = 0; i < NFORWARDED; i++) {
        sigaddset(&forwarded, FORWARDED[i]);
    }
    sigprocmask(SIG_BLOCK, &forwarded, &before);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setsigmask(&attr, &before);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    char **child_args = child_argv(r, agent_option(r, fifo));
    long long started = now_millis();
    pid_t child;
    int err = posix_spawnp(&child, child_args[0], NULL, &attr, child_args, environ);
    if (err != 0) {
        fprintf(stderr, "crashwatch run: cannot run %s: %s\n", child_args[0], strerror(err));
        return CANNOT_START;
    }
    child_pid = child;
    for (size_t i = 0; i < NFORWARDED; i++) {
        handle(FORWARDED[i], forward);
    }
    int to_watch = start_watch(r, fifo, child, started, &before);
    signal(SIGPIPE, SIG_IGN);
    /* Unblocked even when they came blocked (a JVM's children inherit SIGQUIT blocked): they are ours now. */
    sigprocmask(SIG_UNBLOCK, &forwarded, NULL);
    int status = wait_child(child, &forwarded);
    finish_watch(to_watch, status);
    return status;
}

int main(int argc, char **argv) {
    struct run r;
    memset(&r, 0, sizeof r);
    parse(argc, argv, &r);
    char *store = store_dir();
    if (mode_off(store)) {
        run_bare(&r);
    }
    char *dir;
    char *fifo;
    if (make_run_dir(store, &dir, &fifo) != 0) {
        fprintf(stderr, "crashwatch: cannot create the crash pipe in %s (%s); running without crash reporting\n",
                store, strerror(errno));
        run_bare(&r);
    }
    if (!plain(fifo, 1)) {
        unlink(fifo);
        rmdir(dir);
        java_run(&r);
    }
    /* Held open read-write until the end: the agent's open never blocks, and what it writes before the Java
     * half has opened the pipe stays in it even if the child is already gone. */
    int hold = open(fifo, O_RDWR | O_CLOEXEC);
    int status = run_watched(&r, fifo);
    if (hold >= 0) {
        close(hold);
    }
    unlink(fifo);
    rmdir(dir);
    return status;
}
