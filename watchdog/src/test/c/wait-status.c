/*
 * wait-status CMD ARGS...: runs CMD as its child and prints how it ended, as wait(2) tells a parent:
 * "exit N", or "signal N" followed by " core" when the child dumped core. Used by NativeLauncherIT to see what
 * a parent of `crashwatch run` sees (a shell's $? cannot tell a signal death from an exit status of 128+N).
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        return 2;
    }
    pid_t child = fork();
    if (child == 0) {
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int st;
    if (child < 0 || waitpid(child, &st, 0) != child) {
        return 2;
    }
    if (WIFSIGNALED(st)) {
        printf("signal %d%s\n", WTERMSIG(st), WCOREDUMP(st) ? " core" : "");
    } else {
        printf("exit %d\n", WEXITSTATUS(st));
    }
    return 0;
}
