/*
 * crashwatch-entry: an installation's bin/crashwatch in the platform archive (docs/native.md, "The entry"), so that
 * no shell runs on the path of `crashwatch run`, which tool launchers put before every command.
 *
 * It finds its installation from its own real path (/proc/self/exe: <root>/bin/crashwatch, links to it followed),
 * then:
 *   - `crashwatch run ARGS...` (CRASHWATCH_NO_NATIVE unset or empty): does what crashwatch-run does (launch.c), in this
 *     process, with <root>/lib/crashwatch-agent.jar and, as the watchdog's java command (JVM...), the script's hidden
 *     mode `/bin/sh <root>/libexec/crashwatch --jvm`: the script stays the one owner of which java runs the watchdog,
 *     with which flags and class-data archive; it is run only when the Java half is needed (after a crash) or for a
 *     usage error;
 *   - anything else: execs /bin/sh <root>/libexec/crashwatch ARGS... (the crashwatch script), same process, same
 *     standard streams, so its exit status is the command's.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launch.h"

#define SHELL "/bin/sh"
#define ENTRY_BIN "bin"                        /* the script's layout: an installation's bin/ */
#define ENTRY_LIB "lib"                        /* the script's layout: an installation's lib/ */
#define ENTRY_LIBEXEC "libexec"                /* NativeHelpers.LIBEXEC */
#define ENTRY_SCRIPT "crashwatch"              /* the script's name in libexec/ */
#define ENTRY_JVM_MODE "--jvm"                 /* the script's hidden mode: the watchdog's java command */
#define ENTRY_AGENT_JAR "crashwatch-agent.jar" /* AgentJar.FILE */
#define NO_NATIVE_ENV "CRASHWATCH_NO_NATIVE"   /* WatchdogFiles.NO_NATIVE_ENV */
#define ENTRY_UNUSABLE 127

static char *path(const char *root, const char *dir, const char *name) {
    size_t n = strlen(root) + strlen(dir) + strlen(name) + 3;
    char *s = malloc(n);
    if (s == NULL) {
        perror("crashwatch");
        exit(ENTRY_UNUSABLE);
    }
    snprintf(s, n, "%s/%s/%s", root, dir, name);
    return s;
}

/* The installation's root: this executable's real path is <root>/bin/<name>; NULL (errno set) if it is not. */
static char *install_root(void) {
    static char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        return NULL;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL) {
        errno = ENOENT;
        return NULL;
    }
    *slash = '\0';
    slash = strrchr(exe, '/');
    if (slash == NULL || strcmp(slash + 1, ENTRY_BIN) != 0) {
        errno = ENOENT;
        return NULL;
    }
    *slash = '\0';  /* "" for /bin/crashwatch: the paths below start at / */
    return exe;
}

int main(int argc, char **argv) {
    char *root = install_root();
    if (root == NULL) {
        fprintf(stderr, "crashwatch: cannot find the installation this program belongs to (<root>/" ENTRY_BIN
                "/crashwatch): %s\n", strerror(errno));
        return ENTRY_UNUSABLE;
    }
    char *script = path(root, ENTRY_LIBEXEC, ENTRY_SCRIPT);
    const char *no_native = getenv(NO_NATIVE_ENV);
    if (argc > 1 && strcmp(argv[1], "run") == 0 && (no_native == NULL || *no_native == '\0')) {
        char *jvm[] = {SHELL, script, ENTRY_JVM_MODE};
        launch(path(root, ENTRY_LIB, ENTRY_AGENT_JAR), jvm, 3, argv + 2, argc - 2);
    }
    char **args = calloc((size_t) argc + 2, sizeof *args);
    if (args == NULL) {
        perror("crashwatch");
        return ENTRY_UNUSABLE;
    }
    args[0] = SHELL;
    args[1] = script;
    for (int i = 1; i < argc; i++) {
        args[i + 1] = argv[i];
    }
    execv(SHELL, args);
    fprintf(stderr, "crashwatch: cannot run %s %s: %s\n", SHELL, script, strerror(errno));
    return ENTRY_UNUSABLE;
}
