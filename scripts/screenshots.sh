#!/usr/bin/env bash
# Writes docs/screenshots/*.png from the real views over sample data, under Xvfb so they stay true.
# Needs: xvfb (xvfb-run), libgtk-3-0, fonts-dejavu. Usage: scripts/screenshots.sh [OUTPUT_DIR]
# Maven runs offline (-o) unless VIGIL_MVN_FLAGS is set (e.g. VIGIL_MVN_FLAGS= for online CI).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
./mvnw -B -q ${VIGIL_MVN_FLAGS--o} -pl app test-compile
./mvnw -B -q ${VIGIL_MVN_FLAGS--o} -pl app dependency:build-classpath -Dmdep.outputFile=target/ui-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="app/target/classes:app/target/test-classes:$(cat app/target/ui-classpath.txt)"
run=(java -Dprism.order=sw -Djava.awt.headless=false -cp "$cp" dev.vigil.ui.Screenshots "$out")
if [[ -n "${DISPLAY:-}" ]]; then
  "${run[@]}"
else
  xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
fi
