#!/usr/bin/env bash
# Headless footprint of `vigil run --headless` watching N loopback endpoints (default 100, every 30 s):
# RSS (VmRSS) and CPU % of one core over a quiet minute, after a warm-up. Optional JVM flags in JAVA_OPTS.
# The fleet keeps idle connections open for FLEET_IDLE_S seconds (default 3600, as `vigil bench`'s fleet: goal 1's
# keep-alive setting); FLEET_IDLE_S=30 is the JDK HttpServer's own default, shorter than the 30 s check interval,
# so every check then finds its pooled connection closed by the server and connects again.
#   bench/footprint.sh [N] [WARMUP_S] [MEASURE_S]    needs app/target/vigil.jar (another jar: VIGIL_JAR=path)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${VIGIL_JAR:-app/target/vigil.jar}"
n="${1:-100}"; warm="${2:-45}"; measure="${3:-60}"
tmp=$(mktemp -d); mkdir -p "$tmp/rules" "$tmp/data"
mkfifo "$tmp/fleet-in"
java -Xmx64m -Dsun.net.httpserver.idleInterval="${FLEET_IDLE_S:-3600}" -cp "$jar" dev.vigil.bench.FleetProcess 1 4 <"$tmp/fleet-in" >"$tmp/fleet-out" &
fleet=$!
exec 3>"$tmp/fleet-in"
sleep 2
port=$(sed -n 's/^ready //p' "$tmp/fleet-out")
{ echo "monitors:"; for i in $(seq 1 "$n"); do
  printf '  - id: svc-%d\n    url: http://127.0.0.1:%s/svc/svc-%d\n    interval: 30s\n    expect: [status == 200]\n' "$i" "$port" "$i"; done; } >"$tmp/rules/fleet.yaml"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" run --headless --rules "$tmp/rules" --data "$tmp/data" --api-port 0 >"$tmp/run.log" 2>&1 &
vigil=$!
sleep "$warm"
ticks() { awk '{print $14+$15}' "/proc/$vigil/stat"; }
t0=$(ticks); sleep "$measure"; t1=$(ticks)
rss=$(awk '/VmRSS/{print $2}' "/proc/$vigil/status")
hz=$(getconf CLK_TCK)
printf 'endpoints=%s fleet_idle_s=%s JAVA_OPTS="%s" rss_mb=%.0f cpu_percent=%.2f\n' "$n" "${FLEET_IDLE_S:-3600}" "${JAVA_OPTS:-}" "$(echo "$rss/1024" | bc -l)" \
  "$(echo "100*($t1-$t0)/$hz/$measure" | bc -l)"
kill "$vigil"; wait "$vigil" 2>/dev/null || true
exec 3>&-; wait "$fleet" 2>/dev/null || true
rm -rf "$tmp"
