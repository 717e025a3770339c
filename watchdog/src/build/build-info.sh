#!/bin/sh
# Writes what `crashwatch version` prints about the build: the version and the commit it was built from
# (`<hash>-dirty` when tracked files differed from it; `unknown` outside a git checkout).
# Usage: build-info.sh VERSION OUT_FILE
set -e
version=${1:?usage: build-info.sh VERSION OUT_FILE}
out=${2:?usage: build-info.sh VERSION OUT_FILE}
cd "$(dirname "$0")"
commit=$(git rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit=$commit-dirty
fi
mkdir -p "$(dirname "$out")"
printf 'version=%s\ncommit=%s\n' "$version" "$commit" > "$out.tmp"
mv -f "$out.tmp" "$out"
