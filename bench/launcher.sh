#!/bin/sh
# Launcher benchmark (docs/benchmarks.md, "Launcher mode: a real CLI"; issue 17): what `crashwatch run` costs a real
# command-line tool and hello world, against the same JVM bare and with an empty agent, and what the agent in sidecar
# mode costs, in interleaved rounds (bench/StartupBench.java: wall time and, with a C compiler, CPU time of the whole
# process tree the command waits for), on each JDK given; then the crash-to-counter latency of `crashwatch run`'s
# lazily started Java half (bench/CrashLatency.java).
# The tool is google-java-format (its all-deps jar, fetched through Maven into the local repository) formatting a
# one-line file: 1.22.0, the version of issue 17's figures, on JDKs before 25, and 1.28.0 on JDK 25 and later (1.22.0
# fails there: NoSuchMethodError in javac's Log$DeferredDiagnosticHandler). Every variant goes through env(1), so
# each pays the same exec.
# Usage: bench/launcher.sh [ROUNDS [JDK_HOME...]]   (after `mvn -q -DskipTests package`; default: 30 rounds, the
#   `java` on the PATH and /usr/lib/jvm/temurin-25-jdk-amd64 when it is there)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
rounds=${1:-30}
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
    set -- "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && set -- "$@" /usr/lib/jvm/temurin-25-jdk-amd64
fi
target="$repo/watchdog/target"
samples="$repo/samples/target/crashwatch-samples.jar"
agent="$target/crashwatch-agent.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The tool, through Maven's own client (into the local repository, then copied here).
for version in 1.22.0 1.28.0; do
    (cd "$work" && mvn -q -B -ntp dependency:copy \
        -Dartifact=com.google.googlejavaformat:google-java-format:$version:jar:all-deps -DoutputDirectory="$work" >&2)
done
printf 'class One { void f() { int x=1; } }\n' > "$work/One.java"

. "$here/lib.sh"
agent_jar "$work/empty-agent.jar" "$here/empty-agent/EmptyAgent.java" EmptyAgent
timer=$(startup_timer "$here/startup-timer.c" "$work")
store="$work/store"
mkdir -p "$store"
# ./crashwatch makes its class-data archive on first use: made here, before anything is timed.
CRASHWATCH_DIR="$store" "$repo/crashwatch" run -- true

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for jdk in "$@"; do
    java=$jdk/bin/java
    echo
    echo "== $("$java" -version 2>&1 | head -1) ($jdk)"
    gjf="$work/google-java-format-1.22.0-all-deps.jar"
    case $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p') in
        1[0-9]|2[0-4]) ;;
        *) gjf="$work/google-java-format-1.28.0-all-deps.jar" ;;
    esac
    echo "   ($(basename "$gjf"))"
    for program in "gjf=-jar $gjf $work/One.java" "hello=-cp $samples dev.crashwatch.samples.Hello"; do
        name=${program%%=*}
        args=${program#*=}
        echo "-- $name"
        IFS='
'
        # shellcheck disable=SC2086
        java "-Dtimer=$timer" "$here/StartupBench.java" "$rounds" \
          "$name-bare=env CRASHWATCH_DIR=$store $java $args" \
          "empty-agent=env CRASHWATCH_DIR=$store $java -javaagent:$work/empty-agent.jar $args" \
          "$name-crashwatch-run=env CRASHWATCH_DIR=$store $repo/crashwatch run -- $java $args" \
          "$name-sidecar-agent=env CRASHWATCH_DIR=$store $java -javaagent:$agent $args"
        unset IFS
    done
    echo "-- crash-to-counter, crashwatch run (lazy Java half)"
    java "$here/CrashLatency.java" "$rounds" "$work" \
        "$repo/crashwatch" run -- "$java" -cp "$samples" dev.crashwatch.samples.Crash npe
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
