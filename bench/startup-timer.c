/*
 * startup-timer: the start-up benchmark's stopwatch (bench/startup.sh). Runs one command with stdin, stdout and
 * stderr on /dev/null and prints "WALL_US USER_US SYS_US STATUS": its wall time from fork to exit and the CPU time
 * it used, all threads together (getrusage of the child, as wait4 reports it). Processes the command leaves
 * running (a sidecar adopted by init) are not in its CPU time.
 * Usage: startup-timer CMD [ARGS...]
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long micros(struct timeval t) {
    return t.tv_sec * 1000000LL + t.tv_usec;
}

static long long now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000LL + t.tv_nsec / 1000;
}

static void run_child(char **argv) {
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
    }
    execvp(argv[0], argv);
    _exit(127);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: startup-timer CMD [ARGS...]\n");
        return 2;
    }
    long long start = now_us();
    pid_t pid = fork();
    if (pid == 0) {
        run_child(argv + 1);
    }
    int status;
    struct rusage usage;
    if (pid < 0 || wait4(pid, &status, 0, &usage) < 0) {
        perror("startup-timer");
        return 1;
    }
    long long wall = now_us() - start;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("%lld %lld %lld %d\n", wall, micros(usage.ru_utime), micros(usage.ru_stime), code);
    return 0;
}
