#!/bin/sh
# Crash to counter (docs/benchmarks.md, "Pipeline"): from the crashing JVM's exit to its counter being on disk,
# for an uncaught exception (npe) and a native crash with an hs_err log (native-segv), through ./crashwatch run. The JVM runs under `sh -c` so that the shell can stamp the instant the
# JVM exited; the counter file's modification time (it is replaced atomically on each increment) is the instant
# the count was durable. Negative: the count was on disk before the JVM had finished exiting.
# Usage: bench/pipeline/crash-latency.sh [RUNS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${1:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$repo/crashwatch" help >/dev/null
samples=$repo/samples/target/crashwatch-samples.jar
cd "$work"
for kind in npe native-segv; do
    : > "$work/$kind.ms"
    i=0
    while [ "$i" -lt "$runs" ]; do
        export CRASHWATCH_DIR="$work/store-$kind-$i"
        "$repo/crashwatch" run -- sh -c "java -cp $samples dev.crashwatch.samples.Crash $kind; st=\$?; date +%s%N > $work/exit; exit \$st" \
            >/dev/null 2>&1 || true
        counted=$(stat -c %.9Y "$CRASHWATCH_DIR"/counters/*.json | tr -d .)
        echo $(( (counted - $(cat "$work/exit")) / 1000 )) >> "$work/$kind.ms"
        rm -f "$work"/hs_err_pid*.log
        i=$((i + 1))
    done
    sort -n "$work/$kind.ms" | awk -v k="$kind" '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
        printf "%-12s runs %d  median %.1f ms  min %.1f ms  max %.1f ms\n", k, NR, m/1000, v[1]/1000, v[NR]/1000}'
done
