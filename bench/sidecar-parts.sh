#!/bin/sh
# Where sidecar mode's start-up cost goes (docs/benchmarks.md, "Sidecar mode's start-up, part by part"): a hello
# world with the empty agent, with a yardstick agent that keeps a thread busy for N ms (bench/sidecar-parts/
# BusyAgent.java), and with throw-away builds of the current agent that stop in Sidecar.start before its first
# ProcessBuilder.start ("stop-before-spawn") and right after it ("stop-after-mkfifo"), next to the whole agent built
# the same way ("sidecar-mode"), in interleaved rounds (bench/StartupBench.java). The stops are put in with sed at
# two lines of Sidecar.java, and the script fails if either line is gone. Every command goes through env(1).
# Usage: bench/sidecar-parts.sh [ROUNDS]   (after `mvn -q -DskipTests package`, with a C compiler for the relay)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
rounds=${1:-60}
target="$repo/watchdog/target"
samples="$repo/samples/target/crashwatch-samples.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/lib.sh"

mkdir -p "$work/src" "$work/classes" "$work/agent" "$work/store"
agent_jar "$work/empty-agent.jar" "$here/empty-agent/EmptyAgent.java" EmptyAgent
agent_jar "$work/busy-agent.jar" "$here/sidecar-parts/BusyAgent.java" BusyAgent

# The throw-away agent: the current sources, with a stop before and after the first process start.
cp -r "$repo/agent/src/main/java/." "$work/src/"
sidecar="$work/src/dev/crashwatch/agent/sidecar/Sidecar.java"
before='        ProcessBuilder builder = builder(detached(command), storeDir, log);'
after='        File fifo = SidecarFifo.make(pid);'
grep -qxF "$before" "$sidecar" && grep -qxF "$after" "$sidecar" || { echo "Sidecar.java changed: update $0" >&2; exit 1; }
sed -i "s|^$before\$|        if (\"before\".equals(System.getenv(\"STOP\"))) return null;\n&|" "$sidecar"
sed -i "s|^$after\$|&\n        if (\"after\".equals(System.getenv(\"STOP\"))) return null;|" "$sidecar"
javac --release 11 -nowarn -d "$work/classes" $(find "$work/src" -name '*.java')
printf 'Premain-Class: dev.crashwatch.agent.Premain\nBoot-Class-Path: crashwatch-agent.jar\n' > "$work/agent.mf"
jar cfm "$work/agent/crashwatch-agent.jar" "$work/agent.mf" -C "$work/classes" .
for f in crashwatch.jar crashwatch-relay; do
    [ -e "$target/$f" ] && ln -s "$target/$f" "$work/agent/$f"
done

timer=$(startup_timer "$here/startup-timer.c" "$work")
hello="-cp $samples dev.crashwatch.samples.Hello"
agent="-javaagent:$work/agent/crashwatch-agent.jar=dir=$work/store"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dtimer="$timer" "$here/StartupBench.java" "$rounds" \
  "empty-agent=env STOP= java -javaagent:$work/empty-agent.jar $hello" \
  "busy-15ms=env STOP= java -javaagent:$work/busy-agent.jar=15 $hello" \
  "busy-30ms=env STOP= java -javaagent:$work/busy-agent.jar=30 $hello" \
  "stop-before-spawn=env STOP=before java $agent $hello" \
  "stop-after-mkfifo=env STOP=after java $agent $hello" \
  "sidecar-mode=env STOP= java $agent $hello"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
