#!/usr/bin/env bash
# Cold start to first successful HTTP answer, median of N runs, for an empty Payara Micro and for OpenEnvelope on
# Payara Micro; plus resident memory (RSS) once the service answers.
# Usage: bench/startup.sh [runs]   (after `mvn -B install -DskipTests -DskipITs`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
micro="$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar | sort -V | tail -1)"
war="web/target/openenvelope.war"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=18765

measure() { # label url-path [payara args...]
    local label="$1" path="$2"; shift 2
    local times=() rss=()
    for i in $(seq "$runs"); do
        rm -rf "$work/data" "$work/tmp"; mkdir -p "$work/tmp"
        local start; start=$(date +%s%N)
        OPENENVELOPE_DATA_DIR="$work/data" OPENENVELOPE_ADMIN_PASSWORD=benchmark-password-1 \
            java -Djava.io.tmpdir="$work/tmp" -jar "$micro" --nohazelcast --disablephonehome --port "$port" "$@" \
            >"$work/$label-$i.log" 2>&1 &
        local pid=$!
        until code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path") && [ "$code" != 000 ] \
              && { [ "$label" = empty ] || [ "$code" = 200 ]; }; do
            sleep 0.1
            kill -0 "$pid" 2>/dev/null || { echo "$label run $i died; see $work/$label-$i.log"; exit 1; }
        done
        local end; end=$(date +%s%N)
        times+=("$(( (end - start) / 1000000 ))")
        rss+=("$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")")
        kill "$pid"; wait "$pid" 2>/dev/null || true
    done
    local median_t median_r
    median_t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    median_r=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    echo "$label: first answer ms ${times[*]} (median $median_t); RSS MiB ${rss[*]} (median $median_r)"
}

measure empty / 
measure openenvelope /login.xhtml --contextroot / --deploy "$war"
