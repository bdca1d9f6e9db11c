#!/usr/bin/env bash
# JDash's durable-job tests on PostgreSQL, on a Debian machine, as root:
#   1. installs Debian's postgresql package if it is missing, and starts its cluster if it is down;
#   2. creates the role jdash (password jdash) and the database jdash where they are missing;
#   3. runs the job store's unit tests on that database and CrashRecoveryIT, BackgroundJmsIT and
#      BackgroundLocalIT on a test server whose JDashDS points at it (mvn -Ppostgresql);
#   4. checks that the tests left job records and JBeret's executions in PostgreSQL (even when a test failed);
#   5. stops the cluster again if this script started it.
#
#   src/tests/test-postgresql.sh [more mvn arguments, e.g. -o -Dwildfly.test.port.offset=600 ...]
set -euo pipefail
cd "$(dirname "$0")/../.."

source src/tests/postgresql-cluster.sh
# rows TABLE: how many rows TABLE of the database jdash has (0 where it does not exist yet)
rows() {
    if [ "$(psql_as_postgres -d jdash -c "SELECT to_regclass('$1') IS NOT NULL")" = t ]; then
        psql_as_postgres -d jdash -c "SELECT count(*) FROM $1"
    else
        echo 0
    fi
}
jobs_before=$(rows jdash_job)

status=0
mvn -B verify -Ppostgresql \
    -Djdash.test.postgresql.url="$url" \
    -Dtest='JdbcJobStore*Test' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=CrashRecoveryIT,BackgroundJmsIT,BackgroundLocalIT \
    "$@" || status=$?

# The servers of the tests really kept their jobs in PostgreSQL: job records and batch executions are there.
jobs=$(rows jdash_job)
executions=$(rows job_execution)
echo "PostgreSQL $version on port $port, database jdash: $jobs job records ($jobs_before before this run), $executions JBeret job executions"
if [ "$jobs" -le "$jobs_before" ] || [ "$executions" = 0 ]; then
    echo "the tests left no jobs in PostgreSQL: the test server did not use it" >&2
    exit 1
fi
exit "$status"
