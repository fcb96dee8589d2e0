#!/usr/bin/env bash
# The kill -9 suite at full length: a child Vigil killed with SIGKILL at random moments, 200 times by default.
# Runs on a snapshot of the working tree (so you can keep building meanwhile); figures end up in
# reliability/results/kill9.txt. Usage: reliability/kill9.sh [ITERATIONS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS="${1:-200}"
SEED="${2:-$RANDOM$RANDOM}"
SNAPSHOT="$(mktemp -d -t vigil-kill9.XXXXXX)"
trap 'rm -rf "$SNAPSHOT"' EXIT
tar --exclude=./app/target --exclude=./.git -cf - . | tar -C "$SNAPSHOT" -xf -
mkdir -p reliability/results
( cd "$SNAPSHOT" && ./mvnw -B -q -o test -Dtest=KillNineSuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dvigil.kill9.iterations="$ITERATIONS" -Dvigil.kill9.seed="$SEED" )
{ echo "seed $SEED, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"; \
  cat "$SNAPSHOT/app/target/reliability/kill9.txt"; } | tee reliability/results/kill9.txt
