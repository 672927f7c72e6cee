#!/usr/bin/env bash
# Sign-ins of a cluster: complete SP-initiated SAML sign-ins per second (SignInLoad, as bench/signin-load.sh runs it:
# signed Response and Assertion, after an untimed warm-up) through HAProxy (cluster/haproxy.cfg) in front of one
# Payara Micro node, then of two nodes clustered in Payara's data grid, over one PostgreSQL database (.ci/postgres's
# throw-away server, a fresh database dropped afterwards). Prints each run's logins/s, p50/p90/p99 and the nodes'
# CPU ms per sign-in, and the two-node/one-node ratio of logins/s per concurrency. Loopback only.
# Usage: bench/cluster-signins.sh [sign-ins per case, default 1000]   (after `mvn -B install -DskipTests -DskipITs`;
#        needs haproxy: apt-get install haproxy)
#   CONCURRENCY="8 64"  CAP=60 (seconds per case)  WARMUP=2000 (untimed sign-ins per warm-up round)  WARMUP_SECONDS=600 (rounds until the JIT has settled, at most this long)
#   WAR=/path/to/other/openenvelope.war   measures another build; HTTP_THREADS each node's request threads (4 per core)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
concurrency="${CONCURRENCY:-8 64}"
war="$(realpath "${WAR:-web/target/openenvelope.war}")"
micro="$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar | sort -V | tail -1)"
haproxy="$(command -v haproxy || echo /usr/sbin/haproxy)"
[ -x "$haproxy" ] || { echo "HAProxy is needed: apt-get install haproxy" >&2; exit 2; }
mvn -B -q -o -pl arquillian-tests test-compile 2>/dev/null || mvn -B -q -pl arquillian-tests test-compile
mvn -B -q -pl arquillian-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
if [ -z "${OPENENVELOPE_TEST_POSTGRES_URL:-}" ]; then
    eval "$(bash .ci/postgres)"
fi
work="$(mktemp -d)"
password=benchmark-password-1
database="oe_cluster_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
server="${OPENENVELOPE_TEST_POSTGRES_URL%/*}"
pg_port="$(sed -E 's#^jdbc:postgresql://[^:/]*:?([0-9]*)/.*#\1#' <<<"$OPENENVELOPE_TEST_POSTGRES_URL")"
psql_test() {
    PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$OPENENVELOPE_TEST_POSTGRES_PASSWORD" psql -X -q \
        -v ON_ERROR_STOP=1 --dbname="${OPENENVELOPE_TEST_POSTGRES_URL#jdbc:}" \
        --username="$OPENENVELOPE_TEST_POSTGRES_USER" "$@"
}
pids=()
proxy=""
cleanup() {
    [ -n "$proxy" ] && kill "$proxy" 2>/dev/null
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
    psql_test -c "drop database if exists $database with (force)" >/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
psql_test -c "create database $database" >/dev/null
database_pid="$(ss -Hltnp "sport = :${pg_port:-5432}" 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -n 1)"
balancer=18790
grid=18800
printf '%s\n' "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xframe-options=false" \
    "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=${HTTP_THREADS:-$((4 * $(nproc)))}" \
    >"$work/preboot.asadmin"

node() { # name port: starts a clustered node and waits for it
    local name="$1" port="$2"
    OPENENVELOPE_DATA_DIR="$work/$name" OPENENVELOPE_ADMIN_PASSWORD="$password" \
        OPENENVELOPE_DATASOURCE_URL="$server/$database" OPENENVELOPE_DATASOURCE_USER="$OPENENVELOPE_TEST_POSTGRES_USER" \
        OPENENVELOPE_DATASOURCE_PASSWORD="$OPENENVELOPE_TEST_POSTGRES_PASSWORD" \
        OPENENVELOPE_SECRETS_MASTER_KEY="$(printf 'cluster-bench-master-key-32bytes' | base64)" \
        OPENENVELOPE_BASE_URL="http://127.0.0.1:$balancer/" OPENENVELOPE_HTTP_TRUSTED_PROXIES=127.0.0.1 \
        java -Xmx768m -Djava.io.tmpdir="$work" -jar "$micro" --disablephonehome --clustermode "tcpip:127.0.0.1:$grid" \
        --startport "$grid" --interfaces 127.0.0.1 --clustername "openenvelope-bench-$database" --port "$port" \
        --prebootcommandfile "$work/preboot.asadmin" --contextroot / --deploy "$war" >"$work/$name.log" 2>&1 &
    pids+=($!)
    local started; started=$(date +%s)
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
        sleep 0.5
        if [ $(( $(date +%s) - started )) -gt 300 ]; then tail -n 60 "$work/$name.log"; exit 1; fi
    done
}
balance() { # node ports...: (re)starts HAProxy in front of them
    [ -n "$proxy" ] && { kill "$proxy"; wait "$proxy" 2>/dev/null || true; }
    OE_LISTEN="127.0.0.1:$balancer" OE_NODE1="127.0.0.1:$1" OE_NODE2="127.0.0.1:${2:-$1}" \
        "$haproxy" -db -f cluster/haproxy.cfg >"$work/haproxy.log" 2>&1 &
    proxy=$!
    sleep 5
}
load() { # label
    local list; list="$(IFS=,; echo "${pids[*]}")"
    echo "=== $1: server pids $list"
    java -Xmx1g -Dopenenvelope.test.admin-password="$password" -Dbench.server-pid="$list" \
        -Dbench.clock-ticks="$(getconf CLK_TCK)" -Dbench.count="$count" -Dbench.encrypted=false \
        -Dbench.concurrency="$(tr -s ' ' ',' <<<"$concurrency")" -Dbench.cap-seconds="${CAP:-60}" \
        -Dbench.warmup="${WARMUP:-2000}" -Dbench.warmup-seconds="${WARMUP_SECONDS:-600}" -Dbench.database-pid="$database_pid" \
        -cp "arquillian-tests/target/test-classes:$(cat arquillian-tests/target/bench.classpath)" \
        org.openenvelope.bench.SignInLoad "http://127.0.0.1:$balancer/" 2>"$work/client.log" | tee "$work/$1.txt" \
        || { cat "$work/client.log"; exit 1; }
}

echo "$(basename "$war"), PostgreSQL database $database, $(nproc) CPUs, HAProxy $("$haproxy" -v | head -n 1 | awk '{print $3}')"
node a 18791
balance 18791
load "one node"
node b 18792
balance 18791 18792
load "two nodes"
echo "=== two nodes / one node, logins/s"
for c in $concurrency; do
    one="$(sed -nE "s/^signed, c=$c: .*, ([0-9.]+) logins\/s.*/\1/p" "$work/one node.txt")"
    two="$(sed -nE "s/^signed, c=$c: .*, ([0-9.]+) logins\/s.*/\1/p" "$work/two nodes.txt")"
    echo "c=$c: $one → $two logins/s, ratio $(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", b / a }')"
done
