#!/usr/bin/env bash
# Times `vigil history --limit 50` as a whole command (JVM start included) over 1,000,000 alerts, with and
# without an AppCDS archive (JDK 17: -XX:ArchiveClassesAtExit once, then -XX:SharedArchiveFile).
#   bench/history.sh [RUNS]      needs app/target/vigil.jar and the test classes (bench/jmh.sh builds them)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
data="${VIGIL_BENCH_DATA:-/tmp/vigil-history-1m}"
[[ -s app/cp.txt ]] || ./mvnw -B -q -o -pl app dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
if [[ ! -f "$data/vigil.db" ]]; then
  java -cp "$(cat app/cp.txt):app/target/test-classes:app/target/classes" dev.vigil.bench.HistoryFixture "$data" 1000000
fi
jsa=app/target/vigil-cds.jsa
# One training run writes the archive of the classes that history loads.
java -XX:ArchiveClassesAtExit="$jsa" -jar app/target/vigil.jar history --limit 50 --data "$data" >/dev/null 2>&1
plain="java -jar app/target/vigil.jar history --limit 50 --data $data"
cds="java -XX:SharedArchiveFile=$jsa -Xshare:auto -jar app/target/vigil.jar history --limit 50 --data $data"
tuned="java -XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar app/target/vigil.jar history --limit 50 --data $data"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$runs" --export-json bench/results/history-hyperfine.json \
    -n plain "$plain" -n appcds "$cds" -n appcds+c1+serial "$tuned"
else
  for cmd in "$plain" "$cds" "$tuned"; do
    echo "$cmd"
    for _ in $(seq "$runs"); do /usr/bin/time -f "%e s %M KB" $cmd >/dev/null; done
  done
fi
