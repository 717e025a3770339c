#!/bin/sh
# The test command: installs what the tests need (packages from Debian), then runs every test.
set -e
root=$(cd "$(dirname "$0")" && pwd)
"$root/.ci/setup"
cd "$root" && exec mvn -B -ntp verify "$@"
