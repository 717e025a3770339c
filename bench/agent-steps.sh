#!/bin/sh
# What each step of the agent's start costs in launcher mode (docs/benchmarks.md, "Session 10"; issue 17): a
# throw-away build of the agent with bench/agent-steps/probe.patch (System.nanoTime at the end of each step of premain
# and of crashwatch-start, written to a file once the hello is out), attached to an application that sleeps 700 ms
# (bench/agent-steps/Sleeper.java, a jar with a manifest, run with -jar), so that crashwatch-start runs alone and its
# wall time is its CPU time. RUNS JVMs per variant, interleaved:
#   no-key   -javaagent:<probe agent>=pipe=FIFO             the FIFO checked: its owner and its directory's
#   key      -javaagent:<probe agent>=pipe=FIFO,pipeKey=K   the FIFO known by its key, as crashwatch run passes it
# Prints each step's median (microseconds since the step before), and the sums for premain's thread and for
# crashwatch-start. With CP_ENTRIES=N the application runs from a class path of its jar and N made-up jar paths (as
# one a build tool launches: the hello carries the class path) instead of with -jar.
# Usage: [CP_ENTRIES=N] bench/agent-steps.sh [RUNS [JDK_HOME]]   (after `mvn -q -DskipTests package`; default 21
# runs, Temurin 25)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
runs=${1:-21}
jdk=${2:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/src" "$work/classes" "$work/agent" "$work/app"
cp -r "$repo/agent/src/main/java/." "$work/src/"
patch -s -p1 -d "$work/src" < "$here/agent-steps/probe.patch"
# shellcheck disable=SC2046
"$jdk/bin/javac" --release 11 -XDstringConcat=inline -nowarn -d "$work/classes" $(find "$work/src" -name '*.java')
unzip -p "$repo/watchdog/target/crashwatch-agent.jar" META-INF/MANIFEST.MF > "$work/agent.mf"
# Named as the real one, so that its Boot-Class-Path entry finds it.
"$jdk/bin/jar" cfm "$work/agent/crashwatch-agent.jar" "$work/agent.mf" -C "$work/classes" .
"$jdk/bin/javac" -d "$work/app" "$here/agent-steps/Sleeper.java"
printf 'Main-Class: Sleeper\nImplementation-Title: sleeper\nImplementation-Version: 1.0\n' > "$work/app.mf"
"$jdk/bin/jar" cfm "$work/sleeper.jar" "$work/app.mf" -C "$work/app" .
mkfifo "$work/crash.pipe"
key=$(stat -c '%D:%i' "$work/crash.pipe")
app="-jar $work/sleeper.jar"
if [ -n "${CP_ENTRIES:-}" ]; then
    cp=$work/sleeper.jar
    n=0
    while [ "$n" -lt "$CP_ENTRIES" ]; do
        cp="$cp:$HOME/.m2/repository/org/example/library-$n/1.$n.0/library-$n-1.$n.0.jar"
        n=$((n + 1))
    done
    app="-cp $cp Sleeper"
fi

echo "$("$jdk/bin/java" -version 2>&1 | head -1); $runs runs per variant; class path entries: ${CP_ENTRIES:-the jar}; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ "$i" -lt "$runs" ]; do
    # shellcheck disable=SC2086
    "$jdk/bin/java" -Dprobe.out="$work/no-key.txt" -javaagent:"$work/agent/crashwatch-agent.jar=pipe=$work/crash.pipe" \
        $app
    # shellcheck disable=SC2086
    "$jdk/bin/java" -Dprobe.out="$work/key.txt" \
        -javaagent:"$work/agent/crashwatch-agent.jar=pipe=$work/crash.pipe,pipeKey=$key" $app
    i=$((i + 1))
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR ? v[int((NR + 1) / 2)] : "-")}'; }
printf '%-24s %10s %10s\n' "step (median us)" "no-key" "key"
for step in options hold-main-jar hooks thread-started thread-running pid environment fifo-check fifo-open flags \
        hello-facts hello-written heap-exhaustion-record; do
    a=$(awk -v s="$step" '$1 == s {print $2}' "$work/no-key.txt" | median)
    b=$(awk -v s="$step" '$1 == s {print $2}' "$work/key.txt" | median)
    printf '%-24s %10s %10s\n' "$step" "$a" "$b"
    case $step in
        options|hold-main-jar|hooks|thread-started) echo "main $a $b" >> "$work/sums" ;;
        thread-running) ;;
        *) echo "start $a $b" >> "$work/sums" ;;
    esac
done
awk '$2 != "-" {a[$1] += $2; b[$1] += $3} END {
    printf "%-24s %10d %10d\n", "premain thread, sum", a["main"], b["main"]
    printf "%-24s %10d %10d\n", "crashwatch-start, sum", a["start"], b["start"] }' "$work/sums"
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
