#!/bin/sh
# The test command: installs what the tests need (packages from Debian, .ci/setup), runs every test, then lists the
# tests that were skipped and why. On a developer's machine a tool that could not be installed skips the tests that
# need it; in CI (CRASHWATCH_CI=1, set by .ci/run, or CI=true) it fails the run.
root=$(cd "$(dirname "$0")" && pwd)
if ! "$root/.ci/setup"; then
    if [ -n "$CRASHWATCH_CI" ] && [ "$CRASHWATCH_CI" != 0 ] || [ "$CI" = true ]; then
        echo "test: .ci/setup could not install what the tests need; in CI that is a failure" >&2
        exit 1
    fi
    echo "test: going on; the tests that need what is missing are skipped (listed at the end)" >&2
fi
cd "$root" || exit 1
mvn -B -ntp verify "$@"
status=$?
# Fleet triage in Apache Spark local mode over the Parquet files DuckDB compacts (docs/fleet.md): its own profile,
# since Spark is a large download and a slow start; the same answer as DuckDB's or the run fails.
if [ $status = 0 ] && [ $# = 0 ]; then
    mvn -B -ntp -P spark -pl fleet -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
        -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=FleetSparkIT
    status=$?
fi
"$root/.ci/skipped" "$root"
exit $status
