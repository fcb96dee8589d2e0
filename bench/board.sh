#!/usr/bin/env bash
# The monitors board with N monitors (default 5000), refreshed every 5 s as the desktop does: scrolled top to bottom a
# screen at a time (longest FX pulse gap and FX CPU per frame), then idle for SECONDS (default 60; process CPU share).
# Then the engine's side: MonitorBoard.rows over a real store with N monitors (first read of the week, then each
# refresh). Monocle headless, software renderer (as the TestFX tests), the desktop app's JVM flags
# (installer/jvm.options; JAVA_OPTS adds to them). Prints, never asserts.
#   bench/board.sh [N] [SECONDS]
#   SKIP_BUILD=1 bench/board.sh ...        reuse the compiled test classes
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5000}"; seconds="${2:-60}"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -o -pl app test-compile
fi
if [[ ! -s app/cp.txt || app/pom.xml -nt app/cp.txt ]]; then
  ./mvnw -B -q -o -pl app dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
fi
cp="$(cat app/cp.txt):app/target/test-classes:app/target/classes"
# shellcheck disable=SC2086
java $(cat installer/jvm.options) ${JAVA_OPTS:-} -cp "$cp" dev.vigil.ui.DesktopProbe board "$n" "$seconds"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
java $(cat installer/jvm.options) ${JAVA_OPTS:-} -cp "$cp" dev.vigil.engine.BoardCost "$tmp" "$n"
