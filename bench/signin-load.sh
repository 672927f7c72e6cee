#!/usr/bin/env bash
# Sign-in speed: starts OpenEnvelope on Payara Micro (embedded H2 on a fresh data directory, or PostgreSQL), sets up
# an account whose identity provider the bench plays (a generated key, configured over the API) and runs SignInLoad:
# complete SP-initiated SAML sign-ins (start URL → AuthnRequest ID; Response signed ahead, untimed; POST to the ACS
# with its re-post; the user portal) at concurrency 1, 8 and 64, with a signed and with an encrypted assertion,
# after an untimed warm-up. Prints per case logins/s, p50/p90/p99 latency and the server JVM's CPU ms per sign-in
# (utime + stime from /proc), the start and ACS phases also apart. Loopback only; each case ends at its count or
# its time cap, whichever comes first.
# Usage: bench/signin-load.sh [--postgres] [sign-ins per case, default 1000] [at concurrency 1, default 300 or fewer]
#        (after `mvn -B install -DskipTests -DskipITs`)
#   --postgres or DB=postgres   PostgreSQL from OPENENVELOPE_TEST_POSTGRES_URL/_USER/_PASSWORD (when unset,
#                               `.ci/postgres` starts its throw-away cluster and sets them), in a fresh schema
#                               dropped afterwards; its processes' CPU is reported too
#   LAYOUT=whole-war, WAR=/path/to/other/openenvelope.war   how the server is started: bench/layout.sh
#   CONCURRENCY="8 64 1" (c=1 last: measured first, it reads the JIT still compiling)  CAP=60 (seconds per case, signing included)  WARMUP=2000 (untimed sign-ins per warm-up round; rounds until the JIT compiler threads use under 10 % of a core)  WARMUP_SECONDS=600 (at most)
#   HTTP_THREADS=8   the server's request threads (default four per core, as the run command and node/prepare.sh)
#   SIGN_REQUESTS=false   the IdP accepts unsigned AuthnRequests (the option set over the API before the run)
#   SERVER_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/signin.jfr"   extra options of the server's JVM
set -euo pipefail
cd "$(dirname "$0")/.."
db="${DB:-h2}"
if [ "${1:-}" = "--postgres" ]; then
    db=postgres
    shift
fi
case "$db" in h2|postgres) ;; *) echo "DB must be h2 or postgres, not $db" >&2; exit 2 ;; esac
count="${1:-1000}"
count_c1="${2:-$(( count < 300 ? count : 300 ))}"
concurrency="${CONCURRENCY:-8 64 1}"
. bench/layout.sh
micro="$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar | sort -V | tail -1)"
mvn -B -q -o -pl arquillian-tests test-compile 2>/dev/null || mvn -B -q -pl arquillian-tests test-compile
mvn -B -q -pl arquillian-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
work="$(mktemp -d)"
port=18769
# the HTTP listener on the loopback interface only
{
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1"
    # as the run's preboot.asadmin: the application sets X-Frame-Options itself
    echo "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xframe-options=false"
    # and sizes the request threads as the run command does (four per core); HTTP_THREADS to try others
    echo "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=${HTTP_THREADS:-$((4 * $(nproc)))}"
} >"$work/preboot.asadmin"
password=benchmark-password-1
database=()
schema=""
pid=""
database_pid=""

