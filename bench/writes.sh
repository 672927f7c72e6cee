#!/usr/bin/env bash
# The cost of durable commits: starts OpenEnvelope on Payara Micro with the embedded H2 database on a fresh data
# directory and runs WriteLoad against it (REST account creation with 1 and 4 clients, portal form sign-in, SSO
# sign-in through the ACS) and the portal's Manage Accounts page read by 1 and 4 signed-in administrators,
# printing p50/p95/p99 latency and throughput of each.
# Usage: bench/writes.sh [rounds, default 300]   (after `mvn -B install -DskipTests -DskipITs`)
#        LAYOUT=whole-war, WAR=/path/to/other/openenvelope.war   how the server is started: bench/layout.sh
#        SERVER_JAVA_OPTS="-Xmn64m"   extra options of the server's JVM
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-300}"
. bench/layout.sh
micro="$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar | sort -V | tail -1)"
mvn -B -q -o -pl arquillian-tests test-compile 2>/dev/null || mvn -B -q -pl arquillian-tests test-compile
mvn -B -q -pl arquillian-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
work="$(mktemp -d)"
port=18766
password=benchmark-password-1
OPENENVELOPE_DATA_DIR="$work/data" OPENENVELOPE_ADMIN_PASSWORD="$password" \
    "${server[@]}" -Djava.io.tmpdir="$work" ${SERVER_JAVA_OPTS:-} -jar "$micro" --nohazelcast --disablephonehome --port "$port" \
    --contextroot / "${deployment[@]}" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login.xhtml")" = 200 ]; do
    sleep 0.5
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
done
echo "$(basename "$war") ($layout) from $(dirname "$war"), data in $work/data"
java -Dopenenvelope.test.admin-password="$password" \
    -cp "arquillian-tests/target/test-classes:$(cat arquillian-tests/target/bench.classpath)" \
    org.openenvelope.bench.WriteLoad "http://127.0.0.1:$port/" "$rounds" 2>"$work/client.log" \
    || { cat "$work/client.log"; exit 1; }
