#!/usr/bin/env bash
# Runs Vigil's JMH benchmarks (app/src/test/java/dev/vigil/bench) from the test classes.
#   bench/jmh.sh                      every benchmark
#   bench/jmh.sh StoreWrite           only classes matching the regex (any JMH option may follow)
#   SKIP_BUILD=1 bench/jmh.sh ...     reuse the classes already compiled
# Offline build; needs ~/.m2 with the project's dependencies (jmh-core 1.37 included).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -o -pl app test-compile
fi
if [[ ! -s app/cp.txt || app/pom.xml -nt app/cp.txt ]]; then
  ./mvnw -B -q -o -pl app dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
fi
exec java -cp "$(cat app/cp.txt):app/target/test-classes:app/target/classes" org.openjdk.jmh.Main "${@:-dev.vigil.bench}"
