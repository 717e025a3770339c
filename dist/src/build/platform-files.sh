#!/bin/sh
# Lays out what only the platform archive holds (src/assembly/platform.xml) in OUT: the native helpers in libexec/, and
# the command bin/crashwatch: the native entry (watchdog's crashwatch-entry), with the crashwatch script moved to
# libexec/crashwatch, when the build made it; else (no C compiler) the script itself, as in the Java-only archive.
# docs/install.md, docs/native.md.
# Usage: platform-files.sh ROOT OUT   (ROOT: the source checkout, its modules built)
set -e
root=${1:?usage: platform-files.sh ROOT OUT}
out=${2:?usage: platform-files.sh ROOT OUT}
target=$root/watchdog/target
rm -rf "$out"
mkdir -p "$out/bin" "$out/libexec"
for helper in crashwatch-run crashwatch-relay; do
    [ ! -x "$target/$helper" ] || cp "$target/$helper" "$out/libexec/$helper"
done
if [ -x "$target/crashwatch-entry" ]; then
    cp "$target/crashwatch-entry" "$out/bin/crashwatch"
    cp "$root/crashwatch" "$out/libexec/crashwatch"
else
    cp "$root/crashwatch" "$out/bin/crashwatch"
fi
