#!/usr/bin/env bash
# Cold start to first successful HTTP answer, median of N runs, resident memory (RSS) and classes loaded at that
# moment, for:
#   empty         an empty Payara Micro
#   whole-war     the self-contained openenvelope.war on Payara Micro with the JVM's default options
#   run-command   the Payara Micro layout (web/target/openenvelope-micro) with the README run command's JVM options
#   node          a node laid out by node/prepare.sh (prepared root directory and class-data-sharing archive)
#   node-restart  the same node started again on the data directory of its previous start (no migrations, no
#                 initial administrator): a node joining a running service
# OpenEnvelope's first answer is the sign-in page (200); every OpenEnvelope start but node-restart is on a fresh
# data directory.
# Usage: bench/startup.sh [runs]   (after `mvn -B install -DskipTests -DskipITs`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
micro="$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar | sort -V | tail -1)"
layout="web/target/openenvelope-micro"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=18765

measure() { # label url-path fresh-data(true|false) command...
    local label="$1" path="$2" fresh="$3"; shift 3
    local times=() rss=() classes=()
    for i in $(seq "$runs"); do
        if $fresh; then rm -rf "$work/data"; fi
        rm -rf "$work/tmp"; mkdir -p "$work/tmp"
        local start; start=$(date +%s%N)
        OPENENVELOPE_DATA_DIR="$work/data" OPENENVELOPE_ADMIN_PASSWORD=benchmark-password-1 \
            _JAVA_OPTIONS="-Djava.io.tmpdir=$work/tmp" "$@" >"$work/$label-$i.log" 2>&1 &
        local pid=$!
        until code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path") && [ "$code" != 000 ] \
              && { [ "$label" = empty ] || [ "$code" = 200 ]; }; do
            sleep 0.1
            kill -0 "$pid" 2>/dev/null || { echo "$label run $i died; see $work/$label-$i.log"; exit 1; }
        done
        local end; end=$(date +%s%N)
        times+=("$(( (end - start) / 1000000 ))")
        rss+=("$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")")
        classes+=("$(jstat -class "$pid" 2>/dev/null | awk 'NR == 2 {print $1}')")
        kill "$pid"; wait "$pid" 2>/dev/null || true
    done
    local median_t median_r
    median_t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    median_r=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    echo "$label: first answer ms ${times[*]} (median $median_t); RSS MiB ${rss[*]} (median $median_r);" \
         "classes loaded ${classes[*]}"
}

exec_micro=(java -jar "$micro" --nohazelcast --disablephonehome --port "$port")
measure empty / true "${exec_micro[@]}"
measure whole-war /login.xhtml true "${exec_micro[@]}" --contextroot / --deploy web/target/openenvelope.war
measure run-command /login.xhtml true env MALLOC_ARENA_MAX=2 java -XX:+UseSerialGC -Xms128m -Xmx512m -jar "$micro" \
    --nohazelcast --disablephonehome --port "$port" --contextroot / \
    --addlibs "$layout/lib" --deploy "$layout/openenvelope.war"
node/prepare.sh "$work/node" >/dev/null
measure node /login.xhtml true "$work/node/start.sh" --port "$port"
measure node-restart /login.xhtml false "$work/node/start.sh" --port "$port"
