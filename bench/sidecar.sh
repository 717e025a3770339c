#!/bin/sh
# Sidecar benchmark (docs/benchmarks.md, "agent"): idle footprint, start-up CPU and crash-to-counter latency of the
# sidecar, with the agent's own JVM options ("default") and alternatives, in interleaved rounds.
# Usage: bench/sidecar.sh [ROUNDS]   (after `mvn -q -DskipTests package`)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
rounds=${1:-5}
target="$repo/watchdog/target"
common="-XX:+UseSerialGC -Xms2m -Xmx16m -Xss256k -XX:-UsePerfData -XX:ReservedCodeCacheSize=8m -XX:MaxMetaspaceSize=64m"
java -cp "$target/crashwatch.jar" "$here/SidecarBench.java" "$rounds" "$target/crashwatch-agent.jar" \
  "$repo/samples/target/crashwatch-samples.jar" \
  "default=default" \
  "cds-reloc=-Xshare:auto -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 $common" \
  "nocds-int=-Xshare:off -Xint $common" \
  "jvm-only=-Xshare:auto"
