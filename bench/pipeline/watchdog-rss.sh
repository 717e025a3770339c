#!/bin/sh
# Watchdog memory (docs/benchmarks.md, "Launcher cost"): resident memory of the `crashwatch run` watchdog while its
# child runs idle (a sample that sleeps), read from /proc/<pid>/status once the child has started. Through the
# native launcher the watchdog is crashwatch-run (C) alone while the child runs (its Java half starts only after a
# crash); with CRASHWATCH_NO_NATIVE=1 it is the Java launcher's one JVM. Both are measured, one after the other.
# Usage: bench/pipeline/watchdog-rss.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$repo/crashwatch" help >/dev/null
export CRASHWATCH_DIR="$work/store"

rss() { # LABEL PID
    grep -E '^(VmRSS|RssAnon|RssFile)' "/proc/$2/status" | tr -s ' \t' ' ' | sed "s/^/$1 /"
}

measure() { # LABEL [env assignments...]
    label=$1
    shift
    rm -f "$work/out"
    env "$@" "$repo/crashwatch" run -- java -cp "$repo/samples/target/crashwatch-samples.jar" \
        dev.crashwatch.samples.Crash sleep 4000 > "$work/out" 2>&1 &
    watchdog=$!
    until grep -q starting "$work/out" 2>/dev/null; do sleep 0.05; done
    sleep 1
    echo "== $label"
    rss "launcher  " "$watchdog"
    for p in $(pgrep -P "$watchdog"); do
        if tr '\0' ' ' < "/proc/$p/cmdline" | grep -q WatchMain; then
            rss "java-half " "$p"
        else
            rss "child     " "$p"
        fi
    done
    wait "$watchdog"
}

if [ -x "$repo/watchdog/target/crashwatch-run" ]; then
    measure "native launcher (crashwatch-run + its Java half)"
fi
measure "Java launcher (CRASHWATCH_NO_NATIVE=1)" CRASHWATCH_NO_NATIVE=1
