#!/bin/sh
# Fleet triage benchmark (docs/benchmarks.md, "Fleet triage"): generates a simulated fleet (bench/FleetGen.java;
# default 10,000 machines x 52 weeks, about 520,000 reports), then times top / new / trend on the raw JSON reports,
# `crashwatch fleet compact`, and the same queries on the compacted Parquet files (bench/FleetBench.java: median of
# ROUNDS rounds, in one JVM, each query from scratch: scan, open DuckDB, query), and the peak resident memory.
# Usage: bench/fleet.sh [MACHINES] [WEEKS] [ROUNDS]   (WORK=dir keeps the generated fleet there)
set -e
cd "$(dirname "$0")/.."
machines=${1:-10000}
weeks=${2:-52}
rounds=${3:-5}
work=${WORK:-$(mktemp -d)}
reports=$work/reports
[ -f fleet/target/crashwatch-fleet.jar ] || mvn -q -B -ntp -DskipTests package >&2
cp="watchdog/target/crashwatch.jar:fleet/target/crashwatch-fleet.jar:fleet/target/lib/*"
version=2.4.0-rc1

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -d "$reports" ]; then
    echo "== generating $machines machines x $weeks weeks into $reports"
    /usr/bin/time -f "generated in %e s" java -cp "$cp" bench/FleetGen.java "$reports" "$machines" "$weeks"
fi
echo "== size on disk: $(du -sh "$reports" | cut -f1), $(find "$reports" -name '*.json' | wc -l) files"

echo "== raw JSON (nothing compacted), 1 round"
java -Xmx1g -cp "$cp" bench/FleetBench.java "$reports" 1 "$version"

echo "== crashwatch fleet compact"
/usr/bin/time -f "compaction: %e s wall, peak resident %M kB" ./crashwatch fleet compact --reports "$reports" | tail -1
echo "== compacted: $(du -sh "$reports/_fleet" | cut -f1) of Parquet"

echo "== compacted Parquet, $rounds rounds"
java -Xmx1g -cp "$cp" bench/FleetBench.java "$reports" "$rounds" "$version"

echo "== one command, whole process (JVM start included)"
/usr/bin/time -f "crashwatch fleet top: %e s wall, peak resident %M kB" ./crashwatch fleet top --reports "$reports" --limit 3 >/dev/null
[ -n "$WORK" ] || rm -rf "$work"
