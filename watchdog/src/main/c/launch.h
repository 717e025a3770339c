/*
 * launch: `crashwatch run` in C (docs/native.md, "crashwatch-run"), one owner for the two programs that do it:
 * crashwatch-run, which the crashwatch script execs, and crashwatch-entry, an installation's bin/crashwatch, which
 * does it in its own process.
 */
#ifndef CRASHWATCH_LAUNCH_H
#define CRASHWATCH_LAUNCH_H

/*
 * Runs `crashwatch run ARGS...` (args: nargs strings, then NULL, as argv ends) and ends as the child did; never
 * returns. agent: crashwatch-agent.jar. jvm: the watchdog's java command up to its main class (njvm strings): the
 * Java half is started as JVM... -Xrs dev.crashwatch.watchdog.launch.WatchMain ..., a usage error or an odd label
 * is handed whole to JVM... dev.crashwatch.watchdog.cli.Main run ARGS....
 */
_Noreturn void launch(const char *agent, char **jvm, int njvm, char **args, int nargs);

#endif
