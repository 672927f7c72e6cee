#!/usr/bin/env bash
# JMH: ACS validation of a signed Response + signed Assertion (plain and encrypted), OpenEnvelope's ResponseValidator
# against the same work done with bare OpenSAML calls, in one run; prints ops/s of both and the ratio.
# Usage: bench/acs-validation.sh [extra JMH options, e.g. -f 2 -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl jpa,ejb -am test-compile -DskipTests
mvn -B -q -pl ejb dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "ejb/target/test-classes:ejb/target/classes:jpa/target/classes:$(cat ejb/target/bench.classpath)" \
    org.openenvelope.saml.bench.AcsValidationBenchmark "$@"
