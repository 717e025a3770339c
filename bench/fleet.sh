#!/bin/sh
# Fleet triage benchmark (docs/benchmarks.md, "Fleet triage"): generates a simulated fleet (bench/FleetGen.java;
# default 10,000 machines x 52 weeks, about 520,000 reports), times `crashwatch fleet compact`, then top / new /
# trend on the compacted Parquet files, and again with the newest day read raw (its compaction removed), with
# bench/FleetBench.java: in one JVM, each round scans the folder and opens DuckDB as a command does, then times
# each query; medians of ROUNDS rounds (wall and CPU time: on a shared machine compare CPU) and the peak resident
# memory. The load average is printed at the start, after compaction and at the end. RAW=1 first times everything
# read raw.
# Usage: bench/fleet.sh [MACHINES] [WEEKS] [ROUNDS]   (WORK=dir keeps the generated fleet there)
set -e
cd "$(dirname "$0")/.."
machines=${1:-10000}
weeks=${2:-52}
rounds=${3:-5}
work=${WORK:-$(mktemp -d)}
reports=$work/reports
[ -f fleet/target/crashwatch-fleet.jar ] || mvn -q -B -ntp -DskipTests package >&2
cp="watchdog/target/crashwatch.jar:fleet/target/crashwatch-fleet.jar:fleet/target/lib/*:fleet/target/duckdb/*"
version=2.4.0-rc1

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -d "$reports" ]; then
    echo "== generating $machines machines x $weeks weeks into $reports"
    /usr/bin/time -f "generated in %e s" java -cp "$cp" bench/FleetGen.java "$reports" "$machines" "$weeks"
fi
echo "== size on disk: $(du -sh "$reports" | cut -f1), $(find "$reports" -name '*.json' | wc -l) files"

if [ -n "$RAW" ]; then
    echo "== raw JSON (nothing compacted), 1 round"
    java -Xmx512m -cp "$cp" bench/FleetBench.java "$reports" 1 "$version"
fi

echo "== crashwatch fleet compact"
/usr/bin/time -f "compaction: %e s wall, %U s user + %S s system CPU, peak resident %M kB" ./crashwatch fleet compact --reports "$reports" | tail -1
echo "== compacted: $(du -sh "$reports/_fleet" | cut -f1) of Parquet; load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== compacted Parquet, $rounds rounds"
java -Xmx512m -cp "$cp" bench/FleetBench.java "$reports" "$rounds" "$version"

last=$(ls -d "$reports"/_fleet/compacted/received=* | tail -1)
rm -rf "$last"
echo "== the newest day read raw (${last##*/}: $(ls "$reports/${last##*/}" | wc -l) reports), the rest compacted, $rounds rounds"
java -Xmx512m -cp "$cp" bench/FleetBench.java "$reports" "$rounds" "$version"

echo "== one command, whole process (JVM start included)"
/usr/bin/time -f "crashwatch fleet top: %e s wall, peak resident %M kB" ./crashwatch fleet top --reports "$reports" --limit 3 >/dev/null
echo "== load $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$WORK" ] || rm -rf "$work"
