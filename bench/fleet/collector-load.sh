#!/bin/sh
# The collector under a fleet's load (docs/benchmarks.md, "Collector"): MACHINES simulated machines x WEEKS weeks of
# reports (Zipf over 200 stacks, 5 versions of which 2 prereleases) uploaded by CLIENTS concurrent clients over
# loopback to `crashwatch collector --dir` (folder storage: every reply after fsync), throttling raised out of the
# way. Prints the baseline (GET /healthz through the same clients), accepted reports per second, p50/p99 latency,
# the collector's resident memory (now and peak) and the reports lost (must be 0).
# Half the reports go as fast as the clients can send them (the most the collector takes), the other half are
# offered at RATE per second (latency at that load, counted from when each was due).
# Usage: bench/fleet/collector-load.sh [MACHINES [WEEKS [CLIENTS [RATE]]]]   (default 1000 10 100 1000)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
machines=${1:-1000}
weeks=${2:-10}
clients=${3:-100}
rate=${4:-1000}
work=$(mktemp -d)
collector=
trap '[ -n "$collector" ] && kill "$collector" 2>/dev/null; rm -rf "$work"' EXIT
"$repo/crashwatch" help >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$repo/crashwatch" collector --dir "$work/store" --listen "127.0.0.1:$port" --client-rate 1000000 \
    --total-rate 1000000 --oldest-week $((weeks * 7 + 14)) > "$work/collector.log" 2>&1 &
collector=$!
until grep -q listening "$work/collector.log" 2>/dev/null; do
    kill -0 "$collector" || { cat "$work/collector.log"; exit 1; }
    sleep 0.1
done
echo "collector pid $collector on port $port; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$repo/watchdog/target/crashwatch.jar" "$here/CollectorLoad.java" "$port" "$work/store" \
    "$machines" "$weeks" "$clients" "$rate"
grep -E '^(VmRSS|VmHWM)' "/proc/$collector/status" | tr -s ' \t' ' ' | sed 's/^/collector /'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
