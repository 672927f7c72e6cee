#!/usr/bin/env bash
# JMH: sealing a 1 MB and a 10 MB message with OpenEnvelope's EnvelopeCipher against raw JCA AES-256-GCM over the
# same bytes, in one run (and sealing plus rendering the securedoc attachment, for scale); prints MB/s and the ratio.
# Usage: bench/envelope-seal.sh [extra JMH options, e.g. -f 2 -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl jpa,ejb -am test-compile -DskipTests
mvn -B -q -pl ejb dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "ejb/target/test-classes:ejb/target/classes:jpa/target/classes:$(cat ejb/target/bench.classpath)" \
    org.openenvelope.envelope.bench.EnvelopeSealBenchmark "$@"
