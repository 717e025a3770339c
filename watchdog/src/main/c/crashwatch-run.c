/*
 * crashwatch-run: `crashwatch run` for the crashwatch script (docs/native.md, "crashwatch-run"); the work is launch.c's.
 *
 * Usage (the crashwatch script writes it):
 *   crashwatch-run AGENT_JAR JVM... -- [--program P] [--version V] [--] CMD ARGS...
 * JVM... is the watchdog's java command up to its main class (java, its options, -cp crashwatch.jar); the first
 * "--" ends it. What follows is what `crashwatch run` was given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "launch.h"

int main(int argc, char **argv) {
    int sep = 2;
    while (sep < argc && strcmp(argv[sep], "--") != 0) {
        sep++;
    }
    if (sep == 2 || sep >= argc) {
        fprintf(stderr, "usage: crashwatch-run AGENT_JAR JVM... -- [--program P] [--version V] [--] CMD ARGS...\n");
        return 2;
    }
    launch(argv[1], argv + 2, sep - 2, argv + sep + 1, argc - sep - 1);
}
