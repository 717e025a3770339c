#!/bin/sh
# Crash to counter (docs/benchmarks.md, "Crash to counter"): from the crashing JVM's exit to its counter being on
# disk, for an uncaught exception (npe) and a native crash with an hs_err log (native-segv), through
# ./crashwatch run. The JVM runs under `sh -c` so that the shell can stamp the instant the JVM exited; the
# counter file's modification time (it is replaced atomically on each increment) is the instant the count was
# durable. Negative: the count was on disk before the JVM had finished exiting.
#
# Each kind counts into one store, made before the timed runs by one untimed crash: the steady state of a
# machine, whose store already exists (and holds its cached host facts). FRESH=1 gives every run a new store
# instead (the first crash ever recorded on a machine).
#
# Usage: bench/pipeline/crash-latency.sh [RUNS] [OTHER_REPO]
#   OTHER_REPO: a second checkout (or a copy with crashwatch, watchdog/target and samples/target) to compare
#   with, run interleaved round by round; it prints both and the ratio of the medians (this / other).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${1:-15}
other=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repos=$repo
[ -n "$other" ] && repos="$repo $(cd "$other" && pwd)"
for r in $repos; do "$r/crashwatch" help >/dev/null; done
cd "$work"

# one_run REPO TAG KIND STORE: one timed crash, appends microseconds to $work/TAG-KIND.us
one_run() {
    samples=$1/samples/target/crashwatch-samples.jar
    before=$(stat -c %.9Y "$4"/counters/*.json 2>/dev/null | tr -d . || true)
    CRASHWATCH_DIR=$4 "$1/crashwatch" run -- sh -c "java -cp $samples dev.crashwatch.samples.Crash $3; st=\$?; date +%s%N > $work/exit; exit \$st" \
        >/dev/null 2>&1 || true
    # The native launcher's Java half records after `crashwatch run` has returned: wait for the file to change.
    while counted=$(stat -c %.9Y "$4"/counters/*.json 2>/dev/null | tr -d . || true); \
            [ -z "$counted" ] || [ "$counted" = "$before" ]; do
        sleep 0.01
    done
    echo $(( (counted - $(cat "$work/exit")) / 1000 )) >> "$work/$2-$3.us"
    rm -f "$work"/hs_err_pid*.log
}

summary() {
    sort -n "$1" | awk -v k="$2" '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
        printf "%-28s runs %d  median %.1f ms  min %.1f ms  max %.1f ms\n", k, NR, m/1000, v[1]/1000, v[NR]/1000}'
}

median() {
    sort -n "$1" | awk '{v[NR]=$1} END {print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in npe native-segv; do
    tag=0
    for r in $repos; do
        tag=$((tag + 1))
        : > "$work/$tag-$kind.us"
        if [ -z "${FRESH:-}" ]; then
            one_run "$r" warm "$kind" "$work/store-$tag-$kind"
        fi
    done
    i=0
    while [ "$i" -lt "$runs" ]; do
        tag=0
        for r in $repos; do
            tag=$((tag + 1))
            store=$work/store-$tag-$kind
            [ -n "${FRESH:-}" ] && store=$store-$i
            one_run "$r" "$tag" "$kind" "$store"
        done
        i=$((i + 1))
    done
    tag=0
    for r in $repos; do
        tag=$((tag + 1))
        summary "$work/$tag-$kind.us" "$kind ($(basename "$r"))"
    done
    if [ -n "$other" ]; then
        awk -v a="$(median "$work/1-$kind.us")" -v b="$(median "$work/2-$kind.us")" -v k="$kind" \
            'BEGIN {printf "%-28s ratio of medians (this / other) %.2f\n", k, a / b}'
    fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
