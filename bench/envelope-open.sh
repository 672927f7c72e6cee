#!/usr/bin/env bash
# How long headless Chromium takes to open a large envelope: starts OpenEnvelope on Payara Micro (fresh data
# directory, mail to a GreenMail relay inside the bench JVM), seals a message of the given size, opens its securedoc
# file, signs in with the mailed code and reloads the viewer for each round, printing the viewer's own measures
# (WebCrypto decryption; key to message shown).
# Usage: bench/envelope-open.sh [megabytes, default 10] [rounds, default 5]   (after `mvn -B install -DskipTests -DskipITs`)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-10}"
rounds="${2:-5}"
war="$(realpath "${WAR:-web/target/openenvelope.war}")"
micro="$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar | sort -V | tail -1)"
mvn -B -q -o -pl arquillian-tests test-compile 2>/dev/null || mvn -B -q -pl arquillian-tests test-compile
mvn -B -q -pl arquillian-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
work="$(mktemp -d)"
port=18767
smtp=18768
password=benchmark-password-1
OPENENVELOPE_DATA_DIR="$work/data" OPENENVELOPE_ADMIN_PASSWORD="$password" OPENENVELOPE_MAIL_SMTP_HOST=127.0.0.1 \
    OPENENVELOPE_MAIL_SMTP_PORT="$smtp" OPENENVELOPE_MAIL_SMTP_SECURITY=none \
    java -Xmx1g -Djava.io.tmpdir="$work" -jar "$micro" --nohazelcast --disablephonehome --port "$port" \
    --contextroot / --deploy "$war" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login.xhtml")" = 200 ]; do
    sleep 0.5
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
done
java -Dopenenvelope.test.admin-password="$password" \
    -cp "arquillian-tests/target/test-classes:$(cat arquillian-tests/target/bench.classpath)" \
    org.openenvelope.bench.EnvelopeOpeningInBrowser "http://127.0.0.1:$port/" "$smtp" "$megabytes" "$rounds" \
    2>"$work/client.log" || { cat "$work/client.log"; exit 1; }
