#!/usr/bin/env bash
# Lays out an OpenEnvelope node in a directory, ready to start fast: Payara Micro unpacked once into a root
# directory with the application already deployed in it (its libraries in the root's lib/), and, unless --no-cds,
# a class-data-sharing archive of the classes a start loads, recorded by one training start. Build first
# (mvn -B install -DskipTests -DskipITs); start with <dir>/start.sh [Payara Micro options]. README, "Start-up and
# footprint".
#
# Usage: node/prepare.sh [--no-cds] <dir>
#   OPENENVELOPE_HTTP_ADDRESS  address the node listens on (default 127.0.0.1; 0.0.0.0 in a container)
set -euo pipefail
cds=true
if [ "${1:-}" = "--no-cds" ]; then cds=false; shift; fi
[ $# -eq 1 ] || { echo "usage: node/prepare.sh [--no-cds] <dir>" >&2; exit 2; }
repo="$(cd "$(dirname "$0")/.." && pwd)"
layout="$repo/web/target/openenvelope-micro"
micro="$(ls ~/.m2/repository/fish/payara/extras/payara-micro/*/payara-micro-*.jar 2>/dev/null | sort -V | tail -1)"
[ -f "$layout/openenvelope.war" ] && [ -n "$micro" ] \
    || { echo "Build first: mvn -B install -DskipTests -DskipITs (needs $layout and Payara Micro in ~/.m2)" >&2; exit 1; }

mkdir -p "$1"
node="$(cd "$1" && pwd)"
rm -rf "$node/root" "$node/config" "$node/openenvelope.jsa" "$node/training"
mkdir -p "$node/config" "$node/training/tmp"

java -jar "$micro" --rootdir "$node/root" --outputlauncher > "$node/training/launcher.log" 2>&1
cp "$layout"/lib/*.jar "$node/root/lib/"
sed -e "s/\${openenvelope.http.address}/${OPENENVELOPE_HTTP_ADDRESS:-127.0.0.1}/" \
    -e "s/\${openenvelope.http.threads}/${OPENENVELOPE_HTTP_THREADS:-$((4 * $(nproc)))}/" \
    "$repo/web/src/main/payara/preboot.asadmin" > "$node/config/preboot.asadmin"
cp "$repo/web/src/main/payara/postboot.asadmin" "$repo"/web/src/main/payara/logging-*.properties "$node/config/"

# The JVM options of every start; the training start must use the same ones for the archive to be accepted.
java_options=(-XX:+UseSerialGC -Xms128m "-Xmx${OPENENVELOPE_HEAP_MAX:-512m}")
training=("${java_options[@]}")
if $cds; then training+=("-XX:ArchiveClassesAtExit=$node/openenvelope.jsa"); fi

# Deploys the application into the root directory and starts it once, on a throw-away data directory and with
# none of this shell's OPENENVELOPE_* settings, so that no real database is touched; on a free port of loopback.
port=$(( 20000 + RANDOM % 20000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
env -i PATH="$PATH" HOME="$HOME" OPENENVELOPE_DATA_DIR="$node/training/data" \
    OPENENVELOPE_ADMIN_PASSWORD="training-start-only-$RANDOM$RANDOM" \
    java "${training[@]}" -Djava.io.tmpdir="$node/training/tmp" -jar "$node/root/launch-micro.jar" \
    --nohazelcast --disablephonehome --port "$port" --contextroot / \
    --prebootcommandfile "$node/config/preboot.asadmin" --postbootcommandfile "$node/config/postboot.asadmin" \
    --deploy "$layout/openenvelope.war" --warmup > "$node/training/training.log" 2>&1 \
    || { echo "The training start failed; see $node/training/training.log" >&2; exit 1; }
[ -d "$node/root/applications/openenvelope" ] \
    || { echo "The application was not deployed; see $node/training/training.log" >&2; exit 1; }

cds_option=""
if $cds; then cds_option="-XX:SharedArchiveFile=\"\$node/openenvelope.jsa\""; fi
cat > "$node/start.sh" <<START
#!/usr/bin/env bash
# Starts the OpenEnvelope node laid out by node/prepare.sh; extra arguments go to Payara Micro (e.g. --port 8081).
node="\$(cd "\$(dirname "\$0")" && pwd)"
export MALLOC_ARENA_MAX=\${MALLOC_ARENA_MAX:-2}
grid=--nohazelcast
case " \$* " in *" --clustermode "*) grid="" ;; esac
port="--port 8080"
case " \$* " in *" --port "*) port="" ;; esac
exec java ${java_options[*]} $cds_option \${OPENENVELOPE_JAVA_OPTIONS:-} \\
    -jar "\$node/root/launch-micro.jar" \$grid \$port --disablephonehome \\
    --prebootcommandfile "\$node/config/preboot.asadmin" --postbootcommandfile "\$node/config/postboot.asadmin" \\
    --logproperties "\$node/config/logging-\${OPENENVELOPE_LOG_FORMAT:-text}.properties" "\$@"
START
chmod +x "$node/start.sh"
rm -rf "$node/training/data" "$node/training/tmp"
echo "Prepared $node$($cds && echo " with a class-data-sharing archive"); start it with $node/start.sh"
