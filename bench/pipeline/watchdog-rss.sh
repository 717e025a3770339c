#!/bin/sh
# Watchdog memory (docs/benchmarks.md, "Pipeline"): resident memory of the `crashwatch run` watchdog while its
# child runs idle (a sample that sleeps), read from /proc/<pid>/status once the child has started.
# Usage: bench/pipeline/watchdog-rss.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$repo/crashwatch" help >/dev/null
export CRASHWATCH_DIR="$work/store"
"$repo/crashwatch" run -- java -cp "$repo/samples/target/crashwatch-samples.jar" dev.crashwatch.samples.Crash sleep 4000 \
    > "$work/out" 2>&1 &
watchdog=$!
until grep -q starting "$work/out" 2>/dev/null; do sleep 0.05; done
sleep 1
grep -E '^(VmRSS|RssAnon|RssFile)' "/proc/$watchdog/status" | sed 's/^/watchdog /'
child=$(pgrep -P "$watchdog" | head -1)
grep -E '^(VmRSS|RssAnon)' "/proc/$child/status" | sed 's/^/child    /'
wait "$watchdog"
