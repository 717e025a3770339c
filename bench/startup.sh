#!/bin/sh
# Start-up benchmark for the agent (docs/benchmarks.md, "agent"): a hello-world JVM with no agent, an empty agent,
# the crashwatch agent in launcher mode (a FIFO someone reads) and in sidecar mode, in interleaved rounds.
# Usage: bench/startup.sh [ROUNDS]   (after `mvn -q -DskipTests package`)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
rounds=${1:-40}
java=${JAVA:-java}
work=$(mktemp -d)
trap 'kill "$reader" 2>/dev/null || true; rm -rf "$work"' EXIT

samples="$repo/samples/target/crashwatch-samples.jar"
agent="$repo/watchdog/target/crashwatch-agent.jar"
[ -f "$agent" ] || agent="$repo/agent/target/crashwatch-agent.jar"

# The empty agent: a jar whose premain does nothing.
mkdir -p "$work/empty"
javac -d "$work/empty" "$here/empty-agent/EmptyAgent.java"
printf 'Premain-Class: EmptyAgent\n' > "$work/manifest"
jar cfm "$work/empty-agent.jar" "$work/manifest" -C "$work/empty" .

# Launcher mode: a FIFO drained by a reader, as crashwatch run's watchdog would.
mkfifo "$work/crash.fifo"
(exec 3<>"$work/crash.fifo"; exec cat <&3 >/dev/null) &
reader=$!
store="$work/store"
mkdir -p "$store"

"$java" "$here/StartupBench.java" "$rounds" \
  "none=$java -Xshare:auto -cp $samples dev.crashwatch.samples.Hello" \
  "empty-agent=$java -javaagent:$work/empty-agent.jar -cp $samples dev.crashwatch.samples.Hello" \
  "launcher-mode=$java -javaagent:$agent=pipe=$work/crash.fifo -cp $samples dev.crashwatch.samples.Hello" \
  "sidecar-mode=$java -javaagent:$agent=dir=$store -cp $samples dev.crashwatch.samples.Hello"
