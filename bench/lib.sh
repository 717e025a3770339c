# Shared by the benchmark scripts (sourced, not run): building the yardstick agents and the stopwatch.

# agent_jar JAR SOURCE CLASS [MANIFEST_LINES]: compiles SOURCE and jars it with CLASS as its Premain-Class.
agent_jar() {
    classes=$(mktemp -d)
    javac -d "$classes" "$2"
    printf 'Premain-Class: %s\n%s' "$3" "${4:-}" > "$classes.mf"
    jar cfm "$1" "$classes.mf" -C "$classes" .
    rm -rf "$classes" "$classes.mf"
}

# startup_timer SOURCE DIR: compiles the stopwatch SOURCE (bench/startup-timer.c: CPU time as well as wall time)
# into DIR and prints its path; prints nothing when there is no C compiler.
startup_timer() {
    if command -v "${CC:-cc}" >/dev/null 2>&1 && "${CC:-cc}" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -O2 -o "$2/startup-timer" "$1"; then
        echo "$2/startup-timer"
    fi
}
