#!/usr/bin/env bash
# JDash's scale-out test (issue 14), on a Debian machine, as root: PostgreSQL as test-postgresql.sh sets it up
# (installed and started if needed, role and database jdash), then ScaleOutIT: a standalone Artemis broker from Maven
# Central's distribution and four WildFly processes of the gallery WAR with the scale-out test app, two web nodes and
# two worker nodes, all on that broker and that database (mvn -Ppostgresql,scale-out; docs/operations.md, "Several
# nodes"). Stops the cluster again if this script started it. .ci/run runs it after the README's test command.
#
#   src/tests/test-scale-out.sh [more mvn arguments, e.g. -o -Dwildfly.test.port.offset=600 ...]
set -euo pipefail
cd "$(dirname "$0")/../.."

source src/tests/postgresql-cluster.sh

mvn -B verify -Ppostgresql,scale-out \
    -Djdash.test.postgresql.url="$url" \
    -pl src/tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    "$@"
