#!/bin/sh
# Start-up benchmark for the agent (docs/benchmarks.md, "Start-up: hello world"): a hello-world JVM with no agent,
# an empty agent, the crashwatch agent in launcher mode (a FIFO someone reads) and in sidecar mode, in interleaved
# rounds; wall time and (with a C compiler, through bench/startup-timer.c) the JVM's CPU time.
# Usage: bench/startup.sh [ROUNDS] [NAME=COMMAND...]   (after `mvn -q -DskipTests package`)
#   Extra NAME=COMMAND variants (a command split at spaces) join the rounds, e.g. a throw-away build of the agent:
#   bench/startup.sh 40 "mine=java -javaagent:/tmp/agent.jar=pipe=\$FIFO -cp \$SAMPLES dev.crashwatch.samples.Hello"
#   ($FIFO, $SAMPLES, $STORE and $EMPTY are exported for them; quote them so that the script expands them.)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
rounds=${1:-40}
[ $# -gt 0 ] && shift
java=${JAVA:-java}
work=$(mktemp -d)
reader=
trap '[ -n "$reader" ] && kill "$reader" 2>/dev/null; rm -rf "$work"' EXIT

samples="$repo/samples/target/crashwatch-samples.jar"
agent="$repo/watchdog/target/crashwatch-agent.jar"

. "$here/lib.sh"
# The empty agent: a jar whose premain does nothing.
agent_jar "$work/empty-agent.jar" "$here/empty-agent/EmptyAgent.java" EmptyAgent

# The stopwatch (CPU time as well as wall time), when there is a C compiler.
timer=$(startup_timer "$here/startup-timer.c" "$work")

# Launcher mode: a FIFO drained by a reader, as crashwatch run's watchdog would.
mkfifo "$work/crash.fifo"
(exec 3<>"$work/crash.fifo"; exec cat <&3 >/dev/null) &
reader=$!
store="$work/store"
mkdir -p "$store"

export FIFO="$work/crash.fifo" SAMPLES="$samples" STORE="$store" EMPTY="$work/empty-agent.jar"
extra=
for spec in "$@"; do
    extra="$extra$(eval "printf '%s' \"$spec\"")
"
done
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
IFS='
'
# shellcheck disable=SC2086
"$java" -Dtimer="$timer" "$here/StartupBench.java" "$rounds" \
  "none=$java -Xshare:auto -cp $samples dev.crashwatch.samples.Hello" \
  "empty-agent=$java -javaagent:$work/empty-agent.jar -cp $samples dev.crashwatch.samples.Hello" \
  "launcher-mode=$java -javaagent:$agent=pipe=$work/crash.fifo -cp $samples dev.crashwatch.samples.Hello" \
  "sidecar-mode=$java -javaagent:$agent=dir=$store -cp $samples dev.crashwatch.samples.Hello" \
  $extra
