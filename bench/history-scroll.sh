#!/usr/bin/env bash
# Scrolls the History view over 1,000,000 alerts page by page and prints ms per page (keyset query + the table's
# CSS/layout pass, and the longest FX pulse gap), then the longest FX pulse gap while 10,000 alerts fire within
# one second into the inbox. Monocle headless, software renderer (as the TestFX tests). Prints, never asserts.
#   bench/history-scroll.sh [PAGES] [STORM_N]      (PAGES of HistoryViewModel.PAGE = 200 rows; default 1000)
#   SKIP_BUILD=1 bench/history-scroll.sh ...        reuse the compiled test classes
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-1000}"; storm="${2:-10000}"
data="${VIGIL_SCROLL_DATA:-/tmp/vigil-scroll-1m}"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -o -pl app test-compile
fi
if [[ ! -s app/cp.txt || app/pom.xml -nt app/cp.txt ]]; then
  ./mvnw -B -q -o -pl app dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
fi
cp="$(cat app/cp.txt):app/target/test-classes:app/target/classes"
if [[ "$pages" -gt 0 ]]; then # 0: only the storm
  if [[ ! -f "$data/vigil.db" ]]; then
    java -cp "$cp" dev.vigil.bench.HistoryFixture "$data" 1000000
  fi
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -cp "$cp" dev.vigil.ui.DesktopProbe scroll "$data" "$pages"
fi
if [[ "$storm" -gt 0 ]]; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -cp "$cp" dev.vigil.ui.DesktopProbe storm "$tmp/data" "$storm"
fi
