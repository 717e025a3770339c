#!/bin/sh
# Launcher cost (docs/benchmarks.md, "Launcher cost"): `crashwatch run -- java -cp samples.jar Hello` through the
# native launcher (crashwatch-run) and through the Java launcher (CRASHWATCH_NO_NATIVE=1), against
# `java -javaagent:empty-agent.jar -cp samples.jar Hello`, interleaved rounds, medians and ratios.
# Usage: bench/pipeline/launcher-cost.sh [ROUNDS]   (builds the jars on first use through ./crashwatch)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rounds=${1:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CRASHWATCH_DIR="$work/store"
samples=$repo/samples/target/crashwatch-samples.jar
# Builds the jars if needed and makes the AppCDS archive of the path measured (native when built).
"$repo/crashwatch" run -- java -cp "$samples" dev.crashwatch.samples.Hello >/dev/null
. "$repo/bench/lib.sh"
agent_jar "$work/empty-agent.jar" "$repo/bench/empty-agent/EmptyAgent.java" EmptyAgent
hello="-cp $samples dev.crashwatch.samples.Hello"
native=
if [ -x "$repo/watchdog/target/crashwatch-run" ]; then
    native="crashwatch-run=$repo/crashwatch run -- java $hello"
else
    echo "no native launcher (watchdog/target/crashwatch-run): measuring the Java launcher only" >&2
fi
uptime
java "$here/LauncherCost.java" "$rounds" \
    "empty-agent=java -javaagent:$work/empty-agent.jar $hello" \
    "no-agent=java $hello" \
    ${native:+"$native"} \
    "crashwatch-run-java=env CRASHWATCH_NO_NATIVE=1 $repo/crashwatch run -- java $hello"
uptime