drop_schema() {
    PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$OPENENVELOPE_TEST_POSTGRES_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 \
        --dbname="${OPENENVELOPE_TEST_POSTGRES_URL#jdbc:}" --username="$OPENENVELOPE_TEST_POSTGRES_USER" \
        -c "drop schema if exists $schema cascade" >/dev/null || true
}
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
    if [ -n "$schema" ]; then drop_schema; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [ "$db" = postgres ]; then
    if [ -z "${OPENENVELOPE_TEST_POSTGRES_URL:-}" ]; then
        eval "$(bash .ci/postgres)"
    fi
    # jdbc:postgresql://host:port/database[?…]: loopback only
    hostport="$(sed -E 's#^jdbc:postgresql://([^/]*)/.*#\1#' <<<"$OPENENVELOPE_TEST_POSTGRES_URL")"
    pg_host="${hostport%:*}"
    pg_port="${hostport##*:}"
    if [ "$pg_port" = "$hostport" ]; then pg_port=5432; fi
    case "$pg_host" in 127.0.0.1|localhost|"[::1]") ;; *)
        echo "PostgreSQL must be on this machine's loopback interface, not $pg_host" >&2; exit 2 ;;
    esac
    schema="oe_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$OPENENVELOPE_TEST_POSTGRES_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 \
        --dbname="${OPENENVELOPE_TEST_POSTGRES_URL#jdbc:}" --username="$OPENENVELOPE_TEST_POSTGRES_USER" \
        -c "create schema $schema" >/dev/null
    separator='?'
    case "$OPENENVELOPE_TEST_POSTGRES_URL" in *\?*) separator='&' ;; esac
    database=(OPENENVELOPE_DATASOURCE_URL="$OPENENVELOPE_TEST_POSTGRES_URL${separator}currentSchema=$schema"
              OPENENVELOPE_DATASOURCE_USER="$OPENENVELOPE_TEST_POSTGRES_USER"
              OPENENVELOPE_DATASOURCE_PASSWORD="$OPENENVELOPE_TEST_POSTGRES_PASSWORD")
    # the postmaster: the process listening on the port (its backends are its children)
    database_pid="$(ss -Hltnp "sport = :$pg_port" 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -n 1)"
fi

env OPENENVELOPE_DATA_DIR="$work/data" OPENENVELOPE_ADMIN_PASSWORD="$password" "${database[@]}" \
    "${server[@]}" -Djava.io.tmpdir="$work" ${SERVER_JAVA_OPTS:-} -jar "$micro" --nohazelcast --disablephonehome \
    --port "$port" --prebootcommandfile "$work/preboot.asadmin" --contextroot / "${deployment[@]}" >"$work/server.log" 2>&1 &
pid=$!
started=$(date +%s)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login.xhtml")" = 200 ]; do
    sleep 0.5
    if ! kill -0 "$pid" 2>/dev/null || [ $(( $(date +%s) - started )) -gt 300 ]; then
        tail -n 100 "$work/server.log"
        exit 1
    fi
done
if [ "$db" = postgres ]; then
    echo "$(basename "$war") ($layout) from $(dirname "$war"), PostgreSQL schema $schema at ${OPENENVELOPE_TEST_POSTGRES_URL}$(
        [ -n "$database_pid" ] && echo " (postmaster pid $database_pid)" || echo " (its CPU not found: no ss answer)")"
else
    echo "$(basename "$war") ($layout) from $(dirname "$war"), embedded H2, data in $work/data"
fi
echo "server pid $pid on $(ss -Hltn "sport = :$port" | awk '{print $4}' | paste -sd ' '), $(nproc) CPUs; $count sign-ins per case ($count_c1 at c=1), each case capped at ${CAP:-60} s"
java -Xmx1g -Dopenenvelope.test.admin-password="$password" \
    -Dbench.server-pid="$pid" -Dbench.clock-ticks="$(getconf CLK_TCK)" \
    -Dbench.count="$count" -Dbench.count-c1="$count_c1" -Dbench.concurrency="$(tr -s ' ' ',' <<<"$concurrency")" \
    -Dbench.sign-requests="${SIGN_REQUESTS:-true}" -Dbench.cap-seconds="${CAP:-60}" -Dbench.warmup="${WARMUP:-2000}" -Dbench.warmup-seconds="${WARMUP_SECONDS:-600}" -Dbench.database-pid="$database_pid" \
    -cp "arquillian-tests/target/test-classes:$(cat arquillian-tests/target/bench.classpath)" \
    org.openenvelope.bench.SignInLoad "http://127.0.0.1:$port/" 2>"$work/client.log" \
    || { cat "$work/client.log"; echo "--- server log (last lines)"; tail -n 60 "$work/server.log"; exit 1; }
