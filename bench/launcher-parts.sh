#!/bin/sh
# Where `crashwatch run`'s cost over an empty agent goes (docs/benchmarks.md, "Launcher mode, part by part"; issue
# 17): the same command (google-java-format formatting a one-line file, or hello world) run in interleaved rounds
# (bench/StartupBench.java: wall time and CPU time of the process tree) as
#   empty-agent        java -javaagent:<an agent whose premain does nothing>
#   bootpath-empty     the same agent naming itself in Boot-Class-Path (what the boot class path costs any lookup)
#   bootpath-hold      an agent on the boot class path that holds the main jar open (MainJar.holdOpen) and returns:
#                      the crashwatch agent's floor, before any of its own work
#   agent-fifo         java -javaagent:crashwatch-agent.jar=pipe=<a FIFO> (the agent alone, launcher mode)
#   native-empty       crashwatch-run with the empty agent (the C launcher alone: run dir, FIFO, spawn, wait)
#   native-agent       crashwatch-run with the crashwatch agent (what `crashwatch run` execs)
#   crashwatch-run     ./crashwatch run -- (the script, then all of the above)
# so that agent = agent-fifo - empty-agent, launcher = native-empty - empty-agent, script = crashwatch-run -
# native-agent. Every variant goes through env(1). Extra NAME=COMMAND variants (split at spaces; $AGENT_ARGS is the
# program's arguments, $FIFO a FIFO, $EMPTY the empty agent jar) join the rounds, e.g. a throw-away agent build.
# Usage: bench/launcher-parts.sh [ROUNDS [gjf|hello [JDK_HOME [NAME=COMMAND...]]]]   (after `mvn -q -DskipTests
#   package`; default 30 rounds, gjf, the `java` on the PATH)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
rounds=${1:-30}
program=${2:-gjf}
jdk=${3:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ $# -gt 3 ] && shift 3 || set --
java=$jdk/bin/java
target="$repo/watchdog/target"
agent="$target/crashwatch-agent.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/lib.sh"

case $program in
    gjf)
        version=1.22.0
        case $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p') in
            1[0-9]|2[0-4]) ;;
            *) version=1.28.0 ;; # 1.22.0 fails on JDK 25 (bench/launcher.sh)
        esac
        (cd "$work" && mvn -q -B -ntp dependency:copy -DoutputDirectory="$work" \
            -Dartifact=com.google.googlejavaformat:google-java-format:$version:jar:all-deps >&2)
        printf 'class One { void f() { int x=1; } }\n' > "$work/One.java"
        args="-jar $work/google-java-format-$version-all-deps.jar $work/One.java" ;;
    hello) args="-cp $repo/samples/target/crashwatch-samples.jar dev.crashwatch.samples.Hello" ;;
    *) echo "usage: $0 [ROUNDS [gjf|hello [JDK_HOME [NAME=COMMAND...]]]]" >&2; exit 2 ;;
esac

agent_jar "$work/empty-agent.jar" "$here/empty-agent/EmptyAgent.java" EmptyAgent
mkdir "$work/bcp"
agent_jar "$work/bcp/empty-agent.jar" "$here/empty-agent/EmptyAgent.java" EmptyAgent 'Boot-Class-Path: empty-agent.jar
'
agent_jar "$work/bcp/hold-agent.jar" "$here/hold-agent/HoldAgent.java" HoldAgent 'Boot-Class-Path: hold-agent.jar
'
timer=$(startup_timer "$here/startup-timer.c" "$work")
# Opened read-write by the agent, the FIFO needs no reader: what one run writes is dropped with its last writer.
mkfifo "$work/crash.fifo"
store="$work/store"
mkdir -p "$store"
CRASHWATCH_DIR="$store" "$repo/crashwatch" run -- true # the script's class-data archive, made before the rounds
native="$target/crashwatch-run $work/empty-agent.jar $java -cp $target/crashwatch.jar --"

export AGENT_ARGS="$args" FIFO="$work/crash.fifo" EMPTY="$work/empty-agent.jar"
extra=
for spec in "$@"; do
    extra="$extra$(eval "printf '%s' \"$spec\"")
"
done
echo "$("$java" -version 2>&1 | head -1), $program; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
IFS='
'
# shellcheck disable=SC2086
java "-Dtimer=$timer" "$here/StartupBench.java" "$rounds" \
  "empty-agent=env CRASHWATCH_DIR=$store $java -javaagent:$work/empty-agent.jar $args" \
  "bootpath-empty=env CRASHWATCH_DIR=$store $java -javaagent:$work/bcp/empty-agent.jar $args" \
  "bootpath-hold=env CRASHWATCH_DIR=$store $java -javaagent:$work/bcp/hold-agent.jar $args" \
  "agent-fifo=env CRASHWATCH_DIR=$store $java -javaagent:$agent=pipe=$work/crash.fifo $args" \
  "native-empty=env CRASHWATCH_DIR=$store $native $java $args" \
  "native-agent=env CRASHWATCH_DIR=$store $target/crashwatch-run $agent $java -cp $target/crashwatch.jar -- $java $args" \
  "crashwatch-run=env CRASHWATCH_DIR=$store $repo/crashwatch run -- $java $args" \
  $extra
