#!/bin/sh
# Launcher benchmark (docs/benchmarks.md, "Launcher mode: a real CLI"; issue 17): what `crashwatch run` costs a real
# command-line tool and hello world, against the same JVM bare and with an empty agent, and what the agent in sidecar
# mode costs, in interleaved rounds (bench/StartupBench.java: wall time and, with a C compiler, CPU time of the whole
# process tree the command waits for), on each JDK given; then the crash-to-counter latency of `crashwatch run`'s
# lazily started Java half (bench/CrashLatency.java). `crashwatch run` is an installation's: the platform archive
# (dist/target/crashwatch-VERSION-OS-ARCH.tar.gz) unpacked here, whose bin/crashwatch is the native entry
# (docs/native.md, "The entry"); the checkout's ./crashwatch script (the script, then crashwatch-run) is timed beside
# it as `script-run`. Class-data archives go to a cache of the run's own, made before anything is timed.
# The tool is google-java-format (its all-deps jar, fetched through Maven into the local repository) formatting a
# one-line file: 1.22.0, the version of issue 17's figures, on JDKs before 25, and 1.28.0 on JDK 25 and later (1.22.0
# fails there: NoSuchMethodError in javac's Log$DeferredDiagnosticHandler). Every variant goes through env(1), so
# each pays the same exec.
# Usage: bench/launcher.sh [ROUNDS [JDK_HOME...]]   (after `mvn -q -DskipTests package`, which makes the archive;
#   default: 30 rounds, the `java` on the PATH and /usr/lib/jvm/temurin-25-jdk-amd64 when it is there)
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
archive=$(ls -t "$repo"/dist/target/crashwatch-*-*-*.tar.gz 2>/dev/null | head -1)
if [ -z "$archive" ]; then
    echo "bench/launcher.sh: no platform archive in dist/target: run \`mvn -q -DskipTests package\` first" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
mkdir "$work/install"
tar -xzf "$archive" -C "$work/install"
entry=$(echo "$work"/install/*/bin/crashwatch)
if ! head -c 4 "$entry" | grep -q ELF; then
    echo "bench/launcher.sh: $archive has no native entry (no C compiler when it was built)" >&2
    exit 2
fi
XDG_CACHE_HOME=$work/cache
export XDG_CACHE_HOME

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
# The class-data archives of the script's JVM, one per installation (this one, the checkout), made before anything is
# timed: the checkout's by a first command; the installation's when its entry first starts a Java half, after a crash.
CRASHWATCH_DIR="$store" "$repo/crashwatch" status >/dev/null
CRASHWATCH_DIR="$store" "$entry" run -- java -cp "$samples" dev.crashwatch.samples.Crash npe >/dev/null 2>&1 || true
waited=0
until [ "$(find "$XDG_CACHE_HOME" -name '*.jsa' 2>/dev/null | wc -l)" -ge 2 ]; do
    if [ "$waited" -ge 600 ]; then
        echo "bench/launcher.sh: the class-data archives were not made within 5 minutes" >&2
        exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
done

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
          "$name-crashwatch-run=env CRASHWATCH_DIR=$store $entry run -- $java $args" \
          "$name-sidecar-agent=env CRASHWATCH_DIR=$store $java -javaagent:$agent $args" \
          "$name-script-run=env CRASHWATCH_DIR=$store $repo/crashwatch run -- $java $args"
        unset IFS
    done
    echo "-- crash-to-counter, crashwatch run (the entry; lazy Java half)"
    java "$here/CrashLatency.java" "$rounds" "$work" \
        "$entry" run -- "$java" -cp "$samples" dev.crashwatch.samples.Crash npe
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
