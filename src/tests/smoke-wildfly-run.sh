#!/usr/bin/env bash
# The README's other command, checked: `mvn wildfly:run` must serve the gallery from what `mvn verify` left
# (no install beforehand). Starts it in the background, waits for a 200 on / and on an app page (at most 3
# minutes), then stops the server with `mvn wildfly:shutdown`. .ci/run runs it after `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/../.."

log=$(mktemp)
mvn -B wildfly:run >"$log" 2>&1 &
run=$!
stop() {
    mvn -B -q wildfly:shutdown >/dev/null 2>&1 || true
    wait "$run" 2>/dev/null || true
}
trap stop EXIT

for _ in $(seq 1 180); do
    if curl -sf -o /dev/null http://localhost:8080/ && curl -sf -o /dev/null http://localhost:8080/apps/progress-bar/; then
        echo "mvn wildfly:run serves the gallery after ${SECONDS} s"
        exit 0
    fi
    if ! kill -0 "$run" 2>/dev/null; then
        break
    fi
    sleep 1
done
echo "mvn wildfly:run did not serve the gallery; its output ends with:" >&2
tail -40 "$log" >&2
exit 1
