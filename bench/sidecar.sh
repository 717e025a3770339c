#!/bin/sh
# Sidecar benchmark (docs/benchmarks.md, "Sidecar"): the relay against the JVM sidecar, in interleaved rounds.
# 1. bench/SidecarBench.java: idle footprint and start-up CPU of what the agent leaves beside the application (the
#    relay, or the JVM sidecar), and crash-to-counter latency; each with the agent's JVM options for the Java
#    sidecar, with and without the AppCDS archive ./crashwatch makes.
# 2. bench/StartupBench.java (the agent's start-up driver): hello-world wall time with an empty agent and with the
#    agent in sidecar mode, relay or JVM sidecar. Every command goes through env(1), so each pays the same exec.
# Usage: bench/sidecar.sh [ROUNDS [STARTUP_ROUNDS]]   (after `mvn -q -DskipTests package`, with a C compiler)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
rounds=${1:-5}
startup_rounds=${2:-30}
target="$repo/watchdog/target"
samples="$repo/samples/target/crashwatch-samples.jar"
# The agent's own sidecar JVM options (SidecarCommand.JVM_OPTIONS), without the AppCDS archive it adds when there is one.
plain="-XX:+IgnoreUnrecognizedVMOptions -Xshare:auto -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0
 -XX:+UseSerialGC -Xms2m -Xmx16m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss256k -XX:-UsePerfData
 -XX:ReservedCodeCacheSize=8m -XX:MaxMetaspaceSize=64m"
plain=$(echo $plain)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# ./crashwatch makes the AppCDS archive on first use, in the background, in the user's cache (docs/install.md); the
# sidecar maps it. Wait for it (a minute at most).
CRASHWATCH_DIR="$work/cw" "$repo/crashwatch" status >/dev/null 2>&1 || true
cds="${XDG_CACHE_HOME:-$HOME/.cache}/crashwatch/cds$(cd -P "$target" && pwd)"
for _ in $(seq 60); do
    [ -n "$(find "$cds" -name '*.jsa' 2>/dev/null)" ] && break
    sleep 1
done
echo "AppCDS archive: $(find "$cds" -name '*.jsa' 2>/dev/null | head -1 | grep . || echo none)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$target/crashwatch.jar" "$here/SidecarBench.java" "$rounds" "$target/crashwatch-agent.jar" "$samples" \
  "relay=relay:default" \
  "relay-no-jsa=relay:$plain" \
  "jvm=jvm:default" \
  "jvm-no-jsa=jvm:$plain"

mkdir -p "$work/store"
. "$here/lib.sh"
agent_jar "$work/empty-agent.jar" "$here/empty-agent/EmptyAgent.java" EmptyAgent
hello="-cp $samples dev.crashwatch.samples.Hello"
java "$here/StartupBench.java" "$startup_rounds" \
  "empty-agent=env java -javaagent:$work/empty-agent.jar $hello" \
  "sidecar-relay=env java -javaagent:$target/crashwatch-agent.jar=dir=$work/store $hello" \
  "sidecar-jvm=env CRASHWATCH_NO_NATIVE=1 java -javaagent:$target/crashwatch-agent.jar=dir=$work/store $hello"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
