#!/bin/sh
# Fleet command start-up (docs/benchmarks.md, "Fleet triage": "A command's start"): `crashwatch fleet top` as the
# script runs it (DuckDB's driver loaded from the copy unpacked once in the user's cache, dev.crashwatch.fleet.duckdb)
# against the same command with the driver's jar on the class path as it comes (the driver then unpacks its 71 MB
# native library into a new temporary file on every start), in interleaved rounds (bench/StartupBench.java: wall time
# and the CPU time of the process tree), over a small generated fleet (bench/FleetGen.java), compacted first.
# Usage: bench/fleet-start.sh [ROUNDS [MACHINES WEEKS]]   (after `mvn -q -DskipTests package`; default 30, 200 x 8)
set -e
here=$(cd "$(dirname "$0")" && pwd)
repo=${here%/bench}
rounds=${1:-30}
machines=${2:-200}
weeks=${3:-8}
[ -d "$repo/fleet/target/duckdb" ] || (cd "$repo" && mvn -q -B -ntp -DskipTests package >&2)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/lib.sh"
timer=$(startup_timer "$here/startup-timer.c" "$work")
cp="$repo/watchdog/target/crashwatch.jar:$repo/fleet/target/crashwatch-fleet.jar:$repo/fleet/target/lib/*"
java -cp "$cp" "$here/FleetGen.java" "$work/reports" "$machines" "$weeks" >/dev/null
XDG_CACHE_HOME="$work/cache" "$repo/crashwatch" fleet compact --reports "$work/reports" >/dev/null
# The cache is made here, before anything is timed (a user's first fleet command makes it, once).
XDG_CACHE_HOME="$work/cache" "$repo/crashwatch" fleet top --reports "$work/reports" --limit 3 >/dev/null

echo "== $(java -version 2>&1 | head -1); $machines machines x $weeks weeks; load at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
IFS='
'
java "-Dtimer=$timer" "$here/StartupBench.java" "$rounds" \
    "driver-as-it-comes=env XDG_CACHE_HOME=$work/cache java -Xmx512m -Dcrashwatch.home=$repo/watchdog/target -cp $cp:$repo/fleet/target/duckdb/* dev.crashwatch.fleet.cli.FleetMain fleet top --reports $work/reports --limit 3" \
    "crashwatch-fleet=env XDG_CACHE_HOME=$work/cache $repo/crashwatch fleet top --reports $work/reports --limit 3"
unset IFS
