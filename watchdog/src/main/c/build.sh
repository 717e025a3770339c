#!/bin/sh
# Builds each native program in this directory (one per crashwatch-*.c file, each linked with every other .c file here,
# what they share: held.c the bytes held, spool.c the crash records spooled, launch.c `crashwatch run`) into
# OUT/<name>. Without a C compiler it says so and succeeds: crashwatch then uses its Java code paths (docs/native.md).
# Usage: build.sh OUT
set -e
src=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUT}
cc=${CC:-cc}
if ! command -v "$cc" >/dev/null 2>&1; then
    echo "crashwatch: no C compiler ($cc); the native helpers are not built, the Java code paths are used" >&2
    exit 0
fi
mkdir -p "$out"
set --  # the shared sources
for c in "$src"/*.c; do
    case ${c##*/} in crashwatch-*) ;; *) set -- "$@" "$c" ;; esac
done
for c in "$src"/crashwatch-*.c; do
    [ -f "$c" ] || continue
    name=$(basename "$c" .c)
    stale=0
    for f in "$c" "$src"/*.h "$@"; do
        if [ "$f" -nt "$out/$name" ]; then stale=1; fi
    done
    if [ ! -x "$out/$name" ] || [ "$stale" = 1 ]; then
        "$cc" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -Wall -Wextra -Werror \
            -o "$out/$name.tmp" "$c" "$@"
        mv -f "$out/$name.tmp" "$out/$name"
    fi
done
