#!/bin/sh
# Launcher cost (docs/benchmarks.md, "Pipeline"): `crashwatch run -- java -cp samples.jar Hello` against
# `java -javaagent:empty-agent.jar -cp samples.jar Hello`, interleaved rounds, medians and ratios.
# Usage: bench/pipeline/launcher-cost.sh [ROUNDS]   (builds the jars on first use through ./crashwatch)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rounds=${1:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$repo/crashwatch" help >/dev/null
samples=$repo/samples/target/crashwatch-samples.jar
javac -d "$work" "$repo/bench/empty-agent/EmptyAgent.java"
printf 'Premain-Class: EmptyAgent\n' > "$work/manifest"
jar cfm "$work/empty-agent.jar" "$work/manifest" -C "$work" EmptyAgent.class
export CRASHWATCH_DIR="$work/store"
hello="-cp $samples dev.crashwatch.samples.Hello"
java "$here/LauncherCost.java" "$rounds" \
    "empty-agent=java -javaagent:$work/empty-agent.jar $hello" \
    "no-agent=java $hello" \
    "crashwatch-run=$repo/crashwatch run -- java $hello" \
    "run-without-script=java -Xshare:auto -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $repo/watchdog/target/crashwatch.jar dev.crashwatch.watchdog.cli.Main run -- java $hello"
